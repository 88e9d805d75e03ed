#include "nameCitations.h"

#include <algorithm>
#include <utility>

#include "regex.h"

namespace fieldtune_pii {
namespace {

const Regex& citation() {
    static const Regex re(
        uR"re([\p{Lu}][\p{L}\p{M}.'’& -]{0,80}?\s+v\.\s+[\p{Lu}][\p{L}\p{M}.'’&, -]{0,80}?,\s+\d{1,4}\s+[A-Z][A-Za-z0-9. ]{0,20}?\s+\d{1,5})re",
        "u");
    return re;
}

// nameCitations.ts classOf: bit 1 party-or-space ([\p{L}\p{M}.'’& -]|\s), bit 2 capital, bit 4 space
int classOf(int code) {
    if (code < 0) return 0;
    if (code < 128) {
        const bool letter = isAsciiLetter(code);
        const bool space = code == ' ' || (code >= 9 && code <= 13);
        const bool party = letter || space || code == '.' || code == '\'' || code == '&' || code == '-';
        return (party ? 1 : 0) | (isUpper(code) ? 2 : 0) | (space ? 4 : 0);
    }
    // a surrogate half may belong to a letter or mark outside the BMP: counted as one
    if (isHighSurrogate(code)) return 3;
    if (isLowSurrogate(code)) return 1;
    const bool space = isSpace(code);
    const bool party = space || code == 0x2019 || letterOrMark(code);
    return (party ? 1 : 0) | (isCapitalUnit(code) ? 2 : 0) | (space ? 4 : 0);
}

// nameCitations.ts citationStarts: capitals from which party characters and blanks reach a "v." after a blank
void citationStarts(const Text& w, std::vector<int>& out) {
    out.clear();
    bool reach = false;
    for (int x = w.hi - 1; x >= w.lo; x--) {
        const int code = w.at(x);
        const int cls = classOf(code);
        if (!(cls & 1)) reach = false;
        else if (code == 'v' && w.at(x + 1) == '.' && x > w.lo && (classOf(w.at(x - 1)) & 4)) reach = true;
        if (reach && (cls & 2)) out.push_back(x);
    }
    std::reverse(out.begin(), out.end());
}

// nameCitations.ts versusFromWords
void versusFromWords(const WordTokens& t, std::vector<int>& out) {
    const Text& input = t.text;
    for (int i = 0; i < t.count(); i++) {
        const int s = t.start[i];
        if (t.end[i] - s == 1 && input.at(s) == 'v' && input.at(s - 1) == ' ' && input.at(s + 1) == '.') out.push_back(s - 1);
    }
}

}  // namespace

// nameCitations.ts citationWords, citationRanges and citationMatches: the regex on a window around each " v."
void citationWords(const WordTokens& t, std::vector<uint8_t>& out) {
    const Text& input = t.text;
    const int n = t.count();
    out.assign(n, 0);
    std::vector<int> versus;
    versusFromWords(t, versus);
    if (versus.empty()) return;
    std::vector<std::pair<int, int>> excluded;
    std::vector<int> starts;
    for (int at : versus) {
        const int from = std::max(input.lo, at - 90);
        const Text w = input.slice(from, at + 200);
        citationStarts(w, starts);
        int next = w.lo;
        for (int s : starts) {
            if (s < next) continue;
            const int e = citation().matchAt(w, s);
            if (e < 0) continue;
            next = e;
            if (s <= at && e > at) excluded.push_back({s, e});
        }
    }
    std::stable_sort(excluded.begin(), excluded.end(), [](const std::pair<int, int>& a, const std::pair<int, int>& b) { return a.first < b.first; });
    size_t ci = 0;
    int reach = -1;
    for (int i = 0; i < n; i++) {
        while (ci < excluded.size() && excluded[ci].first <= t.start[i]) reach = std::max(reach, excluded[ci++].second);
        out[i] = t.end[i] <= reach ? 1 : 0;
    }
}

}  // namespace fieldtune_pii
