// detect.ts resolveOverlaps: from every family's candidates, the spans detectPii keeps (the most trusted of each
// overlapping group, then the longest, the leftmost, by type), so only those cross back into JavaScript.
#pragma once

#include "spans.h"

namespace fieldtune_pii {

// detect.ts compareCandidates < 0: a is taken before b.
bool takenBefore(const Span& a, const Span& b);

// detect.ts resolveOverlaps, sorted by start (ties as the TypeScript orders them).
Spans resolveOverlaps(Spans candidates);

}  // namespace fieldtune_pii
