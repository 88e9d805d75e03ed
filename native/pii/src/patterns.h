// Contact details, network addresses and numbers with a check digit: electron/core/pii/patterns.ts (and phones.ts),
// compiled ahead of time. Same regex sources, same order of candidates.
#pragma once

#include "spans.h"
#include "text.h"

namespace fieldtune_pii {

void detectPatterns(const Text& text, Spans& out);

}  // namespace fieldtune_pii
