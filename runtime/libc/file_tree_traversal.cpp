// File hierarchy traversal, <fts.h>: fts_open fts_read fts_children fts_set
// fts_close (and the fts64_ names: FTSENT64 is FTSENT on x86-64).
//
// glibc's FTS and FTSENT, pinned below, and glibc's answers: roots in argv
// order (sorted by the comparison when there is one; equal ones then come
// out last argument first, since glibc sorts them from that order with a
// stable sort), a directory's entries in readdir order unless sorted, each
// directory returned twice (FTS_D before its entries, FTS_DP after), and
// the info codes as glibc gives them: FTS_F, FTS_D/FTS_DP, FTS_SL, FTS_SLNONE
// (a link to nothing, in a logical walk or with FTS_COMFOLLOW/FTS_FOLLOW),
// FTS_DC (a directory that is one of its own ancestors, fts_cycle pointing
// at it), FTS_DNR (after the FTS_D visit, instead of FTS_DP), FTS_NS,
// FTS_DOT (with FTS_SEEDOT), FTS_NSOK (FTS_NOSTAT in a physical walk, for
// entries whose d_type says they are not directories, and for all once the
// parent's link count says no directory is left; and fts_children with
// FTS_NAMEONLY), FTS_DEFAULT, FTS_ERR.
//
// Without FTS_NOCHDIR (which FTS_LOGICAL implies) the walk changes the
// working directory, so that fts_accpath (the name alone) works for each
// entry when fts_read returns it; every change into a directory is checked
// against the device and inode fts_stat recorded (a directory swapped for
// another meanwhile is refused, ENOENT, as glibc says), and fts_close goes
// back to where fts_open was called. fts_path is one buffer for the whole
// walk (entries' fts_path all point at it, moved together when it grows);
// it holds the entry fts_read last returned.
//
// Descriptors: the starting directory's (fts_rfd) and one per directory
// entered through FTS_FOLLOW, close-on-exec (glibc's are not), and those of
// the directory being read, for the time fts_read reads it. Differences from
// glibc: with FTS_NOSTAT, fts_statp is null (glibc's points at memory never
// written); the descriptors kept for directories entered through FTS_FOLLOW
// are closed by fts_close (glibc leaves those of a walk not finished open);
// fts_children with no entry current (after the walk ended) returns null
// (glibc reads freed memory), and a walk with no root at all ends at the
// first fts_read (glibc's reads memory never set); a path that outgrows the buffer while a
// directory is read under FTS_NOCHDIR is examined at its new place (glibc
// stats it through the old, freed one). A stream is the caller's: not for
// two threads at once, as in glibc.
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fts.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstddef>

// glibc's layouts on x86-64, which programs compiled against its header use.
static_assert(offsetof(FTS, fts_cur) == 0 && offsetof(FTS, fts_child) == 8 &&
              offsetof(FTS, fts_array) == 16 && offsetof(FTS, fts_dev) == 24 &&
              offsetof(FTS, fts_path) == 32 && offsetof(FTS, fts_rfd) == 40 &&
              offsetof(FTS, fts_pathlen) == 44 && offsetof(FTS, fts_nitems) == 48 &&
              offsetof(FTS, fts_compar) == 56 && offsetof(FTS, fts_options) == 64 &&
              sizeof(FTS) == 72);
static_assert(offsetof(FTSENT, fts_cycle) == 0 && offsetof(FTSENT, fts_parent) == 8 &&
              offsetof(FTSENT, fts_link) == 16 && offsetof(FTSENT, fts_number) == 24 &&
              offsetof(FTSENT, fts_pointer) == 32 && offsetof(FTSENT, fts_accpath) == 40 &&
              offsetof(FTSENT, fts_path) == 48 && offsetof(FTSENT, fts_errno) == 56 &&
              offsetof(FTSENT, fts_symfd) == 60 && offsetof(FTSENT, fts_pathlen) == 64 &&
              offsetof(FTSENT, fts_namelen) == 66 && offsetof(FTSENT, fts_ino) == 72 &&
              offsetof(FTSENT, fts_dev) == 80 && offsetof(FTSENT, fts_nlink) == 88 &&
              offsetof(FTSENT, fts_level) == 96 && offsetof(FTSENT, fts_info) == 98 &&
              offsetof(FTSENT, fts_flags) == 100 && offsetof(FTSENT, fts_instr) == 102 &&
              offsetof(FTSENT, fts_statp) == 104 && offsetof(FTSENT, fts_name) == 112 &&
              sizeof(FTSENT) == 120);
// The 64 forms are the same structures (ino64_t is ino_t, stat64 is stat).
static_assert(sizeof(FTSENT64) == sizeof(FTSENT) && sizeof(FTS64) == sizeof(FTS) &&
              offsetof(FTSENT64, fts_ino) == offsetof(FTSENT, fts_ino) &&
              offsetof(FTSENT64, fts_statp) == offsetof(FTSENT, fts_statp) &&
              offsetof(FTSENT64, fts_name) == offsetof(FTSENT, fts_name) &&
              sizeof(struct stat64) == sizeof(struct stat));

namespace {

using entry_order = int (*)(const FTSENT**, const FTSENT**);

bool is_set(const FTS* stream, int option) { return (stream->fts_options & option) != 0; }

bool is_dot_or_dot_dot(const char* name) {
    return name[0] == '.' && (name[1] == '\0' || (name[1] == '.' && name[2] == '\0'));
}

// An entry and its name in one block, its stat buffer after them unless
// FTS_NOSTAT; every field zero but those set here.
FTSENT* new_entry(FTS* stream, const char* name, size_t length) {
    size_t size = offsetof(FTSENT, fts_name) + length + 1;
    size_t stat_at = 0;
    if (!is_set(stream, FTS_NOSTAT)) {
        stat_at = (size + alignof(struct stat) - 1) & ~(alignof(struct stat) - 1);
        size = stat_at + sizeof(struct stat);
    }
    if (size < sizeof(FTSENT)) size = sizeof(FTSENT);
    auto* entry = static_cast<FTSENT*>(calloc(1, size));
    if (entry == nullptr) return nullptr;  // ENOMEM, from calloc
    memcpy(entry->fts_name, name, length);
    entry->fts_name[length] = '\0';
    entry->fts_namelen = static_cast<unsigned short>(length);
    entry->fts_path = stream->fts_path;
    entry->fts_symfd = -1;
    entry->fts_instr = FTS_NOINSTR;
    if (stat_at != 0)
        entry->fts_statp = reinterpret_cast<struct stat*>(reinterpret_cast<char*>(entry) + stat_at);
    return entry;
}

// Frees an entry, with the descriptor FTS_FOLLOW may have kept for it.
void free_entry(FTSENT* entry) {
    if (entry->fts_symfd >= 0) close(entry->fts_symfd);
    free(entry);
}

void free_list(FTSENT* head) {
    while (head != nullptr) {
        FTSENT* next = head->fts_link;
        free_entry(head);
        head = next;
    }
}

// Room for `more` bytes more in the path buffer (and some to spare, so it
// does not grow a byte at a time). Entries keep their length in an unsigned
// short: a buffer that would reach USHRT_MAX is ENAMETOOLONG.
bool grow_path(FTS* stream, size_t more) {
    size_t wanted = static_cast<size_t>(stream->fts_pathlen) + more + 256;
    if (wanted >= USHRT_MAX) {
        free(stream->fts_path);
        stream->fts_path = nullptr;
        errno = ENAMETOOLONG;
        return false;
    }
    auto* grown = static_cast<char*>(realloc(stream->fts_path, wanted));
    if (grown == nullptr) {
        free(stream->fts_path);
        stream->fts_path = nullptr;
        return false;
    }
    stream->fts_path = grown;
    stream->fts_pathlen = static_cast<int>(wanted);
    return true;
}

// After the buffer moved: every entry still alive points into the new one
// (the entries just read, the pending children, and up from `head` through
// the later siblings and parents).
void repoint(FTS* stream, FTSENT* head) {
    char* buffer = stream->fts_path;
    auto move = [buffer](FTSENT* entry) {
        if (entry->fts_accpath != entry->fts_name)
            entry->fts_accpath = buffer + (entry->fts_accpath - entry->fts_path);
        entry->fts_path = buffer;
    };
    for (FTSENT* entry = stream->fts_child; entry != nullptr; entry = entry->fts_link) move(entry);
    for (FTSENT* entry = head; entry->fts_level >= FTS_ROOTLEVEL;) {
        move(entry);
        entry = entry->fts_link != nullptr ? entry->fts_link : entry->fts_parent;
    }
}

// Where a child's name goes in the path: after the parent's path and a
// slash, the parent's own trailing slash not doubled ("/" + "usr").
size_t end_for_children(const FTSENT* parent) {
    size_t length = parent->fts_pathlen;
    return length > 0 && parent->fts_path[length - 1] == '/' ? length - 1 : length;
}

// The info code of an entry, from lstat (stat in a logical walk or when
// following): its stat in fts_statp, and for a directory its device, inode
// and link count, which the cycle check and FTS_XDEV use.
unsigned short examine(FTS* stream, FTSENT* entry, bool follow) {
    struct stat scratch;
    struct stat* status = is_set(stream, FTS_NOSTAT) ? &scratch : entry->fts_statp;
    if (is_set(stream, FTS_LOGICAL) || follow) {
        if (stat(entry->fts_accpath, status) != 0) {
            int error = errno;
            // Not there, but a link is: a link to nothing.
            if (lstat(entry->fts_accpath, status) == 0) {
                errno = 0;
                return FTS_SLNONE;
            }
            entry->fts_errno = error;
            memset(status, 0, sizeof *status);
            return FTS_NS;
        }
    } else if (lstat(entry->fts_accpath, status) != 0) {
        entry->fts_errno = errno;
        memset(status, 0, sizeof *status);
        return FTS_NS;
    }
    if (S_ISDIR(status->st_mode)) {
        entry->fts_dev = status->st_dev;
        entry->fts_ino = status->st_ino;
        entry->fts_nlink = status->st_nlink;
        if (is_dot_or_dot_dot(entry->fts_name)) return FTS_DOT;
        // One of its own ancestors (through a link, in a logical walk):
        // walking it would never end.
        for (FTSENT* above = entry->fts_parent; above->fts_level >= FTS_ROOTLEVEL;
             above = above->fts_parent) {
            if (above->fts_ino == entry->fts_ino && above->fts_dev == entry->fts_dev) {
                entry->fts_cycle = above;
                return FTS_DC;
            }
        }
        return FTS_D;
    }
    if (S_ISLNK(status->st_mode)) return FTS_SL;
    if (S_ISREG(status->st_mode)) return FTS_F;
    return FTS_DEFAULT;
}

// Into the directory `entry` (through `fd` if given, else by opening
// `path`), but only if it is still the one examined; a no-op under
// FTS_NOCHDIR. 0, or -1 with errno.
int enter_directory(FTS* stream, const FTSENT* entry, int fd, const char* path) {
    if (is_set(stream, FTS_NOCHDIR)) return 0;
    int directory = fd;
    if (fd < 0) {
        directory = open(path, O_RDONLY | O_CLOEXEC);
        if (directory < 0) return -1;
    }
    int result;
    struct stat status;
    if (fstat(directory, &status) != 0) {
        result = -1;
    } else if (status.st_dev != entry->fts_dev || status.st_ino != entry->fts_ino) {
        errno = ENOENT;  // replaced since it was examined
        result = -1;
    } else {
        result = fchdir(directory);
    }
    if (fd < 0) {
        int saved = errno;
        close(directory);
        errno = saved;
    }
    return result;
}

// Back to the directory fts_open was called in; true if done (or nothing
// to do under FTS_NOCHDIR).
bool back_to_start(FTS* stream) {
    return is_set(stream, FTS_NOCHDIR) || fchdir(stream->fts_rfd) == 0;
}

// A directory reached through FTS_FOLLOW: a descriptor for the directory
// the link is in, to come back to after it.
void keep_way_back(FTSENT* entry) {
    entry->fts_symfd = open(".", O_RDONLY | O_CLOEXEC);
    if (entry->fts_symfd < 0) {
        entry->fts_errno = errno;
        entry->fts_info = FTS_ERR;
    } else {
        entry->fts_flags |= FTS_SYMFOLLOW;
    }
}

// Stable merge sort of a list of `count` entries by the stream's order:
// equal entries keep their order, as with glibc's qsort (a merge sort).
FTSENT* sort_list(entry_order order, FTSENT* head, int count) {
    if (count < 2) return head;
    int left_count = count / 2;
    FTSENT* cut = head;
    for (int i = 1; i < left_count; ++i) cut = cut->fts_link;
    FTSENT* right = cut->fts_link;
    cut->fts_link = nullptr;
    FTSENT* left = sort_list(order, head, left_count);
    right = sort_list(order, right, count - left_count);
    FTSENT* merged = nullptr;
    FTSENT** tail = &merged;
    while (left != nullptr && right != nullptr) {
        const FTSENT* a = left;
        const FTSENT* b = right;
        FTSENT** from = order(&a, &b) <= 0 ? &left : &right;
        *tail = *from;
        tail = &(*from)->fts_link;
        *from = (*from)->fts_link;
    }
    *tail = left != nullptr ? left : right;
    return merged;
}

enum class purpose { read, children, names_only };

// The entries of the current directory (fts_cur), as a list in readdir
// order (sorted if the stream has an order), each examined unless there is
// no need. Reading for fts_read leaves the working directory inside it (it
// returns its entries next); for fts_children it comes back out. Null for
// an empty or unreadable directory (for fts_read, fts_cur's info then says
// FTS_DP or FTS_DNR) or on an error that ends the walk (FTS_STOP).
FTSENT* read_directory(FTS* stream, purpose why) {
    FTSENT* directory = stream->fts_cur;
    DIR* entries = opendir(directory->fts_accpath);
    if (entries == nullptr) {
        if (why == purpose::read) {
            directory->fts_info = FTS_DNR;
            directory->fts_errno = errno;
        }
        return nullptr;
    }

    // How many entries to examine: all (-1), none (0: names only), or,
    // FTS_NOSTAT in a physical walk, only those that may be directories,
    // and no more once the link count says every subdirectory is found
    // (each has a ".." link to this one; "." and ".." count 2 more unless
    // they are entries too).
    int directories_left = -1;
    bool trust_types = false;
    if (why == purpose::names_only) {
        directories_left = 0;
    } else if (is_set(stream, FTS_NOSTAT) && is_set(stream, FTS_PHYSICAL)) {
        directories_left =
            static_cast<int>(directory->fts_nlink) - (is_set(stream, FTS_SEEDOT) ? 0 : 2);
        trust_types = true;
    }

    // Into the directory, to examine its entries by name: if that fails,
    // only the names are returned, and fts_read will not come back out
    // through "..".
    bool entered = false;
    if (directories_left != 0 || why == purpose::read) {
        if (enter_directory(stream, directory, dirfd(entries), nullptr) != 0) {
            if (directories_left != 0 && why == purpose::read) directory->fts_errno = errno;
            directory->fts_flags |= FTS_DONTCHDIR;
            int saved = errno;
            closedir(entries);
            errno = saved;
            entries = nullptr;
        } else {
            entered = true;
        }
    }

    // Under FTS_NOCHDIR entries are examined by their whole path, built in
    // the buffer after the directory's.
    size_t prefix = end_for_children(directory) + 1;
    char* name_at = nullptr;
    if (is_set(stream, FTS_NOCHDIR)) {
        name_at = stream->fts_path + prefix;
        name_at[-1] = '/';
    }
    short level = static_cast<short>(directory->fts_level + 1);
    bool moved = false;
    FTSENT* head = nullptr;
    FTSENT** tail = &head;
    int count = 0;
    auto give_up = [&](FTSENT* partial) {
        int saved = errno;
        free(partial);
        free_list(head);
        if (entries != nullptr) closedir(entries);
        directory->fts_info = FTS_ERR;
        stream->fts_options |= FTS_STOP;
        errno = saved;
        return nullptr;
    };

    while (entries != nullptr) {
        struct dirent* found = readdir(entries);
        if (found == nullptr) break;
        if (!is_set(stream, FTS_SEEDOT) && is_dot_or_dot_dot(found->d_name)) continue;
        size_t length = strlen(found->d_name);
        FTSENT* entry = new_entry(stream, found->d_name, length);
        if (entry == nullptr) return give_up(nullptr);
        if (prefix + length >= static_cast<size_t>(stream->fts_pathlen)) {
            char* before = stream->fts_path;
            if (!grow_path(stream, prefix + length + 1)) return give_up(entry);
            if (stream->fts_path != before) {
                moved = true;
                entry->fts_path = stream->fts_path;
                if (name_at != nullptr) name_at = stream->fts_path + prefix;
            }
        }
        if (prefix + length >= USHRT_MAX) {
            errno = ENAMETOOLONG;
            return give_up(entry);
        }
        entry->fts_level = level;
        entry->fts_parent = directory;
        entry->fts_pathlen = static_cast<unsigned short>(prefix + length);
        bool surely_not_directory = trust_types && found->d_type != DT_DIR &&
                                    found->d_type != DT_UNKNOWN;
        if (directories_left == 0 || surely_not_directory) {
            entry->fts_accpath = name_at != nullptr ? entry->fts_path : entry->fts_name;
            entry->fts_info = FTS_NSOK;
        } else {
            if (name_at != nullptr) {
                entry->fts_accpath = entry->fts_path;
                memcpy(name_at, entry->fts_name, length + 1);
            } else {
                entry->fts_accpath = entry->fts_name;
            }
            entry->fts_info = examine(stream, entry, false);
            if (directories_left > 0 && (entry->fts_info == FTS_D || entry->fts_info == FTS_DC ||
                                         entry->fts_info == FTS_DOT))
                --directories_left;
        }
        *tail = entry;
        tail = &entry->fts_link;
        ++count;
    }
    if (entries != nullptr) closedir(entries);
    if (moved) repoint(stream, head != nullptr ? head : directory);

    // The buffer ends after the directory's path again; glibc leaves the
    // slash there when it found entries, and so does this.
    if (name_at != nullptr) {
        if (count == 0 || prefix >= static_cast<size_t>(stream->fts_pathlen)) --name_at;
        *name_at = '\0';
    }

    // Back out where the caller stays outside: fts_children, or an empty
    // directory (fts_read returns it as FTS_DP next).
    if (entered && (why == purpose::children || count == 0)) {
        bool back = directory->fts_level == FTS_ROOTLEVEL
                        ? back_to_start(stream)
                        : enter_directory(stream, directory->fts_parent, -1, "..") == 0;
        if (!back) {
            int saved = errno;
            free_list(head);
            directory->fts_info = FTS_ERR;
            stream->fts_options |= FTS_STOP;
            errno = saved;
            return nullptr;
        }
    }
    if (count == 0) {
        if (why == purpose::read) directory->fts_info = FTS_DP;
        return nullptr;
    }
    if (stream->fts_compar != nullptr && count > 1)
        head = sort_list(reinterpret_cast<entry_order>(stream->fts_compar), head, count);
    return head;
}

// A root becomes current: the path buffer holds it as given; its fts_name
// becomes the part after the last slash (a root "dir/" thus has the name "",
// a root "/" keeps "/", as in glibc).
void load_root(FTS* stream, FTSENT* root) {
    size_t length = root->fts_namelen;
    root->fts_pathlen = static_cast<unsigned short>(length);
    memmove(stream->fts_path, root->fts_name, length + 1);
    char* slash = strrchr(root->fts_name, '/');
    if (slash != nullptr && (slash != root->fts_name || slash[1] != '\0')) {
        size_t rest = strlen(slash + 1);
        memmove(root->fts_name, slash + 1, rest + 1);
        root->fts_namelen = static_cast<unsigned short>(rest);
    }
    root->fts_accpath = root->fts_path = stream->fts_path;
    stream->fts_dev = root->fts_dev;
}

// The path buffer made to hold `entry`'s path, which fts_read returns.
FTSENT* with_path(FTS* stream, FTSENT* entry) {
    char* at = stream->fts_path + end_for_children(entry->fts_parent);
    *at++ = '/';
    memmove(at, entry->fts_name, entry->fts_namelen + 1);
    return entry;
}

void free_stream(FTS* stream, FTSENT* roots, FTSENT* parent) {
    free_list(roots);
    free(parent);
    free(stream->fts_path);
    free(stream);
}

}  // namespace

extern "C" {

FTS* fts_open(char* const* paths, int options, entry_order order) {
    if (options & ~FTS_OPTIONMASK) {
        errno = EINVAL;
        return nullptr;
    }
    auto* stream = static_cast<FTS*>(calloc(1, sizeof(FTS)));
    if (stream == nullptr) return nullptr;
    stream->fts_compar = reinterpret_cast<int (*)(const void*, const void*)>(order);
    stream->fts_options = options;
    // A logical walk follows links into directories, and ".." out of one
    // would not lead back: it never changes directory.
    if (options & FTS_LOGICAL) stream->fts_options |= FTS_NOCHDIR;

    size_t longest = 0;
    for (char* const* path = paths; *path != nullptr; ++path) {
        size_t length = strlen(*path);
        if (length > longest) longest = length;
    }
    if (!grow_path(stream, longest + 1 > 1024 ? longest + 1 : 1024)) {
        free(stream);
        return nullptr;
    }

    // The roots hang from a parent of level -1 (FTS_ROOTPARENTLEVEL).
    FTSENT* parent = new_entry(stream, "", 0);
    if (parent == nullptr) {
        free_stream(stream, nullptr, nullptr);
        return nullptr;
    }
    parent->fts_level = FTS_ROOTPARENTLEVEL;
    FTSENT* roots = nullptr;
    FTSENT** tail = &roots;
    int count = 0;
    for (char* const* path = paths; *path != nullptr; ++path, ++count) {
        size_t length = strlen(*path);
        if (length == 0) {
            free_stream(stream, roots, parent);
            errno = ENOENT;
            return nullptr;
        }
        FTSENT* root = new_entry(stream, *path, length);
        if (root == nullptr) {
            free_stream(stream, roots, parent);
            errno = ENOMEM;
            return nullptr;
        }
        root->fts_level = FTS_ROOTLEVEL;
        root->fts_parent = parent;
        root->fts_accpath = root->fts_name;
        root->fts_info = examine(stream, root, options & FTS_COMFOLLOW);
        // "." and ".." named as roots are directories to walk.
        if (root->fts_info == FTS_DOT) root->fts_info = FTS_D;
        if (order != nullptr) {
            // Gathered last first, then sorted, as glibc does.
            root->fts_link = roots;
            roots = root;
        } else {
            *tail = root;
            tail = &root->fts_link;
        }
    }
    if (order != nullptr && count > 1) roots = sort_list(order, roots, count);

    // The current entry until the first fts_read: "before the roots".
    FTSENT* start = new_entry(stream, "", 0);
    if (start == nullptr) {
        free_stream(stream, roots, parent);
        errno = ENOMEM;
        return nullptr;
    }
    start->fts_link = roots;
    start->fts_parent = parent;
    start->fts_level = FTS_ROOTLEVEL;
    start->fts_info = FTS_INIT;
    stream->fts_cur = start;

    // Where to come back to (fts_close, and between roots); without it the
    // walk goes on without changing directory, as glibc's does.
    if (!is_set(stream, FTS_NOCHDIR)) {
        stream->fts_rfd = open(".", O_RDONLY | O_CLOEXEC);
        if (stream->fts_rfd < 0) stream->fts_options |= FTS_NOCHDIR;
    }
    return stream;
}

FTSENT* fts_read(FTS* stream) {
    if (stream->fts_cur == nullptr || is_set(stream, FTS_STOP)) return nullptr;
    FTSENT* entry = stream->fts_cur;
    int instruction = entry->fts_instr;
    entry->fts_instr = FTS_NOINSTR;

    // fts_set's requests about the entry returned last.
    if (instruction == FTS_AGAIN) {
        entry->fts_info = examine(stream, entry, false);
        return entry;
    }
    if (instruction == FTS_FOLLOW &&
        (entry->fts_info == FTS_SL || entry->fts_info == FTS_SLNONE)) {
        entry->fts_info = examine(stream, entry, true);
        if (entry->fts_info == FTS_D && !is_set(stream, FTS_NOCHDIR)) keep_way_back(entry);
        return entry;
    }

    // A directory seen in preorder: its first entry next, or the directory
    // again as FTS_DP if skipped, on another file system under FTS_XDEV,
    // empty, or unreadable (FTS_DNR).
    if (entry->fts_info == FTS_D) {
        if (instruction == FTS_SKIP ||
            (is_set(stream, FTS_XDEV) && entry->fts_dev != stream->fts_dev)) {
            if (entry->fts_symfd >= 0) {
                close(entry->fts_symfd);
                entry->fts_symfd = -1;
            }
            free_list(stream->fts_child);
            stream->fts_child = nullptr;
            entry->fts_info = FTS_DP;
            return entry;
        }
        // Names alone (FTS_NAMEONLY) will not do for the walk.
        if (stream->fts_child != nullptr && is_set(stream, FTS_NAMEONLY)) {
            stream->fts_options &= ~FTS_NAMEONLY;
            free_list(stream->fts_child);
            stream->fts_child = nullptr;
        }
        if (stream->fts_child != nullptr) {
            // fts_children read them already: only the move inside is left.
            // Failing that, the children are reached by the directory's
            // own access path, and the error shows on the way out.
            if (enter_directory(stream, entry, -1, entry->fts_accpath) != 0) {
                entry->fts_errno = errno;
                entry->fts_flags |= FTS_DONTCHDIR;
                for (FTSENT* child = stream->fts_child; child != nullptr; child = child->fts_link)
                    child->fts_accpath = child->fts_parent->fts_accpath;
            }
        } else {
            stream->fts_child = read_directory(stream, purpose::read);
            if (stream->fts_child == nullptr) return is_set(stream, FTS_STOP) ? nullptr : entry;
        }
        FTSENT* first = stream->fts_child;
        stream->fts_child = nullptr;
        stream->fts_cur = first;
        return with_path(stream, first);
    }

    // The next sibling (the next root, at the top), passing over those
    // fts_set told to skip.
    FTSENT* done = entry;
    while (FTSENT* next = done->fts_link) {
        stream->fts_cur = next;
        free_entry(done);
        done = next;
        if (next->fts_level == FTS_ROOTLEVEL) {
            if (!back_to_start(stream)) {
                stream->fts_options |= FTS_STOP;
                return nullptr;
            }
            load_root(stream, next);
            return next;
        }
        if (next->fts_instr == FTS_SKIP) continue;
        if (next->fts_instr == FTS_FOLLOW) {
            next->fts_info = examine(stream, next, true);
            if (next->fts_info == FTS_D && !is_set(stream, FTS_NOCHDIR)) keep_way_back(next);
            next->fts_instr = FTS_NOINSTR;
        }
        return with_path(stream, next);
    }

    // No sibling left: the parent again, in postorder, once back in the
    // directory it is in (by the start's descriptor for a root, the one
    // FTS_FOLLOW kept, or ".." checked against what was examined).
    FTSENT* parent = done->fts_parent;
    stream->fts_cur = parent;
    free_entry(done);
    if (parent->fts_level == FTS_ROOTPARENTLEVEL) {
        // The end: errno 0 tells it from an error.
        free(parent);
        stream->fts_cur = nullptr;
        errno = 0;
        return nullptr;
    }
    stream->fts_path[parent->fts_pathlen] = '\0';
    if (parent->fts_level == FTS_ROOTLEVEL) {
        if (!back_to_start(stream)) {
            stream->fts_options |= FTS_STOP;
            return nullptr;
        }
    } else if (parent->fts_flags & FTS_SYMFOLLOW) {
        int back = is_set(stream, FTS_NOCHDIR) ? 0 : fchdir(parent->fts_symfd);
        int saved = errno;
        close(parent->fts_symfd);
        parent->fts_symfd = -1;
        errno = saved;
        if (back != 0) {
            stream->fts_options |= FTS_STOP;
            return nullptr;
        }
    } else if (!(parent->fts_flags & FTS_DONTCHDIR) &&
               enter_directory(stream, parent->fts_parent, -1, "..") != 0) {
        stream->fts_options |= FTS_STOP;
        return nullptr;
    }
    parent->fts_info = parent->fts_errno != 0 ? FTS_ERR : FTS_DP;
    return parent;
}

// What fts_read does next with `entry`: FTS_AGAIN (return it again,
// examined anew), FTS_FOLLOW (a link: return what it points to), FTS_SKIP
// (a directory: not entered), FTS_NOINSTR or 0 (nothing); anything else is
// EINVAL, returned as 1.
int fts_set(FTS*, FTSENT* entry, int instruction) noexcept {
    if (instruction != 0 && instruction != FTS_AGAIN && instruction != FTS_FOLLOW &&
        instruction != FTS_NOINSTR && instruction != FTS_SKIP) {
        errno = EINVAL;
        return 1;
    }
    entry->fts_instr = static_cast<unsigned short>(instruction);
    return 0;
}

// The entries of the directory fts_read just returned in preorder (the
// roots, before the first fts_read), which fts_read then walks; null with
// errno 0 for an empty directory or any other entry. FTS_NAMEONLY: names
// only (FTS_NSOK), read again by fts_read.
FTSENT* fts_children(FTS* stream, int instruction) {
    if (instruction != 0 && instruction != FTS_NAMEONLY) {
        errno = EINVAL;
        return nullptr;
    }
    FTSENT* current = stream->fts_cur;
    errno = 0;
    if (current == nullptr || is_set(stream, FTS_STOP)) return nullptr;
    if (current->fts_info == FTS_INIT) return current->fts_link;
    if (current->fts_info != FTS_D) return nullptr;
    free_list(stream->fts_child);
    stream->fts_child = nullptr;
    purpose why = purpose::children;
    if (instruction == FTS_NAMEONLY) {
        stream->fts_options |= FTS_NAMEONLY;
        why = purpose::names_only;
    }
    if (current->fts_level != FTS_ROOTLEVEL || current->fts_accpath[0] == '/' ||
        is_set(stream, FTS_NOCHDIR))
        return stream->fts_child = read_directory(stream, why);
    // A relative root is read from where the caller is: come back there.
    int here = open(".", O_RDONLY | O_CLOEXEC);
    if (here < 0) return nullptr;
    stream->fts_child = read_directory(stream, why);
    int back = fchdir(here);
    int saved = errno;
    close(here);
    errno = saved;
    return back == 0 ? stream->fts_child : nullptr;
}

// Frees every entry and the stream, and goes back to the directory
// fts_open was called in: -1 with errno if that fails (all is freed still).
int fts_close(FTS* stream) {
    if (stream->fts_cur != nullptr) {
        FTSENT* entry = stream->fts_cur;
        while (entry->fts_level >= FTS_ROOTLEVEL) {
            FTSENT* next = entry->fts_link != nullptr ? entry->fts_link : entry->fts_parent;
            free_entry(entry);
            entry = next;
        }
        free_entry(entry);
    }
    free_list(stream->fts_child);
    free(stream->fts_array);
    free(stream->fts_path);
    int result = 0;
    if (!is_set(stream, FTS_NOCHDIR)) {
        if (fchdir(stream->fts_rfd) != 0) result = -1;
        int saved = errno;
        close(stream->fts_rfd);
        errno = saved;
    }
    free(stream);
    return result;
}

FTS64* fts64_open(char* const* paths, int options, int (*order)(const FTSENT64**, const FTSENT64**))
    __attribute__((alias("fts_open")));
FTSENT64* fts64_read(FTS64* stream) __attribute__((alias("fts_read")));
int fts64_set(FTS64* stream, FTSENT64* entry, int instruction) noexcept
    __attribute__((alias("fts_set")));
FTSENT64* fts64_children(FTS64* stream, int instruction) __attribute__((alias("fts_children")));
int fts64_close(FTS64* stream) __attribute__((alias("fts_close")));

}  // extern "C"
