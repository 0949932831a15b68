/* Thread-local variables of every kind, read in the main thread and in
 * three threads made one after another: an initialised one (.tdata), text,
 * an array aligned to 64 bytes and a zeroed one (.tbss). Each thread must
 * see the initial image, its own copy, the alignment and the zeros. The
 * wrappers test links it with GNU ld and with LLD: where a thread's block
 * lies comes from PT_TLS (arch/x86_64/tls_layout.hpp), and both linkers
 * must agree with it. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

_Thread_local long initialised = 42;
_Thread_local char text[40] = "thread-local text";
_Thread_local _Alignas(64) int aligned[3];
_Thread_local int zeroed[100];

static void* run(void* argument) {
    long before = initialised;
    int any = 0;
    for (int i = 0; i < 100; ++i) any |= zeroed[i];
    initialised += (long)argument;
    zeroed[99] = 1;
    printf("thread %ld: initialised %ld -> %ld, text '%s', aligned %d, zeroed %d\n", (long)argument, before,
           initialised, text, (int)((uintptr_t)aligned % 64), any);
    return NULL;
}

int main(void) {
    for (long i = 1; i <= 3; ++i) {
        pthread_t thread;
        if (pthread_create(&thread, NULL, run, (void*)i) != 0 || pthread_join(thread, NULL) != 0) return 1;
    }
    run((void*)0);
    return 0;
}
