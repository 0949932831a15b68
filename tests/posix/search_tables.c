/* lfind and lsearch (a linear search that lsearch extends), and the hash
 * tables of hcreate/hsearch/hdestroy and their reentrant forms: entries
 * found by key, ENTER of a present key keeps its data, the capacity rounded
 * up to glibc's prime (so the same number of entries fit before ENOMEM),
 * ESRCH for a missing key, EINVAL for no table. */
#include <errno.h>
#include <search.h>
#include <stdio.h>
#include <string.h>

#include "../integration/check.h"

static int compare_ints(const void* a, const void* b) { return *(const int*)a - *(const int*)b; }

static void linear_searches(void) {
    int values[6] = {5, 3, 9};
    size_t count = 3;
    int key = 9;
    CHECK(lfind(&key, values, &count, sizeof(int), compare_ints) == &values[2]);
    key = 4;
    CHECK(lfind(&key, values, &count, sizeof(int), compare_ints) == NULL);
    CHECK_EQ(count, 3);
    /* lsearch appends a missing key and finds a present one. */
    int* added = lsearch(&key, values, &count, sizeof(int), compare_ints);
    CHECK(added == &values[3]);
    CHECK_EQ(values[3], 4);
    CHECK_EQ(count, 4);
    CHECK(lsearch(&key, values, &count, sizeof(int), compare_ints) == &values[3]);
    CHECK_EQ(count, 4);
}

static void shared_table(void) {
    CHECK(hcreate(10) != 0); /* 11 slots: the next odd prime */
    static char keys[12][8];
    for (int i = 0; i < 12; ++i) snprintf(keys[i], sizeof keys[i], "key%d", i);
    for (long i = 0; i < 11; ++i) {
        ENTRY item = {keys[i], (void*)(i * 10)};
        ENTRY* entered = hsearch(item, ENTER);
        CHECK(entered != NULL);
        CHECK(entered->data == (void*)(i * 10));
    }
    /* Full: a new key is refused, a present one still found. */
    errno = 0;
    ENTRY extra = {keys[11], NULL};
    CHECK(hsearch(extra, ENTER) == NULL);
    CHECK_EQ(errno, ENOMEM);
    ENTRY again = {"key3", (void*)999};
    ENTRY* found = hsearch(again, ENTER);
    CHECK(found != NULL);
    CHECK(found->data == (void*)30);   /* the data entered first */
    CHECK(found->key == keys[3]);      /* and its key pointer */
    for (long i = 0; i < 11; ++i) {
        char copy[8];
        strcpy(copy, keys[i]);           /* compared by contents */
        ENTRY probe = {copy, NULL};
        found = hsearch(probe, FIND);
        CHECK(found != NULL);
        CHECK(found->data == (void*)(i * 10));
    }
    errno = 0;
    ENTRY missing = {"absent", NULL};
    CHECK(hsearch(missing, FIND) == NULL);
    CHECK_EQ(errno, ESRCH);
    CHECK(hcreate(5) == 0); /* a table already exists */
    hdestroy();
    CHECK(hcreate(0) != 0); /* at least 3 slots */
    ENTRY small[4] = {{"a", NULL}, {"b", NULL}, {"c", NULL}, {"d", NULL}};
    for (int i = 0; i < 3; ++i) CHECK(hsearch(small[i], ENTER) != NULL);
    errno = 0;
    CHECK(hsearch(small[3], ENTER) == NULL);
    CHECK_EQ(errno, ENOMEM);
    hdestroy();
}

static void reentrant_tables(void) {
    struct hsearch_data first, second;
    memset(&first, 0, sizeof first);
    memset(&second, 0, sizeof second);
    CHECK(hcreate_r(100, &first) != 0);
    CHECK(hcreate_r(100, &second) != 0);
    CHECK_EQ(first.size, 101);
    ENTRY* found = NULL;
    ENTRY item = {"shared", (void*)1};
    CHECK_EQ(hsearch_r(item, ENTER, &found, &first), 1);
    CHECK_EQ(first.filled, 1);
    errno = 0;
    CHECK_EQ(hsearch_r(item, FIND, &found, &second), 0); /* the tables are apart */
    CHECK_EQ(errno, ESRCH);
    CHECK_EQ(hsearch_r(item, FIND, &found, &first), 1);
    CHECK(found->data == (void*)1);
    hdestroy_r(&first);
    CHECK(first.table == NULL);
    hdestroy_r(&second);
    errno = 0;
    CHECK_EQ(hcreate_r(10, NULL), 0);
    CHECK_EQ(errno, EINVAL);
    errno = 0;
    hdestroy_r(NULL);
    CHECK_EQ(errno, EINVAL);
}

int main(void) {
    linear_searches();
    shared_table();
    reentrant_tables();
    return 0;
}
