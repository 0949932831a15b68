// __cyg_profile_func_enter and __cyg_profile_func_exit: what GCC's
// -finstrument-functions makes every function call on entry and exit. A
// program that traces calls defines its own; these empty ones are what the
// C library provides so that an instrumented program that defines none (or
// links code built so) still links and runs, as with glibc, whose are empty
// too. Never instrumented themselves, or each would call itself.
extern "C" {

[[gnu::no_instrument_function]] void __cyg_profile_func_enter(void*, void*) noexcept {}
[[gnu::no_instrument_function]] void __cyg_profile_func_exit(void*, void*) noexcept {}

}  // extern "C"
