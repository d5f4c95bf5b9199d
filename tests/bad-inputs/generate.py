#!/usr/bin/env python3
"""Writes the big hostile inputs of tests/bad-inputs/ (too large to commit) to standard output.

    generate.py CASE [SCALE]

CASE is one of the names below; SCALE multiplies the size (default 1). Deterministic: the same
arguments always give the same bytes. Used by tests/cli/bad_inputs.md and
tests/scripts/test_bad_inputs.py.
"""
import sys

N = 100_000


def long_line(scale):
    # A 6 MB paragraph on one line: words, some emphasis and CJK, never a newline.
    # No inline links: cmark-gfm 0.29.0.gfm.6 is quadratic on links mixed with emphasis in one
    # paragraph (docs/robustness.md, "Known limits").
    unit = "word *emph* 中文字符 **strong** `code` "
    count = 6_000_000 * scale // len(unit.encode())
    return "---\ntitle: long line\n---\n" + unit * count + "\n"


def links_emphasis(scale):
    # One 1 MB paragraph of links mixed with emphasis: cmark-gfm 0.29.0.gfm.6 walks every open
    # emphasis delimiter at every link (quadratic; docs/robustness.md). The guard in
    # converters/markdown/cmark_guard.cpp keeps its emphasis as text, with a warning.
    unit = "word *emph* [link](https://e.com/x) "
    return "---\ntitle: links and emphasis\n---\n" + unit * (1_000_000 * scale // len(unit)) + "\n"


def references_emphasis(scale):
    # The same through reference links, images and footnotes, soft-wrapped over many lines.
    unit = "*a* [ref] _b ![i](p.png) ~c [^n]\n"
    return "---\ntitle: references and emphasis\n---\n" + unit * (1_000_000 * scale // len(unit)) + \
        "\n[ref]: https://e.com/r\n\n[^n]: A note.\n"


def table_columns(scale):
    # A 1 MB table of one row and ~170,000 columns: cmark-gfm 0.29.0.gfm.6 takes time quadratic in
    # a row's cells; converters/markdown/cmark_table_guard.cpp caps rows at 1,000 cells.
    n = 1_000_000 * scale // 6
    return "---\ntitle: table columns\n---\n" + "|a" * n + "\n" + "|-" * n + "\n" + "|b" * n + "\n"


def table_rows(scale):
    # Tables of very many rows: two-cell rows, and `aaa\rbbb\n-\v\n` (a header, a row and a
    # delimiter per unit). Linear (not guarded), but every cell goes through the HTML reader:
    # 0.5 MB here (docs/robustness.md, "Known limits").
    unit_rows = "|x|y|\n" * (250_000 * scale // 6)
    unit_cr = "aaa\rbbb\n-\v\n" * (250_000 * scale // 11)
    return "---\ntitle: table rows\n---\n|x|y|\n|-|-|\n" + unit_rows + "\n" + unit_cr


def autolink_at(scale):
    # Words of many `@` (`a@` × n, `x@x.` × n): the autolink extension's e-mail search is
    # quadratic in them; the guard gives such words no e-mail links.
    n = 500_000 * scale
    return "---\ntitle: autolink\n---\nMail me@example.org.\n\n" + "a@" * (n // 2) + "\n\n" + \
        "x@x." * (n // 4) + "\n"


def deep_line_quotes(scale):
    # CVE-2023-24824: `>` × n then `a*` × n on one line, 1 MB. cmark-gfm 0.29.0.gfm.6 takes
    # depth × inline nodes; converters/markdown/cmark_nesting_guard.cpp caps the markers of a line.
    # No front matter: test_bad_inputs.py reads these four cases with the Markdown reader (the
    # Jekyll reader's kramdown rewriting is itself slow on some: docs/robustness.md, "Known limits").
    n = 1_000_000 * scale // 3
    return ">" * n + "a*" * n + "\n"


def deep_line_list(scale):
    # CVE-2023-24824: ` -` × n, `x`, then n blank lines (each blank line costs the list depth).
    n = 1_000_000 * scale // 3
    return " -" * n + "x" + "\n" * n


def image_openers(scale):
    # CVE-2023-22486: `![[]()` × n, 1 MB: every link walks over every unclosed `![` before it.
    return "![[]()" * (1_000_000 * scale // 6) + "\n"


def html_openers(scale):
    # CVE-2023-22484 family: raw HTML openers without their end (`<?`, `<!A `, `<![CDATA[`), each
    # scanned to the end of its paragraph; three paragraphs of 1/3 MB.
    n = 1_000_000 * scale // 3
    return "a <?" * (n // 4) + "\n\n" + "a <!A " * (n // 6) + "\n\n" + "a <![CDATA[" * (n // 11) + "\n"


def kramdown_openers(scale):
    # kramdown's span syntax without its closer, each a 1/8 MB paragraph: footnote references
    # `[^`, span IALs `{:`, extensions `{::` and `{::comment}`, raw `<code>`, backtick runs of
    # decreasing length, `<a` in a nomarkdown block. The Jekyll reader's rewrite_spans
    # (converters/jekyll/kramdown_syntax.cpp) once scanned to the end of the line from each
    # (`{::comment}` × 90,000: 46 s; `<code>` × 166,000: over 60 s).
    n = 1_000_000 * scale // 8
    runs = int((2 * n) ** 0.5)
    return "---\ntitle: kramdown openers\n---\n" + "a [^" * (n // 4) + "\n\n" + "*a*{: " * (n // 6) + \
        "\n\n" + "a {::" * (n // 5) + "\n\n" + "{::comment}" * (n // 11) + "\n\n" + "a " + \
        "<code>" * (n // 6) + "\n\n" + " ".join("`" * m for m in range(runs, 0, -1)) + "\n\n" + \
        "{::nomarkdown}\n" + "x<a" * (n // 3) + "\n{:/}\n\n" + "a" + "_" * n + "\n"


def many_attributes(scale):
    attrs = " ".join(f'data-a{i}="v{i}"' for i in range(N * scale))
    return f"<html><body><p {attrs}>text</p></body></html>\n"


def nested_divs(scale):
    n = N * scale
    return "<html><body>" + "<div>" * n + "deep" + "</div>" * n + "</body></html>\n"


def nested_quotes(scale):
    return "> " * (N * scale) + "deep\n"


def nested_lists(scale):
    # Each level indented two more spaces: 100,000 levels is a 10 GB file, so this case is
    # capped in bytes, not levels: as many levels as fit in 5 MB × SCALE (about 3,000).
    out, width, level = [], 0, 0
    while True:
        line = "  " * level + "- item\n"
        if width + len(line) > 5_000_000 * scale:
            break
        out.append(line)
        width += len(line)
        level += 1
    return "".join(out)


def nested_list_elements(scale):
    n = N * scale
    return "<ul>" + "<li><ul>" * n + "<li>deep</li>" + "</ul></li>" * n + "</ul>\n"


def nested_blockquote_elements(scale):
    n = N * scale
    return "<blockquote>" * n + "deep" + "</blockquote>" * n + "\n"


def nested_json(scale):
    n = N * scale
    return '{"sheaf": "1.0", "meta": {}, "blocks": [' + '{"type": "blockquote", "content": [' * n + \
        "]}" * n + "]}\n"


CASES = {
    "long-line": long_line,
    "links-emphasis": links_emphasis,
    "references-emphasis": references_emphasis,
    "table-columns": table_columns,
    "table-rows": table_rows,
    "autolink-at": autolink_at,
    "deep-line-quotes": deep_line_quotes,
    "deep-line-list": deep_line_list,
    "image-openers": image_openers,
    "html-openers": html_openers,
    "kramdown-openers": kramdown_openers,
    "many-attributes": many_attributes,
    "nested-divs": nested_divs,
    "nested-quotes": nested_quotes,
    "nested-lists": nested_lists,
    "nested-list-elements": nested_list_elements,
    "nested-blockquote-elements": nested_blockquote_elements,
    "nested-json": nested_json,
}

if __name__ == "__main__":
    if len(sys.argv) not in (2, 3) or sys.argv[1] not in CASES:
        sys.exit("usage: generate.py {%s} [SCALE]" % ",".join(CASES))
    scale = int(sys.argv[2]) if len(sys.argv) == 3 else 1
    sys.stdout.buffer.write(CASES[sys.argv[1]](scale).encode("utf-8"))
