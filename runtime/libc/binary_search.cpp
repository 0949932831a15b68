// bsearch: finding a key in a sorted array.
#include <stdlib.h>

extern "C" {

// Halves [low, high) until the middle element compares equal; any equal
// element may be returned when several are, as C allows.
void* bsearch(const void* key, const void* base, size_t count, size_t size,
              int (*compare)(const void*, const void*)) {
    auto* elements = static_cast<const char*>(base);
    size_t low = 0;
    size_t high = count;
    while (low < high) {
        size_t middle = low + (high - low) / 2;
        const char* element = elements + middle * size;
        int order = compare(key, element);
        if (order == 0) return const_cast<char*>(element);
        if (order < 0) high = middle;
        else low = middle + 1;
    }
    return nullptr;
}

}  // extern "C"
