// namePropagation.ts: the guards on a found name word spreading to its other mentions (an eponym's follower, a
// trade name).
#pragma once

#include "resources.h"
#include "text.h"

namespace fieldtune_pii {

// namePropagation.ts eponymFollows
bool eponymFollows(const Text& t, int end, const Resources& res);
// namePropagation.ts propagationBlocked
bool propagationBlocked(const Text& t, int start, int end, const Resources& res);

}  // namespace fieldtune_pii
