// glibc's error and error_at_line (<error.h>): a message on stderr naming
// the program, the reason errnum gives, and exit when status is not 0.
#include <errno.h>
#include <error.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stdio_messages.hpp"

extern "C" {

extern char* program_invocation_name;

unsigned int error_message_count = 0;
int error_one_per_line = 0;
void (*error_print_progname)(void) = nullptr;

}  // extern "C"

namespace {

using lwp::libc::stderr_message;

// What comes first: the program's own hook, or its name and `separator`
// (error_at_line's file follows the name with no space).
void start_message(stderr_message& message, const char* separator) {
    if (error_print_progname) error_print_progname();
    else message.print("%s%s", program_invocation_name ? program_invocation_name : "", separator);
}

// The common tail: the message, ": reason" for a nonzero errnum, the newline.
void finish_message(stderr_message& message, int errnum, const char* format, va_list arguments) {
    message.vprint(format, arguments);
    ++error_message_count;
    if (errnum != 0) message.print(": %s", strerror(errnum));
    message.print("\n");
}

}  // namespace

extern "C" {

// Not cancellation points, as glibc's are not, and the line is written
// whole whatever other threads print (stderr_message). Standard output is
// written out first, so the message lands after what the program printed
// before it.
void error(int status, int errnum, const char* format, ...) {
    {
        stderr_message message(/*after_stdout=*/true);
        start_message(message, ": ");
        va_list arguments;
        va_start(arguments, format);
        finish_message(message, errnum, format, arguments);
        va_end(arguments);
    }
    if (status != 0) exit(status);
}

// The same, with "file:line: " after the program's name; with
// error_one_per_line set, a second message in a row for the same place is
// not printed (nor counted), though status still ends the program.
void error_at_line(int status, int errnum, const char* file, unsigned int line,
                   const char* format, ...) {
    static const char* last_file;
    static unsigned int last_line;
    if (error_one_per_line) {
        bool repeated = last_line == line && last_file != nullptr && file != nullptr &&
                        (last_file == file || strcmp(last_file, file) == 0);
        last_file = file;
        last_line = line;
        if (repeated) {
            if (status != 0) exit(status);
            return;
        }
    }
    {
        stderr_message message(/*after_stdout=*/true);
        start_message(message, file != nullptr ? ":" : ": ");
        if (file != nullptr) message.print("%s:%u: ", file, line);
        va_list arguments;
        va_start(arguments, format);
        finish_message(message, errnum, format, arguments);
        va_end(arguments);
    }
    if (status != 0) exit(status);
}

}  // extern "C"
