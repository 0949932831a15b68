/* User and group entries from a stream the program opened: fgetpwent,
 * fgetpwent_r, fgetgrent, fgetgrent_r on temporary files holding every kind
 * of line glibc's parser takes or passes over (the values are glibc's
 * answers), ERANGE at glibc's exact buffer sizes with the stream put back
 * for the retry; the walks' _r forms getpwent_r and getgrent_r compared with
 * the files they read (ERANGE, then the same entry again); putpwent and
 * putgrent read back; and getpw.
 *
 * Checked against glibc too (-DCHECKING_AGAINST_GLIBC). */
#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdalign.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "../integration/check.h"

static FILE* file_holding(const char* text) {
    FILE* file = tmpfile();
    CHECK(file != NULL);
    CHECK(fputs(text, file) >= 0);
    rewind(file);
    return file;
}

struct expected_user {
    const char* fields[5]; /* name, password, gecos, home, shell; "(null)" for a null pointer */
    uid_t uid;
    gid_t gid;
};

static void check_string(const char* actual, const char* expected) {
    if (strcmp(expected, "(null)") == 0)
        CHECK(actual == NULL);
    else
        CHECK_STREQ(actual, expected);
}

static void check_user(const struct passwd* entry, const struct expected_user* wanted) {
    CHECK(entry != NULL);
    check_string(entry->pw_name, wanted->fields[0]);
    check_string(entry->pw_passwd, wanted->fields[1]);
    check_string(entry->pw_gecos, wanted->fields[2]);
    check_string(entry->pw_dir, wanted->fields[3]);
    check_string(entry->pw_shell, wanted->fields[4]);
    CHECK_EQ(entry->pw_uid, wanted->uid);
    CHECK_EQ(entry->pw_gid, wanted->gid);
}

static const char passwd_text[] =
    "# comment\n"
    "\n"
    "root:x:0:0:root:/root:/bin/bash\n"
    "   spaced:x:1:2:Some One,,,:/home/s:/bin/sh\n"
    "short:x:3:4\n"                    /* the last three fields empty */
    "colons:x:5:6:g:/h:/bin/sh:extra\n" /* the shell takes the rest */
    "badid:x:abc:6:::\n"
    "negative:x:-1:6:::\n"
    "toobig:x:4294967296:6:::\n"
    "noid:x::6:::\n"
    "loose:x: 7:+8:::\n" /* strtoull's white space and sign */
    "max:x:4294967295:4294967295:::\n"
    "+\n"
    "+nisuser\n"
    "-excluded::::::\n"
    "+@netgroup:::::\n"
    "\t# indented comment\n"
    ":x:9:9:::\n"
    "last:*:10:11:::/bin/false"; /* no newline at the end */

static const struct expected_user passwd_entries[] = {
    {{"root", "x", "root", "/root", "/bin/bash"}, 0, 0},
    {{"spaced", "x", "Some One,,,", "/home/s", "/bin/sh"}, 1, 2},
    {{"short", "x", "", "", ""}, 3, 4},
    {{"colons", "x", "g", "/h", "/bin/sh:extra"}, 5, 6},
    {{"loose", "x", "", "", ""}, 7, 8},
    {{"max", "x", "", "", ""}, 4294967295u, 4294967295u},
    {{"+", "(null)", "(null)", "(null)", "(null)"}, 0, 0},
    {{"+nisuser", "(null)", "(null)", "(null)", "(null)"}, 0, 0},
    {{"-excluded", "", "", "", ""}, 0, 0},
    {{"+@netgroup", "", "", "", ""}, 0, 0},
    {{"", "x", "", "", ""}, 9, 9},
    {{"last", "*", "", "", "/bin/false"}, 10, 11},
};
#define PASSWD_ENTRIES (int)(sizeof passwd_entries / sizeof *passwd_entries)

static void user_streams(void) {
    FILE* file = file_holding(passwd_text);
    for (int i = 0; i < PASSWD_ENTRIES; ++i) check_user(fgetpwent(file), &passwd_entries[i]);
    errno = 0;
    CHECK(fgetpwent(file) == NULL);
    CHECK_EQ(errno, ENOENT);
    CHECK(fgetpwent(file) == NULL);

    rewind(file);
    alignas(8) char buffer[512];
    struct passwd entry, *result;
    for (int i = 0; i < PASSWD_ENTRIES; ++i) {
        result = NULL;
        CHECK_EQ(fgetpwent_r(file, &entry, buffer, sizeof buffer, &result), 0);
        CHECK(result == &entry);
        check_user(result, &passwd_entries[i]);
        /* The strings are in the caller's buffer. */
        CHECK(entry.pw_name >= buffer && entry.pw_name < buffer + sizeof buffer);
    }
    errno = 0;
    CHECK_EQ(fgetpwent_r(file, &entry, buffer, sizeof buffer, &result), ENOENT);
    CHECK_EQ(errno, ENOENT);
    CHECK(result == NULL);

    /* "root:x:0:0:root:/root:/bin/bash\n" is 32 bytes: 34 are needed. The
     * stream goes back to the line's start (after the comment and blank
     * line passed over) so that the retry reads it. */
    rewind(file);
    errno = 0;
    CHECK_EQ(fgetpwent_r(file, &entry, buffer, 33, &result), ERANGE);
    CHECK_EQ(errno, ERANGE);
    CHECK(result == NULL);
    CHECK_EQ(ftell(file), 11);
    CHECK_EQ(fgetpwent_r(file, &entry, buffer, 33, &result), ERANGE);
    CHECK_EQ(ftell(file), 11);
    CHECK_EQ(fgetpwent_r(file, &entry, buffer, 34, &result), 0);
    check_user(result, &passwd_entries[0]);
    CHECK_EQ(ftell(file), 43);
    /* Too small for any line: ERANGE at once. */
    CHECK_EQ(fgetpwent_r(file, &entry, buffer, 2, &result), ERANGE);
    CHECK_EQ(ftell(file), 43);
    CHECK_EQ(fclose(file), 0);

    /* fgetpwent's own buffer grows for a long entry. */
    static char long_text[20000];
    memset(long_text, 'g', sizeof long_text);
    memcpy(long_text, "long:x:1:2:", 11);
    strcpy(long_text + sizeof long_text - 16, ":/home:/bin/sh\n");
    file = file_holding(long_text);
    struct passwd* long_entry = fgetpwent(file);
    CHECK(long_entry != NULL);
    CHECK_EQ(strlen(long_entry->pw_gecos), sizeof long_text - 11 - 16);
    CHECK_STREQ(long_entry->pw_shell, "/bin/sh");
    CHECK(fgetpwent(file) == NULL);
    CHECK_EQ(fclose(file), 0);
}

struct expected_group {
    const char* name;
    const char* password; /* "(null)" for a null pointer */
    gid_t gid;
    const char* members[6];
};

static void check_group(const struct group* entry, const struct expected_group* wanted) {
    CHECK(entry != NULL);
    check_string(entry->gr_name, wanted->name);
    check_string(entry->gr_passwd, wanted->password);
    CHECK_EQ(entry->gr_gid, wanted->gid);
    int i = 0;
    for (; wanted->members[i] != NULL; ++i) CHECK_STREQ(entry->gr_mem[i], wanted->members[i]);
    CHECK(entry->gr_mem[i] == NULL);
}

static const char group_text[] =
    "root:x:0:\n"
    "wheel:x:10:alice,bob\n"
    "spaces:x:11: alice , bob,,carol ,\n" /* leading white space dropped, empty names too */
    "nomembers:x:12\n"
    "colon:x:13:a:b,c\n" /* the member list takes the rest */
    "bad:x:x:\n"
    "# comment\n"
    "+\n"
    "+nisgroup:x::\n"
    "-gone\n"
    "last:*:14:z";

static const struct expected_group group_entries[] = {
    {"root", "x", 0, {NULL}},
    {"wheel", "x", 10, {"alice", "bob", NULL}},
    {"spaces", "x", 11, {"alice ", "bob", "carol ", NULL}},
    {"nomembers", "x", 12, {NULL}},
    {"colon", "x", 13, {"a:b", "c", NULL}},
    {"+", "(null)", 0, {NULL}},
    {"+nisgroup", "x", 0, {NULL}},
    {"-gone", "(null)", 0, {NULL}},
    {"last", "*", 14, {"z", NULL}},
};
#define GROUP_ENTRIES (int)(sizeof group_entries / sizeof *group_entries)

static void group_streams(void) {
    FILE* file = file_holding(group_text);
    for (int i = 0; i < GROUP_ENTRIES; ++i) check_group(fgetgrent(file), &group_entries[i]);
    errno = 0;
    CHECK(fgetgrent(file) == NULL);
    CHECK_EQ(errno, ENOENT);

    rewind(file);
    alignas(8) char buffer[512];
    struct group entry, *result;
    for (int i = 0; i < GROUP_ENTRIES; ++i) {
        CHECK_EQ(fgetgrent_r(file, &entry, buffer, sizeof buffer, &result), 0);
        check_group(result, &group_entries[i]);
        CHECK((char*)entry.gr_mem >= buffer && (char*)entry.gr_mem < buffer + sizeof buffer);
    }
    CHECK_EQ(fgetgrent_r(file, &entry, buffer, sizeof buffer, &result), ENOENT);

    /* "root:x:0:\n" (10 bytes, 11 with the NUL): the member pointers start
     * at the next 8-byte boundary, 16, and glibc asks for room for two more
     * than it stores, here none: 32 bytes. */
    rewind(file);
    CHECK_EQ(fgetgrent_r(file, &entry, buffer, 31, &result), ERANGE);
    CHECK_EQ(ftell(file), 0);
    CHECK_EQ(fgetgrent_r(file, &entry, buffer, 32, &result), 0);
    check_group(result, &group_entries[0]);
    /* "wheel:x:10:alice,bob\n" (21 bytes): pointers from 24, two names,
     * room for four: 56. */
    CHECK_EQ(fgetgrent_r(file, &entry, buffer, 55, &result), ERANGE);
    CHECK_EQ(ftell(file), 10);
    CHECK_EQ(fgetgrent_r(file, &entry, buffer, 56, &result), 0);
    check_group(result, &group_entries[1]);
    CHECK_EQ(fclose(file), 0);
}

/* The walks' _r forms: the same entries as the plain walk, in file order;
 * ERANGE for a buffer too small, the entry given again to the retry. */
static void walks(void) {
    char names[512][64];
    int count = 0;
    struct passwd* user;
    setpwent();
    while ((user = getpwent()) != NULL && count < 512) snprintf(names[count++], 64, "%s", user->pw_name);
    endpwent();
    CHECK(count > 0);
    char buffer[4096];
    struct passwd entry, *result;
    setpwent();
    for (int i = 0; i < count; ++i) {
        if (i == 1) {
            errno = 0;
            CHECK_EQ(getpwent_r(&entry, buffer, 4, &result), ERANGE);
            CHECK_EQ(errno, ERANGE);
            CHECK(result == NULL);
        }
        CHECK_EQ(getpwent_r(&entry, buffer, sizeof buffer, &result), 0);
        CHECK(result == &entry);
        CHECK_STREQ(entry.pw_name, names[i]);
    }
#ifndef CHECKING_AGAINST_GLIBC
    /* The file is all lwp reads; glibc may go on with other sources. */
    CHECK_EQ(getpwent_r(&entry, buffer, sizeof buffer, &result), ENOENT);
    CHECK(result == NULL);
#endif
    endpwent();

    count = 0;
    struct group* group;
    setgrent();
    while ((group = getgrent()) != NULL && count < 512) snprintf(names[count++], 64, "%s", group->gr_name);
    endgrent();
    CHECK(count > 1);
    struct group group_entry, *group_result;
    for (int i = 0; i < count; ++i) {
        if (i == 1) {
            CHECK_EQ(getgrent_r(&group_entry, buffer, 4, &group_result), ERANGE);
            CHECK(group_result == NULL);
        }
        CHECK_EQ(getgrent_r(&group_entry, buffer, sizeof buffer, &group_result), 0);
        CHECK_STREQ(group_entry.gr_name, names[i]);
        /* The walk is shared with getgrent. */
        if (i == count - 2 && i > 1) {
            CHECK((group = getgrent()) != NULL);
            CHECK_STREQ(group->gr_name, names[++i]);
        }
    }
    endgrent();
}

/* What putpwent and putgrent write, fgetpwent and fgetgrent read back:
 * a ':' or newline in the comment field becomes a space, and a NIS compat
 * entry is written without its ids, as glibc writes them. */
static void write_then_read(void) {
    char* text = NULL;
    size_t size = 0;
    FILE* out = open_memstream(&text, &size);
    CHECK(out != NULL);
    struct passwd user = {"ann", "x", 7, 8, "Ann: A\nB", "/home/ann", "/bin/sh"};
    CHECK_EQ(putpwent(&user, out), 0);
    struct passwd compat = {"+nis", "", 7, 8, "", "", ""};
    CHECK_EQ(putpwent(&compat, out), 0);
    char* members[] = {"ann", NULL};
    struct group group = {"-gone", "x", 9, members};
    CHECK_EQ(putgrent(&group, out), 0);
    CHECK_EQ(fclose(out), 0);
    CHECK_STREQ(text, "ann:x:7:8:Ann  A B:/home/ann:/bin/sh\n"
                      "+nis::::::\n"
                      "-gone:x::ann\n");
    FILE* in = file_holding(text);
    struct expected_user wanted = {{"ann", "x", "Ann  A B", "/home/ann", "/bin/sh"}, 7, 8};
    check_user(fgetpwent(in), &wanted);
    struct expected_user wanted_compat = {{"+nis", "", "", "", ""}, 0, 0};
    check_user(fgetpwent(in), &wanted_compat);
    CHECK(fgetpwent(in) == NULL); /* the group line is no user line */
    rewind(in);
    /* As group lines, the user lines parse too (the members take the rest). */
    struct expected_group as_group = {"ann", "x", 7, {"8:Ann  A B:/home/ann:/bin/sh", NULL}};
    check_group(fgetgrent(in), &as_group);
    struct expected_group compat_as_group = {"+nis", "", 0, {":::", NULL}};
    check_group(fgetgrent(in), &compat_as_group);
    struct expected_group wanted_group = {"-gone", "x", 0, {"ann", NULL}};
    check_group(fgetgrent(in), &wanted_group);
    CHECK(fgetgrent(in) == NULL);
    CHECK_EQ(fclose(in), 0);
    free(text);
}

static void whole_line(void) {
    char line[1024];
    struct passwd* root = getpwuid(0);
    CHECK(root != NULL);
    char expected[1024];
    snprintf(expected, sizeof expected, "%s:%s:0:%u:%s:%s:%s", root->pw_name, root->pw_passwd,
             (unsigned)root->pw_gid, root->pw_gecos, root->pw_dir, root->pw_shell);
    CHECK_EQ(getpw(0, line), 0);
    CHECK_STREQ(line, expected);
    errno = EINTR;
    CHECK_EQ(getpw(3999999999u, line), -1);
    CHECK_EQ(errno, 0); /* no such user: errno 0, as glibc leaves it */
    errno = 0;
    CHECK_EQ(getpw(0, NULL), -1);
    CHECK_EQ(errno, EINVAL);
}

int main(void) {
    user_streams();
    group_streams();
    walks();
    write_then_read();
    whole_line();
    return 0;
}
