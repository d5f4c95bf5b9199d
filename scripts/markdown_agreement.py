#!/usr/bin/env python3
"""Markdown round-trip agreement of sheaf's Markdown writer (issue 5, docs/formats/markdown.md).

For each example of the CommonMark spec (../shared/corpus/commonmark/commonmark-spec/spec.txt,
655 examples): Markdown -> `sheaf -f markdown -t markdown` -> Markdown, and both the original and
the result are rendered with cmark-gfm; the example passes when the two HTML outputs are equal
after the spec's own normalisation (whitespace collapsed outside <pre>, attributes sorted: the
rules of the spec repository's normalize.py, reimplemented here). Prints the pass rate per section
and the failures. `--peer cmark` / `--peer pandoc` measure cmark-gfm's CommonMark writer or
pandoc's the same way, for comparison.

    python3 scripts/markdown_agreement.py --sheaf build/sheaf [--corpus ../shared/corpus]
           [--peer sheaf|cmark|pandoc] [--extensions] [--verbose] [--sheaf-arg=--raw-html=keep]
    python3 scripts/markdown_agreement.py --sheaf build/sheaf --peers [--verbose]
    python3 scripts/markdown_agreement.py --sheaf build/sheaf --summary

--summary prints every number of the issue in one run: the spec round trip by default, with
--raw-html keep, and with both rendered as GFM, then the peer suites (totals only).

--peers runs the HTML -> Markdown peers' suites instead: turndown's 147 cases and
html-to-markdown's golden files; for each input, sheaf's Markdown and the peer's expected
Markdown are rendered (cmark-gfm, GFM extensions) and compared as normalised HTML (text and
structure) and as text alone.

--extensions renders with the GFM extensions sheaf's reader uses (table, strikethrough,
autolink, tasklist); without it, plain CommonMark (the default, as the issue measures peers).
Stdlib only; exit code 0 (a report, not a test).
"""
import argparse
import html
import re
import subprocess
import sys
from collections import OrderedDict
from html.parser import HTMLParser
from pathlib import Path

BLOCK_TAGS = {
    'article', 'header', 'aside', 'hgroup', 'blockquote', 'hr', 'iframe', 'body', 'li', 'map',
    'button', 'object', 'canvas', 'ol', 'caption', 'output', 'col', 'p', 'colgroup', 'pre', 'dd',
    'progress', 'div', 'section', 'dl', 'table', 'td', 'dt', 'tbody', 'embed', 'textarea',
    'fieldset', 'tfoot', 'figcaption', 'th', 'figure', 'thead', 'footer', 'tr', 'form', 'ul',
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'video', 'script', 'style'}
WHITESPACE = re.compile(r'\s+')


class Normalizer(HTMLParser):
    """Rebuilds HTML with whitespace collapsed outside <pre> and around block tags."""

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.output = ''
        self.last = 'starttag'
        self.last_tag = ''
        self.in_pre = False

    def handle_data(self, data):
        after_tag = self.last in ('endtag', 'starttag')
        after_block_tag = after_tag and self.last_tag in BLOCK_TAGS
        if after_tag and self.last_tag == 'br':
            data = data.lstrip('\n')
        if not self.in_pre:
            data = WHITESPACE.sub(' ', data)
        if after_block_tag and not self.in_pre:
            data = data.lstrip() if self.last == 'starttag' else data.strip()
        self.output += data
        self.last = 'data'

    def handle_endtag(self, tag):
        if tag == 'pre':
            self.in_pre = False
        elif tag in BLOCK_TAGS:
            self.output = self.output.rstrip()
        self.output += '</' + tag + '>'
        self.last_tag = tag
        self.last = 'endtag'

    def _start(self, tag, attrs, close):
        if tag == 'pre':
            self.in_pre = True
        if tag in BLOCK_TAGS:
            self.output = self.output.rstrip()
        self.output += '<' + tag
        for name, value in sorted(attrs, key=lambda a: a[0]):
            self.output += ' ' + name
            if value is not None:
                self.output += '="' + html.escape(value, quote=True) + '"'
        self.output += ' />' if close else '>'
        self.last_tag = tag
        self.last = 'starttag'

    def handle_starttag(self, tag, attrs):
        self._start(tag, attrs, False)

    def handle_startendtag(self, tag, attrs):
        self._start(tag, attrs, True)

    def handle_comment(self, data):
        self.output += '<!--' + data + '-->'
        self.last = 'comment'

    def handle_decl(self, data):
        self.output += '<!' + data + '>'
        self.last = 'decl'

    def unknown_decl(self, data):
        self.output += '<!' + data + '>'
        self.last = 'decl'

    def handle_pi(self, data):
        self.output += '<?' + data + '>'
        self.last = 'pi'

    def handle_entityref(self, name):
        self.output += html.escape(html.unescape('&' + name + ';'), quote=False)
        self.last = 'ref'

    def handle_charref(self, name):
        self.output += html.escape(html.unescape('&#' + name + ';'), quote=False)
        self.last = 'ref'


CHUNK = re.compile(r'(<!\[CDATA\[.*?\]\]>|<[^>]*>|[^<]+)', re.S)


def normalize(text):
    parser = Normalizer()
    for chunk in CHUNK.finditer(text):
        if chunk.group(0).startswith('<![CDATA'):
            parser.output += chunk.group(0)
        else:
            parser.feed(chunk.group(0))
    parser.close()
    return parser.output


def examples(spec):
    """(number, section, markdown) for each example of a spec.txt file."""
    fence = '`' * 32
    section = ''
    out = []
    lines = spec.read_text(encoding='utf-8').split('\n')
    i = 0
    while i < len(lines):
        line = lines[i]
        m = re.match(r'^#{1,6} (.*)', line)
        if m:
            section = m.group(1).strip()
        if line.startswith(fence + ' example'):
            i += 1
            md = []
            while lines[i] != '.':
                md.append(lines[i])
                i += 1
            while not lines[i].startswith(fence):
                i += 1
            text = '\n'.join(md).replace('\u2192', '\t')
            out.append((len(out) + 1, section, text + '\n' if md else ''))
        i += 1
    return out


class TurndownCases(HTMLParser):
    """Cases of turndown's test/index.html: name, input innerHTML, expected text content."""

    def __init__(self, source):
        super().__init__(convert_charrefs=True)
        self.source = source
        self.line_starts = [0]
        for i, ch in enumerate(source):
            if ch == '\n':
                self.line_starts.append(i + 1)
        self.cases = []
        self.depth = 0
        self.case = None
        self.input_start = None
        self.input_depth = None
        self.in_expected = False

    def abs_offset(self):
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == 'div':
            self.depth += 1
            cls = a.get('class', '')
            if cls == 'case':
                self.case = {'name': a.get('data-name', ''), 'input': '', 'expected': '',
                             'options': a.get('data-options', '')}
            elif cls == 'input' and self.case is not None:
                self.input_start = self.abs_offset() + len(self.get_starttag_text())
                self.input_depth = self.depth
        elif tag == 'pre' and a.get('class') == 'expected' and self.case is not None:
            self.in_expected = True

    def handle_endtag(self, tag):
        if tag == 'div':
            if self.input_depth == self.depth and self.input_start is not None:
                self.case['input'] = self.source[self.input_start:self.abs_offset()]
                self.input_start = self.input_depth = None
            self.depth -= 1
        elif tag == 'pre' and self.in_expected:
            self.in_expected = False
            self.cases.append(self.case)
            self.case = None

    def handle_data(self, data):
        if self.in_expected:
            self.case['expected'] += data


def peer_cases(corpus):
    """(suite, name, input HTML, expected Markdown) of the HTML -> Markdown peers' suites."""
    out = []
    index = Path(corpus) / 'turndown' / 'index.html'
    if index.exists():
        parser = TurndownCases(index.read_text(encoding='utf-8'))
        parser.feed(parser.source)
        for c in parser.cases:
            out.append(('turndown', c['name'], c['input'], c['expected']))
    h2m = Path(corpus) / 'html-to-markdown'
    for md in sorted(h2m.glob('v2/plugin/*/testdata/GoldenFiles/*.out.md')):
        html_file = md.with_name(md.name.replace('.out.md', '.in.html'))
        out.append(('html-to-markdown v2', md.parent.parent.parent.name + '/' + html_file.name,
                    html_file.read_text(encoding='utf-8'), md.read_text(encoding='utf-8')))
    for golden in sorted(h2m.glob('v1.6.0/testdata/*/*/output.default.golden')):
        html_file = golden.with_name('input.html')
        if html_file.exists():
            out.append(('html-to-markdown v1', golden.parent.parent.name + '/' + golden.parent.name,
                        html_file.read_text(encoding='utf-8'), golden.read_text(encoding='utf-8')))
    return out


def text_of(rendered):
    """The text of rendered HTML, whitespace collapsed."""
    return WHITESPACE.sub(' ', html.unescape(re.sub(r'<[^>]*>', ' ', rendered))).strip()


def peers(a, render):
    cases = peer_cases(a.corpus)
    if not cases:
        print('peer suites not found under', a.corpus)
        return 0
    suites = OrderedDict()
    for suite, name, source, expected in cases:
        code, written = run([a.sheaf, '-f', 'html', '-t', 'markdown', '--no-front-matter'], source)
        mine = run(render, written)[1] if code == 0 else ''
        theirs = run(render, expected)[1]
        same_html = code == 0 and normalize(mine) == normalize(theirs)
        same_text = code == 0 and text_of(mine) == text_of(theirs)
        total, html_ok, text_ok = suites.get(suite, (0, 0, 0))
        suites[suite] = (total + 1, html_ok + same_html, text_ok + same_text)
        if not same_html and a.verbose:
            print(f'differs: {suite}: {name}{"" if same_text else " (text too)"}')
            print('  peer:  ' + repr(expected[:300]))
            print('  sheaf: ' + repr(written[:300]))
    for suite, (total, html_ok, text_ok) in suites.items():
        print(f'{suite:<22} same HTML {html_ok:3d}/{total:<3d}  same text {text_ok:3d}/{total:<3d}')
    return 0


def run(args, text):
    r = subprocess.run(args, input=text.encode('utf-8'), capture_output=True, timeout=60)
    return r.returncode, r.stdout.decode('utf-8', 'replace')


def summary(a):
    """Runs this script once per configuration and prints the total lines."""
    me = [sys.executable, str(Path(__file__).resolve()), '--sheaf', a.sheaf, '--corpus', a.corpus]
    configs = [('spec, raw HTML parsed (default)', []),
               ('spec, raw HTML parsed, rendered as GFM', ['--extensions']),
               ('spec, --raw-html keep', ['--sheaf-arg=--raw-html=keep']),
               ('spec, --raw-html keep, rendered as GFM', ['--sheaf-arg=--raw-html=keep', '--extensions']),
               ('HTML -> Markdown peers', ['--peers'])]
    for label, extra in configs:
        out = subprocess.run(me + extra, capture_output=True, text=True).stdout
        lines = [l for l in out.splitlines() if l.startswith('TOTAL') or 'same HTML' in l or 'not found' in l]
        print(label + ':')
        for l in lines:
            print('  ' + l)
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--sheaf', default='build/sheaf')
    ap.add_argument('--corpus', default=str(Path(__file__).resolve().parent.parent.parent / 'shared' / 'corpus'))
    ap.add_argument('--peer', choices=['sheaf', 'cmark', 'pandoc'], default='sheaf')
    ap.add_argument('--extensions', action='store_true')
    ap.add_argument('--verbose', action='store_true')
    ap.add_argument('--sheaf-arg', action='append', default=[], metavar='ARG',
                    help='extra argument for sheaf\'s reading (repeatable), e.g. --sheaf-arg=--raw-html=keep')
    ap.add_argument('--peers', action='store_true',
                    help='HTML -> Markdown peer suites (turndown, html-to-markdown) instead of the spec')
    ap.add_argument('--summary', action='store_true',
                    help='the spec round trip (default, --raw-html keep, each also as GFM) and the peers, totals only')
    a = ap.parse_args()
    if a.summary:
        return summary(a)

    render = ['cmark-gfm', '--unsafe']
    if a.extensions or a.peers:
        for e in ('table', 'strikethrough', 'autolink', 'tasklist'):
            render += ['-e', e]
    if a.peers:
        return peers(a, render)
    spec = Path(a.corpus) / 'commonmark' / 'commonmark-spec' / 'spec.txt'
    if not spec.exists():
        print('spec not found:', spec)
        return 0
    writers = {
        'sheaf': [a.sheaf, '-f', 'markdown', '-t', 'markdown'] + a.sheaf_arg,
        'cmark': ['cmark-gfm', '-t', 'commonmark', '--unsafe'],
        'pandoc': ['pandoc', '-f', 'commonmark', '-t', 'commonmark'],
    }
    writer = writers[a.peer]
    to_json = [a.sheaf, '-f', 'markdown', '-t', 'json', '--compact'] + a.sheaf_arg
    per_section = OrderedDict()
    failures = []
    for number, section, md in examples(spec):
        code, written = run(writer, md)
        ok = False
        if code == 0:
            ok = normalize(run(render, md)[1]) == normalize(run(render, written)[1])
        total, passed = per_section.get(section, (0, 0))
        per_section[section] = (total + 1, passed + (1 if ok else 0))
        if not ok:
            failures.append((number, section, md, written))
    width = max(len(s) for s in per_section)
    for section, (total, passed) in per_section.items():
        print(f'{section:<{width}}  {passed:3d}/{total:<3d}')
    total = sum(t for t, _ in per_section.values())
    passed = sum(p for _, p in per_section.values())
    mode = 'GFM extensions' if a.extensions else 'CommonMark'
    print(f'{"TOTAL":<{width}}  {passed:3d}/{total:<3d}  ({a.peer}, rendered as {mode})')
    reader_side = 0
    for number, section, md, written in failures:
        cause = ''
        if a.peer == 'sheaf':
            # The writer kept what the reader gave it when reading its Markdown back gives the
            # same document: the difference from the original came in when sheaf read it.
            model = run(to_json, md)[1]
            again = run(to_json, written)[1]
            if model == again:
                cause = ' [reader: the writer round-trips its model]'
                reader_side += 1
            else:
                cause = ' [writer or reader: the model changes on reading the output]'
        print(f'fail: example {number} ({section}){cause}')
        if a.verbose:
            print('  in:  ' + repr(md))
            print('  out: ' + repr(written))
    if a.peer == 'sheaf':
        print(f'failures where the writer round-trips the model the reader gave it: {reader_side}/{len(failures)}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
