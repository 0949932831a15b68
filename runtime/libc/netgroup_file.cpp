// Reading /etc/netgroup (netgroup_file.hpp), with glibc's rules: a group's
// line starts with its name in the first column and a blank; '\' just before
// a newline continues the line, on any line (so a continuation line is never
// the start of a group); there are no comments. The text after the name is
// kept raw, newlines included: the items are cut by blanks later.
#include "netgroup_file.hpp"

#include <stdlib.h>
#include <string.h>

#include "integer_parse.hpp"
#include "system_file_lines.hpp"

namespace lwp::libc::netgroup {
namespace {

// A string grown by appending, in malloc's memory.
struct growing_text {
    char* data = nullptr;
    std::size_t length = 0;
    std::size_t capacity = 0;

    bool append(const char* bytes, std::size_t count) {
        if (length + count + 1 > capacity) {
            std::size_t larger = capacity ? capacity : 256;
            while (length + count + 1 > larger) larger *= 2;
            char* moved = static_cast<char*>(realloc(data, larger));
            if (moved == nullptr) return false;
            data = moved;
            capacity = larger;
        }
        memcpy(data + length, bytes, count);
        length += count;
        data[length] = '\0';
        return true;
    }
};

// Whether `line` (its newline, if it had one, already cut off) ends in the
// '\' that joins it to the next line.
bool continues(const char* line, std::size_t length, bool had_newline) {
    return had_newline && length > 0 && line[length - 1] == '\\';
}

// The first word of a triple's field, cut in place; null when there is none.
const char* first_word(char* field) {
    while (is_space(*field)) ++field;
    char* end = field;
    while (*end != '\0' && !is_space(*end)) ++end;
    *end = '\0';
    return *field == '\0' ? nullptr : field;
}

}  // namespace

char* load_group(const char* name) {
    std::size_t name_length = strlen(name);
    if (name_length == 0) return nullptr;
    line_reader reader;
    if (reader.open("/etc/netgroup") != 0) return nullptr;
    bool continuation = false;  // the previous line ended in '\'
    while (char* line = reader.next()) {
        std::size_t length = strlen(line);
        bool newline = reader.had_newline();
        if (continuation) {
            continuation = continues(line, length, newline);
            continue;
        }
        continuation = continues(line, length, newline);
        // The name, then a blank (the newline counts as one).
        char after = name_length < length ? line[name_length] : name_length == length && newline ? '\n' : '\0';
        if (strncmp(line, name, name_length) != 0 || !is_space(after)) continue;
        growing_text text;
        bool ok = text.append("", 0);
        if (name_length < length)
            ok = ok && text.append(line + name_length + 1, length - name_length - 1) && (!newline || text.append("\n", 1));
        while (ok && continuation) {
            // The '\' and its newline give way to a blank and the next line;
            // with no next line they stay, as in glibc.
            line = reader.next();
            if (line == nullptr) break;
            text.length -= text.length < 2 ? text.length : 2;
            length = strlen(line);
            newline = reader.had_newline();
            continuation = continues(line, length, newline);
            ok = text.append(" ", 1) && text.append(line, length) && (!newline || text.append("\n", 1));
        }
        if (!ok) {
            free(text.data);
            return nullptr;
        }
        return text.data;
    }
    return nullptr;
}

item next_item(char*& cursor, char* buffer, std::size_t size) {
    item result;
    if (cursor == nullptr) return result;
    char* at = cursor;
    while (is_space(*at)) ++at;
    if (*at != '(') {
        char* name = at;
        while (*at != '\0' && !is_space(*at)) ++at;
        if (at == name) return result;
        if (*at != '\0') *at++ = '\0';
        cursor = at;
        result.kind = item_kind::member_group;
        result.group = name;
        return result;
    }
    // "(host,user,domain)": the fields as written, found before copying.
    char* start = ++at;
    char* separators[3];
    const char endings[3] = {',', ',', ')'};
    for (int field = 0; field < 3; ++field) {
        while (*at != endings[field]) {
            if (*at == '\0') return result;
            ++at;
        }
        separators[field] = at++;
    }
    std::size_t length = static_cast<std::size_t>(at - start);
    if (length > size) {
        result.kind = item_kind::no_room;
        return result;
    }
    memcpy(buffer, start, length);
    for (char* separator : separators) buffer[separator - start] = '\0';
    result.kind = item_kind::triple;
    result.host = first_word(buffer);
    result.user = first_word(buffer + (separators[0] + 1 - start));
    result.domain = first_word(buffer + (separators[1] + 1 - start));
    cursor = at;
    return result;
}

}  // namespace lwp::libc::netgroup
