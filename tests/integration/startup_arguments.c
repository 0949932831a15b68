/* argc/argv/envp as the kernel laid them out, environ, and the auxiliary
 * vector through getauxval. CTest runs this with two arguments and one
 * environment variable (startup_arguments.cmake). */
#include <elf.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>

#include "check.h"

extern char** environ;
extern const Elf64_Ehdr __ehdr_start;
extern void _start(void);

int main(int argc, char** argv, char** envp) {
    CHECK_EQ(argc, 3);
    CHECK(strstr(argv[0], "startup_arguments") != NULL);
    CHECK_STREQ(argv[1], "first");
    CHECK_STREQ(argv[2], "two words");
    CHECK(argv[3] == NULL);
    /* envp starts right after argv's terminating null. */
    CHECK(envp == argv + argc + 1);
    CHECK(environ == envp);

    int found = 0;
    char** end = envp;
    for (; *end != NULL; ++end)
        if (strcmp(*end, "LWP_STARTUP_TEST=sunny day") == 0) found = 1;
    CHECK(found);
    CHECK_STREQ(getenv("LWP_STARTUP_TEST"), "sunny day");

    /* The auxiliary vector follows envp's null; getauxval must agree with a
     * direct walk for every type present (first occurrence wins). */
    const unsigned long* auxv = (const unsigned long*)(end + 1);
    int pairs = 0;
    for (const unsigned long* entry = auxv; entry[0] != AT_NULL; entry += 2, ++pairs) {
        const unsigned long* first = auxv;
        while (first[0] != entry[0]) first += 2;
        errno = 0;
        CHECK_EQ(getauxval(entry[0]), first[1]);
        CHECK_EQ(errno, 0);
    }
    CHECK(pairs >= 5);

    /* Values this program can verify independently. */
    CHECK_EQ(getauxval(AT_ENTRY), (unsigned long)&_start);
    CHECK_EQ(getauxval(AT_PHDR), (unsigned long)&__ehdr_start + __ehdr_start.e_phoff);
    CHECK_EQ(getauxval(AT_PHNUM), __ehdr_start.e_phnum);
    CHECK_EQ(getauxval(AT_PAGESZ), 4096);
    CHECK(getauxval(AT_RANDOM) != 0);

    /* Absent: 0, and errno tells it apart from a real 0. */
    errno = 0;
    CHECK_EQ(getauxval(0x7ffe), 0);
    CHECK_EQ(errno, ENOENT);
    return 0;
}
