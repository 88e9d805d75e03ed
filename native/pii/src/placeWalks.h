// The walks the place families share (placeWalks.ts): the runs of ASCII digits with the classes of the characters
// around each, the candidate starts taken from them, and the lines of a line scan. Made once per text by the caller
// and handed to each pattern, as the TypeScript twins share theirs.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "text.h"

namespace fieldtune_pii {

// Classes of the character before or after a digit run (placeWalks.ts's bits, same values).
enum CharClass : int {
    BLANK = 1,           // ' ' or '\t'
    SPACE = 2,           // ' '
    DASH = 4,            // '-'
    COMMA = 8,
    CAPITAL = 16,        // A-Z
    ASCII_LETTER = 32,   // A-Z a-z
    LETTER = 64,         // \p{L} in one unit
    WORDISH = 128,       // what (?<![\w.-]) refuses
    EDGE = 256,          // outside the text
    NEWLINE = 512,
    COLON = 1024,
};

// placeWalks.ts classOf.
int classOf(const Text& t, int i);

struct DigitRun {
    int start, end, before, after;
};

// placeWalks.ts DigitRunShape: which runs digitStarts keeps (0: no condition).
struct DigitRunShape {
    int min, max;
    int notBefore = 0;
    int before = 0;
    int after = 0;
};

class DigitRuns {
public:
    explicit DigitRuns(const Text& t);
    const std::vector<DigitRun>& all() const { return runs_; }
    // placeWalks.ts digitStarts without its `then`: the caller tests what follows (a lambda of its own).
    template <typename Then>
    std::vector<int> starts(const DigitRunShape& shape, Then then) const {
        std::vector<int> out;
        for (const DigitRun& r : runs_) {
            int n = r.end - r.start;
            if (n < shape.min || n > shape.max || (r.before & shape.notBefore) != 0) continue;
            if ((shape.before != 0 && (r.before & shape.before) == 0) || (shape.after != 0 && (r.after & shape.after) == 0)) continue;
            if (then(r.end)) out.push_back(r.start);
        }
        return out;
    }
    std::vector<int> starts(const DigitRunShape& shape) const {
        return starts(shape, [](int) { return true; });
    }

private:
    std::vector<DigitRun> runs_;
};

// placeWalks.ts afterBlanks: the index after the blanks at `i` (one at least), or -1.
int afterBlanks(const Text& t, int i);
// placeWalks.ts capitalOrOther: an ASCII capital or any unit past ASCII (the regex's \p{Lu} decides).
inline bool capitalOrOther(const Text& t, int i) {
    int c = t.at(i);
    return (c >= 'A' && c <= 'Z') || c >= 128;
}
// Whether `word` (ASCII) is written at `p`, exactly.
bool wordAt(const Text& t, int p, const char* word);

// placeWalks.ts placeKeywordStarts: the runs of ASCII letters, after no letter, that are one of the place keywords
// whole (any case) or go on with a unit past ASCII, found once per text; each keyword-led pattern runs at those that
// open with one of its first letters (of()). The regex alone would also match a keyword glued to the next word
// ("HometownLives Dayton"), which the TypeScript twin does not try.
class PlaceKeywords {
public:
    explicit PlaceKeywords(const Text& t);
    // The starts whose first unit is one of `firsts` (as written: the patterns are case-sensitive).
    std::vector<int> of(const char* firsts) const;
    // placeKeywordStartsOf(firsts) filtered by placeWalks.ts keywordThenBlank: the keyword then blanks (after a '.'
    // or '/'), or a unit past ASCII.
    std::vector<int> thenBlank(const Text& t, const char* firsts) const;

private:
    std::vector<std::pair<int, char>> starts_;
};

// placeWalks.ts commaThenCapital: every comma followed by blanks and then an ASCII capital or a unit past ASCII.
std::vector<int> commaThenCapital(const Text& t);

// placeWalks.ts linesAt: [start, end) of the runs of whole lines that hold one of `positions`, adjacent ones merged.
std::vector<std::pair<int, int>> linesAt(const Text& t, std::vector<int> positions);

// placeWalks.ts suffixThenNumber for one list: where each of `suffixes` ends before the blanks before a digit run
// that follows a blank, as the start of the suffix.
std::vector<int> suffixThenNumber(const Text& t, const DigitRuns& runs, const std::vector<std::u16string>& suffixes);

}  // namespace fieldtune_pii
