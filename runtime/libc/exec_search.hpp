// The PATH search of execvp, shared with posix_spawnp.
#pragma once

namespace lwp::libc {

// Runs `file`: as it is if it contains a slash, else from the first
// directory of PATH that has it (without PATH, /bin then /usr/bin). With
// `shell_for_scripts` (the exec functions; not posix_spawnp, which reports
// ENOEXEC as glibc's does), a file the kernel cannot run is run by /bin/sh.
// Returns -1 with errno only if nothing could be run.
int exec_searching(const char* file, char* const argv[], char* const envp[],
                   bool shell_for_scripts);

}  // namespace lwp::libc
