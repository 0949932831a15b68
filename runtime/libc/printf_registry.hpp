// What register_printf_* (printf_extensions.cpp) record, and the spec
// parser that reads formats with them, shared with parse_printf_format
// (printf_format_parsing.cpp).
#pragma once

#include <printf.h>
#include <stdarg.h>
#include <stdio.h>

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

// One conversion of a format, as glibc's parser describes it; `Char` is
// unsigned char for printf's formats, wchar_t for wprintf's.
template <typename Char>
struct basic_parsed_spec {
    printf_info info;
    int width_argument;      // argument index of a '*' width, or -1
    int precision_argument;  // of a '*' precision, or -1
    int data_argument;       // of the first value, or -1 when none
    int data_count;          // values the conversion takes
    int data_type;           // the first value's PA_* type
    int size;                // its size, for a registered type
    const Char* end;   // just after the spec
    const Char* next;  // the next '%', or the format's end
};
using parsed_spec = basic_parsed_spec<unsigned char>;

// Parses the spec at `text` (its '%'), `taken` arguments having been taken
// in order before it; raises `highest` to any "n$" position it names.
// Returns the number of arguments it takes in order. Instantiated for
// unsigned char and wchar_t (printf_extensions.cpp).
template <typename Char>
std::size_t parse_spec(const Char* text, std::size_t taken, basic_parsed_spec<Char>& spec,
                       std::size_t& highest);

// The types of all the values of a spec with more than one, `room` of them
// at most, from its arginfo function.
template <typename Char>
void spec_types(const basic_parsed_spec<Char>& spec, std::size_t room, int* types, int* sizes);

// parse_printf_format with the registry consulted (printf_extensions.cpp).
std::size_t parse_with_registry(const char* format, std::size_t n, int* types);

// Null until something is registered; then parse_printf_format defers to
// it. Defined in printf_format_parsing.cpp.
extern std::size_t (*registered_parse_printf_format)(const char* format, std::size_t n, int* types);

// The printf path once something is registered: reads the whole format,
// fetches the arguments by type, calls handlers. For printf (`Sink`
// format_sink, `Char` unsigned char) and for wprintf (wide_format_sink,
// wchar_t); the wide output's primitives are wide_printf_extensions.cpp's.
template <typename Sink, typename Char>
int format_registered(Sink& sink, const Char* format, va_list arguments);

// The FILE a call's handlers write to, opened at the first handler.
struct handler_stream {
    FILE* file = nullptr;
    wchar_t* characters = nullptr;  // a wide call's: open_wmemstream's array
    std::size_t count = 0;          // and its size
};

// wprintf's side of format_registered (wide_printf_extensions.cpp): the
// format's text, one standard conversion through the wide engine, and the
// handlers' stream, whose wide characters join the call's output.
void emit_text(struct wide_format_sink& sink, const wchar_t* text, std::size_t count);
void emit_zeros(wide_format_sink& sink, std::size_t count);
int format_one(wide_format_sink& sink, const wchar_t* conversion, ...);
bool open_handler_stream(wide_format_sink& sink, handler_stream& stream);
bool collect_handler_output(wide_format_sink& sink, handler_stream& stream);
void close_handler_stream(wide_format_sink& sink, handler_stream& stream);

}  // namespace lwp::libc
