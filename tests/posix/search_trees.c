/* <search.h>'s trees: tsearch, tfind, tdelete, twalk, twalk_r, tdestroy.
 * Keys inserted in order (the case an unbalanced tree degrades on) must
 * leave a shallow tree; walks must see each node in the documented order;
 * deletes and destroys must account for every key. Also passes against
 * glibc. */
#include <search.h>
#include <stdlib.h>

#include "../integration/check.h"

enum { key_count = 10000 };
static int keys[key_count];

static int compare(const void* left, const void* right) {
    int a = *(const int*)left, b = *(const int*)right;
    return (a > b) - (a < b);
}

static int deepest, visits[4], in_order_count, in_order_last, in_order_sorted;

static void note(const void* node, VISIT kind, int depth) {
    if (depth > deepest) deepest = depth;
    visits[kind]++;
    if (kind == postorder || kind == leaf) { /* in-order position */
        int key = **(int* const*)node;
        if (in_order_count > 0 && key <= in_order_last) in_order_sorted = 0;
        in_order_last = key;
        in_order_count++;
    }
}

static void count_with_closure(const void* node, VISIT kind, void* closure) {
    (void)node;
    if (kind == postorder || kind == leaf) ++*(int*)closure;
}

static int freed;
static void free_key(void* key) {
    CHECK(*(int*)key >= 0);
    *(int*)key = -1; /* each key freed once: a second time would fail above */
    freed++;
}

int main(void) {
    void* root = NULL;
    CHECK(tsearch(&keys[0], NULL, compare) == NULL);
    CHECK(tfind(&keys[0], NULL, compare) == NULL);
    CHECK(tfind(&keys[0], &root, compare) == NULL);

    for (int i = 0; i < key_count; ++i) {
        keys[i] = i;
        void* node = tsearch(&keys[i], &root, compare);
        CHECK(node != NULL);
        CHECK(*(int**)node == &keys[i]); /* the node's first member: the key */
    }
    int duplicate = 5;
    void* existing = tsearch(&duplicate, &root, compare);
    CHECK(*(int**)existing == &keys[5]); /* found, not added */
    for (int i = 0; i < key_count; i += 97) {
        void* node = tfind(&keys[i], &root, compare);
        CHECK(node != NULL && **(int**)node == i);
    }
    int absent = -5;
    CHECK(tfind(&absent, &root, compare) == NULL);

    in_order_sorted = 1;
    twalk(root, note);
    CHECK_EQ(in_order_count, key_count);
    CHECK(in_order_sorted);
    CHECK_EQ(visits[preorder], visits[postorder]);
    CHECK_EQ(visits[postorder], visits[endorder]);
    CHECK_EQ(visits[postorder] + visits[leaf], key_count);
    /* Balanced: a red-black tree of 10,000 nodes is at most 2 log2(10001)
       deep, an AVL one less; a degenerate one would be 9,999. */
    CHECK(deepest <= 27);

    int counted = 0;
    twalk_r(root, count_with_closure, &counted);
    CHECK_EQ(counted, key_count);

    /* Delete the even keys. */
    for (int i = 0; i < key_count; i += 2) {
        int probe = i;
        CHECK(tdelete(&probe, &root, compare) != NULL);
        CHECK(tfind(&probe, &root, compare) == NULL);
    }
    int even = 2;
    CHECK(tdelete(&even, &root, compare) == NULL); /* already gone */
    CHECK(tdelete(&even, NULL, compare) == NULL);
    for (int i = 1; i < key_count; i += 2) CHECK(tfind(&keys[i], &root, compare) != NULL);
    deepest = in_order_count = 0;
    in_order_sorted = 1;
    twalk(root, note);
    CHECK_EQ(in_order_count, key_count / 2);
    CHECK(in_order_sorted);
    CHECK(deepest <= 26);

    tdestroy(root, free_key);
    CHECK_EQ(freed, key_count / 2);
    for (int i = 1; i < key_count; i += 2) CHECK_EQ(keys[i], -1);

    /* Down to nothing by deletes alone. */
    root = NULL;
    for (int i = 0; i < 100; ++i) {
        keys[i] = i;
        CHECK(tsearch(&keys[i], &root, compare) != NULL);
    }
    for (int i = 99; i >= 0; --i) CHECK(tdelete(&keys[i], &root, compare) != NULL);
    CHECK(root == NULL);
    twalk(NULL, note); /* an empty tree: nothing visited, no crash */
    return 0;
}
