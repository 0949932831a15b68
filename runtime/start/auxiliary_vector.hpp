// The auxiliary vector: facts the kernel passes a new program above its
// environment (page size, where the program headers are, 16 random bytes...),
// as (type, value) pairs ending with AT_NULL.
#pragma once

namespace lwp::start {

// Saved by process start; null before it.
extern const unsigned long* auxiliary_vector;

// The value of the first entry of `type` in `vector`, and whether one exists.
inline bool find_auxiliary_value(const unsigned long* vector, unsigned long type,
                                 unsigned long& value) {
    for (; vector != nullptr && vector[0] != 0; vector += 2) {  // 0 is AT_NULL
        if (vector[0] == type) {
            value = vector[1];
            return true;
        }
    }
    return false;
}

}  // namespace lwp::start
