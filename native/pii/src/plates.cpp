#include "plates.h"

#include <string>
#include <vector>

#include "regex.h"
#include "scan.h"

namespace fieldtune_pii {
namespace {

// plates.ts B and E, its four standalone shapes, PLATE_WORD (plateWords.ts), and its VIN labels.
const char16_t* const B = uR"re((?<![\p{L}\d-]))re";
const char16_t* const E = uR"re((?![\p{L}\d-]))re";
const char16_t* const SHAPES[] = {
    uR"re([A-HJ-PR-Y][A-HJ-PR-Y]\d{2}[ ][A-HJ-PR-Z]{3})re",
    uR"re([A-HJ-NP-TV-Z]{2}-\d{3}-[A-HJ-NP-TV-Z]{2})re",
    uR"re([A-ZÄÖÜ]{1,3}-[A-Z]{1,2}[ ]\d{1,4}[EH]?)re",
    uR"re((?:AN|AP|AR|AS|BR|CH|CG|DD|DL|GA|GJ|HR|HP|JK|JH|KA|KL|LA|LD|MP|MH|MN|ML|MZ|NL|OD|PY|PB|RJ|SK|TN|TS|TR|UP|UK|WB)[ -]?\d{1,2}[ -]?[A-Z]{1,3}[ -]?\d{4})re",
};
const char16_t* const PLATE_WORD =
    uR"re((?:registration|reg\.?|rego|number plate|plate|Kennzeichen|amtliches Kennzeichen|immatriculation|matrícula|matricula|targa|kenteken|registreringsnummer|rekisteritunnus|tablica|vehicle|véhicule))re";

std::u16string standaloneSource() {
    std::u16string s;
    for (const char16_t* shape : SHAPES) s += (s.empty() ? u"" : u"|") + std::u16string(B) + shape + E;
    return s;
}

struct Regexes {
    Regex standalone{standaloneSource(), "u"};
    Regex afterWord{std::u16string(uR"re((?<![\p{L}]))re") + PLATE_WORD +
                        uR"re((?:[ \t]+(?:no\.?|number|nr\.?|n°))?[ \t]*[:#]?[ \t]*(?<v>\d{4}[ -]?[B-DF-HJ-NP-TV-Z]{3}|[A-Z]{1,3}[ -]?\d{1,4}[ -]?[A-Z]{1,3}|[A-Z]{2,3}[ -]?\d{2,4}|\d{1,3}-[A-Z]{1,2}-\d{1,6}))re" +
                        E,
                    "iu"};
    Regex vinLabel{
        uR"re((?=[VFnbt])(?<![\p{L}])(?:VIN|FIN|Fahrgestellnummer|Fahrzeug-Ident\.?-Nr\.?|Fahrzeugidentifikationsnummer|numéro VIN|n° de série|bastidor|número de bastidor|telaio)[ \t]*[:#]?[ \t]*(?<v>[A-HJ-NPR-Z0-9]{17})(?![A-Za-z0-9]))re",
        "u"};
    Regex digit{uR"re(\d)re", ""};
    Regex capital{uR"re([A-Z])re", ""};
    Regex plateValue{uR"re(^[A-Z0-9 -]+$)re", ""};
};
const Regexes& rx() {
    static const Regexes r;
    return r;
}

bool isUmlaut(int c) { return c == 0xc4 || c == 0xd6 || c == 0xdc; }

// The Indian state codes a plate opens with, as a 26 x 26 table.
struct States {
    bool has_[26][26] = {};
    States() {
        const char* list = "AN|AP|AR|AS|BR|CH|CG|DD|DL|GA|GJ|HR|HP|JK|JH|KA|KL|LA|LD|MP|MH|MN|ML|MZ|NL|OD|PY|PB|RJ|SK|TN|TS|TR|UP|UK|WB";
        for (const char* p = list; p[0]; p += p[2] ? 3 : 2) has_[p[0] - 'A'][p[1] - 'A'] = true;
    }
    bool has(int a, int b) const { return isUpper(a) && isUpper(b) && has_[a - 'A'][b - 'A']; }
};
const States INDIAN_STATES;

// plates.ts STANDALONE_SCAN's test on a capitals run [s, e) that opens with a capital.
bool standaloneStart(const Text& t, int s, int e) {
    int n = e - s, after = t.at(e);
    if (n == 4 && after == ' ' && isDigit(t.at(s + 2)) && isDigit(t.at(s + 3))) return true;
    if (n == 2 && after == '-' && isDigit(t.at(e + 1))) return true;
    if (n <= 3 && ((after == '-' && isUpper(t.at(e + 1))) || isUmlaut(after))) return true;
    return n >= 2 && INDIAN_STATES.has(t.at(s), t.at(s + 1)) && (n == 2 || isDigit(t.at(s + 2)));
}

// Where a plate word can begin, from its first two letters in either case (under iu only 'ſ' and the Kelvin sign
// fold onto ASCII letters, to s and k: the Kelvin sign can open "Kennzeichen").
bool plateWordStart(const Text& t, int p) {
    int a = t.units[p] == 0x212a ? 'k' : asciiLower(t.units[p]), b = asciiLower(t.at(p + 1));
    switch (a) {
        case 'r': return b == 'e';
        case 'n': return b == 'u';
        case 'p': return b == 'l';
        case 'k': return b == 'e';
        case 'a': case 'i': case 'm': return b == 'm' || b == 'a';
        case 't': return b == 'a';
        case 'v': return b == 'e' || t.at(p + 1) == 0xe9 || t.at(p + 1) == 0xc9;
        default: return false;
    }
}

// Then, where plateWordStart holds: the regex (flags iu) takes one of its words at p, so one of these is written
// there in any case (foldIu: "reg" opens "registration", "reg", "rego" and "registreringsnummer").
bool plateWordAt(const Text& t, int p) {
    static const char16_t* const WORDS[] = {u"reg",      u"rekisteritunnus", u"number plate", u"plate",     u"kennzeichen",
                                            u"amtliches kennzeichen",       u"immatriculation", u"matr\u00edcula", u"matricula",
                                            u"targa",    u"kenteken",        u"tablica",      u"vehicle",   u"v\u00e9hicule"};
    for (const char16_t* w : WORDS)
        if (wordAtIu(t, p, w)) return true;
    return false;
}

// The four standalone shapes (flag u, so case-sensitive) at p, by their fixed units: a match of one of them opens
// there. Each test lets through a superset of its shape (all capitals for the narrower letter sets).
bool standaloneShapeAt(const Text& t, int p) {
    auto up = [&t](int i) { return isUpper(t.at(i)); };
    auto dg = [&t](int i) { return isDigit(t.at(i)); };
    // [A-HJ-PR-Y]{2}\d{2}[ ][A-HJ-PR-Z]{3}
    if (up(p) && up(p + 1) && dg(p + 2) && dg(p + 3) && t.at(p + 4) == ' ' && up(p + 5) && up(p + 6) && up(p + 7)) return true;
    // [A-HJ-NP-TV-Z]{2}-\d{3}-[A-HJ-NP-TV-Z]{2}
    if (up(p) && up(p + 1) && t.at(p + 2) == '-' && dg(p + 3) && dg(p + 4) && dg(p + 5) && t.at(p + 6) == '-' && up(p + 7) && up(p + 8))
        return true;
    // [A-ZÄÖÜ]{1,3}-[A-Z]{1,2}[ ]\d: the '-' ends the run of [A-ZÄÖÜ], the blank that of [A-Z] after it
    int r = 0;
    while (r < 4 && (up(p + r) || isUmlaut(t.at(p + r)))) r++;
    if (r >= 1 && r <= 3 && t.at(p + r) == '-') {
        int u = 0;
        while (u < 3 && up(p + r + 1 + u)) u++;
        if (u >= 1 && u <= 2 && t.at(p + r + 1 + u) == ' ' && dg(p + r + 2 + u)) return true;
    }
    // a state code, [ -]?, then a digit
    int sep = t.at(p + 2);
    return INDIAN_STATES.has(t.at(p), t.at(p + 1)) && (dg(p + 2) || ((sep == ' ' || sep == '-') && dg(p + 3)));
}

// plates.ts vinLabelStarts: each label holds one of these, at this offset from the label's start. One walk over
// the text, testing an anchor only where its first unit is.
std::vector<int> vinLabelStarts(const Text& t) {
    static const std::pair<std::u16string, int> ANCHORS[] = {{u"VIN", 0}, {u"VIN", -7}, {u"FIN", 0},      {u"Fahr", 0},
                                                             {u"°", -1}, {u"ú", -1},   {u"bastidor", 0}, {u"telaio", 0}};
    static const struct First {
        bool at[256] = {};
        First() { at['V'] = at['F'] = at[0xb0] = at[0xfa] = at['b'] = at['t'] = true; }
    } FIRST;
    std::vector<int> out;
    auto first = [](Units8 v) {
        return lanesEqual(v, 'V') | lanesEqual(v, 'F') | lanesEqual(v, 0xb0) | lanesEqual(v, 0xfa) | lanesEqual(v, 'b') | lanesEqual(v, 't');
    };
    for (int i = t.lo; (i = skipRefused(t.units, i, t.hi, first)) < t.hi; i++) {
        char16_t c = t.units[i];
        if (c >= 256 || !FIRST.at[c]) continue;
        for (const auto& [needle, offset] : ANCHORS) {
            if (needle[0] != c || i + static_cast<int>(needle.size()) > t.hi) continue;
            if (std::char_traits<char16_t>::compare(t.units + i, needle.data(), needle.size()) == 0 && i + offset >= t.lo)
                out.push_back(i + offset);
        }
    }
    return out;
}


}  // namespace

void detectPlates(const Text& t, Spans& out) {
    const Regexes& r = rx();
    std::vector<int> standalone, words;
    // an umlaut anywhere; after no ASCII letter, a capital or a plate word's first letter (the Kelvin sign too)
    auto mayOpen = [](Units8 v, Units8 before) {
        const Units8 small = v | 0x20;
        const Units8 wordFirst = lanesEqual(small, 'r') | lanesEqual(small, 'n') | lanesEqual(small, 'p') | lanesEqual(small, 'k') |
                                 lanesEqual(small, 'a') | lanesEqual(small, 'i') | lanesEqual(small, 'm') | lanesEqual(small, 't') |
                                 lanesEqual(small, 'v') | lanesEqual(v, 0x212a);
        return lanesEqual(v, 0xc4) | lanesEqual(v, 0xd6) | lanesEqual(v, 0xdc) | ((upperLanes(v) | wordFirst) & ~asciiLetterLanes(before));
    };
    for (int p = t.lo; (p = skipRefusedAfter(t.units, t.lo, p, t.hi, mayOpen)) < t.hi; p++) {
        int c = t.units[p];
        if (isUmlaut(c)) {
            if (standaloneShapeAt(t, p)) standalone.push_back(p);
        } else if (isUpper(c) && !isAsciiAlnum(t.at(p - 1))) {
            // a run of capitals and digits (a small letter ends the test: most runs are capitalized words)
            int e = p;
            while (isUpper(t.at(e)) || isDigit(t.at(e))) e++;
            if (!isLower(t.at(e)) && standaloneStart(t, p, e) && standaloneShapeAt(t, p)) standalone.push_back(p);
        }
        if (!isAsciiLetter(t.at(p - 1)) && plateWordStart(t, p) && plateWordAt(t, p)) words.push_back(p);
    }
    scanFrom(r.standalone, t, standalone, [&](int s, const RegexMatch& m) { out.push_back({s, m.end, SpanType::VEHICLE, 800, SpanSource::pattern}); });
    const int v = r.afterWord.group("v");
    scanFrom(r.afterWord, t, words, [&](int, const RegexMatch& m) {
        auto [s, e] = m.groups[v];
        // A plate has letters and digits; with the i flag the shapes also let lower-case words through.
        if (s >= 0 && r.digit.test(t.slice(s, e)) && r.plateValue.matchAt(t.slice(s, e), s) >= 0)
            out.push_back({s, e, SpanType::VEHICLE, 860, SpanSource::context});
    });
    const int vin = r.vinLabel.group("v");
    scanFrom(r.vinLabel, t, vinLabelStarts(t), [&](int, const RegexMatch& m) {
        auto [s, e] = m.groups[vin];
        if (s >= 0 && r.digit.test(t.slice(s, e)) && r.capital.test(t.slice(s, e))) out.push_back({s, e, SpanType::VEHICLE, 900, SpanSource::context});
    });
}

}  // namespace fieldtune_pii
