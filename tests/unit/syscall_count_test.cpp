// The syscall budget of one cached spawn+join: clone, exit, and at most one
// futex wait (the join's, skipped when the thread is already gone). Counted,
// not timed: this binary re-runs itself under `strace -f` with
// LWP_CACHED_SPAWN_PROBE=lwp, which makes it do one warm-up spawn+join and one
// more between two marker syscalls before main (bench/cached_spawn_probe.hpp),
// and the test reads what strace saw between the markers.
#include <gtest/gtest.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include "bench/cached_spawn_probe.hpp"

extern char** environ;

namespace {

lwp_probe::probe_at_startup probe;

std::string find_strace() {
    const char* path = getenv("PATH");
    std::string directories = path ? path : "/usr/bin:/bin";
    std::size_t start = 0;
    while (start <= directories.size()) {
        std::size_t end = directories.find(':', start);
        if (end == std::string::npos) end = directories.size();
        std::string candidate = directories.substr(start, end - start) + "/strace";
        if (access(candidate.c_str(), X_OK) == 0) return candidate;
        start = end + 1;
    }
    return {};
}

std::string own_executable() {
    char buffer[4096];
    ssize_t length = readlink("/proc/self/exe", buffer, sizeof buffer - 1);
    if (length <= 0) return {};
    return std::string(buffer, static_cast<std::size_t>(length));
}

// Runs argv with extra environment entries; returns its wait status.
int run(const std::vector<std::string>& arguments, const std::vector<std::string>& extra_env) {
    std::vector<char*> argv;
    for (const auto& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
    argv.push_back(nullptr);
    std::vector<std::string> environment(extra_env);
    for (char** entry = environ; *entry; ++entry) environment.emplace_back(*entry);
    std::vector<char*> envp;
    for (auto& entry : environment) envp.push_back(entry.data());
    envp.push_back(nullptr);
    pid_t child;
    if (posix_spawn(&child, argv[0], nullptr, nullptr, argv.data(), envp.data()) != 0) return -1;
    int status = 0;
    if (waitpid(child, &status, 0) != child) return -1;
    return status;
}

// Syscall names strace logged between the two markers, one per call: an
// interrupted call's "<... name resumed>" line is its second half, not a call.
std::vector<std::string> calls_between_markers(const std::string& log_path) {
    std::ifstream log(log_path);
    std::string line;
    std::vector<std::string> calls;
    bool inside = false;
    static const std::regex call_line(R"(^\d+\s+([a-z_0-9]+)\()");
    while (std::getline(log, line)) {
        if (line.find(lwp_probe::begin_marker) != std::string::npos) {
            inside = true;
            continue;
        }
        if (line.find(lwp_probe::end_marker) != std::string::npos) break;
        std::smatch match;
        if (inside && std::regex_search(line, match, call_line)) calls.push_back(match[1]);
    }
    return calls;
}

TEST(SyscallCount, CachedSpawnJoinIsCloneExitAndAtMostOneFutex) {
    std::string strace = find_strace();
    if (strace.empty()) GTEST_SKIP() << "strace is not installed";
    // strace present but unable to trace here (no ptrace in this sandbox).
    if (run({strace, "-o", "/dev/null", "/bin/true"}, {}) != 0)
        GTEST_SKIP() << "strace cannot trace processes in this environment";

    std::string self = own_executable();
    ASSERT_FALSE(self.empty());
    std::string log_path = "/tmp/lwp_syscall_count_" + std::to_string(getpid()) + ".log";
    int status = run({strace, "-f", "-qq", "-o", log_path, self},
                     {std::string(lwp_probe::environment_variable) + "=lwp"});
    ASSERT_TRUE(WIFEXITED(status)) << "status " << status;
    ASSERT_EQ(WEXITSTATUS(status), 0) << "the probe's spawn+join failed";

    std::vector<std::string> calls = calls_between_markers(log_path);
    unlink(log_path.c_str());
    std::map<std::string, int> counts;
    std::string listing;
    for (const auto& call : calls) {
        ++counts[call];
        listing += call + " ";
    }
    SCOPED_TRACE("syscalls between the markers: " + listing);
    EXPECT_EQ(counts["clone"], 1);
    EXPECT_EQ(counts["exit"], 1);
    EXPECT_LE(counts["futex"], 1);
    EXPECT_EQ(calls.size(), static_cast<std::size_t>(counts["clone"] + counts["exit"] +
                                                     counts["futex"]))
        << "a syscall outside clone/exit/futex";
    EXPECT_LE(calls.size(), 3u);
}

}  // namespace
