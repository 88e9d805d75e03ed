#include "worldPlaces.h"

#include <string>
#include <utility>
#include <vector>

#include "nonLatinLines.h"
#include "placeWalks.h"
#include "regex.h"
#include "scan.h"

namespace fieldtune_pii {
namespace {

using std::u16string;

// worldPlaces.ts's pieces of pattern.
const u16string CAPW = uR"re([\p{Lu}][\p{Ll}\p{M}'’.\-]*[\p{L}\p{M}])re";
const u16string TOWN = CAPW + uR"re((?:[ \t](?:am|an|der|de|la|le|sur|en|upon|on|-)?[ \t]?)re" + CAPW + u"){0,2}";
const u16string CODE_FIRST = uR"re((?:\d{4}[ ]?[A-Z]{2}|\d{2}-\d{3}|\d{4}-\d{3}|L-\d{4}|\d{3}[ ]\d{2}|\d{4,5}))re";
const u16string EIRCODE = uR"re((?:[AC-FHKNPRTV-Y]\d{2}|D6W)[ ][0-9AC-FHKNPRTV-Y]{4})re";
const u16string UK_POSTCODE = uR"re([A-Z]{1,2}\d[A-Z\d]?[ ]\d[ABD-HJLNP-UW-Z]{2})re";
const u16string CA_POSTAL = uR"re([ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ ]?\d[ABCEGHJ-NPRSTV-Z]\d)re";
const u16string REGION = u"(?:NSW|VIC|QLD|SA|WA|TAS|NT|ACT|ON|QC|BC|AB|MB|SK|NS|NB|NL|PE|YT|NU)";
const u16string CODES = EIRCODE + u"|" + UK_POSTCODE + u"|" + CA_POSTAL + uR"re(|\d{6}|(?<=)re" + REGION + uR"re([ \t]+)\d{4})re";

struct NonLatinAddress {
    int script;
    Regex re;
};

struct Regexes {
    Regex codeTown{uR"re((?<=^|\n|,[ \t]?|:[ \t]?|[ \t]{2})(?<![\p{L}\d-])(?<z>)re" + CODE_FIRST + uR"re()[ \t]+(?<c>)re" + TOWN +
                       uR"re((?:[ \t][A-Z](?![\p{L}]))?)(?![\p{L}\d]))re",
                   "u"};
    Regex townCode{uR"re((?=[\p{Lu}])(?<![\p{L}\d])(?<c>)re" + TOWN + uR"re((?:[ \t]\d{1,2}W?)?)(?:,?[ \t]+(?:Co\.[ \t]+)re" + CAPW + u"|" +
                       REGION + uR"re())?,?[ \t]+(?<z>)re" + CODES + uR"re()(?![\p{L}\d]))re",
                   "u"};
    Regex townCodeAnchor{uR"re([ \t](?:)re" + CODES + uR"re()(?![\p{L}\d]))re", "u"};
    // No u flag in the TypeScript either: \p there is the letter p, {L} its braces and L.
    Regex eircodeAlone{uR"re((?<![\p{L}\d]))re" + EIRCODE + uR"re((?![\p{L}\d]))re", ""};
    Regex dublin{uR"re((?<![\p{L}])Dublin[ \t]\d{1,2}W?(?![\p{L}\d]))re", "u"};
    Regex frStreet{
        uR"re((?<![\p{L}\d])\d{1,4}(?:[ \t]?(?:bis|ter))?,?[ \t]+(?:rue|boulevard|bd|avenue|av\.|allée|impasse|place|chemin|quai|cours|route|square|passage|chaussée)[ \t]+(?:(?:de[ \t]+la|de[ \t]+l'|des|du|de|d'|la|le|les)[ \t]*)?)re" +
            CAPW + uR"re((?:[ \t])re" + CAPW + u"){0,2}",
        "u"};
    Regex typeFirst{
        uR"re((?=[ABCPRualVIKU])(?<![\p{L}])(?:Avenue|Boulevard|Chaussée|Place|Rue|C\/|Calle|Avda\.|Avenida|Paseo|Carrer|ul\.|al\.|Via|Viale|Piazza|Rua|Am|An[ \t]der|Im|Knez|Bulevar|Ulica)[ \t]+(?:(?:de[ \t]+la|de|del|des|du|da|do|dos|das|della|di|la|le)[ \t]+)?)re" +
            CAPW + uR"re((?:[ \t])re" + CAPW +
            uR"re(){0,2},?[ \t]+\d{1,5}[A-Za-z]?(?:\/\d{1,4})?(?:,?[ \t]+(?:\d{1,2}º[ \t]?[A-Za-z]{1,5}\.?|m\.[ \t]?\d{1,4}|app\.[ \t]?\d{1,4}))?)re",
        "u"};
    Regex suffixStreet{
        uR"re((?=[\p{Lu}])(?<![\p{L}])(?:)re" + CAPW +
            uR"re([ \t])?[\p{Lu}][\p{L}\p{M}-]*(?:straße|strasse|Straße|Strasse|gasse|Gasse|weg|platz|Platz|allee|ring|damm|ufer|laan|straat|gracht|kade|singel|dijk|plein|vej|gade|gatan|vägen|veien|gata|katu|tie|kuja|polku|väylä)[ \t]+\d{1,4}[a-z]?(?:[ \t][A-Z](?:[ \t]\d{1,3})?)?(?![\d\p{L}]))re",
        "u"};
    Regex flatFirst{uR"re((?<![\p{L}])(?:Flat|Apartment|Apt\.?|Unit|Plot|Villa|House|Suite)[ \t]+[A-Z0-9-]{1,5},[ \t]+(?:\d{1,5}[A-Za-z]?[ \t]+)?)re" +
                        CAPW + uR"re((?:[ \t])re" + CAPW + u"){0,4}",
                    "u"};
    Regex townAtEnd{uR"re(,[ \t]+(?<c>)re" + TOWN + uR"re()[ \t]*\.?[ \t]*(?=\r?\n|$))re", "u"};
    Regex headingTown{uR"re((?<![\p{L}])(?:AT|OF|DE|DI|DU|IN)[ \t]+(?<c>[\p{Lu}][\p{Lu}'’-]+(?:[ \t][\p{Lu}][\p{Lu}'’-]+)?)[ \t]*(?=\r?\n|$|[ \t]+-))re", "u"};
    Regex nonLatinTownAfterCode{uR"re((?<z>\d{3}[ ]\d{2}|\d{5,6})[ \t]+(?<c>[\p{Lu}][\p{Ll}\p{M}]+)(?![\p{L}]))re", "u"};
    Regex notLatin{uR"re([^\p{Script=Latin}])re", "u"};
    Regex lowerFirst{uR"re(^[\p{Ll}])re", "u"};
    std::vector<NonLatinAddress> nonLatin;
    const SuffixesByLast suffixes{
        splitWords(u"straße strasse Straße Strasse gasse Gasse weg platz Platz allee ring damm ufer laan straat gracht kade singel dijk "
                   u"plein vej gade gatan vägen veien gata katu tie kuja polku väylä",
                   u' ')};
    WordSet notPlace, stateNamesLower;
    Regexes() {
        const std::pair<int, const char16_t*> NON_LATIN[] = {
            {SCRIPT_CYRILLIC,
             uR"re((?<![\p{L}])(?:ул\.|вул\.|улица|пр\.|просп\.|пер\.|бул\.|ш\.)[ \t]?[\p{Lu}][\p{L}-]+(?:[ \t][\p{Lu}][\p{L}-]+)?(?:,[ \t]?(?:д\.[ \t]?)?\d{1,4}[а-я]?)?(?:,[ \t]?(?:кв|корп|стр)\.[ \t]?\d{1,4})?)re"},
            {SCRIPT_CYRILLIC, uR"re((?<![\p{L}])(?:г\.|м\.|с\.|пос\.)[ \t]?[\p{Lu}][\p{L}-]+(?:[ \t]?-[ \t]?[\p{Lu}][\p{L}-]+)?)re"},
            {SCRIPT_GREEK, uR"re((?<![\p{L}])(?:Οδός|οδός|Λεωφόρος|Λεωφ\.|Πλατεία)[ \t][\p{Lu}][\p{L}]+(?:[ \t][\p{Lu}][\p{L}]+)?[ \t]\d{1,4})re"},
            {SCRIPT_HAN,
             uR"re([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]{1,6}(?:省|市|都|道|府|県|区|區|县|縣)[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]{0,12}(?:路|街|道|号|號|丁目|番地|町|村|区|區)?[\d０-９\-－号號丁目番地]*)re"},
            {SCRIPT_HANGUL,
             uR"re([\p{Script=Hangul}]{1,6}(?:특별시|광역시|시|도)(?:[ \t][\p{Script=Hangul}]{1,6}(?:구|군|시|동|읍|면))*(?:[ \t][\p{Script=Hangul}\d]{1,8}(?:로|길))?(?:[ \t]\d{1,4}(?:-\d{1,4})?)?)re"},
            {SCRIPT_ARABIC,
             uR"re((?:شارع|حي|طريق|ميدان)[ \t][\p{Script=Arabic}]+(?:[ \t][\p{Script=Arabic}]+)?(?:[،,][ \t]?(?:شارع|حي|طريق)[ \t][\p{Script=Arabic}]+(?:[ \t][\p{Script=Arabic}]+)?)*)re"},
            {SCRIPT_THAI, uR"re((?:\d{1,4}(?:\/\d{1,4})?[ \t])?(?:ถนน|ซอย)[\p{Script=Thai}]+)re"},
            {SCRIPT_DEVANAGARI, uR"re((?:मकान[ \t]नं\.?[ \t]?\d{1,5},[ \t]?)?(?:सेक्टर[ \t]\d{1,3}|[\p{Script=Devanagari}]+[ \t](?:नगर|मार्ग|रोड|कॉलोनी)))re"},
            {SCRIPT_DEVANAGARI, uR"re(\d{1,5},[ \t](?:[\p{Script=Devanagari}]+[ \t])?(?:नगर|मार्ग|रोड|कॉलोनी))re"},
        };
        for (const auto& [script, source] : NON_LATIN) nonLatin.push_back({script, Regex(source, "u")});
        for (const u16string& w : splitWords(u"india|uk|united kingdom|ireland|canada|australia|germany|france|spain|italy|españa|deutschland", u'|'))
            notPlace.add(w);
        for (u16string w : splitWords(US_STATE_NAMES, u'|')) {
            for (char16_t& c : w) c = static_cast<char16_t>(asciiLower(c));
            stateNamesLower.add(w);
        }
    }
};
const Regexes& rx() {
    static const Regexes r;
    return r;
}

u16string slice(const Text& t, int s, int e) { return u16string(t.units + s, t.units + e); }

// worldPlaces.ts ADDRESS_WORD.test(` ${text} `): one of its words after a blank, a digit or the start and before a
// blank, ',', '.' or the end. By hand: the regex tried its ~80 words one after another at each position.
bool addressWordIn(const Text& t, int s, int e) {
    static const char16_t* const WORDS[] = {
        u"Road", u"Rd", u"Street", u"St", u"Lane", u"Avenue", u"Ave", u"Drive", u"Court", u"Close", u"Crescent", u"Place", u"Square",
        u"Terrace", u"Way", u"Grove", u"Gardens", u"Hill", u"Hills", u"View", u"Row", u"Mews", u"Park", u"Dock", u"Quay", u"Rectory",
        u"Cottage", u"House", u"Farm", u"Lodge", u"Manor", u"Church", u"Flat", u"Apartment", u"Apartments", u"Apt", u"Unit", u"Plot",
        u"Villa", u"Sector", u"Block", u"Nagar", u"Salai", u"Marg", u"Colony", u"Layout", u"West", u"East", u"North", u"South", u"Rue",
        u"Allée", u"Impasse", u"Chemin", u"Quai", u"Calle", u"C/", u"Avenida", u"Plaza", u"Via", u"Viale", u"Piazza", u"Rua", u"Straße",
        u"Strasse", u"Weg", u"Gasse", u"Platz", u"ul."};
    // the padded text: a blank before s and after e
    auto at = [&](int i) { return i == s - 1 || i == e ? ' ' : t.at(i); };
    for (int i = s; i < e; i++) {
        const int before = at(i - 1);
        if (!isSpace(before) && !isDigit(before)) continue;
        for (const char16_t* w : WORDS) {
            int k = 0;
            while (w[k] && i + k < e && t.units[i + k] == w[k]) k++;
            if (w[k]) continue;
            const int after = at(i + k);
            if (isSpace(after) || after == ',' || after == '.') return true;
        }
    }
    return false;
}

// worldPlaces.ts addressPart.
bool addressPart(const Text& t, int s, int e, const Resources& res) {
    while (s < e && isSpace(t.at(s))) s++;
    while (e > s && isSpace(t.at(e - 1))) e--;
    if (s == e || e - s > 60) return false;
    bool digit = false;
    for (int i = s; i < e; i++) {
        int c = t.units[i];
        if (c == ':' || c == ';') return false;
        digit |= isDigit(c);
    }
    const u16string folded = res.fold(t, s, e);
    if (rx().notPlace.has(folded)) return false;
    return digit || addressWordIn(t, s, e) || res.set("cities").has(folded);
}

// Whether [s, e) opens with one of the words that open a sentence part, as written, then a blank.
bool opensSentencePart(const Text& t, int s, int e) {
    static const char16_t* const WORDS[] = {u"of", u"at", u"in", u"à", u"en", u"a", u"de", u"te", u"в"};
    for (const char16_t* w : WORDS) {
        int k = 0;
        while (w[k] && s + k < e && t.units[s + k] == w[k]) k++;
        if (!w[k] && s + k < e && isBlank(t.units[s + k])) return true;
    }
    return false;
}

// worldPlaces.ts's "Flat 2", "Plot 12", "B-42", "45": a unit or house number alone.
bool unitOrNumberAlone(const Text& t, int s, int e) {
    static const Regex ALONE(uR"re(^(?:(?:Flat|Apartment|Apt\.?|Unit|Plot|Villa|House|Suite|Block)[ \t]+)?[A-Z]?-?\d{1,5}[A-Za-z]?$)re", "");
    return ALONE.matchAt(t.slice(s, e), s) >= 0;
}

// worldPlaces.ts partsBefore: the comma-separated parts of an address line before a town.
void partsBefore(const Text& t, int townStart, const Resources& res, Spans& out) {
    const int lineStart = lineStartNear(t, townStart, 300);
    // the last ": ", ":\t" or " : " of the line before the town ends a label
    int base = lineStart;
    for (int i = townStart - 2; i >= lineStart; i--) {
        if ((t.units[i] == ':' && isBlank(t.units[i + 1]) && (i + 1 < townStart)) ||
            (t.units[i] == ' ' && t.at(i + 1) == ':' && t.at(i + 2) == ' ' && i + 2 < townStart)) {
            base = i + 2;
            break;
        }
    }
    // [base, townStart) must end in a comma and blanks; the parts end before them
    int end = townStart;
    while (end > base && isBlank(t.units[end - 1])) end--;
    if (end <= base || t.units[end - 1] != ',') return;
    end--;
    while (end > base && isBlank(t.units[end - 1])) end--;
    struct Part {
        int s, e;
    };
    std::vector<Part> parts;
    while (end > base && parts.size() < 4) {
        int comma = end - 1;
        while (comma >= base && t.units[comma] != ',') comma--;
        int s = comma + 1;
        while (s < end && isBlank(t.units[s])) s++;
        // Lower-case words open a sentence part ("I, Mitchell Hayes, of 14 Beach Road"): not an address part.
        if (opensSentencePart(t, s, end)) {
            int space = s;
            while (space < end && t.units[space] != ' ') space++;
            int cut = space < end ? space - s + 1 : 0;
            parts.push_back({s + cut, end});
            break;
        }
        if (rx().lowerFirst.matchAt(t.slice(s, end), s) >= 0) {
            static const char* const STREET_OPENERS[] = {"ul.", "al.", "c/", "rue", "via", "avenue"};
            bool opener = false;
            for (const char* w : STREET_OPENERS) {
                int k = 0;
                while (w[k] && s + k < end && asciiLower(t.units[s + k]) == w[k]) k++;
                opener |= !w[k];
            }
            if (!opener) break;
        }
        parts.push_back({s, end});
        if (comma < base) break;
        end = comma;
    }
    while (!parts.empty() && !addressPart(t, parts.back().s, parts.back().e, res)) parts.pop_back();
    for (int i = static_cast<int>(parts.size()) - 1; i >= 0; i--) {
        Part& p = parts[i];
        if (i > 0 && unitOrNumberAlone(t, p.s, p.e)) {
            parts[i - 1].s = p.s;
            continue;
        }
        if (rx().notPlace.has(res.fold(t, p.s, p.e))) continue;
        out.push_back({p.s, p.e, SpanType::LOCATION, 620, SpanSource::context});
    }
}

// worldPlaces.ts pushTown.
void pushTown(const Text& t, int s, int e, const Resources& res, Spans& out, int milli) {
    if (rx().notPlace.has(res.fold(t, s, e)) || res.set("orgWords").has(slice(t, s, e))) return;
    out.push_back({s, e, SpanType::LOCATION, milli, SpanSource::context});
    partsBefore(t, s, res, out);
}

// worldPlaces.ts townThenLineEnd.
bool townThenLineEnd(const Text& t, int i) {
    int pieces = 0;
    bool inPiece = false;
    for (int k = i + 1; k < t.hi; k++) {
        int c = t.units[k];
        if (c == '\n') return true;
        if (c == '\r') return t.at(k + 1) == '\n';
        if (c < 128 && !(isAsciiLetter(c) || c == '\'' || c == '.' || c == '-' || c == ' ' || c == '\t')) return false;
        if (c == ' ' || c == '\t') {
            inPiece = false;
        } else if (!inPiece) {
            inPiece = true;
            if (++pieces > 6) return false;
        }
    }
    return true;
}

// /STATE[ \t]+OF[ \t]+$/i on the 12 units before `end`.
bool stateOfBefore(const Text& t, int end) {
    const int from = end - 12 < t.lo ? t.lo : end - 12;
    auto wordEndingAt = [&](int e, const char* w, int n) {
        if (e - n < from) return false;
        for (int k = 0; k < n; k++)
            if (asciiLower(t.at(e - n + k)) != w[k]) return false;
        return true;
    };
    int b1 = end;
    while (b1 > from && isBlank(t.at(b1 - 1))) b1--;
    if (b1 == end || !wordEndingAt(b1, "of", 2)) return false;
    int b2 = b1 - 2;
    int e2 = b2;
    while (b2 > from && isBlank(t.at(b2 - 1))) b2--;
    return b2 != e2 && wordEndingAt(b2, "state", 5);
}

bool isStateName(const Text& t, int s, int e) {
    u16string w = slice(t, s, e);
    for (char16_t& c : w) c = static_cast<char16_t>(asciiLower(c));
    return rx().stateNamesLower.has(w);
}

void townsKnown(const Text& t, const PlaceKeywords& keywords, const Resources& res, Spans& out) {
    const Regexes& r = rx();
    const WordSet& cities = res.set("cities");
    std::vector<int> atEnd;
    for (int i : commaThenCapital(t))
        if (townThenLineEnd(t, i)) atEnd.push_back(i);
    const int c1 = r.townAtEnd.group("c");
    scanFrom(r.townAtEnd, t, atEnd, [&](int, const RegexMatch& m) {
        auto [s, e] = m.groups[c1];
        if (s < 0 || !cities.has(res.fold(t, s, e))) return;
        out.push_back({s, e, SpanType::LOCATION, 700, SpanSource::dictionary});
        partsBefore(t, s, res, out);
    });
    std::vector<int> headings;
    for (int s : writtenAt(t, keywords.thenBlank(t, "AODI"), {u"AT", u"OF", u"DE", u"DI", u"DU", u"IN"}))
        if (isUpper(t.at(s + 1))) headings.push_back(s);
    const int c2 = r.headingTown.group("c");
    scanFrom(r.headingTown, t, headings, [&](int, const RegexMatch& m) {
        auto [s, e] = m.groups[c2];
        if (s < 0 || !cities.has(res.fold(t, s, e))) return;
        // "STATE OF NEW YORK": a state, which Safe Harbor leaves.
        if (stateOfBefore(t, s) || isStateName(t, s, e)) return;
        out.push_back({s, e, SpanType::LOCATION, 700, SpanSource::dictionary});
    });
}

// Whether one of TOWN_CODE's regions (REGION) ends at `end`.
bool regionBefore(const Text& t, int end) {
    static const char* const REGIONS[] = {"NSW", "VIC", "QLD", "SA", "WA", "TAS", "NT", "ACT", "ON", "QC",
                                          "BC",  "AB",  "MB",  "SK", "NS", "NB",  "NL", "PE",  "YT", "NU"};
    for (const char* region : REGIONS) {
        int n = static_cast<int>(std::char_traits<char>::length(region));
        if (end - n >= t.lo && wordAt(t, end - n, region)) return true;
    }
    return false;
}

// worldPlaces.ts lineOrFieldStart.
bool lineOrFieldStart(const Text& t, int i) {
    int c = t.at(i - 1);
    if (i == t.lo || c == '\n' || c == ',' || c == ':') return true;
    if (!isBlank(c)) return false;
    int b = t.at(i - 2);
    return isBlank(b) || b == ',' || b == ':';
}

// CODE_TOWN past its look-behinds at p: one of CODE_FIRST's shapes, then blanks, then the town's capital (an ASCII one,
// or any unit past ASCII, where \p{Lu} decides). Every end a shape can take is tried, so this holds wherever the regex
// can match; most digit runs at a line's start are followed by a small word or nothing.
bool townMayFollowCode(const Text& t, int p) {
    auto digits = [&t](int i, int n) {
        for (int k = 0; k < n; k++)
            if (!isDigit(t.at(i + k))) return false;
        return true;
    };
    auto townAfter = [&t](int e) {
        if (!isBlank(t.at(e))) return false;
        const int c = t.at(blanksForward(t, e));
        return isUpper(c) || c >= 128;
    };
    if (t.at(p) == 'L') return t.at(p + 1) == '-' && digits(p + 2, 4) && townAfter(p + 6);
    if (digits(p, 4)) {
        // \d{4}[ ]?[A-Z]{2}, \d{4}-\d{3}, \d{4,5}
        if (t.at(p + 4) == ' ' && isUpper(t.at(p + 5)) && isUpper(t.at(p + 6)) && townAfter(p + 7)) return true;
        if (isUpper(t.at(p + 4)) && isUpper(t.at(p + 5)) && townAfter(p + 6)) return true;
        if (t.at(p + 4) == '-' && digits(p + 5, 3) && townAfter(p + 8)) return true;
        if (townAfter(p + 4) || (isDigit(t.at(p + 4)) && townAfter(p + 5))) return true;
    }
    // \d{2}-\d{3}, \d{3}[ ]\d{2}
    if (digits(p, 2) && t.at(p + 2) == '-' && digits(p + 3, 3) && townAfter(p + 6)) return true;
    return digits(p, 3) && t.at(p + 3) == ' ' && digits(p + 4, 2) && townAfter(p + 6);
}

void codesAndTowns(const Text& t, const DigitRuns& runs, const Resources& res, Spans& out) {
    const Regexes& r = rx();
    // CODE_TOWN's starts: digit runs whose digits end as a code shape's first digits do, at a line or field start,
    // and each "L-".
    static const int AFTER[] = {0, 0, DASH, SPACE, BLANK | DASH | CAPITAL, BLANK};
    std::vector<int> starts;
    for (const DigitRun& run : runs.all()) {
        const int n = run.end - run.start;
        if (!(run.before & (BLANK | COMMA | COLON | NEWLINE | EDGE)) || n < 2 || n > 5 || !(run.after & AFTER[n])) continue;
        if (lineOrFieldStart(t, run.start)) starts.push_back(run.start);
    }
    for (int i = t.lo; (i = skipToUnit(t.units, i, t.hi - 1, 'L')) + 1 < t.hi; i++)
        if (t.units[i] == 'L' && t.units[i + 1] == '-') starts.push_back(i);
    const int z1 = r.codeTown.group("z"), c1 = r.codeTown.group("c");
    scanFrom(r.codeTown, t, keepStarts(starts, [&t](int p) { return townMayFollowCode(t, p); }), [&](int, const RegexMatch& m) {
        auto [zs, ze] = m.groups[z1];
        auto [cs, ce] = m.groups[c1];
        if (zs < 0 || cs < 0) return;
        // Years and amounts before a capital are the common trap.
        if (ze - zs == 4 && ((t.at(zs) == '1' && t.at(zs + 1) == '9') || (t.at(zs) == '2' && t.at(zs + 1) == '0')) && isDigit(t.at(zs + 2)) &&
            isDigit(t.at(zs + 3)))
            return;
        // "3407 Kirby Drive": a house number and its street, not a code and its town.
        if (addressWordIn(t, cs, ce + 12 > t.hi ? t.hi : ce + 12)) return;
        out.push_back({zs, ze, SpanType::ZIP, 750, SpanSource::context});
        pushTown(t, cs, ce, res, out, 720);
    });

    // TOWN_CODE on the lines that hold its anchor, found from the digit runs (worldPlaces.ts anchorsBeforeDigits).
    std::vector<int> anchors;
    auto at = [&](int p) {
        if (isBlank(t.at(p)) && r.townCodeAnchor.matchAt(t, p) >= 0) anchors.push_back(p);
    };
    // Before a 4-digit run the anchor needs a region code before the blanks ("VIC 3065"); before a capital, one of the
    // postcodes' shapes: "H2X" (a digit then a capital), or a space 3-6 units on before a digit ("LE2 3AH"), or at 4
    // ("D04 E7P3"). Tested by hand first: most blanks before numbers and capitals open none of them.
    for (int d : runs.starts({4, 4, 0, BLANK, 0}))
        if (regionBefore(t, blanksBack(t, d))) at(d - 1);
    for (int d : runs.starts({6, 6, 0, BLANK, 0})) at(d - 1);
    auto postcodeShape = [&](int p) {
        if (isDigit(t.at(p + 2)) && isUpper(t.at(p + 3))) return true;
        for (int k = 3; k <= 6; k++)
            if (t.at(p + k) == ' ' && (k == 4 || isDigit(t.at(p + k + 1)))) return true;
        return false;
    };
    for (int d : runs.starts({1, 2, 0, CAPITAL, 0})) {
        if (postcodeShape(d - 2)) at(d - 2);
        if (isUpper(t.at(d - 2)) && postcodeShape(d - 3)) at(d - 3);
    }
    const int z2 = r.townCode.group("z"), c2 = r.townCode.group("c");
    if (!anchors.empty()) {
        for (auto [lineStart, lineEnd] : linesAt(t, anchors))
            capitalMatchesOnLine(r.townCode, t, lineStart, lineEnd, [&](int, const RegexMatch& m) {
                auto [zs, ze] = m.groups[z2];
                auto [cs, ce] = m.groups[c2];
                if (zs < 0 || cs < 0) return;
                // what TOWN_CODE's town must follow: a comma, a line or field start, two blanks (or the text's start)
                const int b = cs - 3 < t.lo ? t.lo : cs - 3;
                auto before = [&](int k) { return k >= b ? t.at(k) : -1; };
                int p = before(cs - 1), q = before(cs - 2);
                bool starts = p == ',' || p == '\n' || p == ':' || (isBlank(p) && (q == ',' || q == ':' || isBlank(q)));
                if (!starts && cs != 0) return;
                out.push_back({zs, ze, SpanType::ZIP, 780, SpanSource::context});
                pushTown(t, cs, ce, res, out, 720);
            });
    }
    std::vector<int> eircodes;
    for (int d : runs.starts({1, 2, 0, CAPITAL, 0})) eircodes.push_back(d - 1);
    scanFrom(r.eircodeAlone, t, eircodes, [&](int s, const RegexMatch& m) { out.push_back({s, m.end, SpanType::ZIP, 700, SpanSource::pattern}); });
    std::vector<int> dublins;
    for (int i = t.lo; (i = skipToUnit(t.units, i, t.hi - 5, 'D')) + 6 <= t.hi; i++)
        if (t.units[i] == 'D' && wordAt(t, i, "Dublin")) dublins.push_back(i);
    scanFrom(r.dublin, t, dublins, [&](int s, const RegexMatch& m) { out.push_back({s, m.end, SpanType::LOCATION, 800, SpanSource::pattern}); });
}

// worldPlaces.ts frStreetAfter and its helpers.
bool isBisTer(const Text& t, int i) { return wordAt(t, i, "bis") || wordAt(t, i, "ter"); }
bool frStreetTypeAt(const Text& t, int i) {
    int j = afterBlanks(t, t.at(i) == ',' ? i + 1 : i);
    // one of FR_STREET's street types written there (worldPlaces.ts tests its first letter; the whole word spares
    // the regex most numbers before lower-case words)
    return j >= 0 && startsWithAny(t, j,
                                   {u"rue", u"boulevard", u"bd", u"avenue", u"av.", u"allée", u"impasse", u"place", u"chemin", u"quai", u"cours", u"route",
                                    u"square", u"passage", u"chaussée"});
}
bool frStreetAfter(const Text& t, int e) {
    return frStreetTypeAt(t, e) || (isBisTer(t, e) && frStreetTypeAt(t, e + 3)) || (isBlank(t.at(e)) && isBisTer(t, e + 1) && frStreetTypeAt(t, e + 4));
}

void streets(const Text& t, const DigitRuns& runs, const PlaceKeywords& keywords, Spans& out) {
    const Regexes& r = rx();
    auto street = [&](int s, const RegexMatch& m) { out.push_back({s, m.end, SpanType::LOCATION, 890, SpanSource::pattern}); };
    scanFrom(r.frStreet, t, runs.starts({1, 4, LETTER, 0, BLANK | COMMA | ASCII_LETTER}, [&](int e) { return frStreetAfter(t, e); }), street);
    scanFrom(r.typeFirst, t,
             writtenAt(t, keywords.thenBlank(t, "ABCPRualVIKU"),
                       {u"Avenue", u"Boulevard", u"Chaussée", u"Place", u"Rue", u"C/", u"Calle", u"Avda.", u"Avenida", u"Paseo", u"Carrer", u"ul.", u"al.",
                        u"Via", u"Piazza", u"Rua", u"Am", u"An", u"Im", u"Knez", u"Bulevar", u"Ulica"}),
             street);
    std::vector<int> suffixes = suffixThenNumber(t, runs, r.suffixes);
    if (!suffixes.empty()) {
        for (auto [lineStart, lineEnd] : linesAt(t, suffixes)) capitalMatchesOnLine(r.suffixStreet, t, lineStart, lineEnd, street);
    }
    // "Flat 9, Riverside Court": only when the words after the comma are a street or estate, not a town.
    scanFrom(r.flatFirst, t, writtenAt(t, keywords.thenBlank(t, "FAUPVHS"), {u"Flat", u"Apartment", u"Apt", u"Unit", u"Plot", u"Villa", u"House", u"Suite"}),
             [&](int s, const RegexMatch& m) {
        int comma = s;
        while (t.units[comma] != ',') comma++;
        if (addressWordIn(t, comma + 1, m.end)) out.push_back({s, m.end, SpanType::LOCATION, 860, SpanSource::pattern});
    });
}

// worldPlaces.ts nonLatinAddresses, on one line.
void nonLatinAddresses(const Text& line, Spans& out) {
    const Regexes& r = rx();
    const int scripts = scriptsOf(line);
    for (const NonLatinAddress& a : r.nonLatin) {
        if ((scripts & a.script) == 0) continue;
        RegexMatch m;
        for (int from = line.lo; from <= line.hi && a.re.find(line, from, m);) {
            const int s = m.groups[0].first;
            from = m.end > s ? m.end : m.end + 1;
            int e = m.end;
            while (e > s && (isSpace(line.at(e - 1)) || line.at(e - 1) == ',' || line.at(e - 1) == 0x60c)) e--;
            if (e - s >= 2) out.push_back({s, e, SpanType::LOCATION, 800, SpanSource::pattern});
        }
    }
    const int z = r.nonLatinTownAfterCode.group("z"), c = r.nonLatinTownAfterCode.group("c");
    RegexMatch m;
    for (int from = line.lo; from <= line.hi && r.nonLatinTownAfterCode.find(line, from, m);) {
        from = m.end > m.groups[0].first ? m.end : m.end + 1;
        auto [cs, ce] = m.groups[c];
        auto [zs, ze] = m.groups[z];
        if (cs >= 0 && zs >= 0 && r.notLatin.test(line.slice(cs, ce))) {
            out.push_back({zs, ze, SpanType::ZIP, 750, SpanSource::context});
            out.push_back({cs, ce, SpanType::LOCATION, 720, SpanSource::context});
        }
    }
}

}  // namespace

void detectWorldPlaces(const Text& t, const Resources& res, Spans& out, const PlaceWalks& walks) {
    const DigitRuns& runs = walks.runs;
    const PlaceKeywords& keywords = walks.keywords;
    townsKnown(t, keywords, res, out);
    codesAndTowns(t, runs, res, out);
    streets(t, runs, keywords, out);
    onNonLatinLines(t, [&](const Text& line) { nonLatinAddresses(line, out); });
}

}  // namespace fieldtune_pii
