#include "dates.h"

#include <cstring>
#include <string>
#include <vector>

#include "patterns.h"
#include "regex.h"
#include "scan.h"

namespace fieldtune_pii {
namespace {

// dates.ts's pieces, verbatim
const std::u16string MONTH =
    uR"re((?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?))re";
const std::u16string MONTH_UP =
    uR"re((?:JAN(?:UARY)?|FEB(?:RUARY)?|MAR(?:CH)?|APR(?:IL)?|MAY|JUNE?|JULY?|AUG(?:UST)?|SEPT?(?:EMBER)?|OCT(?:OBER)?|NOV(?:EMBER)?|DEC(?:EMBER)?))re";
const std::u16string M = u"(?:" + MONTH + u"|" + MONTH_UP + u")";
const std::u16string DAY = uR"re((?:0?[1-9]|[12]\d|3[01]))re";
const std::u16string ORD = uR"re((?:st|nd|rd|th)?)re";
const std::u16string YEAR = uR"re((?:1[89]\d{2}|20\d{2}))re";
const std::u16string SHORT_WORDS =
    uR"re(on|dated?|DOB:?|born|since|from|until|through|to|by|of|seen|admitted|discharged|visit|surgery|delivered|effective|next|appointment|assessment|recheck|review|due|f\/u|follow-up|Mon(?:day)?|Tue(?:s(?:day)?)?|Wed(?:nesday)?|Thu(?:rs(?:day)?)?|Fri(?:day)?|Sat(?:urday)?|Sun(?:day)?)re";

struct Regexes {
    // RES, in order, with their confidences
    Regex monthDay{uR"re((?<![\p{L}]))re" + M + uR"re(\.?[ \t]+)re" + DAY + ORD + uR"re((?:,?[ \t]+)re" + YEAR +
                       uR"re()?(?![\d:])(?![ \t]*(?:mg|mcg|ml|mL|units?|%|tabs?|times)\b))re",
                   "u"};
    Regex dayMonth{uR"re((?<![\d.,/]))re" + DAY + ORD + uR"re([ \t]+(?:day[ \t]+)?(?:of[ \t]+)?)re" + M + uR"re(\.?(?:,?[ \t]+)re" + YEAR +
                       uR"re()?(?![\p{L}]))re",
                   "u"};
    Regex monthYear{uR"re((?<![\p{L}]))re" + M + uR"re(\.?,?[ \t]+(?:of[ \t]+)?)re" + YEAR + uR"re((?!\d))re", "u"};
    Regex numeric{uR"re((?<![\d/.\-])(?:)re" + DAY + uR"re(|1[0-2])([/.\-]))re" + DAY + uR"re(\1(?:)re" + YEAR + uR"re(|\d{2})(?![\d/\-]|\.\d))re", ""};
    Regex iso{uR"re((?<![\d/\-]))re" + YEAR + uR"re(([/\-.])(?:0?[1-9]|1[0-2])\1)re" + DAY + uR"re((?![\d/\-]))re", ""};
    Regex shortDate{uR"re((?<![\p{L}])(?:)re" + SHORT_WORDS + uR"re()[ \t]+(?<d>(?:0?[1-9]|1[0-2])/)re" + DAY + uR"re()(?![\d/]))re", "iu"};
    Regex monthAlone{
        uR"re((?<![\p{L}])(?:since|in|until|till|from|by|early|late|mid-?|last|this|next)[ \t]+(?<m>January|February|March|April|May|June|July|August|September|October|November|December)(?![\p{L}\d]|[ \t]+\d))re",
        "u"};
    Regex ageAfter{
        uR"re((?<![\d.])(?<n>9\d|1[0-2]\d)(?=[ \t-]*(?:years?|yrs?|y\/o|yo|y\.o\.|-year|year-old|male|female|man|woman|años|anos|ans|Jahre|jaar|anni|år|vuotta|lat|лет|года)(?![\p{L}])))re",
        "iu"};
    Regex ageBefore{uR"re((?<![\p{L}])(?:aged?|age:|age of|at age)[ \t]*(?<n>9\d|1[0-2]\d)(?!\d))re", "iu"};
    Regex ageAfterName{uR"re((?<=[\p{Lu}][\p{Ll}'’-]+,[ \t])(?<n>9\d|1[01]\d)(?=,[ \t]|[ \t]*\())re", "u"};
};
const Regexes& rx() {
    static const Regexes r;
    return r;
}


// Every spelling of a month word dates.ts's M holds, in lower case (monthWords: the text's whole letter run must be
// one of them).
bool isMonthWord(const Text& t, int s, int e) {
    // with their lengths: this runs on every capitalized word, and a strlen of each word was a fortieth of dates
    static const std::string_view WORDS[] = {"january", "february", "march", "april", "may",  "june", "july", "august", "september",
                                             "october", "november", "december", "jan",   "feb",  "mar",  "apr",  "jun",    "jul",
                                             "aug",     "sep",      "oct",      "nov",   "dec",  "sept", "sepember"};
    // bit n of a letter's entry: a word of n letters opens with it (every capitalized word of the text asks)
    static const struct Lengths {
        uint16_t byFirst[26] = {};
        Lengths() {
            for (std::string_view w : WORDS) byFirst[w[0] - 'a'] |= static_cast<uint16_t>(1u << w.size());
        }
    } LENGTHS;
    int n = e - s;
    const int first = asciiLower(t.at(s));
    if (n < 3 || n > 9 || first < 'a' || first > 'z' || !(LENGTHS.byFirst[first - 'a'] >> n & 1)) return false;
    for (std::string_view w : WORDS) {
        if (static_cast<int>(w.size()) != n) continue;
        int i = 0;
        while (i < n && asciiLower(t.at(s + i)) == w[i]) i++;
        if (i == n) return true;
    }
    return false;
}

// dates.ts monthStarts: a capitalized month word after no letter. Kept too: a letter run followed by a unit past
// ASCII (the word may go on with one, as keywordStarts allows). The look-behind decides past ASCII before.
std::vector<int> monthStarts(const Text& t) {
    std::vector<int> out;
    auto capitalAfterNoLetter = [](Units8 v, Units8 before) { return upperLanes(v) & ~asciiLetterLanes(before); };
    for (int k = t.lo; (k = skipRefusedAfter(t.units, t.lo, k, t.hi, capitalAfterNoLetter)) < t.hi; k++) {
        if (!isUpper(t.units[k]) || isAsciiLetter(t.at(k - 1))) continue;
        int e = k;
        while (isAsciiLetter(t.at(e))) e++;
        if (t.at(e) >= 128 || isMonthWord(t, k, e)) out.push_back(k);
        k = e - 1;
    }
    return out;
}

// dates.ts wordAndBlanksBefore: where `word` written just before `end` with blanks before it begins its blanks, or -1.
int wordAndBlanksBefore(const Text& t, int end, const char* word) {
    int n = static_cast<int>(std::strlen(word));
    if (end - t.lo < n) return -1;
    for (int i = 0; i < n; i++)
        if (t.at(end - n + i) != word[i]) return -1;
    int b = blanksBack(t, end - n);
    return b < end - n ? b : -1;
}

// dates.ts dayMonthStarts: back from each month word past its blanks, an "of" and a "day" (each optional), an
// ordinal, to the one or two digits of the day.
std::vector<int> dayMonthStarts(const Text& t, const std::vector<int>& months) {
    std::vector<int> out;
    for (int k : months) {
        int j = blanksBack(t, k);
        if (j == k) continue;
        std::vector<int> ends{j};
        int afterOf = wordAndBlanksBefore(t, j, "of");
        if (afterOf >= 0) ends.push_back(afterOf);
        for (size_t i = 0, n = ends.size(); i < n; i++) {
            int afterDay = wordAndBlanksBefore(t, ends[i], "day");
            if (afterDay >= 0) ends.push_back(afterDay);
        }
        for (int e : ends) {
            int a = t.at(e - 2), b = t.at(e - 1);
            bool ordinal = e - 2 >= t.lo && ((a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') || (a == 't' && b == 'h'));
            for (int d : {e, ordinal ? e - 2 : -1}) {
                if (d < 0) continue;
                if (isDigit(t.at(d - 1))) out.push_back(d - 1);
                if (isDigit(t.at(d - 2))) out.push_back(d - 2);
            }
        }
    }
    return out;
}

// DAY, (?:0?[1-9]|[12]\d|3[01]), as the whole of the n digits at d (the caller knows they are digits).
bool isDay(const Text& t, int d, int n) {
    int c = t.at(d), c2 = t.at(d + 1);
    return n == 1 ? c != '0' : n == 2 && ((c == '0' && c2 != '0') || c == '1' || c == '2' || (c == '3' && c2 <= '1'));
}

// shortDate's d group at r, the digits before the '/' at s: (?:0?[1-9]|1[0-2]) takes them all, then a DAY the whole
// run of one or two digits after the '/' (else (?![\d/]) fails at the digit left), and no '/' after it.
bool shortDateNumbers(const Text& t, int r, int s) {
    int c = t.at(r), c2 = t.at(r + 1), n = 0;
    bool month = s - r == 1 ? c != '0' : (c == '0' && c2 != '0') || (c == '1' && c2 <= '2');
    while (n < 3 && isDigit(t.at(s + 1 + n))) n++;
    return month && isDay(t, s + 1, n) && t.at(s + 1 + n) != '/';
}

// SHORT_WORDS spelled out, in small letters: shortDate's word at q is the whole of [q, first blank after q), as the
// words hold no blank and [ \t]+ follows them.
bool isShortWord(const Text& t, int s, int e) {
    static const char16_t* const WORDS[] = {
        u"on", u"date", u"dated", u"dob", u"dob:", u"born", u"since", u"from", u"until", u"through", u"to", u"by", u"of", u"seen",
        u"admitted", u"discharged", u"visit", u"surgery", u"delivered", u"effective", u"next", u"appointment", u"assessment",
        u"recheck", u"review", u"due", u"f/u", u"follow-up", u"mon", u"monday", u"tue", u"tues", u"tuesday", u"wed", u"wednesday",
        u"thu", u"thurs", u"thursday", u"fri", u"friday", u"sat", u"saturday", u"sun", u"sunday"};
    for (const char16_t* w : WORDS)
        if (static_cast<int>(std::char_traits<char16_t>::length(w)) == e - s && wordAtIu(t, s, w)) return true;
    return false;
}

// dates.ts shortDateStarts: at each '/' with one or two digits and blanks before them, every position of the word
// before the blanks that opens after no letter, at most 11 back. A unit past ASCII counts as a letter here (the
// walk goes on through it, and a position after one is kept: the look-behind decides).
std::vector<int> shortDateStarts(const Text& t) {
    std::vector<int> out;
    auto inWord = [&t](int i) {
        int c = t.at(i);
        return c == ':' || c == '/' || c == '-' || isAsciiLetter(c) || c >= 128;
    };
    for (int s = t.lo; (s = skipToUnit(t.units, s, t.hi, '/')) < t.hi; s++) {
        if (t.units[s] != '/') continue;
        int r = s;
        while (r > t.lo && s - r < 2 && isDigit(t.at(r - 1))) r--;
        int j = blanksBack(t, r);
        if (r == s || j == r || !shortDateNumbers(t, r, s)) continue;
        // the word shortDate takes at q ends at j, the first blank after q: it must be one of SHORT_WORDS
        for (int q = j - 1; q >= t.lo && j - q <= 11 && inWord(q); q--)
            if ((q == t.lo || !isAsciiLetter(t.at(q - 1))) && isShortWord(t, q, j)) out.push_back(q);
    }
    return out;
}

// The end of the ASCII letter run at `p`: where a month word of M written at p ends, when a non-letter ('.', ',' or a
// blank, as RES ask) must follow it.
int letterRunEnd(const Text& t, int p) {
    while (isAsciiLetter(t.at(p))) p++;
    return p;
}

// Whether `word` (ASCII) is exactly [s, e), case and all.
bool isExactly(const Text& t, int s, int e, const char* word) {
    int n = static_cast<int>(std::strlen(word));
    if (e - s != n) return false;
    for (int i = 0; i < n; i++)
        if (t.at(s + i) != word[i]) return false;
    return true;
}

// monthAlone (flag u: case-sensitive) with its word at [w, j) before the blanks that end at the month start k: the
// word is one of its words, as it takes all of [w, j) and [ \t]+ follows; the m group a whole month name, the ASCII
// letter run at k (a letter must not follow it), with no blanks and a digit after it.
bool monthAloneCan(const Text& t, int w, int j, int k) {
    static const char* const WORDS[] = {"since", "in", "until", "till", "from", "by", "early", "late", "mid-", "mid", "last", "this", "next"};
    static const char* const NAMES[] = {"January", "February", "March",     "April",   "May",      "June",
                                        "July",    "August",   "September", "October", "November", "December"};
    bool word = false, name = false;
    for (const char* x : WORDS) word |= isExactly(t, w, j, x);
    int e = letterRunEnd(t, k);
    for (const char* x : NAMES) name |= isExactly(t, k, e, x);
    int b = blanksForward(t, e);
    return word && name && !(b > e && isDigit(t.at(b)));
}

// dates.ts aloneWordStarts: before each capitalized month word and its blanks (past the '-' of "mid-"), the run of
// ASCII letters there (the words before a month are ASCII; a letter past ASCII before them fails the look-behind).
std::vector<int> aloneWordStarts(const Text& t, const std::vector<int>& months) {
    std::vector<int> out;
    for (int k : months) {
        int j = blanksBack(t, k);
        if (j == k) continue;
        int blanks = j;
        if (t.at(j - 1) == '-') j--;
        int w = j;
        while (isAsciiLetter(t.at(w - 1))) w--;
        if (w < j && monthAloneCan(t, w, blanks, k)) out.push_back(w);
    }
    return out;
}

// RES[0] (monthDay) at a month start k: M, then \.?[ \t]+ and a DAY, which opens with [1-9] or 0[1-9] and takes the
// whole run of one or two digits there, with no ':' after it (else ORD, the year and (?![\d:]) all fail at the
// unit after the DAY).
bool monthDayCan(const Text& t, int k) {
    int e = letterRunEnd(t, k);
    if (t.at(e) == '.') e++;
    int d = blanksForward(t, e), n = 0;
    while (n < 3 && isDigit(t.at(d + n))) n++;
    return d > e && isDay(t, d, n) && t.at(d + n) != ':';
}

// RES[2] (monthYear) at a month start k: M, then \.?,?[ \t]+(?:of[ \t]+)? and a YEAR with no digit after it (the
// year is where "of" and its blanks end if they are there: the year cannot open with the 'o').
bool monthYearCan(const Text& t, int k) {
    int e = letterRunEnd(t, k);
    if (t.at(e) == '.') e++;
    if (t.at(e) == ',') e++;
    int y = blanksForward(t, e);
    if (y == e) return false;
    if (t.at(y) == 'o' && t.at(y + 1) == 'f' && isBlank(t.at(y + 2))) y = blanksForward(t, y + 2);
    return yearAt(t, y);
}

// RES[3] (numeric) at p, which opens n digits and a separator: the regex's first number is those digits, its second
// the one or two digits after the separator, then the same separator and at least two digits.
bool numericCan(const Text& t, int p, int n) {
    int sep = t.at(p + n), d = p + n + 1, m = 0;
    while (m < 3 && isDigit(t.at(d + m))) m++;
    return m >= 1 && m <= 2 && t.at(d + m) == sep && isDigit(t.at(d + m + 1)) && isDigit(t.at(d + m + 2));
}

// RES[4] (iso) at p, which opens four digits and a separator: then a month of one or two digits, the same separator
// and a digit.
bool isoCan(const Text& t, int p) {
    int sep = t.at(p + 4), d = p + 5, m = 0;
    while (m < 3 && isDigit(t.at(d + m))) m++;
    return m >= 1 && m <= 2 && t.at(d + m) == sep && isDigit(t.at(d + m + 1));
}

// ageBefore's n group at i once [ \t]* is past: (?<n>9\d|1[0-2]\d)(?!\d).
bool ageNumberAt(const Text& t, int i) {
    int c = t.at(i), c2 = t.at(i + 1);
    if (c == '9') return isDigit(c2) && !isDigit(t.at(i + 2));
    return c == '1' && c2 >= '0' && c2 <= '2' && isDigit(t.at(i + 2)) && !isDigit(t.at(i + 3));
}

// ageBefore at p (flags iu): one of "age", "aged", "age:", "age of", "at age" in any case (no unit past ASCII folds
// onto their letters), then blanks and the age.
bool ageBeforeCan(const Text& t, int p) {
    auto lower = [&t](int i) { return asciiLower(t.at(i)); };
    auto ageAfter = [&t](int end) { return ageNumberAt(t, blanksForward(t, end)); };
    if (lower(p) != 'a') return false;
    if (lower(p + 1) == 't')
        return t.at(p + 2) == ' ' && lower(p + 3) == 'a' && lower(p + 4) == 'g' && lower(p + 5) == 'e' && ageAfter(p + 6);
    if (lower(p + 1) != 'g' || lower(p + 2) != 'e') return false;
    return ageAfter(p + 3) || ((lower(p + 3) == 'd' || t.at(p + 3) == ':') && ageAfter(p + 4)) ||
           (t.at(p + 3) == ' ' && lower(p + 4) == 'o' && lower(p + 5) == 'f' && ageAfter(p + 6));
}

// ageAfter's words after the age (flags iu), once [ \t-]* is past: each opens with one of these (in any case, foldIu),
// "-year" with a '-' that [ \t-]* could take, so the first unit past that run opens "year". Of the words past ASCII
// only their first unit is looked at: 'å' (U+212B, the Angstrom sign, folds onto it), 'л' and 'г' in either case.
bool ageUnitFollows(const Text& t, int end) {
    static const char16_t* const WORDS[] = {u"year", u"yr",      u"y/o",   u"yo",    u"y.o.",  u"male",  u"female", u"man",   u"woman",
                                            u"a\u00f1os", u"anos", u"ans", u"jahre", u"jaar", u"anni", u"vuotta", u"lat"};
    int i = end;
    while (isBlank(t.at(i)) || t.at(i) == '-') i++;
    for (const char16_t* w : WORDS)
        if (wordAtIu(t, i, w)) return true;
    int c = t.at(i);
    return c == 0xe5 || c == 0xc5 || c == 0x212b || c == 0x43b || c == 0x41b || c == 0x433 || c == 0x413;
}

}  // namespace

void detectDates(const Text& t, Spans& out) {
    const Regexes& r = rx();
    const std::vector<int> months = monthStarts(t);
    std::vector<int> numeric, iso;
    // A numeric date opens with a day or month of one or two digits and a separator, an ISO one with its four-digit
    // year and a separator; both then a digit.
    for (int p = t.lo; (p = skipRefusedAfter(t.units, t.lo, p, t.hi, digitRunStartLanes)) < t.hi; p++) {
        int c = t.units[p], prev = t.at(p - 1);
        if (!isDigit(c) || isDigit(prev) || prev == '/' || prev == '-') continue;
        int n = 1;
        while (n < 5 && isDigit(t.at(p + n))) n++;
        int sep = t.at(p + n);
        if ((sep != '/' && sep != '.' && sep != '-') || !isDigit(t.at(p + n + 1))) continue;
        if (n <= 2 && prev != '.' && numericCan(t, p, n)) numeric.push_back(p);
        if (n == 4 && (c == '1' || c == '2') && isoCan(t, p)) iso.push_back(p);
    }
    auto date = [&](int milli) {
        return [&, milli](int s, const RegexMatch& m) {
            if (citesLawBefore(t, s)) return;
            out.push_back({s, m.end, SpanType::DATE, milli, SpanSource::pattern});
        };
    };
    scanFrom(r.monthDay, t, keepStarts(months, [&t](int k) { return monthDayCan(t, k); }), date(920));
    scanFrom(r.dayMonth, t, dayMonthStarts(t, months), date(920));
    scanFrom(r.monthYear, t, keepStarts(months, [&t](int k) { return monthYearCan(t, k); }), date(900));
    scanFrom(r.numeric, t, numeric, date(900));
    scanFrom(r.iso, t, iso, date(920));
    const int mg = r.monthAlone.group("m");
    scanFrom(r.monthAlone, t, aloneWordStarts(t, months), [&](int, const RegexMatch& m) {
        if (m.groups[mg].first >= 0) out.push_back({m.groups[mg].first, m.groups[mg].second, SpanType::DATE, 600, SpanSource::context});
    });
    const int dg = r.shortDate.group("d");
    scanFrom(r.shortDate, t, shortDateStarts(t), [&](int, const RegexMatch& m) {
        if (m.groups[dg].first >= 0) out.push_back({m.groups[dg].first, m.groups[dg].second, SpanType::DATE, 800, SpanSource::context});
    });
}

void detectAges(const Text& t, Spans& out) {
    const Regexes& r = rx();
    std::vector<int> after, before, afterName;
    // An age is a run of two digits from 9 or three from 1 (the regexes refuse a digit after it); its words open
    // with an 'a'.
    auto ageFirst = [](Units8 v, Units8 unitBefore) {
        return ((lanesEqual(v | 0x20, 'a') & ~asciiLetterLanes(unitBefore)) | ((lanesEqual(v, '9') | lanesEqual(v, '1')) & ~digitLanes(unitBefore)));
    };
    for (int p = t.lo; (p = skipRefusedAfter(t.units, t.lo, p, t.hi, ageFirst)) < t.hi; p++) {
        int c = t.units[p], prev = t.at(p - 1);
        if ((c == 'a' || c == 'A') && !isAsciiLetter(prev) && ageBeforeCan(t, p)) before.push_back(p);
        if ((c != '9' && c != '1') || isDigit(prev)) continue;
        int n = 1;
        while (n < 4 && isDigit(t.at(p + n))) n++;
        if (c == '9' ? n != 2 : n != 3 || t.at(p + 1) > '2') continue;
        if (prev != '.' && ageUnitFollows(t, p + n)) after.push_back(p);
        if (isBlank(prev) && t.at(p - 2) == ',') afterName.push_back(p);
    }
    for (const auto& [re, starts] : {std::pair<const Regex*, const std::vector<int>*>{&r.ageAfter, &after}, {&r.ageBefore, &before},
                                     {&r.ageAfterName, &afterName}}) {
        const int n = re->group("n");
        scanFrom(*re, t, *starts, [&](int, const RegexMatch& m) {
            if (m.groups[n].first >= 0) out.push_back({m.groups[n].first, m.groups[n].second, SpanType::AGE, 850, SpanSource::pattern});
        });
    }
}

}  // namespace fieldtune_pii
