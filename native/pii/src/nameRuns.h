// nameRuns.ts: runs of name-like words for the name detector (names.cpp), each a range of consecutive words.
#pragma once

#include <cstdint>
#include <vector>

#include "resources.h"
#include "wordTokens.h"

namespace fieldtune_pii {

// nameRuns.ts isParticle
bool isParticle(const WordTokens& t, int i, const Resources& res);
// nameRuns.ts wordsJoin
bool wordsJoin(const WordTokens& t, int a, int b);

struct NameRuns {
    std::vector<int> first;
    std::vector<int> last;
};
// nameRuns.ts findNameRuns
void findNameRuns(const WordTokens& t, const std::vector<uint8_t>& facts, const std::vector<uint8_t>& excludedTok, const Resources& res,
                  NameRuns& out);

}  // namespace fieldtune_pii
