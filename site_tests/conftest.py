"""Fixtures of the browser tests: the served build, one Chromium, one context per test module.

Run by ``nox -s site`` after ``nox -s docs``. Not part of ``nox -s tests``: pytest's testpaths
there is ``tests/`` only. ``--site-dir`` (or ``NNSCRATCH_SITE_DIR``) tests another build.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import sitecheck
from playwright.sync_api import Browser, BrowserContext, Playwright, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SITE = ROOT / "docs" / "_build" / "html"
SCREENSHOTS = ROOT / "artifacts" / "screenshots"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--site-dir",
        default=os.environ.get("NNSCRATCH_SITE_DIR", str(DEFAULT_SITE)),
        help="the built HTML site to test (default: docs/_build/html)",
    )


def pytest_configure(config: pytest.Config) -> None:
    site = Path(config.getoption("--site-dir"))
    if not (site / "index.html").is_file():
        pytest.exit(f"no built site in {site}: run nox -s docs first", returncode=2)
    if not sitecheck.CHROMIUM.is_file():
        pytest.exit(
            f"{sitecheck.CHROMIUM} is missing: apt-get install chromium (never `playwright "
            "install`: the tests use Debian's browser)",
            returncode=2,
        )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """``rel`` runs a test on every page; ``example`` on every exercise page of the gallery."""
    site = Path(metafunc.config.getoption("--site-dir"))
    pages = sitecheck.discover_pages(site)
    if "rel" in metafunc.fixturenames:
        metafunc.parametrize("rel", pages)
    if "example" in metafunc.fixturenames:
        metafunc.parametrize("example", [p for p in pages if sitecheck.is_example_page(p)])
    if "lecture" in metafunc.fixturenames:
        metafunc.parametrize("lecture", [p for p in pages if sitecheck.is_lecture_page(p)])


@pytest.fixture(scope="session")
def site_root(pytestconfig: pytest.Config) -> Path:
    return Path(pytestconfig.getoption("--site-dir")).resolve()


@pytest.fixture(scope="session")
def pages(site_root: Path) -> list[str]:
    return sitecheck.discover_pages(site_root)


@pytest.fixture(scope="session")
def base_url(site_root: Path) -> Iterator[str]:
    with sitecheck.serve(site_root) as url:
        yield url


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    browser = playwright.chromium.launch(
        executable_path=str(sitecheck.CHROMIUM), args=sitecheck.CHROMIUM_ARGS
    )
    yield browser
    browser.close()


@pytest.fixture(scope="module")
def context(browser: Browser) -> Iterator[BrowserContext]:
    """A desktop-sized context whose requests outside 127.0.0.1 are aborted."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(20_000)
    sitecheck.block_outside(context)
    yield context
    context.close()


@pytest.fixture(scope="session")
def links() -> sitecheck.LinkChecker:
    """Each internal link target is fetched once for the whole run."""
    return sitecheck.LinkChecker()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
