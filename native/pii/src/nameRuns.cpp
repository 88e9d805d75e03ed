#include "nameRuns.h"

#include "foldedWords.h"
#include "nameContext.h"
#include "nameWords.h"

namespace fieldtune_pii {

bool isParticle(const WordTokens& t, int i, const Resources& res) { return hasFolded(particles(), res, t.text, t.start[i], t.end[i]); }

bool wordsJoin(const WordTokens& t, int a, int b) {
    const int ae = t.end[a];
    const int as = t.start[a];
    const int gap = t.start[b] - ae;
    // one space only: names never span table columns
    if (gap == 1 && t.text.at(ae) == ' ') return true;
    return ae - as == 1 && t.text.at(ae) == '.' && (gap == 1 || (gap == 2 && t.text.at(ae + 1) == ' '));
}

void findNameRuns(const WordTokens& t, const std::vector<uint8_t>& facts, const std::vector<uint8_t>& excludedTok, const Resources& res,
                  NameRuns& out) {
    const Text& input = t.text;
    const int n = t.count();
    // asked up to three times per word: 1 = yes, 2 = no
    std::vector<uint8_t> memo(n, 0);
    auto nameLikeOf = [&](int i) {
        if (!t.cap(i) || excludedTok[i]) return false;
        const int s = t.start[i];
        const int e = t.end[i];
        // an initial before a name ("K. Andersen"); "Q." and "A." opening a line are a transcript's marks
        if (e - s == 1 && input.at(e) == '.' && input.at(e + 1) == ' ' && capitalAt(input, e + 2)) {
            const int code = input.at(s);
            const bool lineStart = s == input.lo || input.at(s - 1) == '\n';
            if (!(lineStart && (code == 'Q' || code == 'A'))) return true;
        }
        return (facts[i] & LISTED_NAME_LIKE) != 0;
    };
    auto nameLike = [&](int i) {
        if (i >= n) return false;
        if (memo[i] == 0) memo[i] = nameLikeOf(i) ? 1 : 2;
        return memo[i] == 1;
    };
    out.first.clear();
    out.last.clear();
    for (int i = 0; i < n; i++) {
        if (!nameLike(i)) continue;
        if (i + 1 < n && (facts[i] & LEADING_NOT_NAME) && wordsJoin(t, i, i + 1) && nameLike(i + 1)) continue;
        int size = 1;
        int j = i + 1;
        while (j < n && size < 6) {
            if (!wordsJoin(t, j - 1, j)) break;
            if (nameLike(j)) {
                size++;
                j++;
                continue;
            }
            int k = j;
            while (k < n && !t.cap(k) && k - j < 3 && isParticle(t, k, res)) k++;
            if (k > j && k < n && wordsJoin(t, k - 1, k) && nameLike(k)) {
                size += k - j + 1;
                j = k + 1;
                continue;
            }
            break;
        }
        out.first.push_back(i);
        out.last.push_back(j - 1);
        i = j - 1;
    }
}

}  // namespace fieldtune_pii
