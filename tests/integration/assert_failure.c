/* A failed assert prints "program: file:line: function: Assertion `...'
 * failed." and aborts (assert_failure.cmake checks message and signal). */
#include <assert.h>

int main(int argc, char** argv) {
    (void)argv;
    assert(argc == 1);
    assert(argc + 1 == 3);
    return 1;
}
