// Running a study example with --machine and reading its key=value lines.
#pragma once

#include <sys/wait.h>

#include <cstdio>
#include <map>
#include <optional>
#include <sstream>
#include <string>

namespace clone_lab_check {

using lab_output = std::map<std::string, std::string>;

inline lab_output parse(const std::string& text) {
    lab_output values;
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
        auto equals = line.find('=');
        if (equals == std::string::npos) continue;
        values[line.substr(0, equals)] = line.substr(equals + 1);
    }
    return values;
}

// Runs `program --machine`; empty when it could not be run or exited
// non-zero.
inline std::optional<lab_output> run_machine(const std::string& program) {
    std::string command = "'" + program + "' --machine";
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return std::nullopt;
    std::string text;
    char buffer[4096];
    size_t got;
    while ((got = fread(buffer, 1, sizeof buffer, pipe)) > 0) text.append(buffer, got);
    int status = pclose(pipe);
    if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) return std::nullopt;
    return parse(text);
}

}  // namespace clone_lab_check
