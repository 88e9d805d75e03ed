// A read-only view of a JavaScript string's UTF-16 code units, bounded to [lo, hi): what the TypeScript detectors
// see after input.slice(lo, hi). Every offset is of the whole text, so a match inside a slice needs no shifting, and
// a unit outside the bounds reads as -1, which no class accepts (a look-behind at a slice's start sees nothing, as
// the regex on the sliced string does).
#pragma once

#include <cstdint>

namespace fieldtune_pii {

struct Text {
    const char16_t* units = nullptr;
    int lo = 0;
    int hi = 0;

    int at(int i) const { return i >= lo && i < hi ? static_cast<int>(units[i]) : -1; }
    Text slice(int from, int to) const {
        Text t = *this;
        t.lo = from < lo ? lo : from;
        t.hi = to > hi ? hi : to;
        if (t.hi < t.lo) t.hi = t.lo;
        return t;
    }
};

// The character classes of a JavaScript regex without the u flag: \d, \w and \b are ASCII only.
inline bool isDigit(int c) { return c >= '0' && c <= '9'; }
inline bool isUpper(int c) { return c >= 'A' && c <= 'Z'; }
inline bool isLower(int c) { return c >= 'a' && c <= 'z'; }
inline bool isAsciiLetter(int c) { return isUpper(c) || isLower(c); }
inline bool isAsciiAlnum(int c) { return isDigit(c) || isAsciiLetter(c); }
inline bool isWord(int c) { return isAsciiAlnum(c) || c == '_'; }
inline bool isHex(int c) { return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
// \s: ECMAScript WhiteSpace and LineTerminator.
inline bool isSpace(int c) {
    if (c == ' ' || (c >= 9 && c <= 13) || c == 0xa0) return true;
    if (c < 0x1680) return false;
    return c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f ||
           c == 0x3000 || c == 0xfeff;
}
inline int asciiLower(int c) { return isUpper(c) ? c + 32 : c; }

}  // namespace fieldtune_pii
