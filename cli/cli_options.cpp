#include "cli/cli_options.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <limits>
#include <string_view>
#include <thread>

#include <boost/program_options.hpp>

#include "converters/html/clean_rules.hpp"
#include "converters/html/css_selector.hpp"
#include "converters/html/url_parts.hpp"
#include "converters/shared/text_encoding.hpp"
#include "cli/defaults_file.hpp"
#include "core/error.hpp"

namespace po = boost::program_options;

namespace sheaf::cli {
namespace {

enum class Arity { flag, one, many };

/// One command-line option: the single source for Boost's parser and for --help.
struct Flag {
  const char* names;  ///< Boost form: "from,f"
  const char* arg;    ///< placeholder shown in --help; empty for a switch
  Arity arity;
  const char* help;
};

struct Group {
  const char* title;
  std::vector<Flag> flags;
};

// Option names follow pandoc where the meaning is the same.
const std::vector<Group>& option_groups() {
  static const std::vector<Group> groups = {
      {"Formats and files",
       {
           {"from,f", "FORMAT", Arity::one, "input format (default: from the extension, else sniffed)"},
           {"to,t", "FORMAT", Arity::one, "output format (default: from -o's extension, else markdown)"},
           {"output,o", "FILE", Arity::one, "write to FILE; - is standard output (the default)"},
           {"output-dir", "DIR", Arity::one, "convert each input to DIR/<name>.<ext>"},
           {"input-root", "DIR", Arity::one, "--output-dir mirrors folders below DIR (default: common folder)"},
           {"jobs,j", "N", Arity::one, "convert N inputs at a time (default: all cores)"},
           {"files-from", "FILE", Arity::one, "read input paths from FILE, one a line (- = stdin)"},
           {"null,0", "", Arity::flag, "--files-from paths end with NUL, not newline"},
           {"fail-fast", "", Arity::flag, "start no more conversions after a failure"},
           {"unpublished", "", Arity::flag, "batch/book: keep posts marked published: false"},
           {"group-by", "KEY", Arity::one, "--output-dir: one EPUB per month, year, category, tag or author"},
           {"incremental", "", Arity::flag, "--output-dir: skip inputs unchanged since the last run"},
       }},
      {"Metadata",
       {
           {"metadata,M", "KEY[=VALUE]", Arity::many, "set a metadata field (repeatable)"},
           {"metadata-file", "FILE", Arity::one, "YAML mapping of defaults for metadata"},
       }},
      {"Reader options",
       {
           {"max-depth", "N", Arity::one, "deepest nesting kept as structure (default 512)"},
           {"max-input-size", "BYTES", Arity::one, "largest input accepted; K/M/G suffixes (default 256M)"},
           {"input-encoding", "NAME", Arity::one, "read input bytes as NAME (gbk, big5, shift_jis…; default: BOM, declaration, detection)"},
           {"whole-page", "", Arity::flag, "html: keep the whole page, not only its main content"},
           {"drop-related", "", Arity::flag, "html: drop \"related articles\" link lists"},
           {"no-clean", "RULE", Arity::many, "html: turn a cleanup rule off (repeatable; see docs/formats/html.md)"},
           {"keep-all", "", Arity::flag, "html: turn every cleanup rule off"},
           {"drop", "SELECTOR", Arity::many, "html: remove elements matching a CSS selector (repeatable)"},
           {"base-url", "URL", Arity::one, "html: make relative links absolute against URL, or 'canonical' (default: as written)"},
           {"raw-html", "MODE", Arity::one, "markdown: parse raw HTML into the model, or keep it raw (default parse)"},
       }},
      {"Writer options",
       {
           {"columns", "N", Arity::one, "line width for wrapping (markdown 80, text 78)"},
           {"wrap", "MODE", Arity::one, "none, auto or preserve (markdown: none, text: auto)"},
           {"links", "STYLE", Arity::one, "text: inline, references (default) or none"},
           {"no-front-matter", "", Arity::flag, "markdown: no YAML front matter"},
           {"reference-links", "", Arity::flag, "markdown: [text][n] links with definitions at the end"},
           {"no-header", "", Arity::flag, "text: no title/author/date header"},
           {"compact", "", Arity::flag, "json: one line instead of indented"},
           {"css", "FILE", Arity::many, "epub: add a stylesheet (repeatable)"},
           {"toc", "", Arity::flag, "epub: include a contents page (default)"},
           {"no-toc", "", Arity::flag, "epub: no contents page"},
           {"toc-depth", "N", Arity::one, "epub: heading levels listed per post (default 1)"},
           {"epub-cover-image", "FILE", Arity::one, "epub: cover image (also --cover FILE)"},
           {"cover", "FILE", Arity::one, ""},
           {"resource-path", "DIR", Arity::many, "epub: also look for images in DIR (repeatable, or DIR:DIR)"},
           {"site-root", "DIR", Arity::one, "epub: where /site/relative images resolve"},
           {"keep-order", "", Arity::flag, "epub books: chapters in input order, not by date"},
           {"fetch-images", "", Arity::flag, "epub: download and embed http(s) images"},
           {"offline", "", Arity::flag, "epub: --fetch-images from the cache only, no network"},
           {"cache-dir", "DIR", Arity::one, "epub: image cache (default $XDG_CACHE_HOME/sheaf)"},
           {"fetch-timeout", "SECONDS", Arity::one, "epub: time limit of one image download (default 30)"},
           {"max-image-size", "BYTES", Arity::one, "epub: largest image embedded; K/M/G suffixes (default 50M)"},
           {"max-image-pixels", "N", Arity::one, "epub: most pixels (width x height) per image (default 100000000)"},
           {"max-images", "N", Arity::one, "epub: images embedded per book (default 1000)"},
           {"fail-on-missing-images", "", Arity::flag, "epub: fail (exit 99) when an image cannot be embedded"},
       }},
      {"Messages",
       {
           {"verbose", "", Arity::flag, "also show informational messages"},
           {"quiet", "", Arity::flag, "show errors only"},
           {"fail-if-warnings", "", Arity::flag, "exit with code 3 when a warning was reported"},
           {"no-progress", "", Arity::flag, "no progress line on a terminal"},
           {"diagnostics", "FORMAT", Arity::one, "messages on standard error: gnu (default) or json"},
       }},
      {"Defaults files",
       {
           {"defaults,d", "FILE", Arity::one, "read options from a YAML file; options given here win"},
           {"dump-config", "", Arity::flag, "print the options as a defaults file and exit"},
       }},
      {"Information",
       {
           {"list-input-formats", "", Arity::flag, "list the input formats"},
           {"list-output-formats", "", Arity::flag, "list the output formats"},
           {"version,v", "", Arity::flag, "show the version and library versions"},
           {"help,h", "", Arity::flag, "show this help"},
       }},
  };
  return groups;
}

std::string help_text() {
  std::string out =
      "Usage: sheaf [OPTIONS] [INPUT...]\n"
      "Convert Jekyll posts, Markdown, HTML and sheaf JSON into EPUB, Markdown, JSON or text.\n"
      "With no INPUT, or when INPUT is -, read standard input.\n";
  for (const Group& g : option_groups()) {
    out += '\n';
    out += g.title;
    out += ":\n";
    for (const Flag& f : g.flags) {
      if (!*f.help) continue;  // an alias, described with its main spelling
      const std::string_view names = f.names;
      const auto comma = names.find(',');
      std::string left = "  ";
      if (comma != std::string_view::npos) {
        left += '-';
        left += names.substr(comma + 1);
        left += ", --";
        left += names.substr(0, comma);
      } else {
        left += "    --";
        left += names;
      }
      if (*f.arg) {
        left += ' ';
        left += f.arg;
      }
      constexpr std::size_t kColumn = 32;
      left.resize(std::max(kColumn, left.size() + 2), ' ');
      out += left;
      out += f.help;
      out += '\n';
    }
  }
  out += "\nExit codes and messages: docs/cli.md, docs/errors.md.\n";
  return out;
}

po::options_description boost_options() {
  po::options_description all;
  for (const Group& g : option_groups()) {
    for (const Flag& f : g.flags) {
      switch (f.arity) {
        case Arity::flag: all.add_options()(f.names, f.help); break;
        case Arity::one: all.add_options()(f.names, po::value<std::string>(), f.help); break;
        case Arity::many: all.add_options()(f.names, po::value<std::vector<std::string>>(), f.help); break;
      }
    }
  }
  all.add_options()("input", po::value<std::vector<std::string>>(), "input files");
  return all;
}

[[noreturn]] void usage_error(const std::string& message) {
  throw Error(ErrorCode::usage, message);
}

/// The option named `key` in a defaults file (a long name, or "input-files" for the inputs);
/// nullptr for options that make no sense there (--defaults, --dump-config, --help...).
const Flag* defaults_flag(std::string_view key) {
  static const Flag input_files{"input", "FILE", Arity::many, ""};
  if (key == "input-files" || key == "input") return &input_files;
  for (const Group& g : option_groups()) {
    if (std::string_view(g.title) == "Information" || std::string_view(g.title) == "Defaults files") continue;
    for (const Flag& f : g.flags) {
      const std::string_view names = f.names;
      if (names.substr(0, names.find(',')) == key) return &f;
    }
  }
  return nullptr;
}

/// --defaults FILE: the file's options as parsed command-line words. Values the command line
/// gives are stored first and so win; options that repeat (-M, --css, inputs...) take the file's
/// values followed by the command line's.
po::parsed_options parse_defaults_file(const std::string& path, const po::options_description& description) {
  std::vector<std::string> words;
  for (const MetaField& field : read_defaults_file(path)) {
    const Flag* flag = defaults_flag(field.key);
    if (!flag) throw Error(ErrorCode::usage, "defaults file: unknown option '" + field.key + "'", path);
    std::vector<std::string> more = defaults_arguments(path, field, flag->arity != Arity::flag, flag->arity == Arity::many);
    if (flag == defaults_flag("input-files"))
      for (std::size_t i = 0; i < more.size(); i += 2) more[i] = "--input";
    words.insert(words.end(), more.begin(), more.end());
  }
  try {
    return po::command_line_parser(words).options(description).style(po::command_line_style::unix_style & ~po::command_line_style::allow_guessing).run();
  } catch (const po::error& e) {
    throw Error(ErrorCode::usage, std::string("defaults file: ") + e.what(), path);
  }
}

/// The options in `vm` as a defaults file (--dump-config), in --help order, inputs last.
std::string dump_config(const po::variables_map& vm) {
  std::string out = "# sheaf defaults file: sheaf --defaults FILE (options given on the command line win)\n";
  const auto emit = [&](std::string_view key, const Flag& f) {
    const std::string name(std::string_view(f.names).substr(0, std::string_view(f.names).find(',')));
    if (!vm.count(name)) return;
    out += key;
    out += ':';
    switch (f.arity) {
      case Arity::flag: out += " true"; break;
      case Arity::one: out += ' ' + yaml_quoted(vm[name].as<std::string>()); break;
      case Arity::many: {
        const char* sep = " [";
        for (const std::string& v : vm[name].as<std::vector<std::string>>()) {
          out += sep + yaml_quoted(v);
          sep = ", ";
        }
        out += ']';
        break;
      }
    }
    out += '\n';
  };
  for (const Group& g : option_groups()) {
    if (std::string_view(g.title) == "Information" || std::string_view(g.title) == "Defaults files") continue;
    for (const Flag& f : g.flags) {
      const std::string_view names = f.names;
      emit(names.substr(0, names.find(',')), f);
    }
  }
  emit("input-files", *defaults_flag("input-files"));
  return out;
}

/// A positive integer in [min, max], or a usage error naming the option.
std::uint64_t parse_count(const std::string& option, std::string_view text, std::uint64_t min,
                          std::uint64_t max, std::uint64_t unit_multiplier_allowed = 0) {
  std::uint64_t value = 0;
  const char* first = text.data();
  const char* last = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(first, last, value);
  bool ok = ec == std::errc() && ptr != first;
  if (ok && unit_multiplier_allowed && ptr + 1 == last) {
    int shift = 0;
    switch (*ptr) {
      case 'k': case 'K': shift = 10; break;
      case 'm': case 'M': shift = 20; break;
      case 'g': case 'G': shift = 30; break;
      default: ok = false;
    }
    if (ok && value > (std::numeric_limits<std::uint64_t>::max() >> shift)) ok = false;
    if (ok) value <<= shift;
    ptr = last;
  }
  if (!ok || ptr != last || value < min || value > max) {
    if (unit_multiplier_allowed)
      usage_error("--" + option + " expects a size in bytes such as 500000 or 64M, not '" + std::string(text) + "'");
    usage_error("--" + option + " expects a whole number from " + std::to_string(min) + " to " +
                std::to_string(max) + ", not '" + std::string(text) + "'");
  }
  return value;
}

template <class Enum>
Enum parse_choice(const std::string& option, const std::string& text,
                  std::initializer_list<std::pair<std::string_view, Enum>> choices) {
  std::string names;
  for (const auto& [name, value] : choices) {
    if (text == name) return value;
    names += names.empty() ? "" : ", ";
    names += name;
  }
  usage_error("--" + option + " expects one of " + names + ", not '" + text + "'");
}

bool is_yaml_true(std::string_view s) { return s == "true" || s == "True" || s == "TRUE"; }
bool is_yaml_false(std::string_view s) { return s == "false" || s == "False" || s == "FALSE"; }

}  // namespace

MetaValue typed_metadata_value(const std::string& text) {
  if (is_yaml_true(text)) return MetaValue{true};
  if (is_yaml_false(text)) return MetaValue{false};
  std::string_view digits = text;
  if (!digits.empty() && (digits.front() == '+' || digits.front() == '-')) digits.remove_prefix(1);
  if (!digits.empty() && std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    std::int64_t value = 0;
    const char* first = text.data() + (text.front() == '+' ? 1 : 0);
    auto [ptr, ec] = std::from_chars(first, text.data() + text.size(), value);
    if (ec == std::errc() && ptr == text.data() + text.size()) return MetaValue{value};
  }
  return MetaValue{text};
}

CliOptions parse_command_line(int argc, const char* const argv[]) {
  const po::options_description description = boost_options();
  po::positional_options_description positional;
  positional.add("input", -1);

  po::parsed_options parsed(&description);
  po::variables_map vm;
  try {
    // No guessing of abbreviated options: a typo must not silently pick another flag.
    const int style = po::command_line_style::default_style & ~po::command_line_style::allow_guessing;
    parsed = po::command_line_parser(argc, argv).options(description).positional(positional).style(style).run();
    po::store(parsed, vm);
  } catch (const po::error& e) {
    usage_error(std::string(e.what()) + " (sheaf --help lists the options)");
  }
  // The options in the order they take effect: the defaults file's, then the command line's.
  std::vector<po::option> ordered;
  if (vm.count("defaults")) {
    const po::parsed_options from_file = parse_defaults_file(vm["defaults"].as<std::string>(), description);
    ordered = from_file.options;
    po::variables_map file_vm;
    po::store(from_file, file_vm);
    for (const auto& [name, value] : file_vm) {
      if (!vm.count(name)) {
        vm.insert({name, value});
      } else if (name == "input" || name == "metadata" || name == "css" || name == "resource-path") {
        auto merged = value.as<std::vector<std::string>>();
        const auto& given = vm[name].as<std::vector<std::string>>();
        merged.insert(merged.end(), given.begin(), given.end());
        vm.at(name).value() = merged;
      }
    }
  }
  ordered.insert(ordered.end(), parsed.options.begin(), parsed.options.end());
  // Of --toc and --no-toc the later one wins; only it is kept, so --dump-config shows the effect.
  for (auto it = ordered.rbegin(); it != ordered.rend(); ++it) {
    if (it->string_key != "toc" && it->string_key != "no-toc") continue;
    vm.erase(it->string_key == "toc" ? "no-toc" : "toc");
    break;
  }
  po::notify(vm);

  CliOptions o;
  const auto has = [&](const char* name) { return vm.count(name) > 0; };
  const auto str = [&](const char* name) { return vm[name].as<std::string>(); };

  if (has("help")) o.mode = Mode::help;
  else if (has("version")) o.mode = Mode::version;
  else if (has("list-input-formats")) o.mode = Mode::list_input_formats;
  else if (has("list-output-formats")) o.mode = Mode::list_output_formats;
  else if (has("dump-config")) o.mode = Mode::dump_config;
  if (o.mode == Mode::help) o.help_text = help_text();
  if (o.mode == Mode::dump_config) o.config_text = dump_config(vm);
  o.options_text = dump_config(vm);

  if (has("input")) o.inputs = vm["input"].as<std::vector<std::string>>();
  if (has("from")) o.from = str("from");
  if (has("to")) o.to = str("to");
  if (has("output")) o.output = str("output");
  if (has("output-dir")) o.output_dir = str("output-dir");
  if (o.output && o.output_dir) usage_error("-o and --output-dir exclude each other");
  if (has("input-root")) {
    if (!o.output_dir) usage_error("--input-root applies to --output-dir, which is missing");
    o.input_root = str("input-root");
  }
  if (has("metadata-file")) o.metadata_file = str("metadata-file");
  if (has("metadata")) {
    for (const std::string& item : vm["metadata"].as<std::vector<std::string>>()) {
      const auto eq = item.find('=');
      std::string key = item.substr(0, eq);
      if (key.empty()) usage_error("-M expects KEY=VALUE or KEY, not '" + item + "'");
      MetaValue value = eq == std::string::npos ? MetaValue{true} : typed_metadata_value(item.substr(eq + 1));
      o.metadata.emplace_back(std::move(key), std::move(value));
    }
  }

  if (has("max-depth")) o.reader.max_depth = parse_count("max-depth", str("max-depth"), 1, 1'000'000);
  if (has("input-encoding")) {
    o.reader.input_encoding = str("input-encoding");
    if (!text_encoding::is_supported(o.reader.input_encoding))
      usage_error("--input-encoding: unknown encoding '" + o.reader.input_encoding + "'");
  }
  if (has("whole-page")) o.reader.main_content = false;
  if (has("drop-related")) o.reader.drop_related = true;
  if (has("no-clean")) {
    for (const std::string& rule : vm["no-clean"].as<std::vector<std::string>>()) {
      if (rule != "all" && !html::clean_rule(rule))
        usage_error("--no-clean: unknown rule '" + rule + "' (docs/formats/html.md lists the rules)");
      o.reader.no_clean.push_back(rule);
    }
  }
  if (has("keep-all")) o.reader.no_clean.push_back("all");
  if (has("raw-html"))
    o.reader.raw_html = parse_choice<RawHtml>("raw-html", str("raw-html"),
        {{"parse", RawHtml::parse}, {"keep", RawHtml::keep}});
  if (has("drop")) {
    for (const std::string& selector : vm["drop"].as<std::vector<std::string>>()) {
      if (!html::css_to_xpath(selector))
        usage_error("--drop: '" + selector + "' is not a supported selector (tag, .class, #id, [attr], "
                    "[attr=value] and descendant combinations)");
      o.reader.drop_selectors.push_back(selector);
    }
  }
  if (has("base-url")) {
    o.reader.base_url = str("base-url");
    if (o.reader.base_url != "canonical" && !html::is_absolute_http_url(o.reader.base_url))
      usage_error("--base-url: '" + o.reader.base_url + "' is not an absolute http(s) URL or 'canonical'");
  }
  if (has("max-input-size"))
    o.reader.max_input_bytes = parse_count("max-input-size", str("max-input-size"), 1,
                                           std::numeric_limits<std::size_t>::max(), 1);

  if (has("columns")) {
    const int columns = static_cast<int>(parse_count("columns", str("columns"), 1, 100'000));
    o.writer.markdown.columns = columns;
    o.writer.text.columns = columns;
  }
  if (has("wrap")) {
    const Wrap wrap = parse_choice<Wrap>("wrap", str("wrap"),
        {{"none", Wrap::none}, {"auto", Wrap::auto_wrap}, {"preserve", Wrap::preserve}});
    o.writer.markdown.wrap = wrap;
    o.writer.text.wrap = wrap;
  }
  if (has("links"))
    o.writer.text.links = parse_choice<LinkStyle>("links", str("links"),
        {{"inline", LinkStyle::inline_links}, {"references", LinkStyle::references}, {"none", LinkStyle::none}});
  if (has("no-front-matter")) o.writer.markdown.front_matter = false;
  if (has("reference-links")) o.writer.markdown.reference_links = true;
  if (has("no-header")) o.writer.text.header = false;
  if (has("compact")) o.writer.json.pretty = false;
  if (has("css")) o.writer.epub.css_files = vm["css"].as<std::vector<std::string>>();
  // --toc and --no-toc: the later one on the command line wins, as with pandoc's paired flags.
  for (const po::option& opt : ordered) {
    if (opt.string_key == "toc") o.writer.epub.toc = true;
    else if (opt.string_key == "no-toc") o.writer.epub.toc = false;
  }

  if (has("toc-depth")) o.writer.epub.toc_depth = static_cast<int>(parse_count("toc-depth", str("toc-depth"), 1, 6));
  if (has("epub-cover-image") && has("cover")) usage_error("--cover and --epub-cover-image name the same thing; give one");
  if (has("epub-cover-image")) o.writer.epub.cover = str("epub-cover-image");
  if (has("cover")) o.writer.epub.cover = str("cover");
  if (has("resource-path")) {
    // pandoc's --resource-path is a search path: DIR:DIR. Repeating the option adds more.
    for (const std::string& item : vm["resource-path"].as<std::vector<std::string>>()) {
      std::string_view rest = item;
      while (true) {
        const auto colon = rest.find(':');
        if (const auto part = rest.substr(0, colon); !part.empty()) o.writer.epub.resource_paths.emplace_back(part);
        if (colon == std::string_view::npos) break;
        rest.remove_prefix(colon + 1);
      }
    }
  }
  if (has("site-root")) o.writer.epub.site_root = o.reader.site_root = str("site-root");
  if (has("keep-order")) o.writer.epub.order_by_date = false;
  if (has("fetch-images")) o.writer.epub.fetch_images = true;
  if (has("offline") && !has("fetch-images")) usage_error("--offline applies to --fetch-images, which is missing");
  if (has("offline")) o.fetch.offline = true;
  o.fetch.cache_dir = has("cache-dir") ? std::filesystem::path(str("cache-dir")) : fetch::default_cache_dir();
  if (has("fetch-timeout"))
    o.fetch.http.timeout = std::chrono::seconds(parse_count("fetch-timeout", str("fetch-timeout"), 1, 3600));
  if (has("max-image-size"))
    o.writer.epub.max_image_bytes = o.fetch.http.max_bytes =
        parse_count("max-image-size", str("max-image-size"), 1, std::numeric_limits<std::size_t>::max(), 1);
  if (has("max-image-pixels"))
    o.writer.epub.max_image_pixels = parse_count("max-image-pixels", str("max-image-pixels"), 1,
                                                 std::numeric_limits<std::uint64_t>::max());
  if (has("max-images")) o.writer.epub.max_images = parse_count("max-images", str("max-images"), 0, 1'000'000);
  if (has("fail-on-missing-images")) o.writer.epub.fail_on_missing_images = true;

  if (has("files-from")) o.files_from = str("files-from");
  if (has("null") && !o.files_from) usage_error("-0/--null applies to --files-from, which is missing");
  if (has("null")) o.files_from_null = true;
  if (has("fail-fast")) o.fail_fast = true;
  if (has("unpublished")) o.unpublished = true;
  if (has("no-progress")) o.progress = false;
  if (has("group-by")) {
    o.group_by = parse_choice<GroupBy>("group-by", str("group-by"),
        {{"month", GroupBy::month}, {"year", GroupBy::year}, {"category", GroupBy::category},
         {"tag", GroupBy::tag}, {"author", GroupBy::author}});
    if (!o.output_dir) usage_error("--group-by needs --output-dir DIR (one book per group is written there)");
  }
  if (has("incremental")) {
    if (!o.output_dir) usage_error("--incremental needs --output-dir DIR (its manifest is kept there)");
    o.incremental = true;
  }

  if (has("jobs")) o.jobs = static_cast<unsigned>(parse_count("jobs", str("jobs"), 1, 1024));
  else o.jobs = std::max(1u, std::thread::hardware_concurrency());

  if (has("verbose") && has("quiet")) usage_error("--verbose and --quiet exclude each other");
  if (has("verbose")) o.verbosity = Verbosity::verbose;
  if (has("quiet")) o.verbosity = Verbosity::quiet;
  if (has("fail-if-warnings")) o.fail_if_warnings = true;
  if (has("diagnostics"))
    o.diagnostics = parse_choice<DiagnosticsFormat>("diagnostics", str("diagnostics"),
        {{"gnu", DiagnosticsFormat::gnu}, {"json", DiagnosticsFormat::json}});
  return o;
}

}  // namespace sheaf::cli
