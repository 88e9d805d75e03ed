#include "nationalIds.h"

#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "regex.h"
#include "scan.h"
#include "worldChecksums.h"

namespace fieldtune_pii {
namespace {

// nationalIds.ts B and E: not inside a longer number, a word or after a calling code.
const char16_t* const B = uR"re((?<![\p{L}\d+]|\d[ .-]|\+\d{1,4}[ .-]?))re";
const char16_t* const E = uR"re((?![\p{L}\d]|[ -]\d))re";

enum class Check { none, nhs, sin, tfn, medicare, aadhaar, vat, vatShape, dni, nir, ahv, codice, ppsn, belgian, bsn, pesel,
                   steuerId, personnummer, hetu };

// Where a kind's match can start (nationalIds.ts STARTS and LONG_LED): a digit-led kind's first digits, the least
// digits of its groups with their separators (and what counts as a digit: A and B too for the NIR's Corsican
// departments), and the lengths its first digit run may have; or a test on a run of capitals and digits.
struct DigitStart {
    const char* first;
    const char* seps;
    int least;
    int runMin, runMax;  // the first digit run's length
    bool digitsAB = false;
};
enum class CapsStart { none, insurance, pan, vat, vatShape, dni, codice, iban };

struct Kind {
    const char* name;
    const char16_t* pattern;
    SpanType type;
    Check check;
    int confidenceMilli;
    const char16_t* label;  // nullptr: none
    const char* labelFlags;
    DigitStart digits;      // first == nullptr: not digit-led
    CapsStart caps;
    bool digitRun;          // a phone word before it makes it a phone number (DIGIT_RUNS)
};

constexpr int ANY_RUN = 1 << 30;
const Kind KINDS[] = {
    {"UK NHS number", uR"(\d{3}([ -]?)\d{3}\1\d{4})", SpanType::ID, Check::nhs, 900, nullptr, "", {"0123456789", " -", 10, 3, 10}, CapsStart::none, true},
    {"UK National Insurance number", uR"((?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D])",
     SpanType::ID, Check::none, 880, nullptr, "", {}, CapsStart::insurance, false},
    {"Canadian SIN", uR"(\d{3}([ -])\d{3}\1\d{3})", SpanType::ID, Check::sin, 880, nullptr, "", {"0123456789", " -", 9, 3, 3}, CapsStart::none, true},
    {"Australian TFN", uR"(\d{3}([ -])\d{3}\1\d{2,3})", SpanType::ID, Check::tfn, 870, nullptr, "", {"0123456789", " -", 8, 3, 3}, CapsStart::none, true},
    {"Australian Medicare", uR"([2-6]\d{3} \d{5} \d(?:[ -/]?\d)?)", SpanType::HEALTH_PLAN, Check::medicare, 900, nullptr, "",
     {"23456", " ", 10, 4, 4}, CapsStart::none, false},
    {"Australian Medicare (unspaced)", uR"([2-6]\d{9,10})", SpanType::HEALTH_PLAN, Check::medicare, 900, u"medicare", "i",
     {"23456", "", 10, 10, ANY_RUN}, CapsStart::none, false},
    {"Indian Aadhaar", uR"([2-9]\d{3}([ -]?)\d{4}\1\d{4})", SpanType::ID, Check::aadhaar, 900, nullptr, "",
     {"23456789", " -", 12, 4, 12}, CapsStart::none, false},
    {"Indian PAN", uR"([A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z])", SpanType::ID, Check::none, 850, nullptr, "", {}, CapsStart::pan, false},
    {"EU VAT number",
     uR"((?:AT|BE|BG|CY|CZ|DE|DK|EE|EL|ES|FI|FR|HR|HU|IE|IT|LT|LU|LV|MT|NL|PL|PT|RO|SE|SI|SK)[ ]?[0-9A-Z+*](?:[ .]?[0-9A-Z]){6,11})",
     SpanType::ID, Check::vat, 920, nullptr, "", {}, CapsStart::vat, false},
    {"EU VAT number (shape only)", uR"((?:BG|CY|CZ|EE|EL|HR|HU|LT|LV|MT|RO|SI|SK)[ ]?\d{8,12}[A-Z]?)", SpanType::ID, Check::vatShape, 700,
     nullptr, "", {}, CapsStart::vatShape, false},
    {"Spanish DNI/NIE", uR"((?:[XYZ][ -]?\d{7}|\d{8})[ -]?[A-Z])", SpanType::ID, Check::dni, 920, nullptr, "",
     {"0123456789", "", 8, 8, 8}, CapsStart::dni, false},
    {"French NIR", uR"([12] ?\d{2} ?\d{2} ?(?:\d{2}|2A|2B) ?\d{3} ?\d{3} ?\d{2})", SpanType::ID, Check::nir, 930, nullptr, "",
     {"12", " ", 13, 0, ANY_RUN, true}, CapsStart::none, false},
    {"French NIR (labelled)", uR"([12] ?\d{2} ?\d{2} ?(?:\d{2}|2A|2B) ?\d{3} ?\d{3}(?: ?\d{2})?)", SpanType::ID, Check::none, 850,
     u"(?:s[ée]cu|NIR|INSEE|sécurité sociale|social security)", "i", {"12", " ", 11, 0, ANY_RUN, true}, CapsStart::none, false},
    {"Swiss AHV number", uR"(756\.?\d{4}\.?\d{4}\.?\d{2})", SpanType::ID, Check::ahv, 930, nullptr, "", {"7", ".", 13, 0, ANY_RUN},
     CapsStart::none, false},
    {"UK UTR", uR"(\d{5} ?\d{5})", SpanType::ID, Check::none, 900, u"(?:UTR|unique taxpayer)", "i", {"0123456789", " ", 10, 5, ANY_RUN},
     CapsStart::none, false},
    {"Italian codice fiscale", uR"([A-Z]{6}[0-9LMNPQRSTUV]{2}[A-EHLMPR-T][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z])", SpanType::ID,
     Check::codice, 950, nullptr, "", {}, CapsStart::codice, false},
    {"Irish PPSN", uR"(\d{7}[A-W][A-IW]?)", SpanType::ID, Check::ppsn, 900, nullptr, "", {"0123456789", "", 7, 7, ANY_RUN}, CapsStart::none,
     false},
    {"Belgian national number", uR"(\d{2}\.?\d{2}\.?\d{2}[-. ]?\d{3}[-. ]?\d{2})", SpanType::ID, Check::belgian, 800,
     u"(?:national|rijksregister|registre national|NN|INSZ|NISS)", "i", {"0123456789", ".- ", 11, 0, ANY_RUN}, CapsStart::none, false},
    {"Dutch BSN", uR"(\d{4}\.?\d{2}\.?\d{3})", SpanType::ID, Check::bsn, 900, u"(?:BSN|burgerservicenummer|sofinummer)", "i",
     {"0123456789", ".", 9, 0, ANY_RUN}, CapsStart::none, false},
    {"Polish PESEL", uR"(\d{11})", SpanType::ID, Check::pesel, 900, u"PESEL", "", {"0123456789", "", 11, 11, ANY_RUN}, CapsStart::none, false},
    {"German tax id", uR"(\d{2} ?\d{3} ?\d{3} ?\d{3})", SpanType::ID, Check::steuerId, 900,
     u"(?:Steuer-?ID|Steueridentifikationsnummer|IdNr|Steuer-IdNr|tax id|TIN)", "i", {"0123456789", " ", 11, 0, ANY_RUN}, CapsStart::none,
     false},
    {"Swedish personnummer", uR"((?:19|20)?\d{6}[-+]\d{4})", SpanType::ID, Check::personnummer, 900, nullptr, "",
     {"0123456789", "-+", 10, 6, ANY_RUN}, CapsStart::none, false},
    {"Finnish HETU", uR"(\d{6}[-+A-FU-Y]\d{3}[0-9A-Y])", SpanType::ID, Check::hetu, 920, nullptr, "", {"0123456789", "", 6, 6, ANY_RUN},
     CapsStart::none, false},
    {"Danish CPR", uR"((?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d{2}-?\d{4})", SpanType::ID, Check::none, 850, u"(?:CPR|personnummer)", "i",
     {"0123", "-", 10, 6, ANY_RUN}, CapsStart::none, false},
};
constexpr int KIND_COUNT = sizeof KINDS / sizeof KINDS[0];
constexpr int IBAN_SCAN = KIND_COUNT;  // the IBAN scan after the kinds, as in nationalIds.ts

bool valid(Check check, const std::string& v) {
    switch (check) {
        case Check::none: return true;
        case Check::nhs: return nhsValid(v);
        case Check::sin: return sinValid(v);
        case Check::tfn: return tfnValid(v);
        case Check::medicare: return medicareAuValid(v);
        case Check::aadhaar: return aadhaarValid(v);
        case Check::vat: return vatValid(v) == VatResult::checked;
        case Check::vatShape: return vatValid(v) == VatResult::shape;
        case Check::dni: return dniValid(v);
        case Check::nir: return nirValid(v);
        case Check::ahv: return ahvValid(v);
        case Check::codice: return codiceFiscaleValid(v);
        case Check::ppsn: return ppsnValid(v);
        case Check::belgian: return beNationalValid(v);
        case Check::bsn: return bsnValid(v);
        case Check::pesel: return peselValid(v);
        case Check::steuerId: return steuerIdValid(v);
        case Check::personnummer: return personnummerValid(v);
        case Check::hetu: return hetuValid(v);
    }
    return false;
}

bool in(const char* chars, int c) { return c > 0 && c < 128 && std::strchr(chars, c); }

// An ASCII set as 128 bits, built once from a kind's characters (strchr on every test was a sixth of the scan).
struct AsciiSet {
    uint64_t bits[2] = {0, 0};
    AsciiSet() = default;
    explicit AsciiSet(const char* chars) {
        for (const char* c = chars; c && *c; c++) bits[*c >> 6] |= uint64_t{1} << (*c & 63);
    }
    bool has(int c) const { return static_cast<unsigned>(c) < 128 && (bits[c >> 6] >> (c & 63) & 1); }
};

// Two-letter country prefixes as a 26 x 26 table.
struct Pairs {
    bool has_[26][26] = {};
    explicit Pairs(const char* list) {
        for (const char* p = list; p[0] && p[1]; p += p[2] ? 3 : 2) has_[p[0] - 'A'][p[1] - 'A'] = true;
    }
    bool has(int a, int b) const { return isUpper(a) && isUpper(b) && has_[a - 'A'][b - 'A']; }
};
const Pairs VAT_COUNTRIES("AT|BE|BG|CY|CZ|DE|DK|EE|EL|ES|FI|FR|HR|HU|IE|IT|LT|LU|LV|MT|NL|PL|PT|RO|SE|SI|SK");
const Pairs VAT_SHAPE_COUNTRIES("BG|CY|CZ|EE|EL|HR|HU|LT|LV|MT|RO|SI|SK");

// nationalIds.ts bOk, loosened where it cannot decide cheaply: a unit above 127 before p (perhaps a letter) lets the
// regex's own look-behind decide.
bool bOk(const Text& t, int p) {
    int prev = t.at(p - 1);
    if (prev < 0) return true;
    if (isAsciiAlnum(prev) || prev == '+') return false;
    return !((prev == ' ' || prev == '.' || prev == '-') && isDigit(t.at(p - 2)));
}

// alnumRuns.ts groupChars: characters of `body` from p, single separators between them, counted up to `need`. A
// template, so the body's test is inlined: it runs at every digit run of the text for several kinds.
template <typename Body>
int groupChars(const Text& t, int p, Body body, const AsciiSet& seps, int need) {
    int n = 0;
    for (int i = p; n < need;) {
        if (body(t.at(i))) {
            n++;
            i++;
        } else if (seps.has(t.at(i)) && body(t.at(i + 1))) {
            i++;
        } else {
            break;
        }
    }
    return n;
}
const auto isDigitOrAB = [](int c) { return isDigit(c) || c == 'A' || c == 'B'; };
const auto isDigitUnit = [](int c) { return isDigit(c); };
const auto isVatBody = [](int c) { return isDigit(c) || isUpper(c) || c == '+' || c == '*'; };

const AsciiSet BLANK(" "), BLANK_DOT(" .");

// A digit-led kind's start test, its character sets built once.
struct DigitTest {
    int kind;
    AsciiSet first, seps;
    const DigitStart* d;
    bool at(const Text& t, int p, int run) const {
        return first.has(t.at(p)) && run >= d->runMin && run <= d->runMax && bOk(t, p) &&
               (d->digitsAB ? groupChars(t, p, isDigitOrAB, seps, d->least) : groupChars(t, p, isDigitUnit, seps, d->least)) >= d->least;
    }
};

// s opens a run of ASCII letters and digits with no small letter, ending at e.
bool capsLedStart(const Text& t, int s, int e, CapsStart kind) {
    auto cap = [&t](int i) { return isUpper(t.at(i)); };
    switch (kind) {
        case CapsStart::none: return false;
        case CapsStart::insurance: return e - s >= 2 && cap(s) && cap(s + 1) && groupChars(t, s + 2, isDigitUnit, BLANK, 6) == 6 && bOk(t, s);
        case CapsStart::pan: return e - s == 10 && cap(s) && bOk(t, s);
        case CapsStart::vat:
            return VAT_COUNTRIES.has(t.at(s), t.at(s + 1)) && groupChars(t, s + 2, isVatBody, BLANK_DOT, 7) == 7 && bOk(t, s);
        case CapsStart::vatShape:
            return VAT_SHAPE_COUNTRIES.has(t.at(s), t.at(s + 1)) && (e - s == 2 ? t.at(e) == ' ' : isDigit(t.at(s + 2))) && bOk(t, s);
        case CapsStart::dni: return in("XYZ", t.at(s)) && (e - s == 1 ? in(" -", t.at(e)) : isDigit(t.at(s + 1))) && bOk(t, s);
        case CapsStart::codice: return e - s == 16 && cap(s) && bOk(t, s);
        case CapsStart::iban: return e - s >= 4 && cap(s) && cap(s + 1) && isDigit(t.at(s + 2)) && isDigit(t.at(s + 3));
    }
    return false;
}

// The label regexes above need one of these in the text (each alternative holds one): lower case, matched in either
// case (under i without u no unit past ASCII folds to an ASCII letter; "s[ée]cu", "sécurité sociale" and "social
// security" all hold "cu"); PESEL has no flags and is matched as written. A necessary condition for the label's test.
struct LabelAnchors {
    const char* kind;
    bool anyCase;
    std::vector<const char*> anchors;
};
const LabelAnchors LABEL_ANCHORS[] = {
    {"Australian Medicare (unspaced)", true, {"medicare"}},
    {"French NIR (labelled)", true, {"cu", "nir", "insee"}},
    {"UK UTR", true, {"utr", "unique taxpayer"}},
    {"Belgian national number", true, {"national", "rijksregister", "nn", "insz", "niss"}},
    {"Dutch BSN", true, {"bsn", "burgerservicenummer", "sofinummer"}},
    {"Polish PESEL", false, {"PESEL"}},
    {"German tax id", true, {"steuer", "idnr", "tax id", "tin"}},
    {"Danish CPR", true, {"cpr", "personnummer"}},
};

bool holdsAt(const Text& t, int i, const char* word, bool anyCase) {
    for (int k = 0; word[k]; k++) {
        const int c = t.at(i + k);
        if ((anyCase ? asciiLower(c) : c) != static_cast<unsigned char>(word[k])) return false;
    }
    return true;
}

// Whether `before` holds one of a label's anchors (LABEL_ANCHORS); a label not listed there passes.
bool mayHoldLabel(const char* kind, const Text& before) {
    for (const LabelAnchors& l : LABEL_ANCHORS) {
        if (std::strcmp(l.kind, kind) != 0) continue;
        for (int i = before.lo; i < before.hi; i++)
            for (const char* a : l.anchors)
                if (holdsAt(before, i, a, l.anyCase)) return true;
        return false;
    }
    return true;
}

// The digit groups of the NHS number, SIN and TFN as the regex takes them, with E after: \d{3}, a separator (optional
// for the NHS number, then the same one), \d{3}, that separator, and a last run of digits whose whole length must be
// in [lastMin, lastMax] (a digit left over fails E). Their look-behind B is bOk's; past ASCII E's \p{L} is the regex's.
bool digitGroupsAt(const Text& t, int p, bool sepOptional, int lastMin, int lastMax) {
    auto digits3 = [&t](int i) { return isDigit(t.at(i)) && isDigit(t.at(i + 1)) && isDigit(t.at(i + 2)); };
    if (!digits3(p)) return false;
    int sep = t.at(p + 3), i = p + 4;
    if (sep != ' ' && sep != '-') {
        if (!sepOptional) return false;
        sep = -2;
        i = p + 3;
    }
    if (!digits3(i)) return false;
    i += 3;
    if (sep != -2 && t.at(i++) != sep) return false;
    int run = 0;
    while (isDigit(t.at(i + run))) run++;
    const int after = t.at(i + run);
    return run >= lastMin && run <= lastMax && !isAsciiAlnum(after) && !((after == ' ' || after == '-') && isDigit(t.at(i + run + 1)));
}

// A kind's own shape, where it is tested by hand before its regex (a necessary condition).
bool shapeMayMatch(const Kind& kind, const Text& t, int p) {
    switch (kind.check) {
        case Check::nhs: return digitGroupsAt(t, p, true, 4, 4);
        case Check::sin: return digitGroupsAt(t, p, false, 3, 3);
        case Check::tfn: return digitGroupsAt(t, p, false, 2, 3);
        default: return true;
    }
}

struct Compiled {
    std::vector<std::unique_ptr<Regex>> scans, labels;
    std::vector<DigitTest> digitLed;  // the digit-led kinds' start tests, in kind order
    // Those that can open at a digit run by its first digit and its length (the last row: 24 digits and more), so a
    // run start tries a few kinds, not all of them.
    static constexpr int LONG_RUN = 24;
    std::vector<const DigitTest*> digitLedAt[10][LONG_RUN + 1];
    std::vector<int> capsLed;         // the kinds that open with capitals
    Regex iban{uR"re((?<![A-Za-z0-9])[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?(?![A-Za-z0-9]))re", ""};
    Regex phoneBefore{
        u"(?:tel|phone|call|mobile|cell|fax|ring|ph|t|m|f|téléphone|telefon|teléfono|handy|portable|móvil)\\.?[ \\t]*:?[ \\t]*$", "i"};
    Regex namesTheNumber{u"NHS|SIN|TFN|tax", "i"};
    Compiled() {
        for (const Kind& k : KINDS) {
            scans.push_back(std::make_unique<Regex>(std::u16string(B) + u"(?:" + k.pattern + u")" + E, "u"));
            labels.push_back(k.label ? std::make_unique<Regex>(k.label, k.labelFlags) : nullptr);
            int index = static_cast<int>(&k - KINDS);
            if (k.digits.first) digitLed.push_back({index, AsciiSet(k.digits.first), AsciiSet(k.digits.seps), &k.digits});
            if (k.caps != CapsStart::none) capsLed.push_back(index);
        }
        for (const DigitTest& d : digitLed)
            for (int digit = 0; digit < 10; digit++)
                for (int run = 1; run <= LONG_RUN; run++)
                    if (d.first.has('0' + digit) && d.d->runMax >= run && (run == LONG_RUN || d.d->runMin <= run))
                        digitLedAt[digit][run].push_back(&d);
    }
};
// compiled at first use (a refused pattern fails the call, not the process loading the add-on)
const Compiled& compiled() {
    static const Compiled c;
    return c;
}


// nationalIds.ts PHONE_BEFORE.test(before). The regex ends at the slice's end ($) and has no look-behind: its word
// ends after the last letter, where the dot, blanks, colon and blanks after it begin (taken backwards, one way), ends
// with one of "lexghtmfnoy" in either case (under i without u nothing past ASCII folds to ASCII), and is at most nine
// units long ("téléphone"): a match begins at most nine units before that end, so the regex tries those positions
// only, with the same answer.
bool phoneWordBefore(const Regex& re, const Text& before) {
    int k = blanksBack(before, before.hi);
    if (before.at(k - 1) == ':') k = blanksBack(before, k - 1);
    if (before.at(k - 1) == '.') k--;
    const int last = asciiLower(before.at(k - 1));
    if (last <= 0 || last >= 128 || !std::strchr("lexghtmfnoy", last)) return false;
    return re.test(before.slice(k - 9, before.hi));
}

}  // namespace

void detectNationalIds(const Text& t, Spans& out) {
    const Compiled& c = compiled();
    std::vector<std::pair<int, int>> found[KIND_COUNT + 1];
    int next[KIND_COUNT + 1] = {};
    auto tryAt = [&](int k, int p) {
        if (p < next[k]) return;
        const Regex& re = k == IBAN_SCAN ? c.iban : *c.scans[k];
        int end = re.matchAt(t, p);
        if (end < 0) return;
        found[k].emplace_back(p, end);
        next[k] = end > p ? end : p + 1;
    };
    auto runStart = [](Units8 v, Units8 before) {
        return (digitLanes(v) & ~digitLanes(before)) | (upperLanes(v) & ~digitLanes(before) & ~asciiLetterLanes(before));
    };
    for (int p = t.lo; (p = skipRefusedAfter(t.units, t.lo, p, t.hi, runStart)) < t.hi; p++) {
        int ch = t.units[p], prev = t.at(p - 1);
        if (isDigit(ch) && !isDigit(prev)) {
            int run = 0;
            while (isDigit(t.at(p + run))) run++;
            for (const DigitTest* d : c.digitLedAt[ch - '0'][run < Compiled::LONG_RUN ? run : Compiled::LONG_RUN])
                if (d->at(t, p, run) && shapeMayMatch(KINDS[d->kind], t, p)) tryAt(d->kind, p);
        } else if (isUpper(ch) && !isAsciiAlnum(prev)) {
            // a run of capitals and digits (a small letter ends the test: most runs are capitalized words)
            int e = p;
            while (isUpper(t.at(e)) || isDigit(t.at(e))) e++;
            if (isLower(t.at(e))) continue;
            for (int k : c.capsLed)
                if (capsLedStart(t, p, e, KINDS[k].caps)) tryAt(k, p);
            if (capsLedStart(t, p, e, CapsStart::iban)) tryAt(IBAN_SCAN, p);
        }
    }
    for (int k = 0; k < KIND_COUNT; k++) {
        const Kind& kind = KINDS[k];
        for (auto [s, e] : found[k]) {
            if (!valid(kind.check, asciiOf(t, s, e))) continue;
            Text before = t.slice(lineStartNear(t, s, 60), s);
            if (c.labels[k] && !(mayHoldLabel(kind.name, before) && c.labels[k]->test(before))) continue;
            // A digit run after a phone word is a phone number that happens to pass a check (1 in 10 or 11 do).
            if (kind.digitRun && phoneWordBefore(c.phoneBefore, before) && !c.namesTheNumber.test(before)) continue;
            out.push_back({s, e, kind.type, kind.confidenceMilli, kind.check == Check::none ? SpanSource::pattern : SpanSource::checksum});
        }
    }
    for (auto [s, e] : found[IBAN_SCAN])
        if (sepaIbanValid(asciiOf(t, s, e))) out.push_back({s, e, SpanType::ACCOUNT, 960, SpanSource::checksum});
}

}  // namespace fieldtune_pii
