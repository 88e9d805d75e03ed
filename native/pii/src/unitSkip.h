// Stepping over units that cannot open a candidate, eight at a time. Each family walks the whole text and tests every
// unit, and most units are small letters inside words that no walk looks at: a walk's first test done on eight units
// at once (GCC and Clang vector extensions, which compile to SSE2 on x86-64 and NEON on ARM64), with the walk's own
// code run only from the first unit that passes it, keeps the walk's result and costs a fraction of its time.
#pragma once

#include <cstdint>
#include <cstring>

namespace fieldtune_pii {

// Eight UTF-16 units; a comparison gives a lane of all ones where it holds and zero where not.
using Units8 = uint16_t __attribute__((vector_size(16)));

inline Units8 unitsAt(const char16_t* p) {
    Units8 v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

// Lanes equal to c, and lanes in [lo, hi] (one unsigned comparison after a subtraction).
inline Units8 lanesEqual(Units8 v, char16_t c) { return reinterpret_cast<Units8>(v == c); }
inline Units8 lanesIn(Units8 v, char16_t lo, char16_t hi) {
    return reinterpret_cast<Units8>(static_cast<Units8>(v - lo) <= static_cast<uint16_t>(hi - lo));
}
inline Units8 digitLanes(Units8 v) { return lanesIn(v, '0', '9'); }
inline Units8 upperLanes(Units8 v) { return lanesIn(v, 'A', 'Z'); }
inline Units8 lowerLanes(Units8 v) { return lanesIn(v, 'a', 'z'); }
inline Units8 asciiLetterLanes(Units8 v) { return lanesIn(v | 0x20, 'a', 'z'); }

// The index of the first lane set in a non-zero mask (lane 0 is the unit at the lowest address: little-endian, as
// x86-64 and ARM64 are).
inline int firstLane(Units8 mask) {
    uint64_t half[2];
    std::memcpy(half, &mask, sizeof half);
    return half[0] ? __builtin_ctzll(half[0]) >> 4 : 4 + (__builtin_ctzll(half[1]) >> 4);
}
inline bool anyLane(Units8 mask) {
    uint64_t half[2];
    std::memcpy(half, &mask, sizeof half);
    return (half[0] | half[1]) != 0;
}

// From i, the first unit of [i, hi) that `may` lets through (may(units) gives the lanes that may open a candidate:
// a necessary condition of the walk's own test), or a unit of the last seven, which the walk tests itself, or hi.
// Every unit skipped was refused by `may`.
template <typename May>
inline int skipRefused(const char16_t* units, int i, int hi, May may) {
    for (; i + 8 <= hi; i += 8) {
        const Units8 mask = may(unitsAt(units + i));
        if (anyLane(mask)) return i + firstLane(mask);
    }
    return i;
}

// The first unit of [i, hi) equal to c, or one of the last seven, or hi: skipRefused for the walks that look for one
// character.
inline int skipToUnit(const char16_t* units, int i, int hi, char16_t c) {
    return skipRefused(units, i, hi, [c](Units8 v) { return lanesEqual(v, c); });
}

// The same for a test that also reads the unit before: may(units, unitsBefore). The text's first unit (whose unit
// before is outside the view) is left to the walk.
template <typename May>
inline int skipRefusedAfter(const char16_t* units, int lo, int i, int hi, May may) {
    if (i <= lo) return i;
    for (; i + 8 <= hi; i += 8) {
        const Units8 mask = may(unitsAt(units + i), unitsAt(units + i - 1));
        if (anyLane(mask)) return i + firstLane(mask);
    }
    return i;
}

// For skipRefusedAfter: the lanes that open a run of digits (a digit after none).
inline constexpr auto digitRunStartLanes = [](Units8 v, Units8 before) { return digitLanes(v) & ~digitLanes(before); };

}  // namespace fieldtune_pii
