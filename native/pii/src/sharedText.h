// Texts the add-on made (a JSON file's strings view) that every thread of the process can read by a number: a worker
// thread detects its piece of a long text where the add-on left it, instead of a copy sent to it. Sending half of a
// 50 MB dataset's view to a worker was a structured clone written on one side and read on the other, and each
// thread then copied its piece again for the detectors: reading it in place saves ~0.4 CPU s and ~150 MB at the run's
// peak (bench/pii-RESULTS.md, speed round 15). Node loads an add-on once per process, so its worker threads see the
// same registry.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <utility>

#include "bigBuffers.h"

namespace fieldtune_pii {

struct SharedUnits {
    BigArray<char16_t> units;
    size_t length = 0;
};

using SharedUnitsRef = std::shared_ptr<const SharedUnits>;

// Keeps the first `length` of `units` under a new number (never 0) for as long as a reference to it lives. Throws
// std::bad_alloc.
std::pair<uint32_t, SharedUnitsRef> shareUnits(BigArray<char16_t>&& units, size_t length);

// The text of that number, or null where no reference to it is left.
SharedUnitsRef sharedUnits(uint32_t id);

}  // namespace fieldtune_pii
