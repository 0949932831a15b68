// The rest of what compiled C++ code expects from its runtime when there is
// no libstdc++/libsupc++: std::terminate and the two virtual-call traps.
#include <exception>

#include "fatal.hpp"

namespace std {
// lwp::thread's header calls it when creation fails under -fno-exceptions;
// noexcept violations reach it too. There is no terminate handler to run.
[[noreturn]] void terminate() noexcept { lwp::libc::fatal("lwp: std::terminate called"); }
}  // namespace std

extern "C" {

// Called through the vtable slot of a pure virtual function, i.e. a virtual
// call on an object under construction or destruction.
[[noreturn]] void __cxa_pure_virtual() { lwp::libc::fatal("lwp: pure virtual function called"); }

[[noreturn]] void __cxa_deleted_virtual() {
    lwp::libc::fatal("lwp: deleted virtual function called");
}

}  // extern "C"
