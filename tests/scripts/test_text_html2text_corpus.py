#!/usr/bin/env python3
"""sheaf's plain text against html2text's 72 non-empty test pairs (scripts/text_vs_html2text.py).

Prints the agreement per file and overall, and fails when a file does not convert, when the word
agreement drops below 97% or when fewer than 60 files agree exactly (measured when the runner was
written: 99.5%, 67 of 72; the rest differ on purpose, see docs/formats/text.md). Exit 77 (skipped)
when the corpus is absent.
"""
import argparse
import pathlib
import sys

ap = argparse.ArgumentParser()
ap.add_argument("--sheaf", required=True)
ap.add_argument("--root", required=True)
ap.add_argument("--corpus", required=True)
args = ap.parse_args()

sys.path.insert(0, str(pathlib.Path(args.root) / "scripts"))
import text_vs_html2text  # noqa: E402

corpus = pathlib.Path(args.corpus)
if not (corpus / "html2text" / "test").is_dir():
    print(f"SKIP: no html2text corpus under {corpus}")
    sys.exit(77)

files = matched = total = exact = 0
failed = []
for name, agreement, got, expected, m, error in text_vs_html2text.compare(args.sheaf, corpus):
    files += 1
    matched += m
    total += got + expected
    exact += agreement == 1.0
    if error:
        failed.append(f"{name}: {error}")
    print(f"{agreement * 100:6.1f}%  {name}  ({got} / {expected} words)")
overall = 1.0 if total == 0 else 2.0 * matched / total
print(f"agreement: {overall * 100:.1f}% of words over {files} files; {exact} files agree exactly")
problems = failed[:]
if files < 70:
    problems.append(f"only {files} test pairs compared")
if overall < 0.97:
    problems.append(f"agreement {overall * 100:.1f}% < 97%")
if exact < 60:
    problems.append(f"{exact} files agree exactly < 60")
for p in problems:
    print("FAIL " + p)
sys.exit(1 if problems else 0)
