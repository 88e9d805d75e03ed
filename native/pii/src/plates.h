// Number plates and vehicle ids written outside the US: electron/core/pii/plates.ts compiled ahead of time. Same
// regex sources, candidate starts and conditions, same order of candidates.
#pragma once

#include "spans.h"
#include "text.h"

namespace fieldtune_pii {

void detectPlates(const Text& text, Spans& out);

}  // namespace fieldtune_pii
