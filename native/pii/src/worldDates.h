// Dates written day-first in words in other languages, "17-Jan-2024" and the CJK year-month-day forms:
// electron/core/pii/worldDates.ts compiled ahead of time. Same regex sources, candidate starts and order.
#pragma once

#include "spans.h"
#include "text.h"

namespace fieldtune_pii {

void detectWorldDates(const Text& text, Spans& out);

}  // namespace fieldtune_pii
