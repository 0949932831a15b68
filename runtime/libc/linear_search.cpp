// lfind and lsearch (<search.h>): a linear search of an unsorted array with
// the caller's comparison (0 means equal). lsearch appends the key when it
// is not there, so the caller's array must have room for one more element.
#include <search.h>
#include <string.h>

extern "C" {

void* lfind(const void* key, const void* base, size_t* count, size_t size, __compar_fn_t compare) {
    const auto* element = static_cast<const char*>(base);
    for (size_t i = 0; i < *count; ++i, element += size)
        if (compare(key, element) == 0) return const_cast<char*>(element);
    return nullptr;
}

void* lsearch(const void* key, void* base, size_t* count, size_t size, __compar_fn_t compare) {
    void* found = lfind(key, base, count, size, compare);
    if (found != nullptr) return found;
    void* end = static_cast<char*>(base) + *count * size;
    memcpy(end, key, size);
    ++*count;
    return end;
}

}  // extern "C"
