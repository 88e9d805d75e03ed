#include "resources.h"

#include <utility>

namespace fieldtune_pii {

Resources::Resources(std::unordered_map<std::string, std::vector<std::u16string>> lists,
                     std::function<std::u16string(const std::u16string&)> foldOther)
    : lists_(std::move(lists)), foldOther_(std::move(foldOther)) {
    for (const auto& [name, words] : lists_) {
        WordSet& set = sets_[name];
        for (const std::u16string& w : words) set.add(w);
    }
}

const std::vector<std::u16string>& Resources::list(const std::string& name) const {
    static const std::vector<std::u16string> none;
    auto it = lists_.find(name);
    return it == lists_.end() ? none : it->second;
}

const WordSet& Resources::set(const std::string& name) const {
    static const WordSet none;
    auto it = sets_.find(name);
    return it == sets_.end() ? none : it->second;
}

std::u16string Resources::fold(const std::u16string& word) const {
    bool ascii = true;
    for (char16_t c : word) ascii &= c < 128;
    if (ascii || !foldOther_) {
        std::u16string out(word);
        for (char16_t& c : out) c = static_cast<char16_t>(asciiLower(c));
        return out;
    }
    auto it = folded_.find(word);
    if (it == folded_.end()) it = folded_.emplace(word, foldOther_(word)).first;
    return it->second;
}

std::u16string Resources::fold(const Text& t, int s, int e) const {
    Text v = t.slice(s, e);
    std::u16string out(v.units + v.lo, v.units + v.hi);
    for (char16_t c : out)
        if (c >= 128) return fold(out);
    for (char16_t& c : out) c = static_cast<char16_t>(asciiLower(c));
    return out;
}

const Resources& noResources() {
    // one per thread: derived() fills it on first use, and a worker thread must not share that with the others
    thread_local const Resources none({}, {});
    return none;
}

}  // namespace fieldtune_pii
