// Court and matter numbers, and plates named in court papers: electron/core/pii/legal.ts compiled ahead of time.
// Same regex sources, conditions and order of candidates.
#pragma once

#include "spans.h"
#include "text.h"

namespace fieldtune_pii {

void detectLegalNumbers(const Text& text, Spans& out);

}  // namespace fieldtune_pii
