#include "places.h"

#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "letters.h"
#include "placeWalks.h"
#include "regex.h"
#include "scan.h"
#include "townWords.h"

namespace fieldtune_pii {
namespace {

using std::u16string;

// span.ts US_STATE_ABBR and AMBIGUOUS_STATE_ABBR (US_STATE_NAMES is in placeWalks.h).
const char16_t* const STATE_ABBR =
    u"AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR";
const char16_t* const AMBIGUOUS_ABBR = u"MD|PA|ME|OR|IN|OK|HI|CO|LA|MA|MS|ID|AL|MO|NE|DE|DC|PR";


// places.ts's pieces of pattern.
const u16string CAPW = uR"re([\p{Lu}][\p{L}\p{M}'’.\-])re" u"*";
const u16string STREET_TYPES =
    u"Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|Way|Terrace|Ter|Parkway|Pkwy|Highway|Hwy|Circle|Cir|Square|Sq|Trail|Trl|Plaza|Row|Close|Crescent|Alley|Pike|Turnpike|Loop|Run|Path|Walk|Ridge|Heights|Concourse|Expressway|Expy|Freeway|Fwy|Hollow|Crossing|Xing|Point|Pt|Mews|Gardens|Green|Grove|Hill|View|Vista|Commons|Landing|Bend|Cove|Glen|Meadow|Meadows|Park|Estates|Gate|Quay|Wharf|Broadway";
const u16string UNIT = uR"re((?:,?[ \t]+(?:Apt|Apartment|Suite|Ste|Unit|Fl|Floor|Room|Rm|Bldg|#)\.?[ \t]*#?[ \t]*[A-Za-z0-9-]{1,6}))re";
// One to `more` + 1 capitalized words, one blank between each.
u16string capWords(const char* more) { return CAPW + u"(?:[ \\t]" + CAPW + u"){0," + u16string(more, more + 1) + u"}"; }

struct Regexes {
    Regex street{uR"re((?<![\w.-])\d{1,6}[A-Za-z]?(?:-\d{1,4})?[ \t]+(?:[NSEW]\.?[ \t]+)?(?:(?:)re" + CAPW +
                     uR"re(|\d{1,3}(?:st|nd|rd|th))[ \t]+){0,4}(?:)re" + STREET_TYPES +
                     uR"re()\b\.?(?:[ \t]+(?:NE|NW|SE|SW|N|S|E|W)\b\.?)?)re" + UNIT + u"?",
                 "u"};
    Regex streetPrefix{
        uR"re((?<![\w.-])\d{1,6}[ \t]+(?:Calle|Avenida|Av\.|Camino|Paseo|Vía|Via|Rue|Rua|Vista|Corso|Plaza|Carrera|Carrer)(?:[ \t]+(?:de|del|de la|los|las|la|el|da|do|dos|das|di)?[ \t]*[\p{Lu}\d][\p{L}\p{M}'’.-]*){1,3})re" +
            UNIT + u"?",
        "u"};
    Regex streetAfter{
        uR"re((?=[\p{Lu}])(?<![\p{L}])[\p{Lu}][\p{L}\p{M}-]*(?:straße|strasse|str\.|weg|gasse|platz|allee|ring|damm|ufer|laan|straat|gracht|vej|gade|gatan|vägen|veien)[ \t]+\d{1,4}[a-z]?(?![\d\p{L}]))re",
        "u"};
    Regex typeFirstNumberAfter{
        uR"re((?<![\p{L}])(?:Rua|Avenida|Av\.|Calle|Carrera|Via|Viale|Corso|Rue|Strada|Ulica|ul\.|Piazza|Praça|Largo)[ \t]+(?:(?:de|da|do|dos|das|del|della|di|la|le|des)[ \t]+)?[\p{Lu}][\p{L}\p{M}'’.-]*(?:[ \t][\p{Lu}][\p{L}\p{M}'’.-]*){0,2},?[ \t]+\d{1,5}[A-Za-z]?(?![\d\p{L}]))re",
        "u"};
    Regex cep{uR"re((?<![\d-])\d{5}-\d{3}(?![\d-]))re", ""};
    Regex poBox{uR"re(\bP\.?\s?O\.?\s?Box[ \t]+\d{1,6}\b)re", "i"};
    Regex zipAfterState{u"\\b(?:" + u16string(STATE_ABBR) + u"|" + US_STATE_NAMES + uR"re()\.?,?[ \t]{1,3}(?<z>\d{5}(?:-\d{4})?)(?![\d-]))re", ""};
    Regex zipLabel{uR"re(\b(?:ZIP|Zip|zip)(?:[ \t]*[Cc]ode)?[ \t]*[:#]?[ \t]*(?<z>\d{5}(?:-\d{4})?)(?!\d))re", ""};
    Regex caPostal{uR"re((?<![A-Za-z0-9])[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ -]?\d[ABCEGHJ-NPRSTV-Z]\d(?![A-Za-z0-9]))re", ""};
    Regex ukPostal{uR"re((?<![A-Za-z0-9])[A-Z]{1,2}\d[A-Z\d]? \d[ABD-HJLNP-UW-Z]{2}(?![A-Za-z0-9]))re", ""};
    Regex stateAfterComma{uR"re(,[ \t]+(?<state>)re" + u16string(STATE_ABBR) + u"|" + US_STATE_NAMES +
                              uR"re()(?![\p{L}])(?<zip>\.?,?[ \t]+\d{5})?)re",
                          "u"};
    Regex county{uR"re((?=[\p{Lu}])(?<![\p{L}])(?:(?<a>)re" + CAPW + uR"re((?:[ \t])re" + CAPW +
                     uR"re()?)[ \t]+(?:County|COUNTY|Parish|PARISH)|(?:County|COUNTY)[ \t]+(?:of|OF)[ \t]+(?<b>)re" + CAPW +
                     uR"re((?:[ \t])re" + CAPW + uR"re()?))(?![\p{L}]))re",
                 "u"};
    Regex countyAnchor{uR"re((?<![\p{L}])(?:County|COUNTY|Parish|PARISH)(?![\p{L}]))re", "u"};
    Regex codeCity{uR"re((?<![\d\p{L}-])(?<z>\d{3}[ ]\d{2}|\d{4,6})[ \t]+(?<c>)re" + capWords("2") + u")", "u"};
    Regex cityField{
        uR"re((?<![\p{L}])(?:(?:City|Town|Village|Municipality|City\/Town|County|Neighbou?rhood|Residence)[ \t]*:|(?:Place of birth|Birthplace|City of birth|Hometown)[ \t]*:?|Born in)[ \t]*(?<c>)re" +
            capWords("2") + u")",
        "u"};
    Regex cityAfterStreet{uR"re(^,?[ \t]+(?<c>)re" + capWords("2") + u")", "u"};
    Regex afterPrep{uR"re((?<![\p{L}])(?:in|from|near|to|at|outside|around|of|moved to|lives in|resides in)[ \t]+(?<c>)re" + capWords("3") + u")",
                    "u"};
    Regex letter{u"\\p{L}", "u"};
    std::vector<u16string> states = [] {
        std::vector<u16string> all = splitWords(STATE_ABBR, u'|');
        for (u16string& name : splitWords(US_STATE_NAMES, u'|')) all.push_back(name);
        return all;
    }();
    WordSet stateNames, ambiguousAbbr;
    // The states by their first two letters (places.ts STATE_OPENINGS), all ASCII.
    std::unordered_map<int, std::vector<u16string>> statesByOpening;
    const SuffixesByLast streetAfterSuffixes{
        splitWords(u"straße strasse str. weg gasse platz allee ring damm ufer laan straat gracht vej gade gatan vägen veien", u' ')};
    Regexes() {
        for (const u16string& s : splitWords(US_STATE_NAMES, u'|')) stateNames.add(s);
        for (const u16string& s : splitWords(AMBIGUOUS_ABBR, u'|')) ambiguousAbbr.add(s);
        for (const u16string& s : states) statesByOpening[s[0] * 128 + s[1]].push_back(s);
    }
};
const Regexes& rx() {
    static const Regexes r;
    return r;
}

// The words of [s, e) as places.ts splitBlanks gives them: [start, end) each, split at every blank.
std::vector<std::pair<int, int>> wordsOf(const Text& t, int s, int e) {
    std::vector<std::pair<int, int>> out;
    int from = s;
    for (int i = s; i < e; i++)
        if (isBlank(t.units[i])) {
            out.push_back({from, i});
            from = i + 1;
        }
    out.push_back({from, e});
    return out;
}

// words[a..b) joined by one space (places.ts words.slice(a, b).join(' ')), as text.
u16string joined(const Text& t, const std::vector<std::pair<int, int>>& words, size_t a, size_t b) {
    u16string out;
    for (size_t k = a; k < b; k++) {
        if (k > a) out += u' ';
        out.append(t.units + words[k].first, t.units + words[k].second);
    }
    return out;
}

// places.ts dropFinalStop.
u16string dropFinalStop(u16string s) {
    if (!s.empty() && (s.back() == u'.' || s.back() == u',')) s.pop_back();
    return s;
}

bool isAsciiDigitAt(const Text& t, int i) { return isDigit(t.at(i)); }

// places.ts streetWordAfter.
bool streetWordAfter(const Text& t, int e) {
    int i = e;
    if (isAsciiLetter(t.at(i))) i++;
    if (t.at(i) == '-') {
        i++;
        while (isAsciiDigitAt(t, i)) i++;
    }
    int w = afterBlanks(t, i);
    if (w < 0) return false;
    if (capitalOrOther(t, w)) return true;
    int d = w;
    while (d - w < 4 && isAsciiDigitAt(t, d)) d++;
    if (!(d > w && d - w <= 3)) return false;
    int a = t.at(d), b = t.at(d + 1);
    return (a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') || (a == 't' && b == 'h');
}

// Whether a street type opens one of the six blank-separated words after the house number ending at `e`: STREET
// ends each word it takes before the type (a compass point, up to four names or ordinals) at blanks, so its type
// opens one of them. A necessary condition, tested before the regex, which tries its ~80 types one after another
// at each word.
bool streetTypeAhead(const Text& t, int e) {
    static const struct Types {
        std::vector<u16string> byFirst[128];
        Types() {
            for (const u16string& w : splitWords(STREET_TYPES, u'|')) byFirst[w[0]].push_back(w);
        }
    } TYPES;
    int i = e;
    while (i < t.hi && !isBlank(t.units[i])) i++;  // the rest of the number ("12B", "7-12")
    for (int word = 0; word < 6; word++) {
        int w = afterBlanks(t, i);
        if (w < 0) return false;
        int c = t.at(w);
        if (c >= 0 && c < 128)
            for (const u16string& type : TYPES.byFirst[c]) {
                int n = static_cast<int>(type.size());
                if (w + n <= t.hi && std::char_traits<char16_t>::compare(t.units + w, type.data(), type.size()) == 0 && !isWord(t.at(w + n)))
                    return true;
            }
        i = w;
        while (i < t.hi && !isBlank(t.units[i])) i++;
    }
    return false;
}

// places.ts prefixTypeAfter: the first letters of STREET_PREFIX's street types after the blanks.
bool prefixTypeAfter(const Text& t, int e) {
    int w = afterBlanks(t, e);
    if (w < 0) return false;
    int c = t.at(w);
    return c == 'C' || c == 'A' || c == 'P' || c == 'V' || c == 'R';
}

// places.ts STREET's end: a final '.' is dropped unless it closes an abbreviated street type.
int streetEnd(const Text& t, int start, int end) {
    if (t.at(end - 1) != '.') return end;
    static const char* const ABBREVIATIONS[] = {"St", "Ave", "Rd", "Blvd", "Ln", "Dr", "Ct", "Pl", "Ter", "Pkwy", "Hwy", "Cir", "Sq", "Trl"};
    for (const char* a : ABBREVIATIONS) {
        int n = static_cast<int>(std::char_traits<char>::length(a));
        int s = end - 1 - n;
        // \b before it, inside the match
        if (s >= start && wordAt(t, s, a) && (s == start || !isWord(t.at(s - 1)))) return end;
    }
    return end - 1;
}

// places.ts codeMatches: CODE's matches, [start, end) pairs, without the regex.
std::vector<std::pair<int, int>> codeMatches(const Text& t, const DigitRuns& runs) {
    std::vector<std::pair<int, int>> out;
    for (const DigitRun& r : runs.all()) {
        if (!(r.before & BLANK) || r.end - r.start < 4 || r.end - r.start > 6 || (r.after & (LETTER | DASH)) != 0) continue;
        int c = t.at(r.end);
        if (c == ' ' && isAsciiDigitAt(t, r.end + 1)) continue;
        if (c >= 0xd800 && c <= 0xdbff && rx().letter.matchAt(t.slice(r.end, r.end + 2), r.end) >= 0) continue;
        out.push_back({r.start, r.end});
    }
    return out;
}

struct Out {
    Spans& spans;
    size_t first;  // where this family's spans begin
    void add(int s, int e, SpanType type, int milli, SpanSource source) { spans.push_back({s, e, type, milli, source}); }
};

// The longest known town that opens words[0..] (fromStart) or closes them, and what to add when one is found.
// places.ts's CITY_AFTER_STREET, CODE_CITY and AFTER_PREP loops share this shape; all but the first drop a final
// '.' or ',' of the name (dropStop).
template <typename Found>
void longestTown(const Resources& res, const Text& t, const std::vector<std::pair<int, int>>& words, bool fromStart, bool dropStop, Found found) {
    const size_t n = words.size();
    for (size_t k = n; k >= 1; k--) {
        size_t a = fromStart ? 0 : n - k, b = fromStart ? k : n;
        u16string part = joined(t, words, a, b);
        u16string name = dropStop ? dropFinalStop(part) : part;
        if (!res.set("cities").has(res.fold(name))) continue;
        found(name, part, b);
        return;
    }
}

void streets(const Text& t, const DigitRuns& runs, const PlaceKeywords& keywords, const Resources& res, Out& out) {
    const Regexes& r = rx();
    scanFrom(r.street, t, runs.starts({1, 6, WORDISH, 0, ASCII_LETTER | BLANK | DASH}, [&](int e) { return streetWordAfter(t, e) && streetTypeAhead(t, e); }),
             [&](int s, const RegexMatch& m) { out.add(s, streetEnd(t, s, m.end), SpanType::LOCATION, 880, SpanSource::pattern); });
    // Type-first streets outrank the number-first pattern, which would stop at "3318 Vista" of "3318 Vista del Sol".
    scanFrom(r.streetPrefix, t, runs.starts({1, 6, WORDISH, 0, BLANK}, [&](int e) { return prefixTypeAfter(t, e); }),
             [&](int s, const RegexMatch& m) { out.add(s, m.end, SpanType::LOCATION, 890, SpanSource::pattern); });
    scanFrom(r.typeFirstNumberAfter, t,
             writtenAt(t, keywords.of("RACVSUuPL"),
                       {u"Rua", u"Avenida", u"Av.", u"Calle", u"Carrera", u"Via", u"Corso", u"Rue", u"Strada", u"Ulica", u"ul.", u"Piazza", u"Praça",
                        u"Largo"}),
             [&](int s, const RegexMatch& m) { out.add(s, m.end, SpanType::LOCATION, 880, SpanSource::pattern); });
    scanFrom(r.cep, t, runs.starts({5, 5, DASH, 0, DASH}), [&](int s, const RegexMatch& m) { out.add(s, m.end, SpanType::ZIP, 600, SpanSource::pattern); });
    // "Hauptstraße 14": the regex runs over the lines that hold a suffix before blanks and a number.
    std::vector<int> suffixes = suffixThenNumber(t, runs, r.streetAfterSuffixes);
    if (!suffixes.empty()) {
        for (auto [lineStart, lineEnd] : linesAt(t, suffixes))
            capitalMatchesOnLine(r.streetAfter, t, lineStart, lineEnd,
                                 [&](int s, const RegexMatch& m) { out.add(s, m.end, SpanType::LOCATION, 800, SpanSource::pattern); });
    }
    // A known town right after a street on the same line ("Rua Augusta 1508, São Paulo - SP").
    std::vector<Span> streets;
    for (size_t k = out.first; k < out.spans.size(); k++)
        if (out.spans[k].type == SpanType::LOCATION) streets.push_back(out.spans[k]);
    const int c = r.cityAfterStreet.group("c");
    for (const Span& street : streets) {
        RegexMatch m;
        if (!r.cityAfterStreet.matchAt(t.slice(street.end, street.end + 60), street.end, m)) continue;
        auto words = wordsOf(t, m.groups[c].first, m.groups[c].second);
        if (!mayOpenTown(res, t, words[0].first, words[0].second)) continue;
        longestTown(res, t, words, true, false, [&](const u16string& name, const u16string&, size_t) {
            int s = m.groups[c].first;
            out.add(s, s + static_cast<int>(name.size()), SpanType::LOCATION, 750, SpanSource::dictionary);
        });
    }
}

void postalCodes(const Text& t, const DigitRuns& runs, const Resources& res, Out& out) {
    const Regexes& r = rx();
    // places.ts PO_BOX's starts: a 'P' 5-9 units before the blanks that end in "Box" before a number.
    std::vector<int> boxes;
    for (const DigitRun& run : runs.all()) {
        if (!(run.before & BLANK) || run.end - run.start > 6) continue;
        int b = blanksBack(t, run.start - 1);
        if (b - 3 < t.lo || (t.at(b - 1) | 32) != 'x' || (t.at(b - 2) | 32) != 'o' || (t.at(b - 3) | 32) != 'b') continue;
        for (int p = b - 9; p <= b - 5; p++)
            if (p >= t.lo && (t.at(p) | 32) == 'p') boxes.push_back(p);
    }
    scanFrom(r.poBox, t, boxes, [&](int s, const RegexMatch& m) { out.add(s, m.end, SpanType::LOCATION, 850, SpanSource::pattern); });

    // places.ts ZIP_AFTER_STATE's starts: a state's name or code ending where the 1-3 blanks (and a '.', ',') before
    // a 5-digit run begin.
    std::vector<int> afterState;
    for (const DigitRun& run : runs.all()) {
        if (run.end - run.start != 5 || !(run.before & BLANK)) continue;
        int d = run.start, b = d - 1;
        while (b > t.lo && d - b < 3 && isBlank(t.at(b - 1))) b--;
        if (isBlank(t.at(b - 1))) continue;
        int e = b;
        if (t.at(e - 1) == ',') e--;
        int ends[3] = {b, e, e - 1};
        int count = t.at(e - 1) == '.' ? 3 : 2;
        for (int k = 0; k < count; k++)
            for (const u16string& st : r.states) {
                int s = ends[k] - static_cast<int>(st.size());
                if (s >= t.lo && std::char_traits<char16_t>::compare(t.units + s, st.data(), st.size()) == 0) afterState.push_back(s);
            }
    }
    const int z1 = r.zipAfterState.group("z");
    scanFrom(r.zipAfterState, t, afterState, [&](int, const RegexMatch& m) {
        if (m.groups[z1].first >= 0) out.add(m.groups[z1].first, m.groups[z1].second, SpanType::ZIP, 900, SpanSource::context);
    });
    // places.ts ZIP_LABEL's starts: "ZIP", "Zip" or "zip" (then "Code") before blanks, ':' or '#', a 5-digit run.
    std::vector<int> labels;
    auto zipEndsAt = [&](int e) {
        return e - 3 >= t.lo && (wordAt(t, e - 3, "ZIP") || wordAt(t, e - 3, "Zip") || wordAt(t, e - 3, "zip"));
    };
    for (const DigitRun& run : runs.all()) {
        if (run.end - run.start != 5) continue;
        int i = blanksBack(t, run.start);
        if (t.at(i - 1) == ':' || t.at(i - 1) == '#') i = blanksBack(t, i - 1);
        if (zipEndsAt(i)) labels.push_back(i - 3);
        if (i - 4 >= t.lo && (wordAt(t, i - 4, "Code") || wordAt(t, i - 4, "code"))) {
            int e = blanksBack(t, i - 4);
            if (zipEndsAt(e)) labels.push_back(e - 3);
        }
    }
    const int z2 = r.zipLabel.group("z");
    scanFrom(r.zipLabel, t, labels, [&](int, const RegexMatch& m) {
        if (m.groups[z2].first >= 0) out.add(m.groups[z2].first, m.groups[z2].second, SpanType::ZIP, 900, SpanSource::context);
    });

    // Canadian and British postcodes, and a known town right before one ("Manchester M14 5RS").
    auto postcode = [&](int s, const RegexMatch& m) {
        out.add(s, m.end, SpanType::ZIP, 700, SpanSource::pattern);
        auto [cs, ce] = wordsBeforeCode(t, s - 50 < t.lo ? t.lo : s - 50, s);
        if (cs >= 0 && res.set("cities").has(res.fold(t, cs, ce))) out.add(cs, ce, SpanType::LOCATION, 700, SpanSource::dictionary);
    };
    std::vector<int> ca;
    for (int d : runs.starts({1, 1, 0, CAPITAL, CAPITAL})) ca.push_back(d - 1);
    scanFrom(r.caPostal, t, ca, postcode);
    std::vector<int> uk;
    for (int d : runs.starts({1, 2, 0, CAPITAL, 0})) {
        uk.push_back(d - 1);
        if (isUpper(t.at(d - 2))) uk.push_back(d - 2);
    }
    scanFrom(r.ukPostal, t, uk, postcode);
}

void townsByContext(const Text& t, const PlaceKeywords& keywords, const Resources& res, Out& out) {
    const Regexes& r = rx();
    const WordSet& common = res.set("commonCapitalized");
    // Form fields: "City: Paterson", "Town: Bellevue" (the label says what the words are).
    const int c = r.cityField.group("c");
    scanFrom(r.cityField, t,
             writtenAt(t, keywords.of("CTVMNRPBH"),
                       {u"City", u"Town", u"Village", u"Municipality", u"County", u"Neighbourhood", u"Neighborhood", u"Residence",
                        u"Place of birth", u"Birthplace", u"Hometown", u"Born in"}),
             [&](int, const RegexMatch& m) {
                 auto [s, e] = m.groups[c];
                 if (s >= 0 && !common.has(res.fold(t, s, e))) out.add(s, e, SpanType::LOCATION, 850, SpanSource::context);
             });

    // A town before ", <state>": the state first, then the words before the comma.
    std::vector<int> commas;
    for (int i : commaThenCapital(t)) {
        // a state's code or name written there (STATE_AFTER_COMMA tries each in turn: most commas open none)
        const int w = afterBlanks(t, i + 1), a = t.at(w), b = t.at(w + 1);
        if (a >= 128 || b < 0 || b >= 128) continue;
        auto states = r.statesByOpening.find(a * 128 + b);
        if (states == r.statesByOpening.end()) continue;
        for (const u16string& st : states->second)
            if (w + static_cast<int>(st.size()) <= t.hi && std::char_traits<char16_t>::compare(t.units + w, st.data(), st.size()) == 0) {
                commas.push_back(i);
                break;
            }
    }
    const int state = r.stateAfterComma.group("state"), zip = r.stateAfterComma.group("zip");
    scanFrom(r.stateAfterComma, t, commas, [&](int at, const RegexMatch& m) {
        int s = cityBefore(t, at - 60 < t.lo ? t.lo : at - 60, at);
        if (s < 0) return;
        const int e = at;
        auto words = wordsOf(t, s, e);
        size_t first = 0;
        // Keep only the trailing words that are not common words ("Lives Dayton" -> "Dayton").
        while (words.size() - first > 1 && common.has(res.fold(t, words[first].first, words[first].second))) {
            s += words[first].second - words[first].first + 1;
            first++;
        }
        u16string city = res.fold(t, s, e);
        u16string undotted;
        for (char16_t ch : city)
            if (ch != u'.') undotted += ch;
        if (res.set("credentials").has(undotted)) return;  // "Esq., Florida Bar"
        const bool known = res.set("cities").has(city);
        auto [ss, se] = m.groups[state];
        if (r.ambiguousAbbr.has(u16string(t.units + ss, t.units + se)) && m.groups[zip].first < 0 && !known) return;
        if (common.has(city) || res.set("orgWords").has(res.fold(t, words.back().first, words.back().second))) return;
        out.add(s, e, SpanType::LOCATION, known ? 850 : 700, SpanSource::context);
    });

    // Counties: "Travis County", "County of Kings", found from the word County or Parish.
    std::vector<int> counties;
    for (int p : keywords.of("CP")) {
        if (r.countyAnchor.matchAt(t, p) < 0) continue;
        counties.push_back(p);
        int k = p;
        for (int piece = 0; piece < 2; piece++) {
            const int blanksEnd = k;
            k = blanksBack(t, k);
            if (k == blanksEnd) break;
            const int pieceEnd = k;
            while (k > t.lo && !isBlank(t.at(k - 1)) && t.at(k - 1) != '\n') k--;
            for (int i = k; i < pieceEnd; i++)
                if (capitalOrOther(t, i)) counties.push_back(i);
        }
    }
    const int a = r.county.group("a"), b = r.county.group("b");
    scanFrom(r.county, t, counties, [&](int, const RegexMatch& m) {
        if (m.groups[a].first >= 0) {
            // "OF TRAVIS COUNTY", "FOR KING COUNTY": drop leading common words.
            auto words = wordsOf(t, m.groups[a].first, m.groups[a].second);
            int s = m.groups[a].first;
            for (size_t k = 0; words.size() - k > 1 && common.has(res.fold(t, words[k].first, words[k].second)); k++)
                s += words[k].second - words[k].first + 1;
            out.add(s, m.end, SpanType::LOCATION, 800, SpanSource::pattern);
        } else if (m.groups[b].first >= 0) {
            out.add(m.groups[b].first, m.groups[b].second, SpanType::LOCATION, 800, SpanSource::pattern);
        }
    });
}

void townsByCode(const Text& t, const DigitRuns& runs, const Resources& res, Out& out) {
    const Regexes& r = rx();
    // A postal code then a known town ("10827 Berlin"): the longest town that opens the words after it.
    std::vector<int> starts = runs.starts({3, 3, LETTER | DASH, 0, SPACE}, [&](int e) {
        return isAsciiDigitAt(t, e + 1) && isAsciiDigitAt(t, e + 2) && capitalOrOther(t, afterBlanks(t, e + 3));
    });
    for (int s : runs.starts({4, 6, LETTER | DASH, 0, BLANK}, [&](int e) { return capitalOrOther(t, afterBlanks(t, e)); })) starts.push_back(s);
    const int z = r.codeCity.group("z"), c = r.codeCity.group("c");
    scanFrom(r.codeCity, t, starts, [&](int, const RegexMatch& m) {
        if (m.groups[c].first < 0 || m.groups[z].first < 0) return;
        auto words = wordsOf(t, m.groups[c].first, m.groups[c].second);
        if (!mayOpenTown(res, t, words[0].first, words[0].second)) return;
        longestTown(res, t, words, true, true, [&](const u16string& name, const u16string&, size_t) {
            int start = m.groups[c].first;
            out.add(start, start + static_cast<int>(name.size()), SpanType::LOCATION, 700, SpanSource::dictionary);
            out.add(m.groups[z].first, m.groups[z].second, SpanType::ZIP, 700, SpanSource::context);
        });
    });
    // A known town then a postal code ("Berlin 10827"): the codes first, then the words before each one.
    for (auto [zs, ze] : codeMatches(t, runs)) {
        auto [cs, ce] = wordsBeforeCode(t, zs - 50 < t.lo ? t.lo : zs - 50, zs);
        if (cs < 0) continue;
        auto words = wordsOf(t, cs, ce);
        if (!mayCloseTown(res, t, words.back().first, words.back().second)) continue;
        for (size_t k = words.size(); k >= 1; k--) {
            u16string part = joined(t, words, words.size() - k, words.size());
            u16string name = dropFinalStop(part);
            if (!res.set("cities").has(res.fold(name))) continue;
            // "Brooklyn, New York 11238": a state and its ZIP, not a town and a postal code.
            if (r.stateNames.has(name)) break;
            int start = ce - static_cast<int>(part.size());
            out.add(start, start + static_cast<int>(name.size()), SpanType::LOCATION, 700, SpanSource::dictionary);
            out.add(zs, ze, SpanType::ZIP, 700, SpanSource::context);
            break;
        }
    }
}

// Whether "State of" (any case) and blanks end at `end`, within the 12 units before it (places.ts AFTER_PREP).
bool stateOfBefore(const Text& t, int end) {
    int from = end - 12 < t.lo ? t.lo : end - 12;
    int e = end;
    while (e > from && isBlank(t.at(e - 1))) e--;
    if (e - 8 < from) return false;
    const char* want = "state of";
    for (int k = 0; k < 8; k++)
        if (asciiLower(t.at(e - 8 + k)) != want[k]) return false;
    return true;
}

void townsAfterWords(const Text& t, const Resources& res, Out& out) {
    const Regexes& r = rx();
    // places.ts AFTER_PREP's starts: the words themselves, after no letter; all but the two-word ones need blanks and
    // a capital (the town) after them.
    std::vector<int> starts;
    // the first letters of WORDS and of the two-word ones below, after no letter
    auto first = [](Units8 v, Units8 before) {
        return (lanesEqual(v, 'i') | lanesEqual(v, 'f') | lanesEqual(v, 'n') | lanesEqual(v, 't') | lanesEqual(v, 'a') | lanesEqual(v, 'o') |
                lanesEqual(v, 'm') | lanesEqual(v, 'l') | lanesEqual(v, 'r')) &
               ~asciiLetterLanes(before);
    };
    for (int p = t.lo; (p = skipRefusedAfter(t.units, t.lo, p, t.hi, first)) < t.hi; p++) {
        int c = t.units[p];
        if (!isLower(c) || isAsciiLetter(t.at(p - 1)) || isLetterUnit(t.at(p - 1))) continue;
        int e = p;
        while (e < t.hi && isAsciiLetter(t.units[e])) e++;
        const int n = e - p;
        if (n > 7) {
            p = e - 1;
            continue;
        }
        static const struct {
            const char* word;
            int length;
        } WORDS[] = {{"in", 2}, {"from", 4}, {"near", 4}, {"to", 2}, {"at", 2}, {"outside", 7}, {"around", 6}, {"of", 2}};
        bool twoWords = (n == 5 && (wordAt(t, p, "moved") || wordAt(t, p, "lives"))) || (n == 7 && wordAt(t, p, "resides"));
        bool one = false;
        for (const auto& w : WORDS) one |= w.length == n && wordAt(t, p, w.word);
        if (twoWords || (one && capitalOrOther(t, afterBlanks(t, e)))) starts.push_back(p);
        p = e - 1;
    }
    const int c = r.afterPrep.group("c");
    scanFrom(r.afterPrep, t, starts, [&](int, const RegexMatch& m) {
        auto [gs, ge] = m.groups[c];
        if (gs < 0) return;
        auto words = wordsOf(t, gs, ge);
        if (!mayOpenTown(res, t, words[0].first, words[0].second)) return;
        // The longest known town at the start of the capitalized run; not when an organization word follows.
        longestTown(res, t, words, true, true, [&](const u16string& name, const u16string&, size_t next) {
            if (stateOfBefore(t, gs)) return;
            if (next < words.size()) {
                u16string word(t.units + words[next].first, t.units + words[next].second);
                if (res.set("orgWords").has(res.fold(dropFinalStop(word)))) return;
            }
            out.add(gs, gs + static_cast<int>(name.size()), SpanType::LOCATION, 650, SpanSource::dictionary);
        });
    });
}

}  // namespace

void detectPlaces(const Text& t, const Resources& res, Spans& spans, const PlaceWalks& walks) {
    const DigitRuns& runs = walks.runs;
    const PlaceKeywords& keywords = walks.keywords;
    Out out{spans, spans.size()};
    streets(t, runs, keywords, res, out);
    postalCodes(t, runs, res, out);
    townsByContext(t, keywords, res, out);
    townsByCode(t, runs, res, out);
    townsAfterWords(t, res, out);
}

}  // namespace fieldtune_pii
