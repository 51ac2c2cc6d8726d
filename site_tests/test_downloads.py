"""The download-all zips of the exercise gallery (each exercise's own downloads are checked by
``sitecheck.check_page``, on the page load test_pages.py does anyway)."""

from __future__ import annotations

import io
import urllib.parse
import urllib.request
import zipfile

import sitecheck
from playwright.sync_api import BrowserContext

GALLERY = "auto_examples/index.html"


def test_download_all_zips(context: BrowserContext, base_url: str, pages: list[str]):
    """The gallery's index offers every exercise in two zips, one of scripts, one of notebooks."""
    page = context.new_page()
    try:
        page.goto(urllib.parse.urljoin(base_url, GALLERY), wait_until="domcontentloaded")
        urls = sitecheck.download_links(page)
    finally:
        page.close()
    zips = {url.rsplit("/", 1)[-1]: url for url in urls if url.endswith(".zip")}
    assert set(zips) == {"auto_examples_python.zip", "auto_examples_jupyter.zip"}, (
        f"{GALLERY}: download-all links {urls}"
    )
    examples = {
        p.rsplit("/", 1)[-1].removesuffix(".html") for p in pages if sitecheck.is_example_page(p)
    }
    for name, suffix in (
        ("auto_examples_python.zip", ".py"),
        ("auto_examples_jupyter.zip", ".ipynb"),
    ):
        problems = sitecheck.check_download(zips[name], GALLERY)
        assert not problems, "\n".join(problems)
        with urllib.request.urlopen(zips[name], timeout=10) as response:
            names = zipfile.ZipFile(io.BytesIO(response.read())).namelist()
        inside = {n.rsplit("/", 1)[-1].removesuffix(suffix) for n in names if n.endswith(suffix)}
        assert examples <= inside, f"{GALLERY}: {name} lacks {sorted(examples - inside)}"
