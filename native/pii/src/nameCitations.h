// nameCitations.ts: reported case citations ("Ashcroft v. Iqbal, 556 U.S. 662"), whose party names the name
// detector leaves alone.
#pragma once

#include <cstdint>
#include <vector>

#include "wordTokens.h"

namespace fieldtune_pii {

// nameCitations.ts citationWords: 1 for each word inside a citation
void citationWords(const WordTokens& t, std::vector<uint8_t>& out);

}  // namespace fieldtune_pii
