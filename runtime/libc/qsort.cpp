// qsort and qsort_r: heapsort. O(n log n) in the worst case with O(1) extra
// memory and no recursion, so no input can exhaust a small thread stack; the
// price is a slower average than a tuned introsort, and, as C allows, no
// stability.
#include <stdlib.h>

#include <cstddef>

namespace {

using compare_with_context = int (*)(const void*, const void*, void*);

struct sorter {
    char* base;
    std::size_t size;
    compare_with_context compare;
    void* context;

    char* at(std::size_t index) const { return base + index * size; }

    void swap(std::size_t i, std::size_t j) const {
        char* a = at(i);
        char* b = at(j);
        for (std::size_t k = 0; k < size; ++k) {
            char t = a[k];
            a[k] = b[k];
            b[k] = t;
        }
    }

    // Moves element `root` down until the max-heap property holds in [0, count).
    void sift_down(std::size_t root, std::size_t count) const {
        for (;;) {
            std::size_t child = 2 * root + 1;
            if (child >= count) return;
            if (child + 1 < count && compare(at(child), at(child + 1), context) < 0) ++child;
            if (compare(at(root), at(child), context) >= 0) return;
            swap(root, child);
            root = child;
        }
    }

    void sort(std::size_t count) const {
        for (std::size_t i = count / 2; i-- > 0;) sift_down(i, count);
        for (std::size_t end = count; end-- > 1;) {
            swap(0, end);
            sift_down(0, end);
        }
    }
};

// Adapts a plain comparator; it travels as the context argument.
int call_plain(const void* a, const void* b, void* plain) {
    return reinterpret_cast<__compar_fn_t>(plain)(a, b);
}

}  // namespace

extern "C" {

void qsort_r(void* base, size_t count, size_t size, compare_with_context compare, void* context) {
    if (count < 2 || size == 0) return;
    sorter{static_cast<char*>(base), size, compare, context}.sort(count);
}

void qsort(void* base, size_t count, size_t size, __compar_fn_t compare) {
    qsort_r(base, count, size, call_plain, reinterpret_cast<void*>(compare));
}

}  // extern "C"
