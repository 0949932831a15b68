// lwp::thread: a std::thread look-alike on lwp's raw-clone threads.
//
// The callable and its arguments are decay-copied into the new thread's own
// mapping (no heap allocation); the thread invokes them, destroys them and
// ends. Works in hosted programs (with exceptions: construction failure throws
// std::system_error) and freestanding ones (-fno-exceptions: construction
// failure terminates; use lwp::thread::create for an error code). In a hosted
// program nothing may throw on an lwp thread itself, not even an exception it
// catches: throwing needs libstdc++'s per-thread state, which only threads
// glibc made have (README, "The hosted-mode contract").
#pragma once

#include <cerrno>
#include <cstddef>
#include <exception>
#include <functional>
#include <new>
#include <tuple>
#include <type_traits>
#include <utility>
#if __cpp_exceptions
#include <system_error>
#endif

#include "detail/spawn.hpp"
#include "thread.h"

namespace lwp {

// Creation options for lwp::thread::create (the C++ face of lwp_attr_t).
struct thread_attributes {
    std::size_t stack_size = 0;        // usable bytes; 0 = the default (RLIMIT_STACK)
    std::size_t guard_size = 4096;     // PROT_NONE bytes below the stack
    void* stack_address = nullptr;     // a caller-supplied stack (stack_size bytes)
    bool detached = false;
};

class thread {
public:
    class id {
    public:
        id() noexcept = default;
        explicit id(lwp_t handle) noexcept : handle_(handle) {}
        lwp_t value() const noexcept { return handle_; }
        friend bool operator==(id a, id b) noexcept { return a.handle_ == b.handle_; }
        friend auto operator<=>(id a, id b) noexcept { return a.handle_ <=> b.handle_; }

    private:
        lwp_t handle_ = 0;  // 0: "not a thread", as std::thread::id{}
    };

    using native_handle_type = lwp_t;

    thread() noexcept = default;

    template <class Function, class... Arguments,
              class = std::enable_if_t<!std::is_same_v<std::remove_cvref_t<Function>, thread>>>
    explicit thread(Function&& function, Arguments&&... arguments) {
        int error = spawn(nullptr, std::forward<Function>(function),
                          std::forward<Arguments>(arguments)...);
        if (error) fail(error, "lwp::thread");
    }

    // Non-throwing creation with attributes. Returns 0 or an errno code
    // (EAGAIN, EINVAL). A detached thread leaves `out` not joinable.
    template <class Function, class... Arguments>
    static int create(thread& out, const thread_attributes& options, Function&& function,
                      Arguments&&... arguments) {
        if (out.joinable()) return EINVAL;
        lwp_attr_t attributes;
        lwp_attr_init(&attributes);
        int error = 0;
        if (options.stack_address)
            error = lwp_attr_setstack(&attributes, options.stack_address, options.stack_size);
        else if (options.stack_size)
            error = lwp_attr_setstacksize(&attributes, options.stack_size);
        if (!error) error = lwp_attr_setguardsize(&attributes, options.guard_size);
        if (!error && options.detached)
            error = lwp_attr_setdetachstate(&attributes, LWP_CREATE_DETACHED);
        if (!error) {
            thread created;
            error = created.spawn(&attributes, std::forward<Function>(function),
                                  std::forward<Arguments>(arguments)...);
            if (!error) {
                if (options.detached)
                    created.handle_ = 0;
                out = std::move(created);
            }
        }
        lwp_attr_destroy(&attributes);
        return error;
    }

    thread(thread&& other) noexcept : handle_(std::exchange(other.handle_, 0)) {}
    thread& operator=(thread&& other) noexcept {
        if (joinable()) std::terminate();
        handle_ = std::exchange(other.handle_, 0);
        return *this;
    }
    thread(const thread&) = delete;
    thread& operator=(const thread&) = delete;

    // Like std::thread: destroying a thread nobody joined or detached is a bug.
    ~thread() {
        if (joinable()) std::terminate();
    }

    bool joinable() const noexcept { return handle_ != 0; }
    id get_id() const noexcept { return id(handle_); }
    native_handle_type native_handle() const noexcept { return handle_; }

    void join() {
        int error = joinable() ? lwp_join(handle_, nullptr) : EINVAL;
        if (error) fail(error, "lwp::thread::join");
        handle_ = 0;
    }

    void detach() {
        int error = joinable() ? lwp_detach(handle_) : EINVAL;
        if (error) fail(error, "lwp::thread::detach");
        handle_ = 0;
    }

    void swap(thread& other) noexcept { std::swap(handle_, other.handle_); }

private:
    template <class Function, class... Arguments>
    using payload_type = std::tuple<std::decay_t<Function>, std::decay_t<Arguments>...>;

    template <class Payload>
    static void* run(void* raw) noexcept {
        auto* payload = static_cast<Payload*>(raw);
        std::apply([](auto& function, auto&... arguments) {
            std::invoke(std::move(function), std::move(arguments)...);
        }, *payload);
        payload->~Payload();
        return nullptr;
    }

    template <class Function, class... Arguments>
    int spawn(const lwp_attr_t* attributes, Function&& function, Arguments&&... arguments) {
        using Payload = payload_type<Function, Arguments...>;
        detail::prepared_spawn prepared;
        int error = detail::prepare_spawn(attributes, sizeof(Payload), alignof(Payload), prepared);
        if (error) return error;
#if __cpp_exceptions
        try {
            ::new (prepared.payload)
                Payload(std::forward<Function>(function), std::forward<Arguments>(arguments)...);
        } catch (...) {
            detail::abandon_spawn(prepared);
            throw;
        }
#else
        ::new (prepared.payload)
            Payload(std::forward<Function>(function), std::forward<Arguments>(arguments)...);
#endif
        error = detail::launch_spawn(prepared, &run<Payload>, prepared.payload, &handle_);
        if (error) {
            // The thread never ran: the payload it would have destroyed is
            // ours, and must go before its memory is given back.
            static_cast<Payload*>(prepared.payload)->~Payload();
            detail::abandon_spawn(prepared);
        }
        return error;
    }

    [[noreturn]] static void fail(int error, const char* what) {
#if __cpp_exceptions
        throw std::system_error(error, std::generic_category(), what);
#else
        (void)error;
        (void)what;
        std::terminate();
#endif
    }

    lwp_t handle_ = 0;
};

namespace this_thread {
inline thread::id get_id() noexcept { return thread::id(lwp_self()); }
void yield() noexcept;
}  // namespace this_thread

}  // namespace lwp

// As std::hash<std::thread::id>: ids can key unordered containers.
template <>
struct std::hash<lwp::thread::id> {
    std::size_t operator()(lwp::thread::id id) const noexcept {
        return std::hash<lwp_t>{}(id.value());
    }
};
