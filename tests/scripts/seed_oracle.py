"""An oracle for the reference post, independent of sheaf's own readers.

It splits the post's front matter with plain string handling and extracts the article's blocks of
text from the raw HTML with Python's html.parser, so that tests can check sheaf's output against
text that sheaf did not produce itself.
"""
import html.parser
import re

BLOCK_TAGS = {"p", "li", "div", "figcaption", "figure", "ul", "ol", "h1", "h2", "h3", "h4", "h5",
              "h6", "blockquote", "table", "tr", "td", "th"}
BLOCK_CLASSES = ("lead_image_caption", "copyright")


def split_post(text):
    """Returns (front matter lines as a dict of raw strings, body)."""
    lines = text.split("\n")
    assert lines[0].strip() == "---"
    end = next(i for i in range(1, len(lines)) if lines[i].strip() in ("---", "..."))
    meta = {}
    for line in lines[1:end]:
        if ":" in line and not line.startswith(" "):
            key, value = line.split(":", 1)
            meta[key.strip()] = value.strip()
    return meta, "\n".join(lines[end + 1:])


class _Blocks(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks, self.current, self.stack = [], [], []
        self.credits, self.captions = [], []
        self.skip = 0

    def flush(self):
        text = normalize("".join(self.current))
        if text:
            self.blocks.append(text)
        self.current = []

    def handle_starttag(self, tag, attrs):
        cls = dict(attrs).get("class") or ""
        special = any(c in cls for c in BLOCK_CLASSES)
        if tag in ("script", "style"):
            self.skip += 1
        if tag in BLOCK_TAGS or special:
            self.flush()
        self.stack.append((tag, special, cls))

    def handle_endtag(self, tag):
        while self.stack:
            t, special, cls = self.stack.pop()
            if t in ("script", "style"):
                self.skip -= 1
            if t in BLOCK_TAGS or special:
                text = normalize("".join(self.current))
                if "copyright" in cls and text:
                    self.credits.append(text)
                if ("caption" in cls or t == "figcaption") and text:
                    self.captions.append(text)
                self.flush()
            if t == tag:
                break

    def handle_data(self, data):
        if not self.skip:
            self.current.append(data)


def normalize(text):
    """Whitespace-insensitive form: every run of white space (also NBSP, U+3000) removed."""
    return re.sub(r"[\s\u00a0\u3000]+", "", text)


def article(text):
    """(meta, blocks, captions, credits, heading) of a post in the seed's shape."""
    meta, body = split_post(text)
    heading = None
    m = re.search(r"^\[(.+)\]\((\S+)\)\s*$", body, re.M)
    if m:
        heading = normalize(m.group(1))
    start = body.find("<div>")
    parser = _Blocks()
    parser.feed(body[start:])
    parser.close()
    parser.flush()
    blocks = ([heading] if heading else []) + parser.blocks
    return meta, blocks, parser.captions, parser.credits, heading


def json_texts(node, out):
    """All strings under "text" keys of sheaf's JSON, in document order."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "text" and isinstance(value, str):
                out.append(value)
            else:
                json_texts(value, out)
    elif isinstance(node, list):
        for item in node:
            json_texts(item, out)
    return out
