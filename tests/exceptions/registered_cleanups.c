/* Built WITHOUT -fexceptions, linked into exit_unwinding (which is built
 * with it): pthread_cleanup_push here registers a buffer with lwp, the way a
 * library built without exceptions does. The forced unwind must jump into
 * it when it reaches this frame, in order with the unwound cleanups. */
#include <pthread.h>

void note_letter(void* letter);

void registered_then(void (*inner)(void)) {
    pthread_cleanup_push(note_letter, "R");
    inner();
    pthread_cleanup_pop(0);
}
