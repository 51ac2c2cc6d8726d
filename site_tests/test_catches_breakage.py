"""The checker fails, naming the page, on a build copy with an image deleted or a link broken.

These run ``sitecheck.check_page`` on a broken copy served from a temporary directory; the real
build is never touched.
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
import sitecheck
from playwright.sync_api import Browser, BrowserContext


@pytest.fixture(scope="module")
def broken_site(site_root: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sitecheck.copy_site(site_root, tmp_path_factory.mktemp("site") / "html")


@pytest.fixture(scope="module")
def broken_url(broken_site: Path) -> Iterator[str]:
    with sitecheck.serve(broken_site) as url:
        yield url


@pytest.fixture
def fresh_context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context()
    context.set_default_timeout(20_000)
    sitecheck.block_outside(context)
    yield context
    context.close()


def _first_figure_page(site: Path, pages: list[str]) -> tuple[str, str]:
    """An exercise page and the ``src`` of the first figure it shows."""
    for rel in pages:
        if not sitecheck.is_example_page(rel):
            continue
        html = (site / rel).read_text(encoding="utf-8")
        tags = re.findall(r"<img [^>]*sphx-glr-(?:single|multi)-img[^>]*>", html)
        found = re.search(r'src="([^"]+)"', tags[0]) if tags else None
        if found:
            return rel, found.group(1)
    pytest.skip("no exercise page with a figure in this build")


def test_a_deleted_image_fails_naming_the_page(
    broken_site: Path, broken_url: str, pages: list[str], fresh_context: BrowserContext
):
    rel, src = _first_figure_page(broken_site, pages)
    image = (broken_site / rel).parent / urllib.parse.unquote(src)
    image.resolve().unlink()
    page = fresh_context.new_page()
    problems = sitecheck.check_page(page, broken_url, rel)
    name = Path(src).name
    assert any(
        p.startswith(f"{rel}: image ") and name in p and "did not load" in p for p in problems
    ), problems
    assert any(p.startswith(f"{rel}: request failed: ") and name in p for p in problems), problems


def test_a_broken_link_fails_naming_the_page(
    broken_site: Path, broken_url: str, fresh_context: BrowserContext
):
    rel = "index.html"
    html_path = broken_site / rel
    html = html_path.read_text(encoding="utf-8")
    # Point the landing page's first link to a lecture at a page that does not exist.
    broken, count = re.subn(
        r'href="lectures/lecture\d\d\.html"', 'href="lectures/lecture99.html"', html, count=1
    )
    assert count == 1, "the landing page links to no lecture"
    # And one anchor that no element carries.
    broken = broken.replace(
        "</article>", '<a href="install.html#no-such-section">x</a></article>', 1
    )
    html_path.write_text(broken, encoding="utf-8")
    page = fresh_context.new_page()
    problems = sitecheck.check_page(page, broken_url, rel, sitecheck.LinkChecker())
    assert f"{rel}: link to lectures/lecture99.html answers 404" in problems, problems
    assert (
        f"{rel}: link to install.html#no-such-section: no element with id 'no-such-section'"
        in problems
    ), problems
