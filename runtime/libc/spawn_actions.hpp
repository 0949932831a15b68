// The file actions posix_spawn performs in the child, as
// posix_spawn_file_actions_add* records them (spawn_attributes.cpp).
#pragma once

#include <spawn.h>
#include <sys/types.h>

namespace lwp::libc {

struct spawn_action {
    enum kind_type : int { close, dup2, open, chdir, fchdir, close_from, set_foreground } kind;
    int fd;       // the descriptor acted on (dup2: the source; close_from: the lowest)
    int new_fd;   // dup2's target
    int flags;    // open's
    mode_t mode;  // open's
    char* path;   // open's and chdir's, owned (freed by ..._destroy)
};

inline spawn_action* actions_of(const posix_spawn_file_actions_t* actions) {
    return reinterpret_cast<spawn_action*>(actions->__actions);
}

}  // namespace lwp::libc
