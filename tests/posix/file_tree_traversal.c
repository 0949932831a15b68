/* fts_open fts_read fts_children fts_set fts_close (and the fts64_ names)
 * on a temporary tree (temporary_tree.h, with root/linkdir -> b added): the
 * sequence of entries with their info, path, access path, name and level,
 * sorted by a comparison, for physical and logical walks (FTS_DC for the
 * link back up, FTS_SLNONE for the link to nothing), FTS_NOCHDIR, FTS_SEEDOT,
 * FTS_NOSTAT, FTS_COMFOLLOW, FTS_XDEV (on /dev when it holds another file
 * system); the working directory the access path works from; fts_set's
 * FTS_SKIP, FTS_AGAIN and FTS_FOLLOW; fts_children (and FTS_NAMEONLY);
 * roots in argument order, sorted, and with a comparison that finds them
 * all equal (glibc then gives them last first); fts_number kept from
 * preorder to postorder; errors (ENOENT, EINVAL, FTS_NS, FTS_DNR in a child
 * without root's privileges); the end (null, errno 0); fts_close from the
 * middle of a walk (back where fts_open was called, no descriptor left).
 * Checked against glibc too (-DCHECKING_AGAINST_GLIBC). */
#include <errno.h>
#include <fcntl.h>
#include <fts.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../integration/check.h"
#include "child_process.h"
#include "temporary_tree.h"

static const char* info_name(int info) {
    static const char* const names[] = {"?",  "D",  "DC",   "DEFAULT", "DNR",  "DOT",    "DP", "ERR",
                                        "F", "INIT", "NS", "NSOK",    "SL", "SLNONE", "W"};
    return info >= 0 && info <= 14 ? names[info] : "?";
}

static int by_name(const FTSENT** left, const FTSENT** right) {
    return strcmp((*left)->fts_name, (*right)->fts_name);
}

static int all_equal(const FTSENT** left, const FTSENT** right) {
    (void)left;
    (void)right;
    return 0;
}

/* True if the working directory is `directory` (in the temporary one, or
 * absolute; links followed). */
static int same_directory(const char* here, const char* directory) {
    char path[PATH_MAX];
    if (directory[0] == '/') snprintf(path, sizeof path, "%s", directory);
    else snprintf(path, sizeof path, "%s/%s", tree_directory, directory);
    struct stat first, second;
    CHECK_EQ(stat(here, &first), 0);
    CHECK_EQ(stat(path, &second), 0);
    return first.st_dev == second.st_dev && first.st_ino == second.st_ino;
}

enum { most_steps = 100 };
static char steps[most_steps][256];
static int step_count;

/* One entry fts_read returned: recorded as "INFO path accpath name level",
 * with what must hold of every entry checked. */
static void note(FTS* stream, FTSENT* entry) {
    CHECK(step_count < most_steps);
    snprintf(steps[step_count++], sizeof steps[0], "%s %s %s %s %d", info_name(entry->fts_info),
             entry->fts_path, entry->fts_accpath, entry->fts_name, entry->fts_level);
    CHECK_EQ(entry->fts_pathlen, strlen(entry->fts_path));
    CHECK_EQ(entry->fts_namelen, strlen(entry->fts_name));
    CHECK(entry->fts_path == stream->fts_path); /* one buffer for all */
    if (entry->fts_level > 0) {
        const char* slash = strrchr(entry->fts_path, '/');
        CHECK(slash != NULL);
        CHECK_STREQ(slash + 1, entry->fts_name);
        CHECK_EQ(entry->fts_parent->fts_level, entry->fts_level - 1);
    }
    /* The access path works from where we are now: the entry's directory
     * while the walk changes directory, the starting one otherwise. */
    if (entry->fts_info != FTS_NS) {
        struct stat status;
        CHECK_EQ(lstat(entry->fts_accpath, &status), 0);
    }
    char directory[PATH_MAX] = ".";
    if (!(stream->fts_options & FTS_NOCHDIR) && entry->fts_level > 0) {
        strcpy(directory, entry->fts_path);
        *strrchr(directory, '/') = '\0';
    }
    CHECK(same_directory(".", directory));
}

static void expect_steps(const char* const* expected) {
    int count = 0;
    for (; expected[count] != NULL; ++count) {
        CHECK(count < step_count);
        CHECK_STREQ(steps[count], expected[count]);
    }
    CHECK_EQ(step_count, count);
}

/* The whole walk of `paths` with these options, in name order. */
static void walk(char* const* paths, int options, int (*order)(const FTSENT**, const FTSENT**)) {
    step_count = 0;
    int descriptors = open_descriptors();
    FTS* stream = fts_open(paths, options, order);
    CHECK(stream != NULL);
    FTSENT* entry;
    while ((errno = 0, entry = fts_read(stream)) != NULL) note(stream, entry);
    CHECK_EQ(errno, 0); /* the end, not an error */
    CHECK(fts_read(stream) == NULL);
    CHECK_EQ(fts_close(stream), 0);
    CHECK_EQ(open_descriptors(), descriptors);
    CHECK(same_directory(".", tree_directory));
}

static char root[] = "root";
static char* const just_root[] = {root, NULL};

static void physical_and_logical(void) {
    walk(just_root, FTS_PHYSICAL, by_name);
    const char* physical[] = {"D root root root 0",
                              "F root/a a a 1",
                              "D root/b b b 1",
                              "F root/b/c c c 2",
                              "D root/b/d d d 2",
                              "F root/b/d/e e e 3",
                              "DP root/b/d d d 2",
                              "SL root/b/link_to_a link_to_a link_to_a 2",
                              "SL root/b/link_up link_up link_up 2",
                              "DP root/b b b 1",
                              "SL root/dangling dangling dangling 1",
                              "D root/empty empty empty 1",
                              "DP root/empty empty empty 1",
                              "SL root/linkdir linkdir linkdir 1",
                              "DP root root root 0",
                              NULL};
    expect_steps(physical);

    /* Without changing directory the access path is the whole path. */
    walk(just_root, FTS_PHYSICAL | FTS_NOCHDIR, by_name);
    CHECK_EQ(step_count, 15);
    CHECK_STREQ(steps[3], "F root/b/c root/b/c c 2");
    CHECK_STREQ(steps[14], "DP root root root 0");

    /* Logical: links followed (no directory change then), a link back to
     * an ancestor is FTS_DC, one to nothing FTS_SLNONE. */
    walk(just_root, FTS_LOGICAL, by_name);
    const char* logical[] = {"D root root root 0",
                             "F root/a root/a a 1",
                             "D root/b root/b b 1",
                             "F root/b/c root/b/c c 2",
                             "D root/b/d root/b/d d 2",
                             "F root/b/d/e root/b/d/e e 3",
                             "DP root/b/d root/b/d d 2",
                             "F root/b/link_to_a root/b/link_to_a link_to_a 2",
                             "DC root/b/link_up root/b/link_up link_up 2",
                             "DP root/b root/b b 1",
                             "SLNONE root/dangling root/dangling dangling 1",
                             "D root/empty root/empty empty 1",
                             "DP root/empty root/empty empty 1",
                             "D root/linkdir root/linkdir linkdir 1",
                             "F root/linkdir/c root/linkdir/c c 2",
                             "D root/linkdir/d root/linkdir/d d 2",
                             "F root/linkdir/d/e root/linkdir/d/e e 3",
                             "DP root/linkdir/d root/linkdir/d d 2",
                             "F root/linkdir/link_to_a root/linkdir/link_to_a link_to_a 2",
                             "DC root/linkdir/link_up root/linkdir/link_up link_up 2",
                             "DP root/linkdir root/linkdir linkdir 1",
                             "DP root root root 0",
                             NULL};
    expect_steps(logical);

    /* FTS_DC points at the ancestor it repeats. */
    FTS* stream = fts_open(just_root, FTS_LOGICAL, by_name);
    CHECK(stream != NULL);
    FTSENT* entry;
    int cycles = 0;
    while ((entry = fts_read(stream)) != NULL) {
        if (entry->fts_info != FTS_DC) continue;
        ++cycles;
        CHECK(entry->fts_cycle != NULL);
        CHECK_EQ(entry->fts_cycle->fts_level, 0);
        CHECK_STREQ(entry->fts_cycle->fts_name, "root");
        CHECK_EQ(entry->fts_statp->st_ino, entry->fts_cycle->fts_statp->st_ino);
    }
    CHECK_EQ(cycles, 2);
    CHECK_EQ(fts_close(stream), 0);

    /* "." and "..", as FTS_DOT, with FTS_SEEDOT: two in each directory read. */
    walk(just_root, FTS_PHYSICAL | FTS_SEEDOT, by_name);
    CHECK_EQ(step_count, 15 + 8);
    CHECK_STREQ(steps[1], "DOT root/. . . 1");
    CHECK_STREQ(steps[2], "DOT root/.. .. .. 1");

    /* FTS_NOSTAT: what is surely not a directory may be left unexamined
     * (FTS_NSOK; d_type decides), directories are still walked. */
    walk(just_root, FTS_PHYSICAL | FTS_NOSTAT, by_name);
    CHECK_EQ(step_count, 15);
    for (int i = 0; i < step_count; ++i) {
        char info[16], path[200];
        CHECK_EQ(sscanf(steps[i], "%15s %199s", info, path), 2);
        if (strcmp(path, "root/a") == 0 || strcmp(path, "root/b/c") == 0)
            CHECK(strcmp(info, "NSOK") == 0 || strcmp(info, "F") == 0);
        if (strcmp(path, "root/b/d") == 0) CHECK(strcmp(info, "D") == 0 || strcmp(info, "DP") == 0);
    }
}

static void roots(void) {
    /* A link given as a root is followed with FTS_COMFOLLOW only. */
    char link[] = "root/linkdir";
    char* const linked[] = {link, NULL};
    walk(linked, FTS_PHYSICAL, by_name);
    const char* unfollowed[] = {"SL root/linkdir root/linkdir linkdir 0", NULL};
    expect_steps(unfollowed);
    walk(linked, FTS_PHYSICAL | FTS_COMFOLLOW, by_name);
    CHECK_EQ(step_count, 8);
    CHECK_STREQ(steps[0], "D root/linkdir root/linkdir linkdir 0");
    CHECK_STREQ(steps[1], "F root/linkdir/c c c 1");

    /* Several roots: in argument order, sorted (the comparison sees each
     * whole argument as the name), or, when the comparison finds them all
     * equal, last first (glibc's order). A missing one is FTS_NS. */
    char c[] = "root/b/c", a[] = "root/a", empty[] = "root/empty", missing[] = "missing";
    char* const several[] = {c, a, missing, empty, NULL};
    walk(several, FTS_PHYSICAL, NULL);
    const char* given[] = {"F root/b/c root/b/c c 0",      "F root/a root/a a 0",
                           "NS missing missing missing 0", "D root/empty root/empty empty 0",
                           "DP root/empty root/empty empty 0", NULL};
    expect_steps(given);
    walk(several, FTS_PHYSICAL, by_name);
    const char* sorted[] = {"NS missing missing missing 0", "F root/a root/a a 0",
                            "F root/b/c root/b/c c 0",      "D root/empty root/empty empty 0",
                            "DP root/empty root/empty empty 0", NULL};
    expect_steps(sorted);
    walk(several, FTS_PHYSICAL, all_equal);
    const char* reversed[] = {"D root/empty root/empty empty 0", "DP root/empty root/empty empty 0",
                              "NS missing missing missing 0",    "F root/a root/a a 0",
                              "F root/b/c root/b/c c 0",         NULL};
    expect_steps(reversed);

    /* A root with a trailing slash keeps it in the path; its name is what
     * follows the slash (nothing), as in glibc. */
    char slashed[] = "root/b/d/";
    char* const with_slash[] = {slashed, NULL};
    walk(with_slash, FTS_PHYSICAL, by_name);
    const char* slash_steps[] = {"D root/b/d/ root/b/d/  0", "F root/b/d/e e e 1",
                                 "DP root/b/d/ root/b/d/  0", NULL};
    expect_steps(slash_steps);

    /* The missing root's error, and fts_open's refusals. */
    char* const alone[] = {missing, NULL};
    FTS* stream = fts_open(alone, FTS_PHYSICAL, NULL);
    CHECK(stream != NULL);
    FTSENT* entry = fts_read(stream);
    CHECK(entry != NULL);
    CHECK_EQ(entry->fts_info, FTS_NS);
    CHECK_EQ(entry->fts_errno, ENOENT);
    errno = EBADF;
    CHECK(fts_read(stream) == NULL);
    CHECK_EQ(errno, 0);
    CHECK_EQ(fts_close(stream), 0);
    char nothing[] = "";
    char* const with_empty[] = {root, nothing, NULL};
    errno = 0;
    CHECK(fts_open(with_empty, FTS_PHYSICAL, NULL) == NULL);
    CHECK_EQ(errno, ENOENT);
    errno = 0;
    CHECK(fts_open(just_root, FTS_PHYSICAL | 0x100, NULL) == NULL);
    CHECK_EQ(errno, EINVAL);
}

/* fts_set's instructions, and fts_number from preorder to postorder. */
static void instructions(void) {
    step_count = 0;
    FTS* stream = fts_open(just_root, FTS_PHYSICAL, by_name);
    CHECK(stream != NULL);
    FTSENT* entry;
    int again_done = 0;
    FTSENT* b_entry = NULL;
    while ((entry = fts_read(stream)) != NULL) {
        note(stream, entry);
        if (entry->fts_info == FTS_D && strcmp(entry->fts_name, "b") == 0) {
            entry->fts_number = 42;
            b_entry = entry;
            CHECK_EQ(fts_set(stream, entry, FTS_SKIP), 0);
        }
        if (entry->fts_info == FTS_DP && strcmp(entry->fts_name, "b") == 0) {
            CHECK(entry == b_entry); /* the same entry, with what was kept in it */
            CHECK_EQ(entry->fts_number, 42);
        }
        if (strcmp(entry->fts_name, "a") == 0 && !again_done) {
            again_done = 1;
            CHECK_EQ(fts_set(stream, entry, FTS_AGAIN), 0);
        }
        if (entry->fts_info == FTS_SL) CHECK_EQ(fts_set(stream, entry, FTS_FOLLOW), 0);
        if (entry->fts_info == FTS_D && strcmp(entry->fts_name, "empty") == 0) {
            errno = 0;
            CHECK_EQ(fts_set(stream, entry, 99), 1);
            CHECK_EQ(errno, EINVAL);
        }
    }
    const char* expected[] = {"D root root root 0",
                              "F root/a a a 1",
                              "F root/a a a 1", /* again */
                              "D root/b b b 1",
                              "DP root/b b b 1", /* skipped */
                              "SL root/dangling dangling dangling 1",
                              "SLNONE root/dangling dangling dangling 1", /* followed */
                              "D root/empty empty empty 1",
                              "DP root/empty empty empty 1",
                              "SL root/linkdir linkdir linkdir 1",
                              "D root/linkdir linkdir linkdir 1", /* followed, and walked */
                              "F root/linkdir/c c c 2",
                              "D root/linkdir/d d d 2",
                              "F root/linkdir/d/e e e 3",
                              "DP root/linkdir/d d d 2",
                              "SL root/linkdir/link_to_a link_to_a link_to_a 2",
                              "F root/linkdir/link_to_a link_to_a link_to_a 2",
                              "SL root/linkdir/link_up link_up link_up 2",
                              "DC root/linkdir/link_up link_up link_up 2", /* the root again */
                              "DP root/linkdir linkdir linkdir 1",
                              "DP root root root 0",
                              NULL};
    expect_steps(expected);
    CHECK_EQ(fts_close(stream), 0);
    CHECK(same_directory(".", tree_directory));
}

static void children(void) {
    int descriptors = open_descriptors();
    FTS* stream = fts_open(just_root, FTS_PHYSICAL, by_name);
    CHECK(stream != NULL);
    /* Before the first fts_read: the roots. */
    FTSENT* list = fts_children(stream, 0);
    CHECK(list != NULL);
    CHECK_STREQ(list->fts_name, "root");
    CHECK_EQ(list->fts_info, FTS_D);
    CHECK(list->fts_link == NULL);
    FTSENT* entry = fts_read(stream);
    CHECK(entry == list);
    /* Of the root: its entries in order, fts_read then returning them. */
    list = fts_children(stream, 0);
    CHECK(same_directory(".", tree_directory)); /* not moved by it */
    const char* names[] = {"a", "b", "dangling", "empty", "linkdir"};
    const int infos[] = {FTS_F, FTS_D, FTS_SL, FTS_D, FTS_SL};
    FTSENT* child = list;
    for (int i = 0; i < 5; ++i, child = child->fts_link) {
        CHECK(child != NULL);
        CHECK_STREQ(child->fts_name, names[i]);
        CHECK_EQ(child->fts_info, infos[i]);
        CHECK_EQ(child->fts_level, 1);
        CHECK(child->fts_parent == entry);
    }
    CHECK(child == NULL);
    FTSENT* b = list->fts_link;
    CHECK(fts_read(stream) == list); /* "a", the same entry */
    errno = EBADF;
    CHECK(fts_children(stream, 0) == NULL); /* a file has none */
    CHECK_EQ(errno, 0);
    CHECK(fts_read(stream) == b);
    /* Names only: not examined, and read again by fts_read. */
    list = fts_children(stream, FTS_NAMEONLY);
    CHECK(list != NULL);
    for (child = list; child != NULL; child = child->fts_link) CHECK_EQ(child->fts_info, FTS_NSOK);
    entry = fts_read(stream);
    CHECK_STREQ(entry->fts_name, "c");
    CHECK_EQ(entry->fts_info, FTS_F);
    CHECK_STREQ(entry->fts_path, "root/b/c");
    CHECK(same_directory(".", "root/b"));
    entry = fts_read(stream); /* d */
    CHECK_EQ(entry->fts_info, FTS_D);
    /* fts_close from here: back where fts_open was called, nothing open. */
    CHECK(same_directory(".", "root/b"));
    CHECK_EQ(fts_close(stream), 0);
    CHECK(same_directory(".", tree_directory));
    CHECK_EQ(open_descriptors(), descriptors);

    /* An empty directory: null with errno 0; a bad instruction: EINVAL. */
    char empty[] = "root/empty";
    char* const just_empty[] = {empty, NULL};
    stream = fts_open(just_empty, FTS_PHYSICAL, NULL);
    CHECK(stream != NULL);
    CHECK(fts_read(stream) != NULL);
    errno = EBADF;
    CHECK(fts_children(stream, 0) == NULL);
    CHECK_EQ(errno, 0);
    CHECK(fts_children(stream, 7) == NULL);
    CHECK_EQ(errno, EINVAL);
    CHECK_EQ(fts_close(stream), 0);
}

/* The fts64_ names: the same functions. */
static void large_file_names(void) {
    char d[] = "root/b/d";
    char* const just_d[] = {d, NULL};
    FTS64* stream = fts64_open(just_d, FTS_PHYSICAL, NULL);
    CHECK(stream != NULL);
    FTSENT64* entry = fts64_read(stream);
    CHECK(entry != NULL);
    CHECK_EQ(entry->fts_info, FTS_D);
    FTSENT64* list = fts64_children(stream, 0);
    CHECK(list != NULL);
    CHECK_STREQ(list->fts_name, "e");
    CHECK_EQ(fts64_set(stream, list, FTS_AGAIN), 0);
    CHECK(fts64_read(stream) == list);
    CHECK_EQ(list->fts_statp->st_size, 2);
    CHECK_EQ(fts64_close(stream), 0);
}

/* FTS_XDEV: a directory on another file system is returned (FTS_D, then
 * FTS_DP) but not entered; /dev/pts or /dev/shm where they are mounted. */
static void other_file_systems(void) {
    static const char* const candidates[] = {"/dev/pts", "/dev/shm", "/dev/mqueue"};
    struct stat top;
    CHECK_EQ(stat("/dev", &top), 0);
    for (unsigned i = 0; i < 3; ++i) {
        struct stat inside;
        if (lstat(candidates[i], &inside) != 0 || !S_ISDIR(inside.st_mode) ||
            inside.st_dev == top.st_dev)
            continue;
        char dev[] = "/dev";
        char* const just_dev[] = {dev, NULL};
        FTS* stream = fts_open(just_dev, FTS_PHYSICAL | FTS_XDEV | FTS_NOCHDIR, NULL);
        CHECK(stream != NULL);
        int preorder = 0, postorder = 0;
        FTSENT* entry;
        while ((entry = fts_read(stream)) != NULL) {
            if (strcmp(entry->fts_path, candidates[i]) == 0) {
                if (entry->fts_info == FTS_D) ++preorder;
                if (entry->fts_info == FTS_DP) ++postorder;
            }
            CHECK(strncmp(entry->fts_path, candidates[i], strlen(candidates[i])) != 0 ||
                  entry->fts_path[strlen(candidates[i])] != '/');
            /* Elsewhere, only the top of /dev is of interest. */
            if (entry->fts_info == FTS_D && entry->fts_level >= 1 &&
                strcmp(entry->fts_path, candidates[i]) != 0)
                fts_set(stream, entry, FTS_SKIP);
        }
        CHECK_EQ(preorder, 1);
        CHECK_EQ(postorder, 1);
        CHECK_EQ(fts_close(stream), 0);
    }
}

/* A directory that cannot be read: FTS_D, then FTS_DNR with EACCES (no
 * FTS_DP), the walk going on; checked in a child that is not root (root
 * reads anything; nothing is checked if root cannot become another user). */
static void unreadable_directory(void) {
    pid_t child = fork_with_unreadable_directory();
    if (child == 0) {
        char locked[] = "locked";
        char* const just_locked[] = {locked, NULL};
        for (int pass = 0; pass < 2; ++pass) {
            int options = FTS_PHYSICAL | (pass ? FTS_NOCHDIR : 0);
            step_count = 0;
            FTS* stream = fts_open(just_locked, options, by_name);
            CHECK(stream != NULL);
            FTSENT* entry;
            while ((entry = fts_read(stream)) != NULL) {
                snprintf(steps[step_count++], sizeof steps[0], "%s %s %d",
                         info_name(entry->fts_info), entry->fts_path, entry->fts_errno);
            }
            const char* expected[] = {"D locked 0",         "F locked/first 0",
                                      "F locked/last 0",    "D locked/shut 0",
                                      "DNR locked/shut 13", "DP locked 0",
                                      NULL};
            expect_steps(expected);
            CHECK_EQ(fts_close(stream), 0);
        }
        _exit(0);
    }
    expect_exit_code(child, 0);
}

int main(void) {
    make_tree();
    CHECK_EQ(symlink("b", "root/linkdir"), 0);
    physical_and_logical();
    roots();
    instructions();
    children();
    large_file_names();
    other_file_systems();
    unreadable_directory();
    remove_tree();
    return 0;
}
