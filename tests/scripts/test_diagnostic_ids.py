#!/usr/bin/env python3
"""Every diagnostic id reported in the sources is listed in docs/errors.md, and every id listed
there is still reported somewhere: the table cannot drift from the code.

Ids are string literals "<module>.<name>" in converters/, core/ and cli/ whose module is a
converter folder or "cli"; ids built at run time (`prefix + ".invalid_utf8"`) are matched by
their suffix. Standard library only; run by CTest as script.test_diagnostic_ids.
"""
import argparse
import pathlib
import re
import sys

FILE_SUFFIXES = {"hpp", "cpp", "h", "md", "json", "html", "txt", "css", "xhtml", "opf", "ncx",
                 "png", "jpg", "jpeg", "gif", "svg", "epub", "yml", "yaml", "xml", "in"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", required=True)
    ap.add_argument("--sheaf")   # passed by CTest to every script; unused here
    ap.add_argument("--corpus")  # likewise
    args = ap.parse_args()
    root = pathlib.Path(args.root)

    modules = sorted(p.name for p in (root / "converters").iterdir() if p.is_dir()) + ["cli"]
    literal = re.compile(r'"((?:%s)\.[a-z0-9_]+)"' % "|".join(map(re.escape, modules)))
    dynamic = re.compile(r'\+\s*"\.([a-z0-9_]+)"')
    reported, suffixes = {}, set()
    for folder in ("converters", "core", "cli"):
        for path in sorted((root / folder).rglob("*")):
            if path.suffix not in (".cpp", ".hpp"):
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
            for m in literal.finditer(text):
                if m.group(1).rsplit(".", 1)[1] not in FILE_SUFFIXES:
                    reported.setdefault(m.group(1), str(path.relative_to(root)))
            suffixes.update(m.group(1) for m in dynamic.finditer(text))

    doc = (root / "docs" / "errors.md").read_text(encoding="utf-8")
    section = doc.split("## Diagnostic ids", 1)[-1]
    documented = set(re.findall(r"^\| `([a-z0-9_]+\.[a-z0-9_]+)` \|", section, re.M))

    problems = []
    for ident, where in sorted(reported.items()):
        if ident not in documented:
            problems.append(f"{where}: diagnostic id '{ident}' is not in docs/errors.md")
    for ident in sorted(documented):
        if ident not in reported and ident.rsplit(".", 1)[1] not in suffixes:
            problems.append(f"docs/errors.md: '{ident}' is documented but no source reports it")
    for p in problems:
        print(p)
    print(f"{len(reported)} literal ids, {len(suffixes)} run-time suffixes, {len(documented)} documented, "
          f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
