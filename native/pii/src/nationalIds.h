// National, health and tax numbers issued outside the US, and SEPA IBANs: electron/core/pii/nationalIds.ts compiled
// ahead of time. Same regex sources, checks, labels and order of candidates.
#pragma once

#include "spans.h"
#include "text.h"

namespace fieldtune_pii {

void detectNationalIds(const Text& text, Spans& out);

}  // namespace fieldtune_pii
