#!/usr/bin/env python3
"""Every command shown in README.md and docs/ is run by a test, so the docs cannot drift.

A command is a line of a fenced block whose info string is `sh` (or bash, shell, console). A
`sheaf` command (also after `cat … |`) must appear, after dropping `{root}/`, inside a command of a
CLI transcript (tests/cli/*.md), which runs it. Any other command (scripts/build, cmake, ctest,
bench/run, …) must be listed in tests/docs_commands.txt with the CTest test (or `.ci/run`) that runs
it (the listed test must exist), or be marked `long: reason` — the fuzzing, sanitizer, profiling and
micro-benchmark runs the brief keeps out of the suite, with where their results are. Listed commands that no page shows any more are reported as stale.

    python3 tests/scripts/test_docs_commands.py --sheaf build/sheaf [--root .]

Exit 0 when every command is covered, 1 otherwise (each uncovered command named with file:line).
"""
import argparse
import glob
import os
import re
import subprocess
import sys

# `run` in tests/docs_commands.txt: the test that executes those commands.
RUNNERS = {"run": "script.test_docs_commands_corpus"}
SHELL_BLOCK = re.compile(r"^(`{3,}|~{3,})\s*(sh|bash|shell|console)\s*$")


def normalise(command: str) -> str:
    return " ".join(command.split())


def strip_comment(line: str) -> str:
    # A comment is `#` after at least two spaces: `jq '.#x'` or `sheaf a.md #1` are not comments.
    m = re.search(r"\s{2,}#", line)
    return line[: m.start()] if m else line


def documented_commands(root: str):
    pages = [os.path.join(root, "README.md")]
    pages += sorted(glob.glob(os.path.join(root, "docs", "**", "*.md"), recursive=True))
    for page in pages:
        in_block, shell, pending = False, False, None
        with open(page, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                stripped = line.strip()
                if stripped.startswith(("```", "~~~")):
                    in_block, shell = (not in_block), bool(SHELL_BLOCK.match(stripped)) and not in_block
                    continue
                if not (in_block and shell):
                    continue
                command = strip_comment(stripped.removeprefix("$ ")).strip()
                if pending:  # the previous line ended with a backslash: one command
                    command, number = pending[0] + " " + command, pending[1]
                    pending = None
                if command.endswith("\\"):
                    pending = (command[:-1].strip(), number)
                    continue
                if command.endswith("|"):
                    pending = (command, number)
                    continue
                if command and not command.startswith("#"):
                    yield os.path.relpath(page, root), number, normalise(command)


def transcript_commands(root: str):
    commands = []
    for path in sorted(glob.glob(os.path.join(root, "tests", "cli", "*.md"))):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("% ") or line.startswith("%tty "):
                    command = line.split(" ", 1)[1]
                    commands.append(normalise(command.replace("{root}/", "")))
    return commands


def listed_commands(root: str):
    listed = {}
    with open(os.path.join(root, "tests", "docs_commands.txt"), encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip() or line.startswith("#"):
                continue
            command, _, runner = line.rstrip("\n").partition("\t")
            listed[normalise(command)] = (runner.strip(), number)
    return listed


def ctest_names(build_dir: str):
    out = subprocess.run(["ctest", "--test-dir", build_dir, "-N"], capture_output=True, text=True)
    return set(re.findall(r"Test\s+#\d+: (\S+)", out.stdout))


def is_sheaf_command(command: str) -> bool:
    return command.startswith("sheaf ") or bool(re.match(r"^cat \S+ \| sheaf ", command))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sheaf", required=True, help="the sheaf binary; its folder is the build folder")
    parser.add_argument("--root", default=os.path.join(os.path.dirname(__file__), "..", ".."))
    parser.add_argument("--corpus", help="unused: the commands are only looked up, not run")
    args = parser.parse_args()
    root = os.path.normpath(args.root)

    transcripts = transcript_commands(root)
    listed = listed_commands(root)
    tests = ctest_names(os.path.dirname(os.path.abspath(args.sheaf)))
    failures, used, count = [], set(), 0
    for page, number, command in documented_commands(root):
        count += 1
        if any(command in t for t in transcripts):
            continue
        if is_sheaf_command(command):
            failures.append(f"{page}:{number}: not run by any tests/cli transcript: {command}")
            continue
        if command not in listed:
            failures.append(f"{page}:{number}: not listed in tests/docs_commands.txt: {command}")
            continue
        used.add(command)
        runner, line = listed[command]
        if runner.startswith(("long:", "elsewhere:")):
            if len(runner) < 20:
                failures.append(f"tests/docs_commands.txt:{line}: a long run needs its reason and where its results are")
            continue
        for name in runner.split(","):
            name = RUNNERS.get(name.strip(), name.strip())
            if name == ".ci/run":
                continue
            if name not in tests:
                failures.append(f"tests/docs_commands.txt:{line}: no CTest test named '{name}'")
    for command, (_, line) in listed.items():
        if command not in used:
            failures.append(f"tests/docs_commands.txt:{line}: no page shows this command any more: {command}")
    for f in failures:
        print(f)
    print(f"{count} documented commands, {len(failures)} not covered")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
