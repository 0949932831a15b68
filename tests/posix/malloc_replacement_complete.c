/* A program that replaces all ten allocation functions glibc's manual
 * ("Replacing malloc") lists: malloc free calloc realloc aligned_alloc
 * malloc_usable_size memalign posix_memalign pvalloc valloc. It links with
 * the C library's facilities, whose allocations go through the program's
 * functions (replacement_allocator.h), and the program's own calls of the
 * other six reach its definitions. Also passes against glibc. */
#define REPLACE_ALL_TEN 1
#include <malloc.h>

#include "replacement_allocator.h"

int main(void) {
    exercise_c_library();

    unsigned long others = other_calls;
    void* aligned = aligned_alloc(256, 100);
    CHECK(aligned != NULL && is_ours(aligned) && (uintptr_t)aligned % 256 == 0);
    CHECK_EQ(malloc_usable_size(aligned), 100u);
    void* old_style = memalign(64, 10);
    CHECK(old_style != NULL && (uintptr_t)old_style % 64 == 0);
    void* posix = NULL;
    CHECK_EQ(posix_memalign(&posix, 128, 7), 0);
    CHECK(is_ours(posix) && (uintptr_t)posix % 128 == 0);
    CHECK_EQ(posix_memalign(&posix, 24, 7), EINVAL);
    void* page = valloc(10);
    CHECK(page != NULL && (uintptr_t)page % 4096 == 0);
    void* pages = pvalloc(5000);
    CHECK(pages != NULL && (uintptr_t)pages % 4096 == 0);
    CHECK_EQ(malloc_usable_size(pages), 8192u);
    CHECK(other_calls >= others + 7);
    free_ours(aligned);
    free_ours(old_style);
    free_ours(posix);
    free_ours(page);
    free_ours(pages);

    /* A string the library allocated: the program's size for it. */
    char* copy = strdup("twelve bytes");
    CHECK_EQ(malloc_usable_size(copy), 13u);
    free_ours(copy);
    return 0;
}
