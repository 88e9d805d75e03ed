// The lines of a text that hold a character of one of the 19 non-Latin scripts worldNames.ts (and, once compiled,
// worldPlaces.ts) look at, and which of seven scripts a line holds: electron/core/pii/nonLatinLines.ts compiled ahead
// of time. The scripts are the regex engine's own \p{Script=...} (tables filled once per process by asking it about
// every BMP unit), so the walks agree with the regexes that run on the lines.
#pragma once

#include <cstddef>
#include <vector>

#include "text.h"

namespace fieldtune_pii {

// nonLatinLines.ts CYRILLIC ... DEVANAGARI: the bits of scriptsOf and scriptBitsOfUnit.
enum ScriptBit : int {
    SCRIPT_CYRILLIC = 1,
    SCRIPT_GREEK = 2,
    SCRIPT_HAN = 4,
    SCRIPT_HANGUL = 8,
    SCRIPT_ARABIC = 16,
    SCRIPT_THAI = 32,
    SCRIPT_DEVANAGARI = 64,
};

// The ScriptBit of one UTF-16 unit taken alone (0 for ASCII, a surrogate half, any other script, -1).
int scriptBitsOfUnit(int unit);

// nonLatinLines.ts nonLatinLines: [start, end) of each line (without its '\n') holding a character of the 19
// scripts, as pairs (start at 2k, end at 2k + 1), in text order.
std::vector<int> nonLatinLines(const Text& text);

// nonLatinLines.ts onNonLatinLines: `detect(line)` on each of those lines, a view of the text bounded to the line
// (its offsets are the whole text's already: nothing to shift).
template <typename Detect>
void onNonLatinLines(const Text& text, Detect detect) {
    const std::vector<int> lines = nonLatinLines(text);
    for (std::size_t k = 0; k < lines.size(); k += 2) detect(text.slice(lines[k], lines[k + 1]));
}

// nonLatinLines.ts scriptsOf: the ScriptBits of the BMP characters of `line`.
int scriptsOf(const Text& line);

}  // namespace fieldtune_pii
