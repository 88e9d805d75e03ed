// foldedWords.ts FoldedWords: "is foldKey(input.slice(from, to)) in this set of folded words?" without a string
// made for the question when the slice is ASCII (lower-cased into a buffer kept per thread).
#pragma once

#include <string>

#include "resources.h"
#include "text.h"

namespace fieldtune_pii {

inline bool hasFolded(const WordSet& set, const Resources& res, const Text& t, int from, int to) {
    // an ASCII slice folds to itself lower-cased: its first unit and length turn most questions away
    const int first = t.at(from);
    if (to > from && first >= 0 && first < 128 && !set.mayHold(asciiLower(first), static_cast<size_t>(to - from))) {
        bool ascii = true;
        for (int i = from + 1; i < to && ascii; i++) ascii = t.at(i) >= 0 && t.at(i) < 128;
        if (ascii) return false;
    }
    thread_local std::u16string scratch;
    scratch.clear();
    for (int i = from; i < to; i++) {
        const int c = t.at(i);
        if (c < 0 || c >= 128) return set.has(res.fold(t, from, to));
        scratch.push_back(static_cast<char16_t>(asciiLower(c)));
    }
    return set.has(scratch);
}

}  // namespace fieldtune_pii
