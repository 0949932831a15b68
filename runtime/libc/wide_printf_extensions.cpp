// The wide printf functions' side of the registered path
// (printf_extensions.cpp's format_registered, declared in
// printf_registry.hpp): the format's text, a standard conversion through
// the wide engine (wide_printf_core.cpp), and the stream a handler writes
// to.
//
// glibc hands a handler the wide call's own stream, which is wide-oriented:
// what the handler writes with the wide calls (fputwc, fputws, fwprintf,
// and __printf_fp or printf_size, which see printf_info.wide set) joins the
// output as wide characters; its byte output (fprintf, fputs, fwrite) fails
// there, with nothing written and errno untouched. lwp's streams have no
// orientation, and open_wmemstream's stream behaves exactly so (see
// stdio_wide_memstream.cpp): its wide characters are stored as they are,
// its byte output fails at once. So the handler writes to one, and what it
// wrote goes into the call's output when it returns.
//
// Differences: fileno of that stream is -1 (EBADF), for fwprintf too,
// where glibc's is the caller's stream; putc and fputc fail with EOF
// there, where glibc's store the byte as a wide character in the string
// of swprintf (making the call fail) and lose it on a file.
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>

#include "printf_registry.hpp"
#include "wide_printf_core.hpp"

namespace lwp::libc {

void emit_text(wide_format_sink& sink, const wchar_t* text, std::size_t count) {
    if (count == 0) return;
    sink.total += count;
    sink.put(sink, text, count);
}

void emit_zeros(wide_format_sink& sink, std::size_t count) {
    wchar_t run[16];
    for (wchar_t& c : run) c = L'0';
    while (count) {
        std::size_t piece = count < 16 ? count : 16;
        emit_text(sink, run, piece);
        count -= piece;
    }
}

int format_one(wide_format_sink& sink, const wchar_t* conversion, ...) {
    va_list arguments;
    va_start(arguments, conversion);
    int result = wide_format_standard(sink, conversion, arguments);
    va_end(arguments);
    return result;
}

bool open_handler_stream(wide_format_sink&, handler_stream& stream) {
    stream.file = open_wmemstream(&stream.characters, &stream.count);
    return stream.file != nullptr;
}

// After each handler: its characters (fflush sets them and their count),
// then the stream back to the start for the next one.
bool collect_handler_output(wide_format_sink& sink, handler_stream& stream) {
    if (fflush(stream.file) != 0) return false;  // ENOMEM
    emit_text(sink, stream.characters, stream.count);
    rewind(stream.file);  // which also clears the error flag a byte write set
    return true;
}

void close_handler_stream(wide_format_sink&, handler_stream& stream) {
    if (!stream.file) return;
    fclose(stream.file);
    free(stream.characters);
}

}  // namespace lwp::libc
