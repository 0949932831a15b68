// tsearch tfind tdelete twalk twalk_r tdestroy: <search.h>'s binary search
// trees. The tree is kept balanced (AVL: the two subtrees of every node
// differ in height by at most one), so keys inserted in order, the common
// case, still cost O(log n) per call, as with glibc's red-black trees.
//
// What callers may rely on is a node's first member: a pointer to the key
// (the "item" that tsearch stored), which tsearch, tfind and twalk hand back
// as the node. The rest is lwp's own. Not thread-safe per tree, as in every
// C library: a tree is the caller's data.
#include <search.h>
#include <stdlib.h>

namespace {

struct tree_node {
    const void* key;  // first: callers read *(void**)node
    tree_node* left;
    tree_node* right;
    int height;  // of the subtree rooted here; a leaf is 1
};

using comparison = int (*)(const void*, const void*);

int height(const tree_node* node) { return node ? node->height : 0; }

void update_height(tree_node* node) {
    int left = height(node->left), right = height(node->right);
    node->height = (left > right ? left : right) + 1;
}

tree_node* rotate_right(tree_node* node) {
    tree_node* pivot = node->left;
    node->left = pivot->right;
    pivot->right = node;
    update_height(node);
    update_height(pivot);
    return pivot;
}

tree_node* rotate_left(tree_node* node) {
    tree_node* pivot = node->right;
    node->right = pivot->left;
    pivot->left = node;
    update_height(node);
    update_height(pivot);
    return pivot;
}

// Restores the AVL balance at `node` after one of its subtrees changed
// height by one; returns the subtree's new root.
tree_node* rebalance(tree_node* node) {
    update_height(node);
    int balance = height(node->left) - height(node->right);
    if (balance > 1) {
        if (height(node->left->left) < height(node->left->right)) node->left = rotate_left(node->left);
        return rotate_right(node);
    }
    if (balance < -1) {
        if (height(node->right->right) < height(node->right->left))
            node->right = rotate_right(node->right);
        return rotate_left(node);
    }
    return node;
}

// Inserts `key` below `*link` unless an equal key is there; `found` gets
// the node holding the key (null when memory ran out).
void insert(tree_node** link, const void* key, comparison compare, tree_node*& found) {
    tree_node* node = *link;
    if (node == nullptr) {
        node = static_cast<tree_node*>(malloc(sizeof *node));
        found = node;
        if (node == nullptr) return;
        *node = {key, nullptr, nullptr, 1};
        *link = node;
        return;
    }
    int order = compare(key, node->key);
    if (order == 0) {
        found = node;
        return;
    }
    insert(order < 0 ? &node->left : &node->right, key, compare, found);
    *link = rebalance(node);
}

// Unlinks the smallest node below `*link`, returning it.
tree_node* remove_smallest(tree_node** link) {
    tree_node* node = *link;
    if (node->left == nullptr) {
        *link = node->right;
        return node;
    }
    tree_node* smallest = remove_smallest(&node->left);
    *link = rebalance(node);
    return smallest;
}

// Removes the node equal to `key` below `*link`, if any. `parent` is the
// node above `*link` (null at the root); `removed_under` gets the parent of
// the node taken out, or the root's link when the root itself goes.
bool remove(tree_node** link, tree_node* parent, const void* key, comparison compare,
            void*& removed_under) {
    tree_node* node = *link;
    if (node == nullptr) return false;
    int order = compare(key, node->key);
    if (order != 0) {
        if (!remove(order < 0 ? &node->left : &node->right, node, key, compare, removed_under))
            return false;
        *link = rebalance(node);
        return true;
    }
    removed_under = parent ? static_cast<void*>(parent) : static_cast<void*>(link);
    if (node->left == nullptr || node->right == nullptr) {
        *link = node->left ? node->left : node->right;
    } else {
        // Two children: the next larger node takes this one's place.
        tree_node* successor = remove_smallest(&node->right);
        successor->left = node->left;
        successor->right = node->right;
        *link = rebalance(successor);
    }
    free(node);
    return true;
}

void walk(const tree_node* node, void (*action)(const void*, VISIT, int), int depth) {
    if (node->left == nullptr && node->right == nullptr) {
        action(node, leaf, depth);
        return;
    }
    action(node, preorder, depth);
    if (node->left) walk(node->left, action, depth + 1);
    action(node, postorder, depth);
    if (node->right) walk(node->right, action, depth + 1);
    action(node, endorder, depth);
}

void walk_with(const tree_node* node, void (*action)(const void*, VISIT, void*), void* closure) {
    if (node->left == nullptr && node->right == nullptr) {
        action(node, leaf, closure);
        return;
    }
    action(node, preorder, closure);
    if (node->left) walk_with(node->left, action, closure);
    action(node, postorder, closure);
    if (node->right) walk_with(node->right, action, closure);
    action(node, endorder, closure);
}

void destroy(tree_node* node, void (*free_key)(void*)) {
    if (node == nullptr) return;
    destroy(node->left, free_key);
    destroy(node->right, free_key);
    free_key(const_cast<void*>(node->key));
    free(node);
}

}  // namespace

extern "C" {

// The node holding a key equal to `key`, added if there was none; null when
// `root` is null or memory ran out (the tree is then unchanged).
void* tsearch(const void* key, void** root, comparison compare) {
    if (root == nullptr) return nullptr;
    tree_node* found = nullptr;
    insert(reinterpret_cast<tree_node**>(root), key, compare, found);
    return found;
}

void* tfind(const void* key, void* const* root, comparison compare) {
    if (root == nullptr) return nullptr;
    for (tree_node* node = static_cast<tree_node*>(*root); node != nullptr;) {
        int order = compare(key, node->key);
        if (order == 0) return node;
        node = order < 0 ? node->left : node->right;
    }
    return nullptr;
}

// Null when no key is equal; otherwise the deleted node's parent, or (for
// the root) a non-null pointer that must not be used as a node, which is
// what POSIX and glibc promise.
void* tdelete(const void* __restrict key, void** __restrict root, comparison compare) {
    if (root == nullptr) return nullptr;
    void* removed_under = nullptr;
    if (!remove(reinterpret_cast<tree_node**>(root), nullptr, key, compare, removed_under))
        return nullptr;
    return removed_under;
}

void twalk(const void* root, void (*action)(const void*, VISIT, int)) {
    if (root != nullptr && action != nullptr) walk(static_cast<const tree_node*>(root), action, 0);
}

void twalk_r(const void* root, void (*action)(const void*, VISIT, void*), void* closure) {
    if (root != nullptr && action != nullptr)
        walk_with(static_cast<const tree_node*>(root), action, closure);
}

void tdestroy(void* root, void (*free_key)(void*)) {
    destroy(static_cast<tree_node*>(root), free_key);
}

}  // extern "C"
