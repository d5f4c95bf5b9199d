#include "converters/epub/opf.hpp"

#include "converters/epub/xml_writer.hpp"

namespace sheaf::epub {

std::string accessibility_summary(const BookInfo& book) {
  std::string s =
      "Reflowable text with a table of contents, a heading for every chapter and a logical reading "
      "order; no content depends on color or sound.";
  if (book.images > 0) {
    if (book.images_without_alt == 0) {
      s += " Every image has a text alternative or a caption.";
    } else {
      s += ' ';
      s += std::to_string(book.images - book.images_without_alt);
      s += " of ";
      s += std::to_string(book.images);
      s += " images have a text alternative or a caption.";
    }
  }
  if (book.remote_images)
    s += " Images that were not embedded are represented by links to them, with their text alternatives.";
  return s;
}

std::string package_document(const BookInfo& book, const std::vector<ManifestItem>& items) {
  XmlWriter w;
  w.declaration();
  w.open("package");
  w.attr("xmlns", "http://www.idpf.org/2007/opf");
  w.attr("version", "3.0");
  w.attr("unique-identifier", "pub-id");
  w.attr("xml:lang", book.languages.front());
  if (book.rtl) w.attr("dir", "rtl");
  w.newline();

  w.open("metadata");
  w.attr("xmlns:dc", "http://purl.org/dc/elements/1.1/");
  w.newline();
  const auto dc = [&](const char* name, const std::string& value, const std::string& id = {}) {
    w.open(name);
    if (!id.empty()) w.attr("id", id);
    w.text(value);
    w.close();
    w.newline();
  };
  const auto meta = [&](const std::string& property, const std::string& value, const std::string& refines = {},
                        const std::string& scheme = {}) {
    w.open("meta");
    if (!refines.empty()) w.attr("refines", refines);
    w.attr("property", property);
    if (!scheme.empty()) w.attr("scheme", scheme);
    w.text(value);
    w.close();
    w.newline();
  };
  dc("dc:identifier", book.identifier, "pub-id");
  dc("dc:title", book.title, "title");
  for (const std::string& lang : book.languages) dc("dc:language", lang);
  for (std::size_t i = 0; i < book.creators.size(); ++i) {
    const std::string id = "creator-" + std::to_string(i + 1);
    dc("dc:creator", book.creators[i], id);
    meta("role", "aut", "#" + id, "marc:relators");
  }
  if (!book.date.empty()) dc("dc:date", book.date);
  for (const std::string& source : book.sources) dc("dc:source", source);
  for (const std::string& subject : book.subjects) dc("dc:subject", subject);
  if (!book.description.empty()) dc("dc:description", book.description);
  meta("dcterms:modified", book.modified);

  // Accessibility (EPUB Accessibility 1.1): only claims that hold for every book sheaf writes,
  // plus those that follow from the images actually embedded.
  meta("schema:accessMode", "textual");
  if (book.images > 0) meta("schema:accessMode", "visual");
  if (book.images == 0 || book.images_without_alt == 0) meta("schema:accessModeSufficient", "textual");
  if (book.images > 0) meta("schema:accessModeSufficient", "textual,visual");
  meta("schema:accessibilityFeature", "structuralNavigation");
  meta("schema:accessibilityFeature", "tableOfContents");
  meta("schema:accessibilityFeature", "readingOrder");
  meta("schema:accessibilityFeature", "displayTransformability");
  if (book.images > 0 && book.images_without_alt == 0) meta("schema:accessibilityFeature", "alternativeText");
  if (book.animated_image_formats) {
    meta("schema:accessibilityHazard", "noSoundHazard");
    meta("schema:accessibilityHazard", "noMotionSimulationHazard");  // flashing: not known, not claimed
  } else {
    meta("schema:accessibilityHazard", "none");
  }
  meta("schema:accessibilitySummary", accessibility_summary(book));
  for (const ManifestItem& item : items) {
    if (item.properties == "cover-image") {
      // EPUB 2 reading systems find the cover through this.
      w.open("meta");
      w.attr("name", "cover");
      w.attr("content", item.id);
      w.close();
      w.newline();
    }
  }
  w.close();  // metadata
  w.newline();

  w.open("manifest");
  w.newline();
  for (const ManifestItem& item : items) {
    w.open("item");
    w.attr("id", item.id);
    w.attr("href", item.href);
    w.attr("media-type", item.media_type);
    if (!item.properties.empty()) w.attr("properties", item.properties);
    w.close();
    w.newline();
  }
  w.close();
  w.newline();

  w.open("spine");
  w.attr("toc", "ncx");
  if (book.rtl) w.attr("page-progression-direction", "rtl");
  w.newline();
  for (const ManifestItem& item : items) {
    if (!item.spine) continue;
    w.open("itemref");
    w.attr("idref", item.id);
    w.close();
    w.newline();
  }
  w.close();
  w.newline();
  w.close();  // package
  w.newline();
  return w.take();
}

}  // namespace sheaf::epub
