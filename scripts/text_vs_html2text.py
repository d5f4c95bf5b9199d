#!/usr/bin/env python3
"""sheaf's plain text measured against html2text's expected outputs (issue 6, "Measured against a peer").

For each test/NAME.html of ../shared/corpus/html2text with an expected test/NAME.md, runs
`sheaf -f html -t text --no-header NAME.html`, reduces both texts to their words and prints how far
they agree (difflib ratio over the word sequences; 100% = the same words in the same order).

Reducing to words:
  - html2text's Markdown loses its syntax: headings' '#', setext and rule lines, list markers,
    '>' quote marks, emphasis marks, backticks and code fences, table pipes and separator rows,
    backslash escapes, '[code]' marks, HTML tags, link and image syntax (the text and alt stay) and
    reference definitions;
  - sheaf's text loses its own marks: '[N]' link and '[^N]' note markers, the '[N] URL' list,
    '[Image: alt]' becomes the alt text, list markers, '>' marks, underlines and table rules;
  - URLs are dropped from both sides (sheaf lists them at the end, html2text inline);
  - words are runs of letters/digits, and each CJK character is a word (so html2text's spaces
    between Chinese characters do not count for or against either side); punctuation is ignored.

Where sheaf differs on purpose (docs/formats/text.md): it keeps Unicode letters and punctuation
("állás", "—") where html2text writes ASCII ("allas", "--") without unicode_snob; it invents no
alt text ("Image") for images without one; it puts no space between adjacent inline elements
(<em>em1</em><em>em2</em> reads "em1em2"); it prints no abbreviation list (*[TLA]: …); an exponent
is "mc^2". Layout (wrapping, table form, link placement) is not compared.

Usage: text_vs_html2text.py --sheaf build/sheaf [--corpus ../shared/corpus] [--verbose]
Prints one line per file and the overall agreement; exits 77 when the corpus is absent.
"""
import argparse
import difflib
import pathlib
import re
import subprocess
import sys

URL = re.compile(r"(?:https?|ftp)://\S+|www\.\S+|mailto:\S+")
LIST_MARKER = re.compile(r"(?m)^[ \t>]*(?:[-*+]|\d+\.)[ \t]+")
CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\uff01-\uff60"
WORD = re.compile(rf"[{CJK}]|[^\W_]+")


def markdown_words(md: str) -> list[str]:
    """The words of html2text's Markdown, without its syntax."""
    text = re.sub(r"(?m)^\s*\[[^\]]+\]:\s*\S+.*$", "", md)                  # reference definitions
    text = re.sub(r"!\[([^\]]*)\]\((?:[^()]|\([^)]*\))*\)", r" \1 ", text)   # ![alt](src)
    text = re.sub(r"!\[([^\]]*)\]\[[^\]]*\]", r" \1 ", text)                 # ![alt][n]
    for _ in range(3):                                                       # nested [[a][1]b][2]
        text = re.sub(r"\[([^\[\]]*)\]\((?:[^()]|\([^)]*\))*\)", r"\1", text)  # [text](url)
        text = re.sub(r"\[([^\[\]]*)\]\[[^\]]*\]", r"\1", text)              # [text][n]
    text = re.sub(r"<((?:https?|mailto|ftp):[^>]+)>", r"\1", text)          # <autolink>
    text = re.sub(r"\[/?code\]", " ", text)
    # The only tags html2text writes itself (images_as_html, include_sup_sub, bypass_tables); any
    # other '<' is text of the page, as in sheaf's output.
    text = re.sub(r"<img\b[^>]*?\balt=([\"'])(.*?)\1[^>]*>", r" \2 ", text, flags=re.S)
    text = re.sub(r"</?(?:img|sup|sub|table|thead|tbody|tr|th|td)\b[^>]*>", "", text)
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!>|~])", r"\1", text)              # backslash escapes
    text = LIST_MARKER.sub(" ", text)
    text = re.sub(r"\*\*|__|~~|`", " ", text)
    text = re.sub(r"(?<![^\W_])[*_]|[*_](?![^\W_])", " ", text)              # *em* _em_ at word edges
    return WORD.findall(URL.sub(" ", text))


def sheaf_words(txt: str) -> list[str]:
    """The words of sheaf's text, without its own marks."""
    lines = []
    skip_next = False
    for line in txt.split("\n"):
        if skip_next:  # the URL under a "[N]" too long to share its line
            skip_next = False
            continue
        if re.fullmatch(r"\[\d+\]", line):
            skip_next = True
            continue
        if re.fullmatch(r"\[\d+\]\s+\S.*", line):  # "[N] URL" (a URL may hold spaces)
            continue
        lines.append(line)
    text = LIST_MARKER.sub(" ", "\n".join(lines))
    text = re.sub(r"\[Image(?::\s+((?:[^\[\]]|\[[^\]]*\])*))?\]", lambda m: f" {m.group(1) or ''} ", text)
    text = text.replace("^", "")  # an exponent mark: "mc^2" is html2text's "mc<sup>2</sup>"
    text = re.sub(r"\[\^?\d+\]", "", text)  # glued markers: "this[1]that" is "thisthat"
    text = re.sub(r"(?m)^\s*\[[ x]\] ", " ", text)
    return WORD.findall(URL.sub(" ", text))


def compare(sheaf: str, corpus: pathlib.Path, verbose: bool = False):
    """Yields (name, agreement, sheaf word count, html2text word count, matched, error)."""
    for html in sorted((corpus / "html2text" / "test").glob("*.html")):
        expected_path = html.with_suffix(".md")
        if not expected_path.exists():
            continue
        expected_text = expected_path.read_text(encoding="utf-8")
        if not expected_text.strip():
            continue  # GoogleDocSaved_two.md: empty by design (see PROVENANCE.md)
        expected = markdown_words(expected_text)
        run = subprocess.run([sheaf, "-f", "html", "-t", "text", "--no-header", str(html)],
                             capture_output=True, check=False)
        if run.returncode != 0:
            yield html.stem, 0.0, 0, len(expected), 0, run.stderr.decode(errors="replace").strip()[:200]
            continue
        got = sheaf_words(run.stdout.decode("utf-8"))
        matcher = difflib.SequenceMatcher(None, got, expected, autojunk=False)
        matched = sum(block.size for block in matcher.get_matching_blocks())
        total = len(got) + len(expected)
        agreement = 1.0 if total == 0 else 2.0 * matched / total
        if verbose and agreement < 1.0:
            for tag, i1, i2, j1, j2 in matcher.get_opcodes():
                if tag != "equal":
                    print(f"    {html.stem}: {tag} sheaf={got[i1:i2][:12]} html2text={expected[j1:j2][:12]}")
        yield html.stem, agreement, len(got), len(expected), matched, ""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sheaf", required=True)
    ap.add_argument("--corpus", default=str(pathlib.Path(__file__).resolve().parents[2] / "shared" / "corpus"))
    ap.add_argument("--verbose", action="store_true", help="print the differing words")
    args = ap.parse_args()
    corpus = pathlib.Path(args.corpus)
    if not (corpus / "html2text" / "test").is_dir():
        print(f"SKIP: no html2text corpus under {corpus}")
        return 77
    files = matched = total = exact = failed = 0
    for name, agreement, got, expected, m, error in compare(args.sheaf, corpus, args.verbose):
        files += 1
        matched += m
        total += got + expected
        exact += agreement == 1.0
        failed += bool(error)
        print(f"{agreement * 100:6.1f}%  {name}  ({got} / {expected} words){'  ERROR ' + error if error else ''}")
    overall = 1.0 if total == 0 else 2.0 * matched / total
    print(f"agreement: {overall * 100:.1f}% of words over {files} files; {exact} files agree exactly; "
          f"{failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
