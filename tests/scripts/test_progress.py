#!/usr/bin/env python3
"""The batch progress line (docs/cli.md, --no-progress): drawn on standard error only when it is a
terminal, with count, percentage, rate and ETA, at most about ten times a second, erased before
the summary; nothing of it with --quiet, --no-progress, --diagnostics=json or when standard error
is a pipe. Standard error is a pseudo-terminal here (the pty module), so this runs anywhere.

Usage: test_progress.py --sheaf BUILD/sheaf --root SOURCE_DIR [--corpus DIR]
"""
import os
import pty
import re
import subprocess
import sys
import tempfile
import time

from script_support import Failures, arguments

FAILURES = Failures()
check = FAILURES.check
DRAW = "\r\033[K"
LINE = re.compile(r"sheaf: (\d+)/(\d+) \((\d+)%\)(?:, ([\d.]+)/s, ETA (\d+):(\d\d))?")


def run_on_tty(argv, cwd):
    """Runs argv with standard error on a pseudo-terminal; returns (exit code, what it drew, seconds)."""
    master, slave = pty.openpty()
    start = time.monotonic()
    proc = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=slave)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the slave side is closed
            break
        if not data:
            break
        chunks.append(data)
    code = proc.wait()
    seconds = time.monotonic() - start
    os.close(master)
    return code, b"".join(chunks).decode("utf-8", "replace").replace("\r\n", "\n"), seconds


def main():
    args = arguments().parse_args()
    sheaf = os.path.abspath(args.sheaf)
    with tempfile.TemporaryDirectory(prefix="sheaf-progress-") as tmp:
        n = 300
        for i in range(n):
            with open(os.path.join(tmp, f"2024-01-01-p{i:04d}.md"), "w") as f:
                f.write(f"---\ntitle: Post {i}\n---\n" + f"Paragraph {i} with *emphasis* and `code`.\n\n" * 20)
        base = [sheaf, "-j", "1", "-t", "epub", "--output-dir", "out", "."]

        code, drawn, seconds = run_on_tty(base, tmp)
        check(code == 0, f"tty run: exit {code}")
        draws = drawn.count(DRAW)
        lines = [m for m in LINE.finditer(drawn)]
        check(lines, "tty run: no progress line drawn")
        if lines:
            last = lines[-1]
            check(last.group(1) == str(n) and last.group(2) == str(n) and last.group(3) == "100",
                  f"tty run: last progress line is {last.group(0)!r}, expected {n}/{n} (100%)")
            check(any(m.group(4) for m in lines), "tty run: no rate and ETA in the progress line")
            counts = [int(m.group(1)) for m in lines]
            check(counts == sorted(counts), "tty run: the count went backwards")
        # One draw per redraw, one more to erase it before the summary; at most ten a second.
        check(draws <= 10 * seconds + 3, f"tty run: {draws} draws in {seconds:.2f} s (more than ~10 a second)")
        check(drawn.rstrip("\n").endswith(f"sheaf: {n} converted, 0 failed"), "tty run: the summary does not end the output "
              f"on a clean line: {drawn[-120:]!r}")
        summary_line = drawn.rstrip("\n").rsplit("\n", 1)[-1]
        check(summary_line.startswith(DRAW + "sheaf: ") or summary_line.startswith("sheaf: "),
              f"tty run: progress not erased before the summary: {summary_line[-120:]!r}")

        for extra, why in ((["--quiet"], "--quiet"), (["--no-progress"], "--no-progress"),
                           (["--diagnostics", "json"], "--diagnostics json")):
            code, drawn, _ = run_on_tty(base + extra, tmp)
            check(code == 0 and "\r" not in drawn and not LINE.search(drawn), f"{why}: progress drawn: {drawn[:200]!r}")

        piped = subprocess.run(base, cwd=tmp, capture_output=True, text=True)
        check(piped.returncode == 0 and "\r" not in piped.stderr and piped.stderr == f"sheaf: {n} converted, 0 failed\n",
              f"stderr a pipe: {piped.stderr[:200]!r}")

    if FAILURES:
        return 1
    print("ok: progress on a terminal only, with count, rate and ETA, at most ~10 draws a second")
    return 0


if __name__ == "__main__":
    sys.exit(main())
