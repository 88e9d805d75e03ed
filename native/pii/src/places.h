// Street addresses, towns, counties, ZIP and postal codes: electron/core/pii/places.ts compiled ahead of time. Same
// regex sources, same order of candidates.
#pragma once

#include "placeWalks.h"
#include "resources.h"
#include "spans.h"
#include "text.h"

namespace fieldtune_pii {

void detectPlaces(const Text& text, const Resources& res, Spans& out, const PlaceWalks& walks);
inline void detectPlaces(const Text& text, const Resources& res, Spans& out) { detectPlaces(text, res, out, PlaceWalks(text)); }

}  // namespace fieldtune_pii
