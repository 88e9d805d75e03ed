#include "labelled.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "jsCase.h"
#include "labelTrie.h"
#include "letters.h"
#include "regex.h"
#include "scan.h"

namespace fieldtune_pii {
namespace {

// labelled.ts: the pattern is
//   (?=[lead])(?<![\p{L}\d])(?<label>ALTERNATION)(?![\p{L}])JOINER(?<value>VALUE)   flags giu
// Here the look-behind is tested by hand, the alternation walked by LabelTrie, and REST (everything after the label
// group, verbatim) run by the regex engine, sticky, from each end the alternation can have. Why this finds the one
// regex's match:
//  - (?=[lead]) only asks for a first character some alternative opens with, which the alternation asks anyway.
//  - A backtracking engine matches `(?<label>ALT)REST` at p by trying ALT's ways of matching in ALT's order (the
//    alternatives left to right; inside one, \s+ greedy then shorter, \.? with the dot then without), each with
//    REST as its continuation, and returns the first way whose continuation succeeds, with the continuation's own
//    first success. REST reads no capture of the label group (no back-reference) and its look-arounds read only the
//    text, so its outcome from a state depends on the end position alone: it is what the sticky REST regex finds
//    there. Hence the match is: the first (alternative, end) in that order for which REST matches at the end, the
//    label group [p, end) and the value group REST's.
//  - LabelTrie::matchesAt ranks the alternatives as the alternation does (byFirstLetter: by first code point's
//    group, each group in the labels' order: the rank is the index in that order), and ends() gives one's ends as
//    the engine tries them. Inside an alternative only a final \s+ can give back blanks usefully: a \s+ before a
//    literal must take the whole run (the literal, never whitespace, cannot match a blank it leaves).
const char16_t* const REST =
    uR"re((?![\p{L}])(?:[ \t]*(?:number|numbers|no\.?|nos\.?|num\.?|nr\.?|#|id|code))?[ \t]*(?:is[ \t]+|was[ \t]+)?[:#=]?[ \t]*(?:\r?\n[ \t]*)?(?<value>(?:\d{3}[ ]\d{3}[ ]\d{3,4}(?![ ]?\d)|(?=[A-Za-z0-9:/.\-]*\d)[A-Za-z0-9][A-Za-z0-9:/.\-]*[A-Za-z0-9])))re";

struct Regexes {
    Regex rest{REST, "iu"};
    // labelled.ts BAR_OF
    Regex barOf{
        uR"re((?<![\p{L}])Bar[ \t]+of[ \t]+(?:the[ \t]+)?(?:[\p{Lu}][\p{L}]+[ \t]+){1,4}(?:No\.?|Number|#)[ \t]*[:#]?[ \t]*(?<v>\d[\dA-Z-]{3,}))re",
        "u"};
    // the label's look-behind, for the rare position after an astral character
    Regex noLetterOrDigitBefore{uR"re((?<![\p{L}\d]))re", "u"};
};
const Regexes& rx() {
    static const Regexes r;
    return r;
}

// labelled.ts normLabel: lower-cased, each whitespace run one space, a final dot dropped.
std::u16string normLabel(const char16_t* units, int length) {
    const std::u16string lower = jsToLowerCase(units, length);
    std::u16string out;
    out.reserve(lower.size());
    for (size_t i = 0; i < lower.size(); i++) {
        if (!isSpace(lower[i])) {
            out += lower[i];
            continue;
        }
        while (i + 1 < lower.size() && isSpace(lower[i + 1])) i++;
        out += u' ';
    }
    if (!out.empty() && out.back() == u'.') out.pop_back();
    return out;
}

bool isUpperCased(const char16_t* units, int length) {
    return jsToUpperCase(units, length) == std::u16string(units, units + length);
}

// labelled.ts compile(): the label of each key (the first type that lists it), the short upper-case ones, and the
// alternation's order.
struct LabelTable {
    std::unordered_map<std::u16string, SpanType> byLabel;
    std::unordered_set<std::u16string> upperLabels;
    std::vector<std::u16string> alternation;
    LabelTrie trie;

    explicit LabelTable(const Resources& res) : trie(build(res)) {}

private:
    std::vector<std::u16string> build(const Resources& res) {
        // the types in res.labels' order (nativeDetectors.ts resourceLists hands it as "labelTypes")
        std::vector<std::string> types;
        for (const std::u16string& name : res.list("labelTypes")) types.emplace_back(name.begin(), name.end());
        if (types.empty())
            for (const char* name : SPAN_TYPE_NAMES) types.emplace_back(name);
        std::vector<std::u16string> keys;
        for (const std::string& name : types) {
            if (name == "PHONE" || name == "FAX" || name == "ZIP") continue;
            const auto* known = std::find_if(std::begin(SPAN_TYPE_NAMES), std::end(SPAN_TYPE_NAMES), [&](const char* n) { return name == n; });
            if (known == std::end(SPAN_TYPE_NAMES)) continue;
            const SpanType type = static_cast<SpanType>(known - std::begin(SPAN_TYPE_NAMES));
            for (const std::u16string& l : res.list("labels:" + name)) {
                const int length = static_cast<int>(l.size());
                std::u16string key = normLabel(l.data(), length);
                if (byLabel.emplace(key, type).second) keys.push_back(key);
                if (length <= 4 && isUpperCased(l.data(), length)) upperLabels.insert(key);
            }
        }
        // Longest first, ties in the lists' order (Array.prototype.sort is stable).
        std::stable_sort(keys.begin(), keys.end(), [](const std::u16string& a, const std::u16string& b) { return a.size() > b.size(); });
        // byFirstLetter: grouped by first code point, groups in order of first appearance.
        auto first = [](const std::u16string& k) -> std::u16string {
            if (k.empty()) return u" ";
            const bool pair = k.size() > 1 && k[0] >= 0xd800 && k[0] < 0xdc00 && k[1] >= 0xdc00 && k[1] < 0xe000;
            return k.substr(0, pair ? 2 : 1);
        };
        std::vector<std::u16string> firsts;
        std::vector<std::vector<std::u16string>> groups;
        for (const std::u16string& k : keys) {
            const std::u16string f = first(k);
            auto it = std::find(firsts.begin(), firsts.end(), f);
            if (it == firsts.end()) {
                firsts.push_back(f);
                groups.emplace_back();
                it = firsts.end() - 1;
            }
            groups[it - firsts.begin()].push_back(k);
        }
        for (const auto& group : groups) alternation.insert(alternation.end(), group.begin(), group.end());
        return alternation;
    }
};

// (?<![\p{L}\d]) at p: the code point before (a surrogate pair read as one, by the regex engine).
bool noLetterOrDigitBefore(const Text& t, int p) {
    const int before = t.at(p - 1);
    if (before >= 0xdc00 && before < 0xe000 && t.at(p - 2) >= 0xd800 && t.at(p - 2) < 0xdc00)
        return rx().noLetterOrDigitBefore.matchAt(t, p) >= 0;
    return !isDigit(before) && !isLetterUnit(before);
}

// labelled.ts BAR_OF's candidates: each "Bar".
std::vector<int> barStarts(const Text& t) {
    std::vector<int> out;
    for (int i = t.lo; (i = skipToUnit(t.units, i, t.hi - 2, 'B')) + 2 < t.hi; i++)
        if (t.units[i] == 'B' && t.units[i + 1] == 'a' && t.units[i + 2] == 'r') out.push_back(i);
    return out;
}

// The value's conditions of labelled.ts detectLabelled: at least 3 digits and 4 units, not a year, not a time.
bool looksLikeIdentifier(const Text& t, int s, int e) {
    int digits = 0;
    for (int i = s; i < e; i++) digits += isDigit(t.at(i));
    const int n = e - s;
    if (digits < 3 || n < 4) return false;
    // /^(?:19|20)\d{2}$/
    if (n == 4 && digits == 4 && ((t.at(s) == '1' && t.at(s + 1) == '9') || (t.at(s) == '2' && t.at(s + 1) == '0'))) return false;
    // /^\d{1,2}:\d{2}$/
    const int colon = e - 3;
    if ((n == 4 || n == 5) && t.at(colon) == ':' && digits == n - 1) return false;
    return true;
}

// The letters of REST's keywords and of "is"/"was" (under iu an ASCII letter folds to no other ASCII letter).
bool isJoinerLetter(int c) { return isAsciiLetter(c) && std::strchr("abcdeimnorsuw", asciiLower(c)); }

// REST's value holds a digit ((?=[A-Za-z0-9:/.\-]*\d) or \d{3}...) in its run of [A-Za-z0-9:/.-], which has no blank;
// before it come only the joiner's units (blanks, one \r?\n, the keywords' letters and dots, '#', ':', '='), in at most
// three blank-separated words (keyword, "is"/"was", [:#=]). So a digit comes within four words, and a word with a unit
// the joiner cannot have ('/', '-', another letter) holds the value: a digit must come in it before a blank, '#' or '='.
// A necessary condition for REST at e; a unit past ASCII (perhaps 'ſ' or the Kelvin sign, which fold into [A-Za-z]
// under iu, or a letter (?![\p{L}]) refuses) lets the regex decide.
bool restMayMatch(const Text& t, int e) {
    int words = 0, breaks = 0;
    bool inWord = false, valueWord = false;
    for (int i = e;; i++) {
        const int c = t.at(i);
        if (c < 0) return false;
        if (c >= 128) return true;
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            if (valueWord || (c == '\n' && ++breaks > 1)) return false;
            inWord = false;
            continue;
        }
        if (!inWord && ++words > 4) return false;
        inWord = true;
        if (isDigit(c)) return true;
        if (isAsciiLetter(c)) valueWord |= !isJoinerLetter(c);
        else if (c == '/' || c == '-') valueWord = true;
        else if (c == '#' || c == '=') {
            if (valueWord) return false;
        } else if (c != ':' && c != '.') {
            return false;
        }
    }
}

bool trimmedAway(int c) { return c == '.' || c == ':' || c == '/' || c == '-'; }

}  // namespace

// labelled.ts detectLabelled
void detectLabelled(const Text& t, const Resources& res, Spans& out) {
    const Regexes& r = rx();
    const LabelTable& table = res.derived<LabelTable>("labelled", [](const Resources& lists) { return LabelTable(lists); });
    const int barValue = r.barOf.group("v");
    scanFrom(r.barOf, t, barStarts(t), [&](int, const RegexMatch& m) {
        auto [s, e] = m.groups[barValue];
        if (s >= 0) out.push_back({s, e, SpanType::BAR_NUMBER, 900, SpanSource::context});
    });

    const int valueGroup = r.rest.group("value");
    std::vector<LabelHit> hits;
    std::vector<int> failedEnds;
    RegexMatch rest;
    int next = t.lo;
    // The regex at p (a start outside the previous match): the label found, its value's conditions tested.
    auto tryAt = [&](int p) {
        if (p < next || !noLetterOrDigitBefore(t, p)) return;
        table.trie.matchesAt(t, p, hits);
        if (hits.empty()) return;
        failedEnds.clear();
        int labelEnd = -1;
        for (const LabelHit& hit : hits) {
            const bool found = table.trie.ends(t, hit, [&](int e) {
                // (?![\p{L}]) refuses most ends at once; REST's outcome depends on the end alone (see REST)
                if (isAsciiLetter(t.at(e)) || std::find(failedEnds.begin(), failedEnds.end(), e) != failedEnds.end()) return false;
                if (!restMayMatch(t, e)) {
                    failedEnds.push_back(e);
                    return false;
                }
                if (r.rest.matchAt(t, e, rest)) return true;
                failedEnds.push_back(e);
                return false;
            });
            if (found) {
                labelEnd = rest.groups[0].first;
                break;
            }
        }
        if (labelEnd < 0) return;
        next = rest.end;
        auto [v0, v1] = rest.groups[valueGroup];
        const std::u16string key = normLabel(t.units + p, labelEnd - p);
        auto type = table.byLabel.find(key);
        if (type == table.byLabel.end()) return;
        // short upper-case labels only count as written
        if (table.upperLabels.count(key)) {
            const int written = t.at(labelEnd - 1) == '.' ? labelEnd - 1 : labelEnd;
            if (!isUpperCased(t.units + p, written - p)) return;
        }
        int end = v1;
        while (end > v0 && trimmedAway(t.at(end - 1))) end--;
        if (looksLikeIdentifier(t, v0, end)) out.push_back({v0, end, type->second, 880, SpanSource::context});
    };
    // anchoredScan.ts keywordStarts: a match starts at an ASCII letter run's start or at a non-ASCII unit (a unit
    // inside an ASCII run follows a letter, which the look-behind refuses).
    auto mayOpen = [](Units8 v, Units8 before) { return lanesIn(v, 128, 0xffff) | (asciiLetterLanes(v) & ~asciiLetterLanes(before)); };
    for (int p = t.lo; (p = skipRefusedAfter(t.units, t.lo, p, t.hi, mayOpen)) < t.hi; p++) {
        const int c = t.units[p];
        if (c >= 128 || (isAsciiLetter(c) && !isAsciiLetter(t.at(p - 1)) && table.trie.asciiOpens(c))) tryAt(p);
    }
}

}  // namespace fieldtune_pii
