// What the compiled families share: a global scan over candidate starts, and the small walks the TypeScript twins
// take from anchoredScan.ts and span.ts.
#pragma once

#include <algorithm>
#include <vector>

#include "regex.h"
#include "text.h"

namespace fieldtune_pii {

inline bool isBlank(int c) { return c == ' ' || c == '\t'; }

// anchoredScan.ts blanksBack: the start of the run of blanks that ends at `end`.
inline int blanksBack(const Text& t, int end) {
    while (isBlank(t.at(end - 1))) end--;
    return end;
}

// The end of the run of blanks that starts at `start`.
inline int blanksForward(const Text& t, int start) {
    while (isBlank(t.at(start))) start++;
    return start;
}

// span.ts lineStartNear: the start of the line holding `at`, looking back at most `max` units.
inline int lineStartNear(const Text& t, int at, int max) {
    int from = at - max < t.lo ? t.lo : at - max;
    for (int i = at - 1; i >= from; i--)
        if (t.at(i) == '\n') return i + 1;
    return from;
}

// anchoredScan.ts matchesAnchored: the regex tried at each candidate start in order (sorted here, duplicates
// allowed), skipping those inside the previous match, as a global scan of the whole text finds them when the
// candidates hold every start a match can have. `each(start, match)` gets the groups too.
template <typename Each>
void scanFrom(const Regex& re, const Text& t, std::vector<int> starts, Each each) {
    std::sort(starts.begin(), starts.end());
    int next = t.lo;
    RegexMatch m;
    for (int p : starts) {
        if (p < next || !re.matchAt(t, p, m)) continue;
        each(p, m);
        next = m.end > p ? m.end : p + 1;
    }
}

}  // namespace fieldtune_pii
