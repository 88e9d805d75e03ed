// The capitalized words before a postal code or a state (wordsBeforeCode.ts), and which words can open or close a
// known town (cityWords.ts).
#pragma once

#include <string>
#include <utility>

#include "resources.h"
#include "text.h"

namespace fieldtune_pii {

// wordsBeforeCode.ts wordsBeforeCode: [start, end) of WORDS_BEFORE_CODE's match in input.slice(from, to), or
// {-1, -1}.
std::pair<int, int> wordsBeforeCode(const Text& t, int from, int to);
// wordsBeforeCode.ts cityBefore: the start of CITY_BEFORE's match in input.slice(from, to), or -1.
int cityBefore(const Text& t, int from, int to);

// cityWords.ts mayOpenTown and mayCloseTown for the word [s, e) of the text.
bool mayOpenTown(const Resources& res, const Text& t, int s, int e);
bool mayCloseTown(const Resources& res, const Text& t, int s, int e);

}  // namespace fieldtune_pii
