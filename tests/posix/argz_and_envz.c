/* argz and envz (<argz.h>, <envz.h>): glibc's results, its quirks included
 * (empty entries from argz_create_sep, argz_replace counting entries, the
 * block freed when argz_delete empties it, null envz entries), and EINVAL
 * from argz_insert outside the vector. Passes against glibc too. */
#include <argz.h>
#include <envz.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../integration/check.h"

/* The block as text, NULs shown as '|'. */
static const char* shown(const char* argz, size_t len) {
    static char text[256];
    for (size_t i = 0; i < len; ++i) text[i] = argz[i] != '\0' ? argz[i] : '|';
    text[len] = '\0';
    return text;
}

static void creating(void) {
    char* argz = (char*)1;
    size_t len = 99;
    char* empty[] = {NULL};
    CHECK_EQ(argz_create(empty, &argz, &len), 0);
    CHECK(argz == NULL);
    CHECK_EQ(len, 0u);
    char* words[] = {"one", "", "three", NULL};
    CHECK_EQ(argz_create(words, &argz, &len), 0);
    CHECK_EQ(strcmp(shown(argz, len), "one||three|"), 0);
    CHECK_EQ(argz_count(argz, len), 3u);
    char* vector[4];
    argz_extract(argz, len, vector);
    CHECK(vector[0] == argz && vector[1] == argz + 4 && vector[2] == argz + 5 && vector[3] == NULL);
    argz_stringify(argz, len, ' ');
    CHECK_EQ(strcmp(argz, "one  three"), 0);
    free(argz);

    /* A separator that would start an empty entry is dropped, but the end
     * of the text always ends one: "a," is "a" and "". */
    struct { const char* text; const char* block; } cases[] = {
        {"a,b", "a|b|"}, {",,a,,b,,", "a|b||"}, {",", "|"}, {"a,", "a||"}, {"abc", "abc|"},
    };
    for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
        CHECK_EQ(argz_create_sep(cases[i].text, ',', &argz, &len), 0);
        CHECK_EQ(strcmp(shown(argz, len), cases[i].block), 0);
        free(argz);
    }
    CHECK_EQ(argz_create_sep("", ',', &argz, &len), 0);
    CHECK(argz == NULL);
    CHECK_EQ(len, 0u);
}

static void changing(void) {
    char* argz = NULL;
    size_t len = 0;
    CHECK(argz_next(argz, len, NULL) == NULL);
    CHECK_EQ(argz_add(&argz, &len, "x"), 0);
    CHECK_EQ(argz_add_sep(&argz, &len, ":y::z:", ':'), 0);
    CHECK_EQ(strcmp(shown(argz, len), "x|y|z||"), 0);
    CHECK_EQ(argz_append(&argz, &len, "p\0q", 4), 0);
    CHECK_EQ(argz_count(argz, len), 6u);
    /* Inserting before the middle of "z" inserts before "z". */
    CHECK_EQ(argz_insert(&argz, &len, argz + 4, "new"), 0);
    CHECK_EQ(strcmp(shown(argz, len), "x|y|new|z||p|q|"), 0);
    CHECK_EQ(argz_insert(&argz, &len, argz + len, "no"), EINVAL);
    CHECK_EQ(argz_insert(&argz, &len, NULL, "end"), 0);
    CHECK_EQ(strcmp(shown(argz, len), "x|y|new|z||p|q|end|"), 0);

    /* Counted once per entry changed, however often it matched. */
    char* words[] = {"aXbXc", "d", "XX", NULL};
    char* replaced;
    size_t replaced_len;
    CHECK_EQ(argz_create(words, &replaced, &replaced_len), 0);
    unsigned count = 0;
    CHECK_EQ(argz_replace(&replaced, &replaced_len, "X", "--", &count), 0);
    CHECK_EQ(count, 2u);
    CHECK_EQ(strcmp(shown(replaced, replaced_len), "a--b--c|d|----|"), 0);
    char* before = replaced;
    CHECK_EQ(argz_replace(&replaced, &replaced_len, "none", "x", &count), 0);
    CHECK(replaced == before);
    CHECK_EQ(count, 2u);
    free(replaced);

    /* Deleting every entry frees the block. */
    while (argz != NULL) argz_delete(&argz, &len, argz_next(argz, len, NULL));
    CHECK_EQ(len, 0u);
    argz_delete(&argz, &len, NULL);
}

static void environments(void) {
    char* envz = NULL;
    size_t len = 0;
    CHECK_EQ(envz_add(&envz, &len, "HOME", "/root"), 0);
    CHECK_EQ(envz_add(&envz, &len, "NULL", NULL), 0);
    CHECK_EQ(envz_add(&envz, &len, "PATH", "/bin"), 0);
    CHECK_EQ(envz_add(&envz, &len, "HOME", "/home"), 0);
    CHECK_EQ(strcmp(shown(envz, len), "NULL|PATH=/bin|HOME=/home|"), 0);
    CHECK(envz_entry(envz, len, "PATH=ignored") == envz + 5);
    CHECK_EQ(strcmp(envz_get(envz, len, "HOME"), "/home"), 0);
    CHECK(envz_entry(envz, len, "NULL") == envz);
    CHECK(envz_get(envz, len, "NULL") == NULL);
    CHECK(envz_get(envz, len, "PAT") == NULL);

    char* other = NULL;
    size_t other_len = 0;
    CHECK_EQ(envz_add(&other, &other_len, "PATH", "/sbin"), 0);
    CHECK_EQ(envz_add(&other, &other_len, "TERM", "dumb"), 0);
    CHECK_EQ(envz_merge(&envz, &len, other, other_len, 0), 0);
    CHECK_EQ(strcmp(shown(envz, len), "NULL|PATH=/bin|HOME=/home|TERM=dumb|"), 0);
    CHECK_EQ(envz_merge(&envz, &len, other, other_len, 1), 0);
    CHECK_EQ(strcmp(shown(envz, len), "NULL|HOME=/home|PATH=/sbin|TERM=dumb|"), 0);
    free(other);

    envz_strip(&envz, &len);
    CHECK_EQ(strcmp(shown(envz, len), "HOME=/home|PATH=/sbin|TERM=dumb|"), 0);
    envz_remove(&envz, &len, "PATH");
    envz_remove(&envz, &len, "absent");
    CHECK_EQ(strcmp(shown(envz, len), "HOME=/home|TERM=dumb|"), 0);
    free(envz);
}

int main(void) {
    creating();
    changing();
    environments();
    return 0;
}
