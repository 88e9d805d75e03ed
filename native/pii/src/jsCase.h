// String.prototype.toLowerCase and toUpperCase on a run of UTF-16 units, and the case folding of a regex under the
// i and u flags: what the TypeScript detectors apply to a matched label (labelled.ts normLabel and its upper-case
// test), with the same Unicode tables as the regex engine (QuickJS's libunicode).
#pragma once

#include <cstdint>
#include <string>

namespace fieldtune_pii {

std::u16string jsToLowerCase(const char16_t* units, int length);
std::u16string jsToUpperCase(const char16_t* units, int length);
// Canonicalize(ch) of ECMAScript's regex semantics under i and u: the simple case folding ('ſ' -> 's', the Kelvin
// sign -> 'k'); two characters match each other under iu when these agree.
uint32_t regexFoldBeyondAscii(uint32_t codePoint);
inline uint32_t regexFold(uint32_t c) { return c < 128 ? (c >= 'A' && c <= 'Z' ? c + 32 : c) : regexFoldBeyondAscii(c); }

}  // namespace fieldtune_pii
