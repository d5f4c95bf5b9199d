#!/usr/bin/env python3
"""`javascript:`, `vbscript:` and `data:` URLs never become links or images in any output (issue 9;
docs/robustness.md, core/url_safety.hpp).

Every reader (json, html, markdown, jekyll) gets a document whose links and images use such URLs
the ways browsers still accept them (mixed case, leading spaces and control characters, a tab
inside the scheme, character references, `data:image/...`), and every writer (json, text, markdown,
epub) converts it. The output must hold no unsafe URL anywhere (EPUB: every file of the book) and
must still hold the text of every link.

Standard library only; run by CTest as script.test_unsafe_urls (--sheaf, --root).
"""
import html
import json
import pathlib
import re
import subprocess
import sys
import tempfile
import zipfile

from script_support import arguments

WRITERS = ("json", "text", "markdown", "epub")
UNSAFE = re.compile(r"(?<![a-z0-9+.\-])(?:javascript|vbscript|data):")
LABELS = ("alpha", "bravo", "charlie", "delta", "echo")  # link texts that must survive

MARKDOWN_BODY = (
    "Links: [alpha](JaVaScript:alert(1)), [bravo](<java\tscript:alert(2)>), "
    "[charlie](VBScript:msgbox(3)), [delta](DATA:text/html,hi) and "
    '<a href=" &#1;javascript:alert(5)">echo</a>.\n\n'
    "![pic](data:image/png;base64,iVBORw0KGgo=)\n\n"
    '<img src="data:image/gif;base64,R0lGODlh" alt="gif">\n'
)

HTML = (
    "<!DOCTYPE html><html><head><title>t</title></head><body><article><p>Links: "
    '<a href="JaVaScript:alert(1)">alpha</a>, <a href=" \x01javascript:alert(2)">bravo</a>, '
    '<a href="vbscript:msgbox(3)">charlie</a>, <a href="data:text/html,hi">delta</a>, '
    '<a href="java&#9;script:alert(5)">echo</a>.</p>'
    '<p><img src="data:image/png;base64,iVBORw0KGgo=" alt="pic"></p>'
    '<figure><img src="DATA:image/gif;base64,R0lGODlh"><figcaption>cap</figcaption></figure>'
    "</article></body></html>\n"
)


def text(s):
    return {"type": "text", "text": s}


def link(url, label):
    return {"type": "link", "url": url, "content": [text(label)]}


JSON_DOC = {
    "sheaf": {"version": [1, 0]},
    "meta": {"title": "t"},
    "blocks": [
        {"type": "paragraph", "content": [
            text("Links: "), link(" \u0001JaVaScript:alert(1)", "alpha"), text(", "),
            link("java\tscript:alert(2)", "bravo"), text(", "),
            link("VBScript:msgbox(3)", "charlie"), text(", "),
            {"type": "emph", "content": [link("DATA:text/html,<script>alert(4)</script>", "delta")]},
            text(", "), link("\njavascript:alert(5)", "echo"), text("."),
            {"type": "image", "src": "data:image/png;base64,iVBORw0KGgo=", "alt": "pic"}]},
        {"type": "figure", "image": {"type": "image", "src": "  data:image/gif;base64,R0lGODlh"},
         "caption": [text("cap")]},
        {"type": "raw_block", "format": "html",
         "text": "<p><a href=\"&#106;avascript&colon;alert(6)\">raw</a></p>"},
        {"type": "raw_block", "format": "markdown", "text": "[raw](javascript:alert(7))"},
    ],
}


def output_text(path, writer):
    if writer != "epub":
        return path.read_text(encoding="utf-8")
    with zipfile.ZipFile(path) as book:
        return "\n".join(book.read(name).decode("utf-8", "replace") for name in book.namelist()
                         if not name.endswith((".png", ".jpg", ".gif", ".webp")))


def normalized(s):
    # Read the output the way a browser or Markdown renderer would: references decoded, case
    # folded, tabs and newlines inside a URL ignored.
    return re.sub(r"[\t\r\n]", "", html.unescape(s)).lower()


def main():
    args = arguments().parse_args()
    sheaf = str(pathlib.Path(args.sheaf).resolve())
    failures = []
    with tempfile.TemporaryDirectory(prefix="sheaf-urls-") as tmp:
        tmp = pathlib.Path(tmp)
        inputs = {
            "json": ("doc.json", json.dumps(JSON_DOC)),
            "html": ("page.html", HTML),
            "markdown": ("page.md", MARKDOWN_BODY),
            "jekyll": ("2020-01-01-post.md", "---\ntitle: t\n---\n" + MARKDOWN_BODY),
        }
        for reader, (name, content) in inputs.items():
            src = tmp / name
            src.write_text(content, encoding="utf-8")
            for writer in WRITERS:
                out = tmp / f"out.{writer}"
                p = subprocess.run([sheaf, "-f", reader, str(src), "-t", writer, "-o", str(out)],
                                   cwd=tmp, capture_output=True)
                where = f"-f {reader} -t {writer}"
                if p.returncode != 0 or not out.exists():
                    failures.append(f"{where}: exit {p.returncode}: {p.stderr.decode()[:300]}")
                    continue
                body = normalized(output_text(out, writer))
                out.unlink()
                if m := UNSAFE.search(body):
                    failures.append(f"{where}: unsafe URL in the output: …{body[max(0, m.start() - 60):m.end() + 40]}…")
                for label in LABELS:
                    if label not in body:
                        failures.append(f"{where}: the link text {label!r} was lost")
                if reader == "json" and "[json.unsafe_url]" not in p.stderr.decode():
                    failures.append(f"{where}: no json.unsafe_url warning: {p.stderr.decode()[:300]}")
                print(f"{where}: ok")
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
