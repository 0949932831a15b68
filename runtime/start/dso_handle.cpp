// __dso_handle identifies the module a static object belongs to: the compiler
// passes its address to __cxa_atexit. A static program is one module; the
// value only has to exist (crtbegin.o, which lwp programs do not link, is its
// usual home).
extern "C" {
void* __dso_handle = nullptr;
}
