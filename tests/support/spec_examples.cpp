#include "tests/support/spec_examples.hpp"

#include <sstream>

namespace sheaf::test {

std::vector<SpecExample> load_spec_examples(const std::string& text) {
  const std::string fence = "```````````````````````````````` example";
  const std::string end = "````````````````````````````````";
  std::vector<SpecExample> out;
  std::istringstream in(text);
  std::string line;
  int number = 0;
  SpecExample* cur = nullptr;
  bool in_expected = false;
  while (std::getline(in, line)) {
    ++number;
    if (!cur && line.rfind(fence, 0) == 0) {
      out.push_back(SpecExample{number + 1, {}, {}, {}});
      cur = &out.back();
      std::istringstream words(line.substr(fence.size()));
      for (std::string w; words >> w;) cur->words.push_back(w);
      in_expected = false;
    } else if (cur && line == end) {
      cur = nullptr;
    } else if (cur && !in_expected && line == ".") {
      in_expected = true;
    } else if (cur) {
      std::string l;
      for (std::size_t i = 0; i < line.size(); ++i) {
        if (line.compare(i, 3, "\xE2\x86\x92") == 0) {
          l += '\t';
          i += 2;
        } else {
          l += line[i];
        }
      }
      (in_expected ? cur->expected : cur->input) += l + "\n";
    }
  }
  return out;
}

}  // namespace sheaf::test
