// getsubopt (<stdlib.h>): one "name" or "name=value" item of a
// comma-separated option argument (mount's "-o ro,uid=0"). Returns the
// name's index in `tokens` and points *value at the text after '=' (null
// without one); for a name not in `tokens`, -1 with *value at the whole item.
// The item's comma becomes a NUL and *options moves past it; -1 at the end.
#include <stdlib.h>
#include <string.h>

extern "C" int getsubopt(char** options, char* const* tokens, char** value) noexcept {
    char* item = *options;
    if (*item == '\0') return -1;
    char* end = strchrnul(item, ',');
    auto* equals = static_cast<char*>(memchr(item, '=', static_cast<size_t>(end - item)));
    char* name_end = equals != nullptr ? equals : end;
    size_t name_length = static_cast<size_t>(name_end - item);
    int found = -1;
    for (int i = 0; tokens[i] != nullptr; ++i) {
        if (strncmp(item, tokens[i], name_length) == 0 && tokens[i][name_length] == '\0') {
            found = i;
            break;
        }
    }
    if (found >= 0)
        *value = equals != nullptr ? equals + 1 : nullptr;
    else
        *value = item;
    if (*end != '\0') *end++ = '\0';
    *options = end;
    return found;
}
