// The label alternation of labelled.ts (byFirstLetter over labelRe, run under the i and u flags) as a trie walked
// over the text, instead of a regex that tries ~340 alternatives one after the other at every candidate.
//
// An alternative is a label key (lower-cased, blank runs as one space, no final dot): its first code point as a
// literal, then labelRe of the rest: each literal matches what it matches under iu (same regexFold), each run of
// whitespace is \s+, and a final \.? unless the rest ends with a dot. matchesAt gives every alternative whose part
// before the optional dot matches at a position, in the alternation's order; ends() then gives the ends the regex
// engine would try for it, in the order it would try them (labelled.cpp proves why that order is the regex's).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "text.h"

namespace fieldtune_pii {

// One alternative matched up to its optional dot: text [start, end). blanksFrom >= 0 when the alternative ends
// with \s+ (a label key ending in a space): that run began there, and shorter runs are ends too.
struct LabelHit {
    int alternative;
    int end;
    int blanksFrom;
};

class LabelTrie {
public:
    // The alternatives in the alternation's order (their index is their rank).
    explicit LabelTrie(const std::vector<std::u16string>& alternatives);

    // Whether an alternative can begin with this ASCII unit (under iu): most units of a text are refused here.
    bool asciiOpens(int unit) const { return unit < 128 && asciiChild(0, unit) >= 0; }
    // Every alternative matched at `start` up to its optional dot, ranked as the alternation tries them.
    void matchesAt(const Text& t, int start, std::vector<LabelHit>& out) const;
    // The ends of a hit in the order a backtracking engine tries them (greedy \s+, then \.?), each to `each(end)`
    // until it returns true; whether one did.
    template <typename Each>
    bool ends(const Text& t, const LabelHit& hit, Each each) const {
        const bool dot = optionalDot_[hit.alternative];
        const int last = hit.blanksFrom >= 0 ? hit.blanksFrom + 1 : hit.end;
        for (int e = hit.end; e >= last; e--) {
            if (dot && t.at(e) == '.' && each(e + 1)) return true;
            if (each(e)) return true;
        }
        return false;
    }

private:
    struct Node {
        std::vector<std::pair<uint32_t, int>> edges;  // folded code point -> child
        int blanks = -1;                              // child after a \s+ run
        std::vector<int> alternatives;                // alternatives that end here (before their optional dot)
    };
    std::vector<Node> nodes_;
    std::vector<bool> optionalDot_;
    // The ASCII steps as one table, node by node (the edge lists were the walk's cost): asciiNext_[node * width +
    // column of the unit], the column 0 for units no label holds (under iu an upper-case letter shares its lower
    // case's column).
    int asciiColumn_[128] = {};
    int width_ = 1;
    std::vector<int> asciiNext_;
    int asciiChild(int node, int unit) const { return asciiNext_[node * width_ + asciiColumn_[unit]]; }
    // Node by node, in flat arrays (the walk reads them at every step): the \s+ child, and where the node's
    // alternatives begin in endings_ (they end at the next node's).
    std::vector<int> blanks_, endingsFrom_, endings_;
    int child(const Node& n, uint32_t folded) const;
};

}  // namespace fieldtune_pii
