// Contact details, network addresses and numbers with a check digit: electron/core/pii/patterns.ts (and phones.ts),
// compiled ahead of time. Same regex sources, same order of candidates.
#pragma once

#include "spans.h"
#include "text.h"

namespace fieldtune_pii {

void detectPatterns(const Text& text, Spans& out);
// patterns.ts SECTION_BEFORE on the 20 units before `at`: a statute section ("§ 38-12-", "O.C.G.A. § 9-3-") cites
// law, so the number or date after it is no one's (dates.ts asks too).
bool citesLawBefore(const Text& text, int at);

}  // namespace fieldtune_pii
