#!/usr/bin/env python3
"""Runs CLI transcripts: Markdown files whose fenced code blocks are command tests, in the format of
pandoc's test/command (see tests/cli/README.md).

    python3 tests/cli/run_cli_tests.py --sheaf build/sheaf --root . tests/cli/errors.md
    SHEAF_ACCEPT=1 ...   (or --accept) rewrites each block with what the command printed

Standard library only. Exit status: 0 when every case passes, 1 otherwise, 2 for a malformed file.
"""
import argparse
import difflib
import os
import pty
import re
import subprocess
import sys
import tempfile

FENCE = re.compile(r"^(`{3,}|~{3,})[^`]*$")
TIMEOUT = 120


class Case:
    def __init__(self, path, line, fence, tty, command, stdin, expected, start, end):
        self.path, self.line, self.fence = path, line, fence
        self.tty, self.command, self.stdin, self.expected = tty, command, stdin, expected
        self.start, self.end = start, end  # line indexes of the block's content (end exclusive)


def parse(path):
    """Yields the command cases of one transcript file."""
    lines = open(path, encoding="utf-8").read().split("\n")
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        fence = m.group(1)
        j = i + 1
        while j < len(lines) and lines[j].rstrip() != fence:
            j += 1
        if j >= len(lines):
            raise SystemExit(f"{path}:{i + 1}: unclosed code block")
        body = lines[i + 1:j]
        if body and (body[0].startswith("% ") or body[0].startswith("%tty ")):
            tty = body[0].startswith("%tty ")
            command = body[0].split(" ", 1)[1]
            rest = body[1:]
            if "^D" in rest:
                k = rest.index("^D")
                stdin, expected = rest[:k], rest[k + 1:]
            else:
                stdin, expected = None, rest
            yield Case(path, i + 2, fence, tty, command, stdin, expected, i + 1, j)
        i = j + 1


def substitute(text, root, tmp):
    return text.replace("{root}", root).replace("{tmp}", tmp)


def normalize(text, root, tmp):
    """Actual output with machine-specific paths replaced by their placeholders."""
    real_tmp = os.path.realpath(tmp)
    for path, name in ((real_tmp, "{tmp}"), (tmp, "{tmp}"), (root, "{root}")):
        text = text.replace(path, name)
    return text


def run_case(case, sheaf, root):
    """Runs one case in a fresh working folder; returns (stdout, stderr, exit code)."""
    with tempfile.TemporaryDirectory(prefix="sheaf-cli-") as scratch:
        tmp = os.path.join(scratch, "work")  # the working folder holds only what the case makes
        os.mkdir(tmp)
        env = dict(os.environ)
        env["PATH"] = os.path.dirname(os.path.abspath(sheaf)) + os.pathsep + env.get("PATH", "")
        env.update({"LC_ALL": "C.UTF-8", "TZ": "UTC", "HOME": tmp})
        for key in ("SHEAF_ACCEPT", "SOURCE_DATE_EPOCH", "COLUMNS"):
            env.pop(key, None)
        command = substitute(case.command, root, tmp)
        stdin_bytes = b""
        if case.stdin is not None:
            stdin_bytes = "".join(substitute(l, root, tmp) + "\n" for l in case.stdin).encode("utf-8")
        stdin_path = os.path.join(scratch, "stdin")
        with open(stdin_path, "wb") as f:
            f.write(stdin_bytes)
        argv = ["/bin/sh", "-c", command]
        with open(stdin_path, "rb") as stdin_file:
            if case.tty:
                out, err, code = run_with_tty(argv, stdin_file, tmp, env)
            else:
                p = subprocess.run(argv, stdin=stdin_file, capture_output=True, cwd=tmp, env=env,
                                   timeout=TIMEOUT)
                out, err, code = p.stdout, p.stderr, p.returncode
        decode = lambda b: normalize(b.decode("utf-8", errors="backslashreplace"), root, tmp)
        return decode(out), decode(err), code


def run_with_tty(argv, stdin_file, cwd, env):
    """Runs with standard output on a pseudo-terminal (isatty(1) is true); stderr stays a pipe."""
    master, slave = pty.openpty()
    with tempfile.TemporaryFile() as err_file:
        p = subprocess.Popen(argv, stdin=stdin_file, stdout=slave, stderr=err_file, cwd=cwd, env=env)
        os.close(slave)
        chunks = []
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:  # EIO: the terminal closed
                break
            if not data:
                break
            chunks.append(data)
        os.close(master)
        code = p.wait(timeout=TIMEOUT)
        err_file.seek(0)
        err = err_file.read()
    return b"".join(chunks).replace(b"\r\n", b"\n"), err, code


def render(out, err, code):
    """The block body for an actual result: stdout lines, then '2> ' stderr lines, then '=> N'."""
    def split(text):
        parts = text.split("\n")
        if parts and parts[-1] == "":
            parts.pop()
        return parts
    lines = split(out) + ["2> " + l for l in split(err)]
    if code != 0:
        lines.append(f"=> {code}")
    return lines


def split_expected(lines):
    out, err, code = [], [], 0
    for l in lines:
        if l.startswith("2> ") or l == "2>":
            err.append(l[3:])
        elif re.fullmatch(r"=> -?\d+", l):
            code = int(l[3:])
        else:
            out.append(l)
    return out, err, code


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sheaf", required=True, help="the sheaf binary to test")
    ap.add_argument("--root", required=True, help="project root, substituted for {root}")
    ap.add_argument("--accept", action="store_true", help="rewrite the expected output in place")
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    accept = args.accept or os.environ.get("SHEAF_ACCEPT") == "1"
    root = os.path.abspath(args.root)
    failures = 0
    total = 0
    for path in args.files:
        cases = list(parse(path))
        if not cases:
            print(f"{path}: no command cases", file=sys.stderr)
            return 2
        rewrites = []
        for case in cases:
            total += 1
            try:
                out, err, code = run_case(case, args.sheaf, root)
            except subprocess.TimeoutExpired:
                out, err, code = "", f"(timed out after {TIMEOUT} s)\n", -1
            exp_out, exp_err, exp_code = split_expected(case.expected)
            act_out, act_err, act_code = split_expected(render(out, err, code))
            ok = (exp_out, exp_err, exp_code) == (act_out, act_err, act_code)
            label = f"{path}:{case.line}: {case.command}"
            if ok:
                print(f"ok   {label}")
                continue
            if accept:
                rewrites.append((case, render(out, err, code)))
                print(f"acc  {label}")
                continue
            failures += 1
            print(f"FAIL {label}")
            want = exp_out + ["2> " + l for l in exp_err] + ([f"=> {exp_code}"] if exp_code else [])
            got = act_out + ["2> " + l for l in act_err] + ([f"=> {act_code}"] if act_code else [])
            for l in difflib.unified_diff(want, got, "expected", "actual", lineterm="", n=2):
                print("     " + l)
        if rewrites:
            lines = open(path, encoding="utf-8").read().split("\n")
            for case, new in sorted(rewrites, key=lambda r: -r[0].start):
                head = lines[case.start:case.start + 1]
                stdin = ([*case.stdin, "^D"] if case.stdin is not None else [])
                lines[case.start:case.end] = head + stdin + new
            open(path, "w", encoding="utf-8").write("\n".join(lines))
    print(f"{total - failures}/{total} cases passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
