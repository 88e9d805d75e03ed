// A candidate span as the detectors produce it, before overlaps are resolved (electron/core/pii/types.ts PiiSpan,
// with its text left to the caller, which slices it from its own string).
#pragma once

#include <vector>

#include "bigBuffers.h"

namespace fieldtune_pii {

// The names the TypeScript side maps these back to (addon.cpp exports both lists; nativeDetectors.ts checks them).
// Every type of electron/contract/pii.ts, in its order.
enum class SpanType {
    NAME, LOCATION, ZIP, DATE, AGE, PHONE, FAX, EMAIL, SSN, MRN, HEALTH_PLAN, ACCOUNT, LICENSE, VEHICLE, DEVICE, URL, IP, ID,
    CASE_NUMBER, BAR_NUMBER, COUNT
};
enum class SpanSource { checksum, pattern, context, dictionary, propagation, COUNT };

inline const char* const SPAN_TYPE_NAMES[] = {"NAME",    "LOCATION", "ZIP",     "DATE",        "AGE",        "PHONE",  "FAX",
                                              "EMAIL",   "SSN",      "MRN",     "HEALTH_PLAN", "ACCOUNT",    "LICENSE", "VEHICLE",
                                              "DEVICE",  "URL",      "IP",      "ID",          "CASE_NUMBER", "BAR_NUMBER"};
inline const char* const SPAN_SOURCE_NAMES[] = {"checksum", "pattern", "context", "dictionary", "propagation"};

struct Span {
    int start;
    int end;
    SpanType type;
    // thousandths: every detector confidence has at most three decimals, and n / 1000 in JavaScript gives the same
    // double as the literal
    int confidenceMilli;
    SpanSource source;
};

// Candidates of a long text run to megabytes (bigBuffers.h).
using Spans = std::vector<Span, BigAllocator<Span>>;

}  // namespace fieldtune_pii
