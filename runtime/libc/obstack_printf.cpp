// obstack_printf obstack_vprintf (<stdio.h>): formatted output appended to
// the object an obstack is growing (obstacks.cpp), as obstack_grow would
// append it: no NUL after it, the object left unfinished. The count of
// bytes added, or -1 (with errno) when formatting fails, as vsnprintf's.
//
// Formatted straight into the room the current chunk has left; what does not
// fit is formatted again into a new chunk made big enough, so a call costs
// at most two passes. Out of memory, obstack_alloc_failed_handler is called.
#include <obstack.h>
#include <stdarg.h>
#include <stdio.h>

extern "C" {

int obstack_vprintf(struct obstack* __restrict h, const char* __restrict format,
                    va_list arguments) {
    va_list again;
    va_copy(again, arguments);
    unsigned long room = static_cast<unsigned long>(h->chunk_limit - h->next_free);
    // vsnprintf ends what it writes with a NUL: in the chunk's free room,
    // past the object, which does not count it.
    int length = vsnprintf(h->next_free, room, format, arguments);
    if (length >= 0 && static_cast<unsigned long>(length) >= room) {
        _obstack_newchunk(h, length + 1);
        vsnprintf(h->next_free, static_cast<unsigned long>(length) + 1, format, again);
    }
    va_end(again);
    if (length > 0) h->next_free += length;
    return length;
}

int obstack_printf(struct obstack* __restrict h, const char* __restrict format, ...) {
    va_list arguments;
    va_start(arguments, format);
    int length = obstack_vprintf(h, format, arguments);
    va_end(arguments);
    return length;
}

}  // extern "C"
