"""Page weight: the bytes a first visit with an empty cache transfers for each public page, as nginx would send them.

    python bench/page_weight.py [--keep] [--language ar]
    make bench-weight

Serves the demo site as bench/http_load.py does (gunicorn, production settings, bench/site_server.py), opens each
kind of public page in a fresh Chromium context (Debian's /usr/bin/chromium through Playwright: no cache, no cookie),
and records every response the page loads: HTML, CSS, JavaScript, images, fonts. Text (HTML, CSS, JavaScript, SVG,
JSON) is counted gzip-compressed at level 6, as the nginx configuration of docs/deployment.md sends it
(`gzip_comp_level 6`; whitenoise's precompressed .gz files of the static folder are smaller still); images and fonts,
compressed already, as they are. Headers are not counted. Prints a table per page and kind, and the pages over the
budget (60 KB; the forum's pages are listed, and judged by the forum's own work).
"""

from __future__ import annotations

import argparse
import gzip
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import site_server  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]  # fmt: skip
BUDGET = 60 * 1024
TEXT = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")
KINDS = ("html", "css", "js", "image", "font", "other")


@dataclass
class Weight:
    """Bytes per kind of one page's first visit."""

    kinds: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    raw: int = 0  # the same, uncompressed
    requests: int = 0
    missing: list[str] = field(default_factory=list)  # answers 4xx/5xx (a broken image would look light)

    @property
    def total(self) -> int:
        return sum(self.kinds.values())


def kind_of(content_type: str, resource_type: str) -> str:
    content_type = content_type.split(";")[0].strip().lower()
    if resource_type == "document" or content_type == "text/html":
        return "html"
    if content_type == "text/css":
        return "css"
    if "javascript" in content_type:
        return "js"
    if content_type.startswith("image/"):
        return "image"
    if content_type.startswith("font/") or "font" in content_type:
        return "font"
    return "other"


def sent_size(body: bytes, content_type: str) -> int:
    """The bytes nginx sends: text gzipped at level 6 (when that is smaller), anything else as it is."""
    if content_type.split(";")[0].strip().lower().startswith(TEXT) and len(body) > 20:  # nginx's gzip_min_length
        return min(len(body), len(gzip.compress(body, compresslevel=6, mtime=0)))
    return len(body)


def serve_media(route, media_root: Path) -> None:
    """/media/ as nginx serves it (gunicorn never does in production): the file from MEDIA_ROOT, or 404."""
    name = unquote(urlsplit(route.request.url).path).removeprefix("/media/")
    path = (media_root / name).resolve()
    if path.is_file() and path.is_relative_to(media_root.resolve()):
        route.fulfill(status=200, path=str(path))
    else:
        route.fulfill(status=404, body="")


def weigh(browser, url: str, media_root: Path) -> Weight:
    weight = Weight()
    context = browser.new_context()  # empty cache, no cookie
    context.route("**/media/**", lambda route: serve_media(route, media_root))
    page = context.new_page()
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(url, wait_until="networkidle")
    for response in responses:
        try:
            body = response.body()
        except Exception:  # noqa: BLE001 - a redirect or an aborted request has no body
            continue
        content_type = response.headers.get("content-type", "")
        if response.status >= 400:
            weight.missing.append(unquote(urlsplit(response.url).path))
        weight.kinds[kind_of(content_type, response.request.resource_type)] += sent_size(body, content_type)
        weight.raw += len(body)
        weight.requests += 1
    context.close()
    return weight


def format_table(weights: dict[str, Weight]) -> str:
    kb = 1024
    lines = [
        "| page | requests | HTML | CSS | JS | images | fonts | other | total sent (KB) | uncompressed (KB) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, w in weights.items():
        cells = " | ".join(f"{w.kinds[k] / kb:.1f}" for k in KINDS)
        flag = " **over**" if w.total > BUDGET else ""
        lines.append(f"| {name} | {w.requests} | {cells} | {w.total / kb:.1f}{flag} | {w.raw / kb:.1f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--keep", action="store_true", help="keep the database (and reuse it next time)")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    weights: dict[str, Weight] = {}
    with site_server.running_site(workers=args.workers, keep=args.keep) as site:
        paths = site_server.public_pages()
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            try:
                for name, path in paths.items():
                    shown = unquote(path) if len(unquote(path)) < 50 else unquote(path)[:47] + "…"
                    url = f"http://127.0.0.1:{site.port}{path}"
                    weights[f"{name} (`{shown}`)"] = weigh(browser, url, Path(os.environ["MEDIA_ROOT"]))
            finally:
                browser.close()
    print()
    print(format_table(weights))
    over = [name for name, w in weights.items() if w.total > BUDGET and "forum" not in name and "topic" not in name]
    for name, w in weights.items():
        if w.missing:
            print(f"{name}: missing {', '.join(w.missing)}")
    print(f"\nbudget {BUDGET // 1024} KB per page: " + (f"over it: {', '.join(over)}" if over else "every page within"))


if __name__ == "__main__":
    main()
