// foldedWords.ts FoldedWords: "is foldKey(input.slice(from, to)) in this set of folded words?" without a string
// made for the question when the slice is ASCII (lower-cased into a buffer kept per thread).
#pragma once

#include <string>

#include "resources.h"
#include "text.h"

namespace fieldtune_pii {

inline bool hasFolded(const WordSet& set, const Resources& res, const Text& t, int from, int to) {
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
