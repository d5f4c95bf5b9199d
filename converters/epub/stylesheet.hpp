#pragma once
// The built-in stylesheet: readable for CJK and Latin text alike (font fallbacks per language,
// line height, figures and captions, tables, code), and modest enough for reading systems to
// override with the reader's own settings.
#include <string_view>

namespace sheaf::epub {

/// The CSS text of styles/sheaf.css.
std::string_view builtin_stylesheet();

}  // namespace sheaf::epub
