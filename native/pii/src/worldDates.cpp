#include "worldDates.h"

#include <string>
#include <vector>

#include "letters.h"
#include "regex.h"
#include "scan.h"

namespace fieldtune_pii {
namespace {

const std::u16string MONTHS =
    u"Januar|Jänner|Februar|März|Maerz|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|"
    u"janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|"
    u"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|"
    u"janeiro|fevereiro|março|marco|maio|junho|julho|setembro|outubro|novembro|dezembro|"
    u"gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|"
    u"januari|februari|maart|mei|augustus|oktober|augusti|maj|juni|juli|"
    u"stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|wrzesnia|października|pazdziernika|listopada|grudnia|"
    u"января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|"
    u"січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня";
const std::u16string M = u"(?:" + MONTHS + u")";
const std::u16string DAY = uR"re((?:0?[1-9]|[12]\d|3[01]))re";
const std::u16string YEAR = uR"re((?:1[89]\d{2}|20\d{2}))re";

struct Regexes {
    Regex dayMonth{uR"re((?<![\p{L}\d.,/])(?:)re" + DAY + uR"re(\.?|1er)[ \t]+)re" + M + uR"re(\.?(?:,?[ \t]+)re" + YEAR + uR"re()?(?![\p{L}]))re",
                   "iu"};
    Regex dayDeMonth{uR"re((?<![\p{L}\d.,/]))re" + DAY + uR"re([ \t]+de[ \t]+)re" + M + uR"re((?:[ \t]+(?:de[ \t]+|del[ \t]+)?)re" + YEAR +
                         uR"re()?(?![\p{L}]))re",
                     "iu"};
    Regex monthYear{uR"re((?<![\p{L}]))re" + M + uR"re([ \t]+(?:de[ \t]+)?)re" + YEAR + uR"re((?!\d))re", "iu"};
    Regex dashed{uR"re((?<![\w-])(?:0?[1-9]|[12]\d|3[01])-(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)-(?:\d{4}|\d{2})(?![\w-]))re", "i"};
    Regex cjk{uR"re((?<!\d)(?:1[89]|20)\d{2}[年년][ \t]?(?:0?[1-9]|1[0-2])[月월](?:[ \t]?(?:0?[1-9]|[12]\d|3[01])[日일])?)re", "u"};
};
const Regexes& rx() {
    static const Regexes r;
    return r;
}

// `word` (lower-case ASCII) written just before `end`, in any case.
bool wordBefore(const Text& t, int end, const char* word) {
    int n = static_cast<int>(std::char_traits<char>::length(word));
    if (end - t.lo < n) return false;
    for (int i = 0; i < n; i++)
        if (asciiLower(t.at(end - n + i)) != word[i]) return false;
    return true;
}

// The month words that are ASCII only, with the English abbreviations of "17-Jan-2024", in lower case, by first
// letter (every word start of the text is looked up).
struct MonthWords {
    std::vector<std::string> byFirst[26];
    uint32_t lengthsByFirst[26] = {};  // bit n: a word of n letters opens with this letter (most word starts end here)
    MonthWords(bool abbreviations) {
        std::vector<std::string> words;
        if (abbreviations) words = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"};
        std::string word;
        for (char16_t c : MONTHS + u"|") {
            if (c != '|') {
                word += c < 128 ? static_cast<char>(asciiLower(c)) : '?';
                continue;
            }
            if (!word.empty() && word.find('?') == std::string::npos) words.push_back(word);
            word.clear();
        }
        for (const std::string& w : words) {
            byFirst[w[0] - 'a'].push_back(w);
            if (w.size() < 32) lengthsByFirst[w[0] - 'a'] |= uint32_t{1} << w.size();
        }
    }
};

// Whether [s, e) is one of the ASCII month words, in any case; with the abbreviations of "17-Jan-2024" when
// `abbreviations` (worldDates.ts monthStarts), else M's ASCII words alone.
bool isAsciiMonthWord(const Text& t, int s, int e, bool abbreviations = true) {
    static const MonthWords ALL(true), MONTH_WORDS(false);
    const MonthWords& words = abbreviations ? ALL : MONTH_WORDS;
    int first = asciiLower(t.at(s));
    if (e - s < 3 || e - s > 12 || first < 'a' || first > 'z' || !(words.lengthsByFirst[first - 'a'] >> (e - s) & 1)) return false;
    for (const std::string& w : words.byFirst[first - 'a']) {
        if (static_cast<int>(w.size()) != e - s) continue;
        int i = 1;
        while (i < e - s && asciiLower(t.at(s + i)) == w[i]) i++;
        if (i == e - s) return true;
    }
    return false;
}

// worldDates.ts monthStarts (keywordStarts over the month words): after no letter, a run of ASCII letters that is a
// month word, or goes on with a unit past ASCII ("März", "oKtober" with the Kelvin sign), or such a unit itself
// ("марта").
std::vector<int> monthStarts(const Text& t) {
    std::vector<int> out;
    auto letterAfterNoLetter = [](Units8 v, Units8 before) { return (lanesIn(v, 128, 0xffff) | asciiLetterLanes(v)) & ~asciiLetterLanes(before); };
    for (int k = t.lo; (k = skipRefusedAfter(t.units, t.lo, k, t.hi, letterAfterNoLetter)) < t.hi; k++) {
        int c = t.units[k];
        if (isLetterUnit(t.at(k - 1))) continue;
        if (c >= 128) {
            out.push_back(k);
            continue;
        }
        if (!isAsciiLetter(c)) continue;
        int e = k;
        while (isAsciiLetter(t.at(e))) e++;
        if (t.at(e) >= 128 || isAsciiMonthWord(t, k, e)) out.push_back(k);
        k = e - 1;
    }
    return out;
}

// Whether M can match at the month start k and end where no letter follows, as dayMonth, dayDeMonth and monthYear
// ask: when k opens a run of ASCII letters with an ASCII unit after it, M (whose match here holds no ASCII unit but a
// letter) takes that whole run, which must then be one of M's ASCII words; any other start is kept.
bool monthsWordCan(const Text& t, int k) {
    int e = k;
    while (isAsciiLetter(t.at(e))) e++;
    if (e == k || (t.at(e) >= 128)) return true;
    return isAsciiMonthWord(t, k, e, false);
}

// The ASCII part of dayMonth and dayDeMonth's look-behind, (?<![\p{L}\d.,/]), at a day's start d.
bool dayCanOpen(const Text& t, int d) {
    int c = t.at(d - 1);
    return !(isAsciiAlnum(c) || c == '.' || c == ',' || c == '/');
}

void dayStarts(const Text& t, int end, std::vector<int>& out) {
    if (isDigit(t.at(end - 1))) out.push_back(end - 1);
    if (isDigit(t.at(end - 2))) out.push_back(end - 2);
}


}  // namespace

void detectWorldDates(const Text& t, Spans& out) {
    const Regexes& r = rx();
    const std::vector<int> months = monthStarts(t);
    std::vector<int> dayMonth, dayDe, monthYear, dashed, cjk;
    for (int k : months) {
        if (t.at(k - 1) == '-') dayStarts(t, k - 1, dashed);
        if (!monthsWordCan(t, k)) continue;
        int j = blanksBack(t, k);
        if (j < k) {
            dayStarts(t, t.at(j - 1) == '.' ? j - 1 : j, dayMonth);
            if (wordBefore(t, j, "1er")) dayMonth.push_back(j - 3);
            if (wordBefore(t, j, "de")) {
                int j2 = blanksBack(t, j - 2);
                if (j2 < j - 2) dayStarts(t, j2, dayDe);
            }
        }
        // the month word's end: a unit past ASCII counts as a letter here (the test below asks for blanks right
        // after the word, so a wider word only lets more through)
        int e = k;
        // bounded: a run of units past ASCII with no ASCII in it (a CJK paragraph, a line of emoji) would otherwise be
        // walked again from each of its starts. monthYear needs its month word (at most a dozen units, each matched
        // by one unit) right before blanks, so a run longer than 64 units from k holds no match there.
        while (e < t.hi && e - k <= 64 && (isAsciiLetter(t.units[e]) || t.units[e] >= 128)) e++;
        if (e - k > 64) continue;
        int y = blanksForward(t, e);
        if (y > e) {
            if (asciiLower(t.at(y)) == 'd' && asciiLower(t.at(y + 1)) == 'e') {
                int b = blanksForward(t, y + 2);
                if (b > y + 2) y = b;
            }
            // monthYear's YEAR(?!\d) opens where "de" and its blanks end if they are there, else at y
            if (yearAt(t, y)) monthYear.push_back(k);
        }
    }
    auto yearSign = [](Units8 v) { return lanesEqual(v, u'年') | lanesEqual(v, u'년'); };
    for (int i = t.lo; (i = skipRefused(t.units, i, t.hi, yearSign)) < t.hi; i++)
        if ((t.units[i] == u'年' || t.units[i] == u'년') && i - 4 >= t.lo) cjk.push_back(i - 4);
    // worldDates.ts drops what m[0] ends with of [.,\s]+
    auto date = [&](int s, const RegexMatch& m) {
        int end = m.end;
        while (end > s && (t.at(end - 1) == '.' || t.at(end - 1) == ',' || isSpace(t.at(end - 1)))) end--;
        out.push_back({s, end, SpanType::DATE, 900, SpanSource::pattern});
    };
    auto canOpen = [&t](int d) { return dayCanOpen(t, d); };
    scanFrom(r.dayMonth, t, keepStarts(dayMonth, canOpen), date);
    scanFrom(r.dayDeMonth, t, keepStarts(dayDe, canOpen), date);
    scanFrom(r.monthYear, t, monthYear, date);
    scanFrom(r.dashed, t, dashed, date);
    scanFrom(r.cjk, t, cjk, date);
}

}  // namespace fieldtune_pii
