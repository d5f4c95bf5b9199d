#pragma once
// The JSON writer works in two steps: the encoder turns the model into a stream of events (the
// value tree in document order), and the printer lays them out as they come. Keeping layout in
// one place is what makes the output deterministic and lets pretty mode put small nodes on one
// line. Events are streamed, never collected for a whole document: a paragraph of a million
// inlines would otherwise need hundreds of megabytes of events. The writer's encoder calls the
// printer's typed entry points (Printer::begin_object, key…) directly; Event and EventSink carry
// the same stream as values, for print() and for tests.
#include <cstdint>
#include <string_view>
#include <vector>

namespace sheaf::json {

enum class EventKind : std::uint8_t {
  begin_object, end_object, begin_array, end_array, key, string, integer, floating, boolean, null
};

/// One token of the value tree. Strings are views into the Document (or literals), so the events
/// must not outlive the Document they were made from.
struct Event {
  EventKind kind = EventKind::null;
  /// boolean: the value. begin_object/begin_array: expand in pretty mode even when every value
  /// is a scalar (used for metadata maps, one key per line).
  bool flag = false;
  std::string_view text;  ///< key, string
  std::int64_t integer = 0;
  double floating = 0;  ///< finite; the encoder writes non-finite numbers as null
};

using Events = std::vector<Event>;

/// Receives events one at a time, in document order.
class EventSink {
 public:
  virtual ~EventSink() = default;
  virtual void event(const Event& e) = 0;
};

}  // namespace sheaf::json
