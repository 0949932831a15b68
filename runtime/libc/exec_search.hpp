// The PATH search of execvp, shared with posix_spawnp.
#pragma once

namespace lwp::libc {

// Runs `file`: as it is if it contains a slash, else from the first
// directory of PATH that has it (without PATH, /bin then /usr/bin). Returns
// -1 with errno only if nothing could be run.
int exec_searching(const char* file, char* const argv[], char* const envp[]);

}  // namespace lwp::libc
