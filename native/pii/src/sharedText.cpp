#include "sharedText.h"

#include <mutex>
#include <unordered_map>

namespace fieldtune_pii {

namespace {

struct Registry {
    std::mutex lock;
    std::unordered_map<uint32_t, std::weak_ptr<const SharedUnits>> texts;
    uint32_t last = 0;
};

// Never destroyed: a thread may drop the last reference to a text while the process exits.
Registry& registry() {
    static Registry* r = new Registry();
    return *r;
}

}  // namespace

std::pair<uint32_t, SharedUnitsRef> shareUnits(BigArray<char16_t>&& units, size_t length) {
    Registry& r = registry();
    uint32_t id;
    {
        std::lock_guard<std::mutex> hold(r.lock);
        id = ++r.last == 0 ? ++r.last : r.last;
    }
    // Made outside the lock: where it throws, its deleter runs, and that takes the lock.
    SharedUnitsRef text(new SharedUnits{std::move(units), length}, [id](const SharedUnits* s) {
        {
            std::lock_guard<std::mutex> hold(registry().lock);
            registry().texts.erase(id);
        }
        delete s;
    });
    std::lock_guard<std::mutex> hold(r.lock);
    r.texts.emplace(id, text);
    return {id, text};
}

SharedUnitsRef sharedUnits(uint32_t id) {
    Registry& r = registry();
    std::lock_guard<std::mutex> hold(r.lock);
    const auto it = r.texts.find(id);
    return it == r.texts.end() ? nullptr : it->second.lock();
}

}  // namespace fieldtune_pii
