// dlopen dlmopen dlsym dlvsym dlclose dladdr dlinfo dlerror: the dynamic loader's
// interface, in a program that has no dynamic loader. lwp programs are
// static, with no dynamic symbol table of their own and nothing that could
// map a shared object and resolve its symbols against them, so every request
// fails, the way <dlfcn.h> reports failure: a null handle or symbol (or a
// non-zero result), and a message that dlerror then returns once. A program
// that loads plugins optionally, or looks a function up before using it,
// links and takes its fallback path.
#include <dlfcn.h>

namespace {

// The message dlerror returns next, per thread as in glibc: one thread's
// failure must not be reported (or cleared) by another's dlerror.
thread_local const char* pending_message = nullptr;

constexpr char no_loading[] =
    "lwp: dynamic loading is not supported (the program is static and has no dynamic loader)";
constexpr char no_lookup[] =
    "lwp: symbol lookup is not supported (the program is static and has no dynamic symbol table)";
constexpr char no_handle[] = "lwp: invalid handle (dlopen never returns one in a static program)";

}  // namespace

extern "C" {

void* dlopen(const char*, int) noexcept {
    pending_message = no_loading;
    return nullptr;
}

// dlopen into a link-map namespace (LM_ID_BASE, LM_ID_NEWLM, or one an
// earlier dlmopen made): there is no loader to make one, so it fails as
// dlopen does.
void* dlmopen(Lmid_t, const char*, int) noexcept {
    pending_message = no_loading;
    return nullptr;
}

void* dlsym(void* __restrict, const char* __restrict) noexcept {
    pending_message = no_lookup;
    return nullptr;
}

void* dlvsym(void* __restrict, const char* __restrict, const char* __restrict) noexcept {
    pending_message = no_lookup;
    return nullptr;
}

int dlclose(void*) noexcept {
    pending_message = no_handle;
    return -1;
}

int dlinfo(void* __restrict, int, void* __restrict) noexcept {
    pending_message = no_handle;
    return -1;
}

// 0: nothing is known about the address. glibc's dladdr sets no dlerror
// message either.
int dladdr(const void*, Dl_info*) noexcept { return 0; }
int dladdr1(const void*, Dl_info*, void**, int) noexcept { return 0; }

// The last failure's message, once: a second call returns null until
// something fails again.
char* dlerror(void) noexcept {
    const char* message = pending_message;
    pending_message = nullptr;
    return const_cast<char*>(message);
}

}  // extern "C"
