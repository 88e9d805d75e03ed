// What the compiled families share: a global scan over candidate starts, and the small walks the TypeScript twins
// take from anchoredScan.ts and span.ts.
#pragma once

#include <algorithm>
#include <vector>

#include "regex.h"
#include "text.h"
#include "unitSkip.h"

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

// A unit as a regex under the i and u flags compares it (simple case folding), for the units the hand-written
// prefilters look for: ASCII and Latin-1 capitals to small letters, 'ſ' to 's', the Kelvin sign to 'k' (the only units
// past ASCII that fold onto ASCII letters). Any other unit is kept as it is, so it equals a word's letter only when
// the regex would accept it too or the word holds no such letter.
inline int foldIu(int c) {
    if (isUpper(c) || (c >= 0xc0 && c <= 0xde && c != 0xd7)) return c + 32;
    if (c == 0x17f) return 's';
    if (c == 0x212a) return 'k';
    return c;
}

// Whether `word` (small letters, with any other units as they are) is written at `at` under the i and u flags.
inline bool wordAtIu(const Text& t, int at, const char16_t* word) {
    for (int i = 0; word[i]; i++)
        if (foldIu(t.at(at + i)) != word[i]) return false;
    return true;
}

// A year of dates.ts and worldDates.ts's YEAR, (?:1[89]\d{2}|20\d{2}), then no digit ((?!\d)).
inline bool yearAt(const Text& t, int at) {
    int a = t.at(at), b = t.at(at + 1);
    return ((a == '1' && (b == '8' || b == '9')) || (a == '2' && b == '0')) && isDigit(t.at(at + 2)) && isDigit(t.at(at + 3)) &&
           !isDigit(t.at(at + 4));
}

// The starts in `starts` that pass `keep` (a hand-written necessary condition for a match there), in order.
template <typename Keep>
std::vector<int> keepStarts(const std::vector<int>& starts, Keep keep) {
    std::vector<int> out;
    for (int p : starts)
        if (keep(p)) out.push_back(p);
    return out;
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
