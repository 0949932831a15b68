// What register_printf_* (printf_extensions.cpp) record, and the spec
// parser that reads formats with them, shared with parse_printf_format
// (printf_format_parsing.cpp).
#pragma once

#include <printf.h>
#include <stdarg.h>

#include <climits>
#include <cstddef>

namespace lwp::libc {

struct printf_registry {
    printf_function* handlers[UCHAR_MAX + 1];
    // register_printf_function's arginfo functions have no size parameter.
    union arginfo_function {
        printf_arginfo_size_function* sized;
        printf_arginfo_function* unsized;
    } arginfo[UCHAR_MAX + 1];
    bool arginfo_is_sized[UCHAR_MAX + 1];
    // register_printf_type's functions, by type - PA_LAST.
    printf_va_arg_function* fetchers[0x100 - PA_LAST];
};
extern printf_registry registered_printf;

// One conversion of a format, as glibc's parser describes it.
struct parsed_spec {
    printf_info info;
    int width_argument;      // argument index of a '*' width, or -1
    int precision_argument;  // of a '*' precision, or -1
    int data_argument;       // of the first value, or -1 when none
    int data_count;          // values the conversion takes
    int data_type;           // the first value's PA_* type
    int size;                // its size, for a registered type
    const unsigned char* end;   // just after the spec
    const unsigned char* next;  // the next '%', or the format's end
};

// Parses the spec at `text` (its '%'), `taken` arguments having been taken
// in order before it; raises `highest` to any "n$" position it names.
// Returns the number of arguments it takes in order.
std::size_t parse_spec(const unsigned char* text, std::size_t taken, parsed_spec& spec,
                       std::size_t& highest);

// The types of all the values of a spec with more than one, `room` of them
// at most, from its arginfo function.
void spec_types(const parsed_spec& spec, std::size_t room, int* types, int* sizes);

// parse_printf_format with the registry consulted (printf_extensions.cpp).
std::size_t parse_with_registry(const char* format, std::size_t n, int* types);

// Null until something is registered; then parse_printf_format defers to
// it. Defined in printf_format_parsing.cpp.
extern std::size_t (*registered_parse_printf_format)(const char* format, std::size_t n, int* types);

int format_registered(struct format_sink& sink, const char* format, va_list arguments);

}  // namespace lwp::libc
