#include "attributes.hpp"

#include <cerrno>

#include "create.hpp"
#include "thread_layout.hpp"

namespace lwp::runtime {

// Upper bound for sizes accepted into an attr: anything larger could not be
// rounded and summed with the top area without overflow, and could never be
// mapped on x86_64 (47-bit user address space) anyway.
constexpr std::size_t largest_size = std::size_t{1} << 47;

int request_from_attributes(const lwp_attr_t* attributes, create_request& request) {
    request.guard_size = default_guard_size;
    if (attributes == nullptr) return 0;
    if (!attr_valid(attributes)) return EINVAL;
    request.stack_size = attributes->stack_size;
    request.guard_size = attributes->guard_size;
    request.detached = attributes->detach_state == LWP_CREATE_DETACHED;
    if (attributes->stack_address) {
        request.user_stack = attributes->stack_address;
        request.user_stack_size = attributes->stack_size;
    }
    return 0;
}

}  // namespace lwp::runtime

using lwp::runtime::attr_magic;
using lwp::runtime::attr_valid;
using lwp::runtime::largest_size;

extern "C" {

int lwp_attr_init(lwp_attr_t* attr) {
    if (attr == nullptr) return EINVAL;
    attr->stack_size = 0;
    attr->guard_size = lwp::runtime::default_guard_size;
    attr->stack_address = nullptr;
    attr->detach_state = LWP_CREATE_JOINABLE;
    attr->magic = attr_magic;
    return 0;
}

int lwp_attr_destroy(lwp_attr_t* attr) {
    if (!attr_valid(attr)) return EINVAL;
    attr->magic = 0;
    return 0;
}

int lwp_attr_setstacksize(lwp_attr_t* attr, size_t stack_size) {
    if (!attr_valid(attr)) return EINVAL;
    if (stack_size < LWP_STACK_MIN || stack_size > largest_size) return EINVAL;
    if (attr->stack_address) {
        // A caller-supplied stack is resized around its top, as glibc does
        // (it stores a stack by its top): lwp's thread data goes at the top,
        // and keeping the low end instead would move it past the end of the
        // caller's region.
        auto top = reinterpret_cast<std::uintptr_t>(attr->stack_address) + attr->stack_size;
        if (stack_size > top) return EINVAL;
        attr->stack_address = reinterpret_cast<void*>(top - stack_size);
    }
    attr->stack_size = stack_size;
    return 0;
}

int lwp_attr_getstacksize(const lwp_attr_t* attr, size_t* stack_size) {
    if (!attr_valid(attr) || stack_size == nullptr) return EINVAL;
    *stack_size = attr->stack_size ? attr->stack_size : lwp::runtime::default_stack_size();
    return 0;
}

int lwp_attr_setguardsize(lwp_attr_t* attr, size_t guard_size) {
    if (!attr_valid(attr)) return EINVAL;
    if (guard_size > largest_size) return EINVAL;
    attr->guard_size = guard_size;
    return 0;
}

int lwp_attr_getguardsize(const lwp_attr_t* attr, size_t* guard_size) {
    if (!attr_valid(attr) || guard_size == nullptr) return EINVAL;
    *guard_size = attr->guard_size;
    return 0;
}

int lwp_attr_setdetachstate(lwp_attr_t* attr, int detach_state) {
    if (!attr_valid(attr)) return EINVAL;
    if (detach_state != LWP_CREATE_JOINABLE && detach_state != LWP_CREATE_DETACHED) return EINVAL;
    attr->detach_state = detach_state;
    return 0;
}

int lwp_attr_getdetachstate(const lwp_attr_t* attr, int* detach_state) {
    if (!attr_valid(attr) || detach_state == nullptr) return EINVAL;
    *detach_state = attr->detach_state;
    return 0;
}

int lwp_attr_setstack(lwp_attr_t* attr, void* stack_address, size_t stack_size) {
    if (!attr_valid(attr)) return EINVAL;
    if (stack_address == nullptr || stack_size < LWP_STACK_MIN || stack_size > largest_size)
        return EINVAL;
    // The whole range must fit in the address space.
    if (reinterpret_cast<std::uintptr_t>(stack_address) + stack_size <
        reinterpret_cast<std::uintptr_t>(stack_address))
        return EINVAL;
    attr->stack_address = stack_address;
    attr->stack_size = stack_size;
    return 0;
}

int lwp_attr_getstack(const lwp_attr_t* attr, void** stack_address, size_t* stack_size) {
    if (!attr_valid(attr) || stack_address == nullptr || stack_size == nullptr) return EINVAL;
    *stack_address = attr->stack_address;
    *stack_size = attr->stack_size;
    return 0;
}
}
