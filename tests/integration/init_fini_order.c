/* Constructors, main, atexit handlers and destructors run in the order C and
 * GCC promise:
 *   .preinit_array, then constructors by priority (numbered ones first),
 *   then main, then atexit handlers newest first (one registered by a
 *   constructor runs after main's), then destructors: unnumbered first, then
 *   numbered by decreasing priority.
 * The very last destructor checks the whole sequence and ends the process
 * with _exit(0) or _exit(1). main returns 3, so a program whose handlers or
 * destructors never run fails too. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"

extern char** environ;

static char order[32];
static int length;
static void note(char step) { order[length++] = step; }

static void preinit(int argc, char** argv, char** envp) {
    /* Entries are called with main's arguments. */
    CHECK(argc >= 1);
    CHECK(strstr(argv[0], "init_fini_order") != NULL);
    CHECK(envp == environ);
    note('P');
}
__attribute__((section(".preinit_array"), used)) static void (*preinit_entry)(int, char**, char**) =
    preinit;

static void handler_from_constructor(void) { note('0'); }
static void first_handler(void) { note('1'); }
static void second_handler(void) { note('2'); }

__attribute__((constructor(101))) static void construct_101(void) { note('A'); }
__attribute__((constructor(102))) static void construct_102(void) {
    note('B');
    CHECK_EQ(atexit(handler_from_constructor), 0);
}
__attribute__((constructor)) static void construct_unnumbered(void) { note('C'); }

__attribute__((destructor)) static void destruct_unnumbered(void) { note('z'); }
__attribute__((destructor(102))) static void destruct_102(void) { note('y'); }
__attribute__((destructor(101))) static void destruct_101(void) {
    note('x');
    static const char expected[] = "PABCM210zyx";
    (void)!write(1, order, (size_t)length);
    (void)!write(1, "\n", 1);
    CHECK_EQ(length, (int)sizeof expected - 1);
    CHECK(memcmp(order, expected, sizeof expected - 1) == 0);
    _exit(0);
}

int main(void) {
    CHECK_EQ(length, 4);
    CHECK(memcmp(order, "PABC", 4) == 0);
    note('M');
    CHECK_EQ(atexit(first_handler), 0);
    CHECK_EQ(atexit(second_handler), 0);
    return 3;
}
