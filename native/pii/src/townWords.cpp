#include "townWords.h"

#include "letters.h"
#include "regex.h"
#include "scan.h"

namespace fieldtune_pii {
namespace {

const char16_t* const CAPW = uR"re([\p{Lu}][\p{L}\p{M}'’.\-]*)re";

struct Regexes {
    Regex wordsBeforeCode{std::u16string(CAPW) + uR"re((?:[ \t])re" + CAPW + uR"re(){0,2}[ \t]+$)re", "u"};
    Regex cityBefore{std::u16string(uR"re((?<![\p{L}\p{M}]))re") + CAPW + uR"re((?:[ \t])re" + CAPW + uR"re(){0,2}$)re", "u"};
    UnitClass word{uR"re([\p{L}\p{M}'’.\-])re"};
    UnitClass capital{u"\\p{Lu}"};
    UnitClass letterOrMark{u"[\\p{L}\\p{M}]"};
};
const Regexes& rx() {
    static const Regexes r;
    return r;
}

const int FALL_BACK = -2;
bool isSurrogate(int c) { return c >= 0xd800 && c <= 0xdfff; }

// wordsBeforeCode.ts firstWordStart: where one to three capitalized words ending at `end` start (the leftmost
// start), -1 when none, FALL_BACK when a surrogate among them leaves it to the regex.
int firstWordStart(const Text& t, int from, int end, bool notAfterLetter) {
    const Regexes& r = rx();
    int runEnd = end, best = -1;
    for (int words = 0; words < 3; words++) {
        int k = runEnd;
        while (k > from) {
            int c = t.at(k - 1);
            if (isSurrogate(c)) return FALL_BACK;
            if (!r.word.has(c)) break;
            k--;
        }
        if (k == runEnd) break;
        int first = -1;
        for (int i = k; i < runEnd; i++) {
            if (r.capital.has(t.at(i)) && (!notAfterLetter || i == k || !r.letterOrMark.has(t.at(i - 1)))) {
                first = i;
                break;
            }
        }
        if (first < 0) break;
        best = first;
        if (first != k || k - 1 <= from || !isBlank(t.at(k - 1))) break;
        runEnd = k - 1;
    }
    return best;
}

// The first and last words of every known town (cityWords.ts wordsOf), made once per set of lists.
struct TownEnds {
    WordSet first, last;
};
const TownEnds& townEnds(const Resources& res) {
    return res.derived<TownEnds>("townEnds", [](const Resources& r) {
        TownEnds ends;
        for (const std::u16string& key : r.set("cities").words()) {
            size_t a = key.find(u' '), b = key.rfind(u' ');
            ends.first.add(a == std::u16string::npos ? key : key.substr(0, a));
            ends.last.add(b == std::u16string::npos ? key : key.substr(b + 1));
        }
        return ends;
    });
}

// The word lower-cased when it is all printable ASCII (cityWords.ts PRINTABLE_ASCII); false otherwise.
bool printableLower(const Text& t, int s, int e, std::u16string& out) {
    out.clear();
    for (int i = s; i < e; i++) {
        int c = t.at(i);
        if (c < 0x20 || c > 0x7e) return false;
        out += static_cast<char16_t>(asciiLower(c));
    }
    return true;
}

bool endsInStop(const std::u16string& w) { return !w.empty() && (w.back() == u'.' || w.back() == u','); }

}  // namespace

std::pair<int, int> wordsBeforeCode(const Text& t, int from, int to) {
    if (to <= from || !isBlank(t.at(to - 1))) return {-1, -1};
    int end = to - 1;
    while (end > from && isBlank(t.at(end - 1))) end--;
    int start = firstWordStart(t, from, end, false);
    if (start == FALL_BACK) {
        RegexMatch m;
        if (!rx().wordsBeforeCode.find(t.slice(from, to), from, m)) return {-1, -1};
        return {m.groups[0].first, blanksBack(t, m.end)};
    }
    return start < 0 ? std::pair<int, int>{-1, -1} : std::pair<int, int>{start, end};
}

int cityBefore(const Text& t, int from, int to) {
    int start = firstWordStart(t, from, to, true);
    if (start != FALL_BACK) return start;
    RegexMatch m;
    return rx().cityBefore.find(t.slice(from, to), from, m) ? m.groups[0].first : -1;
}

bool mayOpenTown(const Resources& res, const Text& t, int s, int e) {
    std::u16string w;
    if (!printableLower(t, s, e, w)) return true;
    const WordSet& first = townEnds(res).first;
    if (first.has(w)) return true;
    if (endsInStop(w)) w.pop_back();
    return first.has(w);
}

bool mayCloseTown(const Resources& res, const Text& t, int s, int e) {
    std::u16string w;
    if (!printableLower(t, s, e, w)) return true;
    if (endsInStop(w)) w.pop_back();
    return townEnds(res).last.has(w);
}

}  // namespace fieldtune_pii
