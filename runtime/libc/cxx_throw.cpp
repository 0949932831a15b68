// std::__throw_*: where libstdc++'s header-only code (std::vector,
// std::string, std::function, ...) goes to throw. Without exceptions each
// reports what would have been thrown and aborts, the same outcome as an
// uncaught exception.
#include <bits/functexcept.h>

#include "fatal.hpp"

using lwp::libc::fatal;

namespace std {

void __throw_bad_exception() { fatal("lwp: std::bad_exception"); }
void __throw_bad_alloc() { fatal("lwp: std::bad_alloc"); }
void __throw_bad_array_new_length() { fatal("lwp: std::bad_array_new_length"); }
void __throw_bad_cast() { fatal("lwp: std::bad_cast"); }
void __throw_bad_typeid() { fatal("lwp: std::bad_typeid"); }
void __throw_logic_error(const char* what) { fatal("lwp: std::logic_error", what); }
void __throw_domain_error(const char* what) { fatal("lwp: std::domain_error", what); }
void __throw_invalid_argument(const char* what) { fatal("lwp: std::invalid_argument", what); }
void __throw_length_error(const char* what) { fatal("lwp: std::length_error", what); }
void __throw_out_of_range(const char* what) { fatal("lwp: std::out_of_range", what); }
// The format's arguments are not substituted: the message is for a human.
void __throw_out_of_range_fmt(const char* what, ...) { fatal("lwp: std::out_of_range", what); }
void __throw_runtime_error(const char* what) { fatal("lwp: std::runtime_error", what); }
void __throw_range_error(const char* what) { fatal("lwp: std::range_error", what); }
void __throw_overflow_error(const char* what) { fatal("lwp: std::overflow_error", what); }
void __throw_underflow_error(const char* what) { fatal("lwp: std::underflow_error", what); }
void __throw_system_error(int) { fatal("lwp: std::system_error"); }
void __throw_bad_function_call() { fatal("lwp: std::bad_function_call"); }

}  // namespace std
