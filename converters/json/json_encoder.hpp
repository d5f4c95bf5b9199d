#pragma once
// Model → encoder events (json_events.hpp): decides which fields a node writes and in what order.
// Fields holding their default value are left out (docs/json-format.md lists them per kind).
#include "converters/json/json_events.hpp"
#include "converters/json/json_printer.hpp"
#include "core/context.hpp"
#include "core/document.hpp"

namespace sheaf::json {

/// Sends the events of `doc` to `sink`, in order; they view strings of `doc`, so a sink must not
/// keep them past `doc`'s lifetime. A non-finite metadata number is written as null with a
/// `json.non_finite_number` warning (JSON cannot spell it).
void encode(const Document& doc, Context& context, EventSink& sink);

/// The same values sent straight to `printer` (the writer's path): no Event is built and no
/// virtual call made per value, which is most of the cost of a paragraph of a million inlines.
void encode(const Document& doc, Context& context, Printer& printer);

}  // namespace sheaf::json
