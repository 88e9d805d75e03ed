// A backtracking matcher for the JavaScript regex sources the TypeScript detectors use, so a pattern is carried over
// as its source text, not re-derived by hand. Hand-written because no regex library that builds offline on every
// platform is at hand, and the ones that exist (std::regex, PCRE, RE2) differ from ECMAScript where these patterns
// depend on it: look-behinds, \s's set, the order alternatives are tried in, empty-iteration checks.
//
// Supported: literals and escapes, classes with ranges and negation, \d \D \w \W \s \S \b \B ^ $ ., (?:...),
// capturing groups (as plain groups: no back-references), |, ? * + {n} {n,} {n,m} greedy or lazy, look-aheads, and
// look-behinds whose alternatives each have a fixed length. Flag i without u: ASCII letters only (a pattern with a
// non-ASCII letter under i is refused when compiled). Anything else throws at compile time, so an unsupported
// pattern fails the build's tests, never a match.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "text.h"

namespace fieldtune_pii {

struct RegexNode;
using RegexSeq = std::vector<RegexNode>;

struct RegexNode {
    enum Kind { Unit, Assert, Group, Look, Repeat } kind = Unit;
    // Unit: a 65,536-bit set of the code units it accepts (bits points into set, read on every unit matched).
    std::shared_ptr<std::vector<uint64_t>> set;
    const uint64_t* bits = nullptr;
    // Assert: '^', '$', 'b' (word boundary), 'B'.
    char assertion = 0;
    // Group and Look: the alternatives; Repeat: alts[0] is the repeated sequence.
    std::vector<RegexSeq> alts;
    bool ahead = true, negative = false;
    std::vector<int> altLengths;  // Look behind: each alternative's fixed length
    int min = 0, max = -1;        // Repeat; max -1 = unbounded
    bool greedy = true;

    bool accepts(int c) const { return c >= 0 && (bits[static_cast<unsigned>(c) >> 6] >> (c & 63) & 1); }
};

class Regex {
public:
    // Throws std::runtime_error naming the pattern when it uses something the matcher does not support.
    Regex(const std::u16string& source, bool ignoreCase);
    // End of the match that starts exactly at `pos` (what a sticky regex with lastIndex = pos finds), or -1.
    int matchAt(const Text& text, int pos) const;
    // RegExp.prototype.test on the view: a match starting anywhere in [lo, hi].
    bool test(const Text& text) const;

private:
    RegexSeq top_;
    // The units a match can start with (empty when any can, or the pattern can match empty): test() skips the rest.
    std::vector<uint64_t> first_;
    bool anchoredAtStart_ = false;
};

}  // namespace fieldtune_pii
