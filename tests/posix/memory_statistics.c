/* mallinfo2 and mallinfo follow what the program allocates: small blocks
 * raise the bytes in use and free ones lower them; a large block is counted
 * among the separately mapped ones; bytes in use and free bytes add up to
 * the small-block memory. malloc_trim answers whether it gave
 * memory back (lwp never can: 0). */
#include <malloc.h>
#include <stdlib.h>

#include "../integration/check.h"

#pragma GCC diagnostic ignored "-Wdeprecated-declarations" /* mallinfo, still called */

int main(void) {
    struct mallinfo2 before = mallinfo2();
    enum { count = 1000, size = 200 };
    static void* blocks[count];
    for (int i = 0; i < count; ++i) CHECK((blocks[i] = malloc(size)) != NULL);
    struct mallinfo2 full = mallinfo2();
    CHECK(full.uordblks >= before.uordblks + count * size);
    CHECK(full.arena >= full.uordblks);
    CHECK(full.arena >= before.arena);
    for (int i = 0; i < count; ++i) free(blocks[i]);
    struct mallinfo2 emptied = mallinfo2();
    CHECK(emptied.uordblks + count * size <= full.uordblks);
    CHECK_EQ(emptied.uordblks + emptied.fordblks, emptied.arena);

    void* large = malloc(4 << 20);
    CHECK(large != NULL);
    struct mallinfo2 with_large = mallinfo2();
    CHECK_EQ(with_large.hblks, emptied.hblks + 1);
    CHECK(with_large.hblkhd >= emptied.hblkhd + (4 << 20));
    struct mallinfo narrow = mallinfo();
    CHECK_EQ((size_t)narrow.hblks, with_large.hblks);
    CHECK_EQ((size_t)narrow.hblkhd, with_large.hblkhd);
    free(large);
    CHECK_EQ(mallinfo2().hblks, emptied.hblks);

    int trimmed = malloc_trim(0);
#ifdef CHECKING_AGAINST_GLIBC
    CHECK(trimmed == 0 || trimmed == 1);
#else
    CHECK_EQ(trimmed, 0);
#endif
    return 0;
}
