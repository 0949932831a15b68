/* A program whose TLS segment cannot be allocated does not start: it ends
 * with status 127 and a one-line message on standard error before main (glibc's
 * elf/tst-tls-allocation-failure-static-patched, which glibc checks for its
 * own message). The test copies its own executable, makes the copy's PT_TLS
 * claim 2^63 bytes (the size glibc's scripts/tst-elf-edit.py
 * --maximize-tls-size writes) and runs it; the unpatched copy runs normally.
 * lwp also refuses sizes whose rounding or sum with the TCB wraps around
 * (2^64 - 16, 2^64 - 1), where glibc's static start-up crashes and its
 * dynamic loader runs the program with a wrong TLS layout (2^64 - 1) or
 * fails an assertion (2^64 - 16): checked only against lwp.
 *
 * Checked against glibc too (-DCHECKING_AGAINST_GLIBC). */
#include <elf.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../integration/check.h"
#include "child_process.h"

/* A TLS segment with an initialisation image, which main checks. */
static __thread int initialised_in_tls = 1234;

/* Writes a copy of this executable to a new file and returns its name;
 * unless `memory_size` is 0, the copy's PT_TLS p_memsz is `memory_size`. */
static char* copy_of_this_program(Elf64_Xword memory_size) {
    int self = open("/proc/self/exe", O_RDONLY);
    CHECK(self >= 0);
    struct stat status;
    CHECK_EQ(fstat(self, &status), 0);
    size_t size = (size_t)status.st_size;
    unsigned char* image = malloc(size);
    CHECK(image != NULL);
    size_t done = 0;
    while (done < size) {
        ssize_t got = read(self, image + done, size - done);
        CHECK(got > 0);
        done += (size_t)got;
    }
    CHECK_EQ(close(self), 0);

    if (memory_size != 0) {
        Elf64_Ehdr header;
        memcpy(&header, image, sizeof header);
        CHECK(memcmp(header.e_ident, ELFMAG, SELFMAG) == 0);
        int patched = 0;
        for (unsigned i = 0; i < header.e_phnum; ++i) {
            Elf64_Phdr segment;
            size_t offset = header.e_phoff + (size_t)i * header.e_phentsize;
            CHECK(offset + sizeof segment <= size);
            memcpy(&segment, image + offset, sizeof segment);
            if (segment.p_type != PT_TLS) continue;
            segment.p_memsz = memory_size;
            memcpy(image + offset, &segment, sizeof segment);
            ++patched;
        }
        CHECK_EQ(patched, 1);
    }

    char* name = malloc(64);
    CHECK(name != NULL);
    strcpy(name, "/tmp/lwp-oversized-tls-XXXXXX");
    int copy = mkstemp(name);
    CHECK(copy >= 0);
    CHECK_EQ(write(copy, image, size), (ssize_t)size);
    CHECK_EQ(fchmod(copy, 0700), 0);
    CHECK_EQ(close(copy), 0);
    free(image);
    return name;
}

/* Runs `program` with one argument; returns its exit status (the test fails
 * if a signal ended it) with what it wrote to standard error in `errors`. */
static int run(const char* program, char* errors, size_t size) {
    int reader;
    pid_t child = fork_writing_errors_to_a_pipe(&reader);
    if (child == 0) {
        execl(program, program, "child", (char*)NULL);
        _exit(126);
    }
    read_to_end(reader, errors, size);
    int status = wait_for_child(child);
    CHECK(WIFEXITED(status));
    return WEXITSTATUS(status);
}

int main(int argc, char** argv) {
    (void)argv;
    /* The copies run this with an argument: a started copy ends here. */
    if (argc > 1) return initialised_in_tls == 1234 ? 0 : 1;
    CHECK_EQ(initialised_in_tls, 1234);

    char errors[4096];
    char* intact = copy_of_this_program(0);
    CHECK_EQ(run(intact, errors, sizeof errors), 0);
    CHECK_STREQ(errors, "");
    CHECK_EQ(unlink(intact), 0);
    free(intact);

    Elf64_Xword refused_sizes[] = {
        (Elf64_Xword)1 << 63,
#ifndef CHECKING_AGAINST_GLIBC
        ~(Elf64_Xword)0 - 15,
        ~(Elf64_Xword)0,
#endif
    };
    for (size_t i = 0; i < sizeof refused_sizes / sizeof refused_sizes[0]; ++i) {
        char* oversized = copy_of_this_program(refused_sizes[i]);
        CHECK_EQ(run(oversized, errors, sizeof errors), 127);
        /* One line saying why (the words are each library's own). */
        size_t length = strlen(errors);
        CHECK(length > 1);
        CHECK(errors[length - 1] == '\n');
        CHECK(strchr(errors, '\n') == errors + length - 1);
        CHECK(strstr(errors, "TLS") != NULL);
        CHECK_EQ(unlink(oversized), 0);
        free(oversized);
    }
    return 0;
}
