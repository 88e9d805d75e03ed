// The TypeScript detectors' regexes, run by QuickJS's ECMAScript regex engine (third_party/quickjs, libregexp), so
// a pattern is carried over as its source text with the semantics it has in V8: look-behinds, named groups,
// back-references, \p{...} classes, case folding under i and iu, the order alternatives are tried in. The tests
// compare it with V8 position by position. (Its Unicode tables are version 17.0, as Node 20.20's are; a runtime with
// older ones can class a newly assigned letter differently.)
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "text.h"

namespace fieldtune_pii {

// A match: its end, and [start, end) of each capture group (-1, -1 when the group did not take part).
struct RegexMatch {
    int end = -1;
    std::vector<std::pair<int, int>> groups;  // groups[0] is the whole match
};

class Regex {
public:
    // flags: any of "i" and "u" (g and y are how it is called, d is always on). Throws std::runtime_error with the
    // engine's message and the pattern when it does not compile.
    Regex(const std::u16string& source, const char* flags);
    // `starts`: every unit a match can begin with (a look-behind or anchor aside), when the caller knows them; test()
    // then tries only those positions with the sticky form, instead of the engine's scan over every position.
    Regex(const std::u16string& source, const char* flags, const std::u16string& starts);
    // End of the match that starts exactly at `pos` (a sticky regex with lastIndex = pos), or -1.
    int matchAt(const Text& text, int pos) const;
    bool matchAt(const Text& text, int pos, RegexMatch& m) const;
    // The first match starting at or after `from` (a global regex with lastIndex = from): its start is m.groups[0].
    bool find(const Text& text, int from, RegexMatch& m) const;
    // RegExp.prototype.test on the view: a match starting anywhere in [lo, hi].
    bool test(const Text& text) const;
    // The index of a named group (for RegexMatch::groups), or -1.
    int group(const char* name) const;

private:
    std::vector<uint8_t> sticky_, anywhere_;
    int captures_ = 0;
    std::vector<std::string> names_;
    std::u16string starts_;
    bool exec(const std::vector<uint8_t>& bytecode, const Text& text, int pos, RegexMatch* m, int* end) const;
};

}  // namespace fieldtune_pii
