// Placeholder; the CLI lands with the foundation.
#include "converters/builtin.hpp"
#include <iostream>
int main() { std::cout << sheaf::builtin_registry().readers().size() << "\n"; }
