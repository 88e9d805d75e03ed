#include "letters.h"

#include <cstdint>
#include <string>
#include <vector>

#include "regex.h"

namespace fieldtune_pii {

bool isLetterUnit(int unit) {
    if (unit < 128) return (unit >= 'A' && unit <= 'Z') || (unit >= 'a' && unit <= 'z');
    if (unit > 0xffff) return false;
    // Every unit past ASCII tested once with the regex engine's own \p{L}, so the walks agree with the regexes.
    static const std::vector<uint64_t> TABLE = [] {
        std::vector<uint64_t> bits(1024, 0);
        const Regex letter(u"\\p{L}", "u");
        for (int c = 128; c < 0x10000; c++) {
            char16_t unit16 = static_cast<char16_t>(c);
            if (letter.matchAt(Text{&unit16, 0, 1}, 0) == 1) bits[c >> 6] |= uint64_t{1} << (c & 63);
        }
        return bits;
    }();
    return TABLE[unit >> 6] >> (unit & 63) & 1;
}

}  // namespace fieldtune_pii
