/* Small library calls programs reach for: sigdescr_np, sigabbrev_np,
 * strerrordesc_np, rpmatch, ffs/ffsl/ffsll, in6addr_any/in6addr_loopback,
 * exp10, the wide number readers (wcstol, wcstoul, wcstod, ...) and wcstok,
 * versionsort, catopen/catgets/catclose, lutimes, lchmod, setpgrp and
 * fexecve. Also passes against glibc (-lm there). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <netinet/in.h>
#include <nl_types.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>
#include <wchar.h>

#include "../integration/check.h"

static void names(void) {
    CHECK_STREQ(sigdescr_np(SIGSEGV), "Segmentation fault");
    CHECK_STREQ(sigabbrev_np(SIGSEGV), "SEGV");
    CHECK_STREQ(sigabbrev_np(SIGSYS), "SYS");
    CHECK(sigdescr_np(0) == NULL);
    CHECK(sigabbrev_np(SIGRTMIN) == NULL);
    CHECK(sigdescr_np(99) == NULL);
    CHECK_STREQ(strerrordesc_np(ENOENT), "No such file or directory");
    CHECK(strerrordesc_np(-1) == NULL);
    CHECK(strerrordesc_np(9999) == NULL);

    CHECK_EQ(rpmatch("yes"), 1);
    CHECK_EQ(rpmatch("Y"), 1);
    CHECK_EQ(rpmatch("no"), 0);
    CHECK_EQ(rpmatch("maybe"), -1);
    CHECK_EQ(rpmatch(""), -1);

    CHECK_EQ(ffs(0), 0);
    CHECK_EQ(ffs(1), 1);
    CHECK_EQ(ffs(0x80), 8);
    CHECK_EQ(ffs((int)0x80000000u), 32);
    CHECK_EQ(ffsl(1L << 40), 41);
    CHECK_EQ(ffsll(1LL << 63), 64);

    struct in6_addr zero;
    memset(&zero, 0, sizeof zero);
    CHECK_EQ(memcmp(&in6addr_any, &zero, sizeof zero), 0);
    CHECK(IN6_IS_ADDR_LOOPBACK(&in6addr_loopback));

    CHECK(exp10(2.0) == 100.0);
    CHECK(exp10(-3.0) == 0.001);
    errno = 0;
    CHECK(isinf(exp10(400.0)));
    CHECK_EQ(errno, ERANGE);
    CHECK(exp10f(3.0f) == 1000.0f);
}

static void wide_numbers(void) {
    wchar_t* end;
    const wchar_t* text = L"  -42xyz";
    CHECK_EQ(wcstol(text, &end, 10), -42);
    CHECK(end == text + 5);
    CHECK_EQ(wcstoul(L"ff", &end, 16), 255);
    CHECK_EQ(wcstoll(L"0x7fffffffffffffff", NULL, 0), 0x7fffffffffffffffLL);
    errno = 0;
    CHECK_EQ(wcstoll(L"99999999999999999999", NULL, 10), 0x7fffffffffffffffLL);
    CHECK_EQ(errno, ERANGE);
    text = L"nothing";
    CHECK_EQ(wcstol(text, &end, 10), 0);
    CHECK(end == text);
    text = L"2.5e3\x00e9";
    CHECK(wcstod(text, &end) == 2500.0);
    CHECK(end == text + 5);
    CHECK(wcstof(L"0.25", NULL) == 0.25f);

    wchar_t line[] = L"  alpha, beta,,gamma ";
    wchar_t* saved;
    wchar_t* token = wcstok(line, L" ,", &saved);
    CHECK(token && wcscmp(token, L"alpha") == 0);
    token = wcstok(NULL, L" ,", &saved);
    CHECK(token && wcscmp(token, L"beta") == 0);
    token = wcstok(NULL, L" ,", &saved);
    CHECK(token && wcscmp(token, L"gamma") == 0);
    CHECK(wcstok(NULL, L" ,", &saved) == NULL);
}

static int not_dot(const struct dirent* entry) { return entry->d_name[0] != '.'; }

static void files_and_processes(void) {
    char directory[] = "/tmp/names_and_numbers_XXXXXX";
    CHECK(mkdtemp(directory) != NULL);
    CHECK_EQ(chdir(directory), 0);
    const char* created[] = {"file10", "file9", "file1"};
    for (int i = 0; i < 3; ++i) close(open(created[i], O_CREAT | O_WRONLY, 0600));
    struct dirent** list;
    CHECK_EQ(scandir(".", &list, not_dot, versionsort), 3);
    CHECK_STREQ(list[0]->d_name, "file1");
    CHECK_STREQ(list[1]->d_name, "file9");
    CHECK_STREQ(list[2]->d_name, "file10");
    for (int i = 0; i < 3; ++i) free(list[i]);
    free(list);

    CHECK_EQ(symlink("file1", "link"), 0);
    struct timeval times[2] = {{1000000, 0}, {2000000, 500000}};
    CHECK_EQ(lutimes("link", times), 0);
    struct stat status;
    CHECK_EQ(lstat("link", &status), 0);
    CHECK_EQ(status.st_mtim.tv_sec, 2000000);
    CHECK_EQ(status.st_mtim.tv_nsec, 500000000);
    CHECK_EQ(stat("link", &status), 0);
    CHECK(status.st_mtim.tv_sec != 2000000); /* the file itself untouched */
    times[0].tv_usec = 1000000;
    CHECK_EQ(lutimes("link", times), -1);
    CHECK_EQ(errno, EINVAL);
    CHECK_EQ(lchmod("link", 0600), -1); /* a link has no mode of its own */
    CHECK_EQ(errno, EOPNOTSUPP);
    CHECK_EQ(lchmod("file1", 0640), 0);
    CHECK_EQ(stat("file1", &status), 0);
    CHECK_EQ(status.st_mode & 0777, 0640);

    for (int i = 0; i < 3; ++i) unlink(created[i]);
    unlink("link");
    CHECK_EQ(chdir("/"), 0);
    CHECK_EQ(rmdir(directory), 0);

    nl_catd catalogue = catopen("no-such-catalogue", 0);
    CHECK(catalogue == (nl_catd)-1);
    CHECK_STREQ(catgets(catalogue, 1, 1, "the default"), "the default");
    CHECK_EQ(catclose(catalogue), -1);

    /* setpgrp makes a group of its own; fexecve runs a program by descriptor. */
    pid_t child = fork();
    CHECK(child >= 0);
    if (child == 0) {
        if (setpgrp() != 0 || getpgrp() != getpid()) _exit(10);
        int program = open("/bin/sh", O_RDONLY | O_CLOEXEC);
        if (program < 0) _exit(11);
        char* argv[] = {"sh", "-c", "exit 7", NULL};
        fexecve(program, argv, environ);
        _exit(12);
    }
    int wait_status;
    CHECK_EQ(waitpid(child, &wait_status, 0), child);
    CHECK(WIFEXITED(wait_status));
    CHECK_EQ(WEXITSTATUS(wait_status), 7);
    CHECK_EQ(fexecve(-1, (char*[]){"x", NULL}, environ), -1);
    CHECK_EQ(errno, EINVAL); /* glibc's answer for a negative descriptor */
}

int main(void) {
    names();
    wide_numbers();
    files_and_processes();
    return 0;
}
