#!/usr/bin/env python3
"""`cmake --install` of the build tree into a temporary prefix gives a working sheaf for all three
kinds of users (issue 12):

- the installed command runs, `man` renders sheaf(1), the bash and zsh completions parse and the
  bash one offers the output formats after -t and the input formats after -f;
- examples/convert_post, an outside program using find_package(sheaf) → sheaf::sheaf, builds
  against the prefix and converts the sample post (EPUB and JSON checked);
- a program compiled with `pkg-config --cflags --libs sheaf` converts a string;
- the JSON schema is installed under share/sheaf/.

Needs the whole tree built (`cmake --build build`): the install rules take the built files.
Standard library only; run by CTest as script.test_install.
"""
import json
import os
import pathlib
import re
import shutil
import sys
import tempfile
import zipfile

from script_support import arguments, cache_value, check, run

POST = "samples/jekyll-site/_posts/2024-01-15-hello-world.md"

PKG_CONFIG_PROGRAM = r'''
#include <iostream>
#include <sstream>
#include <sheaf/sheaf.hpp>

// A custom writer registered next to the built-in ones (docs/api.md).
void write_titles(const sheaf::Document& doc, const sheaf::WriterOptions&, sheaf::Context&,
                  std::ostream& out) {
  out << "title: " << sheaf::meta_string(doc.meta, "title").value_or("(untitled)") << '\n';
}

int main() {
  sheaf::ReadOptions in;
  in.format = "markdown";
  sheaf::Document doc = sheaf::read_string(
      "# Title\n\nSome *emphasis* and a [link](https://example.org).\n\n> - quoted item\n", in);
  int emphasis = 0, blocks = 0;
  sheaf::for_each_inline(std::as_const(doc), [&](const sheaf::Inline& i) {
    if (std::holds_alternative<sheaf::Emph>(i.node)) ++emphasis;
  });
  sheaf::for_each_block(doc, [&](sheaf::Block&) { ++blocks; });
  sheaf::WriteOptions out;
  out.format = "text";
  out.writer.text.header = false;
  std::cout << sheaf::write_string(doc, out) << "emphasis: " << emphasis << ", blocks: " << blocks << "\n";

  const sheaf::Registry formats = sheaf::make_registry(
      {}, {{"titles", {}, {".titles"}, sheaf::OutputKind::text, "the title only", write_titles}});
  sheaf::meta_set(doc.meta, "title", sheaf::MetaValue{std::string("Custom")});
  sheaf::WriteOptions custom;
  custom.registry = &formats;
  custom.format = "titles";
  std::ostringstream titles;
  sheaf::write(doc, titles, custom);
  std::cout << titles.str();
  try {
    in.format = "nope";
    (void)sheaf::read_string("x", in);
  } catch (const sheaf::Error& e) {
    std::cout << "error code " << static_cast<int>(e.code()) << "\n";
  }
}
'''


def main():
    args = arguments().parse_args()
    root = pathlib.Path(args.root).resolve()
    build = pathlib.Path(args.sheaf).resolve().parent
    cmake = cache_value(build, "CMAKE_COMMAND") or "cmake"
    cxx = cache_value(build, "CMAKE_CXX_COMPILER") or "c++"
    generator = cache_value(build, "CMAKE_GENERATOR")
    # A sanitized build (-DSHEAF_SANITIZE=ON, which sets this variable for the test) installs a
    # sanitized libsheaf: a program linking it needs the same -fsanitize flags, as a user's would.
    sanitize = os.environ.get("SHEAF_SANITIZE", "").split()

    with tempfile.TemporaryDirectory(prefix="sheaf-install-") as tmp:
        tmp = pathlib.Path(tmp)
        prefix = tmp / "prefix"
        run([cmake, "--install", str(build), "--prefix", str(prefix)])

        # The files each kind of user needs.
        pcs = list(prefix.rglob("pkgconfig/sheaf.pc"))
        check(len(pcs) == 1, "sheaf.pc installed")
        libdir = pcs[0].parent.parent
        for rel in ["bin/sheaf", "include/sheaf/sheaf.hpp", "include/sheaf/core/document.hpp",
                    "share/man/man1/sheaf.1", "share/bash-completion/completions/sheaf",
                    "share/zsh/vendor-completions/_sheaf", "share/sheaf/sheaf-document.schema.json"]:
            check((prefix / rel).is_file(), rel + " installed")
        for rel in ["libsheaf.a", "libsheaf.so", "cmake/sheaf/sheaf-config.cmake"]:
            check((libdir / rel).exists(), "%s installed in %s" % (rel, libdir.relative_to(prefix)))
        headers = (prefix / "include/sheaf").rglob("*.hpp")
        stray = [str(h) for h in headers if re.search(r'#include "(core|converters)/', h.read_text())]
        check(not stray, "installed headers include each other as sheaf/...: %s" % stray)
        schema = json.loads((prefix / "share/sheaf/sheaf-document.schema.json").read_text())
        check(isinstance(schema, dict) and "$schema" in schema, "the schema is JSON Schema")

        # The command.
        sheaf = prefix / "bin/sheaf"
        version = run([str(sheaf), "--version"])
        check(version.startswith("sheaf "), "installed sheaf --version: " + version.splitlines()[0])
        text = run([str(sheaf), "-t", "text", str(root / POST)])
        check("Hello, World" in text, "installed sheaf converts the sample post")

        # man sheaf, rendered from the installed page.
        if shutil.which("man"):
            env = dict(os.environ, MANPATH=str(prefix / "share/man"), MANPAGER="cat", PAGER="cat",
                       MANWIDTH="80", LC_ALL="C.UTF-8")
            page = run(["man", "sheaf"], env=env)
            check("SYNOPSIS" in page or "NAME" in page, "`man sheaf` renders the installed page")
        else:
            print("skip  man sheaf (man not installed; the page is checked as installed above)")

        # Completions: they parse, and bash's offers formats after -t / -f.
        bash_completion = prefix / "share/bash-completion/completions/sheaf"
        run(["bash", "-n", str(bash_completion)])
        check(True, "bash -n completions/sheaf.bash")
        if shutil.which("zsh"):
            zsh_completion = prefix / "share/zsh/vendor-completions/_sheaf"
            run(["zsh", "-n", str(zsh_completion)])
            check(True, "zsh -n completions/_sheaf")
            # zsh's completion system needs a terminal; stub its builtins to see what _sheaf offers:
            # the spec _arguments gets for -t, and the names the format function adds there.
            zprobe = ('_arguments() { print -l -- "$@" | grep -e "--to=" }; _wanted() { shift 3; "$@" }; '
                      'compadd() { [[ $1 == -a ]] && print -l -- ${(P)2} }; source "$1"; '
                      'words=("$2" -t ""); print -n "offers: "; _sheaf_formats output | tr "\\n" " "')
            said = run(["zsh", "-f", "-c", zprobe, "probe", str(zsh_completion), str(sheaf)]).splitlines()
            check("_sheaf_formats output" in said[0], "zsh completion: -t/--to completes output formats: " + said[0])
            offered = set(said[1].removeprefix("offers: ").split())
            check(offered >= {"epub", "markdown", "json", "text"}, "zsh completion after -t: " + said[1])
        else:
            print("skip  zsh -n (zsh not installed)")
        probe = ('source "$1"; COMP_WORDS=(sheaf -t ""); COMP_CWORD=2; _sheaf; echo "${COMPREPLY[*]}"; '
                 'COMP_WORDS=(sheaf --from j); COMP_CWORD=2; _sheaf; echo "${COMPREPLY[*]}"; '
                 'COMP_WORDS=(sheaf --dump); COMP_CWORD=1; _sheaf; echo "${COMPREPLY[*]}"')
        env = dict(os.environ, PATH=str(prefix / "bin") + os.pathsep + os.environ.get("PATH", ""))
        lines = run(["bash", "-c", probe, "probe", str(bash_completion)], env=env).splitlines()
        check(set(lines[0].split()) >= {"epub", "markdown", "json", "text"},
              "bash completion after -t: " + lines[0])
        check(set(lines[1].split()) == {"jekyll", "json", "jsonl"}, "bash completion after --from j: " + lines[1])
        check(lines[2].split() == ["--dump-config"], "bash completion of --dump: " + lines[2])

        # An outside program: find_package(sheaf) → sheaf::sheaf.
        example = tmp / "example"
        configure = [cmake, "-S", str(root / "examples/convert_post"), "-B", str(example),
                     "-DCMAKE_PREFIX_PATH=" + str(prefix), "-DCMAKE_CXX_COMPILER=" + cxx,
                     "-DCMAKE_BUILD_TYPE=Release"]
        if sanitize:
            configure += ["-DCMAKE_CXX_FLAGS=" + " ".join(sanitize),
                          "-DCMAKE_EXE_LINKER_FLAGS=" + " ".join(sanitize)]
            print("note  outside programs built with the sanitizer flags of this build:", " ".join(sanitize))
        if generator:
            configure += ["-G", generator]
        run(configure)
        run([cmake, "--build", str(example)])
        program = example / "convert_post"
        said = run([str(program), str(root / POST), str(tmp / "post.epub")])
        check("1 external links" in said, "convert_post (find_package) wrote an EPUB: " + said.strip())
        with zipfile.ZipFile(tmp / "post.epub") as book:
            check(book.namelist()[0] == "mimetype" and book.read("mimetype") == b"application/epub+zip",
                  "the EPUB starts with its mimetype")
            chapters = [n for n in book.namelist() if n.endswith(".xhtml")]
            body = "".join(book.read(n).decode() for n in chapters)
            check("Hello, World" in body and "\u2197" in body, "the EPUB holds the post and the transform")
        run([str(program), str(root / POST), str(tmp / "post.json")])
        doc = json.loads((tmp / "post.json").read_text())
        meta = json.dumps(doc, ensure_ascii=False)
        check("Hello, World" in meta and "convert_post" in meta, "the JSON holds the title and the added metadata")

        # A program built with pkg-config alone.
        source = tmp / "pc.cpp"
        source.write_text(PKG_CONFIG_PROGRAM)
        env = dict(os.environ, PKG_CONFIG_PATH=str(libdir / "pkgconfig"))
        flags = run(["pkg-config", "--cflags", "--libs", "sheaf"], env=env).split()
        run([cxx, "-std=c++20", *sanitize, str(source), "-o", str(tmp / "pc")] + flags)
        out = run([str(tmp / "pc")], env=dict(os.environ, LD_LIBRARY_PATH=str(libdir)))
        check("Title" in out and "emphasis: 1, blocks: 5" in out, "pkg-config program converts and walks a string")
        check("title: Custom" in out, "pkg-config program writes with a registered custom writer")
        check("error code 21" in out, "an unknown reader is sheaf::Error{unknown_reader}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
