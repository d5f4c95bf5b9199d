"""What the checks in tests/scripts share: their command line, checks and runs of tools.

CTest runs every tests/scripts/test_*.py as `test_x.py --sheaf BUILD/sheaf --root SOURCE_DIR
--corpus DIR` (tests/CMakeLists.txt); exit 0 passes, 77 (SKIP) skips, anything else fails. This
module is not a test itself (its name does not start with test_). Standard library only.
"""
import argparse
import subprocess
import sys

SKIP = 77


def arguments(corpus_required=False):
    """The parser of the three options CTest passes every script; a script may add its own."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--sheaf", required=True, help="the built sheaf; its folder is the build folder")
    ap.add_argument("--root", required=True, help="the source tree")
    ap.add_argument("--corpus", required=corpus_required, default="", help="../shared/corpus, when present")
    return ap


def check(condition, message):
    """A check that ends the script at the first failure; a passed one is printed as `ok   message`."""
    if not condition:
        sys.exit("FAILED: " + message)
    print("ok  ", message)


def run(cmd, **kw):
    """Runs cmd and returns its standard output; a non-zero exit ends the script with its output."""
    r = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if r.returncode != 0:
        sys.exit("FAILED (%d): %s\n%s%s" % (r.returncode, " ".join(map(str, cmd)), r.stdout, r.stderr))
    return r.stdout


def cache_value(build, name):
    """The value of `name` in the build folder's CMakeCache.txt (a pathlib.Path), or None."""
    for line in (build / "CMakeCache.txt").read_text().splitlines():
        if line.startswith(name + ":"):
            return line.split("=", 1)[1]
    return None


class Failures(list):
    """Checks that all run: each failed message is printed (`FAIL: …` on stderr) and kept."""

    def check(self, condition, message):
        if not condition:
            self.append(message)
            print(f"FAIL: {message}", file=sys.stderr)
