#include "converters/epub/labels.hpp"

namespace sheaf::epub {

const Labels& labels_for(std::string_view language) {
  static constexpr Labels en{"Contents", "Source: ", "Notes", "Image", "Cover", ", "};
  static constexpr Labels zh_hans{"目录", "来源：", "注释", "图片", "封面", "、"};
  static constexpr Labels zh_hant{"目錄", "來源：", "註釋", "圖片", "封面", "、"};
  static constexpr Labels ja{"目次", "出典：", "注", "画像", "表紙", "、"};
  static constexpr Labels ko{"목차", "출처: ", "주석", "이미지", "표지", ", "};
  const std::string_view primary = language.substr(0, language.find('-'));
  if (primary == "zh") {
    const bool traditional = language.find("Hant") != std::string_view::npos ||
                             language.find("-TW") != std::string_view::npos ||
                             language.find("-HK") != std::string_view::npos ||
                             language.find("-MO") != std::string_view::npos;
    return traditional ? zh_hant : zh_hans;
  }
  if (primary == "ja") return ja;
  if (primary == "ko") return ko;
  return en;
}

}  // namespace sheaf::epub
