#!/usr/bin/env python3
"""CLI checks over the third-party corpus (../shared/corpus); exit 77 (skipped) without it.

1. The seed post as a file and through a pipe (`cat seed | sheaf -f jekyll -t json`) gives the
   same model, apart from what only a file name can give (`source`, and the `slug` taken from a
   `YYYY-MM-DD-slug.md` name).
2. The whole news corpus, given as one folder, converts with `--output-dir` on 2 jobs: every
   post written, mirrored folders, exit 0, summary `N converted, 0 failed`.
3. Those JSON files converted again (`--output-dir` over the output folder) are byte-identical:
   JSON → sheaf → JSON is lossless through the command too.
4. One EPUB per post, byte-identical with -j 1 and -j 2 (SOURCE_DATE_EPOCH set).
5. `-t jsonl` over the corpus gives one valid JSON document per post, the same bytes with -j 1 and
   -j 2.

Standard library only. Prints timings; exit 1 on any failure.
"""
import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile
import time

from script_support import arguments

failures = []


def check(ok, message):
    print(("ok   " if ok else "FAIL ") + message)
    if not ok:
        failures.append(message)


def run(argv, **kw):
    start = time.monotonic()
    p = subprocess.run(argv, capture_output=True, **kw)
    return p, time.monotonic() - start


def main():
    args = arguments(corpus_required=True).parse_args()
    corpus = pathlib.Path(os.environ.get("SHEAF_CORPUS", args.corpus))
    seed_dir, news = corpus / "seed", corpus / "jekyll-news"
    if not seed_dir.is_dir() or not news.is_dir():
        print(f"corpus not found at {corpus}: skipped")
        return 77
    sheaf = args.sheaf

    # 1. file form and pipe form of the seed.
    seed = sorted(seed_dir.glob("*.md"))[0]
    from_file, _ = run([sheaf, str(seed), "-t", "json"])
    with open(seed, "rb") as f:
        from_pipe, _ = run([sheaf, "-f", "jekyll", "-t", "json"], stdin=f)
    check(from_file.returncode == 0 and from_pipe.returncode == 0,
          f"seed converts from a file and a pipe (exit {from_file.returncode}, {from_pipe.returncode})")
    if from_file.returncode == 0 and from_pipe.returncode == 0:
        a, b = json.loads(from_file.stdout), json.loads(from_pipe.stdout)
        check(a["source"]["name"] == str(seed) and b["source"]["name"] == "-", "source names the file, or - for a pipe")
        for doc in (a, b):
            doc.pop("source", None)
            doc["meta"].pop("slug", None)
            if "derived_keys" in doc["meta"]:  # the list of keys the reader added names the slug too
                doc["meta"]["derived_keys"] = [k for k in doc["meta"]["derived_keys"] if k != "slug"]
        check(a == b, "seed: file and pipe give the same model (apart from source and slug)")

    posts = sorted(p for p in news.rglob("*")
                   if p.is_file() and p.suffix in (".md", ".markdown", ".html", ".htm", ".json")
                   and not any(part.startswith(".") for part in p.relative_to(news).parts))

    with tempfile.TemporaryDirectory(prefix="sheaf-corpus-cli-") as tmp:
        out1, out2 = pathlib.Path(tmp, "json"), pathlib.Path(tmp, "again")
        # 2. the news corpus as one folder.
        p, seconds = run([sheaf, "--output-dir", str(out1), "-t", "json", "-j", "2", str(news)])
        written = sorted(out1.rglob("*.json"))
        summary = p.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        print(f"     {len(posts)} inputs → {len(written)} JSON files in {seconds:.2f} s (-j 2); {summary[0]}")
        check(p.returncode == 0, f"news corpus converts with exit 0 (got {p.returncode})")
        check(len(written) == len(posts), f"one output per input ({len(written)} of {len(posts)})")
        check(re.search(rf"\b{len(posts)} converted, 0 failed", summary[0]) is not None, "summary counts every post")
        # Outputs mirror the input folders below the corpus folder.
        expected = sorted(str(pp.relative_to(news).with_suffix(".json")) for pp in posts)
        check(sorted(str(w.relative_to(out1)) for w in written) == expected, "outputs mirror the input folders")

        # 3. JSON → JSON through the command is byte-identical.
        p, seconds = run([sheaf, "--output-dir", str(out2), "-t", "json", "-j", "2", "--quiet", str(out1)])
        check(p.returncode == 0, f"JSON outputs read back with exit 0 (got {p.returncode}) in {seconds:.2f} s")
        differing = [str(w.relative_to(out1)) for w in written
                     if not (out2 / w.relative_to(out1)).is_file()
                     or (out2 / w.relative_to(out1)).read_bytes() != w.read_bytes()]
        check(not differing, f"JSON round trip byte-identical for all {len(written)} files"
              + (f"; first differing: {differing[0]}" if differing else ""))

    # 4. EPUB per post: the same bytes whatever the number of jobs (timestamps pinned).
    with tempfile.TemporaryDirectory(prefix="sheaf-corpus-epub-") as tmp:
        env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
        dirs = []
        for jobs in ("1", "2"):
            out = pathlib.Path(tmp, "j" + jobs)
            p, seconds = run([sheaf, "--output-dir", str(out), "-t", "epub", "-j", jobs, "--quiet", str(news)], env=env)
            print(f"     epub: {len(posts)} books in {seconds:.2f} s with -j {jobs} (exit {p.returncode})")
            dirs.append(out)
        books = sorted(b.relative_to(dirs[0]) for b in dirs[0].rglob("*.epub"))
        check(len(books) == len(posts), f"epub: one book per post ({len(books)} of {len(posts)})")
        same = all((dirs[1] / b).is_file() and (dirs[1] / b).read_bytes() == (dirs[0] / b).read_bytes() for b in books)
        check(same, "epub: -j 1 and -j 2 write byte-identical books")

    # 5. JSON Lines, independent of the number of jobs.
    one, s1 = run([sheaf, "-t", "jsonl", "-j", "1", "--quiet", str(news)])
    two, s2 = run([sheaf, "-t", "jsonl", "-j", "2", "--quiet", str(news)])
    print(f"     jsonl: {s1:.2f} s with -j 1, {s2:.2f} s with -j 2")
    lines = one.stdout.decode("utf-8").splitlines()
    check(one.returncode == 0 and len(lines) == len(posts), f"jsonl: one line per post ({len(lines)} of {len(posts)})")
    try:
        docs = [json.loads(line) for line in lines]
        check(all("blocks" in d for d in docs), "jsonl: every line is a sheaf document")
    except ValueError as e:
        check(False, f"jsonl: a line is not JSON ({e})")
    check(one.stdout == two.stdout, "jsonl: -j 1 and -j 2 give the same bytes")

    print(f"{len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
