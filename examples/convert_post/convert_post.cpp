// convert_post INPUT OUTPUT [FORMAT]: converts one post with libsheaf, after a transform that
// marks every external link's text with an arrow — the shape of a program that uses the public
// API (<sheaf/sheaf.hpp>, docs/api.md) from outside the tree. Warnings go to standard error in
// sheaf's GNU form; errors exit with sheaf's exit codes.
#include <iostream>
#include <utility>
#include <string_view>
#include <variant>

#include <sheaf/sheaf.hpp>

int main(int argc, char** argv) {
  if (argc < 3 || argc > 4) {
    std::cerr << "usage: convert_post INPUT OUTPUT [FORMAT]\n";
    return 2;
  }
  sheaf::MemoryContext diagnostics;  // collects warnings; no files are read through it
  try {
    sheaf::Document doc = sheaf::read_file(argv[1], {}, &diagnostics);

    int links = 0;
    sheaf::for_each_inline(doc, [&](sheaf::Inline& node) {
      auto* link = std::get_if<sheaf::Link>(&node.node);
      if (!link || !std::string_view(link->url).starts_with("http")) return;
      link->children.push_back(sheaf::Inline{sheaf::Text{" \u2197"}});
      ++links;
    });
    int blocks = 0;
    sheaf::for_each_block(std::as_const(doc), [&](const sheaf::Block&) { ++blocks; });
    sheaf::meta_set(doc.meta, "generator", sheaf::MetaValue{std::string("convert_post")});

    sheaf::WriteOptions options;
    if (argc == 4) options.format = argv[3];
    sheaf::write_file(doc, argv[2], options, &diagnostics);

    for (const sheaf::Diagnostic& d : diagnostics.diagnostics) std::cerr << sheaf::render(d) << '\n';
    std::cout << "sheaf " << sheaf::version() << ": " << argv[1] << " -> " << argv[2] << " ("
              << blocks << " blocks, " << links << " external links)\n";
    return 0;
  } catch (const sheaf::Error& e) {
    std::cerr << "convert_post: " << sheaf::format_location(e.source_name(), e.pos()) << e.what()
              << '\n';
    return static_cast<int>(e.code());
  }
}
