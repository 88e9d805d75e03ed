// The walks the place families share (placeWalks.ts): the runs of ASCII digits with the classes of the characters
// around each, the candidate starts taken from them, and the lines of a line scan. Made once per text by the caller
// and handed to each pattern, as the TypeScript twins share theirs.
#pragma once

#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "bigBuffers.h"
#include "letters.h"
#include "regex.h"
#include "scan.h"
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

// span.ts US_STATE_NAMES (places.ts and worldPlaces.ts both read it).
inline const char16_t* const US_STATE_NAMES =
    u"Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming|Ontario|Quebec|British Columbia|Alberta";

// The pieces of `s` between each `by` (a word list written as one string, as the TypeScript writes it).
std::vector<std::u16string> splitWords(const std::u16string& s, char16_t by);

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
    const std::vector<DigitRun, BigAllocator<DigitRun>>& all() const { return runs_; }
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
    std::vector<DigitRun, BigAllocator<DigitRun>> runs_;
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

// The walks both place families take over a whole text, made once: detect() hands one to places and world places
// (each built it for itself, a twentieth of detection), a family called alone makes its own.
struct PlaceWalks {
    explicit PlaceWalks(const Text& t) : runs(t), keywords(t) {}
    const DigitRuns runs;
    const PlaceKeywords keywords;
};

// placeWalks.ts commaThenCapital: every comma followed by blanks and then an ASCII capital or a unit past ASCII.
std::vector<int> commaThenCapital(const Text& t);

// Whether one of `words` is written at p, as written (the patterns run from these have no i flag).
bool startsWithAny(const Text& t, int p, std::initializer_list<const char16_t*> words);
// The starts where one of `words` is written: what a pattern opening with that alternation needs (a superset of
// where it matches), checked before the regex, which tries the words one after another.
std::vector<int> writtenAt(const Text& t, const std::vector<int>& starts, std::initializer_list<const char16_t*> words);

// Every match of a line scan's regex on the line [from, to) (span.ts matchesInLines), for a regex that opens with a
// capital after no letter ((?=[\p{Lu}])(?<![\p{L}...])): tried at the line's capitals and surrogates only, in order,
// as a global scan of the line would find them. `each(start, match)`.
template <typename Each>
void capitalMatchesOnLine(const Regex& re, const Text& t, int from, int to, Each each);

// placeWalks.ts linesAt: [start, end) of the runs of whole lines that hold one of `positions`, adjacent ones merged.
std::vector<std::pair<int, int>> linesAt(const Text& t, std::vector<int> positions);

// A list of suffixes by their last unit (an ASCII one, or any other), each in the list's order: only a suffix that
// ends in the unit before a digit run's blanks can end there, so a run tries a few of them, not all.
class SuffixesByLast {
public:
    explicit SuffixesByLast(const std::vector<std::u16string>& suffixes);
    const std::vector<std::u16string>& endingIn(int unit) const { return byLast_[unit >= 0 && unit < 128 ? unit : 128]; }

private:
    std::vector<std::u16string> byLast_[129];  // 128: a unit past ASCII (an empty suffix is in every list)
};

// placeWalks.ts suffixThenNumber for one list: where each of `suffixes` ends before the blanks before a digit run
// that follows a blank, as the start of the suffix.
std::vector<int> suffixThenNumber(const Text& t, const DigitRuns& runs, const SuffixesByLast& suffixes);

template <typename Each>
void capitalMatchesOnLine(const Regex& re, const Text& t, int from, int to, Each each) {
    static const UnitClass CAPITALS(u"\\p{Lu}");
    const Text line = t.slice(from, to);
    std::vector<int> starts;
    for (int p = line.lo; p < line.hi; p++) {
        const int c = line.units[p];
        if (c < 128 ? isUpper(c) : (c >= 0xd800 && c <= 0xdbff) || CAPITALS.has(c)) starts.push_back(p);
    }
    scanFrom(re, line, starts, each);
}

}  // namespace fieldtune_pii
