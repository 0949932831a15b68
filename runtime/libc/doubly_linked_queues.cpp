// insque and remque (<search.h>): elements of a doubly-linked list whose
// first two members are the forward and backward pointers (struct qelem's
// layout), linked and unlinked in place. As in glibc, a null `previous`
// makes the element a list of its own (both pointers null), and the list
// need not be circular: a null neighbour is simply not updated.
#include <search.h>

namespace {

struct links {
    links* forward;
    links* backward;
};

}  // namespace

extern "C" {

void insque(void* element, void* previous) noexcept {
    auto* e = static_cast<links*>(element);
    auto* p = static_cast<links*>(previous);
    if (p == nullptr) {
        e->forward = nullptr;
        e->backward = nullptr;
        return;
    }
    links* next = p->forward;
    p->forward = e;
    if (next != nullptr) next->backward = e;
    e->forward = next;
    e->backward = p;
}

void remque(void* element) noexcept {
    auto* e = static_cast<links*>(element);
    if (e->forward != nullptr) e->forward->backward = e->backward;
    if (e->backward != nullptr) e->backward->forward = e->forward;
}

}  // extern "C"
