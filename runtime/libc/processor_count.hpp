// The machine's online and configured processor counts, counted as glibc
// counts them (processor_count.cpp).
#pragma once

namespace lwp::libc {

long online_processor_count() noexcept;
long configured_processor_count() noexcept;

}  // namespace lwp::libc
