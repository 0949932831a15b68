/* Built WITHOUT -fexceptions, linked into exit_unwinding (which is built
 * with it), as a library built without exceptions would be. */
#include <pthread.h>

void note_letter(void* letter);

/* pthread_cleanup_push here registers a buffer with lwp. The forced unwind
 * must jump into it when it reaches this frame, in order with the unwound
 * cleanups. */
void registered_then(void (*inner)(void)) {
    pthread_cleanup_push(note_letter, "R");
    inner();
    pthread_cleanup_pop(0);
}

/* Spins until an asynchronous cancellation stops it. In a unit of its own,
 * so that the compiler of the caller cannot see that it neither throws nor
 * returns: the call stays a call site its cleanups cover, which the unwind
 * reaches from the signal frame. (Cleanups cover call sites only; a loop
 * making no calls is covered, or not, at the compiler's whim.) */
volatile int spinning;
void spin_until_cancelled(void) {
    for (;;) spinning = 1;
}
