// envz (<envz.h>): an argz vector (argz_vectors.cpp) whose entries are
// "name=value", as glibc's: an entry without '=' is a "null" entry, which
// envz_entry finds but envz_get answers null for (envz_add with a null
// value makes one, so that envz_merge can let it override), and envz_strip
// removes. A name is compared up to its first '=' (so "a=x" finds the entry
// of "a") and matches an entry's text up to the entry's first '=' or end.
// envz_add removes the old entry even when it then runs out of memory
// (ENOMEM), as glibc does; envz_merge appends each entry of the second
// vector absent from the first (or present, with `override`, removing the
// old one first), stopping at the first ENOMEM; envz_strip moves the
// entries left together but neither shrinks nor frees the block.
#include <argz.h>
#include <envz.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

extern "C" {

char* envz_entry(const char* envz, size_t envz_len, const char* name) noexcept {
    const char* end = envz + envz_len;
    for (const char* entry = envz; entry < end;) {
        // How far the name and the entry agree, up to the name's '='.
        const char* at = entry;
        const char* wanted = name;
        while (at < end && *wanted == *at && *wanted != '\0' && *wanted != '=') ++at, ++wanted;
        bool name_ended = *wanted == '\0' || *wanted == '=';
        if (name_ended && at < end && (*at == '\0' || *at == '=')) return const_cast<char*>(entry);
        // On to the next entry, past this one's NUL.
        while (at < end && *at != '\0') ++at;
        entry = at < end ? at + 1 : end;
    }
    return nullptr;
}

char* envz_get(const char* envz, size_t envz_len, const char* name) noexcept {
    char* entry = envz_entry(envz, envz_len, name);
    if (entry == nullptr) return nullptr;
    char* equals = strchr(entry, '=');
    return equals != nullptr ? equals + 1 : nullptr;
}

void envz_remove(char** envz, size_t* envz_len, const char* name) noexcept {
    char* entry = envz_entry(*envz, *envz_len, name);
    if (entry != nullptr) argz_delete(envz, envz_len, entry);
}

error_t envz_add(char** envz, size_t* envz_len, const char* name, const char* value) noexcept {
    envz_remove(envz, envz_len, name);
    if (value == nullptr) return argz_add(envz, envz_len, name);
    size_t name_length = strlen(name);
    size_t value_length = strlen(value);
    size_t old_length = *envz_len;
    size_t new_length = old_length + name_length + 1 + value_length + 1;
    auto* block = static_cast<char*>(realloc(*envz, new_length));
    if (block == nullptr) return ENOMEM;
    char* out = static_cast<char*>(mempcpy(block + old_length, name, name_length));
    *out++ = '=';
    memcpy(out, value, value_length + 1);
    *envz = block;
    *envz_len = new_length;
    return 0;
}

error_t envz_merge(char** envz, size_t* envz_len, const char* envz2, size_t envz2_len,
                   int override) noexcept {
    const char* end = envz2 + envz2_len;
    for (const char* entry = envz2; entry < end;) {
        size_t size = strlen(entry) + 1;
        char* old = envz_entry(*envz, *envz_len, entry);
        if (old != nullptr && override) argz_delete(envz, envz_len, old);
        if (old == nullptr || override) {
            error_t error = argz_append(envz, envz_len, entry, size);
            if (error != 0) return error;
        }
        entry += size;
    }
    return 0;
}

void envz_strip(char** envz, size_t* envz_len) noexcept {
    char* out = *envz;
    const char* end = *envz + *envz_len;
    for (char* entry = *envz; entry < end;) {
        size_t size = strlen(entry) + 1;
        if (strchr(entry, '=') != nullptr) {
            memmove(out, entry, size);
            out += size;
        }
        entry += size;
    }
    *envz_len = static_cast<size_t>(out - *envz);
}

}  // extern "C"
