// The sysconf names whose answers are fixed. Options are answered as the
// version of POSIX (200809) or X/Open (1) that defines them where lwp
// provides them, -1 where it does not; limits as the system's headers
// publish them (<limits.h>, <bits/local_lim.h>, <bits/posix2_lim.h>,
// <bits/xopen_lim.h>), so that the answer a program gets at run time is the
// one it could have read at compile time. Every answer is glibc 2.36's on
// x86-64 too, except the two robust-mutex options at the end (docs/libc.md,
// "Others").
#include "sysconf_fixed_answers.hpp"

#include <aio.h>
#include <limits.h>
#include <mqueue.h>
#include <stdio.h>
#include <sys/uio.h>
#include <unistd.h>

namespace lwp::libc {

namespace {

constexpr long posix_2008 = 200809L;
static_assert(_POSIX_VERSION == posix_2008 && _POSIX2_VERSION == posix_2008);

// What glibc's getpwnam_r and getgrnam_r callers are told to start with
// (glibc's NSS_BUFLEN_PASSWD and NSS_BUFLEN_GROUP); lwp's functions ask for
// more with ERANGE, as glibc's do.
constexpr long user_database_buffer = 1024;

sysconf_answer known(long value) { return {true, value}; }

}  // namespace

sysconf_answer fixed_sysconf_answer(int name) noexcept {
    switch (name) {
    // POSIX options lwp provides: job control (setpgid, tcsetpgrp), saved
    // set-user-IDs (the kernel's), real-time signals (sigqueue,
    // sigtimedwait), process scheduling (sched_*), timers (timer_*,
    // clock_nanosleep), asynchronous and prioritised I/O (aio_*, whose
    // aio_reqprio is accepted), synchronised I/O (fdatasync, O_DSYNC), fsync,
    // mapped files, memory locking and protection (mlock*, mprotect),
    // message queues (mq_*), semaphores, shared memory objects (shm_open),
    // threads and their attributes and priorities, process-shared objects,
    // barriers, spin and reader-writer locks, timeouts, clock selection, the
    // monotonic and CPU-time clocks, posix_spawn, advisory information
    // (posix_fadvise, posix_memalign), IPv6 and raw sockets.
    case _SC_JOB_CONTROL: return known(_POSIX_JOB_CONTROL);
    case _SC_SAVED_IDS: return known(1);
    case _SC_REALTIME_SIGNALS:
    case _SC_PRIORITY_SCHEDULING:
    case _SC_TIMERS:
    case _SC_ASYNCHRONOUS_IO:
    case _SC_PRIORITIZED_IO:
    case _SC_SYNCHRONIZED_IO:
    case _SC_FSYNC:
    case _SC_MAPPED_FILES:
    case _SC_MEMLOCK:
    case _SC_MEMLOCK_RANGE:
    case _SC_MEMORY_PROTECTION:
    case _SC_MESSAGE_PASSING:
    case _SC_SEMAPHORES:
    case _SC_SHARED_MEMORY_OBJECTS:
    case _SC_VERSION:
    case _SC_THREADS:
    case _SC_THREAD_SAFE_FUNCTIONS:
    case _SC_THREAD_ATTR_STACKADDR:
    case _SC_THREAD_ATTR_STACKSIZE:
    case _SC_THREAD_PRIORITY_SCHEDULING:
    case _SC_THREAD_PRIO_INHERIT:   // LWP_PRIO_INHERIT mutexes (mutex_pi.cpp)
    case _SC_THREAD_PRIO_PROTECT:   // LWP_PRIO_PROTECT mutexes (mutex_ceiling.cpp)
    case _SC_THREAD_PROCESS_SHARED:
    case _SC_ADVISORY_INFO:
    case _SC_BARRIERS:
    case _SC_CLOCK_SELECTION:
    case _SC_CPUTIME:
    case _SC_THREAD_CPUTIME:
    case _SC_MONOTONIC_CLOCK:
    case _SC_READER_WRITER_LOCKS:
    case _SC_SPIN_LOCKS:
    case _SC_SPAWN:
    case _SC_TIMEOUTS:
    case _SC_IPV6:
    case _SC_RAW_SOCKETS: return known(posix_2008);
    // Regular expressions (regcomp) and a shell (system, popen): options
    // whose value is 1, not a version.
    case _SC_REGEXP: return known(_POSIX_REGEXP);
    case _SC_SHELL: return known(_POSIX_SHELL);

    // The POSIX.2 options: the C-language binding and development and
    // terminal utilities, as the system provides them (c99, lex, yacc,
    // localedef, a terminal); neither FORTRAN nor the user portability
    // utilities nor batch services.
    case _SC_2_VERSION:
    case _SC_2_C_BIND:
    case _SC_2_C_DEV:
    case _SC_2_C_VERSION:
    case _SC_2_SW_DEV:
    case _SC_2_LOCALEDEF:
    case _SC_2_CHAR_TERM: return known(posix_2008);
    case _SC_2_FORT_DEV:
    case _SC_2_FORT_RUN:
    case _SC_2_UPE:
    case _SC_2_PBS:
    case _SC_2_PBS_ACCOUNTING:
    case _SC_2_PBS_CHECKPOINT:
    case _SC_2_PBS_LOCATE:
    case _SC_2_PBS_MESSAGE:
    case _SC_2_PBS_TRACK: return known(-1);

    // X/Open: version 7 (SUSv4), XCU version 4, the XSI extensions, the
    // enhanced internationalisation (iconv, catopen, nl_langinfo), System V
    // shared memory (shmget), the legacy interfaces and the real-time
    // groups; the earlier portability guides. Not the encryption group:
    // crypt is there but encrypt and setkey are not.
    case _SC_XOPEN_VERSION: return known(_XOPEN_VERSION);
    case _SC_XOPEN_XCU_VERSION: return known(_XOPEN_XCU_VERSION);
    case _SC_XOPEN_UNIX:
    case _SC_XOPEN_ENH_I18N:
    case _SC_XOPEN_SHM:
    case _SC_XOPEN_XPG2:
    case _SC_XOPEN_XPG3:
    case _SC_XOPEN_XPG4:
    case _SC_XOPEN_LEGACY:
    case _SC_XOPEN_REALTIME:
    case _SC_XOPEN_REALTIME_THREADS: return known(1);
    case _SC_XOPEN_CRYPT: return known(-1);

    // The programming environments: 64-bit long, pointer and off_t only. A
    // 32-bit environment is another compiler's mode, which lwp never builds
    // for (glibc looks for a file naming it under GETCONF_DIR; confstr's
    // _CS_*_ILP32_* flags say the same, configuration_strings.cpp).
    case _SC_V7_LP64_OFF64:
    case _SC_V6_LP64_OFF64:
    case _SC_XBS5_LP64_OFF64: return known(1);
    case _SC_V7_ILP32_OFF32:
    case _SC_V7_ILP32_OFFBIG:
    case _SC_V7_LPBIG_OFFBIG:
    case _SC_V6_ILP32_OFF32:
    case _SC_V6_ILP32_OFFBIG:
    case _SC_V6_LPBIG_OFFBIG:
    case _SC_XBS5_ILP32_OFF32:
    case _SC_XBS5_ILP32_OFFBIG:
    case _SC_XBS5_LPBIG_OFFBIG: return known(-1);

    // Options nobody provides on Linux: sporadic servers, tracing, typed
    // memory, STREAMS, the protocol-independent interfaces (PII) of a
    // withdrawn draft, and the option groups of the real-time profiles
    // (POSIX.13: _SC_BASE ... _SC_USER_GROUPS_R); _SC_SIGNALS and
    // _SC_REGEX_VERSION were withdrawn.
    case _SC_SPORADIC_SERVER:
    case _SC_THREAD_SPORADIC_SERVER:
    case _SC_TRACE:
    case _SC_TRACE_EVENT_FILTER:
    case _SC_TRACE_INHERIT:
    case _SC_TRACE_LOG:
    case _SC_TRACE_EVENT_NAME_MAX:
    case _SC_TRACE_NAME_MAX:
    case _SC_TRACE_SYS_MAX:
    case _SC_TRACE_USER_EVENT_MAX:
    case _SC_TYPED_MEMORY_OBJECTS:
    case _SC_STREAMS:
    case _SC_XOPEN_STREAMS:
    case _SC_PII:
    case _SC_PII_XTI:
    case _SC_PII_SOCKET:
    case _SC_PII_INTERNET:
    case _SC_PII_OSI:
    case _SC_POLL:
    case _SC_SELECT:
    case _SC_PII_INTERNET_STREAM:
    case _SC_PII_INTERNET_DGRAM:
    case _SC_PII_OSI_COTS:
    case _SC_PII_OSI_CLTS:
    case _SC_PII_OSI_M:
    case _SC_T_IOV_MAX:
    case _SC_BASE:
    case _SC_C_LANG_SUPPORT:
    case _SC_C_LANG_SUPPORT_R:
    case _SC_DEVICE_IO:
    case _SC_DEVICE_SPECIFIC:
    case _SC_DEVICE_SPECIFIC_R:
    case _SC_FD_MGMT:
    case _SC_FIFO:
    case _SC_PIPE:
    case _SC_FILE_ATTRIBUTES:
    case _SC_FILE_LOCKING:
    case _SC_FILE_SYSTEM:
    case _SC_MULTI_PROCESS:
    case _SC_SINGLE_PROCESS:
    case _SC_NETWORKING:
    case _SC_SYSTEM_DATABASE:
    case _SC_SYSTEM_DATABASE_R:
    case _SC_USER_GROUPS:
    case _SC_USER_GROUPS_R:
    case _SC_SIGNALS:
    case _SC_REGEX_VERSION: return known(-1);

    // Limits with no fixed value (-1, errno unchanged): asynchronous I/O
    // requests (a thread each), message queues open, semaphores, timers,
    // threads, time zone names, symbolic links followed (the kernel's 40 is
    // not an ABI promise).
    case _SC_AIO_LISTIO_MAX:
    case _SC_AIO_MAX:
    case _SC_MQ_OPEN_MAX:
    case _SC_SEM_NSEMS_MAX:
    case _SC_TIMER_MAX:
    case _SC_THREAD_THREADS_MAX:
    case _SC_TZNAME_MAX:
    case _SC_SYMLOOP_MAX: return known(-1);

    // Limits the headers publish.
    case _SC_AIO_PRIO_DELTA_MAX: return known(AIO_PRIO_DELTA_MAX);  // accepted, not acted on
    case _SC_DELAYTIMER_MAX: return known(DELAYTIMER_MAX);
    case _SC_MQ_PRIO_MAX: return known(MQ_PRIO_MAX);
    case _SC_RTSIG_MAX: return known(RTSIG_MAX);
    case _SC_SEM_VALUE_MAX: return known(SEM_VALUE_MAX);  // LWP_SEM_VALUE_MAX
    case _SC_IOV_MAX: return known(IOV_MAX);
    case _SC_LOGIN_NAME_MAX: return known(LOGIN_NAME_MAX);
    case _SC_TTY_NAME_MAX: return known(TTY_NAME_MAX);
    case _SC_HOST_NAME_MAX: return known(HOST_NAME_MAX);
    case _SC_THREAD_DESTRUCTOR_ITERATIONS: return known(PTHREAD_DESTRUCTOR_ITERATIONS);
    case _SC_THREAD_KEYS_MAX: return known(PTHREAD_KEYS_MAX);
    case _SC_GETPW_R_SIZE_MAX:
    case _SC_GETGR_R_SIZE_MAX: return known(user_database_buffer);
    // stdio opens as many streams as there are descriptors; FOPEN_MAX is
    // the number ISO C guarantees, and what glibc answers.
    case _SC_STREAM_MAX: return known(FOPEN_MAX);
    // atexit handlers are kept in blocks allocated as needed.
    case _SC_ATEXIT_MAX: return known(INT_MAX);
    // getpass has no limit of its own; a buffer of BUFSIZ, as glibc answers.
    case _SC_PASS_MAX: return known(BUFSIZ);
    // The utilities' limits (bc, expr, sort, regular expressions).
    case _SC_BC_BASE_MAX: return known(BC_BASE_MAX);
    case _SC_BC_DIM_MAX: return known(BC_DIM_MAX);
    case _SC_BC_SCALE_MAX: return known(BC_SCALE_MAX);
    case _SC_BC_STRING_MAX: return known(BC_STRING_MAX);
    case _SC_COLL_WEIGHTS_MAX: return known(COLL_WEIGHTS_MAX);
    case _SC_EXPR_NEST_MAX: return known(EXPR_NEST_MAX);
    case _SC_LINE_MAX: return known(LINE_MAX);
    case _SC_RE_DUP_MAX: return known(RE_DUP_MAX);
    case _SC_CHARCLASS_NAME_MAX: return known(CHARCLASS_NAME_MAX);
    // Message catalogs and printf's numbered arguments.
    case _SC_NL_ARGMAX: return known(NL_ARGMAX);
    case _SC_NL_LANGMAX: return known(NL_LANGMAX);
    case _SC_NL_MSGMAX: return known(NL_MSGMAX);
    case _SC_NL_NMAX: return known(NL_NMAX);
    case _SC_NL_SETMAX: return known(NL_SETMAX);
    case _SC_NL_TEXTMAX: return known(NL_TEXTMAX);
    case _SC_NZERO: return known(NZERO);

    // The C types' ranges. _SC_SSIZE_MAX is the POSIX minimum (32767), not
    // ssize_t's range, as glibc answers; ULONG_MAX does not fit a long and
    // comes back as -1.
    case _SC_CHAR_BIT: return known(CHAR_BIT);
    case _SC_CHAR_MAX: return known(CHAR_MAX);
    case _SC_CHAR_MIN: return known(CHAR_MIN);
    case _SC_INT_MAX: return known(INT_MAX);
    case _SC_INT_MIN: return known(INT_MIN);
    case _SC_LONG_BIT: return known(sizeof(long) * CHAR_BIT);
    case _SC_WORD_BIT: return known(sizeof(int) * CHAR_BIT);
    case _SC_MB_LEN_MAX: return known(MB_LEN_MAX);
    case _SC_SSIZE_MAX: return known(_POSIX_SSIZE_MAX);
    case _SC_SCHAR_MAX: return known(SCHAR_MAX);
    case _SC_SCHAR_MIN: return known(SCHAR_MIN);
    case _SC_SHRT_MAX: return known(SHRT_MAX);
    case _SC_SHRT_MIN: return known(SHRT_MIN);
    case _SC_UCHAR_MAX: return known(UCHAR_MAX);
    case _SC_UINT_MAX: return known(UINT_MAX);
    case _SC_ULONG_MAX: return known(static_cast<long>(ULONG_MAX));
    case _SC_USHRT_MAX: return known(USHRT_MAX);

    // Robust mutexes with priority inheritance lwp has (mutex_robust.cpp);
    // a ceiling mutex cannot be robust (lwp_mutex_init: ENOTSUP). glibc
    // 2.36's sysconf has no case for either name and fails with EINVAL.
    case _SC_THREAD_ROBUST_PRIO_INHERIT: return known(posix_2008);
    case _SC_THREAD_ROBUST_PRIO_PROTECT: return known(-1);

    default: return {false, 0};  // _SC_EQUIV_CLASS_MAX and _SC_SS_REPL_MAX too
    }
}

}  // namespace lwp::libc
