#pragma once
// Model → encoder events (json_events.hpp): decides which fields a node writes and in what order.
// Fields holding their default value are left out (docs/json-format.md lists them per kind).
#include "converters/json/json_events.hpp"
#include "core/context.hpp"
#include "core/document.hpp"

namespace sheaf::json {

/// The events of `doc`; they view strings of `doc`. A non-finite metadata number is written as
/// null with a `json.non_finite_number` warning (JSON cannot spell it).
Events encode(const Document& doc, Context& context);

}  // namespace sheaf::json
