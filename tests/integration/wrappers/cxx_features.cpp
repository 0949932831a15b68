// Built by scripts/wrappers.cmake with lwp-c++ (-fno-exceptions -fno-rtti,
// no libstdc++ linked): the header-only C++ library, operator new/delete,
// virtual calls, guarded local statics, static constructors and lwp::thread.
#include <lwp/lwp.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdio>
#include <memory>
#include <optional>

namespace {

struct shape {
    virtual ~shape() = default;
    virtual int sides() const = 0;
};
struct triangle final : shape {
    int sides() const override { return 3; }
};

int constructed_before_main = 0;
struct early {
    early() { constructed_before_main = 42; }
} early_instance;

int& local_static() {
    static int value = constructed_before_main + 1;  // guarded initialisation
    return value;
}

}  // namespace

int main() {
    std::array<int, 5> numbers{5, 3, 9, 1, 7};
    std::sort(numbers.begin(), numbers.end());
    if (numbers.front() != 1 || numbers.back() != 9) return 1;

    std::unique_ptr<shape> figure = std::make_unique<triangle>();
    if (figure->sides() != 3) return 2;

    std::optional<int> maybe;
    if (maybe.has_value()) return 3;
    maybe = local_static();
    if (*maybe != 43) return 4;

    std::atomic<int> sum{0};
    int base = 10;
    lwp::thread worker([&sum, base](int extra) { sum.fetch_add(base + extra); }, 5);
    worker.join();
    if (sum.load() != 15) return 5;

    std::printf("c++ features: sorted, virtual, optional %d, thread sum %d\n", *maybe,
                sum.load());
    return 0;
}
