// basename and dirname: the last component of a path, and what leads to it.
//
// Two basenames, as in glibc: <libgen.h>'s POSIX one (which glibc's header
// renames __xpg_basename) may write into its argument, removing trailing
// slashes; <string.h>'s GNU one, with _GNU_SOURCE and without <libgen.h>,
// never writes and returns what follows the last slash ("" for "dir/").
// <string.h> and <libgen.h> are not included: their declarations of the two
// names clash; these are the C signatures the linker sees.
#include <cstddef>

namespace {

std::size_t length_of(const char* text) {
    std::size_t length = 0;
    while (text[length]) ++length;
    return length;
}

// "." for a null or empty path, as POSIX has both functions answer. A
// static string: the caller must not write into what they return anyway.
char dot[] = ".";

}  // namespace

extern "C" {

char* __xpg_basename(char* path) noexcept {
    if (path == nullptr || *path == '\0') return dot;
    std::size_t end = length_of(path);
    while (end > 1 && path[end - 1] == '/') --end;  // "/" stays "/"
    path[end] = '\0';
    std::size_t start = end;
    while (start > 0 && path[start - 1] != '/') --start;
    if (start == end) return path;  // only slashes: "/"
    return path + start;
}

char* basename(const char* path) noexcept {
    const char* last = path;
    for (const char* c = path; *c; ++c)
        if (*c == '/') last = c + 1;
    return const_cast<char*>(last);
}

// Cuts the path after the component that leads to the last one, in place:
// "/usr/lib/" -> "/usr", "usr" -> ".", "/" -> "/". A root of exactly two
// slashes stays two ("//x" -> "//"), which POSIX leaves to the system and
// glibc keeps; one or three and more fold to "/".
char* dirname(char* path) noexcept {
    if (path == nullptr || *path == '\0') return dot;
    std::size_t end = length_of(path);
    while (end > 1 && path[end - 1] == '/') --end;  // trailing slashes
    while (end > 0 && path[end - 1] != '/') --end;  // the last component
    if (end == 0) return dot;                       // no slash left: the current directory
    while (end > 1 && path[end - 1] == '/') --end;  // the slashes before it
    if (end == 1 && path[1] == '/' && path[2] != '/') end = 2;
    path[end] = '\0';
    return path;
}

}  // extern "C"
