// Addresses written the way they are outside the US: electron/core/pii/worldPlaces.ts compiled ahead of time. Same
// regex sources, same order of candidates.
#pragma once

#include "placeWalks.h"
#include "resources.h"
#include "spans.h"
#include "text.h"

namespace fieldtune_pii {

void detectWorldPlaces(const Text& text, const Resources& res, Spans& out, const PlaceWalks& walks);
inline void detectWorldPlaces(const Text& text, const Resources& res, Spans& out) { detectWorldPlaces(text, res, out, PlaceWalks(text)); }

}  // namespace fieldtune_pii
