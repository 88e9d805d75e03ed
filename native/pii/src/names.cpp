#include "names.h"

#include <algorithm>
#include <unordered_set>

#include "foldedWords.h"
#include "nameCitations.h"
#include "nameContext.h"
#include "namePropagation.h"
#include "nameRuns.h"
#include "nameWords.h"
#include "regex.h"
#include "wordTokens.h"

namespace fieldtune_pii {
namespace {

struct Regexes {
    // names.ts AGE_AFTER
    Regex ageAfter{uR"re(^[ \t]+\((?:age[ \t]+)?\d{1,2}\))re", ""};
    // names.ts STRONG_LABELS
    Regex strongLabels{
        uR"re((?:patient|client|plaintiffs?|defendants?|petitioner|respondent|appellant|appellee|claimant|debtor|witness|deponent|decedent|testator|guardian|tenant|landlord|employee|name|mother|father|wife|husband|son|daughter|spouse|sister|brother|attending|sincerely|regards|submitted|signed|signature|dear|judge|honorable|hon|insured|beneficiary|applicant|student|parent|next of kin|emergency contact)$)re",
        "i"};
    // names.ts COMPANY_SUFFIX
    Regex companySuffix{
        uR"re((?:^|[ \t])(?:S\.L|S\.A|S\.A\.S|B\.V|N\.V|S\.r\.l|Srl|S\.p\.A|SpA|GmbH|AG|KG|SARL|SAS|Ltd|Pty|OÜ|UAB|d\.o\.o|Oy|ApS|A\/S|LLC|Inc|PLC|plc)\.?(?![\p{L}]))re",
        "u"};
    // names.ts DBA_BEFORE, VERSUS_BEFORE
    Regex dbaBefore{uR"re(\b(?:d\/b\/a|dba|doing business as)[ \t]+$)re", "i"};
    Regex versusBefore{uR"re([ \t]v\.[ \t]*$)re", ""};
    // the tests names.ts writes inline
    Regex stateZip{uR"re(^,[ \t]*[A-Z]{2}[ \t]+\d{5})re", ""};
    Regex captionRole{uR"re(^,[^\n\r]{0,40}?\b(?:Plaintiffs?|Defendants?|Petitioners?|Respondents?|Appellants?|Appellees?)\b)re", "i"};
    Regex children{uR"re(child|son|daughter|kids|grand)re", "i"};
    Regex versusAfter{uR"re(^[ \t]+v\.[ \t])re", ""};
    Regex ampersandAfter{uR"re(^[ \t]*&)re", ""};
    Regex possessiveAfter{uR"re(^['’]s?(?![\p{L}]))re", "u"};
};
const Regexes& rx() {
    static const Regexes r;
    return r;
}

// names.ts PERSON_TITLES
const WordSet& personTitles() {
    static const WordSet set = [] {
        WordSet s;
        for (const char16_t* w : {u"mr", u"mrs", u"ms", u"miss", u"mx", u"dr"}) s.add(w);
        return s;
    }();
    return set;
}

// names.ts personTitleBefore
bool personTitleBefore(const Text& t, int at, int floor, const Resources& res) {
    int from = 0;
    int to = 0;
    return wordBeforeBlanksStart(t, at, floor, from, to) >= 0 && hasFolded(personTitles(), res, t, from, to);
}

// A regex tested anywhere on input.slice(from, to).
bool testOn(const Regex& re, const Text& t, int from, int to) { return re.test(t.slice(from, to)); }

// The unit after the blanks from `at`: what a regex that opens with [ \t]* or [ \t]+ meets next.
int afterBlanks(const Text& t, int at) {
    while (t.at(at) == ' ' || t.at(at) == '\t') at++;
    return t.at(at);
}

// COMPANY_SUFFIX.test(input.slice(from, to)), tried only where a match can open: at the slice's start or at a blank,
// before a letter one of its suffixes opens with.
bool companySuffixIn(const Text& input, int from, int to) {
    // the first two units of each suffix (case-sensitive: the regex has no i flag)
    static const char16_t* const OPENINGS[] = {u"S.", u"Sr", u"Sp", u"SA", u"B.", u"N.", u"Gm", u"AG", u"Ap", u"A/", u"KG",
                                               u"Lt", u"LL", u"Pt", u"PL", u"pl", u"OÜ", u"Oy", u"UA", u"d.", u"In"};
    // their first units, so most positions are turned away by one lookup (every name run asks, at every blank)
    static const struct First {
        bool at[128] = {};
        First() {
            for (const char16_t* opening : OPENINGS) at[opening[0]] = true;
        }
    } FIRST;
    const Text s = input.slice(from, to);
    auto opens = [&s](int p) {
        const int first = s.at(p);
        if (first < 0 || first >= 128 || !FIRST.at[first]) return false;
        for (const char16_t* opening : OPENINGS)
            if (s.at(p) == opening[0] && s.at(p + 1) == opening[1]) return true;
        return false;
    };
    for (int p = s.lo; p < s.hi; p++) {
        const int c = s.at(p);
        const bool blank = c == ' ' || c == '\t';
        if (!(p == s.lo && opens(p)) && !(blank && opens(p + 1))) continue;
        if (rx().companySuffix.matchAt(s, p) >= 0) return true;
    }
    return false;
}

// Whether STRONG_LABELS can match the label: it ends with one of its words (the flag i without u folds ASCII letters
// only). Exact, so the regex, which decides, runs only on a label that matches.
bool mayBeStrongLabel(const std::u16string& label) {
    static const char* const WORDS[] = {
        "patient",  "client",   "plaintiff", "plaintiffs", "defendant", "defendants", "petitioner", "respondent", "appellant",
        "appellee", "claimant", "debtor",    "witness",    "deponent",  "decedent",   "testator",   "guardian",   "tenant",
        "landlord", "employee", "name",      "mother",     "father",    "wife",       "husband",    "son",        "daughter",
        "spouse",   "sister",   "brother",   "attending",  "sincerely", "regards",    "submitted",  "signed",     "signature",
        "dear",     "judge",    "honorable", "hon",        "insured",   "beneficiary", "applicant", "student",    "parent",
        "next of kin", "emergency contact"};
    for (const char* word : WORDS) {
        const size_t n = std::char_traits<char>::length(word);
        if (n > label.size()) continue;
        bool same = true;
        for (size_t k = 0; k < n && same; k++) {
            const int c = label[label.size() - n + k];
            same = c < 128 && asciiLower(c) == word[k];
        }
        if (same) return true;
    }
    return false;
}

}  // namespace

// names.ts detectNames
void detectNames(const Text& input, const Resources& res, Spans& out, const NameOptions& options) {
    const Regexes& r = rx();
    const NameLists& c = nameLists(res);
    const WordSet& orgWords = res.set("orgWords");
    WordTokens t;
    tokenizeWords(input, t);
    const int n = t.count();
    auto startOf = [&t](int i) { return t.start[i]; };
    auto endOf = [&t](int i) { return t.end[i]; };
    auto key = [&t, &res](int i) -> const std::u16string& { return wordKey(t, i, res); };

    // reported citations: the words inside one are no names
    std::vector<uint8_t> excludedTok;
    citationWords(t, excludedTok);
    std::vector<uint8_t> facts;
    capitalizedWordFacts(t, res, facts);
    NameRuns runs;
    findNameRuns(t, facts, excludedTok, res, runs);

    // the 40 units after a run, for the regexes anchored there
    auto afterTest = [&input](const Regex& re, int at) { return re.matchAt(input.slice(at, at + 40), at) >= 0; };
    std::vector<uint8_t> coveredTok(n, 0);
    std::vector<int> coveredRanges;
    const int runCount = static_cast<int>(runs.first.size());
    std::u16string label;
    for (int ri = 0; ri < runCount; ri++) {
        const int head = runs.first[ri];
        const int l = runs.last[ri];
        // lower-case particles right before the run belong to it when a title precedes them ("Dr. van der Berg")
        int k = head;
        while (k > 0 && !t.cap(k - 1) && startOf(k) - endOf(k - 1) == 1 && input.at(endOf(k - 1)) == ' ' && isParticle(t, k - 1, res)) k--;
        const int f = k < head && titleBefore(input, startOf(k), c, res) ? k : head;
        const int size = l - f + 1;
        const int firstStart = startOf(f);
        const int lastEnd = endOf(l);
        const int floor = std::max(input.lo, firstStart - 60);
        const bool titled = titleBefore(input, firstStart, c, res);
        const int beforeBlanks = skipBlanksBack(input, firstStart, floor);
        bool punct = false;
        const bool labelled = labelBefore(input, firstStart, c, res, label, punct);
        // most runs are followed by a character no credential or role opens with, and skip their regexes
        const int opener = afterCommaBlanks(input, lastEnd, lastEnd + 40);
        const bool credentialMay = credentialMayOpen(opener, c);
        // ", PA 18503" is a state and a ZIP, not a physician assistant
        const bool credentialed = credentialMay && credentialMayMatch(input, lastEnd, c) && afterTest(*c.credential, lastEnd) && !afterTest(r.stateZip, lastEnd);
        const bool captionRole = t.upper(f) && input.at(lastEnd) == ',' && afterTest(r.captionRole, lastEnd);
        const bool endsVersus = beforeBlanks > floor && input.at(beforeBlanks - 1) == '.' && input.at(beforeBlanks - 2) == 'v';
        const bool blankAfter = input.at(lastEnd) == ' ' || input.at(lastEnd) == '\t';
        // what AGE_AFTER and " v. " open with after the blanks: most runs have neither, and skip those regexes
        const int nextAfterBlanks = blankAfter ? afterBlanks(input, lastEnd) : -1;
        const bool role = captionRole || (roleMayOpen(opener) && roleMayMatch(input, lastEnd) && afterTest(roleAfter(), lastEnd)) ||
                          (size == 1 && nextAfterBlanks == '(' && afterTest(r.ageAfter, lastEnd) && !t.upper(f) &&
                           ((facts[f] & NAME_FIRST) != 0 || testOn(r.children, input, floor, firstStart))) ||
                          (endsVersus && testOn(r.versusBefore, input, floor, firstStart)) || (nextAfterBlanks == 'v' && afterTest(r.versusAfter, lastEnd));

        int capWords = 0;
        int known = 0;
        bool firstHit = false;
        bool lastHit = false;
        bool allUpper = true;
        for (int i = f; i <= l; i++) {
            if (t.cap(i)) capWords++;
            if (!t.upper(i)) allUpper = false;
            const uint8_t fi = facts[i];
            if ((fi & (NAME_FIRST | NAME_LAST)) == 0) continue;
            known++;
            if (fi & NAME_AMBIGUOUS) continue;
            if (fi & NAME_FIRST) firstHit = true;
            if (fi & NAME_LAST) lastHit = true;
        }
        const bool strongLabel = labelled && (punct || (mayBeStrongLabel(label) && r.strongLabels.test(Text{label.data(), 0, static_cast<int>(label.size())})));
        int confidence = 0;
        // "JUDGE PRESIDING": a title before upper-case words that no dictionary knows is a heading, not a name
        const bool shouting = allUpper && known == 0 && !personTitleBefore(input, firstStart, floor, res);
        if ((titled || credentialed) && !shouting) confidence = 900;
        else if (shouting && !role) confidence = 0;
        else if (strongLabel || role) confidence = known > 0 || capWords >= 2 ? 850 : 600;
        else if (labelled && known > 0) confidence = 750;
        else if (capWords >= 2 && (firstHit || lastHit) && known >= 1) confidence = known >= 2 ? 800 : 650;
        else if (capWords == 1 && (firstHit || lastHit) && !t.upper(f)) confidence = 500;
        if (confidence == 0) continue;

        const int nx = l + 1;
        // "Johns Hopkins Hospital", "St. Vincent's University Hospital": an organization
        if (nx < n && (wordsJoin(t, l, nx) || possessiveBlankBetween(input, lastEnd, startOf(nx))) && orgWords.has(key(nx))) continue;
        // "Talleres Ruiz S.L.": a company name
        if (companySuffixIn(input, firstStart, lastEnd + 12)) continue;
        const int pv = f - 1;
        if (pv >= 0 && wordsJoin(t, pv, f) && orgWords.has(key(pv)) && !titled) continue;
        if (afterBlanks(input, lastEnd) == '&' && afterTest(r.ampersandAfter, lastEnd)) continue;
        // a trade name after "d/b/a" is a business
        const int endsWith = input.at(beforeBlanks - 1);
        const bool endsAs = beforeBlanks < firstStart && beforeBlanks > floor &&
                            (endsWith == 'a' || endsWith == 'A' || endsWith == 's' || endsWith == 'S');
        if (endsAs && testOn(r.dbaBefore, input, floor, firstStart)) continue;
        // eponyms: "Parkinson's disease", "Crohn's", "Bell palsy"
        if (!titled && eponymFollows(input, lastEnd, res)) continue;
        if (!titled && !labelled && (facts[l] & NAME_EPONYM) && r.possessiveAfter.matchAt(input.slice(lastEnd, lastEnd + 3), lastEnd) >= 0) continue;
        if (!titled && !labelled && size == 1 && (facts[f] & NAME_EPONYM)) continue;
        // a known multi-word city is a place ("São Paulo", "San Jose")
        if (!titled && capWords >= 2 && hasFolded(res.set("cities"), res, input, firstStart, lastEnd)) continue;
        // "Núñez, José" / "OKONKWO, CHIDI" after a label: family name, comma, given name(s) form one span
        int spanEnd = lastEnd;
        if (ri + 1 < runCount) {
            const int nf = runs.first[ri + 1];
            if (size == 1 && (strongLabel || t.upper(f)) && startOf(nf) - lastEnd == 2 && input.at(lastEnd) == ',' && input.at(lastEnd + 1) == ' ' &&
                (facts[nf] & NAME_FIRST) != 0) {
                const int nl = runs.last[ri + 1];
                spanEnd = endOf(nl);
                for (int i = nf; i <= nl; i++) coveredTok[i] = 1;
                coveredRanges.push_back(nf);
                coveredRanges.push_back(nl);
                ri++;
            }
        }
        // a lone dictionary word is found but does not spread to other mentions
        for (int i = f; i <= l; i++) coveredTok[i] = confidence > 500 ? 1 : 2;
        coveredRanges.push_back(f);
        coveredRanges.push_back(l);
        const bool context = titled || labelled || credentialed || role;
        out.push_back({firstStart, spanEnd, SpanType::NAME, confidence, context ? SpanSource::context : SpanSource::dictionary});
    }

    // other mentions of a found name part ("Mr. Núñez" found, then "Núñez declined")
    std::unordered_set<std::u16string> own;
    const WordSet& ambiguous = res.set("ambiguous");
    for (size_t ci = 0; ci < coveredRanges.size(); ci += 2)
        for (int i = coveredRanges[ci]; i <= coveredRanges[ci + 1]; i++) {
            if (coveredTok[i] != 1) continue;
            const std::u16string& k = key(i);
            if (k.size() > 1 && !particles().has(k) && !ambiguous.has(k)) own.insert(k);
        }
    if (options.unclaimed) {
        std::unordered_set<std::u16string> seen;
        for (int i = 0; i < n; i++)
            if (t.cap(i) && !coveredTok[i] && !excludedTok[i] && !own.count(key(i)) && seen.insert(key(i)).second) options.unclaimed->push_back(key(i));
    }
    const bool seeded = options.seeds && !options.seeds->empty();
    if (own.empty() && !seeded) return;
    for (int i = 0; i < n; i++) {
        if (!t.cap(i) || coveredTok[i] || excludedTok[i]) continue;
        const std::u16string& k = key(i);
        if (!own.count(k) && !(seeded && options.seeds->has(k))) continue;
        if (propagationBlocked(input, startOf(i), endOf(i), res)) continue;
        out.push_back({startOf(i), endOf(i), SpanType::NAME, 500, SpanSource::propagation});
    }
}

}  // namespace fieldtune_pii
