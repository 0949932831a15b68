#!/usr/bin/env python3
"""Writes tests/glibc/excluded.md: for every glibc 2.36 thread test source
(nptl/tst-*.c, sysdeps/pthread/tst-*.c) that is not on run-list.txt, the reason
it is excluded: a module or helper is not a test; then the hand-written reason
in SPECIAL if there is one (or, where SPECIAL says TRIED, what tried.txt
records); else the first rule in RULES that matches what the test uses; else
what tried.txt records.

Usage: classify_exclusions.py <extracted glibc tree> [tried.txt]
where tried.txt (tests/glibc/tried.txt unless given) has lines
"LINK <path> <missing symbols>", "COMPILE <path> <message>" or
"FAIL <path> <description>" from trying the test against lwp.
"""
import pathlib
import re
import sys

RULES = [
    # fork, _Fork, vfork, posix_spawn, system, the exec family, waitpid, wait
    # and pthread_atfork are in lwp's C library, and so are process-shared
    # objects (in MAP_SHARED memory), named semaphores and the file calls the
    # process-shared tests make (mkstemp, ftruncate, fcntl, lockf, pwrite,
    # on_exit): a test that uses them and still cannot run gets its reason from
    # a later rule, from SPECIAL or from tried.txt.
    (r"dlopen|<dlfcn.h>|xdlopen|dlsym|dlclose",
     "dynamic loading: lwp programs are static"),
    (r"<internaltypes.h>|<internal-signals.h>|<elf/dl-tunables.h>|<pthreadP.h>|<shlib-compat.h>|<atomic.h>|<tls.h>|<ldsodefs.h>|<libc-lock.h>|<lowlevellock.h>|<futex-internal.h>|<libc-internal.h>|<nptl-|__libc_|_dl_|<elision|<sysdep|<stackguard-macros.h>|<stackinfo.h>",
     "uses glibc internals (private headers or symbols)"),
    (r"backtrace", "backtrace(): not provided"),
    (r"mallopt|mcheck", "glibc malloc tuning and heap checking (mallopt, mcheck): not provided"),
    (r"clock_settime|settimeofday", "sets the system clock"),
    (r"get_nprocs", "get_nprocs: not provided"),
]

TRIED = None  # in SPECIAL: skip the rules, take the reason from tried.txt

SPECIAL = {
    "nptl/tst-cancel7": "fails the same way against glibc on this system (child still running): the command it cancels system() in runs under dash, which forks it rather than exec'ing it, so killing the shell (glibc and lwp alike) leaves the command alive",
    "nptl/tst-cancelx7": "fails the same way against glibc on this system (child still running): the command it cancels system() in runs under dash, which forks it rather than exec'ing it, so killing the shell (glibc and lwp alike) leaves the command alive",
    "sysdeps/pthread/tst-bad-schedattr": "real-time scheduling attributes: ENOTSUP",
    "nptl/tst-sched1": "real-time scheduling attributes: ENOTSUP",
    "sysdeps/pthread/tst-cancel-self-cleanup": "not a test: the cleanup handler the tst-cancel-self tests include",
    "sysdeps/pthread/tst-cancel4-common": "not a test: the part of tst-cancel4 and nptl/tst-cancel4_* they include",
    # Where an earlier rule matches code that is not what stops the test: the
    # priority-protocol code of tst-mutex4 and tst-mutex9 is compiled only into
    # their nptl/tst-mutexpi*/pp* variants (TRIED: the reason is what tried.txt
    # records).
    "sysdeps/pthread/tst-mutex4": TRIED,
    "sysdeps/pthread/tst-mutex9": TRIED,
    "sysdeps/pthread/tst-robust8": "uses glibc internals (private headers or symbols)",
    "nptl/tst-robustpi8": "uses glibc internals (private headers or symbols)",
    "nptl/tst-pthread-gdb-attach": "runs gdb on a forked copy of itself to check glibc's own libthread_db, built in glibc's tree",
    "nptl/tst-pthread-gdb-attach-static": "runs gdb on a forked copy of itself to check glibc's own libthread_db, built in glibc's tree",
    "sysdeps/pthread/tst-cancelx1": "built against the installed headers, where pthread_mutex_lock is declared nothrow, GCC drops the cleanup around the call the asynchronous cancellation interrupts; the same build against glibc fails the same way (cleanup handling not called)",
    "nptl/tst-rwlock6": "destroys a write-locked rwlock and expects 0; lwp reports EBUSY (POSIX leaves it undefined and recommends EBUSY)",
    "nptl/tst-rwlock7": "destroys a write-locked rwlock and expects 0; lwp reports EBUSY (POSIX leaves it undefined and recommends EBUSY)",
}


def main():
    root = pathlib.Path(sys.argv[1])
    here = pathlib.Path(__file__).resolve().parent
    running = set()
    for line in (here / "run-list.txt").read_text().splitlines():
        # Only the thread tests: the list's start-up section (elf/, sysdeps/x86/)
        # is outside the sources classified here.
        if line and not line.startswith("#") and line.startswith(("nptl/", "sysdeps/pthread/")):
            running.add(line.split()[0])
    tried = {}
    results = pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 else here / "tried.txt"
    for line in results.read_text().splitlines():
        fields = line.split()
        if not fields or fields[0].startswith("#"):
            continue
        if fields[0] == "LINK":
            tried[fields[1]] = "links against functions lwp does not provide: " + " ".join(
                f.strip("`'") for f in fields[2:8])
        elif fields[0] == "COMPILE":
            tried[fields[1]] = "does not compile against lwp's stand-in test support: " + " ".join(fields[2:])
        elif fields[0] == "FAIL":
            tried[fields[1]] = "fails against lwp: " + " ".join(fields[2:])
    rows = []
    for source in sorted(list(root.glob("nptl/tst-*.c")) + list(root.glob("sysdeps/pthread/tst-*.c"))):
        name = str(source.relative_to(root))[:-2]
        if name in running:
            continue
        text = source.read_text(errors="replace")
        included = re.search(r'#include "(tst-[^"]+)\.c"', text)
        if re.search(r"mod[0-9]*$|-mod|mod-|aux$", name):
            reason = "not a test: a module or helper source of another test"
        elif name in SPECIAL:
            reason = SPECIAL[name] or tried.get(name, "not tried yet")
        elif included and "do_test" not in text.replace(included.group(0), ""):
            base = source.parent / f"{included.group(1)}.c"
            base_text = base.read_text(errors="replace") if base.exists() else ""
            reason = next((why for pattern, why in RULES if re.search(pattern, text + base_text)), None)
            if reason is None:
                reason = tried.get(name, f"a variant of `{included.group(1)}` built with other settings: not tried yet")
        else:
            reason = next((why for pattern, why in RULES if re.search(pattern, text)), None)
            if reason is None:
                reason = tried.get(name, "not tried yet: no rule above applies; it may work")
        rows.append((name, reason))
    out = ["# glibc thread tests not run, and why", "",
           f"glibc 2.36: {len(running)} tests run (run-list.txt); the {len(rows)} other",
           "`nptl/tst-*.c` and `sysdeps/pthread/tst-*.c` sources are listed here with the",
           "first reason that applies. Generated by `classify_exclusions.py`.", "",
           "| test | why it is excluded |", "|---|---|"]
    out += [f"| `{name}` | {reason} |" for name, reason in rows]
    (here / "excluded.md").write_text("\n".join(out) + "\n")
    counts = {}
    for _, reason in rows:
        counts[reason] = counts.get(reason, 0) + 1
    for reason, count in sorted(counts.items(), key=lambda item: -item[1]):
        print(f"{count:4d}  {reason}")


if __name__ == "__main__":
    main()
