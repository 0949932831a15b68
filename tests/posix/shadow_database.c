/* Shadow passwords (<shadow.h>): sgetspent and sgetspent_r on lines of
 * every form glibc accepts or refuses (the values are glibc's answers),
 * putspent's lines and refusals, fgetspent and fgetspent_r on a temporary
 * file (comments, blank lines, ERANGE with the stream put back for the
 * retry, the end), getspnam and the walk compared with the machine's
 * /etc/shadow as this test reads it (or EACCES when it cannot be read), and,
 * where the machine gives mount namespaces, the lookups and the walk on a
 * /etc/shadow of known contents, including EACCES for a user who may not
 * read it.
 *
 * Checked against glibc too (-DCHECKING_AGAINST_GLIBC). */
#include <errno.h>
#include <fcntl.h>
#include <shadow.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../integration/check.h"
#include "private_files.h"

struct expected {
    const char* name;
    const char* password; /* NULL: a null pointer */
    long numbers[6];      /* last change, min, max, warn, inactive, expire */
    unsigned long flag;
};

static void check_entry(const struct spwd* entry, const struct expected* wanted) {
    CHECK(entry != NULL);
    CHECK_STREQ(entry->sp_namp, wanted->name);
    if (wanted->password == NULL)
        CHECK(entry->sp_pwdp == NULL);
    else
        CHECK_STREQ(entry->sp_pwdp, wanted->password);
    CHECK_EQ(entry->sp_lstchg, wanted->numbers[0]);
    CHECK_EQ(entry->sp_min, wanted->numbers[1]);
    CHECK_EQ(entry->sp_max, wanted->numbers[2]);
    CHECK_EQ(entry->sp_warn, wanted->numbers[3]);
    CHECK_EQ(entry->sp_inact, wanted->numbers[4]);
    CHECK_EQ(entry->sp_expire, wanted->numbers[5]);
    CHECK(entry->sp_flag == wanted->flag);
}

#define NO_FLAG (~0UL)

/* Lines glibc takes, and what it makes of them. */
static const struct {
    const char* line;
    struct expected entry;
} good_lines[] = {
    {"root:$6$salt$hash:19000:0:99999:7:::", {"root", "$6$salt$hash", {19000, 0, 99999, 7, -1, -1}, NO_FLAG}},
    {"a:b:1:2:3:4:5:6:7", {"a", "b", {1, 2, 3, 4, 5, 6}, 7}},
    {"a:b:1:2:3:4:5:6", {"a", "b", {1, 2, 3, 4, 5, 6}, NO_FLAG}},
    {"old:pw:10:20:30", {"old", "pw", {10, 20, 30, -1, -1, -1}, NO_FLAG}},
    {"old:pw:10:20:30:", {"old", "pw", {10, 20, 30, -1, -1, -1}, NO_FLAG}},
    {"old:pw:10:20:30:  ", {"old", "pw", {10, 20, 30, -1, -1, -1}, NO_FLAG}},
    {"e::::::::", {"e", "", {-1, -1, -1, -1, -1, -1}, NO_FLAG}},
    {"e:::::", {"e", "", {-1, -1, -1, -1, -1, -1}, NO_FLAG}},
    {"+nis", {"+nis", NULL, {0, 0, 0, -1, -1, -1}, NO_FLAG}},
    {"-", {"-", NULL, {0, 0, 0, -1, -1, -1}, NO_FLAG}},
    {"+x:", {"+x", NULL, {0, 0, 0, -1, -1, -1}, NO_FLAG}},
    {"+x:pw:1:2:3", {"+x", "pw", {1, 2, 3, -1, -1, -1}, NO_FLAG}},
    /* Numbers as strtoull reads them, 32 bits, then an int. */
    {"n:p: 5:+6:\t7::::", {"n", "p", {5, 6, 7, -1, -1, -1}, NO_FLAG}},
    {"n:p:4294967295:2147483648:0::::4294967295",
     {"n", "p", {-1, -2147483648L, 0, -1, -1, -1}, 4294967295UL}},
    {"n:p:-0:0:0:0:0:0:0", {"n", "p", {0, 0, 0, 0, 0, 0}, 0}},
    /* The line ends at its newline; the name and password take anything. */
    {"n:p:1:2:3:4:5:6:7\nmore:lines", {"n", "p", {1, 2, 3, 4, 5, 6}, 7}},
    {" sp ace:p w:1:2:3", {" sp ace", "p w", {1, 2, 3, -1, -1, -1}, NO_FLAG}},
    {":p:1:2:3", {"", "p", {1, 2, 3, -1, -1, -1}, NO_FLAG}},
};

/* Lines glibc refuses. */
static const char* const bad_lines[] = {
    "",
    "name",
    "name:",
    "name:pw",
    "name:pw:",
    "name:pw:1:2:",           /* max missing */
    "e::::",                  /* the same, empty */
    "e:::::::::",             /* ten fields */
    "name:pw:1:2:3:4:5:",     /* expire missing */
    "name:pw:1:2:3:4:5",      /* the same */
    "name:pw:1:2:3:4:5:6:7:", /* a field after the flag */
    "name:pw:1:2:3:4:5:6:7:8",
    "name:pw:-1:2:3",                 /* -1 is read as 2^64 - 1 */
    "name:pw:4294967296:2:3",         /* above 32 bits */
    "name:pw:99999999999999999999:2:3", /* overflowing strtoull */
    "name:pw:1x:2:3",
    "name:pw:0x1:2:3",
    "name:pw:1:2:3:4:5:6:7 ",
    "+x:pw",
};

static void parse_lines(void) {
    char buffer[256];
    struct spwd entry, *result;
    for (size_t i = 0; i < sizeof good_lines / sizeof *good_lines; ++i) {
        CHECK_EQ(sgetspent_r(good_lines[i].line, &entry, buffer, sizeof buffer, &result), 0);
        CHECK(result == &entry);
        check_entry(result, &good_lines[i].entry);
        check_entry(sgetspent(good_lines[i].line), &good_lines[i].entry);
    }
    for (size_t i = 0; i < sizeof bad_lines / sizeof *bad_lines; ++i) {
        result = &entry;
        errno = 0;
        int code = sgetspent_r(bad_lines[i], &entry, buffer, sizeof buffer, &result);
        CHECK(result == NULL);
#ifndef CHECKING_AGAINST_GLIBC
        /* glibc returns what errno held (0 here, or ERANGE after a number
         * that overflowed strtoull): lwp says EINVAL. */
        CHECK_EQ(code, EINVAL);
#else
        (void)code;
#endif
#ifdef CHECKING_AGAINST_GLIBC
        /* glibc's sgetspent retries with an ever larger buffer while
         * sgetspent_r says ERANGE, which it does after strtoull's overflow
         * left ERANGE in errno: it never returns. */
        if (strstr(bad_lines[i], "99999999999999999999")) continue;
#endif
        errno = 0;
        CHECK(sgetspent(bad_lines[i]) == NULL);
    }
    /* The text must fit with its NUL: ERANGE otherwise. */
    const char* line = "abc:x:1:2:3";
    size_t length = strlen(line);
    CHECK_EQ(sgetspent_r(line, &entry, buffer, length, &result), ERANGE);
    CHECK(result == NULL);
    CHECK_EQ(sgetspent_r(line, &entry, buffer, length + 1, &result), 0);
    CHECK_STREQ(result->sp_namp, "abc");
    /* The strings are in the caller's buffer. */
    CHECK(result->sp_namp >= buffer && result->sp_namp < buffer + length + 1);
    /* sgetspent's buffer grows as needed. */
    char long_line[5000];
    memset(long_line, 'p', sizeof long_line);
    memcpy(long_line, "big:", 4);
    strcpy(long_line + sizeof long_line - 11, ":1:2:3::::");
    struct spwd* big = sgetspent(long_line);
    CHECK(big != NULL);
    CHECK_STREQ(big->sp_namp, "big");
    CHECK_EQ(strlen(big->sp_pwdp), sizeof long_line - 4 - 11);
    CHECK_EQ(big->sp_max, 3);
}

/* putspent's line, read back through a memory stream. */
static void check_put(const struct spwd* entry, const char* expected) {
    char* text = NULL;
    size_t size = 0;
    FILE* stream = open_memstream(&text, &size);
    CHECK(stream != NULL);
    if (expected == NULL) {
        errno = 0;
        CHECK_EQ(putspent(entry, stream), -1);
        CHECK_EQ(errno, EINVAL);
        CHECK_EQ(fclose(stream), 0);
        CHECK_EQ(size, 0);
    } else {
        CHECK_EQ(putspent(entry, stream), 0);
        CHECK_EQ(fclose(stream), 0);
        CHECK_EQ(size, strlen(expected) + 1);
        CHECK(text[size - 1] == '\n');
        text[size - 1] = '\0';
        CHECK_STREQ(text, expected);
    }
    free(text);
}

static void put_entries(void) {
    struct spwd entry = {.sp_namp = (char*)"root"};
    check_put(&entry, "root::0:0:0:0:0:0:0");
    entry.sp_pwdp = (char*)"password";
    entry.sp_lstchg = entry.sp_min = entry.sp_max = entry.sp_warn = entry.sp_inact =
        entry.sp_expire = -1;
    entry.sp_flag = ~0UL;
    check_put(&entry, "root:password:::::::");
    entry.sp_lstchg = 19000;
    entry.sp_max = 99999;
    entry.sp_warn = 7;
    entry.sp_expire = -2;
    entry.sp_flag = 5;
    check_put(&entry, "root:password:19000::99999:7::-2:5");
    entry.sp_flag = ~0UL - 1; /* printed as a signed long, as glibc does */
    check_put(&entry, "root:password:19000::99999:7::-2:-2");
    entry.sp_flag = ~0UL;
    /* A name or password that would break the line is refused. */
    entry.sp_namp = (char*)"ro:ot";
    check_put(&entry, NULL);
    entry.sp_namp = (char*)"root\n";
    check_put(&entry, NULL);
    entry.sp_namp = NULL;
    check_put(&entry, NULL);
    entry.sp_namp = (char*)"root";
    entry.sp_pwdp = (char*)"pass:word";
    check_put(&entry, NULL);
    entry.sp_pwdp = (char*)"pass\nword";
    check_put(&entry, NULL);
}

static const struct expected file_entries[] = {
    {"first", "!", {19000, 0, 99999, 7, -1, -1}, NO_FLAG},
    {"second", "*", {1, 2, 3, -1, -1, -1}, NO_FLAG},
    {"+compat", NULL, {0, 0, 0, -1, -1, -1}, NO_FLAG},
    {"last", "$y$j9T$salt$hash", {18000, 1, 2, 3, 4, 5}, 6},
};

static const char shadow_text[] =
    "# a comment\n"
    "\n"
    "first:!:19000:0:99999:7:::\n"
    "broken:line\n"
    "   second:*:1:2:3\n"
    "+compat\n"
    "\t# another comment\n"
    "last:$y$j9T$salt$hash:18000:1:2:3:4:5:6"; /* no newline at the end */

static void read_stream(void) {
    FILE* file = tmpfile();
    CHECK(file != NULL);
    CHECK(fputs(shadow_text, file) >= 0);
    rewind(file);
    for (int i = 0; i < 4; ++i) check_entry(fgetspent(file), &file_entries[i]);
    errno = 0;
    CHECK(fgetspent(file) == NULL);
    CHECK_EQ(errno, ENOENT);

    /* The _r form: ERANGE puts the stream back at the line's start. */
    rewind(file);
    char buffer[256];
    struct spwd entry, *result;
    /* "first:!:19000:0:99999:7:::\n" is 27 bytes: it needs 29 (two spare). */
    errno = 0;
    CHECK_EQ(fgetspent_r(file, &entry, buffer, 28, &result), ERANGE);
    CHECK_EQ(errno, ERANGE);
    CHECK(result == NULL);
    long at = ftell(file);
    CHECK_EQ(fgetspent_r(file, &entry, buffer, 28, &result), ERANGE);
    CHECK_EQ(ftell(file), at);
    CHECK_EQ(fgetspent_r(file, &entry, buffer, 29, &result), 0);
    CHECK(result == &entry);
    check_entry(result, &file_entries[0]);
    CHECK(entry.sp_namp >= buffer && entry.sp_namp < buffer + 29);
    for (int i = 1; i < 4; ++i) {
        CHECK_EQ(fgetspent_r(file, &entry, buffer, sizeof buffer, &result), 0);
        check_entry(result, &file_entries[i]);
    }
    CHECK_EQ(fgetspent_r(file, &entry, buffer, sizeof buffer, &result), ENOENT);
    CHECK(result == NULL);
    /* Too small for any line at all. */
    rewind(file);
    CHECK_EQ(fgetspent_r(file, &entry, buffer, 2, &result), ERANGE);
    CHECK_EQ(fclose(file), 0);

    /* What putspent writes, fgetspent reads back. */
    file = tmpfile();
    CHECK(file != NULL);
    for (int i = 0; i < 4; ++i) {
        struct spwd put = {
            .sp_namp = (char*)file_entries[i].name,
            .sp_pwdp = (char*)file_entries[i].password,
            .sp_lstchg = file_entries[i].numbers[0],
            .sp_min = file_entries[i].numbers[1],
            .sp_max = file_entries[i].numbers[2],
            .sp_warn = file_entries[i].numbers[3],
            .sp_inact = file_entries[i].numbers[4],
            .sp_expire = file_entries[i].numbers[5],
            .sp_flag = file_entries[i].flag,
        };
        if (i == 2) continue; /* a compat entry does not survive: it gains a password field */
        CHECK_EQ(putspent(&put, file), 0);
    }
    rewind(file);
    for (int i = 0; i < 4; ++i) {
        if (i == 2) continue;
        check_entry(fgetspent(file), &file_entries[i]);
    }
    CHECK(fgetspent(file) == NULL);
    CHECK_EQ(fclose(file), 0);
}

/* The machine's /etc/shadow, read here as a plain file: every entry found
 * by name, and the walk in file order. */
static char shadow_copy[1 << 16];

static long number_field(const char* text) { return *text ? strtol(text, NULL, 10) : -1; }

static void machine_shadow(void) {
    int fd = open("/etc/shadow", O_RDONLY);
    if (fd < 0) {
        CHECK_EQ(errno, EACCES);
#ifndef CHECKING_AGAINST_GLIBC
        /* Not readable by this user: lwp's lookups say so (glibc may ask
         * other sources after the file). */
        errno = 0;
        CHECK(getspnam("root") == NULL);
        CHECK_EQ(errno, EACCES);
        struct spwd entry, *result;
        char buffer[1024];
        CHECK_EQ(getspnam_r("root", &entry, buffer, sizeof buffer, &result), EACCES);
        CHECK(result == NULL);
#endif
        return;
    }
    ssize_t length = read(fd, shadow_copy, sizeof shadow_copy - 1);
    CHECK(length >= 0 && length < (ssize_t)sizeof shadow_copy - 1);
    CHECK_EQ(close(fd), 0);
    shadow_copy[length] = '\0';
    setspent();
    int entries = 0;
    for (char *line = shadow_copy, *next; *line; line = next) {
        next = strchr(line, '\n');
        next = next ? next + 1 : line + strlen(line);
        if (next[-1] == '\n') next[-1] = '\0';
        if (*line == '\0' || *line == '#' || *line == '+' || *line == '-') continue;
        char* fields[9];
        int count = 0;
        for (char* field = line; count < 9; ++count) {
            fields[count] = field;
            char* colon = strchr(field, ':');
            if (colon == NULL) break;
            *colon = '\0';
            field = colon + 1;
        }
        if (count != 8) continue; /* keep to the usual nine fields */
        ++entries;
        struct expected wanted = {fields[0], fields[1], {0}, *fields[8] ? strtoul(fields[8], NULL, 10) : NO_FLAG};
        for (int i = 0; i < 6; ++i) wanted.numbers[i] = number_field(fields[2 + i]);
        check_entry(getspnam(fields[0]), &wanted);
        struct spwd entry, *result;
        char buffer[1024];
        CHECK_EQ(getspnam_r(fields[0], &entry, buffer, sizeof buffer, &result), 0);
        check_entry(result, &wanted);
        /* The walk gives the same entries in the same order. */
        check_entry(getspent(), &wanted);
    }
    CHECK(entries > 0);
    endspent();
    /* A second walk starts from the top. */
    struct spwd* first = getspent();
    CHECK(first != NULL);
    endspent();
    errno = 0;
    CHECK(getspnam("lwp-no-such-user") == NULL);
    CHECK_EQ(errno, 0);
}

static const char private_shadow[] =
    "# shadow for the test\n"
    "root:*:19000:0:99999:7:::\n"
    "+nis\n"
    "bad:line\n"
    "  user:$6$abc:19001:1:2:3:4:5:\n"
    "long:0123456789012345678901234567890123456789:1:2:3::::\n"
    "user:duplicate:1:1:1::::\n"
    "last:!:5:6:7";

static const struct expected private_entries[] = {
    {"root", "*", {19000, 0, 99999, 7, -1, -1}, NO_FLAG},
    {"+nis", NULL, {0, 0, 0, -1, -1, -1}, NO_FLAG},
    {"user", "$6$abc", {19001, 1, 2, 3, 4, 5}, NO_FLAG},
    {"long", "0123456789012345678901234567890123456789", {1, 2, 3, -1, -1, -1}, NO_FLAG},
    {"user", "duplicate", {1, 1, 1, -1, -1, -1}, NO_FLAG},
    {"last", "!", {5, 6, 7, -1, -1, -1}, NO_FLAG},
};

static void on_private_shadow(void) {
    /* Lookups: the first entry of the name; compat lines never. */
    check_entry(getspnam("root"), &private_entries[0]);
    check_entry(getspnam("user"), &private_entries[2]);
    check_entry(getspnam("last"), &private_entries[5]);
    CHECK(getspnam("+nis") == NULL);
    CHECK(getspnam("nis") == NULL);
    CHECK(getspnam("bad") == NULL);
    CHECK(getspnam("") == NULL);
    struct spwd entry, *result;
    char buffer[256];
    /* "long:...\n" is 56 bytes with its newline: 58 are needed. */
    CHECK_EQ(getspnam_r("long", &entry, buffer, 57, &result), ERANGE);
    CHECK(result == NULL);
    CHECK_EQ(getspnam_r("long", &entry, buffer, 58, &result), 0);
    check_entry(result, &private_entries[3]);
    CHECK_EQ(getspnam_r("nobody-here", &entry, buffer, sizeof buffer, &result), 0);
    CHECK(result == NULL);

    /* The walk, with an ERANGE in the middle given again to the retry. */
    setspent();
    for (int i = 0; i < 6; ++i) {
        if (i == 3) {
            errno = 0;
            CHECK_EQ(getspent_r(&entry, buffer, 20, &result), ERANGE);
            CHECK_EQ(errno, ERANGE);
            CHECK(result == NULL);
        }
        CHECK_EQ(getspent_r(&entry, buffer, sizeof buffer, &result), 0);
        check_entry(result, &private_entries[i]);
    }
    CHECK_EQ(getspent_r(&entry, buffer, sizeof buffer, &result), ENOENT);
    CHECK(result == NULL);
    setspent();
    check_entry(getspent(), &private_entries[0]);
    check_entry(getspent(), &private_entries[1]);
    endspent();
    check_entry(getspent(), &private_entries[0]);
    endspent();

    /* A user who may not read the file. */
    pid_t child = fork();
    CHECK(child >= 0);
    if (child == 0) {
        CHECK_EQ(chmod("/etc/shadow", 0600), 0);
        if (setgid(65534) != 0 || setuid(65534) != 0) _exit(0); /* no such ids here */
        errno = 0;
        CHECK(getspnam("root") == NULL);
        CHECK_EQ(errno, EACCES);
        CHECK_EQ(getspnam_r("root", &entry, buffer, sizeof buffer, &result), EACCES);
        CHECK(result == NULL);
        _exit(0);
    }
    int status;
    CHECK_EQ(waitpid(child, &status, 0), child);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

int main(void) {
    parse_lines();
    put_entries();
    read_stream();
    machine_shadow();
    const struct private_file files[] = {{"/etc/shadow", private_shadow}, PRIVATE_FILES_NSSWITCH};
    with_private_files(files, 2, on_private_shadow);
    return 0;
}
