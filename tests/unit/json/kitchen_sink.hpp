#pragma once
// A hand-built Document that uses every node kind, every field with a non-default value (and some
// at their defaults), and every metadata type: the reference input for writer round trips.
// Reusable by any writer's tests.
#include "core/document.hpp"

namespace sheaf::test {

/// The same Document on every call. Text is written fresh (none comes from the corpus).
Document kitchen_sink();

}  // namespace sheaf::test
