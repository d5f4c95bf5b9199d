#!/usr/bin/env python3
"""Measures the HTML reader on Mozilla Readability's test pages (../shared/corpus/readability).

Usage: tests/corpus/html/measure_readability.py [SHEAF] [CORPUS_DIR] [--pages all|real] [--verbose]

For every page it runs `SHEAF -f html source.html -t json` (metadata) and `-t text` (content) and
prints, per metadata field, how often sheaf agrees with expected-metadata.json: `exact` after
whitespace normalisation, `contains` when one value contains the other (case-insensitive), over the
pages whose expected value is non-null; `extra` counts pages where the expected value is null but
sheaf gives one. Content: recall = share of expected.html's tokens that sheaf's text keeps,
precision = share of sheaf's tokens found in expected.html (multisets; a token is a word, or one
character of CJK text), overall (micro-averaged) and for the non-English real pages.
Stdlib only; exit 77 when the corpus or binary is missing (skipped).
"""
import collections, html.parser, json, os, re, subprocess, sys

# The 15 non-English real pages (PROVENANCE.md of the corpus).
NON_ENGLISH = {"qq", "gmw", "youth", "pixnet", "yahoo-4", "hukumusume", "lemonde-1", "liberation-1",
               "videos-2", "la-nacion", "nytimes-5", "cnet-svg-classes", "folha", "heise", "aktualne"}
FIELDS = [("title", "title"), ("byline", "author"), ("lang", "lang"), ("siteName", "site"),
          ("publishedTime", "date")]


def norm(s):
    return re.sub(r"\s+", " ", s or "").strip()


class TextOf(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip:
            self.skip -= 1
        self.parts.append(" ")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
TOKEN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]|[^\W_]+", re.UNICODE)


def tokens(text):
    return collections.Counter(t.lower() for t in TOKEN.findall(text))


def run(cmd):
    r = subprocess.run(cmd, capture_output=True)
    return r.stdout.decode("utf-8", "replace") if r.returncode == 0 else None


def main(argv):
    verbose = "--verbose" in argv
    pages_mode = "real"
    args = []
    i = 0
    while i < len(argv):
        if argv[i] == "--pages":
            pages_mode = argv[i + 1]; i += 2; continue
        if argv[i] != "--verbose":
            args.append(argv[i])
        i += 1
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.normpath(os.path.join(here, "..", "..", ".."))
    sheaf = args[0] if args else os.path.join(root, "build", "sheaf")
    corpus = args[1] if len(args) > 1 else os.path.join(root, "..", "shared", "corpus", "readability")
    index = os.path.join(corpus, "INDEX.tsv")
    if not os.path.exists(sheaf) or not os.path.exists(index):
        print(f"skipped: need {sheaf} and {index}")
        return 77
    rows = []
    with open(index, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            rows.append(dict(zip(header, line.rstrip("\n").split("\t"))))
    if pages_mode == "real":
        rows = [r for r in rows if r["kind"] == "real-page"]
    stats = {k: collections.Counter() for k, _ in FIELDS}
    content = {"all": [0, 0, 0, 0], "non-en": [0, 0, 0, 0]}  # kept, expected, in_expected, produced
    low_recall = []
    for r in rows:
        page = os.path.join(corpus, "test-pages", r["page"])
        src = os.path.join(page, "source.html")
        expected = json.load(open(os.path.join(page, "expected-metadata.json"), encoding="utf-8"))
        out = run([sheaf, "-f", "html", src, "-t", "json"])
        meta = json.loads(out)["meta"] if out else {}
        for key, ours in FIELDS:
            want, got = norm(expected.get(key)), norm(str(meta.get(ours, "")))
            s = stats[key]
            if not want:
                s["null"] += 1
                if got:
                    s["extra"] += 1
                continue
            s["n"] += 1
            if want == got:
                s["exact"] += 1
            if got and (want.lower() in got.lower() or got.lower() in want.lower()):
                s["contains"] += 1
            elif verbose:
                print(f"  {r['page']}: {key}: expected {want!r}, got {got!r}")
        text = run([sheaf, "-f", "html", src, "-t", "text", "--no-header", "--links", "none", "--wrap", "none"])
        parser = TextOf()
        parser.feed(open(os.path.join(page, "expected.html"), encoding="utf-8").read())
        want_t, got_t = tokens("".join(parser.parts)), tokens(text or "")
        common = sum((want_t & got_t).values())
        groups = ["all"] + (["non-en"] if r["page"] in NON_ENGLISH else [])
        for g in groups:
            c = content[g]
            c[0] += common; c[1] += sum(want_t.values()); c[2] += common; c[3] += sum(got_t.values())
        rec = common / max(1, sum(want_t.values()))
        prec = common / max(1, sum(got_t.values()))
        low_recall.append((rec, prec, r["page"], r.get("meta_lang", "-")))
    print(f"readability pages measured: {len(rows)} ({pages_mode})")
    for key, ours in FIELDS:
        s = stats[key]
        n = max(1, s["n"])
        print(f"  {key:14} -> {ours:7} exact {s['exact']:3}/{s['n']:3} ({s['exact']/n:5.1%})  "
              f"contains {s['contains']:3}/{s['n']:3} ({s['contains']/n:5.1%})  "
              f"extra when expected null {s['extra']}/{s['null']}")
    for g, c in content.items():
        print(f"  content {g:7} recall {c[0]/max(1,c[1]):.3f}  precision {c[2]/max(1,c[3]):.3f}")
    if verbose:
        for rec, prec, page, lang in sorted(low_recall)[:25]:
            print(f"  low recall {page} ({lang}): recall {rec:.2f} precision {prec:.2f}")
        for rec, prec, page, lang in sorted(low_recall, key=lambda x: x[1])[:15]:
            print(f"  low precision {page} ({lang}): recall {rec:.2f} precision {prec:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
