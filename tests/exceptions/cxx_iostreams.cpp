// C++ iostreams in a program whose whole runtime is lwp: libstdc++'s string
// and wide streams, its "C" locale facets (numbers, time with std::put_time,
// wide conversion), std::cout and a read through std::cin's machinery from
// a stream, all on lwp's C library (locale.cpp, stdio_wide_characters.cpp,
// ...). Exit 0 is a pass.
#include <cstdio>
#include <ctime>
#include <iomanip>
#include <iostream>
#include <locale>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>

namespace {

int failures = 0;

void expect(bool condition, const char* what) {
    if (!condition) {
        std::fprintf(stderr, "check failed: %s\n", what);
        ++failures;
    }
}

}  // namespace

int main() {
    std::ostringstream out;
    out << "x=" << 42 << ' ' << std::hex << 255 << std::dec << ' ' << std::fixed
        << std::setprecision(3) << 3.14159 << ' ' << std::setw(5) << std::setfill('*') << 7;
    expect(out.str() == "x=42 ff 3.142 ****7", "formatted output");

    std::istringstream in("17 2.5 word");
    int number = 0;
    double real = 0;
    std::string word;
    in >> number >> real >> word;
    expect(number == 17 && real == 2.5 && word == "word", "formatted input");

    std::wostringstream wide;
    wide << L"wide " << 12 << L'!';
    expect(wide.str() == L"wide 12!", "wide stream");
    std::wistringstream wide_in(L"34 abc");
    int wide_number = 0;
    std::wstring wide_word;
    wide_in >> wide_number >> wide_word;
    expect(wide_number == 34 && wide_word == L"abc", "wide input");

    std::tm when{};
    when.tm_year = 124;
    when.tm_mon = 10;
    when.tm_mday = 27;
    when.tm_hour = 21;
    when.tm_min = 41;
    std::ostringstream time_text;
    time_text << std::put_time(&when, "%Y-%m-%d %H:%M");
    expect(time_text.str() == "2024-11-27 21:41", "put_time");
    std::wostringstream wide_time;
    wide_time << std::put_time(&when, L"%d/%m/%Y");
    expect(wide_time.str() == L"27/11/2024", "wide put_time");

    expect(std::locale().name() == "C", "the global locale is \"C\"");
    bool refused = false;
    try {
        std::locale named("xx_YY.UTF-8");
    } catch (const std::runtime_error&) {
        refused = true;  // as with glibc for a locale that is not installed
    }
    expect(refused, "an unknown locale is refused");

    // std::cout from several threads: every line whole.
    std::thread writers[2];
    for (auto& writer : writers)
        writer = std::thread([] { std::cout << "a line from a thread\n"; });
    for (auto& writer : writers) writer.join();
    std::cout << "iostreams: " << (failures == 0 ? "ok" : "FAILED") << std::endl;
    return failures == 0 ? 0 : 1;
}
