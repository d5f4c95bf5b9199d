#!/usr/bin/env python3
"""epubcheck over the EPUBs sheaf writes: hand-built books from the unit tests (every node kind, a
seed-shaped post, a book of linked posts, a mixed book, right-to-left text), the project samples one
by one and as one book. Also checks that the package is sane before epubcheck sees it (mimetype
first and stored, every XML file well-formed), that rebuilding gives identical bytes, that `-o -`
writes the same bytes to a pipe, and that an image path escaping the post's folder is never read.

Any epubcheck error or warning fails the test. Exit 77 (skipped) when java or epubcheck is missing.
Usage: test_epubcheck.py --sheaf BUILD/cli/sheaf --root SOURCE_DIR --corpus CORPUS_DIR
"""
import concurrent.futures
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

from script_support import arguments

SKIP = 77
EPUBCHECK_JAR = pathlib.Path("/usr/share/java/epubcheck.jar")
XML_SUFFIXES = (".xhtml", ".opf", ".ncx", ".xml", ".svg")


def epubcheck_command():
    """The command prefix that runs epubcheck, or None when it is not installed. The JVM flags
    (client compiler only, serial GC) halve the CPU time of a short run: most of it is JIT work."""
    java = shutil.which("java")
    if java and EPUBCHECK_JAR.exists():
        return [java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", str(EPUBCHECK_JAR)]
    return None


def package_problems(path):
    """Problems epubcheck would also report, found cheaply and with clearer messages."""
    problems = []
    raw = pathlib.Path(path).read_bytes()
    if raw[:4] != b"PK\x03\x04" or raw[30:38] != b"mimetype" or raw[38:58] != b"application/epub+zip":
        problems.append("mimetype is not the first entry")
    with zipfile.ZipFile(path) as z:
        first = z.infolist()[0]
        if first.compress_type != zipfile.ZIP_STORED or first.extra:
            problems.append("mimetype is compressed or has an extra field")
        for info in z.infolist():
            if info.filename.endswith(XML_SUFFIXES):
                try:
                    ET.fromstring(z.read(info))
                except ET.ParseError as e:
                    problems.append(f"{info.filename}: not well-formed XML: {e}")
    return problems


def epubcheck(command, path):
    """(ok, report lines) for one EPUB: ok means 0 fatals, 0 errors and 0 warnings."""
    run = subprocess.run(command + [str(path)], capture_output=True, text=True, timeout=300)
    output = run.stdout + run.stderr
    counts = re.search(r"Messages: (\d+) fatals? / (\d+) errors? / (\d+) warnings?", output)
    clean = run.returncode == 0 and counts is not None and counts.groups() == ("0", "0", "0")
    lines = [l for l in output.splitlines() if re.match(r"(FATAL|ERROR|WARNING)\(", l)]
    if not clean and not lines:
        lines = output.strip().splitlines()[-5:]
    return clean, lines


def check_all(command, paths, jobs=2):
    """Runs package_problems and epubcheck on every path (epubcheck `jobs` at a time).
    Returns the number of failing books and prints one line per book."""
    failures = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        results = pool.map(lambda p: (p, package_problems(p), epubcheck(command, p)), paths)
        for path, problems, (clean, lines) in results:
            ok = clean and not problems
            failures += 0 if ok else 1
            print(f"{'ok  ' if ok else 'FAIL'} {pathlib.Path(path).name}")
            for line in problems + lines:
                print(f"     {line}")
    return failures


def run_sheaf(sheaf, args, **kwargs):
    env = dict(os.environ)
    env.update(kwargs.pop("env", {}))
    return subprocess.run([str(sheaf)] + [str(a) for a in args], capture_output=True, env=env, timeout=120, **kwargs)


def main():
    args = arguments().parse_args()
    command = epubcheck_command()
    if command is None:
        print("skipped: java or epubcheck not installed (scripts/setup installs them)")
        return SKIP
    sheaf = pathlib.Path(args.sheaf)
    root = pathlib.Path(args.root)
    failures = 0
    with tempfile.TemporaryDirectory(prefix="sheaf-epubcheck-") as tmp_name:
        tmp = pathlib.Path(tmp_name)
        books = []

        # 1. Hand-built documents, written by the unit-test binary (it knows the model directly).
        # build/sheaf or build/cli/sheaf: the unit tests are in build/tests either way.
        test_epub = next((d / "tests" / "test_epub" for d in (sheaf.parent, sheaf.parent.parent)
                          if (d / "tests" / "test_epub").exists()), sheaf.parent / "tests" / "test_epub")
        if test_epub.exists():
            dump = tmp / "unit"
            run = subprocess.run([str(test_epub), "--gtest_filter=EpubDump.*"], capture_output=True, text=True,
                                 env=dict(os.environ, SHEAF_EPUB_DUMP=str(dump)), timeout=120)
            if run.returncode != 0:
                print(run.stdout + run.stderr)
                return 1
            books += sorted(dump.glob("*.epub"))
        else:
            print(f"note: {test_epub} not built; hand-built books not checked")

        # 2. The samples, one EPUB each, and all Jekyll samples as one book.
        samples = sorted((root / "samples").rglob("*.md")) + sorted((root / "samples").rglob("*.html"))
        samples = [s for s in samples if "_posts" in s.parts or s.suffix == ".html"]
        for i, sample in enumerate(samples):
            out = tmp / f"sample-{i + 1}-{sample.stem[:40]}.epub"
            run = run_sheaf(sheaf, [sample, "-t", "epub", "-o", out])
            if run.returncode != 0:
                print(f"FAIL sheaf {sample}: exit {run.returncode}\n{run.stderr.decode(errors='replace')}")
                failures += 1
                continue
            books.append(out)
        posts = [s for s in samples if s.suffix == ".md"]
        if len(posts) >= 2:
            book = tmp / "samples-book.epub"
            run = run_sheaf(sheaf, ["-t", "epub", "-o", book] + posts)
            if run.returncode != 0:
                print(f"FAIL sheaf book: exit {run.returncode}\n{run.stderr.decode(errors='replace')}")
                failures += 1
            else:
                books.append(book)

        # 3. Same input, same bytes: twice to files (with and without SOURCE_DATE_EPOCH, which a
        #    dated post ignores), and once through a pipe.
        if samples:
            first = samples[0]
            a, b = tmp / "again-a.epub", tmp / "again-b.epub"
            run_sheaf(sheaf, [first, "-t", "epub", "-o", a])
            run_sheaf(sheaf, [first, "-t", "epub", "-o", b], env={"SOURCE_DATE_EPOCH": "1700000000"})
            piped = run_sheaf(sheaf, [first, "-t", "epub", "-o", "-"])
            if not a.exists() or a.read_bytes() != b.read_bytes():
                print(f"FAIL rebuild of {first.name} is not byte-identical")
                failures += 1
            elif piped.returncode != 0 or piped.stdout != a.read_bytes():
                print(f"FAIL `-o -` output differs from the file output (exit {piped.returncode})")
                failures += 1
            else:
                print(f"ok   byte-identical rebuilds and `-o -` ({a.stat().st_size} bytes)")

        # 4. Containment: a post whose images point outside its folder. The EPUB must not contain
        #    the secret, sheaf must warn, and the book must still be valid.
        site = tmp / "site"
        (site / "posts").mkdir(parents=True)
        secret = tmp / "secret.png"
        secret.write_bytes(b"\x89PNG\r\n\x1a\nSECRET-BYTES-OUTSIDE-THE-ROOT")
        post = site / "posts" / "2024-01-01-escape.md"
        post.write_text("---\ntitle: Escape attempt\ndate: 2024-01-01\n---\n\n"
                        "![up](../../secret.png) ![abs](" + str(secret) + ") "
                        "![url](file://" + str(secret) + ")\n\nText stays.\n", encoding="utf-8")
        escaped = tmp / "escape.epub"
        run = run_sheaf(sheaf, [post, "-t", "epub", "-o", escaped])
        stderr = run.stderr.decode(errors="replace")
        if run.returncode != 0 or b"SECRET-BYTES" in escaped.read_bytes() or stderr.count("epub.image_refused") != 3:
            print(f"FAIL containment: exit {run.returncode}, stderr:\n{stderr}")
            failures += 1
        else:
            print("ok   containment: 3 escaping image paths refused with warnings, none read")
            books.append(escaped)

        # 5. A book of three posts linking to each other (by source URL, by site path, by file
        #    name): internal links and a three-entry table of contents.
        blog = tmp / "blog" / "_posts"
        blog.mkdir(parents=True)
        (blog.parent / "_config.yml").write_text("title: blog\n", encoding="utf-8")
        linked = {
            "2024-06-21-first.md": ("First", "https://blog.example.net/first.html",
                                    "Read [the third](https://blog.example.net/third.html#more) and "
                                    "[the second](2024-06-22-second.md)."),
            "2024-06-22-second.md": ("Second", "https://blog.example.net/second.html",
                                     "Back to [the first](http://blog.example.net/first.html), on to "
                                     "[the third](/2024/06/23/third.html)."),
            "2024-06-23-third.md": ("Third", "https://blog.example.net/third.html",
                                    "After [the second](https://blog.example.net/second.html).\n\n"
                                    "<h2 id=\"more\">More</h2>\n\nThe end."),
        }
        for name, (title, url, body) in linked.items():
            (blog / name).write_text(f"---\ntitle: {title}\nfrom: {url}\n---\n\n{body}\n", encoding="utf-8")
        book = tmp / "linked.epub"
        run = run_sheaf(sheaf, ["-t", "epub", "-o", book] + sorted(blog.glob("*.md")))
        if run.returncode != 0:
            print(f"FAIL linked book: exit {run.returncode}\n{run.stderr.decode(errors='replace')}")
            failures += 1
        else:
            with zipfile.ZipFile(book) as z:
                nav = z.read("EPUB/nav.xhtml").decode()
                chapters = [z.read(f"EPUB/text/ch00{i}.xhtml").decode() for i in (1, 2, 3)]
            expected = [('href="ch003.xhtml#', 'href="ch002.xhtml"'), ('href="ch001.xhtml"', 'href="ch003.xhtml"'),
                        ('href="ch002.xhtml"',)]
            missing = [(i + 1, e) for i, exp in enumerate(expected) for e in exp if e not in chapters[i]]
            entries = nav.split('epub:type="toc"')[1].split("</nav>")[0].count("<li>")
            if missing or entries != 3:
                print(f"FAIL linked book: missing internal links {missing}, {entries} contents entries")
                failures += 1
            else:
                print("ok   book of 3 linked posts: internal links rewritten, 3 contents entries")
                books.append(book)

        print(f"epubcheck on {len(books)} books:")
        failures += check_all(command, books)
    print(f"{failures} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
