/* The user and group databases, which lwp reads from the machine's own
 * /etc/passwd and /etc/group: root (uid 0, gid 0, group 0 "root") and
 * nobody (uid 65534), names and ids that exist nowhere, ERANGE from a
 * one-byte buffer, getgrouplist for root, every entry of both files as this
 * test parses them itself, concurrent _r lookups from four threads, and
 * initgroups for root (seen by a thread that was already running; refused
 * with EPERM when the test does not run as root); putpwent, putgrent,
 * lckpwdf and ulckpwdf. */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pthread.h>
#include <pwd.h>
#include <stdio.h>
#include <shadow.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include "../integration/check.h"

#define MISSING_NAME "lwp-no-such-account"
#define MISSING_ID 3999999999u

/* A whole file, read into `text` and cut into NUL-terminated lines. */
static char passwd_text[1 << 20];
static char group_text[1 << 20];

static size_t read_whole(const char* path, char* text, size_t size) {
    int fd = open(path, O_RDONLY);
    CHECK(fd >= 0);
    size_t length = 0;
    for (;;) {
        ssize_t count = read(fd, text + length, size - 1 - length);
        CHECK(count >= 0);
        if (count == 0) break;
        length += (size_t)count;
        CHECK(length < size - 1); /* the file must fit for the test to mean anything */
    }
    close(fd);
    text[length] = '\0';
    return length;
}

/* Splits `line` at ':' in place; returns how many fields (up to `most`). */
static int split(char* line, char** fields, int most) {
    int count = 0;
    fields[count++] = line;
    for (char* c = line; *c; ++c) {
        if (*c != ':') continue;
        if (count == most) return most + 1;
        *c = '\0';
        fields[count++] = c + 1;
    }
    return count;
}

static int is_number(const char* text) {
    if (!*text) return 0;
    for (; *text; ++text)
        if (*text < '0' || *text > '9') return 0;
    return 1;
}

/* Calls `each(fields)` for every well-formed line of `text` with `count`
 * fields, `id_count` numeric ones from `id_field` on, whose name is seen for
 * the first time (a later duplicate is not what a lookup by name finds). */
static void for_each_entry(char* text, int count, int id_field, int id_count, void (*each)(char** fields)) {
    static char* seen[4096];
    int seen_count = 0;
    char* line = text;
    while (*line) {
        char* newline = strchr(line, '\n');
        char* next = newline ? newline + 1 : line + strlen(line);
        if (newline) *newline = '\0';
        char* fields[8];
        if (*line && *line != '#' && *line != '+' && *line != '-' && split(line, fields, count) == count &&
            *fields[0] && is_number(fields[id_field]) && (id_count < 2 || is_number(fields[id_field + 1]))) {
            int duplicate = 0;
            for (int i = 0; i < seen_count; ++i)
                if (strcmp(seen[i], fields[0]) == 0) duplicate = 1;
            if (!duplicate) {
                CHECK(seen_count < 4096);
                seen[seen_count++] = fields[0];
                each(fields);
            }
        }
        line = next;
    }
}

static int passwd_entries;
static void check_passwd_entry(char** fields) {
    struct passwd* entry = getpwnam(fields[0]);
    CHECK(entry != NULL);
    CHECK(strcmp(entry->pw_name, fields[0]) == 0);
    CHECK(strcmp(entry->pw_passwd, fields[1]) == 0);
    CHECK_EQ(entry->pw_uid, strtoul(fields[2], NULL, 10));
    CHECK_EQ(entry->pw_gid, strtoul(fields[3], NULL, 10));
    CHECK(strcmp(entry->pw_gecos, fields[4]) == 0);
    CHECK(strcmp(entry->pw_dir, fields[5]) == 0);
    CHECK(strcmp(entry->pw_shell, fields[6]) == 0);
    passwd_entries++;
}

static int group_entries;
static void check_group_entry(char** fields) {
    struct group* entry = getgrnam(fields[0]);
    CHECK(entry != NULL);
    CHECK(strcmp(entry->gr_name, fields[0]) == 0);
    CHECK_EQ(entry->gr_gid, strtoul(fields[2], NULL, 10));
    /* The members, in order, empty names left out. */
    char** member = entry->gr_mem;
    for (char* cursor = fields[3]; *cursor;) {
        size_t length = strcspn(cursor, ",");
        if (length) {
            CHECK(*member != NULL);
            CHECK_EQ(strlen(*member), length);
            CHECK(memcmp(*member, cursor, length) == 0);
            ++member;
        }
        cursor += length;
        if (*cursor == ',') ++cursor;
    }
    CHECK(*member == NULL);
    group_entries++;
}

/* How many distinct groups of /etc/group list root, 0 aside. */
static gid_t root_groups[4096];
static int root_group_count;
static void count_root_group(char** fields) {
    gid_t gid = (gid_t)strtoul(fields[2], NULL, 10);
    int listed = 0;
    for (char* cursor = fields[3]; *cursor;) {
        size_t length = strcspn(cursor, ",");
        if (length == 4 && memcmp(cursor, "root", 4) == 0) listed = 1;
        cursor += length;
        if (*cursor == ',') ++cursor;
    }
    if (!listed || gid == 0) return;
    for (int i = 0; i < root_group_count; ++i)
        if (root_groups[i] == gid) return;
    root_groups[root_group_count++] = gid;
}

static void check_root_and_nobody(void) {
    struct passwd* user = getpwnam("root");
    CHECK(user != NULL);
    CHECK_EQ(user->pw_uid, 0);
    CHECK_EQ(user->pw_gid, 0);
    user = getpwuid(0);
    CHECK(user != NULL);
    CHECK(strcmp(user->pw_name, "root") == 0);

    struct group* group = getgrgid(0);
    CHECK(group != NULL);
    CHECK(strcmp(group->gr_name, "root") == 0);
    group = getgrnam("root");
    CHECK(group != NULL);
    CHECK_EQ(group->gr_gid, 0);

    user = getpwnam("nobody");
    CHECK(user != NULL);
    CHECK_EQ(user->pw_uid, 65534);
    user = getpwuid(65534);
    CHECK(user != NULL);
    CHECK(strcmp(user->pw_name, "nobody") == 0);
    /* Debian's "nogroup", other systems' "nobody": whichever, both ways. */
    group = getgrgid(65534);
    CHECK(group != NULL);
    char name[64];
    CHECK(strlen(group->gr_name) < sizeof name);
    strcpy(name, group->gr_name);
    group = getgrnam(name);
    CHECK(group != NULL);
    CHECK_EQ(group->gr_gid, 65534);
}

static void check_missing(void) {
    errno = 0;
    CHECK(getpwnam(MISSING_NAME) == NULL);
    CHECK(getpwuid(MISSING_ID) == NULL);
    CHECK(getgrnam(MISSING_NAME) == NULL);
    CHECK(getgrgid(MISSING_ID) == NULL);
    CHECK(getpwnam("") == NULL);
    CHECK_EQ(errno, 0);

    struct passwd user, *user_result = &user;
    struct group group, *group_result = &group;
    char buffer[1024];
    CHECK_EQ(getpwnam_r(MISSING_NAME, &user, buffer, sizeof buffer, &user_result), 0);
    CHECK(user_result == NULL);
    user_result = &user;
    CHECK_EQ(getpwuid_r(MISSING_ID, &user, buffer, sizeof buffer, &user_result), 0);
    CHECK(user_result == NULL);
    CHECK_EQ(getgrnam_r(MISSING_NAME, &group, buffer, sizeof buffer, &group_result), 0);
    CHECK(group_result == NULL);
    group_result = &group;
    CHECK_EQ(getgrgid_r(MISSING_ID, &group, buffer, sizeof buffer, &group_result), 0);
    CHECK(group_result == NULL);
}

static void check_too_small(void) {
    struct passwd user, *user_result = &user;
    struct group group, *group_result = &group;
    char buffer[1];
    CHECK_EQ(getpwnam_r("root", &user, buffer, sizeof buffer, &user_result), ERANGE);
    CHECK(user_result == NULL);
    user_result = &user;
    CHECK_EQ(getpwuid_r(0, &user, buffer, sizeof buffer, &user_result), ERANGE);
    CHECK(user_result == NULL);
    CHECK_EQ(getgrnam_r("root", &group, buffer, sizeof buffer, &group_result), ERANGE);
    CHECK(group_result == NULL);
    group_result = &group;
    CHECK_EQ(getgrgid_r(0, &group, buffer, sizeof buffer, &group_result), ERANGE);
    CHECK(group_result == NULL);

    /* A buffer exactly big enough for the strings (and, for a group, the
     * member pointers before them) is enough; one byte less is not. glibc,
     * which copies the whole line into the buffer first, needs more: the
     * exact figures are lwp's (docs/libc.md). */
    static _Alignas(char*) char exact[1024];
#ifndef CHECKING_AGAINST_GLIBC
    CHECK_EQ(getpwnam_r("root", &user, exact, sizeof exact, &user_result), 0);
    size_t needed = strlen(user.pw_name) + strlen(user.pw_passwd) + strlen(user.pw_gecos) +
                    strlen(user.pw_dir) + strlen(user.pw_shell) + 5;
    CHECK_EQ(getpwnam_r("root", &user, exact, needed, &user_result), 0);
    CHECK(user_result == &user);
    CHECK_EQ(getpwnam_r("root", &user, exact, needed - 1, &user_result), ERANGE);
    CHECK_EQ(getgrgid_r(0, &group, exact, sizeof exact, &group_result), 0);
    size_t members = 0;
    needed = strlen(group.gr_name) + strlen(group.gr_passwd) + 3;
    for (; group.gr_mem[members]; ++members) needed += strlen(group.gr_mem[members]);
    needed += (members + 1) * sizeof(char*) + (members ? members - 1 : 0); /* the commas */
    CHECK_EQ(getgrgid_r(0, &group, exact, needed, &group_result), 0);
    CHECK(group_result == &group);
    CHECK_EQ(getgrgid_r(0, &group, exact, needed - 1, &group_result), ERANGE);
#else
    (void)exact;
#endif

    /* A buffer at an odd address still gets aligned member pointers. */
    char large[1024];
    CHECK_EQ(getgrgid_r(0, &group, large + 1, sizeof large - 1, &group_result), 0);
    CHECK(group_result == &group);
    CHECK(((unsigned long)group.gr_mem & (sizeof(char*) - 1)) == 0);
    CHECK(strcmp(group.gr_name, "root") == 0);
}

static void check_group_list(void) {
    gid_t groups[4096];
    int count = 4096;
    int found = getgrouplist("root", 0, groups, &count);
    CHECK_EQ(found, 1 + root_group_count);
    CHECK_EQ(count, found);
    CHECK_EQ(groups[0], 0);
    for (int i = 0; i < root_group_count; ++i) CHECK_EQ(groups[1 + i], root_groups[i]);

    /* Too small: -1, and the count needed. */
    count = 0;
    CHECK_EQ(getgrouplist("root", 0, groups, &count), -1);
    CHECK_EQ(count, found);
    /* Someone in no group: the one given, alone. */
    count = 4;
    CHECK_EQ(getgrouplist(MISSING_NAME, 1234, groups, &count), 1);
    CHECK_EQ(count, 1);
    CHECK_EQ(groups[0], 1234);
}

static void* look_up_repeatedly(void* unused) {
    (void)unused;
    for (int i = 0; i < 1000; ++i) {
        struct passwd user, *user_result;
        struct group group, *group_result;
        char buffer[1024];
        CHECK_EQ(getpwnam_r("root", &user, buffer, sizeof buffer, &user_result), 0);
        CHECK(user_result == &user);
        CHECK_EQ(user.pw_uid, 0);
        CHECK(strcmp(user.pw_name, "root") == 0);
        CHECK_EQ(getgrgid_r(65534, &group, buffer, sizeof buffer, &group_result), 0);
        CHECK(group_result == &group);
        CHECK_EQ(group.gr_gid, 65534);
        CHECK(group.gr_name[0] != '\0');
    }
    return NULL;
}

static void check_threads(void) {
    pthread_t threads[4];
    for (int i = 0; i < 4; ++i) CHECK_EQ(pthread_create(&threads[i], NULL, look_up_repeatedly, NULL), 0);
    for (int i = 0; i < 4; ++i) CHECK_EQ(pthread_join(threads[i], NULL), 0);
}

static pthread_barrier_t initgroups_done;
static gid_t groups_seen[4096];
static int groups_seen_count;

static void* read_groups_later(void* unused) {
    (void)unused;
    pthread_barrier_wait(&initgroups_done);
    groups_seen_count = getgroups(4096, groups_seen);
    return NULL;
}

static void check_initgroups(void) {
    pthread_t thread;
    CHECK_EQ(pthread_barrier_init(&initgroups_done, NULL, 2), 0);
    CHECK_EQ(pthread_create(&thread, NULL, read_groups_later, NULL), 0);
    errno = 0;
    int status = initgroups("root", 0);
    if (geteuid() != 0) {
        CHECK_EQ(status, -1);
        CHECK_EQ(errno, EPERM);
    } else {
        CHECK_EQ(status, 0);
    }
    pthread_barrier_wait(&initgroups_done);
    CHECK_EQ(pthread_join(thread, NULL), 0);
    pthread_barrier_destroy(&initgroups_done);
    if (geteuid() != 0) return;
    /* The kernel keeps the list sorted; compare as sets. */
    CHECK_EQ(groups_seen_count, 1 + root_group_count);
    for (int i = 0; i < groups_seen_count; ++i) {
        int expected = groups_seen[i] == 0;
        for (int j = 0; j < root_group_count; ++j)
            if (groups_seen[i] == root_groups[j]) expected = 1;
        CHECK(expected);
    }
}

/* putpwent and putgrent write the files' own line format, refusing a field
 * that would break it; lckpwdf and ulckpwdf take and give back the editing
 * lock (only as root: it lives in /etc). */
static void check_writing(void) {
    char* text = NULL;
    size_t size = 0;
    FILE* out = open_memstream(&text, &size);
    CHECK(out != NULL);
    struct passwd user = {"alice", "x", 1000, 100, "Alice A", "/home/alice", "/bin/sh"};
    CHECK_EQ(putpwent(&user, out), 0);
    char* members[] = {"alice", "bob", NULL};
    struct group team = {"team", "x", 200, members};
    CHECK_EQ(putgrent(&team, out), 0);
    char* nobody_in[] = {NULL};
    struct group empty = {"empty", "", 201, nobody_in};
    CHECK_EQ(putgrent(&empty, out), 0);
    struct passwd bad = user;
    bad.pw_dir = "/home/a:b";
    errno = 0;
    CHECK_EQ(putpwent(&bad, out), -1);
    CHECK_EQ(errno, EINVAL);
    CHECK_EQ(putpwent(NULL, out), -1);
    char* bad_members[] = {"a,b", NULL};
    struct group bad_group = {"g", "x", 1, bad_members};
    CHECK_EQ(putgrent(&bad_group, out), -1);
    CHECK_EQ(fclose(out), 0);
    CHECK_STREQ(text, "alice:x:1000:100:Alice A:/home/alice:/bin/sh\n"
                      "team:x:200:alice,bob\n"
                      "empty::201:\n");
    free(text);

    if (geteuid() == 0) {
        CHECK_EQ(lckpwdf(), 0);
        CHECK_EQ(lckpwdf(), -1); /* held already */
        CHECK_EQ(ulckpwdf(), 0);
        CHECK_EQ(ulckpwdf(), -1);
    }
}

int main(void) {
    check_writing();
    check_root_and_nobody();
    check_missing();
    check_too_small();

    read_whole("/etc/passwd", passwd_text, sizeof passwd_text);
    for_each_entry(passwd_text, 7, 2, 2, check_passwd_entry);
    CHECK(passwd_entries >= 2);

    read_whole("/etc/group", group_text, sizeof group_text);
    static char group_copy[sizeof group_text];
    memcpy(group_copy, group_text, sizeof group_text);
    for_each_entry(group_text, 4, 2, 1, check_group_entry);
    CHECK(group_entries >= 2);
    for_each_entry(group_copy, 4, 2, 1, count_root_group);
    check_group_list();

    check_threads();
    check_initgroups();
    return 0;
}
