// sheaf: parse the command line, run it, and turn anything that escapes into an exit code.
#include <cstdio>
#include <exception>

#include "cli/cli_options.hpp"
#include "cli/report.hpp"
#include "cli/run.hpp"

int main(int argc, char* argv[]) {
  try {
    return sheaf::cli::run(sheaf::cli::parse_command_line(argc, argv));
  } catch (const sheaf::Error& e) {
    std::fprintf(stderr, "%s\n", sheaf::cli::render_error(e).c_str());
    return static_cast<int>(e.code());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s\n", sheaf::cli::render_error(sheaf::cli::internal_error(e)).c_str());
    return static_cast<int>(sheaf::ErrorCode::internal);
  }
}
