#pragma once
// Spec-style example files (the CommonMark spec's format, also used by tests/spec/*.txt): each
// example is a block opened by 32 backticks and ` example` (optionally followed by words), holding
// the input, a line with `.`, and the expected output, closed by 32 backticks.
#include <string>
#include <vector>

namespace sheaf::test {

struct SpecExample {
  int line = 0;                     ///< line of the example's first input line in the file
  std::vector<std::string> words;   ///< words after `example` on the opening line
  std::string input;                ///< every input line followed by "\n"
  std::string expected;             ///< every expected line followed by "\n"
};

/// The examples of `text`, in order. `→` in a line stands for a tab, as in the CommonMark spec.
std::vector<SpecExample> load_spec_examples(const std::string& text);

}  // namespace sheaf::test
