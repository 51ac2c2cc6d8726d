"""Every page of the built site, loaded in Chromium: see ``sitecheck.check_page``."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import sitecheck
from playwright.sync_api import BrowserContext, Page


@pytest.fixture(scope="module")
def page(context: BrowserContext) -> Iterator[Page]:
    """One tab for every page: a new tab per page costs a renderer start each time."""
    page = context.new_page()
    yield page
    page.close()


def test_page(page: Page, base_url: str, links: sitecheck.LinkChecker, rel: str):
    problems = sitecheck.check_page(page, base_url, rel, links)
    assert not problems, "\n".join(problems)
