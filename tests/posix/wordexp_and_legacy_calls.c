/* fmtmsg addseverity, ttyslot, setfsent getfsent getfsspec getfsfile endfsent, getdate getdate_r getdate_err strptime_l, dysize ftime, get_phys_pages get_avphys_pages, ulimit vlimit,
 * getdirentries getdirentries64, tmpnam tmpnam_r tempnam (glibc's directory rules), getw putw, gets
 * __gets_chk, glob_pattern_p; and wordexp and wordfree, with the answers glibc 2.36 gives: tilde,
 * parameters (every ${...} form), arithmetic, command substitution, field
 * splitting on IFS, pathname expansion, quoting, the flags and the error
 * codes, including glibc's own quirks (an empty quoted string starting a
 * word is a word; "$z" with z empty starting a word is WRDE_NOSPACE;
 * ${u:?w} expands to nothing). Also passes built against glibc. */
#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <fmtmsg.h>
#include <fstab.h>
#include <limits.h>
#include <mntent.h>
#include <locale.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <ttyent.h>
#include <sys/sysinfo.h>
#include <sys/timeb.h>
#include <sys/vlimit.h>
#include <time.h>
#include <ulimit.h>
#include <unistd.h>
#include <wordexp.h>

#include "../integration/check.h"

/* Gone from <stdio.h> since C11, still exported by glibc. */
char* gets(char* line);
char* __gets_chk(char* line, size_t size);

/* Expands `words` and checks the result code and, on success, the words
 * (a null-terminated list). */
static void expect(const char* words, int flags, int code, ...) {
    wordexp_t result;
    memset(&result, 0, sizeof result);
    CHECK_EQ(wordexp(words, &result, flags), code);
    if (code != 0) return;
    va_list expected;
    va_start(expected, code);
    size_t count = 0;
    for (const char* word; (word = va_arg(expected, const char*)) != NULL; ++count) {
        CHECK(count < result.we_wordc);
        CHECK_STREQ(result.we_wordv[count], word);
    }
    va_end(expected);
    CHECK_EQ(result.we_wordc, count);
    CHECK(result.we_wordv[count] == NULL);
    wordfree(&result);
    CHECK(result.we_wordv == NULL);
}

static void set_variables(void) {
    setenv("x", "hello", 1);
    setenv("y", " a b  c ", 1);
    setenv("z", "", 1);
    setenv("c", "a,b,,c", 1);
    setenv("p", "/usr/bin/file.tar.gz", 1);
    setenv("HOME", "/home/tst", 1);
    unsetenv("u");
    unsetenv("w");
    unsetenv("IFS");
}

static void check_quoting_and_splitting(void) {
    expect("a  b\tc", 0, 0, "a", "b", "c", NULL);
    expect(" 'a b' \"c  d\" e\\ f ", 0, 0, "a b", "c  d", "e f", NULL);
    expect("\"\" a", 0, 0, "", "a", NULL);
    expect("\"\"a", 0, 0, "", "a", NULL); /* glibc's quirk */
    expect("a\"\"", 0, 0, "a", NULL);
    expect("\"\\$x\\a\\\\\"", 0, 0, "$x\\a\\", NULL);
    expect("'$x'", 0, 0, "$x", NULL);
    expect("$y", 0, 0, "a", "b", "c", NULL);
    expect("<$y>", 0, WRDE_BADCHAR);
    expect("[$y]", 0, 0, "[a", "b", "c]", NULL);
    expect("\"$y\"", 0, 0, " a b  c ", NULL);
    expect("$z", 0, 0, NULL);
    expect("\"$z\"", 0, WRDE_NOSPACE); /* glibc's answer */
    expect("a\"$z\"", 0, 0, "a", NULL);
    expect("$c", 0, 0, "a,b,,c", NULL);
    setenv("IFS", ",", 1);
    expect("$c", 0, 0, "a", "b", "", "c", NULL);
    setenv("IFS", " ,", 1);
    expect("$y.$c", 0, 0, "a", "b", "c.a", "b", "", "c", NULL);
    unsetenv("IFS");
    expect("a|b", 0, WRDE_BADCHAR);
    expect("a;b", 0, WRDE_BADCHAR);
    expect("'a", 0, WRDE_SYNTAX);
    expect("\"a", 0, WRDE_SYNTAX);
    expect("a\\", 0, WRDE_SYNTAX);
    expect("", 0, 0, NULL);
}

static void check_parameters(void) {
    expect("${x}s $u ${#x} ${#u} $", 0, 0, "hellos", "5", "0", "$", NULL);
    expect("${x:-d} ${u:-d} ${z:-d} ${z-d}.", 0, 0, "hello", "d", "d", ".", NULL);
    expect("${x:+a} ${z:+a}. ${z+a} ${u+a}.", 0, 0, "a", ".", "a", ".", NULL);
    expect("${u:-'a  b'} ${u:-$y}", 0, 0, "a", "b", "a", "b", "c", NULL);
    expect("${u:-~/d}", 0, 0, "/home/tst/d", NULL);
    expect("${w:=new} $w", 0, 0, "new", "new", NULL);
    CHECK_STREQ(getenv("w"), "new");
    expect("${x:?m} ${u:?m} e", 0, 0, "hello", "e", NULL); /* glibc: message on stderr, no error */
    expect("${p#*/} ${p##*/} ${p%.*} ${p%%.*}", 0, 0, "usr/bin/file.tar.gz", "file.tar.gz",
           "/usr/bin/file.tar", "/usr/bin/file", NULL);
    expect("${p#\"*\"} ${x%l*} ${x%%l*} ${x#$x}.", 0, 0, "/usr/bin/file.tar.gz", "hel", "he", ".",
           NULL);
    expect("${x", 0, WRDE_SYNTAX);
    expect("${x:}", 0, WRDE_SYNTAX);
    expect("${}", 0, WRDE_SYNTAX);
    expect("${#}", 0, WRDE_SYNTAX);
    expect("$u", WRDE_UNDEF, WRDE_BADVAL);
    expect("${u:-d}", WRDE_UNDEF, WRDE_BADVAL);
    expect("$x", WRDE_UNDEF, 0, "hello", NULL);
    /* ctest runs the program without arguments. */
    expect("$# ${#*} $1. \"$@\"", 0, 0, "0", "0", ".", "", NULL);
}

static void check_arithmetic(void) {
    expect("$((1+2)) $((2*3+4)) $(( (1+2)*3 )) $((10/3)) $((-5+1))", 0, 0, "3", "10", "9",
           "3", "-4", NULL);
    expect("$((0x10+010)) $((3-  -2)) $((${#x}*2)) $((1 2))", 0, 0, "24", "5",
           "10", "1", NULL);
    expect("$[1+2] $[0-1]", 0, 0, "3", "18446744073709551615", NULL);
    expect("$((7/0))", 0, WRDE_SYNTAX);
    expect("$((a))", 0, WRDE_SYNTAX);
    expect("$((1+2)", 0, WRDE_SYNTAX);
    expect("$((1;2))", 0, WRDE_BADCHAR);
}

static void check_commands(void) {
    expect("$(echo a  b)x `echo c`", 0, 0, "a", "bx", "c", NULL);
    expect("\"$(echo 'a  b')\"", 0, 0, "a  b", NULL);
    expect("$(printf 'a\\n\\nb\\n\\n')", 0, 0, "a", "b", NULL);
    expect("$(exit 3)x", 0, 0, "x", NULL);
    expect("$(if)", 0, WRDE_SYNTAX);
    expect("$(echo a)", WRDE_NOCMD, WRDE_CMDSUB);
    expect("`echo a`", WRDE_NOCMD, WRDE_CMDSUB);
    expect("$(echo a", 0, WRDE_SYNTAX);
    setenv("IFS", ",", 1);
    /* The shell starts without the caller's IFS. */
    expect("$(printf '%s' \"$IFS\" | od -An -c | tr -d ' ')", 0, 0, "\\t\\n", NULL);
    expect("$(printf a,b,,c)", 0, 0, "a", "b", "", "c", NULL);
    unsetenv("IFS");
}

static void check_tilde(void) {
    expect("~ ~/a a=~/b x~ ~:", 0, 0, "/home/tst", "/home/tst/a", "a=~/b", "x~",
           "/home/tst:", NULL);
    expect("~root/x", 0, 0, "/root/x", NULL);
    expect("~no_such_user_h6/x", 0, 0, "~no_such_user_h6/x", NULL);
}

static void check_globbing(void) {
    char directory[] = "/tmp/h6_wordexp_XXXXXX";
    CHECK(mkdtemp(directory) != NULL);
    char previous[4096];
    CHECK(getcwd(previous, sizeof previous) != NULL);
    CHECK_EQ(chdir(directory), 0);
    const char* names[] = {"one", "two", "three", ".hidden"};
    for (int i = 0; i < 4; ++i) {
        int file = open(names[i], O_CREAT | O_WRONLY, 0600);
        CHECK(file >= 0);
        close(file);
    }
    expect("*", 0, 0, "one", "three", "two", NULL);
    expect("t* ?ne [!t]* .h*", 0, 0, "three", "two", "one", "one", ".hidden", NULL);
    expect("'*'x \\*", 0, 0, "*x", "*", NULL);
    expect("nomatch*", 0, 0, "nomatch*", NULL);
    expect("*\"e\" o\"*\"", 0, 0, "one", "three", "o*", NULL);
    setenv("IFS", "", 1);
    expect("t*", 0, 0, "three two", NULL);
    unsetenv("IFS");
    for (int i = 0; i < 4; ++i) CHECK_EQ(unlink(names[i]), 0);
    CHECK_EQ(chdir(previous), 0);
    CHECK_EQ(rmdir(directory), 0);
}

static void check_flags(void) {
    wordexp_t result;
    memset(&result, 0, sizeof result);
    result.we_offs = 2;
    CHECK_EQ(wordexp("a b", &result, WRDE_DOOFFS), 0);
    CHECK_EQ(result.we_wordc, 2);
    CHECK(result.we_wordv[0] == NULL && result.we_wordv[1] == NULL);
    CHECK_STREQ(result.we_wordv[2], "a");
    CHECK_EQ(wordexp("c", &result, WRDE_DOOFFS | WRDE_APPEND), 0);
    CHECK_EQ(result.we_wordc, 3);
    CHECK_STREQ(result.we_wordv[4], "c");
    CHECK(result.we_wordv[5] == NULL);
    /* An error keeps what an earlier call made. */
    CHECK_EQ(wordexp("|d", &result, WRDE_DOOFFS | WRDE_APPEND), WRDE_BADCHAR);
    CHECK_EQ(result.we_wordc, 3);
    CHECK_EQ(wordexp("e", &result, WRDE_DOOFFS | WRDE_REUSE), 0);
    CHECK_EQ(result.we_wordc, 1);
    CHECK_STREQ(result.we_wordv[2], "e");
    wordfree(&result);

    memset(&result, 0, sizeof result);
    CHECK_EQ(wordexp("f", &result, 0), 0);
    CHECK_EQ(wordexp("$(echo g) h", &result, WRDE_REUSE), 0);
    CHECK_EQ(result.we_wordc, 2);
    CHECK_EQ(result.we_offs, 0);
    CHECK_STREQ(result.we_wordv[0], "g");
    wordfree(&result);
    wordfree(NULL);
}

/* `name` is `start` then six letters or digits, and names nothing. */
static void check_temporary_name(const char* name, const char* start) {
    CHECK(name != NULL);
    size_t length = strlen(start);
    CHECK_EQ(strlen(name), length + 6);
    CHECK(strncmp(name, start, length) == 0);
    for (size_t i = length; i < length + 6; ++i)
        CHECK(strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", name[i]) != NULL);
    struct stat status;
    CHECK_EQ(lstat(name, &status), -1);
}

static void check_temporary_names(void) {
    char directory[] = "/tmp/h6_tempnam_XXXXXX";
    CHECK(mkdtemp(directory) != NULL);
    char expected[64];
    /* tmpnam and tmpnam_r ignore TMPDIR. */
    setenv("TMPDIR", directory, 1);
    char buffer[L_tmpnam];
    check_temporary_name(tmpnam(NULL), "/tmp/file");
    CHECK(tmpnam(buffer) == buffer);
    check_temporary_name(buffer, "/tmp/file");
    CHECK(tmpnam_r(buffer) == buffer);
    check_temporary_name(buffer, "/tmp/file");
    CHECK(tmpnam_r(NULL) == NULL);
    /* tempnam: $TMPDIR first, a prefix of at most five characters. */
    char* name = tempnam("/", "abcdefgh");
    snprintf(expected, sizeof expected, "%s/abcde", directory);
    check_temporary_name(name, expected);
    free(name);
    /* A TMPDIR that is no directory: the one given (trailing slashes
     * dropped), else /tmp. */
    setenv("TMPDIR", "/no/such/directory", 1);
    name = tempnam("/usr//", NULL);
    check_temporary_name(name, "/usr/file");
    free(name);
    name = tempnam("/no/such/directory", "");
    check_temporary_name(name, "/tmp/file");
    free(name);
    unsetenv("TMPDIR");
    name = tempnam("/", "p");
    check_temporary_name(name, "//p"); /* "/" keeps its one slash */
    free(name);
    name = tempnam("/etc/passwd", "p");
    check_temporary_name(name, "/tmp/p");
    free(name);
    /* A directory whose name leaves no room in FILENAME_MAX: EINVAL. */
    char long_directory[4100] = "/tmp";
    for (int i = 0; i < 2043; ++i) strcat(long_directory, "/.");
    errno = 0;
    CHECK(tempnam(long_directory, NULL) == NULL);
    CHECK_EQ(errno, EINVAL);
    CHECK_EQ(rmdir(directory), 0);
}

static void check_words_on_streams(void) {
    FILE* file = tmpfile();
    CHECK(file != NULL);
    CHECK_EQ(putw(0x01020304, file), 0);
    CHECK_EQ(putw(-1, file), 0);
    CHECK_EQ(fputc(7, file), 7);
    rewind(file);
    unsigned char bytes[9];
    CHECK_EQ(fread(bytes, 1, 9, file), 9);
    CHECK_EQ(bytes[0], 4);
    CHECK_EQ(bytes[3], 1);
    CHECK_EQ(bytes[4], 0xff);
    rewind(file);
    CHECK_EQ(getw(file), 0x01020304);
    CHECK_EQ(getw(file), -1);
    CHECK(!feof(file));
    CHECK_EQ(getw(file), EOF); /* one byte left: not a word */
    CHECK(feof(file));
    fclose(file);
    file = fopen("/dev/null", "r");
    CHECK(file != NULL);
    CHECK_EQ(putw(1, file), EOF);
    CHECK(ferror(file));
    fclose(file);
}

static void check_gets(void) {
    char path[] = "/tmp/h6_gets_XXXXXX";
    int descriptor = mkstemp(path);
    CHECK(descriptor >= 0);
    const char text[] = "first line\n\nlast";
    CHECK_EQ(write(descriptor, text, sizeof text - 1), (ssize_t)(sizeof text - 1));
    close(descriptor);
    CHECK(freopen(path, "r", stdin) != NULL);
    char line[64];
    CHECK(gets(line) == line);
    CHECK_STREQ(line, "first line");
    CHECK(__gets_chk(line, 1) == line); /* an empty line fits one byte */
    CHECK_STREQ(line, "");
    CHECK(__gets_chk(line, 5) == line);
    CHECK_STREQ(line, "last");
    CHECK(gets(line) == NULL);
    CHECK(feof(stdin));
    CHECK_EQ(unlink(path), 0);
}

static void check_glob_pattern_p(void) {
    CHECK_EQ(glob_pattern_p("abc", 1), 0);
    CHECK_EQ(glob_pattern_p("a*c", 0), 1);
    CHECK_EQ(glob_pattern_p("a?", 1), 1);
    CHECK_EQ(glob_pattern_p("a\\*", 1), 0);
    CHECK_EQ(glob_pattern_p("a\\*", 0), 1);
    CHECK_EQ(glob_pattern_p("[ab]", 1), 1);
    CHECK_EQ(glob_pattern_p("[ab", 1), 0);
    CHECK_EQ(glob_pattern_p("ab]", 1), 0);
    CHECK_EQ(glob_pattern_p("\\[a]", 1), 0);
    CHECK_EQ(glob_pattern_p("\\", 1), 0);
    CHECK_EQ(glob_pattern_p("", 0), 0);
}

static void check_time_and_memory(void) {
    CHECK_EQ(dysize(2000), 366);
    CHECK_EQ(dysize(1900), 365);
    CHECK_EQ(dysize(2024), 366);
    CHECK_EQ(dysize(2023), 365);
    CHECK_EQ(dysize(-4), 366);
    CHECK_EQ(dysize(-100), 365);
    struct timeb now;
    memset(&now, 0x55, sizeof now);
    time_t before = time(NULL);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
    CHECK_EQ(ftime(&now), 0);
#pragma GCC diagnostic pop
    CHECK(now.time >= before && now.millitm < 1000);
    CHECK_EQ(now.timezone, 0);
    CHECK_EQ(now.dstflag, 0);
    struct sysinfo information;
    CHECK_EQ(sysinfo(&information), 0);
    long page = sysconf(_SC_PAGESIZE);
    CHECK_EQ(get_phys_pages(), (long)((unsigned long)information.totalram * information.mem_unit / page));
    long available = get_avphys_pages();
    CHECK(available > 0 && available <= get_phys_pages());
}

static void check_limits(void) {
    struct rlimit saved;
    CHECK_EQ(getrlimit(RLIMIT_FSIZE, &saved), 0);
    CHECK_EQ(ulimit(UL_GETFSIZE), saved.rlim_cur == RLIM_INFINITY ? LONG_MAX : (long)(saved.rlim_cur / 512));
    errno = 0;
    CHECK_EQ(ulimit(99), -1);
    CHECK_EQ(errno, EINVAL);
    if (saved.rlim_max == RLIM_INFINITY) {
        CHECK_EQ(ulimit(UL_SETFSIZE, 1L << 40), 1L << 40);
        struct rlimit now;
        CHECK_EQ(getrlimit(RLIMIT_FSIZE, &now), 0);
        CHECK_EQ(now.rlim_cur, (rlim_t)1 << 49);
        CHECK_EQ(now.rlim_max, (rlim_t)1 << 49);
        CHECK_EQ(ulimit(UL_GETFSIZE), 1L << 40);
    }
    /* Putting the hard limit back needs privilege (which a container may
     * not grant even to root); 2^49 bytes is as good as none here. */
    (void)setrlimit(RLIMIT_FSIZE, &saved);

    struct rlimit core;
    CHECK_EQ(getrlimit(RLIMIT_CORE, &core), 0);
    if (core.rlim_max == RLIM_INFINITY || core.rlim_max >= 4096) {
        CHECK_EQ(vlimit(LIM_CORE, 4096), 0);
        struct rlimit now;
        CHECK_EQ(getrlimit(RLIMIT_CORE, &now), 0);
        CHECK_EQ(now.rlim_cur, 4096);
        CHECK_EQ(setrlimit(RLIMIT_CORE, &core), 0);
    }
    errno = 0;
    CHECK_EQ(vlimit(LIM_NORAISE, 1), -1);
    CHECK_EQ(errno, EINVAL);
    errno = 0;
    CHECK_EQ(vlimit(LIM_MAXRSS + 1, 1), -1);
    CHECK_EQ(errno, EINVAL);
}

static void check_getdirentries(void) {
    char directory[] = "/tmp/h6_entries_XXXXXX";
    CHECK(mkdtemp(directory) != NULL);
    int fd = open(directory, O_RDONLY | O_DIRECTORY);
    CHECK(fd >= 0);
    char buffer[4096];
    off_t base = -7;
    ssize_t got = getdirentries(fd, buffer, sizeof buffer, &base);
    CHECK(got > 0);
    CHECK_EQ(base, 0);
    /* "." and "..", as struct dirent records. */
    int names = 0;
    for (ssize_t at = 0; at < got;) {
        struct dirent* entry = (struct dirent*)(buffer + at);
        CHECK(strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0);
        ++names;
        at += entry->d_reclen;
    }
    CHECK_EQ(names, 2);
    off64_t base64 = -7;
    CHECK_EQ(getdirentries64(fd, buffer, sizeof buffer, &base64), 0);
    CHECK(base64 > 0);
    CHECK_EQ(lseek(fd, 0, SEEK_SET), 0);
    base64 = -7;
    errno = 0;
    CHECK_EQ(getdirentries64(fd, buffer, 10, &base64), -1);
    CHECK_EQ(errno, EINVAL);
    CHECK_EQ(base64, -7);
    close(fd);
    errno = 0;
    CHECK_EQ(getdirentries(-1, buffer, sizeof buffer, &base), -1);
    CHECK_EQ(errno, EBADF);
    CHECK_EQ(rmdir(directory), 0);
}

static void check_getdate(void) {
    char templates[] = "/tmp/h6_datemsk_XXXXXX";
    int descriptor = mkstemp(templates);
    CHECK(descriptor >= 0);
    const char lines[] = "%m/%d/%Y\n%Y-%m-%d %H:%M:%S\n%Y-%m-%d\n%Y\n";
    CHECK_EQ(write(descriptor, lines, sizeof lines - 1), (ssize_t)(sizeof lines - 1));
    close(descriptor);
    setenv("TZ", "UTC", 1);
    tzset();
    setenv("DATEMSK", templates, 1);
    struct tm fields;
    CHECK_EQ(getdate_r("  2023-06-15 08:30:05 ", &fields), 0);
    CHECK_EQ(fields.tm_year, 123);
    CHECK_EQ(fields.tm_mon, 5);
    CHECK_EQ(fields.tm_mday, 15);
    CHECK_EQ(fields.tm_hour, 8);
    CHECK_EQ(fields.tm_min, 30);
    CHECK_EQ(fields.tm_sec, 5);
    CHECK_EQ(fields.tm_wday, 4);
    CHECK_EQ(fields.tm_yday, 165);
    CHECK_EQ(fields.tm_isdst, 0);
    struct tm* found = getdate("10/12/2023");
    CHECK(found != NULL);
    CHECK_EQ(found->tm_year, 123);
    CHECK_EQ(found->tm_mon, 9);
    CHECK_EQ(found->tm_mday, 12);
    CHECK_EQ(found->tm_wday, 4);
    CHECK_EQ(found->tm_yday, 284);
    /* Leap days: there in 2024, not in 2023 (8: no such date). */
    CHECK_EQ(getdate_r("2024-02-29", &fields), 0);
    CHECK_EQ(fields.tm_yday, 59);
    CHECK_EQ(getdate_r("2023-02-29", &fields), 8);
    getdate_err = 0;
    CHECK(getdate("2023-02-29") == NULL);
    CHECK_EQ(getdate_err, 8);
    /* A year alone: today's month and day in it (glibc's time/bug-getdate1;
     * strptime computes no week day without a month, time_parsing.c). */
    time_t before = time(NULL);
    CHECK_EQ(getdate_r("2001", &fields), 0);
    time_t after = time(NULL);
    CHECK_EQ(fields.tm_year, 101);
    struct tm today;
    gmtime_r(&before, &today);
    if (before / 86400 == after / 86400 && !(today.tm_mon == 1 && today.tm_mday == 29)) {
        CHECK_EQ(fields.tm_mon, today.tm_mon);
        CHECK_EQ(fields.tm_mday, today.tm_mday);
    }
    /* 7: no template takes the whole text. */
    CHECK_EQ(getdate_r("2023-13-01", &fields), 7);
    CHECK_EQ(getdate_r("10/12/2023 x", &fields), 7);
    CHECK_EQ(getdate_r("", &fields), 7);
    /* 1: no DATEMSK; 3: no such file; 4: not a regular file. */
    setenv("DATEMSK", "", 1);
    CHECK_EQ(getdate_r("10/12/2023", &fields), 1);
    unsetenv("DATEMSK");
    CHECK(getdate("10/12/2023") == NULL);
    CHECK_EQ(getdate_err, 1);
    setenv("DATEMSK", "/no/such/file", 1);
    CHECK_EQ(getdate_r("10/12/2023", &fields), 3);
    setenv("DATEMSK", "/tmp", 1);
    CHECK_EQ(getdate_r("10/12/2023", &fields), 4);
    unsetenv("DATEMSK");
    CHECK_EQ(unlink(templates), 0);

    locale_t c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
    CHECK(c_locale != (locale_t)0);
    memset(&fields, 0, sizeof fields);
    char* end = strptime_l("Thu, 12 Oct 2023 rest", "%a, %d %b %Y", &fields, c_locale);
    CHECK(end != NULL);
    CHECK_STREQ(end, " rest");
    CHECK_EQ(fields.tm_year, 123);
    CHECK_EQ(fields.tm_mon, 9);
    CHECK_EQ(fields.tm_mday, 12);
    CHECK_EQ(fields.tm_wday, 4);
    CHECK(strptime_l("Thx", "%a", &fields, c_locale) == NULL);
    freelocale(c_locale);
}

/* /etc/fstab differs between machines: each entry getfsent gives must be
 * getmntent's for the same line, with fs_type the first of rw rq ro sw xx
 * in the options (else "??"), and the searches must find the same. */
static void check_fstab(void) {
    FILE* table = setmntent(_PATH_FSTAB, "r");
    if (table == NULL) {
        CHECK_EQ(setfsent(), 0);
        CHECK(getfsent() == NULL);
        return;
    }
    CHECK_EQ(setfsent(), 1);
    struct mntent* entry;
    int count = 0;
    while ((entry = getmntent(table)) != NULL) {
        struct fstab* answer = getfsent();
        CHECK(answer != NULL);
        CHECK_STREQ(answer->fs_spec, entry->mnt_fsname);
        CHECK_STREQ(answer->fs_file, entry->mnt_dir);
        CHECK_STREQ(answer->fs_vfstype, entry->mnt_type);
        CHECK_STREQ(answer->fs_mntops, entry->mnt_opts);
        CHECK_EQ(answer->fs_freq, entry->mnt_freq);
        CHECK_EQ(answer->fs_passno, entry->mnt_passno);
        const char* type = hasmntopt(entry, "rw")   ? "rw"
                           : hasmntopt(entry, "rq") ? "rq"
                           : hasmntopt(entry, "ro") ? "ro"
                           : hasmntopt(entry, "sw") ? "sw"
                           : hasmntopt(entry, "xx") ? "xx"
                                                    : "??";
        CHECK_STREQ(answer->fs_type, type);
        ++count;
    }
    CHECK(getfsent() == NULL);
    endmntent(table);
    CHECK(getfsspec("/no/such/device/h6") == NULL);
    CHECK(getfsfile("/no/such/mount/point/h6") == NULL);
    if (count > 0) {
        CHECK_EQ(setfsent(), 1);
        struct fstab* first = getfsent();
        CHECK(first != NULL);
        char spec[256], file[256];
        snprintf(spec, sizeof spec, "%s", first->fs_spec);
        snprintf(file, sizeof file, "%s", first->fs_file);
        struct fstab* found = getfsspec(spec);
        CHECK(found != NULL);
        CHECK_STREQ(found->fs_spec, spec);
        found = getfsfile(file);
        CHECK(found != NULL);
        CHECK_STREQ(found->fs_file, file);
    }
    endfsent();
    endfsent();
}

/* Linux systems have no /etc/ttys: no slot, whatever the terminal. */
static void check_ttyslot(void) {
    if (access(_PATH_TTYS, F_OK) != 0) CHECK_EQ(ttyslot(), 0);
}

/* What fmtmsg wrote on stderr, and its result. */
static int formatted(char* output, size_t size, long classification, const char* label, int level,
                     const char* text, const char* action, const char* tag, int* result) {
    char path[] = "/tmp/h6_fmtmsg_XXXXXX";
    int file = mkstemp(path);
    CHECK(file >= 0);
    int saved = dup(2);
    fflush(stderr);
    dup2(file, 2);
    *result = fmtmsg(classification, label, level, text, action, tag);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    ssize_t got = pread(file, output, size - 1, 0);
    CHECK(got >= 0);
    output[got] = '\0';
    close(file);
    unlink(path);
    return (int)got;
}

static void check_fmtmsg(void) {
    char output[256];
    int result;
    formatted(output, sizeof output, MM_PRINT, "UX:cat", MM_ERROR, "invalid syntax",
              "refer to manual", "UX:cat:001", &result);
    CHECK_EQ(result, MM_OK);
    CHECK_STREQ(output, "UX:cat: ERROR: invalid syntax\nTO FIX: refer to manual  UX:cat:001\n");
    formatted(output, sizeof output, MM_PRINT, MM_NULLLBL, MM_NOSEV, "text", MM_NULLACT,
              MM_NULLTAG, &result);
    CHECK_EQ(result, MM_OK);
    CHECK_STREQ(output, "text\n");
    formatted(output, sizeof output, MM_PRINT, "a:b", MM_WARNING, MM_NULLTXT, MM_NULLACT, "t",
              &result);
    CHECK_STREQ(output, "a:b: WARNING: t\n");
    /* Not printed without MM_PRINT; bad labels and unknown levels refused. */
    CHECK_EQ(formatted(output, sizeof output, MM_SOFT, "a:b", MM_HALT, "x", MM_NULLACT,
                       MM_NULLTAG, &result), 0);
    CHECK_EQ(result, MM_OK);
    CHECK_EQ(fmtmsg(MM_PRINT, "nocolon", MM_ERROR, "x", MM_NULLACT, MM_NULLTAG), MM_NOTOK);
    CHECK_EQ(fmtmsg(MM_PRINT, "01234567890:x", MM_ERROR, "x", MM_NULLACT, MM_NULLTAG), MM_NOTOK);
    CHECK_EQ(fmtmsg(MM_PRINT, "a:012345678901234", MM_ERROR, "x", MM_NULLACT, MM_NULLTAG),
             MM_NOTOK);
    CHECK_EQ(fmtmsg(MM_PRINT, "a:b", 9, "x", MM_NULLACT, MM_NULLTAG), MM_NOTOK);
    /* Severities of one's own, above MM_INFO only. */
    CHECK_EQ(addseverity(MM_INFO, "X"), MM_NOTOK);
    CHECK_EQ(addseverity(9, NULL), MM_NOTOK);
    CHECK_EQ(addseverity(9, "NINE"), MM_OK);
    formatted(output, sizeof output, MM_PRINT, "a:b", 9, "x", MM_NULLACT, MM_NULLTAG, &result);
    CHECK_EQ(result, MM_OK);
    CHECK_STREQ(output, "a:b: NINE: x\n");
    CHECK_EQ(addseverity(9, NULL), MM_OK);
    CHECK_EQ(fmtmsg(MM_PRINT, "a:b", 9, "x", MM_NULLACT, MM_NULLTAG), MM_NOTOK);
}

int main(void) {
    check_fmtmsg();
    check_ttyslot();
    check_fstab();
    check_getdate();
    check_time_and_memory();
    check_limits();
    check_getdirentries();
    check_temporary_names();
    check_words_on_streams();
    check_glob_pattern_p();
    set_variables();
    check_quoting_and_splitting();
    set_variables();
    check_parameters();
    set_variables();
    check_arithmetic();
    set_variables();
    check_commands();
    set_variables();
    check_tilde();
    set_variables();
    check_globbing();
    set_variables();
    check_flags();
    check_gets();
    return 0;
}
