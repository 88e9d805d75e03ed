// UTF-8 bytes to UTF-16 code units, for data redact's input (electron/cli/commands/redact.ts readTextFile): V8's own
// decoder (Buffer.toString) writes a two-byte string one unit at a time into fresh heap pages; this one runs eight
// ASCII bytes at a time into a buffer the add-on hands to JavaScript without a copy (addon.cpp DecodeUtf8).
#pragma once

#include <cstddef>

namespace fieldtune_pii {

constexpr size_t NOT_UTF8 = static_cast<size_t>(-1);

// Writes the units of bytes[0, n) to out (room for n units: UTF-16 never needs more units than UTF-8 has bytes) and
// returns how many, or NOT_UTF8 where the bytes are not well-formed UTF-8 (a stray continuation byte, a cut or
// overlong sequence, an encoded surrogate, a code point past U+10FFFF: what Node's buffer.isUtf8 refuses).
size_t decodeUtf8(const unsigned char* bytes, size_t n, char16_t* out);

}  // namespace fieldtune_pii
