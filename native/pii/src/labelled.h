// Identifiers after a context word ("MRN: 00482913", "State Bar No. 284119"): electron/core/pii/labelled.ts compiled
// ahead of time. The labels come from the word lists ("labels:TYPE"); the ~340-label alternation is a trie
// (labelTrie.h), the rest of the pattern the twin's regex source. Same candidates, same order.
#pragma once

#include "resources.h"
#include "spans.h"
#include "text.h"

namespace fieldtune_pii {

void detectLabelled(const Text& text, const Resources& res, Spans& out);

}  // namespace fieldtune_pii
