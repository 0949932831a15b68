// hcreate, hsearch, hdestroy and their reentrant forms (<search.h>): a hash
// table of fixed capacity whose keys are strings and whose data the caller
// owns. The table is open addressing with double hashing over a prime number
// of slots, so a probe sequence visits every slot. The capacity is rounded
// up as glibc rounds it (to an odd prime, at least 3), so a program fills
// the same number of entries before ENTER fails with ENOMEM. Entries are
// never removed; hdestroy frees the slots, not the keys or the data. The
// non-reentrant forms share one table and are not thread-safe, as in glibc.
#include <errno.h>
#include <limits.h>
#include <search.h>
#include <stdlib.h>
#include <string.h>

// glibc's header leaves the slot type incomplete: each slot is an entry and
// whether it is taken.
struct _ENTRY {
    bool used;
    ENTRY entry;
};

namespace {

bool is_prime(unsigned long number) {
    for (unsigned long divisor = 3; divisor * divisor <= number; divisor += 2)
        if (number % divisor == 0) return false;
    return true;
}

// FNV-1a over the key's bytes.
unsigned long key_hash(const char* key) {
    unsigned long hash = 14695981039346656037ul;
    for (; *key; ++key) hash = (hash ^ static_cast<unsigned char>(*key)) * 1099511628211ul;
    return hash;
}

hsearch_data shared_table;

}  // namespace

extern "C" {

int hcreate_r(size_t wanted, hsearch_data* table) noexcept {
    if (table == nullptr) {
        errno = EINVAL;
        return 0;
    }
    if (table->table != nullptr) return 0;  // still holding another table: refused, as in glibc
    unsigned long size = wanted < 3 ? 3 : wanted | 1;
    while (size <= UINT_MAX - 2 && !is_prime(size)) size += 2;
    if (size > UINT_MAX - 2) {  // the size must fit glibc's unsigned int
        errno = ENOMEM;
        return 0;
    }
    table->table = static_cast<_ENTRY*>(calloc(size, sizeof(_ENTRY)));
    if (table->table == nullptr) return 0;
    table->size = static_cast<unsigned int>(size);
    table->filled = 0;
    return 1;
}

void hdestroy_r(hsearch_data* table) noexcept {
    if (table == nullptr) {
        errno = EINVAL;
        return;
    }
    free(table->table);
    table->table = nullptr;
}

// 1 and the entry in *found, or 0 with ESRCH (FIND: no such key) or ENOMEM
// (ENTER: every slot taken). ENTER of a key already there finds it and
// leaves its data as it was. Without a table (none created, or destroyed)
// nothing is found and nothing can be entered.
int hsearch_r(ENTRY item, ACTION action, ENTRY** found, hsearch_data* table) noexcept {
    unsigned long size = table->table == nullptr ? 0 : table->size;
    unsigned long hash = key_hash(item.key);
    unsigned long slot = size == 0 ? 0 : hash % size;
    // The step is never 0 and, size being prime, generates every slot.
    unsigned long step = size == 0 ? 0 : 1 + hash % (size - 2);
    for (unsigned long probes = 0; probes < size; ++probes, slot = (slot + step) % size) {
        _ENTRY& candidate = table->table[slot];
        if (!candidate.used) {
            if (action == FIND) break;
            candidate.used = true;
            candidate.entry = item;
            ++table->filled;
            *found = &candidate.entry;
            return 1;
        }
        if (strcmp(candidate.entry.key, item.key) == 0) {
            *found = &candidate.entry;
            return 1;
        }
    }
    *found = nullptr;
    errno = action == FIND ? ESRCH : ENOMEM;
    return 0;
}

int hcreate(size_t wanted) noexcept { return hcreate_r(wanted, &shared_table); }
void hdestroy(void) noexcept { hdestroy_r(&shared_table); }

ENTRY* hsearch(ENTRY item, ACTION action) noexcept {
    ENTRY* found;
    hsearch_r(item, action, &found, &shared_table);
    return found;
}

}  // extern "C"
