#!/usr/bin/env python3
"""`--group-by month` on the news corpus (../shared/corpus/jekyll-news): one valid book per month.

Checks, against months computed here independently from each post's front-matter `date` (else
its file-name date): one book per month and no other; every post in exactly one book (chapters
add up, counting posts with the same `from:` source once, as the EPUB writer does); every book passes epubcheck with no error or warning (all in one JVM,
EpubcheckMany.java); books byte-identical with -j 1 and -j 2; a second `--incremental` run
converts nothing and rewrites nothing.

Exit 77 (skipped) when the corpus, java or epubcheck is absent.
Usage: test_group_by_corpus.py --sheaf BUILD/sheaf --root SOURCE_DIR --corpus CORPUS_DIR
"""
import filecmp
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

from script_support import SKIP, Failures, arguments

HERE = pathlib.Path(__file__).resolve().parent
EPUBCHECK_JAR = pathlib.Path("/usr/share/java/epubcheck.jar")
FAILURES = Failures()
check = FAILURES.check


def posts_of(news):
    """The inputs sheaf finds in the folder: .md files outside hidden folders (PROVENANCE.md too:
    it has no front matter and no date, so it goes into `undated`)."""
    out = []
    for dirpath, dirnames, filenames in os.walk(news):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        out += [os.path.join(dirpath, n) for n in filenames if n.endswith(".md") and not n.startswith(".")]
    return sorted(out)


def source_of(path):
    """The post's `from:` URL: the EPUB writer includes a post with the same source once per book."""
    text = pathlib.Path(path).read_text(encoding="utf-8", errors="replace")
    front = text.split("\n---", 1)[0] if text.startswith("---") else ""
    m = re.search(r"^from:\s*['\"]?([^'\"\s]+)", front, re.M)
    return m.group(1).rstrip("/") if m else path


def month_of(path):
    text = pathlib.Path(path).read_text(encoding="utf-8", errors="replace")
    date = None
    if text.startswith("---"):
        front = text.split("\n---", 1)[0]
        m = re.search(r"^date:\s*['\"]?(\d{4})[-/](\d{2})(?!\d)", front, re.M)
        if m:
            date = f"{m.group(1)}-{m.group(2)}"
        elif re.search(r"^date:\s*\S", front, re.M):
            return "undated"  # a date sheaf cannot read as YYYY-MM
    if date is None:
        m = re.match(r"(\d{4})-(\d{2})-\d{2}-", os.path.basename(path))
        date = f"{m.group(1)}-{m.group(2)}" if m else "undated"
    return date if "01" <= date[5:] <= "12" or date == "undated" else "undated"


def main():
    args = arguments().parse_args()
    news = pathlib.Path(args.corpus or "", "jekyll-news")
    if not args.corpus or not news.is_dir():
        print(f"skipped: the news corpus is absent ({news})")
        return SKIP
    java = shutil.which("java")
    if not java or not EPUBCHECK_JAR.exists():
        print("skipped: java or epubcheck not installed (scripts/setup installs them)")
        return SKIP
    sheaf = os.path.abspath(args.sheaf)
    os.environ["SOURCE_DATE_EPOCH"] = "1700000000"  # the undated book's timestamp is the build time
    posts = posts_of(news)
    expected = {}
    for p in posts:
        expected.setdefault(month_of(p), []).append(p)

    with tempfile.TemporaryDirectory(prefix="sheaf-months-") as tmp:
        tmp = pathlib.Path(tmp)
        for jobs, out in (("2", "j2"), ("1", "j1")):
            run = subprocess.run([sheaf, "--quiet", "-j", jobs, "--group-by", "month", "--output-dir", str(tmp / out),
                                  str(news)], capture_output=True, text=True, timeout=600)
            check(run.returncode == 0, f"-j {jobs}: exit {run.returncode}: {run.stderr[-500:]}")
        books = sorted(p.name for p in (tmp / "j2").glob("*.epub"))
        check(books == sorted(f"{m}.epub" for m in expected),
              f"books {sorted(set(books) ^ set(f'{m}.epub' for m in expected))} differ from the months of the posts")
        _, mismatch, errors = filecmp.cmpfiles(tmp / "j1", tmp / "j2", books, shallow=False)
        check(not mismatch and not errors, f"-j 1 and -j 2 books differ: {mismatch + errors}")
        for book in books:
            with zipfile.ZipFile(tmp / "j2" / book) as z:
                chapters = [n for n in z.namelist() if re.match(r"EPUB/text/ch\d+\.xhtml$", n)]
            want = len({source_of(p) for p in expected.get(book[:-5], [])})
            check(len(chapters) == want, f"{book}: {len(chapters)} chapters, {want} distinct posts dated that month")

        # A second --incremental run over an up-to-date folder converts and rewrites nothing.
        inc = tmp / "inc"
        base = [sheaf, "-j", "2", "--incremental", "--group-by", "month", "--output-dir", str(inc), str(news)]
        first = subprocess.run(base, capture_output=True, text=True, timeout=600)
        before = {p.name: p.stat().st_ino for p in inc.iterdir()}
        second = subprocess.run(base, capture_output=True, text=True, timeout=600)
        after = {p.name: p.stat().st_ino for p in inc.iterdir()}
        check(first.returncode == 0 and second.returncode == 0, "--incremental runs failed")
        check(before == after, "the second --incremental run rewrote files")
        check(second.stderr.strip().endswith(f"0 converted, {len(posts)} skipped (unchanged), 0 failed"),
              f"second --incremental run: {second.stderr.strip()[-200:]!r}")

        check_run = subprocess.run([java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", str(EPUBCHECK_JAR),
                                    str(HERE / "EpubcheckMany.java")] + [str(tmp / "j2" / b) for b in books],
                                   capture_output=True, text=True, timeout=900)
        clean = check_run.stdout.count("Messages: 0 fatals / 0 errors / 0 warnings")
        check(check_run.returncode == 0 and clean == len(books),
              f"epubcheck: {clean} of {len(books)} books without errors or warnings\n{check_run.stdout[-3000:]}")

    if FAILURES:
        return 1
    print(f"ok: {len(posts)} news posts → {len(books)} monthly books, all valid (epubcheck), "
          "identical with -j 1 and -j 2, incremental re-run writes nothing")
    return 0


if __name__ == "__main__":
    sys.exit(main())
