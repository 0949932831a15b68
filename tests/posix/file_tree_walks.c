/* ftw and nftw (and ftw64, nftw64) on a temporary tree (temporary_tree.h):
 * the entries each reports with their type, path, base and level, for
 * physical and logical walks, FTW_DEPTH, FTW_CHDIR (the working directory
 * in each call), FTW_ACTIONRETVAL's FTW_SKIP_SUBTREE, FTW_SKIP_SIBLINGS and
 * FTW_STOP, a callback's own nonzero value; pre- and postorder and readdir
 * order among siblings; a directory reached twice in a logical walk
 * reported once; links to nothing (FTW_SLN, FTW_SL) and a loop of links
 * (ELOOP ends the walk, as in glibc); the roots glibc takes ("root/",
 * a file, a link, "" and missing ones); at most nopenfd descriptors open
 * while a deep tree is walked, whatever nopenfd (0, 1, ..., 100000); a
 * path longer than PATH_MAX; FTW_MOUNT on /dev when it holds another file
 * system; FTW_DNR for a directory that cannot be read (in a child without
 * root's privileges, which read any directory). Checked against glibc too
 * (-DCHECKING_AGAINST_GLIBC). */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../integration/check.h"
#include "child_process.h"
#include "temporary_tree.h"

enum { most_events = 200 };
static char events[most_events][PATH_MAX + 64];
static int event_count;
static char stop_at[32];  /* the callback's answer for the entry of this name ... */
static int stop_value;    /* ... is this (and 0 for the others) */
static int stop_type = -1; /* ... when reported with this type (any if -1) */
static int check_cwd;     /* FTW_CHDIR: check the working directory in each call */
static int descriptor_base, most_descriptors;

static const char* type_name(int type) {
    switch (type) {
    case FTW_F: return "F";
    case FTW_D: return "D";
    case FTW_DNR: return "DNR";
    case FTW_NS: return "NS";
    case FTW_SL: return "SL";
    case FTW_DP: return "DP";
    case FTW_SLN: return "SLN";
    }
    return "?";
}

/* The directory part of `path` ("." if none). */
static void directory_of(const char* path, char* directory) {
    const char* slash = strrchr(path, '/');
    if (slash == NULL) {
        strcpy(directory, ".");
        return;
    }
    memcpy(directory, path, (size_t)(slash - path));
    directory[slash - path] = '\0';
}

static int record(const char* path, const struct stat* status, int type, struct FTW* where) {
    CHECK(event_count < most_events);
    snprintf(events[event_count++], sizeof events[0], "%s %s %d %d", type_name(type), path,
             where->base, where->level);
    /* base points at the last name, level counts from the root. */
    CHECK(where->base == 0 || path[where->base - 1] == '/');
    CHECK(strchr(path + where->base, '/') == NULL || strcmp(path, "/") == 0);
    if (type == FTW_F) CHECK(S_ISREG(status->st_mode));
    if (type == FTW_D || type == FTW_DP || type == FTW_DNR) CHECK(S_ISDIR(status->st_mode));
    if (type == FTW_SL || type == FTW_SLN) CHECK(S_ISLNK(status->st_mode));
    if (check_cwd) {
        /* FTW_CHDIR: called from the directory the entry is in, except
         * FTW_DP, which is called from inside the directory itself (as
         * glibc does); the name alone works from there. */
        char expected[PATH_MAX];
        if (type == FTW_DP) strcpy(expected, path);
        else directory_of(path, expected);
        CHECK_STREQ(where_we_are(), expected);
        struct stat by_name;
        CHECK_EQ(lstat(type == FTW_DP ? "." : path + where->base, &by_name), 0);
    }
    int open_now = open_descriptors() - descriptor_base;
    if (open_now > most_descriptors) most_descriptors = open_now;
    if (strcmp(path + where->base, stop_at) == 0 && (stop_type < 0 || stop_type == type))
        return stop_value;
    return 0;
}

static int record_old(const char* path, const struct stat* status, int type) {
    struct FTW where = {(int)(strrchr(path, '/') ? strrchr(path, '/') - path + 1 : 0), -1};
    return record(path, status, type, &where);
}

static int compare_strings(const void* left, const void* right) {
    return strcmp(*(const char* const*)left, *(const char* const*)right);
}

/* The events, whatever their order, are exactly `expected` (null-ended). */
static void expect_events(const char* const* expected) {
    const char* got[most_events];
    const char* wanted[most_events];
    int count = 0;
    while (expected[count] != NULL) {
        wanted[count] = expected[count];
        ++count;
    }
    for (int i = 0; i < event_count; ++i) got[i] = events[i];
    qsort(got, (size_t)event_count, sizeof got[0], compare_strings);
    qsort(wanted, (size_t)count, sizeof wanted[0], compare_strings);
    for (int i = 0; i < count && i < event_count; ++i) CHECK_STREQ(got[i], wanted[i]);
    CHECK_EQ(event_count, count);
}

/* The index of the event for `path` of type `type`, -1 if none. */
static int event_index(const char* type, const char* path) {
    char prefix[PATH_MAX + 8];
    snprintf(prefix, sizeof prefix, "%s %s ", type, path);
    for (int i = 0; i < event_count; ++i)
        if (strncmp(events[i], prefix, strlen(prefix)) == 0) return i;
    return -1;
}

static void event_path(int index, char* path) {
    sscanf(strchr(events[index], ' ') + 1, "%s", path);
}

/* Each entry comes after its directory's FTW_D (preorder) or before its
 * FTW_DP (postorder), and the entries of `directory` in readdir order. */
static void expect_order(int postorder, const char* directory) {
    for (int i = 0; i < event_count; ++i) {
        char path[PATH_MAX], parent[PATH_MAX];
        event_path(i, path);
        directory_of(path, parent);
        int at = event_index(postorder ? "DP" : "D", parent);
        if (at >= 0) CHECK(postorder ? at > i : at < i);
    }
    DIR* listing = opendir(directory);
    CHECK(listing != NULL);
    int last = -1;
    struct dirent* entry;
    while ((entry = readdir(listing)) != NULL) {
        if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0) continue;
        char path[PATH_MAX];
        snprintf(path, sizeof path, "%s/%s", directory, entry->d_name);
        /* The entry's first event (a directory's D, or DP under FTW_DEPTH). */
        int first = -1;
        for (int i = 0; i < event_count && first < 0; ++i) {
            char reported[PATH_MAX];
            event_path(i, reported);
            if (strcmp(reported, path) == 0) first = i;
        }
        if (first < 0) continue; /* not reported */
        if (postorder) {
            /* Its last event, to compare with the siblings' last ones. */
            for (int i = first; i < event_count; ++i) {
                char reported[PATH_MAX];
                event_path(i, reported);
                if (strcmp(reported, path) == 0) first = i;
            }
        }
        CHECK(first > last);
        last = first;
    }
    CHECK_EQ(closedir(listing), 0);
}

static int walk(const char* root, int descriptors, int flags) {
    event_count = 0;
    most_descriptors = 0;
    descriptor_base = open_descriptors();
    int result = nftw(root, record, descriptors, flags);
    int error = errno;
    CHECK_EQ(open_descriptors(), descriptor_base); /* none left open */
    errno = error;
    return result;
}

static void physical_and_logical(void) {
    CHECK_EQ(walk("root", 10, FTW_PHYS), 0);
    const char* physical[] = {
        "D root 0 0",           "F root/a 5 1",           "D root/b 5 1",
        "F root/b/c 7 2",       "D root/b/d 7 2",         "F root/b/d/e 9 3",
        "SL root/b/link_to_a 7 2", "SL root/b/link_up 7 2", "SL root/dangling 5 1",
        "D root/empty 5 1",     NULL};
    expect_events(physical);
    expect_order(0, "root");
    expect_order(0, "root/b");

    /* Logical: links followed, so link_to_a is its file, link_up (back to
     * the root, already walked) is not reported at all, and the link to
     * nothing is FTW_SLN with the link's own status. */
    CHECK_EQ(walk("root", 10, 0), 0);
    const char* logical[] = {
        "D root 0 0",       "F root/a 5 1",      "D root/b 5 1",
        "F root/b/c 7 2",   "D root/b/d 7 2",    "F root/b/d/e 9 3",
        "F root/b/link_to_a 7 2", "SLN root/dangling 5 1", "D root/empty 5 1", NULL};
    expect_events(logical);
    expect_order(0, "root/b");

    /* Postorder: FTW_DP after the entries. */
    CHECK_EQ(walk("root", 10, FTW_PHYS | FTW_DEPTH), 0);
    const char* depth[] = {
        "DP root 0 0",           "F root/a 5 1",           "DP root/b 5 1",
        "F root/b/c 7 2",        "DP root/b/d 7 2",        "F root/b/d/e 9 3",
        "SL root/b/link_to_a 7 2", "SL root/b/link_up 7 2", "SL root/dangling 5 1",
        "DP root/empty 5 1",     NULL};
    expect_events(depth);
    expect_order(1, "root");
    expect_order(1, "root/b");

    /* ftw: nftw's logical walk, FTW_SLN told as FTW_NS. */
    event_count = 0;
    CHECK_EQ(ftw("root", record_old, 10), 0);
    const char* old_style[] = {
        "D root 0 -1",     "F root/a 5 -1",    "D root/b 5 -1",
        "F root/b/c 7 -1", "D root/b/d 7 -1",  "F root/b/d/e 9 -1",
        "F root/b/link_to_a 7 -1", "NS root/dangling 5 -1", "D root/empty 5 -1", NULL};
    expect_events(old_style);
    event_count = 0;
    CHECK_EQ(ftw64("root/b/d", (__ftw64_func_t)record_old, 1), 0);
    const char* sub[] = {"D root/b/d 7 -1", "F root/b/d/e 9 -1", NULL};
    expect_events(sub);
}

static void working_directories(void) {
    check_cwd = 1;
    CHECK_EQ(walk("root", 10, FTW_PHYS | FTW_CHDIR), 0);
    CHECK_EQ(event_count, 10);
    CHECK_STREQ(where_we_are(), "."); /* back where it started */
    CHECK_EQ(walk("root", 10, FTW_PHYS | FTW_CHDIR | FTW_DEPTH), 0);
    CHECK_EQ(event_count, 10);
    /* With the streams closed early (one descriptor: the starting
     * directory's, and one stream), ".." brings it back. */
    CHECK_EQ(walk("root", 1, FTW_CHDIR | FTW_DEPTH), 0);
    CHECK_EQ(event_count, 9);
    CHECK_STREQ(where_we_are(), ".");
    check_cwd = 0;
}

static void steering(void) {
    /* FTW_SKIP_SUBTREE from b's FTW_D: nothing inside b, the rest walked. */
    strcpy(stop_at, "b");
    stop_value = FTW_SKIP_SUBTREE;
    CHECK_EQ(walk("root", 10, FTW_PHYS | FTW_ACTIONRETVAL), 0);
    const char* skipped[] = {"D root 0 0", "F root/a 5 1", "D root/b 5 1",
                             "SL root/dangling 5 1", "D root/empty 5 1", NULL};
    expect_events(skipped);

    /* FTW_SKIP_SIBLINGS from b's first entry: b's other entries are not
     * reported, b's FTW_DP is, and the walk goes on after b. */
    DIR* listing = opendir("root/b");
    CHECK(listing != NULL);
    struct dirent* entry;
    do {
        entry = readdir(listing);
        CHECK(entry != NULL);
    } while (entry->d_name[0] == '.');
    strcpy(stop_at, entry->d_name);
    CHECK_EQ(closedir(listing), 0);
    stop_value = FTW_SKIP_SIBLINGS;
    CHECK_EQ(walk("root", 10, FTW_PHYS | FTW_ACTIONRETVAL | FTW_DEPTH), 0);
    CHECK(event_index("DP", "root/b") >= 0);
    CHECK(event_index("DP", "root") >= 0);
    CHECK(event_index("F", "root/a") >= 0);
    int inside_b = 0;
    for (int i = 0; i < event_count; ++i)
        if (strncmp(strchr(events[i], ' ') + 1, "root/b/", 7) == 0) ++inside_b;
    /* The first entry (with what is under it when it is d) and no other. */
    CHECK_EQ(inside_b, strcmp(stop_at, "d") == 0 ? 2 : 1);

    /* FTW_STOP: the walk ends at once and nftw returns it. */
    strcpy(stop_at, "e");
    stop_value = FTW_STOP;
    CHECK_EQ(walk("root", 10, FTW_PHYS | FTW_ACTIONRETVAL | FTW_DEPTH), FTW_STOP);
    CHECK_STREQ(events[event_count - 1], "F root/b/d/e 9 3");
    CHECK(event_index("DP", "root/b/d") < 0);

    /* Without FTW_ACTIONRETVAL any nonzero value ends the walk and is the
     * answer, FTW_SKIP_SUBTREE's value too. */
    strcpy(stop_at, "c");
    stop_value = 42;
    CHECK_EQ(walk("root", 10, FTW_PHYS), 42);
    CHECK_STREQ(events[event_count - 1], "F root/b/c 7 2");
    strcpy(stop_at, "b");
    stop_value = FTW_SKIP_SUBTREE;
    CHECK_EQ(walk("root", 10, FTW_PHYS), FTW_SKIP_SUBTREE);
    CHECK_STREQ(events[event_count - 1], "D root/b 5 1");
    /* ... and under it, a value of its own ends the walk too. */
    strcpy(stop_at, "d");
    stop_value = 7;
    CHECK_EQ(walk("root", 10, FTW_PHYS | FTW_ACTIONRETVAL), 7);
    /* FTW_SKIP_SIBLINGS from a directory's FTW_DP: the rest of its parent
     * is skipped, the parent's FTW_DP still comes. */
    stop_type = FTW_DP;
    stop_value = FTW_SKIP_SIBLINGS;
    CHECK_EQ(walk("root", 10, FTW_PHYS | FTW_ACTIONRETVAL | FTW_DEPTH), 0);
    CHECK(event_index("DP", "root/b") > event_index("DP", "root/b/d"));
    stop_type = -1;
    stop_at[0] = '\0';
    stop_value = 0;
}

static void roots(void) {
    /* Trailing slashes go. */
    CHECK_EQ(walk("root//", 10, FTW_PHYS), 0);
    CHECK_EQ(event_index("D", "root"), 0);
    CHECK(event_index("F", "root/b/c") > 0);
    /* A root that is a file, or a link (followed unless FTW_PHYS). */
    CHECK_EQ(walk("root/b/c", 10, 0), 0);
    CHECK_EQ(event_count, 1);
    CHECK_STREQ(events[0], "F root/b/c 7 0");
    CHECK_EQ(walk("root/b/link_up", 10, FTW_PHYS), 0);
    CHECK_EQ(event_count, 1);
    CHECK_STREQ(events[0], "SL root/b/link_up 7 0");
    CHECK_EQ(walk("root/b/link_up", 10, 0), 0);
    CHECK_STREQ(events[0], "D root/b/link_up 7 0");
    CHECK(event_index("F", "root/b/link_up/a") > 0);
    CHECK(event_index("F", "root/b/link_up/b/c") > 0);
    CHECK(event_index("D", "root/b/link_up/b") > 0);
    CHECK_EQ(walk("root/dangling", 10, 0), 0);
    CHECK_EQ(event_count, 1);
    CHECK_STREQ(events[0], "SLN root/dangling 5 0");
    CHECK_EQ(walk("root/dangling", 10, FTW_PHYS), 0);
    CHECK_STREQ(events[0], "SL root/dangling 5 0");
    /* The same through a whole path. */
    char whole[PATH_MAX];
    snprintf(whole, sizeof whole, "%s/root/b", tree_directory);
    CHECK_EQ(walk(whole, 10, FTW_PHYS | FTW_CHDIR), 0);
    CHECK_EQ(event_count, 6);
    CHECK_STREQ(where_we_are(), ".");

    /* Roots that are not there: -1 and stat's errno, no call. */
    errno = 0;
    CHECK_EQ(walk("missing", 10, 0), -1);
    CHECK_EQ(errno, ENOENT);
    CHECK_EQ(event_count, 0);
    errno = 0;
    CHECK_EQ(walk("", 10, FTW_PHYS), -1);
    CHECK_EQ(errno, ENOENT);
    errno = 0;
    CHECK_EQ(walk("root/a/x", 10, 0), -1);
    CHECK_EQ(errno, ENOTDIR);
    CHECK_EQ(event_count, 0);
    /* Unknown flags. */
    errno = 0;
    CHECK_EQ(walk("root", 10, 32), -1);
    CHECK_EQ(errno, EINVAL);
    CHECK_EQ(event_count, 0);
}

static void links_that_loop_or_repeat(void) {
    /* A directory reached twice in a logical walk (x, and y, a link to it)
     * is walked once, under whichever name readdir gives first. */
    make_directory("twice");
    make_directory("twice/x");
    make_file("twice/x/file");
    CHECK_EQ(symlink("x", "twice/y"), 0);
    CHECK_EQ(walk("twice", 10, 0), 0);
    CHECK_EQ(event_count, 3);
    int through_x = event_index("D", "twice/x") >= 0;
    CHECK(event_index("D", through_x ? "twice/x" : "twice/y") == 1);
    CHECK(event_index("F", through_x ? "twice/x/file" : "twice/y/file") == 2);
    CHECK_EQ(walk("twice", 10, FTW_PHYS), 0);
    CHECK_EQ(event_count, 4);
    CHECK(event_index("SL", "twice/y") > 0);

    /* A link that names itself: ELOOP ends a logical walk with -1 (glibc
     * reports FTW_NS only for EACCES and ENOENT); a physical one reports
     * the link. */
    make_directory("loop");
    CHECK_EQ(symlink("self", "loop/self"), 0);
    errno = 0;
    CHECK_EQ(walk("loop", 10, 0), -1);
    CHECK_EQ(errno, ELOOP);
    CHECK_EQ(walk("loop", 10, FTW_PHYS), 0);
    CHECK_EQ(event_count, 2);
    CHECK(event_index("SL", "loop/self") == 1);
}

/* A chain deep/1/2/.../8, each level with a file: all of it is walked with
 * any number of descriptors, and never more than nopenfd are open. */
static void descriptor_limit(void) {
    char path[PATH_MAX] = "deep";
    make_directory(path);
    for (int level = 1; level <= 8; ++level) {
        char file[PATH_MAX + 8];
        snprintf(file, sizeof file, "%s/file%d", path, level);
        make_file(file);
        size_t length = strlen(path);
        snprintf(path + length, sizeof path - length, "/%d", level);
        make_directory(path);
    }
    /* glibc zeroes a pointer per allowed descriptor first (16 GB for
     * INT_MAX, a minute's work here): INT_MAX is lwp's alone. */
    static const int limits[] = {0, 1, 2, 3, 5, 20, 100000,
#ifndef CHECKING_AGAINST_GLIBC
                                 INT_MAX
#endif
    };
    for (unsigned i = 0; i < sizeof limits / sizeof limits[0]; ++i) {
        int limit = limits[i];
        int allowed = limit < 1 ? 1 : limit > 9 ? 9 : limit;
        CHECK_EQ(walk("deep", limit, FTW_PHYS), 0);
        CHECK_EQ(event_count, 17);
        CHECK_EQ(most_descriptors, allowed);
        CHECK(event_index("F", "deep/1/2/3/4/5/6/7/file8") > event_index("D", "deep/1/2/3/4/5/6/7"));
        /* In postorder the deepest directory (no file in it) is reported
         * once closed: 8 at most. */
        CHECK_EQ(walk("deep", limit, FTW_DEPTH), 0);
        CHECK_EQ(event_count, 17);
        CHECK_EQ(most_descriptors, allowed == 9 ? 8 : allowed);
        /* FTW_CHDIR keeps the starting directory open: one stream fewer
         * (but at least one). */
        check_cwd = 1;
        CHECK_EQ(walk("deep", limit, FTW_CHDIR), 0);
        check_cwd = 0;
        CHECK_EQ(event_count, 17);
        CHECK_EQ(most_descriptors, limit <= 1 ? 2 : allowed == 9 ? 10 : allowed);
        CHECK_STREQ(where_we_are(), ".");
    }
}

/* A path longer than PATH_MAX (17 names of 250 bytes), walked from its top
 * by descriptors relative to each directory (glibc's bug 28126 was the
 * buffer growing there). */
static void longer_than_path_max(void) {
    char name[251];
    memset(name, 'n', 250);
    name[250] = '\0';
    make_directory("long");
    int fd = open("long", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    CHECK(fd >= 0);
    for (int level = 0; level < 17; ++level) {
        CHECK_EQ(mkdirat(fd, name, 0755), 0);
        int inner = openat(fd, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        CHECK(inner >= 0);
        CHECK_EQ(close(fd), 0);
        fd = inner;
    }
    CHECK_EQ(close(fd), 0);
    CHECK_EQ(walk("long", 20, FTW_PHYS), 0);
    CHECK_EQ(event_count, 18);
    CHECK(strlen(events[17]) > PATH_MAX);
#ifndef CHECKING_AGAINST_GLIBC
    /* glibc 2.36 garbles the path when it outgrows its first buffer under
     * FTW_CHDIR (the buffer shares a block with an array one entry shorter
     * by then) and ends on an assertion; lwp's keeps it whole. */
    CHECK_EQ(walk("long", 20, FTW_PHYS | FTW_CHDIR | FTW_DEPTH), 0);
    CHECK_EQ(event_count, 18);
    CHECK_STREQ(where_we_are(), ".");
#endif
}

/* FTW_MOUNT leaves out what lies on another file system: /dev/pts or
 * /dev/shm where they are mounted (nothing to check otherwise). */
static const char* mount_point;
static int saw_mount_point;
static int note_mount_point(const char* path, const struct stat* status, int type,
                            struct FTW* where) {
    (void)status;
    if (strcmp(path, mount_point) == 0) saw_mount_point = 1;
    return where->level >= 1 && type == FTW_D ? FTW_SKIP_SUBTREE : 0;
}

static void other_file_systems(void) {
    static const char* const candidates[] = {"/dev/pts", "/dev/shm", "/dev/mqueue"};
    struct stat top;
    CHECK_EQ(stat("/dev", &top), 0);
    for (unsigned i = 0; i < 3; ++i) {
        struct stat inside;
        if (lstat(candidates[i], &inside) != 0 || !S_ISDIR(inside.st_mode) ||
            inside.st_dev == top.st_dev)
            continue;
        mount_point = candidates[i];
        saw_mount_point = 0;
        CHECK_EQ(nftw("/dev", note_mount_point, 5, FTW_PHYS | FTW_ACTIONRETVAL), 0);
        CHECK(saw_mount_point);
        saw_mount_point = 0;
        CHECK_EQ(nftw("/dev", note_mount_point, 5, FTW_PHYS | FTW_ACTIONRETVAL | FTW_MOUNT), 0);
        CHECK(!saw_mount_point);
    }
}

/* A directory the walker may not read: FTW_DNR (and not FTW_D, nor
 * FTW_DP), the walk going on. Root reads anything, so a child that is not
 * root looks (when root cannot become another user, nothing is checked). */
static void unreadable_directory(void) {
    pid_t child = fork_with_unreadable_directory();
    if (child == 0) {
        CHECK_EQ(walk("locked", 10, FTW_PHYS), 0);
        const char* preorder[] = {"D locked 0 0", "F locked/first 7 1", "DNR locked/shut 7 1",
                                  "F locked/last 7 1", NULL};
        expect_events(preorder);
        CHECK_EQ(walk("locked", 10, FTW_PHYS | FTW_DEPTH), 0);
        const char* postorder[] = {"DP locked 0 0", "F locked/first 7 1", "DNR locked/shut 7 1",
                                   "F locked/last 7 1", NULL};
        expect_events(postorder);
        /* The name alone, from the directory it is in. */
        CHECK_EQ(walk("locked", 10, FTW_CHDIR), 0);
        CHECK_EQ(event_count, 4);
        _exit(0);
    }
    expect_exit_code(child, 0);
}

int main(void) {
    make_tree();
    physical_and_logical();
    working_directories();
    steering();
    roots();
    links_that_loop_or_repeat();
    descriptor_limit();
    longer_than_path_max();
    other_file_systems();
    unreadable_directory();
    remove_tree();
    return 0;
}
