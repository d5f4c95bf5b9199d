#pragma once
// The one table of sheaf's readers and writers. --list-input-formats/--list-output-formats print it.
#include "core/registry.hpp"

namespace sheaf {

/// All built-in readers and writers, in listing order.
const Registry& builtin_registry();

}  // namespace sheaf
