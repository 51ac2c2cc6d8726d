"""Check the built site in a real browser: the functions the tests of ``site_tests/`` call.

Every check takes a Playwright page (or context) and the address of the served site, and returns
a list of problems, one string each, that names the page it was found on. An empty list means the
page passed. The tests assert on these lists; the meta-tests run the same functions on a broken copy
of the site to show that they catch breakage.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import re
import shutil
import threading
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from playwright.sync_api import BrowserContext, ConsoleMessage, Page, Request, Response, Route

HOST = "127.0.0.1"
CHROMIUM = Path("/usr/bin/chromium")
# Debian's Chromium, told to make no request of its own (updates, sync, field trials, QUIC probes):
# on a closed network those would be refused and on an open one they would leave the machine.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Build output that is not a page: assets, sources and downloads.
NOT_PAGES = ("_static", "_sources", "_images", "_downloads")
PHONE_WIDTH = 390
MIN_CONTRAST = 4.5


# --- Serving the build --------------------------------------------------------------------------
class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve(root: Path) -> Iterator[str]:
    """Serve ``root`` on 127.0.0.1 at an ephemeral port; yield the base URL (ending in ``/``)."""
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer((HOST, 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://{HOST}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def discover_pages(root: Path) -> list[str]:
    """Every HTML page of the build, as paths relative to ``root`` with ``/`` separators."""
    pages = []
    for path in sorted(root.rglob("*.html")):
        rel = path.relative_to(root)
        if rel.parts[0] in NOT_PAGES:
            continue
        pages.append(rel.as_posix())
    return pages


def is_lecture_page(rel: str) -> bool:
    return re.fullmatch(r"lectures/lecture\d\d\.html", rel) is not None


def is_example_page(rel: str) -> bool:
    """A sphinx-gallery exercise page (not a gallery index)."""
    return re.fullmatch(r"auto_examples/lecture\d\d/ex\d\d_\w+\.html", rel) is not None


def is_local(url: str) -> bool:
    parsed = urllib.parse.urlsplit(url)
    return parsed.scheme in ("data", "blob", "about") or parsed.hostname == HOST


# --- Every request a context makes --------------------------------------------------------------
@dataclass
class RequestLog:
    """The requests that left (or tried to leave) 127.0.0.1, by the page that made them."""

    outside: list[str] = field(default_factory=list)


def block_outside(context: BrowserContext) -> RequestLog:
    """Abort every request not addressed to 127.0.0.1 and remember its URL.

    Only outside requests are routed (a negative look-ahead pattern), so the site's own requests go
    straight to the server and keep the browser cache.
    """
    log = RequestLog()

    def abort(route: Route) -> None:
        url = route.request.url
        if is_local(url):
            route.continue_()
            return
        log.outside.append(url)
        route.abort("blockedbyclient")

    context.route(re.compile(rf"^(?!https?://{re.escape(HOST)}[:/])"), abort)
    return log


# --- Links and anchors, checked once per site ---------------------------------------------------
class _IdParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("id", "name") and value:
                self.ids.add(value)


class LinkChecker:
    """Fetch each internal target once (HTTP status, and the ids of an HTML page)."""

    def __init__(self) -> None:
        self._status: dict[str, int] = {}
        self._ids: dict[str, set[str]] = {}

    def status(self, url: str) -> int:
        if url not in self._status:
            try:
                with urllib.request.urlopen(url, timeout=10) as response:
                    body = response.read()
                    self._status[url] = response.status
                    if url.endswith((".html", "/")):
                        parser = _IdParser()
                        parser.feed(body.decode("utf-8", "replace"))
                        self._ids[url] = parser.ids
            except urllib.error.HTTPError as error:
                self._status[url] = error.code
            except OSError:
                self._status[url] = 0
        return self._status[url]

    def has_anchor(self, url: str, fragment: str) -> bool:
        ids = self._ids.get(url)
        return ids is None or urllib.parse.unquote(fragment) in ids


def check_links(page: Page, url: str, name: str, links: LinkChecker) -> list[str]:
    """Every ``<a href>`` to this site answers 200, and its ``#anchor`` exists on the target."""
    problems = []
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(a => a.href)")
    for href in sorted(set(hrefs)):
        if not href.startswith(("http://", "https://")) or not is_local(href):
            continue
        target, _, fragment = href.partition("#")
        status = links.status(target)
        if status != 200:
            problems.append(f"{name}: link to {_rel(target, url)} answers {status}")
        elif fragment and not links.has_anchor(target, fragment):
            problems.append(f"{name}: link to {_rel(href, url)}: no element with id {fragment!r}")
    return problems


def _rel(target: str, base: str) -> str:
    """``target`` relative to the site root, for messages."""
    root = urllib.parse.urljoin(base, "/")
    return target[len(root) :] if target.startswith(root) else target


# --- One page -----------------------------------------------------------------------------------
# Lazy images load only when scrolled into view: load them all, then report the ones that failed.
_IMAGES_JS = """
async () => {
  const images = Array.from(document.images);
  for (const img of images) if (img.loading === "lazy") img.loading = "eager";
  await Promise.all(images.map(img => img.complete ? null : new Promise(done => {
    img.addEventListener("load", done); img.addEventListener("error", done);
    setTimeout(done, 5000);
  })));
  return images.map(img => ({
    src: img.currentSrc || img.src,
    alt: img.getAttribute("alt"),
    width: img.naturalWidth,
    classes: img.className,
    // sphinx-gallery marks its thumbnails decorative (alt="") next to the linked title.
    thumbnail: Boolean(img.closest(".sphx-glr-thumbcontainer")),
  }));
}
"""

# Text a reader sees in the article, without code, MathJax's own output and the math sources it
# replaced: a `$` or `\\(` left in what remains is math that did not render.
_ARTICLE_TEXT_JS = """
() => {
  const article = document.querySelector("article") || document.body;
  const copy = article.cloneNode(true);
  copy.querySelectorAll("pre, code, script, style, mjx-container, mjx-assistive-mml, .MathJax")
    .forEach(el => el.remove());
  return copy.textContent;
}
"""

_MATH_JS = """
async () => {
  if (window.MathJax && MathJax.startup && MathJax.startup.promise) {
    await MathJax.startup.promise;
  }
  return {
    hasMathJax: Boolean(window.MathJax && MathJax.startup),
    sources: document.querySelectorAll("span.math, div.math").length,
    unrendered: Array.from(document.querySelectorAll("span.math, div.math"))
      .filter(el => !el.querySelector("mjx-container"))
      .map(el => el.textContent.trim().slice(0, 60)),
    rendered: document.querySelectorAll("mjx-container").length,
    errors: Array.from(document.querySelectorAll("mjx-merror"))
      .map(el => (el.getAttribute("data-mjx-error") || el.textContent).slice(0, 80)),
  };
}
"""

# Reported once, by test_look.py::test_first_visit_has_a_theme_mode, not on every first page a new
# context opens: pydata-sphinx-theme logs this when no `default_mode` is configured and the browser
# has no stored mode yet.
THEME_MODE_ERROR = "Got invalid theme mode: . Resetting to auto."

RAW_MATH = re.compile(r"\$|\\\(|\\\)|\\\[|\\\]|\\begin\{")


def check_page(page: Page, base_url: str, rel: str, links: LinkChecker | None = None) -> list[str]:
    """Load ``rel`` from the served site and return every problem found on it."""
    url = urllib.parse.urljoin(base_url, rel)
    console: list[str] = []
    failed: list[str] = []
    outside: list[str] = []

    def on_request(request: Request) -> None:
        if not is_local(request.url):
            outside.append(request.url)

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error" and message.text != THEME_MODE_ERROR:
            console.append(message.text)

    def on_failed(request: Request) -> None:
        if is_local(request.url):
            failed.append(f"{_rel(request.url, url)} ({request.failure})")

    def on_response(response: Response) -> None:
        if response.status >= 400:
            failed.append(f"{_rel(response.url, url)} (HTTP {response.status})")

    def on_error(error: Exception) -> None:
        console.append(f"uncaught {error}")

    listeners = {
        "request": on_request,
        "console": on_console,
        "pageerror": on_error,
        "requestfailed": on_failed,
        "response": on_response,
    }
    for event, listener in listeners.items():
        page.on(event, listener)
    try:
        return _check_loaded_page(page, url, rel, links, console, failed, outside)
    finally:
        # The page may be reused for the next check: stop listening for this one.
        for event, listener in listeners.items():
            page.remove_listener(event, listener)


def _check_loaded_page(
    page: Page,
    url: str,
    rel: str,
    links: LinkChecker | None,
    console: list[str],
    failed: list[str],
    outside: list[str],
) -> list[str]:
    problems: list[str] = []
    response = page.goto(url, wait_until="load")
    if response is None or response.status != 200:
        status = response.status if response else "no response"
        return [f"{rel}: answers {status}"]
    math = page.evaluate(_MATH_JS)
    images = page.evaluate(_IMAGES_JS)

    # Every image needs an alt text, with one exception: sphinx-gallery's thumbnails (in
    # `.sphx-glr-thumbcontainer`) have alt="" from THUMBNAIL_TEMPLATE in
    # sphinx_gallery/backreferences.py (`.. image:: /{thumbnail}` with an empty `:alt:`), i.e. are
    # marked decorative; the exercise's title is the text right below them. A thumbnail without the
    # attribute, and any other image with an empty one, is still a failure.
    for image in images:
        src = _rel(image["src"], url)
        if image["width"] == 0:
            problems.append(f"{rel}: image {src} did not load")
        if image["alt"] is None:
            problems.append(f"{rel}: image {src} has no alt attribute")
        elif not image["alt"].strip() and not image["thumbnail"]:
            problems.append(f"{rel}: image {src} has an empty alt text")

    if math["sources"] and not math["hasMathJax"]:
        problems.append(f"{rel}: {math['sources']} math elements but MathJax is not loaded")
    for source in math["unrendered"]:
        problems.append(f"{rel}: math not rendered: {source!r}")
    for error in math["errors"]:
        problems.append(f"{rel}: MathJax error: {error}")
    if is_lecture_page(rel):
        if math["rendered"] == 0:
            problems.append(f"{rel}: a lecture page with no rendered math")
        text = page.evaluate(_ARTICLE_TEXT_JS)
        for found in RAW_MATH.finditer(text):
            context = text[max(0, found.start() - 40) : found.end() + 40].replace("\n", " ")
            problems.append(f"{rel}: raw math left in the text: ...{context}...")

    if is_example_page(rel):
        outputs = page.locator(
            "img.sphx-glr-single-img, img.sphx-glr-multi-img, div.sphx-glr-script-out, "
            "div.output_subarea"
        ).count()
        if outputs == 0:
            problems.append(f"{rel}: an exercise page with no figure and no printed output")
        problems.extend(check_downloads(page, rel))

    if links is not None:
        problems.extend(check_links(page, url, rel, links))

    problems.extend(f"{rel}: request leaves {HOST}: {u}" for u in sorted(set(outside)))
    problems.extend(f"{rel}: console error: {text}" for text in console)
    problems.extend(f"{rel}: request failed: {text}" for text in sorted(set(failed)))
    return problems


# --- Downloads of the exercise gallery ----------------------------------------------------------
def _fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def check_download(url: str, name: str) -> list[str]:
    """A downloaded ``.py`` compiles, an ``.ipynb`` is JSON with cells, a ``.zip`` holds either."""
    status, body = _fetch(url)
    label = f"{name}: download {urllib.parse.unquote(url.rsplit('/', 1)[-1])}"
    if status != 200:
        return [f"{label} answers {status}"]
    if url.endswith(".py"):
        try:
            compile(body, url, "exec")
        except SyntaxError as error:
            return [f"{label} is not Python: {error}"]
    elif url.endswith(".ipynb"):
        try:
            notebook = json.loads(body)
        except ValueError as error:
            return [f"{label} is not JSON: {error}"]
        if not isinstance(notebook, dict) or not notebook.get("cells"):
            return [f"{label} has no cells"]
    elif url.endswith(".zip"):
        import io

        try:
            names = zipfile.ZipFile(io.BytesIO(body)).namelist()
        except zipfile.BadZipFile as error:
            return [f"{label} is not a zip file: {error}"]
        if not any(n.endswith((".py", ".ipynb")) for n in names):
            return [f"{label} holds no script or notebook"]
    else:
        return [f"{label}: not a .py, .ipynb or .zip file"]
    return []


DOWNLOAD_LINKS = "div.sphx-glr-download a[href]"


def download_links(page: Page) -> list[str]:
    """The URLs of the "Download" links of the gallery page loaded in ``page``."""
    return page.eval_on_selector_all(DOWNLOAD_LINKS, "els => [...new Set(els.map(a => a.href))]")


def check_downloads(page: Page, rel: str) -> list[str]:
    """An exercise page offers its script and its notebook, and both download intact."""
    urls = download_links(page)
    kinds = {url.rsplit(".", 1)[-1] for url in urls}
    problems = [
        f"{rel}: no download link for a .{kind} file"
        for kind in ("py", "ipynb")
        if kind not in kinds
    ]
    for url in urls:
        problems.extend(check_download(url, rel))
    return problems


# --- Search -----------------------------------------------------------------------------------
def search(page: Page, base_url: str, query: str) -> list[str]:
    """Type ``query`` into the search box of the landing page; return the pages found.

    The theme's search button opens a dialog (Ctrl+K) whose form submits to ``search.html``, where
    Sphinx's searchtools fill ``#search-results``; the list is complete once the summary says so.
    """
    page.goto(urllib.parse.urljoin(base_url, "index.html"), wait_until="load")
    page.locator("button.search-button__button").first.click()
    box = page.locator("#pst-search-dialog input[name=q]")
    box.fill(query)
    box.press("Enter")
    page.wait_for_url(re.compile(r"/search\.html\?q="))
    page.wait_for_function(
        """() => {
          const summary = document.querySelector("#search-results .search-summary");
          return summary && /Search finished|did not match/.test(summary.textContent);
        }""",
        timeout=20_000,
    )
    hrefs = page.eval_on_selector_all(
        "#search-results ul.search li > a", "els => els.map(a => a.href)"
    )
    root = urllib.parse.urljoin(base_url, "/")
    return [href.split("#")[0].split("?")[0][len(root) :] for href in hrefs]


# --- Colours ------------------------------------------------------------------------------------
# The colour of each element's text and the first opaque background behind it.
_COLOURS_JS = """
selectors => {
  const parse = c => (c.match(/[\\d.]+/g) || []).map(Number);
  const background = el => {
    for (; el; el = el.parentElement) {
      const c = parse(getComputedStyle(el).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0.99)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const out = [];
  for (const selector of selectors) {
    const el = Array.from(document.querySelectorAll(selector))
      .find(e => e.offsetParent !== null && e.textContent.trim());
    if (!el) continue;
    out.push({selector, fg: parse(getComputedStyle(el).color).slice(0, 3), bg: background(el)});
  }
  return out;
}
"""
TEXT_SELECTORS = [
    "article p",
    "article h1",
    "article h2",
    "article li",
    "article a.reference",
    "article pre",
    "article .admonition p",
    "nav.bd-links a",
    "div.bd-toc-item a",
]


def contrast_ratio(fg: list[float], bg: list[float]) -> float:
    """WCAG 2 contrast ratio of two sRGB colours given as 0-255 triples."""

    def luminance(rgb: list[float]) -> float:
        def linear(c: float) -> float:
            c /= 255
            return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

        r, g, b = (linear(c) for c in rgb)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def check_contrast(page: Page, rel: str, mode: str) -> list[str]:
    problems = []
    for item in page.evaluate(_COLOURS_JS, TEXT_SELECTORS):
        ratio = contrast_ratio(item["fg"], item["bg"])
        if ratio < MIN_CONTRAST:
            problems.append(
                f"{rel} ({mode}): {item['selector']} text rgb{tuple(item['fg'])} on "
                f"rgb{tuple(item['bg'])} has contrast {ratio:.2f} < {MIN_CONTRAST}"
            )
    return problems


def set_theme(page: Page, mode: str) -> str:
    """Pick ``mode`` in the theme's colour-mode menu; return the ``data-theme`` reached.

    pydata-sphinx-theme 0.20's switch is a dropdown (``.theme-switch-button``) of
    ``.theme-change-button`` items: System Settings, Light, Dark.
    """
    page.locator(".theme-switch-button:visible").first.click()
    page.locator(f'.theme-change-button[data-mode="{mode}"]:visible').first.click()
    # Close the menu and its tooltip, so that neither covers the page in a screenshot.
    page.keyboard.press("Escape")
    page.mouse.move(0, 0)
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    return page.get_attribute("html", "data-theme") or ""


# --- Layout on a phone --------------------------------------------------------------------------
_OVERFLOW_JS = """
() => {
  const width = window.innerWidth;
  const wide = [];
  for (const el of document.querySelectorAll("body *")) {
    const box = el.getBoundingClientRect();
    if (box.right > width + 1 && box.width > 0 && el.offsetParent !== null) {
      // Report the outermost offenders only.
      if (!wide.some(w => w.contains(el))) wide.push(el);
    }
  }
  return {
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: width,
    wide: wide.slice(0, 5).map(el =>
      el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
      (el.className && typeof el.className === "string"
        ? "." + el.className.trim().split(/\\s+/).join(".") : "") +
      ` (right edge ${Math.round(el.getBoundingClientRect().right)} px)`),
  };
}
"""


def check_no_horizontal_scroll(page: Page, base_url: str, rel: str) -> list[str]:
    page.goto(urllib.parse.urljoin(base_url, rel), wait_until="load")
    page.evaluate(
        "async () => { if (window.MathJax?.startup?.promise) await MathJax.startup.promise; }"
    )
    layout = page.evaluate(_OVERFLOW_JS)
    if layout["scrollWidth"] <= layout["innerWidth"] + 1:
        return []
    return [
        f"{rel}: scrolls sideways at {layout['innerWidth']} px (document is "
        f"{layout['scrollWidth']} px wide); widest: {', '.join(layout['wide']) or 'unknown'}"
    ]


# --- A copy of the build to break ---------------------------------------------------------------
def copy_site(root: Path, to: Path) -> Path:
    """A copy of the build that the meta-tests may break without touching the original."""
    shutil.copytree(root, to, ignore=shutil.ignore_patterns(".doctrees"))
    return to
