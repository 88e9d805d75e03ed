#include "worldChecksums.h"

#include <cstring>
#include <map>
#include <vector>

#include "checksums.h"
#include "regex.h"

namespace fieldtune_pii {
namespace {

int digit(char c) { return c - '0'; }

std::string upper(std::string v) {
    for (char& c : v)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    return v;
}

std::string without(const std::string& v, const char* drop) {
    std::string out;
    for (char c : v)
        if (!std::strchr(drop, c) || c == 0) out += c;
    return out;
}

// the weighted digit sum of worldChecksums.ts: digits past the weights count 0
int weighted(const std::string& d, std::initializer_list<int> weights) {
    int sum = 0;
    size_t i = 0;
    for (int w : weights) {
        if (i >= d.size()) break;
        sum += digit(d[i++]) * w;
    }
    return sum;
}

bool allDigits(const std::string& v, size_t from = 0, size_t to = std::string::npos) {
    if (to > v.size()) to = v.size();
    for (size_t i = from; i < to; i++)
        if (!isDigit(v[i])) return false;
    return from < to;
}

// Number(s) of a digit string short enough to be exact
long long number(const std::string& s) {
    long long n = 0;
    for (char c : s) n = n * 10 + digit(c);
    return s.empty() ? 0 : n;
}

int mod97(const std::string& s) {
    int r = 0;
    for (char c : s) r = (r * 10 + digit(c)) % 97;
    return r;
}

bool fullMatch(const Regex& re, const std::string& v) {
    std::u16string u(v.begin(), v.end());
    return re.matchAt(Text{u.data(), 0, static_cast<int>(u.size())}, 0) == static_cast<int>(u.size());
}

}  // namespace

std::string asciiOf(const Text& t, int start, int end) {
    std::string out;
    for (int i = start; i < end; i++) {
        int c = t.at(i);
        out += c >= 0 && c < 128 ? static_cast<char>(c) : '?';
    }
    return out;
}

std::string digitsOf(const std::string& v) {
    std::string d;
    for (char c : v)
        if (isDigit(c)) d += c;
    return d;
}

bool nhsValid(const std::string& v) {
    std::string d = digitsOf(v);
    if (d.size() != 10 || d.find_first_not_of(d[0]) == std::string::npos) return false;
    int check = 11 - weighted(d, {10, 9, 8, 7, 6, 5, 4, 3, 2}) % 11;
    return check != 10 && (check == 11 ? 0 : check) == digit(d[9]);
}

bool sinValid(const std::string& v) {
    std::string d = digitsOf(v);
    return d.size() == 9 && d[0] != '0' && d[0] != '8' && luhnDigits(d);
}

bool tfnValid(const std::string& v) {
    std::string d = digitsOf(v);
    if (d.size() == 9) return weighted(d, {1, 4, 3, 7, 5, 8, 6, 9, 10}) % 11 == 0;
    if (d.size() == 8) return weighted(d, {10, 7, 8, 4, 6, 3, 5, 1}) % 11 == 0;
    return false;
}

bool medicareAuValid(const std::string& v) {
    std::string d = digitsOf(v);
    if ((d.size() != 10 && d.size() != 11) || d[0] < '2' || d[0] > '6') return false;
    return weighted(d.substr(0, 8), {1, 3, 7, 9, 1, 3, 7, 9}) % 10 == digit(d[8]);
}

bool aadhaarValid(const std::string& v) {
    static const int D[10][10] = {{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5}, {2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
                                  {3, 4, 0, 1, 2, 8, 9, 5, 6, 7}, {4, 0, 1, 2, 3, 9, 5, 6, 7, 8}, {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
                                  {6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3}, {8, 7, 6, 5, 9, 3, 2, 1, 0, 4},
                                  {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}};
    static const int P[8][10] = {{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4}, {5, 8, 0, 3, 7, 9, 6, 1, 4, 2},
                                 {8, 9, 1, 6, 0, 4, 3, 5, 2, 7}, {9, 4, 5, 3, 1, 2, 6, 8, 7, 0}, {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
                                 {2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 5, 8}};
    std::string d = digitsOf(v);
    if (d.size() != 12 || d[0] < '2') return false;
    int c = 0;
    for (size_t i = 0; i < d.size(); i++) c = D[c][P[i % 8][digit(d[d.size() - 1 - i])]];
    return c == 0;
}

bool mod11_10Valid(const std::string& d) {
    if (d.empty()) return false;
    int p = 10;
    for (size_t i = 0; i + 1 < d.size(); i++) {
        int s = (digit(d[i]) + p) % 10;
        if (s == 0) s = 10;
        p = 2 * s % 11;
    }
    int check = 11 - p;
    if (check == 10) check = 0;
    return check == digit(d.back());
}

bool dniValid(const std::string& value) {
    static const char* MOD23 = "TRWAGMYFPDXBNJZSQVHLCKE";
    std::string v = upper(without(value, " \t\n\v\f\r.-"));
    size_t lead = !v.empty() && (v[0] == 'X' || v[0] == 'Y' || v[0] == 'Z') ? 1 : 0;
    if (v.size() < lead + 2 || !isUpper(v.back()) || !allDigits(v, lead, v.size() - 1)) return false;
    size_t n = v.size() - 1 - lead;
    if (lead ? n != 7 : n != 8) return false;
    long long num = number((lead ? std::string(1, static_cast<char>('0' + (v[0] - 'X'))) : "") + v.substr(lead, n));
    return MOD23[num % 23] == v.back();
}

bool nirValid(const std::string& value) {
    std::string v = upper(without(value, " \t\n\v\f\r"));
    // ^([12]\d{4}(?:\d{2}|2A|2B)\d{6})(\d{2})$
    if (v.size() != 15 || (v[0] != '1' && v[0] != '2') || !allDigits(v, 1, 5) || !allDigits(v, 7, 15)) return false;
    std::string dept = v.substr(5, 2);
    if (!allDigits(dept) && dept != "2A" && dept != "2B") return false;
    std::string body = v.substr(0, 13);
    if (dept == "2A") body.replace(5, 2, "19");
    else if (dept == "2B") body.replace(5, 2, "18");
    return 97 - mod97(body) == number(v.substr(13));
}

bool codiceFiscaleValid(const std::string& value) {
    static const Regex SHAPE(uR"re(^[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-EHLMPR-T][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$)re", "");
    static const int ODD_DIGITS[10] = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21};
    static const int ODD_LETTERS[26] = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23};
    std::string v = upper(value);
    if (!fullMatch(SHAPE, v)) return false;
    int sum = 0;
    for (int i = 0; i < 15; i++) {
        char c = v[i];
        if (i % 2 == 0) sum += isDigit(c) ? ODD_DIGITS[c - '0'] : ODD_LETTERS[c - 'A'];
        else sum += c <= '9' ? c - '0' : c - 'A';
    }
    return 'A' + sum % 26 == v[15];
}

bool bsnValid(const std::string& v) {
    std::string d = digitsOf(v);
    if (d.size() < 9) d = std::string(9 - d.size(), '0') + d;
    if (d.size() != 9 || d.find_first_not_of('0') == std::string::npos) return false;
    return (weighted(d, {9, 8, 7, 6, 5, 4, 3, 2, -1}) + 11 * 9) % 11 == 0;
}

bool ppsnValid(const std::string& value) {
    std::string v = upper(without(value, " \t\n\v\f\r"));
    // ^(\d{7})([A-W])([A-IW]?)$
    if ((v.size() != 8 && v.size() != 9) || !allDigits(v, 0, 7) || v[7] < 'A' || v[7] > 'W') return false;
    int extra = 0;
    if (v.size() == 9) {
        char x = v[8];
        if (!((x >= 'A' && x <= 'I') || x == 'W')) return false;
        if (x != 'W') extra = (x - 64) * 9;
    }
    int r = (weighted(v.substr(0, 7), {8, 7, 6, 5, 4, 3, 2}) + extra) % 23;
    return (r == 0 ? 'W' : 64 + r) == v[7];
}

bool beNationalValid(const std::string& v) {
    std::string d = digitsOf(v);
    if (d.size() != 11) return false;
    long long body = number(d.substr(0, 9)), check = number(d.substr(9));
    return 97 - body % 97 == check || 97 - (2000000000LL + body) % 97 == check;
}

bool peselValid(const std::string& v) {
    std::string d = digitsOf(v);
    if (d.size() != 11) return false;
    return (10 - weighted(d, {1, 3, 7, 9, 1, 3, 7, 9, 1, 3}) % 10) % 10 == digit(d[10]);
}

bool steuerIdValid(const std::string& v) {
    std::string d = digitsOf(v);
    return d.size() == 11 && d[0] != '0' && mod11_10Valid(d);
}

bool personnummerValid(const std::string& v) {
    std::string d = digitsOf(v);
    std::string ten = d.size() == 12 ? d.substr(2) : d;
    if (ten.size() != 10) return false;
    long long month = number(ten.substr(2, 2)), day = number(ten.substr(4, 2));
    return month >= 1 && month <= 12 && ((day >= 1 && day <= 31) || (day >= 61 && day <= 91)) && luhnDigits(ten);
}

bool hetuValid(const std::string& value) {
    std::string v = upper(value);
    // ^(\d{6})[-+A-FU-Y](\d{3})([0-9A-Y])$
    if (v.size() != 11 || !allDigits(v, 0, 6) || !allDigits(v, 7, 10)) return false;
    char sign = v[6], last = v[10];
    if (!(sign == '-' || sign == '+' || (sign >= 'A' && sign <= 'F') || (sign >= 'U' && sign <= 'Y'))) return false;
    if (!(isDigit(last) || (last >= 'A' && last <= 'Y'))) return false;
    return "0123456789ABCDEFHJKLMNPRSTUVWXY"[number(v.substr(0, 6) + v.substr(7, 3)) % 31] == last;
}

bool ahvValid(const std::string& v) {
    std::string d = digitsOf(v);
    if (d.size() != 13 || d.compare(0, 3, "756") != 0) return false;
    int sum = weighted(d.substr(0, 12), {1, 3, 1, 3, 1, 3, 1, 3, 1, 3, 1, 3});
    return (10 - sum % 10) % 10 == digit(d[12]);
}

VatResult vatValid(const std::string& value) {
    // vat.ts VAT_SHAPES: the shape after the two-letter prefix (blanks, dots and dashes removed)
    static const std::map<std::string, Regex> SHAPES = [] {
        std::map<std::string, Regex> m;
        const std::pair<const char*, const char16_t*> list[] = {
            {"AT", u"^U\\d{8}$"},          {"BE", u"^[01]\\d{9}$"},      {"BG", u"^\\d{9,10}$"},
            {"CY", u"^\\d{8}[A-Z]$"},      {"CZ", u"^\\d{8,10}$"},       {"DE", u"^\\d{9}$"},
            {"DK", u"^\\d{8}$"},           {"EE", u"^\\d{9}$"},          {"EL", u"^\\d{9}$"},
            {"ES", u"^[A-Z0-9]\\d{7}[A-Z0-9]$"}, {"FI", u"^\\d{8}$"},    {"FR", u"^[0-9A-HJ-NP-Z]{2}\\d{9}$"},
            {"HR", u"^\\d{11}$"},          {"HU", u"^\\d{8}$"},          {"IE", u"^(?:\\d{7}[A-W][A-IW]?|\\d[A-Z+*]\\d{5}[A-W])$"},
            {"IT", u"^\\d{11}$"},          {"LT", u"^(?:\\d{9}|\\d{12})$"}, {"LU", u"^\\d{8}$"},
            {"LV", u"^\\d{11}$"},          {"MT", u"^\\d{8}$"},          {"NL", u"^\\d{9}B\\d{2}$"},
            {"PL", u"^\\d{10}$"},          {"PT", u"^\\d{9}$"},          {"RO", u"^\\d{2,10}$"},
            {"SE", u"^\\d{10}01$"},        {"SI", u"^\\d{8}$"},          {"SK", u"^\\d{10}$"},
        };
        for (const auto& [country, shape] : list) m.emplace(country, Regex(shape, ""));
        return m;
    }();
    std::string v = upper(without(value, " \t\n\v\f\r.-"));
    if (v.size() < 2) return VatResult::invalid;
    std::string country = v.substr(0, 2), rest = v.substr(2);
    auto shape = SHAPES.find(country);
    if (shape == SHAPES.end() || !fullMatch(shape->second, rest)) return VatResult::invalid;
    const std::string& r = rest;
    bool ok;
    if (country == "AT") {
        std::string d = r.substr(1);
        int s = 0;
        for (int i = 0; i < 7; i++) {
            int n = digit(d[i]) * (i % 2 == 0 ? 1 : 2);
            s += n > 9 ? n - 9 : n;
        }
        ok = (10 - (s + 4) % 10) % 10 == digit(d[7]);
    } else if (country == "BE") {
        ok = 97 - number(r.substr(0, 8)) % 97 == number(r.substr(8));
    } else if (country == "DE") {
        ok = mod11_10Valid(r);
    } else if (country == "DK") {
        ok = weighted(r, {2, 7, 6, 5, 4, 3, 2, 1}) % 11 == 0;
    } else if (country == "ES") {
        bool dniShape = (r.size() == 9 && allDigits(r, 0, 8) && isUpper(r[8])) ||
                        (r.size() == 9 && (r[0] == 'X' || r[0] == 'Y' || r[0] == 'Z') && allDigits(r, 1, 8) && isUpper(r[8]));
        ok = !dniShape || dniValid(r);
    } else if (country == "FI") {
        int c = 11 - weighted(r, {7, 9, 10, 5, 8, 4, 2}) % 11;
        ok = c != 10 && (c == 11 ? 0 : c) == digit(r[7]);
    } else if (country == "FR") {
        ok = !allDigits(r, 0, 2) || (12 + 3 * (number(r.substr(2)) % 97)) % 97 == number(r.substr(0, 2));
    } else if (country == "IE") {
        ok = !allDigits(r, 0, 7) || ppsnValid(r);
    } else if (country == "IT") {
        ok = luhnDigits(digitsOf(r));
    } else if (country == "LU") {
        ok = number(r.substr(0, 6)) % 89 == number(r.substr(6));
    } else if (country == "NL") {
        int old = weighted(r.substr(0, 8), {9, 8, 7, 6, 5, 4, 3, 2}) % 11;
        std::string asIban = r;
        asIban.replace(asIban.find('B'), 1, "11");
        ok = (old != 10 && old == digit(r[8])) || mod97("2321" + asIban) == 1;
    } else if (country == "PL") {
        ok = weighted(r, {6, 5, 7, 2, 3, 4, 5, 6, 7}) % 11 == digit(r[9]);
    } else if (country == "PT") {
        int c = 11 - weighted(r, {9, 8, 7, 6, 5, 4, 3, 2}) % 11;
        ok = (c >= 10 ? 0 : c) == digit(r[8]);
    } else if (country == "SE") {
        ok = luhnDigits(r.substr(0, 10));
    } else {
        return VatResult::shape;
    }
    return ok ? VatResult::checked : VatResult::invalid;
}

bool sepaIbanValid(const std::string& value) {
    static const std::map<std::string, size_t> LENGTHS = {
        {"AD", 24}, {"AT", 20}, {"BE", 16}, {"BG", 22}, {"CH", 21}, {"CY", 28}, {"CZ", 24}, {"DE", 22}, {"DK", 18},
        {"EE", 20}, {"ES", 24}, {"FI", 18}, {"FR", 27}, {"GB", 22}, {"GI", 23}, {"GR", 27}, {"HR", 21}, {"HU", 28},
        {"IE", 22}, {"IS", 26}, {"IT", 27}, {"LI", 21}, {"LT", 20}, {"LU", 20}, {"LV", 21}, {"MC", 27}, {"MT", 31},
        {"NL", 18}, {"NO", 15}, {"PL", 28}, {"PT", 25}, {"RO", 24}, {"SE", 24}, {"SI", 19}, {"SK", 24}, {"SM", 27},
        {"VA", 22}, {"AL", 28}, {"MD", 24}, {"ME", 22}, {"MK", 19}, {"RS", 22},
    };
    std::string v = upper(without(value, " \t\n\v\f\r"));
    auto len = LENGTHS.find(v.substr(0, 2));
    if (len != LENGTHS.end() && v.size() != len->second) return false;
    return ibanValid(v);
}

}  // namespace fieldtune_pii
