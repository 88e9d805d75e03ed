// Memory for the add-on's largest buffers (the input's copy, the per-word arrays, the candidates) in 2 MB pages where
// the kernel lends them. Each 4 KB page a fresh buffer touches is a page fault, and on the virtual machines this was
// measured on a fault cost ~13 us: an 8 MB text's copy alone (16 MB, 4096 pages) was ~5% of its detection, faults in
// all ~11% (bench/pii-RESULTS.md speed round 12). Linux lends huge pages to a region marked MADV_HUGEPAGE when its
// transparent huge pages are "madvise" or "always"; elsewhere, or when the kernel says no, the buffer is an ordinary
// allocation. Smaller buffers always are: a huge page for a few KB would be waste.
#pragma once

#include <cstddef>
#include <new>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace fieldtune_pii {

// Buffers from this size on are mapped on their own, in huge pages (their size rounded up to whole huge pages).
constexpr size_t BIG_BUFFER = size_t{1} << 20;
constexpr size_t HUGE_PAGE = size_t{2} << 20;

inline size_t bigBufferBytes(size_t bytes) { return (bytes + HUGE_PAGE - 1) / HUGE_PAGE * HUGE_PAGE; }

// Throws std::bad_alloc, as operator new does.
inline void* bigBufferAllocate(size_t bytes) {
#if defined(__linux__)
    if (bytes >= BIG_BUFFER) {
        const size_t mapped = bigBufferBytes(bytes);
        // One huge page more, so a 2 MB aligned start can be cut out of the mapping; the rest is given back.
        void* raw = mmap(nullptr, mapped + HUGE_PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (raw == MAP_FAILED) throw std::bad_alloc();
        char* base = static_cast<char*>(raw);
        const size_t skip = (HUGE_PAGE - reinterpret_cast<size_t>(base) % HUGE_PAGE) % HUGE_PAGE;
        if (skip) munmap(base, skip);
        if (HUGE_PAGE - skip) munmap(base + skip + mapped, HUGE_PAGE - skip);
        madvise(base + skip, mapped, MADV_HUGEPAGE);  // a refusal leaves ordinary pages: nothing to undo
        return base + skip;
    }
#endif
    return ::operator new(bytes);
}

inline void bigBufferFree(void* p, size_t bytes) {
#if defined(__linux__)
    if (bytes >= BIG_BUFFER) {
        munmap(p, bigBufferBytes(bytes));
        return;
    }
#endif
    ::operator delete(p);
}

// A std::vector's allocator for the buffers above: std::vector<int, BigAllocator<int>>.
template <typename T>
struct BigAllocator {
    using value_type = T;
    BigAllocator() = default;
    template <typename U>
    BigAllocator(const BigAllocator<U>&) {}
    T* allocate(size_t n) {
        if (n > static_cast<size_t>(-1) / sizeof(T)) throw std::bad_alloc();
        return static_cast<T*>(bigBufferAllocate(n * sizeof(T)));
    }
    void deallocate(T* p, size_t n) { bigBufferFree(p, n * sizeof(T)); }
    template <typename U>
    bool operator==(const BigAllocator<U>&) const { return true; }
    template <typename U>
    bool operator!=(const BigAllocator<U>&) const { return false; }
};

// An uninitialised array of n units for the input's copy, freed as it was allocated.
template <typename T>
class BigArray {
public:
    BigArray() = default;
    explicit BigArray(size_t n) : data_(BigAllocator<T>().allocate(n)), n_(n) {}
    BigArray(const BigArray&) = delete;
    BigArray& operator=(const BigArray&) = delete;
    BigArray(BigArray&& o) noexcept : data_(o.data_), n_(o.n_) { o.data_ = nullptr; }
    BigArray& operator=(BigArray&& o) noexcept {
        if (this != &o) {
            release();
            data_ = o.data_;
            n_ = o.n_;
            o.data_ = nullptr;
        }
        return *this;
    }
    ~BigArray() { release(); }
    T* get() const { return data_; }

private:
    void release() {
        if (data_) BigAllocator<T>().deallocate(data_, n_);
        data_ = nullptr;
    }
    T* data_ = nullptr;
    size_t n_ = 0;
};

}  // namespace fieldtune_pii
