// Classes of single UTF-16 units as the regex engine sees them: the hand-written walks ask these so that they agree
// with the regexes they stand in for.
#pragma once

#include <cstdint>
#include <vector>

namespace fieldtune_pii {

// span.ts isLetterUnit: whether one UTF-16 unit is a letter (\p{L}) by itself. A surrogate half never is.
bool isLetterUnit(int unit);

// The BMP units a one-character class matches under the u flag ("[\\p{L}\\p{M}]"), each asked of the engine once.
class UnitClass {
public:
    explicit UnitClass(const char16_t* classSource);
    bool has(int unit) const { return unit >= 0 && unit <= 0xffff && (bits_[unit >> 6] >> (unit & 63) & 1); }

private:
    std::vector<uint64_t> bits_;
};

}  // namespace fieldtune_pii
