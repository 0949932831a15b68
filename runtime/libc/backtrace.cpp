// backtrace backtrace_symbols backtrace_symbols_fd (<execinfo.h>), in the
// exceptions build only (liblwp-freestanding-exceptions.a, what `lwp-cc
// -fexceptions` links): walking the stack needs the frame information that
// build asks every function for (-fexceptions gives it unwind tables) and
// the compiler's unwinder, which it links. Without -fexceptions a program
// has neither, and a call to backtrace is a link error rather than a trace
// that silently stops at the first frame.
//
// The names are printed as glibc prints them for a static program: it finds
// no dynamic symbols to name the addresses by, so each frame is "[0x...]".
#ifdef LWP_EXCEPTIONS

#include <execinfo.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <unwind.h>

namespace {

struct collected_frames {
    void** frames;
    int capacity;
    int count;  // -1 until backtrace's own frame has been skipped
};

_Unwind_Reason_Code collect_frame(struct _Unwind_Context* context, void* argument) {
    auto* collected = static_cast<collected_frames*>(argument);
    if (collected->count >= 0) {
        if (collected->count == collected->capacity) return _URC_END_OF_STACK;
        collected->frames[collected->count] = reinterpret_cast<void*>(_Unwind_GetIP(context));
    }
    ++collected->count;
    return _URC_NO_REASON;
}

// "[0x...]" for an address as printf's %p writes it ("[(nil)]" for null),
// NUL-terminated; returns its length. Formatted here rather than with
// snprintf, so that backtrace_symbols_fd stays safe in a signal handler.
constexpr int longest_description = 20;  // "[0x" 16 digits "]"
int describe(const void* address, char* text) {
    auto value = reinterpret_cast<unsigned long>(address);
    const char* written = value == 0 ? "[(nil)]" : nullptr;
    if (written) {
        strcpy(text, written);
        return 7;
    }
    char digits[16];
    int count = 0;
    for (; value != 0; value >>= 4) digits[count++] = "0123456789abcdef"[value & 15];
    char* out = text;
    *out++ = '[';
    *out++ = '0';
    *out++ = 'x';
    while (count > 0) *out++ = digits[--count];
    *out++ = ']';
    *out = '\0';
    return static_cast<int>(out - text);
}

}  // namespace

extern "C" {

// The return addresses of the active calls, innermost first (the call of
// backtrace itself left out), at most `capacity` of them.
int backtrace(void** frames, int capacity) noexcept {
    if (capacity <= 0) return 0;
    collected_frames collected{frames, capacity, -1};
    _Unwind_Backtrace(collect_frame, &collected);
    // The outermost frame (lwp's _start or a thread's entry) says where the
    // stack ends with a null return address: not a call, left out.
    if (collected.count > 1 && frames[collected.count - 1] == nullptr) --collected.count;
    return collected.count < 0 ? 0 : collected.count;
}

// One block from malloc: the array of pointers, then the strings it points
// to, so that the caller frees it all with one free (null when memory runs
// out).
char** backtrace_symbols(void* const* frames, int count) noexcept {
    if (count < 0) count = 0;
    size_t pointers = static_cast<size_t>(count) * sizeof(char*);
    auto** names = static_cast<char**>(malloc(pointers + static_cast<size_t>(count) * (longest_description + 1)));
    if (names == nullptr) return nullptr;
    char* text = reinterpret_cast<char*>(names) + pointers;
    for (int i = 0; i < count; ++i) {
        names[i] = text;
        text += describe(frames[i], text) + 1;
    }
    return names;
}

// The same lines written to `fd`, each ending in a newline, with no memory
// allocated: usable from a signal handler after a crash.
void backtrace_symbols_fd(void* const* frames, int count, int fd) noexcept {
    for (int i = 0; i < count; ++i) {
        char line[longest_description + 2];
        int length = describe(frames[i], line);
        line[length] = '\n';
        if (write(fd, line, static_cast<size_t>(length) + 1) < 0) return;
    }
}

}  // extern "C"

// glibc's second names for these: libc.so.6 exports them too, as the same
// functions.
extern "C" {
int __backtrace(void**, int) noexcept __attribute__((alias("backtrace"), copy(backtrace)));
char** __backtrace_symbols(void* const*, int) noexcept
    __attribute__((alias("backtrace_symbols"), copy(backtrace_symbols)));
void __backtrace_symbols_fd(void* const*, int, int) noexcept
    __attribute__((alias("backtrace_symbols_fd"), copy(backtrace_symbols_fd)));
}  // extern "C"

#endif  // LWP_EXCEPTIONS
