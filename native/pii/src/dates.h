// Dates (every element but a bare year) and ages over 89: electron/core/pii/dates.ts compiled ahead of time. Same
// regex sources, candidate starts and conditions, same order of candidates.
#pragma once

#include "spans.h"
#include "text.h"

namespace fieldtune_pii {

void detectDates(const Text& text, Spans& out);
void detectAges(const Text& text, Spans& out);

}  // namespace fieldtune_pii
