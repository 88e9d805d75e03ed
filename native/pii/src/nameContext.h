// nameContext.ts: what stands around a run of capitalized words for the name detector (names.cpp): the title before
// it, the name label before it, the word before its blanks, and the lists those look-backs read, made once per
// resources. Backward walks by code unit, as the twin's.
#pragma once

#include <memory>
#include <string>

#include "regex.h"
#include "resources.h"
#include "text.h"

namespace fieldtune_pii {

// nameContext.ts NameLists
struct NameLists {
    WordSet titles;          // folded titles ("dr", "judge")
    WordSet labels;          // folded name labels, words joined by one space
    WordSet labelLastWords;  // the last word of every label
    std::unique_ptr<Regex> credential;
    // 1 at each ASCII code a credential form can open with; all 1 when some form opens with anything else
    bool credentialFirst[128] = {};
    bool credentialAny = false;
    // the second unit a form can have after each first one (blanks where the form has a space; any unit where the
    // form has one unit; any past ASCII where its second is), so that most runs skip the credential regex
    bool credentialSecond[128][128] = {};
    bool credentialAnySecond[128] = {};
    bool credentialWideSecond[128] = {};
};
const NameLists& nameLists(const Resources& res);

// nameContext.ts titleBefore
bool titleBefore(const Text& t, int start, const NameLists& c, const Resources& res);

// nameContext.ts labelBefore: whether there is one; its folded text and punctuation in `label` and `punct`
bool labelBefore(const Text& t, int start, const NameLists& c, const Resources& res, std::u16string& label, bool& punct);

// nameContext.ts wordBeforeBlanksStart: the word's start, or -1; its range in [from, to)
int wordBeforeBlanksStart(const Text& t, int at, int floor, int& from, int& to);

// nameContext.ts skipBlanksBack
inline int skipBlanksBack(const Text& t, int at, int floor) {
    while (at > floor && (t.at(at - 1) == ' ' || t.at(at - 1) == '\t')) at--;
    return at;
}

// nameContext.ts possessiveBlankBetween
inline bool possessiveBlankBetween(const Text& t, int from, int to) {
    if (to - from != 3) return false;
    const int a = t.at(from);
    const int b = t.at(from + 2);
    return (a == '\'' || a == 0x2019) && t.at(from + 1) == 's' && (b == ' ' || b == '\t');
}

// nameContext.ts afterCommaBlanks: -1 for NaN
inline int afterCommaBlanks(const Text& t, int at, int limit) {
    int p = at;
    if (t.at(p) == ',') p++;
    while (t.at(p) == ' ' || t.at(p) == '\t') p++;
    return p < limit ? t.at(p) : -1;
}

// nameContext.ts ROLE_AFTER, roleMayOpen, credentialMayOpen, capitalAt
const Regex& roleAfter();
// Whether the credential regex or ROLE_AFTER can match after the run ending at `end`: the first two units of one of
// their words after the comma and blanks (a superset of where they match; they decide)
bool credentialMayMatch(const Text& t, int end, const NameLists& c);
bool roleMayMatch(const Text& t, int end);
bool roleMayOpen(int code);
inline bool credentialMayOpen(int code, const NameLists& c) {
    return c.credentialAny || code >= 128 || (code >= 0 && c.credentialFirst[code]);
}
bool capitalAt(const Text& t, int at);

}  // namespace fieldtune_pii
