// nameWords.ts: what the name detector needs to know of a capitalized word from its text alone, as bits.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "resources.h"
#include "wordTokens.h"

namespace fieldtune_pii {

// nameWords.ts FIRST, LAST, LISTED_NAME_LIKE, LEADING_NOT_NAME, AMBIGUOUS, EPONYM
constexpr uint8_t NAME_FIRST = 1;
constexpr uint8_t NAME_LAST = 2;
constexpr uint8_t LISTED_NAME_LIKE = 4;
constexpr uint8_t LEADING_NOT_NAME = 8;
constexpr uint8_t NAME_AMBIGUOUS = 16;
constexpr uint8_t NAME_EPONYM = 32;

// nameWords.ts capitalizedWordFacts: the facts of every capitalized word (0 for the others); their keys are made
void capitalizedWordFacts(WordTokens& t, const Resources& res, std::vector<uint8_t>& out);

// resources.ts PARTICLES
const WordSet& particles();

}  // namespace fieldtune_pii
