// File tree walks, <ftw.h>: ftw and nftw (and ftw64, nftw64: the same
// functions, struct stat64 being struct stat on x86-64).
//
// Walked as glibc walks: depth first, a directory's entries in the order
// readdir gives them (no sorting), "." and ".." never reported, the callback
// given the whole path (the root as written, trailing slashes dropped, then
// "/name" per level), and struct FTW's base (where the last name starts)
// and level (0 for the root). The cases glibc decides in its own way are
// kept: a directory reached twice in a logical walk (not FTW_PHYS: links
// followed) is reported once, silently skipped the second time, which is
// what ends cycles; a directory that cannot be opened is FTW_DNR only when
// the reason is EACCES, any other reason ends the walk with -1 and errno; an
// entry stat cannot describe is FTW_NS for EACCES and ENOENT only (in a
// logical walk a dangling link is FTW_SLN, with the link's own lstat), any
// other error, a loop of links (ELOOP) included, ends the walk with -1; a
// callback's nonzero return ends the walk and is nftw's answer, except under
// FTW_ACTIONRETVAL, where FTW_SKIP_SUBTREE and FTW_SKIP_SIBLINGS steer it.
// nopenfd below 1 counts as 1 (glibc: no EINVAL); flags outside the five
// FTW_* bits are EINVAL (glibc's nftw since 2.3.3, the one a static program
// links).
//
// At most nopenfd directories are open at once (one fewer under FTW_CHDIR,
// which keeps the starting directory open to come back to, as glibc counts):
// opening one more first reads the rest of the shallowest open one into
// memory and closes it. ftw callbacks see FTW_F for links and FTW_D for
// FTW_DP, FTW_NS for FTW_SLN, as glibc maps them. Not thread-safe under
// FTW_CHDIR (the working directory is the process's), as in glibc. A
// callback that never returns (a longjmp, a thread cancelled inside it)
// leaves the walk's descriptors and memory behind, as glibc's does.
//
// Differences: descriptors are close-on-exec; nopenfd costs nothing (glibc
// zeroes a pointer per descriptor allowed first, 16 GB for INT_MAX); a
// FTW_CHDIR path longer than its first buffer (4096 bytes) stays whole
// (glibc 2.36 garbles it there and ends on an assertion); a FTW_CHDIR walk
// that can neither open "." nor name it is -1 with errno (glibc returns 0
// having walked nothing).
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <search.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstddef>

namespace {

// A directory being read: its stream while open, else the names it had
// left when its descriptor was needed elsewhere (each ended by '\0', the
// list by an empty name).
struct open_level {
    DIR* stream = nullptr;
    char* names = nullptr;
    const char* next_name = nullptr;
    open_level* outer = nullptr;  // the directory this one is in
};

// A directory entered in a logical walk, to enter it only once.
struct seen_directory {
    dev_t device;
    ino_t inode;
};

int compare_seen(const void* left, const void* right) {
    auto* a = static_cast<const seen_directory*>(left);
    auto* b = static_cast<const seen_directory*>(right);
    if (a->inode != b->inode) return a->inode < b->inode ? -1 : 1;
    if (a->device != b->device) return a->device < b->device ? -1 : 1;
    return 0;
}

using ftw_callback = int (*)(const char*, const struct stat*, int);
using nftw_callback = int (*)(const char*, const struct stat*, int, struct FTW*);

struct walk {
    char* path = nullptr;  // the current entry's whole path
    size_t capacity = 0;
    struct FTW position{};
    int flags = 0;
    ftw_callback old_style = nullptr;  // one of the two is set
    nftw_callback new_style = nullptr;
    dev_t start_device = 0;  // for FTW_MOUNT
    void* seen = nullptr;    // tsearch tree of seen_directory
    int stream_limit = 1;
    int streams_open = 0;
    open_level* innermost = nullptr;

    // The callback, with the type ftw's callers know for ftw's.
    int report(const struct stat* status, int type) {
        if (new_style) return new_style(path, status, type, &position);
        // Indexed by FTW_F, FTW_D, FTW_DNR, FTW_NS, FTW_SL, FTW_DP, FTW_SLN.
        static constexpr int ftw_type[] = {FTW_F, FTW_D, FTW_DNR, FTW_NS, FTW_F, FTW_D, FTW_NS};
        static_assert(FTW_F == 0 && FTW_D == 1 && FTW_DNR == 2 && FTW_NS == 3 && FTW_SL == 4 &&
                      FTW_DP == 5 && FTW_SLN == 6);
        return old_style(path, status, ftw_type[type]);
    }

    bool acting_on_results() const { return (flags & FTW_ACTIONRETVAL) != 0; }
};

bool make_room(walk& w, size_t needed) {
    if (needed <= w.capacity) return true;
    size_t capacity = needed * 2;
    auto* grown = static_cast<char*>(realloc(w.path, capacity));
    if (grown == nullptr) return false;  // ENOMEM, from realloc
    w.path = grown;
    w.capacity = capacity;
    return true;
}

// True if the directory is new to the walk (and now remembered); false with
// errno 0 if seen before, false with errno ENOMEM if it could not be kept.
bool first_visit(walk& w, const struct stat& status) {
    auto* key = static_cast<seen_directory*>(malloc(sizeof(seen_directory)));
    if (key == nullptr) return false;
    key->device = status.st_dev;
    key->inode = status.st_ino;
    auto** slot = static_cast<seen_directory**>(tsearch(key, &w.seen, compare_seen));
    if (slot == nullptr) {
        free(key);
        errno = ENOMEM;
        return false;
    }
    if (*slot != key) {
        free(key);
        errno = 0;
        return false;
    }
    return true;
}

// Makes a descriptor free for one more directory when the limit is reached:
// the shallowest open directory's remaining names are read into memory and
// its stream closed. False (errno set) if memory ran out.
bool free_a_stream(walk& w) {
    if (w.streams_open < w.stream_limit) return true;
    open_level* shallowest = nullptr;
    for (open_level* level = w.innermost; level != nullptr; level = level->outer)
        if (level->stream != nullptr) shallowest = level;
    if (shallowest == nullptr) return true;
    size_t used = 0, size = 1024;
    char* names = static_cast<char*>(malloc(size));
    if (names == nullptr) return false;
    while (struct dirent* entry = readdir(shallowest->stream)) {
        size_t length = strlen(entry->d_name);
        if (used + length + 2 > size) {
            size = (used + length + 2) * 2;
            auto* grown = static_cast<char*>(realloc(names, size));
            if (grown == nullptr) {
                free(names);
                return false;
            }
            names = grown;
        }
        memcpy(names + used, entry->d_name, length + 1);
        used += length + 1;
    }
    names[used] = '\0';
    int saved = errno;
    closedir(shallowest->stream);
    errno = saved;
    shallowest->stream = nullptr;
    shallowest->names = names;
    shallowest->next_name = names;
    --w.streams_open;
    return true;
}

// The stream for the directory w.path names, opened relative to the
// directory it is in while that one is open (so long paths cost nothing),
// else by its name in the working directory (FTW_CHDIR) or its whole path.
DIR* open_directory(walk& w, open_level* outer) {
    if (outer != nullptr && outer->stream != nullptr) {
        // O_NONBLOCK: were the name replaced by a FIFO since it was
        // examined, the open must not wait for a writer.
        int fd = openat(dirfd(outer->stream), w.path + w.position.base,
                        O_RDONLY | O_DIRECTORY | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0) return nullptr;
        DIR* stream = fdopendir(fd);
        if (stream == nullptr) {
            int saved = errno;
            close(fd);
            errno = saved;
        }
        return stream;
    }
    if (w.flags & FTW_CHDIR) {
        const char* name = w.path + w.position.base;
        return opendir(name[0] != '\0' ? name : ".");
    }
    return opendir(w.path);
}

int walk_directory(walk& w, const struct stat& status, open_level* outer);

// One entry of the directory `level`: described, then reported or walked.
int visit_entry(walk& w, open_level& level, const char* name) {
    if (name[0] == '.' && (name[1] == '\0' || (name[1] == '.' && name[2] == '\0'))) return 0;
    size_t length = strlen(name);
    if (!make_room(w, w.position.base + length + 2)) return -1;
    memcpy(w.path + w.position.base, name, length + 1);

    // Asked of the open directory, else by the name from the working
    // directory (FTW_CHDIR put us in this one) or by the whole path.
    auto describe = [&](struct stat* result, bool follow) {
        if (level.stream != nullptr)
            return fstatat(dirfd(level.stream), name, result, follow ? 0 : AT_SYMLINK_NOFOLLOW);
        const char* path = (w.flags & FTW_CHDIR) ? name : w.path;
        return follow ? stat(path, result) : lstat(path, result);
    };
    struct stat entry;
    int type;
    if (describe(&entry, !(w.flags & FTW_PHYS)) != 0) {
        if (errno != EACCES && errno != ENOENT) return -1;
        // A logical walk tells a link to nothing (reported with the link's
        // own lstat) from what is not there.
        bool described = !(w.flags & FTW_PHYS) && describe(&entry, false) == 0;
        type = described && S_ISLNK(entry.st_mode) ? FTW_SLN : FTW_NS;
        if (!described) memset(&entry, 0, sizeof entry);
    } else if (S_ISDIR(entry.st_mode)) {
        type = FTW_D;
    } else {
        type = S_ISLNK(entry.st_mode) ? FTW_SL : FTW_F;
    }

    // FTW_MOUNT: what lies on another file system is left out altogether.
    if (type != FTW_NS && (w.flags & FTW_MOUNT) && entry.st_dev != w.start_device) return 0;

    int result = 0;
    if (type == FTW_D) {
        if (w.flags & FTW_PHYS) {
            result = walk_directory(w, entry, &level);
        } else if (first_visit(w, entry)) {
            result = walk_directory(w, entry, &level);
        } else if (errno != 0) {
            result = -1;
        }
    } else {
        result = w.report(&entry, type);
    }
    if (w.acting_on_results() && result == FTW_SKIP_SUBTREE) result = 0;
    return result;
}

// The directory w.path names (its stat in `status`): reported before its
// entries, or after them under FTW_DEPTH; `outer` is the open level of the
// directory it is in (null for the root).
int walk_directory(walk& w, const struct stat& status, open_level* outer) {
    open_level level;
    level.outer = outer;
    if (!free_a_stream(w)) return -1;
    level.stream = open_directory(w, outer);
    if (level.stream == nullptr) {
        // Unreadable is reported; anything else (no descriptors left, the
        // directory gone meanwhile) ends the walk with its errno.
        if (errno == EACCES) return w.report(&status, FTW_DNR);
        return -1;
    }
    ++w.streams_open;
    w.innermost = &level;

    auto close_level = [&] {
        int saved = errno;
        if (level.stream != nullptr) {
            closedir(level.stream);
            --w.streams_open;
        }
        free(level.names);
        w.innermost = outer;
        errno = saved;
    };

    int result = 0;
    if (!(w.flags & FTW_DEPTH)) {
        result = w.report(&status, FTW_D);
        if (result != 0) {
            close_level();
            return result;
        }
    }
    // FTW_CHDIR: the entries are reported from inside the directory.
    if ((w.flags & FTW_CHDIR) && fchdir(dirfd(level.stream)) != 0) {
        close_level();
        return -1;
    }

    int previous_base = w.position.base;
    ++w.position.level;
    size_t end = strlen(w.path);
    if (w.path[end - 1] != '/') w.path[end++] = '/';  // room made with the name
    w.path[end] = '\0';
    w.position.base = static_cast<int>(end);

    for (;;) {
        const char* name;
        if (level.stream != nullptr) {
            struct dirent* entry = readdir(level.stream);
            if (entry == nullptr) break;
            name = entry->d_name;
        } else {
            // Read into memory while a deeper directory needed the stream.
            if (*level.next_name == '\0') break;
            name = level.next_name;
            level.next_name += strlen(name) + 1;
        }
        result = visit_entry(w, level, name);
        if (result != 0) break;
    }
    close_level();
    if (w.acting_on_results() && result == FTW_SKIP_SIBLINGS) result = 0;

    // Back to the directory's own path (the separator added above goes; the
    // root "/" thus becomes "", as glibc leaves it).
    w.path[w.position.base - 1] = '\0';
    --w.position.level;
    w.position.base = previous_base;

    if (result == 0 && (w.flags & FTW_DEPTH)) result = w.report(&status, FTW_DP);

    // FTW_CHDIR: back to the directory this one is in (the walk goes on
    // there), through its stream if open, else by "..".
    bool going_on = result == 0 || (w.acting_on_results() && result != -1 && result != FTW_STOP);
    if (outer != nullptr && (w.flags & FTW_CHDIR) && going_on) {
        bool back = outer->stream != nullptr && fchdir(dirfd(outer->stream)) == 0;
        if (!back && chdir(w.position.base == 1 ? "/" : "..") != 0) result = -1;
    }
    return result;
}

int walk_tree(const char* root, ftw_callback old_style, nftw_callback new_style,
              int descriptors, int flags) {
    if (root[0] == '\0') {
        errno = ENOENT;
        return -1;
    }
    walk w;
    w.old_style = old_style;
    w.new_style = new_style;
    w.flags = flags;
    w.stream_limit = descriptors < 1 ? 1 : descriptors;

    size_t length = strlen(root);
    if (!make_room(w, length + 1 > 1024 ? length + 1 : 1024)) return -1;
    memcpy(w.path, root, length + 1);
    while (length > 1 && w.path[length - 1] == '/') w.path[--length] = '\0';
    size_t base = length;
    while (base > 0 && w.path[base - 1] != '/') --base;
    w.position.base = static_cast<int>(base);
    w.position.level = 0;

    int result = 0;
    int start_fd = -1;        // FTW_CHDIR: where to come back to
    char* start_dir = nullptr;  // ... by name, when "." cannot be opened
    if (flags & FTW_CHDIR) {
        start_fd = open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (start_fd < 0) {
            // A working directory that can be entered but not read.
            if (errno == EACCES) start_dir = getcwd(nullptr, 0);
            if (start_dir == nullptr) {
                free(w.path);
                return -1;
            }
        } else if (w.stream_limit > 1) {
            --w.stream_limit;  // that descriptor counts against nopenfd
        }
        // The root is then examined from the directory it is in.
        if (base == 1) {
            result = chdir("/");
        } else if (base > 1) {
            char separator = w.path[base - 1];
            w.path[base - 1] = '\0';
            result = chdir(w.path);
            w.path[base - 1] = separator;
        }
    }

    if (result == 0) {
        const char* name = w.path;
        if (flags & FTW_CHDIR) name = w.path[base] != '\0' ? w.path + base : ".";
        struct stat status;
        bool physical = flags & FTW_PHYS;
        if ((physical ? lstat(name, &status) : stat(name, &status)) != 0) {
            // A root that is a link to nothing is reported; a root that is
            // not there (or cannot be examined) is -1 with stat's errno.
            if (!physical && errno == ENOENT && lstat(name, &status) == 0 &&
                S_ISLNK(status.st_mode))
                result = w.report(&status, FTW_SLN);
            else
                result = -1;
        } else if (S_ISDIR(status.st_mode)) {
            w.start_device = status.st_dev;
            if (!physical && !first_visit(w, status)) result = -1;
            if (result == 0) result = walk_directory(w, status, nullptr);
        } else {
            result = w.report(&status, S_ISLNK(status.st_mode) ? FTW_SL : FTW_F);
        }
        if ((flags & FTW_ACTIONRETVAL) &&
            (result == FTW_SKIP_SUBTREE || result == FTW_SKIP_SIBLINGS))
            result = 0;
    }

    int saved = errno;
    if (start_fd >= 0) {
        fchdir(start_fd);
        close(start_fd);
    } else if (start_dir != nullptr) {
        chdir(start_dir);
        free(start_dir);
    }
    tdestroy(w.seen, free);
    free(w.path);
    errno = saved;
    return result;
}

}  // namespace

extern "C" {

int ftw(const char* root, __ftw_func_t callback, int descriptors) {
    return walk_tree(root, callback, nullptr, descriptors, 0);
}

int nftw(const char* root, __nftw_func_t callback, int descriptors, int flags) {
    if (flags & ~(FTW_PHYS | FTW_MOUNT | FTW_CHDIR | FTW_DEPTH | FTW_ACTIONRETVAL)) {
        errno = EINVAL;
        return -1;
    }
    return walk_tree(root, nullptr, callback, descriptors, flags);
}

// struct stat64 is struct stat on x86-64: the same functions.
int ftw64(const char* root, __ftw64_func_t callback, int descriptors) __attribute__((alias("ftw")));
int nftw64(const char* root, __nftw64_func_t callback, int descriptors, int flags)
    __attribute__((alias("nftw")));

}  // extern "C"
