/* A .fini_array destructor that registers exit handlers: they still run,
 * after it, newest first, as in glibc (whose exit treats the destructors as
 * one more handler, registered before main). A destructor that calls atexit,
 * or that first uses a C++ function-local static (the compiler registers
 * its destructor with __cxa_atexit), needs this.
 *
 * main returns 3; the last handler to run checks the order and turns a
 * correct run into _exit(0). Status 3 means the handlers registered by the
 * destructor never ran. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"

int __cxa_atexit(void (*function)(void*), void* argument, void* dso);
extern void* __dso_handle;

static char order[16];
static int length;
static void note(char step) { order[length++] = step; }

static void main_handler(void) { note('m'); }

static void checking_handler(void) {
    note('a');
    static const char expected[] = "mdcbxa";
    (void)!write(1, order, (size_t)length);
    (void)!write(1, "\n", 1);
    CHECK_EQ(length, (int)sizeof expected - 1);
    CHECK(memcmp(order, expected, sizeof expected - 1) == 0);
    _exit(0);
}
static void object_destructor(void* object) { note(*(char*)object); }
static void from_handler(void) { note('b'); }
static void registering_handler(void) {
    note('c');
    CHECK_EQ(atexit(from_handler), 0); /* registered during exit: runs next */
}

__attribute__((destructor)) static void destructor(void) {
    note('d');
    static char object = 'x';
    CHECK_EQ(atexit(checking_handler), 0);
    CHECK_EQ(__cxa_atexit(object_destructor, &object, &__dso_handle), 0);
    CHECK_EQ(atexit(registering_handler), 0);
}

int main(void) {
    CHECK_EQ(atexit(main_handler), 0);
    return 3;
}
