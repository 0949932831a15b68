// lwp: the whole C++ API (and the C API beneath it).
#pragma once

#include "lwp.h"
#include "thread.hpp"
#include "sync.hpp"
