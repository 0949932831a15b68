// The thin wrappers' one line: a system call whose arguments are the C
// function's own (integers and pointers, passed as the kernel's words), its
// result in the C convention (errno_result.hpp). system_call returns at
// once; cancellation_point_call is a cancellation point
// (runtime/thread/cancellation_point.hpp).
#pragma once

#include <type_traits>

#include "../../arch/x86_64/syscall.hpp"
#include "../thread/cancellation_point.hpp"
#include "errno_result.hpp"

namespace lwp::libc {

template <class T>
long as_word(T value) {
    if constexpr (std::is_pointer_v<T> || std::is_null_pointer_v<T>) {
        return reinterpret_cast<long>(value);
    } else {
        return static_cast<long>(value);
    }
}

template <class... Arguments>
long system_call(long number, Arguments... arguments) {
    static_assert(sizeof...(Arguments) <= 6, "the kernel takes six arguments at most");
    long words[6] = {as_word(arguments)...};
    return errno_result(
        arch::syscall6(number, words[0], words[1], words[2], words[3], words[4], words[5]));
}

template <class... Arguments>
long cancellation_point_call(long number, Arguments... arguments) {
    static_assert(sizeof...(Arguments) <= 6, "the kernel takes six arguments at most");
    long words[6] = {as_word(arguments)...};
    return errno_result(runtime::cancellation_point_syscall(
        nullptr, number, words[0], words[1], words[2], words[3], words[4], words[5]));
}

}  // namespace lwp::libc
