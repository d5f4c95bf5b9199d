#!/usr/bin/env python3
"""--fetch-images end to end against a local HTTP server on 127.0.0.1 (a random port, started
here; no other address is ever contacted). The server serves good PNG/JPEG/GIF images, a redirect
chain within the limit and one beyond it, a slow response (beyond --fetch-timeout 1), an oversized
file (beyond --max-image-size 100K), PNG bytes labelled text/html (embedded: the type comes from
the bytes) and HTML labelled image/png (refused), a 404 and an SVG with a script; it counts the
requests per path. Asserted for each case: embedded, or refused with its `epub.image_fetch` line
and the reference form (a link to the URL, caption kept); epubcheck passes on every EPUB; a second
run with the same --cache-dir makes no request; --offline with an empty cache makes none and falls
back; batch mode fetches a shared image once; without --fetch-images nothing is requested; an
HTTPS server with a self-signed certificate is refused (TLS is verified; needs openssl).

Exit 77 (skipped) when java/epubcheck is missing, after every other assertion ran.
Usage: test_fetch_images.py --sheaf BUILD/sheaf --root SOURCE_DIR [--corpus DIR]
"""
import base64
import collections
import http.server
import json
import os
import pathlib
import shutil
import ssl
import struct
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
import zlib

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from script_support import arguments  # noqa: E402
from test_epubcheck import check_all, epubcheck_command  # noqa: E402

SKIP = 77


def make_png(width=2, height=2):
    """A valid RGB PNG, built here (stdlib only)."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\0" + b"\x33\x66\xcc" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


PNG = make_png()
JPEG = base64.b64decode(
    "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////"
    "////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=")
GIF = base64.b64decode("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==")
HTML = b"<!DOCTYPE html><html><head><title>x</title></head><body>not an image</body></html>"
SVG_SCRIPT = (b'<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1">'
              b'<script>alert(1)</script><rect width="1" height="1"/></svg>')
SLOW_SECONDS = 4


class Server:
    """A threaded HTTP(S) server on 127.0.0.1 that counts requests per path."""

    def __init__(self, tls_context=None):
        self.counts = collections.Counter()
        self.agents = set()
        self.referers = []
        self.lock = threading.Lock()
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def send(self, status, body=b"", ctype="image/png", headers=()):
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                for k, v in headers:
                    self.send_header(k, v)
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def do_GET(self):
                path = self.path
                with outer.lock:
                    outer.counts[path] += 1
                    outer.agents.add(self.headers.get("User-Agent", ""))
                    if self.headers.get("Referer"):
                        outer.referers.append(self.headers["Referer"])
                if path in ("/good.png", "/shared.png", "/second.png"):
                    # distinct bytes per path would not change the cache; PNG for all three
                    self.send(200, PNG)
                elif path == "/good.jpg":
                    self.send(200, JPEG, "image/jpeg")
                elif path == "/good.gif":
                    self.send(200, GIF, "image/gif")
                elif path.startswith("/redirect/"):
                    n = int(path.rsplit("/", 1)[1])
                    if n == 0:
                        self.send(200, PNG)
                    else:
                        self.send(302, b"", "text/plain", [("Location", f"/redirect/{n - 1}")])
                elif path == "/slow.png":
                    time.sleep(SLOW_SECONDS)
                    self.send(200, PNG)
                elif path == "/big.png":
                    self.send(200, PNG + b"\0" * 300_000)
                elif path == "/png-labelled-html":
                    self.send(200, PNG, "text/html")
                elif path == "/html-labelled-png.png":
                    self.send(200, HTML, "image/png")
                elif path == "/script.svg":
                    self.send(200, SVG_SCRIPT, "image/svg+xml")
                else:
                    self.send(404, b"not found", "text/plain")

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        if tls_context:
            self.httpd.socket = tls_context.wrap_socket(self.httpd.socket, server_side=True)
        self.port = self.httpd.server_address[1]
        self.scheme = "https" if tls_context else "http"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path):
        return f"{self.scheme}://127.0.0.1:{self.port}{path}"

    def total(self):
        with self.lock:
            return sum(self.counts.values())

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def page(title, figures):
    """An HTML post: one <figure> per (url, alt, caption)."""
    body = "".join(
        f'<figure><img src="{url}" alt="{alt}"><figcaption>{caption}</figcaption></figure>\n'
        for url, alt, caption in figures)
    return (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title></head>"
            f"<body><article><h1>{title}</h1><p>Some text before the figures.</p>\n{body}"
            f"<p>Some text after the figures.</p></article></body></html>\n")


class Runner:
    def __init__(self, sheaf, work):
        self.sheaf = sheaf
        self.work = work
        self.env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
        self.env["XDG_CACHE_HOME"] = str(work / "xdg-cache")  # never the user's cache

    def run(self, args):
        """(exit code, JSON diagnostics) of `sheaf ARGS --diagnostics json --verbose`."""
        r = subprocess.run([self.sheaf, *args, "--diagnostics", "json", "--verbose"], capture_output=True,
                           text=True, env=self.env, timeout=120)
        lines = []
        for line in r.stderr.splitlines():
            try:
                lines.append(json.loads(line))
            except ValueError:
                lines.append({"id": "?", "message": line})
        return r.returncode, lines


def fetch_lines(diags):
    return {d["message"].rsplit(": ", 1)[1]: d["message"] for d in diags if d.get("id") == "epub.image_fetch"}


def summary(diags):
    found = [d for d in diags if d.get("id") == "fetch.summary"]
    return found[0]["message"] if found else None


def chapter_text(epub):
    with zipfile.ZipFile(epub) as z:
        return "".join(z.read(n).decode() for n in z.namelist() if n.startswith("EPUB/text/"))


def images_in(epub):
    with zipfile.ZipFile(epub) as z:
        return sorted(n for n in z.namelist() if n.startswith("EPUB/images/"))


class Checks:
    def __init__(self):
        self.failures = []

    def check(self, ok, what):
        print(f"{'ok  ' if ok else 'FAIL'} {what}")
        if not ok:
            self.failures.append(what)


def main():
    args = arguments().parse_args()

    c = Checks()
    server = Server()
    work = pathlib.Path(tempfile.mkdtemp(prefix="sheaf-fetch-"))
    runner = Runner(args.sheaf, work)
    books = []
    try:
        good = [(server.url("/good.png"), "png alt", "PNG caption"),
                (server.url("/good.jpg"), "jpeg alt", "JPEG caption"),
                (server.url("/good.gif"), "gif alt", "GIF caption"),
                (server.url("/redirect/3"), "redirect alt", "Redirect caption"),
                (server.url("/png-labelled-html"), "mislabelled alt", "Mislabelled caption")]
        (work / "good.html").write_text(page("Good images", good), encoding="utf-8")
        cache = work / "cache"

        # Without --fetch-images: no request at all, the images stay links.
        code, diags = runner.run([str(work / "good.html"), "-o", str(work / "nofetch.epub"),
                                  "--cache-dir", str(cache)])
        c.check(code == 0 and server.total() == 0, f"no --fetch-images: exit {code}, {server.total()} requests")
        books.append(work / "nofetch.epub")

        # Every good image embedded, each URL requested once.
        code, diags = runner.run([str(work / "good.html"), "-o", str(work / "good.epub"), "--fetch-images",
                                  "--cache-dir", str(cache)])
        embedded = images_in(work / "good.epub") if code == 0 else []
        c.check(code == 0 and len(embedded) == 5, f"good: exit {code}, embedded {embedded}")
        c.check(not fetch_lines(diags), f"good: no epub.image_fetch line {fetch_lines(diags)}")
        c.check("remote-image" not in chapter_text(work / "good.epub") if code == 0 else False,
                "good: no image left as a link")
        with server.lock:
            counts = dict(server.counts)
        c.check(all(counts.get(p) == 1 for p in ("/good.png", "/good.jpg", "/good.gif", "/png-labelled-html",
                                                  "/redirect/3", "/redirect/0")),
                f"good: each URL (and redirect hop) requested once: {counts}")
        c.check(summary(diags) is not None and "0 not fetched (5 requests); 0 kept as links" in summary(diags),
                f"good: summary {summary(diags)}")
        c.check(all(a.startswith("sheaf/") for a in server.agents), f"User-Agent {server.agents}")
        c.check(not server.referers, f"no Referer sent: {server.referers}")
        books.append(work / "good.epub")

        # The same run again with the same cache: no request, the same images.
        before = server.total()
        code, diags = runner.run([str(work / "good.html"), "-o", str(work / "good-again.epub"), "--fetch-images",
                                  "--cache-dir", str(cache)])
        c.check(code == 0 and server.total() == before, f"second run: exit {code}, {server.total() - before} requests")
        c.check(code == 0 and images_in(work / "good-again.epub") == embedded, "second run: same images from the cache")
        c.check(summary(diags) is not None and "5 from the cache" in summary(diags), f"second run: {summary(diags)}")
        books.append(work / "good-again.epub")

        # Each failure: refused with its reason, the figure kept as a link with its caption.
        bad = {
            "/redirect/9": ("redirect-long alt", "too many redirects"),
            "/slow.png": ("slow alt", "timeout"),
            "/big.png": ("big alt", "larger than 102400 bytes"),
            "/html-labelled-png.png": ("html alt", "not a PNG, JPEG, GIF, WebP or SVG image"),
            "/missing.png": ("missing alt", "HTTP 404"),
            "/script.svg": ("svg alt", "SVG with active content: script"),
        }
        figures = [(server.url(p), alt, f"Caption of {alt}") for p, (alt, _) in bad.items()]
        (work / "bad.html").write_text(page("Refused images", figures), encoding="utf-8")
        fetch_args = ["--fetch-images", "--cache-dir", str(work / "cache-bad"), "--fetch-timeout", "1",
                      "--max-image-size", "100K"]
        started = time.monotonic()
        code, diags = runner.run([str(work / "bad.html"), "-o", str(work / "bad.epub"), *fetch_args])
        elapsed = time.monotonic() - started
        c.check(code == 0 and images_in(work / "bad.epub") == [], f"refused: exit {code}, nothing embedded")
        lines = fetch_lines(diags)
        text = chapter_text(work / "bad.epub") if code == 0 else ""
        for p, (alt, reason) in bad.items():
            url = server.url(p)
            line = lines.get(url, "")
            c.check(f"remote image not embedded ({reason}), kept as a link: {url}" == line,
                    f"refused {p}: {line or 'no epub.image_fetch line'}")
            c.check(f'<a href="{url}">{alt}</a>' in text and f"Caption of {alt}" in text,
                    f"refused {p}: link and caption kept")
        c.check(elapsed < SLOW_SECONDS + 3, f"the slow response was cut by --fetch-timeout ({elapsed:.1f} s)")
        c.check(summary(diags) is not None and summary(diags).endswith("4 not fetched (6 requests); 6 kept as links")
                and any(d.get("id") == "fetch.summary" and d["severity"] == "warning" for d in diags),
                f"refused: summary {summary(diags)}")
        books.append(work / "bad.epub")

        # --fail-on-missing-images: exit 99, no book written.
        code, diags = runner.run([str(work / "bad.html"), "-o", str(work / "bad-fail.epub"), *fetch_args,
                                  "--fail-on-missing-images"])
        c.check(code == 99 and not (work / "bad-fail.epub").exists(), f"--fail-on-missing-images: exit {code}")

        # --offline with an empty cache: no request, every image falls back.
        before = server.total()
        code, diags = runner.run([str(work / "good.html"), "-o", str(work / "offline.epub"), "--fetch-images",
                                  "--offline", "--cache-dir", str(work / "empty-cache")])
        lines = fetch_lines(diags)
        c.check(code == 0 and server.total() == before, f"offline: exit {code}, {server.total() - before} requests")
        c.check(len(lines) == 5 and all("(offline and not in the cache)" in l for l in lines.values()),
                f"offline: five fallbacks {list(lines.values())[:1]}")
        c.check(code == 0 and images_in(work / "offline.epub") == [], "offline: nothing embedded")
        books.append(work / "offline.epub")

        # Batch mode: two posts share an image; one fetcher for the run fetches it once.
        batch = work / "batch"
        batch.mkdir()
        (batch / "one.html").write_text(page("One", [(server.url("/shared.png"), "shared", "Shared one")]), "utf-8")
        (batch / "two.html").write_text(page("Two", [(server.url("/shared.png"), "shared", "Shared two"),
                                                     (server.url("/second.png"), "second", "Second")]), "utf-8")
        code, diags = runner.run([str(batch / "one.html"), str(batch / "two.html"), "-t", "epub", "--output-dir",
                                  str(work / "out"), "--fetch-images", "--cache-dir", str(work / "cache-batch"), "-j", "2"])
        with server.lock:
            shared = server.counts["/shared.png"]
        outs = sorted((work / "out").glob("*.epub")) if code == 0 else []
        c.check(code == 0 and len(outs) == 2 and shared == 1, f"batch: exit {code}, /shared.png requested {shared}x")
        c.check(all(images_in(p) for p in outs), "batch: both books embed the shared image")
        books.extend(outs)

        # Book mode with the batch's cache: no request; the shared image is embedded once.
        before = server.total()
        code, diags = runner.run([str(batch / "one.html"), str(batch / "two.html"), "-t", "epub", "-o",
                                  str(work / "book.epub"), "--fetch-images", "--cache-dir", str(work / "cache-batch")])
        book_images = images_in(work / "book.epub") if code == 0 else []
        c.check(code == 0 and server.total() == before and len(book_images) == 2,
                f"book: exit {code}, {server.total() - before} requests, images {book_images}")
        books.append(work / "book.epub")

        # HTTPS is verified: a self-signed certificate is refused.
        openssl = shutil.which("openssl")
        if openssl:
            key, cert = work / "key.pem", work / "cert.pem"
            subprocess.run([openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out",
                            str(cert), "-days", "1", "-subj", "/CN=127.0.0.1"], capture_output=True, check=True)
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(cert, key)
            tls = Server(context)
            try:
                url = tls.url("/good.png")
                (work / "tls.html").write_text(page("TLS", [(url, "tls alt", "TLS caption")]), encoding="utf-8")
                code, diags = runner.run([str(work / "tls.html"), "-o", str(work / "tls.epub"), "--fetch-images",
                                          "--cache-dir", str(work / "cache-tls")])
                line = fetch_lines(diags).get(url, "")
                c.check(code == 0 and "(TLS: " in line and tls.total() == 0,
                        f"self-signed HTTPS refused before any request: {line or 'no line'}")
                books.append(work / "tls.epub")
            finally:
                tls.stop()
        else:
            print("note: openssl not found; the HTTPS verification case was not run")

        command = epubcheck_command()
        if command is None:
            print("epubcheck or java missing: the EPUBs were not checked")
            return SKIP if not c.failures else 1
        failing = check_all(command, [p for p in books if p.exists()])
        c.check(failing == 0, f"epubcheck clean on {len(books)} books")
    finally:
        server.stop()
        shutil.rmtree(work, ignore_errors=True)
    print(f"{len(c.failures)} failures")
    return 1 if c.failures else 0


if __name__ == "__main__":
    sys.exit(main())
