#!/usr/bin/env python3
"""Runs the tool commands that README.md and docs/ show (tests/docs_commands.txt, runner `run`).

Each command runs from the project root as the page shows it, with these substitutions so that the
test writes nothing into the source tree and uses the binary under test:
  `build/sheaf`, `path/to/sheaf`       -> the --sheaf binary
  `-B build-NAME`                      -> a scratch build folder (configure step only, as shown)
  `bench/run …`                        -> runs with `--smoke` (every step, tiny inputs) and scratch
                                          `--work`/`--results` when it has none (full mode takes
                                          minutes and writes bench/RESULTS.md)
  `/tmp/elsewhere`, `out.md`           -> scratch paths
  scripts/markdown_agreement.py        -> gets `--sheaf` and `--corpus` when it has none
Each must exit 0 and print something. Needs ../shared/corpus (spec, peers, news posts): exit 77
(skipped) with a message when it is absent.

    python3 tests/scripts/test_docs_commands_corpus.py --sheaf build/sheaf --root . --corpus ../shared/corpus
"""
import argparse
import os
import re
import shlex
import subprocess
import sys
import tempfile
import time


def listed(root):
    with open(os.path.join(root, "tests", "docs_commands.txt"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or "\t" not in line:
                continue
            command, runner = line.rstrip("\n").split("\t", 1)
            if "run" in [r.strip() for r in runner.split(",")]:
                yield command


def adapt(command, sheaf, corpus, scratch):
    words = shlex.split(command)
    out = []
    for i, w in enumerate(words):
        if w in ("build/sheaf", "path/to/sheaf"):
            w = sheaf
        elif i > 0 and words[i - 1] == "-B":
            w = os.path.join(scratch, os.path.basename(w))
        elif w == "/tmp/elsewhere":
            w = os.path.join(scratch, "bench-work")
        elif w == "out.md":
            w = os.path.join(scratch, "bench-results.md")
        out.append(w)
    if out[0] == "bench/run":
        out = [w for w in out if w != "--quick"] + ["--smoke"]
        if "--work" not in out:
            out += ["--work", os.path.join(scratch, "bench-work")]
        if "--results" not in out:
            out += ["--results", os.path.join(scratch, "bench-results.md")]
        if "--sheaf" not in out:
            out += ["--sheaf", sheaf]
        if "--news" not in out:
            out += ["--news", os.path.join(corpus, "jekyll-news")]
    if "scripts/markdown_agreement.py" in out:
        if "--sheaf" not in out:
            out += ["--sheaf", sheaf]
        out += ["--corpus", corpus]
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sheaf", required=True)
    ap.add_argument("--root", default=".")
    ap.add_argument("--corpus", default=os.path.join("..", "shared", "corpus"))
    a = ap.parse_args()
    root = os.path.abspath(a.root)
    sheaf = os.path.abspath(a.sheaf)
    corpus = os.path.abspath(a.corpus)
    if not os.path.isdir(os.path.join(corpus, "commonmark")):
        print(f"skipped: {corpus} (the shared corpus) is absent")
        return 77
    failures = 0
    with tempfile.TemporaryDirectory(prefix="sheaf-docs-") as scratch:
        for command in listed(root):
            argv = adapt(command, sheaf, corpus, scratch)
            start = time.monotonic()
            r = subprocess.run(argv, cwd=root, capture_output=True, text=True, timeout=900)
            took = time.monotonic() - start
            last = (r.stdout.strip().splitlines() or ["(no output)"])[-1]
            ok = r.returncode == 0 and (r.stdout.strip() or r.stderr.strip())
            print(f"{'ok  ' if ok else 'FAIL'} {took:6.1f}s  {command}\n        -> {last[:150]}")
            if not ok:
                failures += 1
                print(f"        exit {r.returncode}; stderr: {r.stderr.strip()[-800:]}")
    print(f"{failures} of the documented tool commands failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
