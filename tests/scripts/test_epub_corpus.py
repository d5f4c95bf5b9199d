#!/usr/bin/env python3
"""EPUBs of real posts (label `corpus`): the reference post and 50 news-corpus posts, one EPUB
each, must pass epubcheck with 0 errors and 0 warnings and keep all their block text.

Block text is taken from `sheaf -t json` of the same post (the model the writer received) and
split at images, notes and empty links (where the EPUB inserts a link text or a note number);
every piece must appear in the text of the EPUB's XHTML, whitespace ignored. For the reference post
an independent oracle (seed_oracle.py) also checks its 22 blocks, the three figures' captions, the
lead image's credit, and that none of the zoom widget is left.

Exit 77 (skipped) when the corpus, java or epubcheck is absent.
"""
import concurrent.futures
import json
import pathlib
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

sys.path.insert(0, str(pathlib.Path(__file__).parent))
import seed_oracle  # noqa: E402
import test_epubcheck as ec  # noqa: E402
from script_support import arguments  # noqa: E402

SKIP = 77
SAMPLE_SIZE = 50
XHTML = "{http://www.w3.org/1999/xhtml}"
# Characters the EPUB drops (XML cannot carry them) or that only differ in spacing.
_IGNORED = re.compile(r"[\s\u00a0\u3000\x00-\x1f\ufffe\uffff]+")


def normalize(text):
    return _IGNORED.sub("", text)


def news_posts(corpus):
    """All news-corpus posts, sorted by path (PROVENANCE/README files are not posts)."""
    root = pathlib.Path(corpus, "jekyll-news")
    return sorted(p for p in root.rglob("*.md") if p.name not in ("PROVENANCE.md", "README.md"))


def spread(items, n):
    """n items evenly spread over the list (all of them when there are fewer)."""
    if len(items) <= n:
        return list(items)
    return [items[(i * len(items)) // n] for i in range(n)]


# ---- text of the model (sheaf's JSON) ------------------------------------------------------------
def inline_pieces(inlines, pieces, notes):
    """Appends the text of `inlines` to pieces[-1], starting a new piece where the EPUB inserts
    text of its own; note contents go to `notes` (they are written at the chapter's end)."""
    for node in inlines:
        kind = node.get("type")
        if kind == "text":
            pieces[-1] += node["text"]
        elif kind == "code":
            pieces[-1] += node["text"]
        elif kind == "math":
            pieces.append(node["tex"])
            pieces.append("")
        elif kind in ("image", "note", "line_break"):
            if kind == "note":
                notes.append(node.get("content", []))
            pieces.append("")
        elif kind == "link" and not node.get("content"):
            pieces.append("")
        else:
            inline_pieces(node.get("content", []), pieces, notes)


def block_pieces(blocks, out):
    """Pieces of text every block of `blocks` must show in the EPUB."""
    notes = []

    def inlines(content):
        pieces = [""]
        inline_pieces(content or [], pieces, notes)
        out.extend(p for p in pieces if normalize(p))

    for block in blocks:
        kind = block.get("type")
        if kind in ("paragraph", "heading"):
            inlines(block.get("content"))
        elif kind == "code_block":
            out.append(block.get("text", ""))
        elif kind == "figure":
            inlines(block.get("caption"))
            inlines(block.get("credit"))
        elif kind == "table":
            inlines(block.get("caption"))
            for group in ("head", "body"):
                for row in block.get(group, []):
                    for cell in row.get("cells", []):
                        block_pieces(cell.get("content", []), out)
        elif kind in ("bullet_list", "ordered_list"):
            for item in block.get("items", []):
                block_pieces(item.get("content", []), out)
        elif kind == "definition_list":
            for item in block.get("items", []):
                inlines(item.get("term"))
                for definition in item.get("definitions", []):
                    block_pieces(definition, out)
        elif kind in ("block_quote", "div"):
            block_pieces(block.get("content", []), out)
        # raw_block: never written into a book; thematic_break: no text.
    for note in notes:
        block_pieces(note, out)
    return out


# ---- text of the book ------------------------------------------------------------------------
def book_text(path):
    """Normalized text of every content document's <body>, in archive order."""
    parts = []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.endswith(".xhtml") and "/text/" in name:
                body = ET.fromstring(z.read(name)).find(f"{XHTML}body")
                parts.append("".join(body.itertext()))
    return normalize("".join(parts))


def book_xml(path, pattern):
    """Normalized text of each element matching `pattern` (ElementTree path) in the chapters."""
    found = []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.endswith(".xhtml") and "/text/" in name:
                root = ET.fromstring(z.read(name))
                found += [normalize("".join(e.itertext())) for e in root.iter() if pattern(e)]
    return found


def missing_text(sheaf, post, epub):
    """Pieces of the post's block text that the EPUB lacks (empty when all are present)."""
    run = subprocess.run([str(sheaf), str(post), "-t", "json"], capture_output=True, timeout=120)
    if run.returncode != 0:
        return [f"sheaf -t json failed: {run.stderr.decode(errors='replace')[:200]}"]
    doc = json.loads(run.stdout)
    text = book_text(epub)
    return [p for p in block_pieces(doc["blocks"], []) if normalize(p) not in text]


def convert(sheaf, post, out):
    run = subprocess.run([str(sheaf), str(post), "-t", "epub", "-o", str(out)], capture_output=True, timeout=120)
    return run.returncode, run.stderr.decode(errors="replace")


def check_seed(sheaf, corpus, command, tmp):
    """The reference post: epubcheck, oracle blocks, figures, captions, credit, no widget."""
    failures = []
    seeds = sorted(pathlib.Path(corpus, "seed").glob("*.md"))
    if not seeds:
        return failures
    seed, epub = seeds[0], tmp / "seed.epub"

    def check(ok, what):
        print(("ok   " if ok else "FAIL ") + "seed: " + what)
        if not ok:
            failures.append(what)

    code, err = convert(sheaf, seed, epub)
    check(code == 0, f"converts (exit {code}) {err[:200]}")
    if code != 0:
        return failures
    clean, lines = ec.epubcheck(command, epub)
    check(clean and not ec.package_problems(epub), "epubcheck: 0 errors, 0 warnings " + " | ".join(lines[:5]))
    _, blocks, captions, credits, _ = seed_oracle.article(seed.read_text(encoding="utf-8"))
    text = book_text(epub)
    lost = [b for b in blocks if normalize(b) not in text]
    check(len(blocks) == 23 and not lost, f"all {len(blocks)} oracle blocks (22 + heading) present; lost {[b[:20] for b in lost]}")
    figcaptions = book_xml(epub, lambda e: e.tag == f"{XHTML}figcaption")
    check(len(figcaptions) == 3, f"the lead image and both figures are figures with captions ({len(figcaptions)})")
    check(all(any(normalize(c) in f for f in figcaptions) for c in captions), "each figure keeps its caption")
    credit_spans = book_xml(epub, lambda e: e.get("class") == "credit")
    check(bool(credits) and normalize(credits[0]) in credit_spans, "the lead image keeps its credit")
    with zipfile.ZipFile(epub) as z:
        everything = b"".join(z.read(n) for n in z.namelist())
    widget = [w for w in (b"zoomattribute", b"icon-zoom", b"fancybox", b"single_image") if w in everything]
    check(not widget, f"none of the zoom widget ({widget})")
    return failures


def main():
    parser = arguments(corpus_required=True)
    parser.add_argument("--count", type=int, default=SAMPLE_SIZE, help="news posts to check (0: all)")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    command = ec.epubcheck_command()
    if command is None:
        print("skipped: java or epubcheck not installed (scripts/setup installs them)")
        return SKIP
    posts = news_posts(args.corpus)
    if not posts:
        print(f"skipped: no news corpus under {args.corpus}/jekyll-news")
        return SKIP
    sample = posts if args.count == 0 else spread(posts, args.count)
    sheaf = pathlib.Path(args.sheaf)
    failures = 0
    with tempfile.TemporaryDirectory(prefix="sheaf-epub-corpus-") as tmp_name:
        tmp = pathlib.Path(tmp_name)
        failures += len(check_seed(sheaf, args.corpus, command, tmp))

        def one(indexed):
            i, post = indexed
            epub = tmp / f"post-{i:03}.epub"
            code, err = convert(sheaf, post, epub)
            if code != 0:
                return post, [f"sheaf exit {code}: {err[:300]}"]
            problems = ec.package_problems(epub)
            clean, lines = ec.epubcheck(command, epub)
            if not clean:
                problems += lines or ["epubcheck failed"]
            lost = missing_text(sheaf, post, epub)
            problems += [f"text missing from the EPUB: {p[:60]!r}" for p in lost[:5]]
            return post, problems

        with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
            for post, problems in pool.map(one, enumerate(sample)):
                print(f"{'ok  ' if not problems else 'FAIL'} {post.relative_to(args.corpus)}")
                for p in problems:
                    print(f"     {p}")
                failures += 1 if problems else 0
    print(f"{len(sample)} news posts checked; {failures} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
