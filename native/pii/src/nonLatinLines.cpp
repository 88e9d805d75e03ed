#include "nonLatinLines.h"

#include <cstdint>
#include <cstring>
#include <string>

#include "regex.h"

namespace fieldtune_pii {
namespace {

// nonLatinLines.ts NON_LATIN_ONE (without its anchors: a match over the whole character is asked for).
const char16_t* const NON_LATIN_CHAR =
    uR"re([\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Thai}\p{Script=Georgian}\p{Script=Armenian}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}])re";

// Beside the seven ScriptBits, per unit: whether it is a character of the 19 scripts.
constexpr uint8_t NON_LATIN = 128;

const Regex& nonLatinChar() {
    static const Regex re(NON_LATIN_CHAR, "u");
    return re;
}

// nonLatinLines.ts SCRIPT_OF_UNIT and SCRIPT_BITS in one, filled up front (~6 ms; a table filled as units are met
// would be written by several worker threads at once). Per BMP unit: its ScriptBit and NON_LATIN, each unit past
// ASCII asked of the regex engine once per process (a surrogate half taken alone is no character of a script, as
// the TypeScript tables find for a lone surrogate).
const std::vector<uint8_t>& unitTable() {
    static const std::vector<uint8_t> TABLE = [] {
        // nonLatinLines.ts SCRIPT_CLASSES; a unit has one script, so the first that matches is the only one
        static const std::pair<int, const char16_t*> SCRIPTS[] = {
            {SCRIPT_HAN, u"\\p{Script=Han}"},           {SCRIPT_HANGUL, u"\\p{Script=Hangul}"},
            {SCRIPT_CYRILLIC, u"\\p{Script=Cyrillic}"}, {SCRIPT_GREEK, u"\\p{Script=Greek}"},
            {SCRIPT_ARABIC, u"\\p{Script=Arabic}"},     {SCRIPT_THAI, u"\\p{Script=Thai}"},
            {SCRIPT_DEVANAGARI, u"\\p{Script=Devanagari}"},
        };
        std::vector<std::pair<int, Regex>> classes;
        for (const auto& [bit, source] : SCRIPTS) classes.emplace_back(bit, Regex(source, "u"));
        std::vector<uint8_t> table(65536, 0);
        for (int c = 128; c < 0x10000; c++) {
            if (c >= 0xd800 && c <= 0xdfff) continue;
            const char16_t unit = static_cast<char16_t>(c);
            const Text one{&unit, 0, 1};
            if (nonLatinChar().matchAt(one, 0) != 1) continue;
            uint8_t bits = NON_LATIN;
            for (const auto& [bit, re] : classes)
                if (re.matchAt(one, 0) == 1) {
                    bits |= static_cast<uint8_t>(bit);
                    break;
                }
            table[c] = bits;
        }
        return table;
    }();
    return TABLE;
}

// nonLatinLines.ts nonLatinAt: a high surrogate stands for the code point it opens (Han has letters outside the BMP).
bool nonLatinAt(const Text& t, int i) {
    const int c = t.units[i];
    if (c >= 0xd800 && c <= 0xdbff) {
        const int low = t.at(i + 1);
        return low >= 0xdc00 && low <= 0xdfff && nonLatinChar().matchAt(t.slice(i, i + 2), i) == i + 2;
    }
    return unitTable()[c] & NON_LATIN;
}

constexpr uint64_t NOT_ASCII_IN_FOUR = 0xff80ff80ff80ff80u;
uint64_t fourUnits(const char16_t* at) {
    uint64_t four;
    std::memcpy(&four, at, sizeof four);
    return four;
}

}  // namespace

int scriptBitsOfUnit(int unit) { return unit < 128 || unit > 0xffff ? 0 : unitTable()[unit] & ~NON_LATIN; }

std::vector<int> nonLatinLines(const Text& t) {
    std::vector<int> out;
    // the walk looks at nothing but non-ASCII units; a line's start is looked for back from the unit that makes it
    // one, no further than the previous line's end
    int afterLast = t.lo;
    for (int i = t.lo; i < t.hi; i++) {
        // the ASCII bulk four units at a time
        while (i + 4 <= t.hi && !(fourUnits(t.units + i) & NOT_ASCII_IN_FOUR)) i += 4;
        if (i >= t.hi) break;
        if (t.units[i] < 128 || !nonLatinAt(t, i)) continue;
        int start = i, end = i;
        while (start > afterLast && t.units[start - 1] != '\n') start--;
        while (end < t.hi && t.units[end] != '\n') end++;
        out.push_back(start);
        out.push_back(end);
        i = end;
        afterLast = end + 1;
    }
    return out;
}

int scriptsOf(const Text& line) {
    const std::vector<uint8_t>& table = unitTable();
    int bits = 0;
    for (int i = line.lo; i < line.hi; i++)
        if (line.units[i] >= 128) bits |= table[line.units[i]];
    return bits & ~NON_LATIN;
}

}  // namespace fieldtune_pii
