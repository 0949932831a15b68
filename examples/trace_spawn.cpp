// trace_spawn: the system calls behind one thread, lwp beside std::thread.
//
//   trace_spawn               runs itself under `strace -f` once per mode and
//                             prints the two sequences side by side, for a
//                             first (cold) spawn and for a second (warm) one
//   trace_spawn --lwp-once    spawn + join one lwp::thread between markers
//   trace_spawn --std-once    the same with std::thread
//   add --warm to either: one untraced spawn + join first (caches filled)
//
// The markers are write(-1, "trace_spawn: begin"...) calls: they fail with
// EBADF and do nothing, but strace shows them, which cuts the window.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <lwp/lwp.hpp>

namespace {

constexpr char begin_marker[] = "trace_spawn: begin";
constexpr char end_marker[] = "trace_spawn: end";

void mark(const char* text) {
    // fd -1: always EBADF, so nothing is written anywhere.
    [[maybe_unused]] ssize_t ignored = write(-1, text, std::strlen(text));
}

template <class Thread>
int spawn_once(bool warm) {
    if (warm) Thread([] {}).join();  // fills lwp's stack cache / glibc's
    mark(begin_marker);
    Thread([] {}).join();
    mark(end_marker);
    return 0;
}

// PATH lookup without running anything.
bool strace_installed() {
    const char* path = std::getenv("PATH");
    std::string directories = path ? path : "/usr/bin:/bin";
    size_t start = 0;
    while (start <= directories.size()) {
        size_t end = directories.find(':', start);
        if (end == std::string::npos) end = directories.size();
        std::string candidate = directories.substr(start, end - start) + "/strace";
        if (access(candidate.c_str(), X_OK) == 0) return true;
        start = end + 1;
    }
    return false;
}

std::string self_path() {
    char path[4096];
    ssize_t length = readlink("/proc/self/exe", path, sizeof path - 1);
    if (length <= 0) return "trace_spawn";
    path[length] = '\0';
    return path;
}

struct traced_call {
    bool on_new_thread;
    std::string text;  // "clone(...) = 1234", pid prefix removed
};

// Runs `strace -f -qq -o file self mode [--warm]` and keeps the calls between
// the markers.
bool trace(const std::string& mode, bool warm, std::vector<traced_call>& calls) {
    char file[] = "/tmp/trace_spawn.XXXXXX";
    int fd = mkstemp(file);
    if (fd < 0) return false;
    close(fd);
    std::string self = self_path();
    std::vector<const char*> arguments = {"strace", "-f", "-qq", "-o", file, "--",
                                          self.c_str(), mode.c_str()};
    if (warm) arguments.push_back("--warm");
    arguments.push_back(nullptr);
    pid_t child = fork();
    if (child == 0) {
        execvp("strace", const_cast<char* const*>(arguments.data()));
        _exit(127);
    }
    int status = 0;
    if (child < 0 || waitpid(child, &status, 0) != child || !WIFEXITED(status) ||
        WEXITSTATUS(status) != 0) {
        unlink(file);
        return false;
    }

    std::ifstream lines(file);
    std::string line;
    bool inside = false;
    std::string main_pid;
    while (std::getline(lines, line)) {
        size_t space = line.find(' ');
        if (space == std::string::npos) continue;
        std::string pid = line.substr(0, space);
        // strace pads the pid to five columns ("2873  clone(..."): the call
        // starts after all the spaces, or a short pid's "<... resumed>" line
        // would count as a call of its own.
        size_t call_start = line.find_first_not_of(' ', space);
        if (call_start == std::string::npos) continue;
        std::string call = line.substr(call_start);
        if (call.find(begin_marker) != std::string::npos) {
            inside = true;
            main_pid = pid;
            continue;
        }
        if (call.find(end_marker) != std::string::npos) break;
        if (inside) calls.push_back({pid != main_pid, call});
    }
    unlink(file);
    return true;
}

std::string fit(const std::string& text, size_t width) {
    if (text.size() <= width) return text + std::string(width - text.size(), ' ');
    return text.substr(0, width - 3) + "...";
}

void side_by_side(const char* title, const std::vector<traced_call>& left,
                  const std::vector<traced_call>& right) {
    constexpr size_t width = 60;
    std::printf("\n%s   (T = on the new thread)\n", title);
    std::printf("  %s | %s\n", fit("lwp::thread", width).c_str(), "std::thread");
    std::printf("  %s-+-%s\n", std::string(width, '-').c_str(), std::string(width, '-').c_str());
    size_t rows = std::max(left.size(), right.size());
    auto cell = [](const std::vector<traced_call>& calls, size_t i) {
        if (i >= calls.size()) return std::string();
        return std::string(calls[i].on_new_thread ? "T " : "  ") + calls[i].text;
    };
    for (size_t i = 0; i < rows; ++i)
        std::printf("  %s | %s\n", fit(cell(left, i), width).c_str(),
                    fit(cell(right, i), width).c_str());
    // strace splits a call that another thread interrupts into "<unfinished
    // ...>" and "<... resumed>" lines; count each call once.
    auto count = [](const std::vector<traced_call>& calls) {
        size_t calls_made = 0;
        for (const traced_call& call : calls)
            if (call.text.rfind("<...", 0) != 0) ++calls_made;
        return std::to_string(calls_made) + " system calls";
    };
    std::printf("  %s | %s\n", fit(count(left), width).c_str(), count(right).c_str());
}

}  // namespace

int main(int argc, char** argv) {
    bool warm = argc == 3 && std::strcmp(argv[2], "--warm") == 0;
    if (argc >= 2 && std::strcmp(argv[1], "--lwp-once") == 0) return spawn_once<lwp::thread>(warm);
    if (argc >= 2 && std::strcmp(argv[1], "--std-once") == 0) return spawn_once<std::thread>(warm);
    if (argc != 1) {
        std::fprintf(stderr, "usage: %s [--lwp-once|--std-once [--warm]]\n", argv[0]);
        return 2;
    }
    if (!strace_installed()) {
        std::printf("trace_spawn needs strace, which is not installed here.\n"
                    "Install it with:  apt-get install strace\n"
                    "(or run `%s --lwp-once` under any tracer you have)\n",
                    argv[0]);
        return 1;
    }
    for (bool warm_run : {false, true}) {
        std::vector<traced_call> lwp_calls, std_calls;
        if (!trace("--lwp-once", warm_run, lwp_calls) || !trace("--std-once", warm_run, std_calls)) {
            std::printf("strace could not trace this program (is ptrace allowed here?)\n");
            return 1;
        }
        side_by_side(warm_run ? "second spawn + join (stacks cached, everything warm)"
                              : "first spawn + join in the process",
                     lwp_calls, std_calls);
    }
    return 0;
}
