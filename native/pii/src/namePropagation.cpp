#include "namePropagation.h"

#include <algorithm>

#include "foldedWords.h"
#include "letters.h"
#include "regex.h"
#include "wordTokens.h"

namespace fieldtune_pii {

// The letters that /^(?:['’]s)?[ \t]+(\p{L}+)/u finds in the 30 units after `end`, folded, looked up.
bool eponymFollows(const Text& t, int end, const Resources& res) {
    const int limit = std::min(t.hi, end + 30);
    int p = end;
    const int c0 = t.at(p);
    // "'s" is taken whenever it is there: without it the blanks would have to start at the apostrophe
    if ((c0 == '\'' || c0 == 0x2019) && p + 1 < limit && t.at(p + 1) == 's') p += 2;
    int q = p;
    while (q < limit && (t.at(q) == ' ' || t.at(q) == '\t')) q++;
    if (q == p) return false;
    int r = q;
    while (r < limit) {
        const int c = t.at(r);
        if (isHighSurrogate(c)) {
            if (r + 1 < limit && isAstralLetter(c, t.at(r + 1))) r += 2;
            else break;
        } else if (c >= 0 && isLetterUnit(c)) {
            r++;
        } else {
            break;
        }
    }
    return r > q && hasFolded(res.set("eponymFollowers"), res, t, q, r);
}

bool propagationBlocked(const Text& t, int start, int end, const Resources& res) {
    static const Regex dbaBefore(uR"re(\b(?:d\/b\/a|dba)[ \t]+$)re", "i");
    if (eponymFollows(t, end, res)) return true;
    return dbaBefore.test(t.slice(std::max(t.lo, start - 12), start));
}

}  // namespace fieldtune_pii
