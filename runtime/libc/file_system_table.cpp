// setfsent getfsent getfsspec getfsfile endfsent: /etc/fstab as BSD's
// `struct fstab`, read through getmntent_r as glibc does, so the two agree
// on the file's syntax. One open file and one entry for the whole process
// (not thread-safe, as in glibc): each getfs* answer is overwritten by the
// next call. getfsspec and getfsfile search from the top of the file.
#include <fstab.h>
#include <mntent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

namespace {

// glibc's line buffer size: longer lines are cut the same way.
constexpr int line_size = 0x1fc0;

struct table_state {
    FILE* file = nullptr;
    char* line = nullptr;
    mntent entry;
    fstab answer;
};
table_state state;

// The state with the file open (at the top again when `rewind_file`); null
// when memory or the file is missing.
table_state* open_table(bool rewind_file) {
    if (state.line == nullptr) {
        state.line = static_cast<char*>(malloc(line_size));
        if (state.line == nullptr) return nullptr;
    }
    if (state.file != nullptr) {
        if (rewind_file) rewind(state.file);
    } else {
        state.file = setmntent(_PATH_FSTAB, "r");
        if (state.file == nullptr) return nullptr;
    }
    return &state;
}

mntent* next_entry(table_state* table) {
    return getmntent_r(table->file, &table->entry, table->line, line_size);
}

// The entry just read, as a struct fstab: fs_type is the first of the
// options rw rq ro sw xx it has, else "??".
fstab* as_fstab(table_state* table) {
    mntent* from = &table->entry;
    fstab* to = &table->answer;
    to->fs_spec = from->mnt_fsname;
    to->fs_file = from->mnt_dir;
    to->fs_vfstype = from->mnt_type;
    to->fs_mntops = from->mnt_opts;
    static const char* const types[] = {FSTAB_RW, FSTAB_RQ, FSTAB_RO, FSTAB_SW, FSTAB_XX};
    to->fs_type = const_cast<char*>("??");
    for (const char* type : types) {
        if (hasmntopt(from, type) != nullptr) {
            to->fs_type = const_cast<char*>(type);
            break;
        }
    }
    to->fs_freq = from->mnt_freq;
    to->fs_passno = from->mnt_passno;
    return to;
}

}  // namespace

extern "C" {

int setfsent(void) { return open_table(true) != nullptr; }

fstab* getfsent(void) {
    table_state* table = open_table(false);
    if (table == nullptr || next_entry(table) == nullptr) return nullptr;
    return as_fstab(table);
}

fstab* getfsspec(const char* name) {
    table_state* table = open_table(true);
    if (table == nullptr) return nullptr;
    while (mntent* entry = next_entry(table))
        if (strcmp(entry->mnt_fsname, name) == 0) return as_fstab(table);
    return nullptr;
}

fstab* getfsfile(const char* name) {
    table_state* table = open_table(true);
    if (table == nullptr) return nullptr;
    while (mntent* entry = next_entry(table))
        if (strcmp(entry->mnt_dir, name) == 0) return as_fstab(table);
    return nullptr;
}

void endfsent(void) {
    if (state.file != nullptr) {
        endmntent(state.file);
        state.file = nullptr;
    }
}

}  // extern "C"
