// The word lists of resources/pii (electron/core/pii/resources.ts PiiResources), handed over by the TypeScript side
// once per loaded set (nativeDetectors.ts), by name: "cities", "commonCapitalized", "labels:NAME", ... as the folded
// keys or forms that PiiResources holds. Families that need lists made from them (a town's first words, a label
// matcher) make them once per set with derived().
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "text.h"

namespace fieldtune_pii {

class WordSet {
public:
    void add(const std::u16string& word) {
        words_.insert(word);
        if (!word.empty() && word[0] < 128) lengthsByFirst_[word[0]] |= uint64_t{1} << (word.size() < 63 ? word.size() : 63);
    }
    bool has(const std::u16string& word) const { return words_.count(word) > 0; }
    // False when no word of the set opens with this ASCII unit and has this length: most questions end here, before
    // a string is hashed (foldedWords.h).
    bool mayHold(int firstAscii, size_t length) const {
        return lengthsByFirst_[firstAscii] >> (length < 63 ? length : 63) & 1;
    }
    bool empty() const { return words_.empty(); }
    size_t size() const { return words_.size(); }
    const std::unordered_set<std::u16string>& words() const { return words_; }

private:
    std::unordered_set<std::u16string> words_;
    uint64_t lengthsByFirst_[128] = {};
};

class Resources {
public:
    // `foldOther`: resources.ts foldKey for a word that is not all ASCII (the TypeScript function itself: Unicode
    // normalization is not reimplemented here). Empty: such words fold to themselves lower-cased in ASCII only.
    Resources(std::unordered_map<std::string, std::vector<std::u16string>> lists,
              std::function<std::u16string(const std::u16string&)> foldOther);

    // The list or set of that name; an empty one when it was not handed over.
    const std::vector<std::u16string>& list(const std::string& name) const;
    const WordSet& set(const std::string& name) const;

    // foldKey(input.slice(s, e)): ASCII lower-cased here, anything else by foldOther (remembered per word).
    std::u16string fold(const Text& t, int s, int e) const;
    std::u16string fold(const std::u16string& word) const;

    // What a family makes from these lists once: made by `make` on the first call for `key`, kept with them.
    template <typename T, typename Make>
    const T& derived(const std::string& key, Make make) const {
        auto it = derived_.find(key);
        if (it == derived_.end()) it = derived_.emplace(key, std::make_shared<T>(make(*this))).first;
        return *static_cast<const T*>(it->second.get());
    }

private:
    std::unordered_map<std::string, std::vector<std::u16string>> lists_;
    std::unordered_map<std::string, WordSet> sets_;
    std::function<std::u16string(const std::u16string&)> foldOther_;
    mutable std::unordered_map<std::u16string, std::u16string> folded_;
    mutable std::unordered_map<std::string, std::shared_ptr<void>> derived_;
};

// A set with nothing handed over: the families that read no lists run with it.
const Resources& noResources();

}  // namespace fieldtune_pii
