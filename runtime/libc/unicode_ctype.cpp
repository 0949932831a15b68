// Lookups in the generated C.UTF-8 tables (unicode_ctype_tables.hpp).
#include "unicode_ctype.hpp"

#include "unicode_ctype_tables.hpp"

namespace lwp::libc {

namespace {

namespace data = unicode_ctype_data;

constexpr wint_t code_point_limit = 0x110000;

const data::kind& kind_of(wint_t c) {
    constexpr unsigned row_mask = (1u << (data::top_shift - data::leaf_shift)) - 1;
    constexpr unsigned leaf_mask = (1u << data::leaf_shift) - 1;
    unsigned leaf = data::rows[data::row_of[c >> data::top_shift]][(c >> data::leaf_shift) & row_mask];
    return data::kinds[data::leaves[leaf][c & leaf_mask]];
}

// Binary search for the last run starting at or before c.
template <unsigned count>
wint_t mapped(const data::case_run (&runs)[count], wint_t c) {
    unsigned low = 0, high = count;
    while (low < high) {
        unsigned middle = (low + high) / 2;
        if (runs[middle].first <= c) low = middle + 1;
        else high = middle;
    }
    if (low == 0) return c;
    const data::case_run& run = runs[low - 1];
    wint_t offset = c - run.first;
    unsigned stride = run.stride + 1u;
    if (offset % stride != 0 || offset / stride >= run.count) return c;
    return static_cast<wint_t>(static_cast<int32_t>(c) + run.delta);
}

}  // namespace

unsigned unicode_classes(wint_t c) noexcept {
    return c < code_point_limit ? kind_of(c).classes : 0;
}

int unicode_width(wint_t c) noexcept { return c < code_point_limit ? kind_of(c).width : -1; }

wint_t unicode_to_upper(wint_t c) noexcept { return mapped(data::to_upper, c); }
wint_t unicode_to_lower(wint_t c) noexcept { return mapped(data::to_lower, c); }
wint_t unicode_to_title(wint_t c) noexcept { return mapped(data::to_title, c); }

}  // namespace lwp::libc
