// The C++ API's entry points into thread creation (lwp/detail/spawn.hpp).
#include "lwp/detail/spawn.hpp"

#include "../sys/syscalls.hpp"
#include "create.hpp"
#include "lwp/thread.hpp"

namespace lwp::detail {
namespace {

runtime::prepared_thread to_runtime(const prepared_spawn& spawn) {
    return {static_cast<runtime::thread_descriptor*>(spawn.descriptor), spawn.payload,
            spawn.start_frame, spawn.thread_pointer};
}

}  // namespace

int prepare_spawn(const lwp_attr_t* attributes, std::size_t payload_size,
                  std::size_t payload_alignment, prepared_spawn& prepared) noexcept {
    runtime::create_request request;
    int error = runtime::request_from_attributes(attributes, request);
    if (error) return error;
    request.payload_size = payload_size;
    request.payload_alignment = payload_alignment;
    runtime::prepared_thread thread;
    error = runtime::prepare_thread(request, thread);
    if (error) return error;
    prepared = {thread.descriptor, thread.payload, thread.start_frame, thread.thread_pointer};
    return 0;
}

int launch_spawn(prepared_spawn& prepared, void* (*routine)(void*), void* argument,
                 lwp_t* handle) noexcept {
    runtime::prepared_thread thread = to_runtime(prepared);
    return runtime::launch_thread(thread, routine, argument, handle);
}

void abandon_spawn(prepared_spawn& prepared) noexcept {
    runtime::prepared_thread thread = to_runtime(prepared);
    runtime::abandon_thread(thread);
}

}  // namespace lwp::detail

namespace lwp::this_thread {
void yield() noexcept { sys::sched_yield(); }
}  // namespace lwp::this_thread

extern "C" int lwp_yield(void) {
    lwp::sys::sched_yield();
    return 0;
}
