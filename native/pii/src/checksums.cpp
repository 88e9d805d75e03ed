#include "checksums.h"

#include <string>

namespace fieldtune_pii {
namespace {

std::string digitsOf(const Text& t, int start, int end) {
    std::string d;
    for (int i = start; i < end; i++)
        if (isDigit(t.at(i))) d += static_cast<char>(t.at(i));
    return d;
}

}  // namespace

bool luhnDigits(const std::string& d) {
    if (d.size() < 2) return false;
    int sum = 0;
    for (size_t i = 0; i < d.size(); i++) {
        int n = d[d.size() - 1 - i] - '0';
        if (i % 2 == 1) {
            n *= 2;
            if (n > 9) n -= 9;
        }
        sum += n;
    }
    return sum % 10 == 0;
}

int digitCount(const Text& t, int start, int end) {
    int n = 0;
    for (int i = start; i < end; i++) n += isDigit(t.at(i));
    return n;
}

bool luhnValid(const Text& t, int start, int end, const char* prefix) { return luhnDigits(prefix + digitsOf(t, start, end)); }

bool ssnValid(const Text& t, int start, int end) {
    std::string d = digitsOf(t, start, end);
    if (d.size() != 9) return false;
    int area = std::stoi(d.substr(0, 3)), group = std::stoi(d.substr(3, 2)), serial = std::stoi(d.substr(5));
    return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0;
}

bool npiValid(const Text& t, int start, int end) {
    std::string d = digitsOf(t, start, end);
    return d.size() == 10 && (d[0] == '1' || d[0] == '2') && luhnDigits("80840" + d);
}

bool vinValid(const Text& t, int start, int end) {
    static const int WEIGHTS[17] = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};
    // A-Z values, 0 for I, O and Q (which the shape test refuses)
    static const int VALUES[26] = {1, 2, 3, 4, 5, 6, 7, 8, 0, 1, 2, 3, 4, 5, 0, 7, 0, 9, 2, 3, 4, 5, 6, 7, 8, 9};
    if (end - start != 17) return false;
    int sum = 0;
    for (int i = 0; i < 17; i++) {
        int c = t.at(start + i);
        if (isLower(c)) c -= 32;
        if (c == 'I' || c == 'O' || c == 'Q' || !(isDigit(c) || isUpper(c))) return false;
        sum += (isDigit(c) ? c - '0' : VALUES[c - 'A']) * WEIGHTS[i];
    }
    int check = sum % 11, c8 = t.at(start + 8);
    if (isLower(c8)) c8 -= 32;
    return c8 == (check == 10 ? 'X' : '0' + check);
}

bool deaValid(const Text& t, int start, int end) {
    if (end - start != 9 || !isAsciiLetter(t.at(start))) return false;
    int second = t.at(start + 1);
    if (!isAsciiLetter(second) && second != '9') return false;
    int n[7];
    for (int i = 0; i < 7; i++) {
        int c = t.at(start + 2 + i);
        if (!isDigit(c)) return false;
        n[i] = c - '0';
    }
    return (n[0] + n[2] + n[4] + 2 * (n[1] + n[3] + n[5])) % 10 == n[6];
}

bool abaValid(const Text& t, int start, int end) {
    std::string d = digitsOf(t, start, end);
    if (d.size() != 9) return false;
    static const int W[3] = {3, 7, 1};
    int sum = 0;
    for (int i = 0; i < 9; i++) sum += (d[i] - '0') * W[i % 3];
    return sum % 10 == 0 && sum > 0;
}

bool ibanValid(const Text& t, int start, int end) {
    std::string v;
    for (int i = start; i < end; i++) {
        int c = t.at(i);
        if (isSpace(c)) continue;
        if (c >= 128) return false;
        v += static_cast<char>(isLower(c) ? c - 32 : c);
    }
    return ibanValid(v);
}

bool ibanValid(const std::string& v) {
    if (v.size() < 14 || v.size() > 34) return false;
    for (size_t i = 0; i < v.size(); i++) {
        int c = v[i];
        bool ok = i < 2 ? isUpper(c) : i < 4 ? isDigit(c) : isUpper(c) || isDigit(c);
        if (!ok) return false;
    }
    std::string moved = v.substr(4) + v.substr(0, 4);
    int rem = 0;
    for (char c : moved) rem = c <= '9' ? (rem * 10 + c - '0') % 97 : (rem * 100 + c - 55) % 97;
    return rem == 1;
}

bool ipv4Valid(const Text& t, int start, int end) {
    int parts = 0, len = 0, value = 0, first = 0;
    auto close = [&]() {
        if (len < 1 || len > 3 || value > 255 || (len > 1 && first == '0')) return false;
        parts++;
        len = value = 0;
        return true;
    };
    for (int i = start; i < end; i++) {
        int c = t.at(i);
        if (c == '.') {
            if (!close()) return false;
        } else if (isDigit(c)) {
            if (len == 0) first = c;
            if (++len > 3) return false;
            value = value * 10 + (c - '0');
        } else {
            return false;
        }
    }
    return close() && parts == 4;
}

}  // namespace fieldtune_pii
