#include "nameWords.h"

#include <algorithm>
#include <deque>
#include <unordered_map>

#include "nameContext.h"
#include "regex.h"

namespace fieldtune_pii {
namespace {

// nameWords.ts LEADING_WORDS: pronouns and greetings that are also names somewhere
const char16_t* const LEADING_WORDS[] = {u"i",      u"me",     u"my",      u"you",   u"your",  u"we",     u"our",   u"us",    u"he",
                                         u"him",    u"his",    u"she",     u"her",   u"they",  u"them",   u"their", u"it",    u"hi",
                                         u"hello",  u"hey",    u"hiya",    u"thanks", u"cheers", u"morning", u"evening", u"welcome", u"yes",
                                         u"okay",   u"please", u"sorry",   u"bye",   u"goodbye", u"howdy"};

// nameWords.ts membershipsOf's bits
constexpr uint8_t IN_FIRST = NAME_FIRST;
constexpr uint8_t IN_LAST = NAME_LAST;
constexpr uint8_t IN_CREDENTIAL_OR_TITLE = 4;
constexpr uint8_t IN_COMMON_OR_ORG = 8;
constexpr uint8_t IN_LEADING = 16;
constexpr uint8_t IN_AMBIGUOUS = 32;
constexpr uint8_t IN_EPONYMS = 64;

using Memberships = std::unordered_map<std::u16string, uint8_t>;

// nameWords.ts membershipsOf: every list a capitalized word is looked up in, as one table
const Memberships& membershipsOf(const Resources& res) {
    return res.derived<Memberships>("names:memberships", [](const Resources& r) {
        Memberships m;
        auto mark = [&m](const WordSet& words, uint8_t bit) {
            for (const std::u16string& w : words.words()) m[w] |= bit;
        };
        mark(r.set("firstNames"), IN_FIRST);
        mark(r.set("lastNames"), IN_LAST);
        mark(r.set("credentials"), IN_CREDENTIAL_OR_TITLE);
        mark(nameLists(r).titles, IN_CREDENTIAL_OR_TITLE);
        mark(r.set("commonCapitalized"), IN_COMMON_OR_ORG);
        mark(r.set("orgWords"), IN_COMMON_OR_ORG);
        for (const char16_t* w : LEADING_WORDS) m[w] |= IN_LEADING;
        mark(r.set("ambiguous"), IN_AMBIGUOUS);
        mark(r.set("eponyms"), IN_EPONYMS);
        return m;
    });
}

bool contains(const std::u16string& s, char16_t c) { return s.find(c) != std::u16string::npos; }

std::vector<std::u16string> split(const std::u16string& s, char16_t sep) {
    std::vector<std::u16string> out;
    size_t from = 0;
    for (size_t at; (at = s.find(sep, from)) != std::u16string::npos; from = at + 1) out.push_back(s.substr(from, at - from));
    out.push_back(s.substr(from));
    return out;
}

// nameWords.ts inDict, for a key with a hyphen or an apostrophe
uint8_t inDict(const Resources& res, const std::u16string& key, const std::u16string& raw) {
    static const Regex capitalFirst(u"^\\p{Lu}", "u");
    bool capitalizedParts = true;
    for (const std::u16string& p : split(raw, u'-')) {
        const bool capital = p.size() > 1 && capitalFirst.matchAt(Text{p.data(), 0, static_cast<int>(p.size())}, 0) >= 0;
        if (!capital && !particles().has(res.fold(p))) {
            capitalizedParts = false;
            break;
        }
    }
    std::vector<std::u16string> parts{key};
    if (contains(key, u'-') && capitalizedParts)
        for (std::u16string& p : split(key, u'-')) parts.push_back(std::move(p));
    const size_t n = parts.size();
    for (size_t i = 0; i < n; i++) {
        std::u16string plain;
        for (char16_t c : parts[i])
            if (c != u'\'') plain.push_back(c);
        parts.push_back(std::move(plain));
    }
    const WordSet& first = res.set("firstNames");
    const WordSet& last = res.set("lastNames");
    uint8_t out = 0;
    for (const std::u16string& p : parts) {
        if (first.has(p)) out |= NAME_FIRST;
        if (last.has(p)) out |= NAME_LAST;
    }
    return out;
}

// nameWords.ts isListedNameLike
bool isListedNameLike(const std::u16string& k, bool upper, uint8_t d, uint8_t m) {
    static const Regex contraction(u"^\\p{L}+['’](?:m|re|ve|ll|d|t)$", "iu");
    if (m & IN_CREDENTIAL_OR_TITLE) return false;
    if ((contains(k, u'\'') || contains(k, u'’')) && contraction.matchAt(Text{k.data(), 0, static_cast<int>(k.size())}, 0) >= 0)
        return false;
    if (upper && d == 0 && k.size() <= 3) return false;
    if (d == 0 && (m & IN_COMMON_OR_ORG)) return false;
    return true;
}

// nameWords.ts factsOf
uint8_t factsOf(const Resources& res, const Text& t, int s, int e, const std::u16string& key, bool upper) {
    const Memberships& all = membershipsOf(res);
    auto it = all.find(key);
    const uint8_t m = it == all.end() ? 0 : it->second;
    const uint8_t d = contains(key, u'-') || contains(key, u'\'')
                          ? inDict(res, key, std::u16string(t.units + s, t.units + e))
                          : static_cast<uint8_t>(m & (IN_FIRST | IN_LAST));
    uint8_t bits = d;
    if (isListedNameLike(key, upper, d, m)) bits |= LISTED_NAME_LIKE;
    if (m & IN_LEADING) bits |= LEADING_NOT_NAME;
    if (m & IN_AMBIGUOUS) bits |= NAME_AMBIGUOUS;
    if (m & IN_EPONYMS) bits |= NAME_EPONYM;
    return bits;
}

// nameWords.ts tables: the key and facts of each capitalized word text seen, per resources and across texts, found
// by the word's units in place (no string made for a word seen before). Entries stay put during a call (they hold the
// keys WordTokens points to); past MAX_WORDS the table starts over, only when a call begins.
class WordTable {
public:
    struct Entry {
        std::u16string raw;
        std::u16string key;
        uint8_t bits;
    };
    static constexpr size_t MAX_WORDS = 1 << 14;

    void beginCall() {
        if (entries_.size() < MAX_WORDS) return;
        entries_.clear();
        std::fill(slots_.begin(), slots_.end(), -1);
    }
    const Entry* find(const char16_t* units, int length, uint32_t hash) const {
        if (slots_.empty()) return nullptr;
        for (size_t slot = hash & (slots_.size() - 1);; slot = (slot + 1) & (slots_.size() - 1)) {
            const int id = slots_[slot];
            if (id < 0) return nullptr;
            const Entry& e = entries_[id];
            if (static_cast<int>(e.raw.size()) == length && std::equal(units, units + length, e.raw.data())) return &e;
        }
    }
    const Entry* add(const char16_t* units, int length, uint32_t hash, std::u16string key, uint8_t bits) {
        if ((entries_.size() + 1) * 2 > slots_.size()) grow();
        entries_.push_back({std::u16string(units, units + length), std::move(key), bits});
        place(static_cast<int>(entries_.size()) - 1, hash);
        return &entries_.back();
    }
    static uint32_t hashOf(const char16_t* units, int length) {
        uint32_t h = 0x811c9dc5u;
        for (int i = 0; i < length; i++) h = (h ^ units[i]) * 0x01000193u;
        return h;
    }

private:
    std::deque<Entry> entries_;  // a deque: entries stay where they are as more are added
    std::vector<int> slots_;
    void place(int id, uint32_t hash) {
        size_t slot = hash & (slots_.size() - 1);
        while (slots_[slot] >= 0) slot = (slot + 1) & (slots_.size() - 1);
        slots_[slot] = id;
    }
    void grow() {
        slots_.assign(slots_.empty() ? 1024 : slots_.size() * 2, -1);
        for (size_t id = 0; id < entries_.size(); id++) {
            const Entry& e = entries_[id];
            place(static_cast<int>(id), hashOf(e.raw.data(), static_cast<int>(e.raw.size())));
        }
    }
};

// The table of a resources: made once, then filled as texts come (one thread uses a handle at a time).
struct WordTableHolder {
    mutable WordTable table;
};

}  // namespace

const WordSet& particles() {
    static const WordSet set = [] {
        WordSet s;
        for (const char16_t* w : {u"de", u"del", u"della", u"der", u"den", u"van", u"von", u"da", u"das", u"dos", u"di", u"du",
                                  u"la", u"le", u"al", u"el", u"bin", u"ibn", u"ben", u"ter", u"ten", u"st", u"mac", u"y"})
            s.add(w);
        return s;
    }();
    return set;
}

// nameWords.ts capitalizedWordFacts
void capitalizedWordFacts(WordTokens& t, const Resources& res, std::vector<uint8_t>& out) {
    const int n = t.count();
    out.assign(n, 0);
    WordTable& table = res.derived<WordTableHolder>("names:words", [](const Resources&) { return WordTableHolder(); }).table;
    table.beginCall();
    for (int i = 0; i < n; i++) {
        if (!t.cap(i)) continue;
        const char16_t* units = t.text.units + t.start[i];
        const int length = t.end[i] - t.start[i];
        const uint32_t hash = WordTable::hashOf(units, length);
        const WordTable::Entry* e = table.find(units, length, hash);
        if (!e) {
            // the case flags and key of a word are functions of its text, so are its facts
            std::u16string key = res.fold(t.text, t.start[i], t.end[i]);
            const uint8_t bits = factsOf(res, t.text, t.start[i], t.end[i], key, t.upper(i));
            e = table.add(units, length, hash, std::move(key), bits);
        }
        t.keys[i] = &e->key;
        out[i] = e->bits;
    }
}

}  // namespace fieldtune_pii
