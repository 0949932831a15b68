/* A program may name its own object sync (as glibc's iconv/tst-iconv-mt
 * names a barrier) and still call rename: neither ISO C nor a program that
 * never includes <unistd.h> reserves the name. In a static link the C
 * library's sync must therefore not come with rename's object file
 * (runtime/libc/sync.cpp): this test failed to link with "multiple
 * definition of `sync'" while lwp's sync shared file_names.cpp with rename.
 *
 * Hence no <unistd.h> here, nor tests/integration/check.h, which includes
 * it: failures are reported with stdio. Checked against glibc too
 * (tools/check-posix-against-glibc own_sync_symbol). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The program's own sync: a count of the steps done, read back at the end. */
long sync;

static int failures;
static long checks_made;

static void check_at(int line, int condition, const char* what) {
    ++sync;
    ++checks_made;
    if (condition) return;
    fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, line, what);
    ++failures;
}
#define CHECK(condition) check_at(__LINE__, (condition), #condition)

int main(void) {
    char directory[] = "/tmp/own_sync_symbol.XXXXXX";
    CHECK(mkdtemp(directory) != NULL);
    char before[64];
    char after[64];
    snprintf(before, sizeof before, "%s/before", directory);
    snprintf(after, sizeof after, "%s/after", directory);

    FILE* file = fopen(before, "w");
    CHECK(file != NULL);
    CHECK(fputs("kept\n", file) >= 0);
    CHECK(fclose(file) == 0);

    /* rename, from the object that once held sync as well. */
    CHECK(rename(before, after) == 0);
    errno = 0;
    CHECK(fopen(before, "r") == NULL && errno == ENOENT);
    file = fopen(after, "r");
    CHECK(file != NULL);
    char line[16] = "";
    CHECK(fgets(line, sizeof line, file) != NULL && strcmp(line, "kept\n") == 0);
    CHECK(fclose(file) == 0);

    /* Its failure: the old name is gone. */
    errno = 0;
    CHECK(rename(before, after) == -1 && errno == ENOENT);

    CHECK(remove(after) == 0);
    CHECK(remove(directory) == 0);

    /* Every check above went through the program's own sync. */
    if (sync != checks_made || checks_made != 12) {
        fprintf(stderr, "%s: the program's sync counted %ld checks of %ld\n", __FILE__, sync, checks_made);
        ++failures;
    }
    return failures == 0 ? 0 : 1;
}
