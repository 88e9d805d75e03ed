// The decoded string values of a JSON or JSON Lines file as one text, and the way back to the file's characters: the
// twin of electron/core/pii/jsonStrings.ts jsonStringsView (the tests compare the two on every case they hold). On the
// speed bench's 50 MB dataset the TypeScript took ~0.6 CPU s writing the view unit by unit and ~0.3 s more making a
// string of it; here it is one pass into a buffer that JavaScript gets without a copy (addon.cpp).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "bigBuffers.h"

namespace fieldtune_pii {

struct JsonStringsView {
    // Every value decoded, separated by blank lines; `length` units of it are written.
    BigArray<char16_t> text;
    size_t length = 0;
    // Five per value: its start and end in the view, where its first character sits in the file, and its pairs in
    // `breaks` [from, to) (pieceView.ts ViewPiece).
    std::vector<int32_t> pieces;
    // (offset in the decoded value, file offset) pairs where the two stop moving together (pieceView.ts breaks).
    std::vector<int32_t> breaks;
};

// Throws std::bad_alloc when there is no memory for the view.
JsonStringsView jsonStringsView(std::u16string_view raw);

}  // namespace fieldtune_pii
