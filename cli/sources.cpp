#include "cli/sources.hpp"

#include "cli/formats.hpp"
#include "cli/input.hpp"

namespace sheaf::cli {
namespace {

bool blank(std::string_view line) { return line.find_first_not_of(" \t\r") == std::string_view::npos; }

/// One source per non-blank line, each line numbered as in the input.
void split_lines(const Source& whole, std::vector<Source>& out) {
  std::string_view rest = *whole.bytes;
  if (rest.starts_with("\xEF\xBB\xBF")) rest.remove_prefix(3);
  std::uint32_t number = 0;
  while (!rest.empty()) {
    const auto end = rest.find('\n');
    const std::string_view line = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
    ++number;
    if (blank(line)) continue;
    Source s = whole;
    s.line = number;
    s.text = line;
    out.push_back(std::move(s));
  }
}

}  // namespace

std::vector<Source> plan_sources(const std::vector<std::string>& inputs, const ReaderSpec* from,
                                 std::size_t max_input_bytes) {
  std::vector<Source> out;
  for (const std::string& name : inputs) {
    const ReaderSpec* by_extension = name == "-" ? nullptr : reader_for_path(name);
    const ReaderSpec* known = from ? from : by_extension;
    bool lines = known && is_json_lines(*known);
    // Read ahead what may be JSON Lines or must be sniffed; other files are read when converted,
    // so that memory holds only the inputs in flight.
    if (known && !lines) {
      out.push_back(Source{name, 0, nullptr, {}, std::nullopt});
      continue;
    }
    Source whole{name, 0, nullptr, {}, std::nullopt};
    try {
      auto bytes = std::make_shared<const std::string>(read_input(name, max_input_bytes));
      whole.text = *bytes;
      whole.bytes = std::move(bytes);
    } catch (const Error& e) {
      whole.error = e;
      out.push_back(std::move(whole));
      continue;
    }
    if (!known) lines = sniff_format(whole.text) == "jsonl";
    if (lines) split_lines(whole, out);
    else out.push_back(std::move(whole));
  }
  return out;
}

}  // namespace sheaf::cli
