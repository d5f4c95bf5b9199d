#!/usr/bin/env python3
"""The reference post (../shared/corpus/seed) through `sheaf -t json`, checked against an oracle.

Checks (issue 2, "Done when"): the file form and the stdin form give the same model; every block
of text of the article survives (22 in the article plus its heading line); the lead image and both
figures keep their captions; the credit survives; metadata holds title, date, author, from and
tags; no raw-HTML junk remains. Exit 77 (skipped) when the corpus is absent.
"""
import json
import pathlib
import subprocess
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from script_support import arguments  # noqa: E402
import seed_oracle  # noqa: E402

JUNK = ["<span", "<div", "&nbsp;", "icon-zoom", "data-fancybox", "<p>", "<img", "zoomattribute"]


def main():
    args = arguments(corpus_required=True).parse_args()
    seeds = sorted(pathlib.Path(args.corpus, "seed").glob("*.md"))
    if not seeds:
        print(f"SKIP: corpus not found at {args.corpus} (the reference post is needed)")
        return 77
    seed = seeds[0]
    text = seed.read_text(encoding="utf-8")
    failures = []

    def check(ok, what):
        print(("ok   " if ok else "FAIL ") + what)
        if not ok:
            failures.append(what)

    by_file = subprocess.run([args.sheaf, str(seed), "-t", "json"], capture_output=True, check=False)
    check(by_file.returncode == 0, f"sheaf {seed.name} -t json exits 0 ({by_file.stderr.decode()[:200]})")
    by_pipe = subprocess.run([args.sheaf, "-f", "jekyll", "-t", "json"], input=text.encode(),
                             capture_output=True, check=False)
    check(by_pipe.returncode == 0, "cat seed | sheaf -f jekyll -t json exits 0")
    if failures:
        return 1
    doc = json.loads(by_file.stdout)
    piped = json.loads(by_pipe.stdout)
    # The slug comes from the file name, which stdin does not have; everything else must match.
    # (derived_keys, the list of keys the reader added, names the slug too.)
    file_meta = {k: v for k, v in doc["meta"].items() if k != "slug"}
    if "derived_keys" in file_meta:
        file_meta["derived_keys"] = [k for k in file_meta["derived_keys"] if k != "slug"]
    check(file_meta == piped["meta"] and doc["blocks"] == piped["blocks"],
          "file and stdin give the same model (meta apart from the file-name slug, and blocks)")

    meta, blocks, captions, credits, heading = seed_oracle.article(text)
    all_text = seed_oracle.normalize("".join(seed_oracle.json_texts(doc["blocks"], [])))
    article_blocks = [b for b in blocks if b != heading]
    missing = [b for b in article_blocks if b not in all_text]
    check(len(article_blocks) == 22, f"oracle finds 22 article blocks (found {len(article_blocks)})")
    check(not missing, f"all {len(article_blocks)} article blocks of text survive (missing: {[m[:20] for m in missing]})")
    # The mirror's link line repeats the title: it becomes the title and the source, not a heading.
    check(heading in all_text or heading == seed_oracle.normalize(doc["meta"].get("title", "")),
          "the heading line's text survives (as a block or as the title)")

    figures = [b for b in doc["blocks"] if b.get("type") == "figure"]
    check(len(figures) == 3, f"lead image and both figures are figures (found {len(figures)})")
    fig_captions = [seed_oracle.normalize("".join(seed_oracle.json_texts(f.get("caption", []), [])))
                    for f in figures]
    check(fig_captions == captions, "each figure keeps its caption, in order")
    fig_credits = [seed_oracle.normalize("".join(seed_oracle.json_texts(f.get("credit", []), [])))
                   for f in figures]
    check(credits and credits[0] in fig_credits, "the lead image keeps its credit")

    out = by_file.stdout.decode("utf-8")
    for junk in JUNK:
        check(junk not in out, f"no {junk!r} in the JSON")
    check("\\u" not in out, "non-ASCII text is written as itself, not \\u escapes")

    for key in ("title", "date", "author", "from", "tags"):
        check(key in doc["meta"], f"meta has {key}")
    check(doc["meta"].get("title") == meta["title"].strip('"'), "title as in the front matter")
    check(doc["meta"].get("from") == meta["from"], "from URL as in the front matter")
    check(doc["meta"].get("comments") is True, "comments: True is a boolean")
    check(isinstance(doc["meta"].get("tags"), list) and len(doc["meta"]["tags"]) == 1, "tags is a list of one")

    print(f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
