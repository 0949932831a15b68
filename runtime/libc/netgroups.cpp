// setnetgrent getnetgrent getnetgrent_r endnetgrent innetgr (<netdb.h>):
// netgroups from /etc/netgroup only (netgroup_file.cpp reads it), walked as
// glibc walks them with its "files" source.
//
// A walk gives the triples of the group, then of the groups it names, each
// group once: a member group already started, or already waiting, is passed
// over, which also ends cycles. Waiting groups are taken last-named first, as
// glibc takes them; a member group not in the file adds nothing. A triple not
// closed by ')' ends its group's text. getnetgrent_r answers 1 with a triple
// (a field null when empty), 0 at the end; for a triple longer than the
// buffer, 0 with errno ERANGE, and the same triple comes again at the next
// call. getnetgrent uses a buffer of 1024 bytes, as glibc's does. innetgr has
// a walk of its own, and a null argument or an empty field matches anything;
// hosts and domains are compared ignoring case, users exactly.
#include <errno.h>
#include <netdb.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../thread/internal_lock.hpp"
#include "netgroup_file.hpp"

namespace lwp::libc::netgroup {
namespace {

// Group names seen during a walk, most recent first.
struct name_node {
    name_node* next;
    char name[1];
};

bool push_name(name_node*& list, const char* name) {
    std::size_t length = strlen(name);
    auto* node = static_cast<name_node*>(malloc(sizeof(name_node) + length));
    if (node == nullptr) return false;
    memcpy(node->name, name, length + 1);
    node->next = list;
    list = node;
    return true;
}

bool listed(const name_node* list, const char* name) {
    for (; list != nullptr; list = list->next)
        if (strcmp(list->name, name) == 0) return true;
    return false;
}

void free_names(name_node*& list) {
    while (list != nullptr) {
        name_node* next = list->next;
        free(list);
        list = next;
    }
}

// The first waiting group moves to the started ones; null when none waits.
const char* take_waiting(name_node*& waiting, name_node*& started) {
    name_node* node = waiting;
    if (node == nullptr) return nullptr;
    waiting = node->next;
    node->next = started;
    started = node;
    return node->name;
}

// One walk: the text of the group being read and where in it.
struct walk {
    bool open = false;  // between setnetgrent and endnetgrent
    char* text = nullptr;
    char* cursor = nullptr;
    name_node* started = nullptr;  // groups whose text has been read
    name_node* waiting = nullptr;  // member groups named, not yet read

    // Starts reading `name`'s text; false if it has none.
    bool start(const char* name) {
        free(text);
        text = cursor = load_group(name);
        open = true;
        push_name(started, name);
        return text != nullptr;
    }

    void close() {
        free(text);
        text = cursor = nullptr;
        open = false;
        free_names(started);
        free_names(waiting);
    }
};

runtime::internal_lock walk_lock;
walk the_walk;

int next_triple(walk& w, char** host, char** user, char** domain, char* buffer, std::size_t size) {
    if (!w.open) return 0;
    for (;;) {
        item next = next_item(w.cursor, buffer, size);
        switch (next.kind) {
            case item_kind::triple:
                *host = const_cast<char*>(next.host);
                *user = const_cast<char*>(next.user);
                *domain = const_cast<char*>(next.domain);
                return 1;
            case item_kind::no_room:
                errno = ERANGE;
                return 0;
            case item_kind::member_group:
                if (listed(w.started, next.group) || listed(w.waiting, next.group)) continue;
                if (!push_name(w.waiting, next.group)) return 0;
                continue;
            case item_kind::end: {
                bool found = false;
                while (!found) {
                    const char* name = take_waiting(w.waiting, w.started);
                    if (name == nullptr) return 0;
                    found = w.start(name);
                }
                continue;
            }
        }
    }
}

bool field_matches(const char* entry, const char* wanted, bool ignore_case) {
    if (entry == nullptr || wanted == nullptr) return true;
    return (ignore_case ? strcasecmp(entry, wanted) : strcmp(entry, wanted)) == 0;
}

}  // namespace
}  // namespace lwp::libc::netgroup

extern "C" {

int setnetgrent(const char* netgroup) {
    using namespace lwp::libc::netgroup;
    lwp::runtime::internal_lock_guard hold(walk_lock);
    the_walk.close();
    return the_walk.start(netgroup) ? 1 : 0;
}

void endnetgrent(void) {
    using namespace lwp::libc::netgroup;
    lwp::runtime::internal_lock_guard hold(walk_lock);
    the_walk.close();
}

int getnetgrent_r(char** host, char** user, char** domain, char* buffer, size_t size) {
    using namespace lwp::libc::netgroup;
    lwp::runtime::internal_lock_guard hold(walk_lock);
    return next_triple(the_walk, host, user, domain, buffer, size);
}

int getnetgrent(char** host, char** user, char** domain) {
    static char* buffer;  // glibc's size: the three fields fit in 1 KiB
    constexpr size_t size = 1024;
    if (__atomic_load_n(&buffer, __ATOMIC_ACQUIRE) == nullptr) {
        char* fresh = static_cast<char*>(malloc(size));
        if (fresh == nullptr) {
            errno = ENOMEM;
            return -1;
        }
        char* expected = nullptr;
        if (!__atomic_compare_exchange_n(&buffer, &expected, fresh, false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
            free(fresh);
    }
    return getnetgrent_r(host, user, domain, buffer, size);
}

int innetgr(const char* netgroup, const char* host, const char* user, const char* domain) {
    using namespace lwp::libc::netgroup;
    name_node* started = nullptr;
    name_node* waiting = nullptr;
    char buffer[1024];
    bool found = false;
    for (const char* current = netgroup; current != nullptr && !found;
         current = take_waiting(waiting, started)) {
        char* text = load_group(current);
        char* cursor = text;
        for (;;) {
            item next = next_item(cursor, buffer, sizeof buffer);
            if (next.kind == item_kind::member_group) {
                if (listed(started, next.group) || listed(waiting, next.group) ||
                    strcmp(next.group, netgroup) == 0)
                    continue;
                if (!push_name(waiting, next.group)) break;
            } else if (next.kind == item_kind::triple) {
                if (field_matches(next.host, host, true) && field_matches(next.user, user, false) &&
                    field_matches(next.domain, domain, true)) {
                    found = true;
                    break;
                }
            } else {
                break;
            }
        }
        free(text);
    }
    free_names(started);
    free_names(waiting);
    return found ? 1 : 0;
}

}  // extern "C"
