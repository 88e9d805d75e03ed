#include "letters.h"

#include <string>

#include "regex.h"

namespace fieldtune_pii {

UnitClass::UnitClass(const char16_t* classSource) : bits_(1024, 0) {
    const Regex one(classSource, "u");
    for (int c = 0; c < 0x10000; c++) {
        char16_t unit16 = static_cast<char16_t>(c);
        if (one.matchAt(Text{&unit16, 0, 1}, 0) == 1) bits_[c >> 6] |= uint64_t{1} << (c & 63);
    }
}

bool isLetterUnit(int unit) {
    if (unit < 128) return (unit >= 'A' && unit <= 'Z') || (unit >= 'a' && unit <= 'z');
    // Every unit past ASCII tested once with the regex engine's own \p{L}, so the walks agree with the regexes.
    static const UnitClass LETTERS(u"\\p{L}");
    return LETTERS.has(unit);
}

}  // namespace fieldtune_pii
