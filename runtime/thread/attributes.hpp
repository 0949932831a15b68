// lwp_attr_t validation and defaults.
#pragma once

#include <cstdint>

#include "lwp/thread.h"

namespace lwp::runtime {

// Marks an initialised lwp_attr_t; destroy clears it, so use after destroy
// (or of an uninitialised attr, most of the time) is caught with EINVAL.
inline constexpr std::uint32_t attr_magic = 0x6c777061;  // "lwpa"

inline bool attr_valid(const lwp_attr_t* attr) { return attr && attr->magic == attr_magic; }

}  // namespace lwp::runtime
