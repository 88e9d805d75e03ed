#include "resolve.h"

#include <algorithm>
#include <vector>

namespace fieldtune_pii {
namespace {

// detect.ts SOURCE_RANK, by SpanSource (checksum, pattern, context, dictionary, propagation).
int rank(SpanSource s) {
    static const int RANKS[] = {4, 2, 3, 1, 0};
    return RANKS[static_cast<int>(s)];
}

}  // namespace

bool takenBefore(const Span& a, const Span& b) {
    // confidences compare as their thousandths do: n / 1000 keeps the order of n
    if (a.confidenceMilli != b.confidenceMilli) return a.confidenceMilli > b.confidenceMilli;
    if (rank(a.source) != rank(b.source)) return rank(a.source) > rank(b.source);
    if (a.end - a.start != b.end - b.start) return a.end - a.start > b.end - b.start;
    if (a.start != b.start) return a.start < b.start;
    // SpanType is in PII_TYPES' order
    return static_cast<int>(a.type) < static_cast<int>(b.type);
}

Spans resolveOverlaps(Spans candidates) {
    Spans live;
    live.reserve(candidates.size());
    for (const Span& c : candidates)
        if (c.end > c.start) live.push_back(c);
    // Array.prototype.sort is stable: ties keep the families' order
    std::stable_sort(live.begin(), live.end(), [](const Span& a, const Span& b) { return a.start < b.start; });
    // Which units of the group at hand a kept candidate covers, from the group's start: a group is a few candidates
    // long, so one array over the whole text (25 MB zeroed for a piece of a 50 MB dataset) was mostly never read.
    std::vector<unsigned char> taken;
    Spans kept;
    kept.reserve(live.size());
    Spans group, keptHere;
    for (size_t i = 0; i < live.size();) {
        size_t j = i + 1;
        int reach = live[i].end;
        for (; j < live.size() && live[j].start < reach; j++) reach = std::max(reach, live[j].end);
        if (j == i + 1) {
            kept.push_back(live[i]);
            i = j;
            continue;
        }
        const int lo = live[i].start;
        taken.assign(static_cast<size_t>(reach - lo), 0);
        group.assign(live.begin() + static_cast<long>(i), live.begin() + static_cast<long>(j));
        std::stable_sort(group.begin(), group.end(), takenBefore);
        keptHere.clear();
        for (const Span& c : group) {
            bool free = true;
            for (int k = c.start - lo; k < c.end - lo && free; k++) free = !taken[k];
            if (!free) continue;
            std::fill(taken.begin() + (c.start - lo), taken.begin() + (c.end - lo), 1);
            keptHere.push_back(c);
        }
        std::stable_sort(keptHere.begin(), keptHere.end(),
                         [](const Span& a, const Span& b) { return a.start != b.start ? a.start < b.start : a.end < b.end; });
        kept.insert(kept.end(), keptHere.begin(), keptHere.end());
        i = j;
    }
    return kept;
}

}  // namespace fieldtune_pii
