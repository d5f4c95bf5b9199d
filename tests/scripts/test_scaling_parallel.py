#!/usr/bin/env python3
"""The GNU parallel recipes of docs/scaling.md, run locally: `--sshlogin 2/:` (two job slots on
the local "host" `:`) and two `-S` entries stand for two machines; no SSH is involved.

Checks that
- chunked runs (`parallel --xargs -n 3 … --input-root site --output-dir dist`) write exactly the
  files of one plain `sheaf --output-dir` run over the whole site, byte for byte, also for a
  nested mirror (`_posts/`, `archived/DATE/`);
- a broken post is reported by its chunk (`--diagnostics json`: file and exit code), the other
  posts are all written, and parallel's exit code counts the one failed job;
- re-running the same command rewrites identical bytes (idempotent), and with `--incremental`
  (one job slot, so one manifest writer at a time) a second run converts nothing;
- the JSON Lines route (`parallel --pipe` mapping paths to `-t jsonl` documents, then
  `-f jsonl --group-by month`) gives the same books as `--group-by month` on the posts.

Exit 77 (skipped) when GNU parallel is missing.
Usage: test_scaling_parallel.py --sheaf BUILD/sheaf --root SOURCE_DIR [--corpus DIR]
"""
import filecmp
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

from script_support import SKIP, Failures, arguments

FAILURES = Failures()
check = FAILURES.check


def make_site(site):
    """A small nested mirror: dated posts in _posts/, archived/DATE/ pages, one broken post."""
    posts = site / "_posts"
    posts.mkdir(parents=True)
    for i in range(1, 13):
        month = 1 + i % 3
        (posts / f"2024-{month:02d}-{i:02d}-post-{i}.md").write_text(
            f"---\ntitle: Post {i}\ntags: [t{i % 2}]\n---\nBody of post {i} with *emphasis*.\n\n## Part\n\nMore.\n",
            encoding="utf-8")
    for day in (1, 2, 3):
        folder = site / "archived" / f"2021-01-0{day}"
        folder.mkdir(parents=True)
        (folder / "index.md").write_text(
            f"---\ntitle: Archived {day}\ndate: 2021-01-0{day}\n---\nArchived page {day}.\n", encoding="utf-8")
        (folder / "page.html").write_text(
            f"<html><head><title>Page {day}</title></head><body><article><h1>Page {day}</h1>"
            f"<p>Text of page {day}.</p></article></body></html>", encoding="utf-8")
    (posts / "2024-02-30-broken.md").write_text("---\ntags: [x\n---\nBroken front matter.\n", encoding="utf-8")


def inputs_of(site):
    return sorted(str(p) for p in site.rglob("*") if p.is_file() and p.suffix in (".md", ".html"))


def tree(folder):
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))


def same_tree(a, b, label):
    names_a, names_b = tree(a), tree(b)
    check(names_a == names_b, f"{label}: different files: {sorted(set(names_a) ^ set(names_b))}")
    match, mismatch, errors = filecmp.cmpfiles(a, b, names_a, shallow=False)
    check(not mismatch and not errors, f"{label}: files differ: {mismatch + errors}")
    return len(match)


def parallel_run(sheaf, work, files, sshlogins, extra, chunk=3, quiet=True):
    """find | parallel --xargs: returns (exit code, stderr lines)."""
    argv = ["parallel", "-0", "--will-cite", "--xargs", "-n", str(chunk)]
    for login in sshlogins:
        argv += ["--sshlogin", login]
    argv += [sheaf, "-j", "1"] + (["--quiet"] if quiet else []) + ["-t", "epub", "--input-root", "site", "--diagnostics", "json"] + extra
    run = subprocess.run(argv, cwd=work, input="\0".join(files) + "\0", capture_output=True, text=True,
                         timeout=600)
    return run.returncode, [line for line in run.stderr.splitlines() if line.strip()]


def main():
    args = arguments().parse_args()
    if not shutil.which("parallel"):
        print("skipped: GNU parallel is not installed (Debian package `parallel`)")
        return SKIP
    sheaf = os.path.abspath(args.sheaf)
    env_epoch = {"SOURCE_DATE_EPOCH": "1700000000"}  # pins the date of undated pages
    os.environ.update(env_epoch)

    with tempfile.TemporaryDirectory(prefix="sheaf-scaling-") as tmp:
        work = pathlib.Path(tmp)
        site = work / "site"
        make_site(site)
        files = [os.path.relpath(f, work) for f in inputs_of(site)]

        # The reference: one plain run over the whole site.
        plain = subprocess.run([sheaf, "-j", "2", "--quiet", "-t", "epub", "--output-dir", "plain", "site"],
                               cwd=work, capture_output=True, text=True, timeout=600)
        check(plain.returncode == 64, f"plain run: exit {plain.returncode}, expected 64 (one broken post)")
        written = len(tree(work / "plain"))
        check(written == len(files) - 1, f"plain run wrote {written} files, expected {len(files) - 1}")

        # Two "hosts": two job slots on the local machine, chunks of 3 inputs.
        for label, logins, out in (("--sshlogin 2/:", ["2/:"], "dist"), ("-S 1/: -S 1/:", ["1/:", "1/:"], "dist2")):
            code, errors = parallel_run(sheaf, work, files, logins, ["--output-dir", out])
            check(code == 1, f"{label}: parallel exit {code}, expected 1 (one failed job)")
            reports = [json.loads(line) for line in errors]
            failed = [r for r in reports if r.get("severity") == "error"]
            check(len(failed) == 1 and failed[0].get("file", "").endswith("2024-02-30-broken.md")
                  and failed[0].get("code") == 64, f"{label}: error reports {failed}")
            n = same_tree(work / "plain", work / out, label)
            check(n == len(files) - 1, f"{label}: {n} identical files, expected {len(files) - 1}")

        # Idempotent: the same command again gives the same bytes.
        code, _ = parallel_run(sheaf, work, files, ["2/:"], ["--output-dir", "dist"])
        same_tree(work / "plain", work / "dist", "re-run")

        # --incremental with one job slot (one manifest writer at a time): the second run skips all.
        for attempt in (1, 2):
            code, errors = parallel_run(sheaf, work, files, ["1/:"], ["--output-dir", "inc", "--incremental"],
                                         quiet=False)
            summaries = [json.loads(line) for line in errors if '"cli.summary"' in line]
            converted = sum(s["converted"] for s in summaries)
            unchanged = sum(s.get("unchanged", 0) for s in summaries)
            if attempt == 1:
                check(converted == len(files) - 1 and unchanged == 0,
                      f"incremental run 1: {converted} converted, {unchanged} unchanged")
            else:
                check(converted == 0 and unchanged == len(files) - 1,
                      f"incremental run 2: {converted} converted, {unchanged} unchanged")
        same_tree(work / "plain", work / "inc", "incremental")

        # The JSON Lines route: paths → documents in parallel chunks, then books on one machine.
        good = [f for f in files if "broken" not in f]
        mapped = subprocess.run(["parallel", "--will-cite", "--pipe", "-N", "4", "--keep-order", "--sshlogin", "2/:",
                                 sheaf, "--files-from", "-", "-t", "jsonl", "--quiet", "-j", "1"],
                                cwd=work, input="\n".join(good) + "\n", capture_output=True, text=True, timeout=600)
        check(mapped.returncode == 0, f"jsonl mapper: exit {mapped.returncode}: {mapped.stderr[-500:]}")
        (work / "docs.jsonl").write_text(mapped.stdout, encoding="utf-8")
        check(len(mapped.stdout.splitlines()) == len(good), "jsonl mapper: one line per input")
        for argv, out in (([sheaf, "--quiet", "--group-by", "month", "--output-dir", "direct"] + good, "direct"),
                          ([sheaf, "--quiet", "-f", "jsonl", "docs.jsonl", "--group-by", "month", "--output-dir", "via"], "via")):
            run = subprocess.run(argv, cwd=work, capture_output=True, text=True, timeout=600)
            check(run.returncode == 0, f"{out}: exit {run.returncode}: {run.stderr[-500:]}")
        n = same_tree(work / "direct", work / "via", "JSON Lines route")
        check(n == 5, f"JSON Lines route: {n} books, expected 5 (2021-01, 2024-01…03, undated)")

    if FAILURES:
        print(f"{len(FAILURES)} check(s) failed", file=sys.stderr)
        return 1
    print("ok: chunked GNU parallel runs equal one plain run; failures reported per file; re-runs idempotent")
    return 0


if __name__ == "__main__":
    sys.exit(main())
