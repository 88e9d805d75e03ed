#include "nameContext.h"

#include <algorithm>
#include <vector>

#include "foldedWords.h"
#include "letters.h"
#include "wordTokens.h"

namespace fieldtune_pii {
namespace {

// span.ts escapeRe, then /\s+/g -> '[ \t]+' (nameContext.ts nameLists alt)
std::u16string escapeForm(const std::u16string& s) {
    static const std::u16string SPECIAL = u".*+?^${}()|[]\\/";
    std::u16string out;
    for (size_t i = 0; i < s.size(); i++) {
        if (isSpace(s[i])) {
            while (i + 1 < s.size() && isSpace(s[i + 1])) i++;
            out += u"[ \\t]+";
            continue;
        }
        if (SPECIAL.find(s[i]) != std::u16string::npos) out.push_back(u'\\');
        out.push_back(s[i]);
    }
    return out;
}

// foldKey(l).replace(/\s+/g, ' ')
std::u16string oneSpace(const std::u16string& s) {
    std::u16string out;
    for (size_t i = 0; i < s.size(); i++) {
        if (isSpace(s[i])) {
            while (i + 1 < s.size() && isSpace(s[i + 1])) i++;
            out.push_back(u' ');
        } else {
            out.push_back(s[i]);
        }
    }
    return out;
}

bool isLetterAt(const Text& t, int i) {
    const int c = t.at(i);
    return c >= 0 && isLetterUnit(c);
}

}  // namespace

// nameContext.ts nameLists
const NameLists& nameLists(const Resources& res) {
    return res.derived<NameLists>("names:lists", [](const Resources& r) {
        NameLists out;
        for (const std::u16string& t : r.list("titles")) out.titles.add(r.fold(t));
        for (const std::u16string& l : r.list("nameLabels")) {
            const std::u16string label = oneSpace(r.fold(l));
            out.labels.add(label);
            const size_t space = label.rfind(u' ');
            out.labelLastWords.add(space == std::u16string::npos ? label : label.substr(space + 1));
        }
        std::vector<std::u16string> forms = r.list("credentialForms");
        for (const std::u16string& form : forms) {
            const int code = form.empty() ? -1 : form[0];
            if (code >= 0 && code < 128 && (isAsciiAlnum(code) || code == '.' || code == '(')) {
                out.credentialFirst[code] = true;
            } else {
                out.credentialAny = true;
                break;
            }
        }
        for (const std::u16string& form : forms) {
            if (out.credentialAny) break;
            const int first = form[0];
            if (form.size() == 1) out.credentialAnySecond[first] = true;
            else if (isSpace(form[1])) out.credentialSecond[first][' '] = out.credentialSecond[first]['\t'] = true;
            else if (form[1] >= 128) out.credentialWideSecond[first] = true;
            else out.credentialSecond[first][form[1]] = true;
        }
        std::stable_sort(forms.begin(), forms.end(), [](const std::u16string& a, const std::u16string& b) { return a.size() > b.size(); });
        std::u16string alt;
        for (const std::u16string& form : forms) alt += (alt.empty() ? u"" : u"|") + escapeForm(form);
        // case-sensitive: "MD", "Esq." are credentials, "do" and "Rd" are not
        out.credential = std::make_unique<Regex>(u"^,?[ \\t]*(?:" + alt + u")(?![\\p{L}])", "u");
        return out;
    });
}

// nameContext.ts titleBefore
bool titleBefore(const Text& t, int start, const NameLists& c, const Resources& res) {
    int i = start;
    while (i > t.lo && (t.at(i - 1) == ' ' || t.at(i - 1) == '\t')) i--;
    if (i == start) return false;
    if (t.at(i - 1) == '.') i--;
    int j = i;
    while (j > t.lo && j > i - 16 && isLetterAt(t, j - 1)) j--;
    return j < i && hasFolded(c.titles, res, t, j, i);
}

// nameContext.ts labelBefore
bool labelBefore(const Text& t, int start, const NameLists& c, const Resources& res, std::u16string& label, bool& punct) {
    int i = start;
    int breaks = 0;
    while (i > t.lo) {
        const int ch = t.at(i - 1);
        if (ch == ' ' || ch == '\t' || ch == '\r') {
            i--;
        } else if (ch == '\n' && breaks < 2) {
            i--;
            breaks++;
        } else {
            break;
        }
    }
    punct = t.at(i - 1) == ':' || t.at(i - 1) == ',';
    if (punct) i--;
    while (i > t.lo && (t.at(i - 1) == ' ' || t.at(i - 1) == '\t')) i--;
    int wordStarts[4];
    int j = i;
    int count = 0;
    for (int w = 0; w < 4 && j > t.lo; w++) {
        int k = j;
        while (k > t.lo && (isLetterAt(t, k - 1) || t.at(k - 1) == '\'' || t.at(k - 1) == 0x2019)) k--;
        if (k == j) break;
        j = k;
        wordStarts[count++] = j;
        if (w == 0 && !hasFolded(c.labelLastWords, res, t, j, i)) return false;
        if (t.at(j - 1) != ' ' || !isLetterAt(t, j - 2)) break;
        if (w < 3) j--;
    }
    for (int k = count; k >= 1; k--) {
        const int from = wordStarts[k - 1];
        if (hasFolded(c.labels, res, t, from, i)) {
            label = res.fold(t, from, i);
            return true;
        }
    }
    return false;
}

// nameContext.ts wordBeforeBlanksStart
int wordBeforeBlanksStart(const Text& t, int at, int floor, int& from, int& to) {
    int i = at;
    while (i > floor && (t.at(i - 1) == ' ' || t.at(i - 1) == '\t')) i--;
    if (i == at) return -1;
    if (i > floor && t.at(i - 1) == '.') i--;
    int j = i;
    while (j > floor && isLetterAt(t, j - 1)) j--;
    // a letter outside the BMP is two code units: a surrogate pair stepped over as one letter
    while (j > floor + 1 && isLowSurrogate(t.at(j - 1)) && isAstralLetter(t.at(j - 2), t.at(j - 1))) {
        j -= 2;
        while (j > floor && isLetterAt(t, j - 1)) j--;
    }
    from = j;
    to = i;
    return j;
}

const Regex& roleAfter() {
    static const Regex re(
        uR"re(^,?[ \t]*(?:an individual|individually|Plaintiffs?|Defendants?|Petitioner|Respondent|Appellant|Appellee|Debtor|Claimant|et al\.?|Esq\.?|\(?(?:DOB|D\.O\.B\.|date of birth|born|MRN|aged?[ \t]+\d))(?![\p{L}]))re",
        "iu");
    return re;
}

namespace {

// Where "^,?[ \t]*" leaves a regex run on input.slice(end, end + 40), and the two units there (-1 past the window).
void openingAfter(const Text& t, int end, int& first, int& second) {
    const int limit = end + 40;
    int p = end;
    if (t.at(p) == ',') p++;
    while (t.at(p) == ' ' || t.at(p) == '\t') p++;
    first = p < limit ? t.at(p) : -1;
    second = p + 1 < limit ? t.at(p + 1) : -1;
}

}  // namespace

bool credentialMayMatch(const Text& t, int end, const NameLists& c) {
    if (c.credentialAny) return true;
    int first, second;
    openingAfter(t, end, first, second);
    // every form opens with an ASCII letter, digit, dot or parenthesis (else credentialAny): no match can open on
    // the comma or a blank
    if (first < 0 || first >= 128 || !c.credentialFirst[first]) return false;
    if (c.credentialAnySecond[first]) return true;
    if (second < 0) return false;
    return second >= 128 ? c.credentialWideSecond[first] : c.credentialSecond[first][second];
}

bool roleMayMatch(const Text& t, int end) {
    // the first three units of each of ROLE_AFTER's words, lower-cased ("(" and one of its dated words too)
    static const char* const OPENINGS[] = {"an ", "ind", "pla", "def", "pet", "res", "app", "deb", "cla", "et ", "esq", "dob",
                                           "d.o", "dat", "bor", "mrn", "age", "(do", "(d.", "(da", "(bo", "(mr", "(ag"};
    const int limit = end + 40;
    int p = end;
    if (t.at(p) == ',') p++;
    while (t.at(p) == ' ' || t.at(p) == '\t') p++;
    int unit[3];
    for (int k = 0; k < 3; k++) unit[k] = p + k < limit ? t.at(p + k) : -1;
    for (const char* opening : OPENINGS) {
        bool may = true;
        // under iu, 'ſ' and the Kelvin sign fold to s and k: a unit past ASCII may be any letter
        for (int k = 0; k < 3 && may; k++) may = unit[k] >= 128 || (unit[k] >= 0 && asciiLower(unit[k]) == opening[k]);
        if (may) return true;
    }
    return false;
}

// nameContext.ts roleMayOpen: ROLE_FIRST's characters, or anything past ASCII
bool roleMayOpen(int code) {
    if (code >= 128) return true;
    if (code < 0) return false;
    static const char16_t* const FIRST = u"aAiIpPdDrRcCeE(bBmM";
    return std::char_traits<char16_t>::find(FIRST, 19, static_cast<char16_t>(code)) != nullptr;
}

// nameContext.ts capitalAt
bool capitalAt(const Text& t, int at) {
    const int code = t.at(at);
    if (code < 0) return false;
    return isCapitalUnit(code);
}

}  // namespace fieldtune_pii
