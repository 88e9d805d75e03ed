#include "legal.h"

#include <string>
#include <vector>

#include "regex.h"
#include "scan.h"

namespace fieldtune_pii {
namespace {

const char16_t* const CASE_VALUE =
    uR"re((?:(?:19|20)\d{2}[ -][A-Z]{1,3}[ -]\d{3,7}|(?=[A-Z0-9/:-]*\d{3})[A-Z0-9][A-Z0-9/:-]*[A-Z0-9](?:[ ][A-Z]{2,4}\b(?![ ]+[a-z]))?))re";
const char* const NO_PREFIXES[] = {"Case", "Cause", "Docket", "Index", "File", "Petition", "Probate", "Matter", "Civil Action", "Appeal"};

struct Regexes {
    // plateWords.ts LEGAL_PLATE_WORD; the regex is legal.ts's PLATE
    Regex plate{uR"re((?<![\p{L}])(?:licen[cs]e plate|registration plate|plate|tag)(?:[ \t]+(?:number|no\.?|#))?[ \t]*[:#]?[ \t]*(?<v>(?=[A-Z0-9 -]*\d)[A-Z0-9]{1,4}[ -]?[A-Z0-9]{2,5})(?![A-Za-z0-9]))re",
                "iu"};
    Regex courtText{
        uR"re(\b(?:Plaintiffs?|Petitioners?|Defendants?|Respondents?|Debtors?|Appellants?|Appellees?|COURT|Court|JUZGADO|Juzgado|AUDIENCIA|Audiencia|TRIBUNAL|Tribunal|Tribunale|Gericht|Demandante|Demandada|Apelante)\b)re",
        "", u"PDRACJTG"};
    Regex noLabel{std::u16string(uR"re((?<![\p{L}])(?:Case|Cause|Docket|Index|File|Petition|Probate|Matter|Civil Action|Appeal)?[ \t]*(?:No|NO|Nos)\.?[ \t]*:?[ \t]*(?<v>)re") +
                      CASE_VALUE + u")",
                  "u"};
    Regex numberYear{uR"re((?<![\d/.-])(?:\d{1,6}\/(?:19|20)\d{2}|\d{2}\/\d{5})(?![\d/]))re", ""};
    Regex afterCourt{
        uR"re((?<![\p{L}])Court[^\n\r]{0,30}?[ \t](?<v>(?=[A-Z0-9-]*\d{4})[A-Z0-9][A-Z0-9-]{4,}[A-Z0-9])(?:[;,][ \t]*(?<w>(?=[A-Z0-9-]*\d{4})[A-Z0-9][A-Z0-9-]{4,}[A-Z0-9]))?)re",
        "u"};
    Regex yearOnly{uR"re(^(?:19|20)\d{2}$)re", ""};
    Regex shortNumber{uR"re(^\d{1,3}$)re", ""};
    Regex dateTailBefore{uR"re(\d[/.-]$)re", ""};
    Regex hasLetter{u"[A-Z]", "i"};
    Regex plateValue{uR"re(^[A-Z0-9 -]+$)re", ""};
};
const Regexes& rx() {
    static const Regexes r;
    return r;
}

bool afterNo(int c) { return c == 's' || c == '.' || c == ' ' || c == '\t' || c == ':' || isDigit(c) || isUpper(c); }

// After "No"/"NO" at n, noLabel takes "s" (of "Nos"), a dot, blanks, a colon and blanks, each only where the text has
// it (skipping one leaves a unit the value cannot open with), then the value, which opens with [A-Z0-9] (u without i:
// nothing folds): a necessary condition for every start of this "No".
bool valueMayFollowNo(const Text& t, int n) {
    int i = n + 2;
    if (t.at(i) == 's') i++;
    if (t.at(i) == '.') i++;
    i = blanksForward(t, i);
    if (t.at(i) == ':') i++;
    i = blanksForward(t, i);
    return isDigit(t.at(i)) || isUpper(t.at(i));
}

bool opensWith(const Text& t, int p, const char* word) {
    for (int i = 0; word[i]; i++)
        if (t.at(p + i) != static_cast<unsigned char>(word[i])) return false;
    return true;
}

// legal.ts noLabelStarts: at each "No"/"NO" that goes on as the label does, every position of the blank run before
// it and, before those blanks, where each prefix would begin. Here only where the value can follow, only after no
// ASCII letter ((?<![\p{L}]); past ASCII the regex decides), and a prefix's start only where the text spells it (if
// the optional prefix is not taken, a start is a blank or the "No" itself, pushed as such).
std::vector<int> noLabelStarts(const Text& t) {
    std::vector<int> out;
    for (int n = t.lo; (n = skipToUnit(t.units, n, t.hi - 1, 'N')) + 1 < t.hi; n++) {
        if (t.units[n] != 'N' || (t.units[n + 1] != 'o' && t.units[n + 1] != 'O') || !afterNo(t.at(n + 2))) continue;
        if (!valueMayFollowNo(t, n)) continue;
        int j = blanksBack(t, n);
        for (const char* prefix : NO_PREFIXES) {
            int len = static_cast<int>(std::char_traits<char>::length(prefix));
            if (j - t.lo >= len && !isAsciiLetter(t.at(j - len - 1)) && opensWith(t, j - len, prefix)) out.push_back(j - len);
        }
        for (int p = j; p <= n; p++)
            if (!isAsciiLetter(t.at(p - 1))) out.push_back(p);
    }
    return out;
}


}  // namespace

void detectLegalNumbers(const Text& t, Spans& out) {
    const Regexes& r = rx();
    // A plate word ("licence plate", "registration plate", "plate", "tag") opens with its first letters in either
    // case (none of them folds from a letter past ASCII under iu: only 'ſ' and the Kelvin sign do, to s and k), after
    // no ASCII letter (the look-behind decides past ASCII).
    std::vector<int> plateStarts, courts, numberYears;
    auto opens = [&t](int p, const char* word) {
        for (int i = 0; word[i]; i++)
            if (asciiLower(t.at(p + i)) != word[i]) return false;
        return true;
    };
    auto plateWordFirst = [](Units8 v, Units8 before) {
        const Units8 small = v | 0x20;
        return (lanesEqual(small, 'l') | lanesEqual(small, 'r') | lanesEqual(small, 'p') | lanesEqual(small, 't')) & ~asciiLetterLanes(before);
    };
    for (int p = t.lo; (p = skipRefusedAfter(t.units, t.lo, p, t.hi, plateWordFirst)) < t.hi; p++) {
        int c = asciiLower(t.units[p]);
        if (c != 'l' && c != 'r' && c != 'p' && c != 't') continue;
        if (isAsciiLetter(t.at(p - 1))) continue;
        if (opens(p, "lice") || opens(p, "regi") || opens(p, "plat") || opens(p, "tag")) plateStarts.push_back(p);
    }
    const int v = r.plate.group("v");
    scanFrom(r.plate, t, plateStarts, [&](int, const RegexMatch& m) {
        auto [s, e] = m.groups[v];
        Text value = t.slice(s, e);
        if (r.hasLetter.test(value) && r.plateValue.matchAt(value, s) >= 0) out.push_back({s, e, SpanType::VEHICLE, 850, SpanSource::context});
    });
    if (!r.courtText.test(t)) return;

    const int nv = r.noLabel.group("v");
    scanFrom(r.noLabel, t, noLabelStarts(t), [&](int, const RegexMatch& m) {
        auto [s, e] = m.groups[nv];
        if (s < 0) return;
        Text value = t.slice(s, e);
        if (r.yearOnly.matchAt(value, s) >= 0 || r.shortNumber.matchAt(value, s) >= 0) return;
        out.push_back({s, e, SpanType::CASE_NUMBER, 800, SpanSource::context});
    });

    // "442/2023", "23/04518": a digit run of at most 6 before a '/', after none of [/.-]
    for (int p = t.lo; (p = skipRefusedAfter(t.units, t.lo, p, t.hi, digitRunStartLanes)) < t.hi; p++) {
        int prev = t.at(p - 1);
        if (!isDigit(t.units[p]) || isDigit(prev)) continue;
        int n = 0;
        while (isDigit(t.at(p + n))) n++;
        if (n <= 6 && t.at(p + n) == '/' && prev != '/' && prev != '.' && prev != '-') numberYears.push_back(p);
    }
    scanFrom(r.numberYear, t, numberYears, [&](int s, const RegexMatch& m) {
        // A date's tail ("12/2023" of "3/12/2023") or a dose ("1/2023 mg") is not a case number.
        if (r.dateTailBefore.test(t.slice(s - 2 < 0 ? 0 : s - 2, s))) return;
        out.push_back({s, m.end, SpanType::CASE_NUMBER, 700, SpanSource::context});
    });

    for (int p = t.lo; (p = skipToUnit(t.units, p, t.hi - 4, 'C')) + 4 < t.hi; p++)
        if (t.units[p] == 'C' && t.units[p + 1] == 'o' && t.units[p + 2] == 'u' && t.units[p + 3] == 'r' && t.units[p + 4] == 't')
            courts.push_back(p);
    const int cv = r.afterCourt.group("v"), cw = r.afterCourt.group("w");
    scanFrom(r.afterCourt, t, courts, [&](int, const RegexMatch& m) {
        for (int g : {cv, cw}) {
            auto [s, e] = m.groups[g];
            if (s >= 0) out.push_back({s, e, SpanType::CASE_NUMBER, 600, SpanSource::context});
        }
    });
}

}  // namespace fieldtune_pii
