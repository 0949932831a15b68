/* lwp's stand-in for glibc's support/process_state.h: waiting until another
 * process is in a given scheduling state, as /proc/PID/stat shows it. */
#ifndef LWP_GLIBC_STANDIN_PROCESS_STATE_H
#define LWP_GLIBC_STANDIN_PROCESS_STATE_H

#include <sys/types.h>

/* One bit per state letter of /proc/PID/stat. */
enum support_process_state {
    support_process_state_running = 0x01,      /* R */
    support_process_state_sleeping = 0x02,     /* S */
    support_process_state_disk_sleep = 0x04,   /* D */
    support_process_state_stopped = 0x08,      /* T */
    support_process_state_tracing_stop = 0x10, /* t */
    support_process_state_dead = 0x20,         /* X */
    support_process_state_zombie = 0x40,       /* Z */
    support_process_state_parked = 0x80,       /* P */
};

/* Returns once process pid is in one of the states of the mask; exits if
 * its stat file cannot be read. */
void support_process_state_wait(pid_t pid, enum support_process_state states);

#endif
