#include "utf8Text.h"

#include <cstdint>
#include <cstring>

namespace fieldtune_pii {

size_t decodeUtf8(const unsigned char* bytes, size_t n, char16_t* out) {
    size_t i = 0, o = 0;
    while (i < n) {
        // Most of a text file is ASCII: eight bytes tested with one load, widened one by one (the compiler unrolls).
        if (i + 8 <= n) {
            uint64_t block;
            std::memcpy(&block, bytes + i, 8);
            if ((block & 0x8080808080808080ULL) == 0) {
                for (int k = 0; k < 8; k++) out[o + k] = bytes[i + k];
                i += 8;
                o += 8;
                continue;
            }
        }
        const unsigned lead = bytes[i];
        if (lead < 0x80) {
            out[o++] = static_cast<char16_t>(lead);
            i++;
            continue;
        }
        // The sequence's length and the range its second byte must fall in (RFC 3629's table), so overlong forms,
        // surrogates and code points past U+10FFFF are refused at their second byte.
        size_t length;
        unsigned low = 0x80, high = 0xbf;
        uint32_t cp;
        if (lead >= 0xc2 && lead <= 0xdf) {
            length = 2;
            cp = lead & 0x1f;
        } else if (lead >= 0xe0 && lead <= 0xef) {
            length = 3;
            cp = lead & 0x0f;
            if (lead == 0xe0) low = 0xa0;
            if (lead == 0xed) high = 0x9f;
        } else if (lead >= 0xf0 && lead <= 0xf4) {
            length = 4;
            cp = lead & 0x07;
            if (lead == 0xf0) low = 0x90;
            if (lead == 0xf4) high = 0x8f;
        } else {
            return NOT_UTF8;
        }
        if (i + length > n) return NOT_UTF8;
        for (size_t k = 1; k < length; k++) {
            const unsigned b = bytes[i + k];
            if (k == 1 ? (b < low || b > high) : (b & 0xc0) != 0x80) return NOT_UTF8;
            cp = (cp << 6) | (b & 0x3f);
        }
        i += length;
        if (cp >= 0x10000) {
            cp -= 0x10000;
            out[o++] = static_cast<char16_t>(0xd800 + (cp >> 10));
            out[o++] = static_cast<char16_t>(0xdc00 + (cp & 0x3ff));
        } else {
            out[o++] = static_cast<char16_t>(cp);
        }
    }
    return o;
}

}  // namespace fieldtune_pii
