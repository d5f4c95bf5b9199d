#pragma once
// Language tags for dc:language and <html lang>: never empty, always well-formed BCP 47.
#include <optional>
#include <string>
#include <string_view>

#include "core/document.hpp"

namespace sheaf::epub {

/// `tag` as a well-formed BCP 47 tag ("zh_CN" → "zh-CN", "EN-us" → "en-US"), or nullopt for
/// text that is not one ("C", "POSIX", "", "chinese!").
std::optional<std::string> normalize_language(std::string_view tag);

/// The language of the document's text guessed from its script: kana → "ja", Hangul → "ko",
/// Han → "zh", Arabic → "ar", Hebrew → "he", anything else "en". Looks at a bounded prefix of the
/// text, so the cost does not grow with the document.
std::string infer_language(const Document& doc);

/// True for languages written right to left (ar, he, fa, ur, …; or an Arab/Hebr script subtag).
bool is_rtl(std::string_view tag);

}  // namespace sheaf::epub
