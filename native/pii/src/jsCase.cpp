#include "jsCase.h"

extern "C" {
#include "../third_party/quickjs/libunicode.h"
}

namespace fieldtune_pii {
namespace {

bool isHigh(uint32_t u) { return u >= 0xd800 && u < 0xdc00; }
bool isLow(uint32_t u) { return u >= 0xdc00 && u < 0xe000; }

// The code point at units[i] (a lone surrogate is one by itself), and its length in units.
uint32_t codePointAt(const char16_t* units, int length, int i, int& size) {
    uint32_t c = units[i];
    size = 1;
    if (isHigh(c) && i + 1 < length && isLow(units[i + 1])) {
        size = 2;
        return 0x10000 + ((c - 0xd800) << 10) + (units[i + 1] - 0xdc00);
    }
    return c;
}

uint32_t codePointBefore(const char16_t* units, int i, int& size) {
    uint32_t c = units[i - 1];
    size = 1;
    if (isLow(c) && i >= 2 && isHigh(units[i - 2])) {
        size = 2;
        return 0x10000 + ((units[i - 2] - 0xd800) << 10) + (c - 0xdc00);
    }
    return c;
}

void append(std::u16string& out, uint32_t c) {
    if (c < 0x10000) {
        out += static_cast<char16_t>(c);
    } else {
        c -= 0x10000;
        out += static_cast<char16_t>(0xd800 + (c >> 10));
        out += static_cast<char16_t>(0xdc00 + (c & 0x3ff));
    }
}

// Unicode's Final_Sigma condition (the one context rule of toLowerCase): a cased letter before the sigma, past any
// case-ignorable ones, and none after it.
bool finalSigma(const char16_t* units, int length, int at) {
    int size = 1;
    bool casedBefore = false;
    for (int k = at; k > 0; k -= size) {
        uint32_t c = codePointBefore(units, k, size);
        if (lre_is_case_ignorable(c)) continue;
        casedBefore = lre_is_cased(c);
        break;
    }
    if (!casedBefore) return false;
    for (int k = at + 1; k < length; k += size) {
        uint32_t c = codePointAt(units, length, k, size);
        if (lre_is_case_ignorable(c)) continue;
        return !lre_is_cased(c);
    }
    return true;
}

std::u16string convert(const char16_t* units, int length, int toLower) {
    std::u16string out;
    out.reserve(length);
    int size = 1;
    for (int i = 0; i < length; i += size) {
        uint32_t c = codePointAt(units, length, i, size);
        if (c < 128) {
            out += static_cast<char16_t>(toLower ? (c >= 'A' && c <= 'Z' ? c + 32 : c) : (c >= 'a' && c <= 'z' ? c - 32 : c));
            continue;
        }
        if (toLower && c == 0x3a3 && finalSigma(units, length, i)) {
            out += u'\u03c2';
            continue;
        }
        uint32_t mapped[LRE_CC_RES_LEN_MAX];
        int n = lre_case_conv(mapped, c, toLower);
        for (int k = 0; k < n; k++) append(out, mapped[k]);
    }
    return out;
}

}  // namespace

std::u16string jsToLowerCase(const char16_t* units, int length) { return convert(units, length, 1); }
std::u16string jsToUpperCase(const char16_t* units, int length) { return convert(units, length, 0); }

uint32_t regexFoldBeyondAscii(uint32_t c) { return static_cast<uint32_t>(lre_canonicalize(c, true)); }

}  // namespace fieldtune_pii
