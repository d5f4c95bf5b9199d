#!/usr/bin/env python3
"""CPack's .deb (cmake/sheaf_package.cmake) unpacked into a scratch root with `dpkg -x` works:
its sheaf runs --version and converts the sample post to text and EPUB, and its Depends name the
Debian packages of the libraries the binary links (from dpkg-shlibdeps).

Needs the whole tree built. Exits 77 (skipped) without cpack or dpkg-deb. Standard library only;
run by CTest as script.test_deb.
"""
import pathlib
import shutil
import sys
import tempfile
import zipfile

from script_support import SKIP, arguments, cache_value, check, run

POST = "samples/jekyll-site/_posts/2024-01-15-hello-world.md"


def main():
    args = arguments().parse_args()
    root = pathlib.Path(args.root).resolve()
    build = pathlib.Path(args.sheaf).resolve().parent
    cmake = cache_value(build, "CMAKE_COMMAND") or "cmake"
    cpack = pathlib.Path(cmake).with_name("cpack")
    if not cpack.exists() or not shutil.which("dpkg-deb"):
        print("skipped: cpack or dpkg-deb not found")
        return SKIP

    with tempfile.TemporaryDirectory(prefix="sheaf-deb-") as tmp:
        tmp = pathlib.Path(tmp)
        run([str(cpack), "-G", "DEB", "--config", str(build / "CPackConfig.cmake"), "-B", str(tmp / "out")])
        debs = list((tmp / "out").glob("*.deb"))
        check(len(debs) == 1, "cpack made one .deb: %s" % [d.name for d in debs])
        deb = debs[0]

        fields = run(["dpkg-deb", "-f", str(deb), "Package", "Version", "Depends"])
        depends = fields.split("Depends:", 1)[1]
        for package in ["libxml2", "libzip", "libcmark-gfm", "libyaml-cpp", "libicu", "libstdc++6"]:
            check(package in depends, "Depends names " + package)
        contents = run(["dpkg-deb", "-c", str(deb)])
        for path in ["./usr/bin/sheaf", "./usr/share/man/man1/sheaf.1", "./usr/include/sheaf/sheaf.hpp",
                     "/pkgconfig/sheaf.pc", "/cmake/sheaf/sheaf-config.cmake",
                     "./usr/share/bash-completion/completions/sheaf", "./usr/share/sheaf/sheaf-document.schema.json"]:
            check(path in contents, "the package holds " + path)

        scratch = tmp / "root"
        run(["dpkg-deb", "-x", str(deb), str(scratch)])
        sheaf = scratch / "usr/bin/sheaf"
        version = run([str(sheaf), "--version"])
        check(version.startswith("sheaf "), "unpacked sheaf --version: " + version.splitlines()[0])
        text = run([str(sheaf), "-t", "text", str(root / POST)])
        check("Hello, World" in text, "unpacked sheaf converts the sample post to text")
        run([str(sheaf), str(root / POST), "-o", str(tmp / "post.epub")])
        with zipfile.ZipFile(tmp / "post.epub") as book:
            check(book.read("mimetype") == b"application/epub+zip", "unpacked sheaf writes an EPUB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
