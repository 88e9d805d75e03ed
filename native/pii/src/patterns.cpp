#include "patterns.h"

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "checksums.h"
#include "regex.h"
#include "scan.h"

namespace fieldtune_pii {
namespace {

std::u16string nationalPhoneSource() {
    static const char16_t* const SHAPES[] = {
        uR"(07\d{3} \d{6})",        uR"(07\d{3} \d{3} \d{3})",       uR"(0\d{2} \d{4} \d{4})",
        uR"(0\d{3} \d{3} \d{4})",   uR"(0\d{4} \d{5,6})",            uR"(0\d{4} \d{3} \d{3})",
        uR"(0\d{1,2} \d{3} \d{4})", uR"(0\d{2,4} \d{5,8})",          uR"(0[1-9](?: \d{2}){4})",
        uR"(0[1-9](?:\.\d{2}){4})", uR"(04\d{2} \d{3} \d{3})",       uR"(\(0[2-8]\) \d{4} \d{4})",
        uR"(0[2-8] \d{4} \d{4})",   uR"(0?[6-9]\d{4} \d{5})",        uR"([679]\d{2} \d{3} \d{3})",
        uR"([679]\d{2} \d{2} \d{2} \d{2})", uR"(0\d{1,2}-\d{3,4}-\d{4})", uR"(0\d{1,3}-\d{2,3} \d{2} \d{2,3})",
    };
    std::u16string alts;
    for (const char16_t* s : SHAPES) alts += (alts.empty() ? u"" : u"|") + std::u16string(u"(?:") + s + u")";
    return uR"re((?=[(06-9])(?<![\w+./-]|\d[ .])(?:)re" + alts + uR"re()(?![\w/-]|[ .]\d|[.,]\d))re";
}
// The regex sources of patterns.ts and phones.ts, verbatim (the unit tests compare this detector with that one).
// Compiled at first use, not when the module loads: a pattern the engine refused would otherwise abort the process
// that loads the add-on instead of failing the call.
struct Regexes {
    const Regex EMAIL{
        uR"re((?<![\w.+-])[A-Za-z0-9](?:[A-Za-z0-9._%+-]*[A-Za-z0-9_])?@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,})re",
        ""};
    const Regex URL_RE{uR"re(\b(?:https?:\/\/|www\.)[^\s<>"'`{}|\\^[\]]+)re", "i"};
    const Regex IPV4{uR"re((?<![\d.])\d{1,3}(?:\.\d{1,3}){3}(?![\d.]*\d))re", ""};
    const Regex IPV6{uR"re((?<![\w:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![\w:]))re", ""};
    const Regex SSN_RE{uR"re((?<![\d-])\d{3}([- ])\d{2}\1\d{4}(?![\d-]))re", ""};
    const Regex NANP{uR"re((?<![\w+])(?:\+?1[\s.-]?)?(?:\(\d{3}\)[\s.-]?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?![\d-]))re", ""};
    const Regex INTL{uR"re((?<![\w+])\+\d{1,3}(?:[\s.-]?\(?\d{1,5}\)?){2,6}(?!\d))re", ""};
    const Regex TRUNK{uR"re((?<![\w+])0\d{2,4}(?:[ -]\d{2,4}){1,3}(?![\d-]))re", ""};
    const Regex PHONE_WORD_BEFORE{uR"re((?:tel|phone|call|mobile|cell|fax|ring|contact|on|number|ph|t|m|f)\.?[ \t:]*$)re", "i",
                                  u"tpcmfronTPCMFRON"};
    const Regex CARD{uR"re((?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-]))re", ""};
    const Regex VIN{uR"re((?<![A-Za-z0-9])[A-HJ-NPR-Z0-9]{17}(?![A-Za-z0-9]))re", ""};
    const Regex DEA{uR"re((?<![A-Za-z0-9])[A-Z][A-Z9]\d{7}(?![A-Za-z0-9]))re", ""};
    const Regex NPI{uR"re((?<![\d-])[12]\d{9}(?![\d-]))re", ""};
    const Regex IBAN{uR"re((?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?![A-Za-z0-9]))re", ""};
    const Regex ABA{uR"re((?<![\d-])\d{9}(?![\d-]))re", ""};
    const Regex ABA_CONTEXT{u"routing|aba", "i", u"raRA"};
    const Regex FED_CASE{uR"re((?<![\w:])\d{1,2}:\d{2}-[a-z]{2,3}-\d{3,6}(?:-[A-Z]{1,5})*(?![\w-]))re", ""};
    const Regex UNIT_AFTER{uR"re(^\s?(?:mg|mcg|g|kg|ml|mL|l|L|units?|IU|%|mmol|mEq|cells|copies|\/))re", ""};
    const Regex NDC_OR_RANGE{uR"re(^(?:\d{4,5}-\d{3,4}-\d{1,2}|(?:19|20)\d{2}-(?:19|20)?\d{2}|\d{1,4}-\d{1,4})$)re", ""};
    const Regex SECTION_BEFORE{
        uR"re((?:§§?|(?<![A-Za-z])[Ss]ec(?:tion)?\.?|(?<![A-Za-z])[Cc]h(?:apter)?\.?|ILCS|U\.S\.C\.|C\.F\.R\.|Stat\.|Code)[ \t]*(?:[\d.]+[ \t]*,?[ \t]*)?$)re",
        "", u"§SsCcIU"};

    const Regex NATIONAL_PHONE{nationalPhoneSource(), ""};
};
const Regexes& rx() {
    static const Regexes r;
    return r;
}

// The scans in the order patterns.ts emits their spans; each is a global scan of its own.
enum Scan { S_EMAIL, S_URL, S_IPV4, S_IPV6, S_SSN, S_NANP, S_INTL, S_TRUNK, S_NATIONAL, S_CARD, S_VIN, S_DEA, S_NPI,
            S_IBAN, S_ABA, S_FED, S_GENERIC, SCAN_COUNT };

// Which of the scans driven by the walk over the text (all but e-mail, URL and IPv6, driven by their '@', ':' and
// '.') a match can start at each ASCII character (from each regex's first character), and which of them accept an
// ASCII letter just before (only the digit scans whose look-behind is [\d.] or [\d-]). None accepts a digit just
// before, nor starts at a character above 127 or at a small letter.
// '@', ':' and '.' start nothing themselves: they anchor the e-mail, URL and IPv6 scans (a bit no scan uses).
constexpr uint32_t ANCHORS = 1u << 31;
struct StartTable {
    uint32_t at[128] = {};
    uint32_t afterLetter = 0;
    StartTable() {
        auto set = [this](Scan s, const char* chars) {
            for (const char* c = chars; *c; c++) at[static_cast<unsigned char>(*c)] |= 1u << s;
        };
        const char* digits = "0123456789";
        const char* caps = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        for (Scan s : {S_IPV4, S_SSN, S_NANP, S_CARD, S_ABA, S_FED}) set(s, digits);
        set(S_NANP, "(+");
        set(S_INTL, "+");
        set(S_TRUNK, "0");
        set(S_NATIONAL, "(06789");
        set(S_VIN, "0123456789ABCDEFGHJKLMNPRSTUVWXYZ");
        set(S_DEA, caps);
        set(S_NPI, "12");
        set(S_IBAN, caps);
        set(S_GENERIC, digits);
        set(S_GENERIC, caps);
        set(S_GENERIC, "-");
        afterLetter = 1u << S_IPV4 | 1u << S_SSN | 1u << S_CARD | 1u << S_NPI | 1u << S_ABA;
        at['@'] = at[':'] = at['.'] = ANCHORS;
    }
};
const StartTable STARTS;

bool isEmailLocal(int c) { return isAsciiAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'; }
bool isGenericBody(int c) { return isDigit(c) || isUpper(c) || c == '-'; }

template <typename Pred>
int runFrom(const Text& t, int p, Pred pred, int limit = 1 << 30) {
    int e = p;
    while (e - p < limit && pred(t.at(e))) e++;
    return e - p;
}

// Digits from p on, linked by single blanks, dashes or (with dots) dots ("1234 5678-9012"), counted up to `need`.
int chainDigits(const Text& t, int p, bool dots, int need) {
    int n = 0;
    for (int i = p; n < need;) {
        int c = t.at(i);
        if (isDigit(c)) {
            n++;
            i++;
        } else if ((c == ' ' || c == '-' || (dots && c == '.')) && isDigit(t.at(i + 1))) {
            i++;
        } else {
            break;
        }
    }
    return n;
}

// A position the walk stopped at, with the run of digits from it (most tests read it), counted once.
struct Start {
    const Text& t;
    int p, c, digits;
    Start(const Text& text, int at, int unit) : t(text), p(at), c(unit), digits(runFrom(text, at, isDigit, 24)) {}
    int after(int k = 0) const { return t.at(p + digits + k); }
};

bool isNanpSep(int c) { return isSpace(c) || c == '.' || c == '-'; }
bool digitsAt(const Text& t, int p, int n) {
    for (int i = 0; i < n; i++)
        if (!isDigit(t.at(p + i))) return false;
    return true;
}

// IPV4's shape at p, its look-behind aside, which it has exactly: each \d{1,3} must take a whole run of digits (a digit
// left over is no '.', nor passes (?![\d.]*\d)), the last one followed by no digit within the [\d.] run after it.
bool ipv4ShapeAt(const Text& t, int p) {
    int i = p;
    for (int group = 0; group < 4; group++) {
        if (group > 0 && t.at(i++) != '.') return false;
        const int from = i;
        while (isDigit(t.at(i))) i++;
        if (i == from || i - from > 3) return false;
    }
    for (int c = t.at(i); isDigit(c) || c == '.'; c = t.at(++i))
        if (isDigit(c)) return false;
    return true;
}

// NANP after its optional "+1": (\(\d{3}\)[\s.-]?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?![\d-]) at i, which has one way to match
// (the [\s.-]? after ')' must be taken when there, the next unit being no digit).
bool nanpRestAt(const Text& t, int i) {
    int j;
    if (t.at(i) == '(') {
        if (!digitsAt(t, i + 1, 3) || t.at(i + 4) != ')') return false;
        j = isNanpSep(t.at(i + 5)) ? i + 6 : i + 5;
    } else {
        if (!digitsAt(t, i, 3) || !isNanpSep(t.at(i + 3))) return false;
        j = i + 4;
    }
    const int after = t.at(j + 8);
    return digitsAt(t, j, 3) && isNanpSep(t.at(j + 3)) && digitsAt(t, j + 4, 4) && !isDigit(after) && after != '-';
}

// NANP's shape at p, its look-behind aside: with the "+?1[\s.-]?" prefix in each way it can be taken, or without.
bool nanpShapeAt(const Text& t, int p) {
    int i = p;
    if (t.at(i) == '+') {
        if (t.at(i + 1) != '1') return false;
        i++;
    }
    if (t.at(i) == '1' && (nanpRestAt(t, i + 1) || (isNanpSep(t.at(i + 1)) && nanpRestAt(t, i + 2)))) return true;
    return t.at(p) != '+' && nanpRestAt(t, p);
}

// GENERIC_ID (/(?<![\w./-])(?=[A-Z0-9-]*\d(?:-?\d){3})[A-Z]{0,5}-?\d[0-9A-Z-]{4,}[0-9A-Z](?![\w/-]|\.\d)/, matched by
// hand: genericMatchEnd below) at p, its look-behind aside, which it has exactly: [A-Z]{0,5}-?\d must take all the capitals the
// run opens with; the match takes the whole run of [A-Z0-9-] from p (a unit of it left after the match fails
// (?![\w/-])), so the run ends with a capital or digit and before no [a-z_/] nor ".\d", holds at least six units from
// the first digit, and (the look-ahead) four digits linked by single dashes. The match's end (that run's end), or -1.
int genericShapeEnd(const Text& t, int p) {
    int q = p;
    while (q - p <= 5 && isUpper(t.at(q))) q++;
    if (q - p > 5) return -1;
    if (t.at(q) == '-') q++;
    if (!isDigit(t.at(q))) return -1;
    int e = q;
    while (isGenericBody(t.at(e))) e++;
    const int after = t.at(e);
    if (e - q < 6 || t.at(e - 1) == '-' || isLower(after) || after == '_' || after == '/' || (after == '.' && isDigit(t.at(e + 1))))
        return -1;
    int chain = 0;
    for (int i = p; i < e; i++) {
        const int c = t.at(i);
        if (isDigit(c)) {
            if (++chain == 4) return e;
        } else if (c != '-' || !isDigit(t.at(i - 1)) || !isDigit(t.at(i + 1))) {
            chain = 0;
        }
    }
    return -1;
}

// GENERIC_ID's match at a start the walk stopped at, or -1: the walk skipped digits and letters before it, the rest
// of the look-behind is tested here, and the shape is the regex's own, so the regex need not run (it was the
// costliest of the scans: ~700 cycles a match on the bench text, every call a match).
int genericMatchEnd(const Text& t, int p) {
    // (?<![\w./-])
    const int prev = t.at(p - 1);
    return prev != '_' && prev != '.' && prev != '/' && prev != '-' ? genericShapeEnd(t, p) : -1;
}

// What each regex demands of its first few characters, tested before it runs (the regex still decides): most
// positions fail here on a comparison or two. Each condition follows from its regex alone; the unit tests compare
// the results with the TypeScript detector on the labelled documents and on random identifier-like text.
bool mayStart(int s, const Start& at) {
    const Text& t = at.t;
    const int p = at.p, c = at.c, n = at.digits;
    switch (s) {
        // (?<![\d.]): the walk skips digits before, not a dot
        case S_IPV4: return n <= 3 && at.after() == '.' && t.at(p - 1) != '.' && ipv4ShapeAt(t, p);
        case S_SSN: {
            int sep = t.at(p + 3);
            return n == 3 && (sep == '-' || sep == ' ') && runFrom(t, p + 4, isDigit, 3) == 2 && t.at(p + 6) == sep;
        }
        // (?<![\w+]): the walk skips digits and letters before, not '_' or '+'
        case S_NANP: return t.at(p - 1) != '_' && t.at(p - 1) != '+' && nanpShapeAt(t, p);
        case S_INTL: return isDigit(t.at(p + 1));
        case S_TRUNK: return n >= 3 && n <= 5 && (at.after() == ' ' || at.after() == '-');
        case S_NATIONAL: {
            // (?<![\w+./-]|\d[ .]): the walk skips digits and letters before, not these
            const int prev = t.at(p - 1);
            if (prev == '_' || prev == '+' || prev == '.' || prev == '/' || prev == '-' || (prev == ' ' && isDigit(t.at(p - 2))))
                return false;
            if (c == '(') return t.at(p + 1) == '0' && t.at(p + 2) >= '2' && t.at(p + 2) <= '8' && t.at(p + 3) == ')';
            return n >= 8 || ((at.after() == ' ' || at.after() == '.' || at.after() == '-') && chainDigits(t, p, true, 8) >= 8);
        }
        case S_CARD: return n >= 13 || ((at.after() == ' ' || at.after() == '-') && chainDigits(t, p, false, 13) >= 13);
        case S_VIN: return n <= 17 && !isLower(t.at(p + 1)) && runFrom(t, p, isAsciiAlnum, 18) == 17;
        case S_DEA: return isDigit(t.at(p + 2)) && runFrom(t, p, isAsciiAlnum, 10) == 9;
        case S_NPI: return n == 10;
        case S_IBAN: return isUpper(t.at(p + 1)) && isDigit(t.at(p + 2)) && isDigit(t.at(p + 3));
        case S_ABA: return n == 9;
        case S_FED: return n <= 2 && at.after() == ':';
        case S_GENERIC: return genericMatchEnd(t, p) >= 0;
        default: return true;
    }
}

// A global scan's matches from candidate starts given in increasing order: it goes on at its previous match's end.
struct GlobalScan {
    const Regex& re;
    std::vector<std::pair<int, int>>& found;
    int next = 0;
    bool at(const Text& t, int p) {
        if (p < next) return false;
        int end = re.matchAt(t, p);
        if (end < 0) return false;
        found.emplace_back(p, end);
        next = end > p ? end : p + 1;
        return true;
    }
};

// E-mail addresses from their '@' at q: a match's local part is the run of [A-Za-z0-9._%+-] that ends at the '@'
// (the class holds no '@'), so it can start only inside that run, at the first position the regex accepts. Every
// start it can take there (an alphanumeric after none of [\w.+-]: the run's start or after a '%') leads to the same
// '@' and domain, so the first one decides for all: trying each kept a long "a%a%a%...@" quadratic.
void emailAt(const Text& t, int q, GlobalScan& scan) {
    int rs = q;
    while (isEmailLocal(t.at(rs - 1))) rs--;
    for (int p = rs < scan.next ? scan.next : rs; p < q; p++) {
        const int prev = t.at(p - 1);
        if (!isAsciiAlnum(t.units[p]) || isWord(prev) || prev == '.' || prev == '+' || prev == '-') continue;
        scan.at(t, p);
        break;
    }
}

bool lowerIs(const Text& t, int i, char lower) { return asciiLower(t.at(i)) == lower; }

// URLs from the ':' of "http://" or "https://"; IPv6 addresses from their first ':', with at most four hex digits
// before it (the regex's look-behind refuses a \w or ':' before them) and at most four before the next ':'.
void colonAt(const Text& t, int i, GlobalScan& url, GlobalScan& ipv6) {
    if (t.at(i + 1) == '/' && t.at(i + 2) == '/') {
        int p = lowerIs(t, i - 1, 's') ? i - 5 : i - 4;
        if (lowerIs(t, p, 'h') && lowerIs(t, p + 1, 't') && lowerIs(t, p + 2, 't') && lowerIs(t, p + 3, 'p')) url.at(t, p);
    }
    int h = 0;
    while (h < 5 && isHex(t.at(i - h - 1))) h++;
    if (h > 4) return;
    int p = i - h, prev = t.at(p - 1);
    if (isWord(prev) || prev == ':') return;
    int m = runFrom(t, i + 1, isHex, 5);
    if (m <= 4 && t.at(i + 1 + m) == ':') ipv6.at(t, p);
}

// Every match of every scan, each scan global on its own, in one walk over the text. URL starts come in increasing
// order from both of their anchors: a "www." start is three before its '.', an "http" one four or five before its
// ':', and the two anchors cannot be one apart with an 's' between them.
void scanAll(const Text& t, std::vector<std::pair<int, int>> (&found)[SCAN_COUNT]) {
    const Regexes& r = rx();
    GlobalScan email{r.EMAIL, found[S_EMAIL]}, url{r.URL_RE, found[S_URL]}, ipv6{r.IPV6, found[S_IPV6]};
    // the walk's scans (GENERIC_ID's by hand: genericMatchEnd)
    const Regex* const regex[SCAN_COUNT] = {nullptr, nullptr, &r.IPV4, nullptr, &r.SSN_RE, &r.NANP,
                                            &r.INTL,  &r.TRUNK,  &r.NATIONAL_PHONE, &r.CARD, &r.VIN, &r.DEA,
                                            &r.NPI,   &r.IBAN,   &r.ABA,  &r.FED_CASE, nullptr};
    int next[SCAN_COUNT] = {};
    const char16_t* units = t.units;
    for (int p = t.lo; p < t.hi; p++) {
        int c = units[p];
        if (c >= 128) continue;
        uint32_t mask = STARTS.at[c];
        if (!mask) continue;
        if (mask & ANCHORS) {
            if (c == '@') emailAt(t, p, email);
            else if (c == ':') colonAt(t, p, url, ipv6);
            else if (lowerIs(t, p - 1, 'w') && lowerIs(t, p - 2, 'w') && lowerIs(t, p - 3, 'w')) url.at(t, p - 3);
            continue;
        }
        // A capital before a small letter opens no scan (VIN, DEA, IBAN and GENERIC_ID, the ones that start at
        // capitals, each need a capital, a digit or a '-' second), and most capitals open words.
        if (isUpper(c) && isLower(t.at(p + 1))) continue;
        int prev = t.at(p - 1);
        if (isDigit(prev)) continue;
        if (isAsciiLetter(prev)) mask &= STARTS.afterLetter;
        const Start at(t, p, c);
        while (mask) {
            int s = __builtin_ctz(mask);
            mask &= mask - 1;
            if (p < next[s]) continue;
            int end = -1;
            if (s == S_GENERIC) end = genericMatchEnd(t, p);
            else if (mayStart(s, at)) end = regex[s]->matchAt(t, p);
            if (end < 0) continue;
            found[s].emplace_back(p, end);
            next[s] = end > p ? end : p + 1;
        }
    }
}

int trimEnd(const Text& t, int start, int end, const char* chars) {
    auto in = [chars](int c) {
        for (const char* k = chars; *k; k++)
            if (c == static_cast<unsigned char>(*k)) return true;
        return false;
    };
    while (end > start && in(t.at(end - 1))) end--;
    return end;
}


bool equalsIgnoringCase(const Text& t, int start, int end, const char* word) {
    int i = start;
    for (; i < end && *word; i++, word++)
        if (asciiLower(t.at(i)) != *word) return false;
    return i == end && !*word;
}

// patterns.ts phoneKind: the last of these words, as a whole run of \w on the line before the number, decides.
SpanType phoneKind(const Text& t, int start) {
    static const char* const WORDS[] = {"fax", "facsimile", "f", "tel", "telephone", "phone", "ph",
                                        "mobile", "cell", "pager", "t", "m", "p"};
    int lineStart = lineStartNear(t, start, 40);
    int e = start;
    while (e > lineStart) {
        while (e > lineStart && !isWord(t.at(e - 1))) e--;
        int s = e;
        while (s > lineStart && isWord(t.at(s - 1))) s--;
        if (s == e) break;
        for (const char* w : WORDS)
            if (equalsIgnoringCase(t, s, e, w)) {
                bool fax = w[0] == 'f';
                return fax ? SpanType::FAX : SpanType::PHONE;
            }
        e = s;
    }
    return SpanType::PHONE;
}

bool contains(const Text& t, int start, int end, int ch) {
    for (int i = start; i < end; i++)
        if (t.at(i) == ch) return true;
    return false;
}

int maxOf(int a, int b) { return a > b ? a : b; }

// NDC_OR_RANGE's three shapes hold only digits and dashes, open with a digit and have a dash: a necessary condition.
bool onlyDigitsAndDashes(const Text& t, int s, int e) {
    bool dash = false;
    for (int i = s; i < e; i++) {
        const int c = t.at(i);
        if (c == '-') dash = true;
        else if (!isDigit(c)) return false;
    }
    return dash && isDigit(t.at(s));
}

// UNIT_AFTER (no flags) is ^\s? then a unit opening with one of "mgklLuI%c/": a necessary condition (a \s left
// untaken cannot open a unit).
bool unitMayFollow(const Text& after) {
    int i = after.lo;
    if (isSpace(after.at(i))) i++;
    const int c = after.at(i);
    return c > 0 && c < 128 && std::strchr("mgklLuI%c/", c);
}

}  // namespace

namespace {

// SECTION_BEFORE ends at the slice's end ($), its keyword followed only by blanks, digits, dots and a comma: the keyword
// ends where the run of those before the end begins, or one later on a dot (the keywords that end with a dot have a
// letter before it), so the unit before that run ends a keyword: '§', "Sec", "Section", "Ch", "Chapter", "ILCS",
// "Code", or, with the dot after it, "U.S.C.", "C.F.R.", "Stat.". A necessary condition; no flags, nothing folds.
bool sectionKeywordMayEnd(const Text& before) {
    int b = before.hi;
    for (int c = before.at(b - 1); isBlank(c) || isDigit(c) || c == '.' || c == ','; c = before.at(b - 1)) b--;
    switch (before.at(b - 1)) {
        case u'§': case 'c': case 'n': case 'h': case 'r': case 'S': case 'e': return true;
        case 'C': case 'R': case 't': return before.at(b) == '.';
        default: return false;
    }
}

}  // namespace

// patterns.ts citesLawBefore
bool citesLawBefore(const Text& t, int at) {
    const Text before = t.slice(maxOf(0, at - 20), at);
    return sectionKeywordMayEnd(before) && rx().SECTION_BEFORE.test(before);
}

void detectPatterns(const Text& t, Spans& out) {
    std::vector<std::pair<int, int>> found[SCAN_COUNT];
    scanAll(t, found);
    const Regexes& r = rx();
    auto push = [&out](int s, int e, SpanType type, int milli, SpanSource source) { out.push_back({s, e, type, milli, source}); };

    for (auto [s, e] : found[S_EMAIL]) push(s, e, SpanType::EMAIL, 980, SpanSource::pattern);
    for (auto [s, e] : found[S_URL]) push(s, trimEnd(t, s, e, ".,;:!?)]}'\""), SpanType::URL, 950, SpanSource::pattern);
    for (auto [s, e] : found[S_IPV4])
        if (ipv4Valid(t, s, e)) push(s, e, SpanType::IP, 900, SpanSource::checksum);
    for (auto [s, e] : found[S_IPV6]) {
        // patterns.ts: m.split(':'), m.match(/::/g) (non-overlapping: ':::' counts once), /[a-f]/i
        int groups = 1, doubleColons = 0;
        bool hasHex = false;
        for (int i = s; i < e; i++) {
            int c = t.at(i);
            if (c == ':') groups++;
            else if ((c | 32) >= 'a' && (c | 32) <= 'f') hasHex = true;
        }
        for (int i = s; i + 1 < e; i++)
            if (t.at(i) == ':' && t.at(i + 1) == ':') doubleColons++, i++;
        // every group has at most four hex digits by the regex's shape
        if (doubleColons <= 1 && (groups >= 5 || (doubleColons > 0 && (hasHex || groups >= 4))))
            push(s, e, SpanType::IP, 850, SpanSource::pattern);
    }
    for (auto [s, e] : found[S_SSN])
        if (ssnValid(t, s, e)) push(s, e, SpanType::SSN, 900, SpanSource::checksum);
    for (Scan scan : {S_NANP, S_INTL})
        for (auto [s, e] : found[scan]) {
            int end = trimEnd(t, s, e, " .-");
            // A closing parenthesis with no opening one belongs to the sentence: "(son, +47 22 98 41 07)".
            if (t.at(end - 1) == ')' && !contains(t, s, end, '(')) end = trimEnd(t, s, end - 1, " .-");
            int digits = digitCount(t, s, end);
            if (digits < 10 || digits > 15) continue;
            push(s, end, phoneKind(t, s), scan == S_NANP ? 850 : 800, SpanSource::pattern);
        }
    for (auto [s, e] : found[S_TRUNK]) {
        int digits = digitCount(t, s, e);
        if (digits < 10 || digits > 11 || !r.PHONE_WORD_BEFORE.test(t.slice(maxOf(0, s - 25), s))) continue;
        push(s, e, phoneKind(t, s), 750, SpanSource::context);
    }
    for (auto [s, e] : found[S_NATIONAL]) {
        int digits = digitCount(t, s, e);
        if (digits < 9 || digits > 12) continue;
        int first = t.at(s);
        push(s, e, phoneKind(t, s), first >= '6' && first <= '9' ? 600 : 700, SpanSource::pattern);
    }
    for (auto [s, e] : found[S_CARD]) {
        int digits = digitCount(t, s, e), first = t.at(s);  // the match opens with its first digit
        if (digits >= 13 && digits <= 19 && first >= '3' && first <= '6' && luhnValid(t, s, e))
            push(s, e, SpanType::ACCOUNT, 930, SpanSource::checksum);
    }
    for (auto [s, e] : found[S_VIN]) {
        bool digit = false, cap = false;
        for (int i = s; i < e; i++) digit |= isDigit(t.at(i)), cap |= isUpper(t.at(i));
        if (digit && cap && vinValid(t, s, e)) push(s, e, SpanType::VEHICLE, 950, SpanSource::checksum);
    }
    for (auto [s, e] : found[S_DEA])
        if (deaValid(t, s, e)) push(s, e, SpanType::LICENSE, 900, SpanSource::checksum);
    for (auto [s, e] : found[S_NPI])
        if (npiValid(t, s, e)) push(s, e, SpanType::ID, 600, SpanSource::checksum);
    for (auto [s, e] : found[S_IBAN])
        if (ibanValid(t, s, e)) push(s, e, SpanType::ACCOUNT, 950, SpanSource::checksum);
    for (auto [s, e] : found[S_ABA])
        if (abaValid(t, s, e) && r.ABA_CONTEXT.test(t.slice(maxOf(0, s - 30), s)))
            push(s, e, SpanType::ACCOUNT, 900, SpanSource::checksum);
    for (auto [s, e] : found[S_FED]) push(s, e, SpanType::CASE_NUMBER, 900, SpanSource::pattern);
    for (auto [s, e] : found[S_GENERIC]) {
        // both open with ^: tried at the slice's start only (test() would try every position)
        if ((onlyDigitsAndDashes(t, s, e) && r.NDC_OR_RANGE.matchAt(t.slice(s, e), s) >= 0) ||
            (unitMayFollow(t.slice(e, e + 8)) && r.UNIT_AFTER.matchAt(t.slice(e, e + 8), e) >= 0))
            continue;
        if (citesLawBefore(t, s)) continue;
        push(s, e, SpanType::ID, 350, SpanSource::pattern);
    }
}

}  // namespace fieldtune_pii
