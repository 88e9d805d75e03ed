// names.ts detectNames: person names, as runs of capitalized words scored by what stands around them and by the
// name dictionaries, then their other mentions in the same text.
#pragma once

#include <string>
#include <vector>

#include "resources.h"
#include "spans.h"
#include "text.h"

namespace fieldtune_pii {

// names.ts detectNames's seedNames and unclaimed
struct NameOptions {
    // name keys found in other records of the dataset (folded), or null
    const WordSet* seeds = nullptr;
    // when not null: filled, in order and once each, with the keys of the capitalized words no name covers or claims
    std::vector<std::u16string>* unclaimed = nullptr;
};

void detectNames(const Text& t, const Resources& res, Spans& out, const NameOptions& options);
// without seeds or unclaimed keys, in the shape of the other families
inline void detectNamesAlone(const Text& t, const Resources& res, Spans& out) { detectNames(t, res, out, NameOptions{}); }

}  // namespace fieldtune_pii
