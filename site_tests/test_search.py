"""The search box finds the pages a student would look for, and nothing for nonsense."""

from __future__ import annotations

import fnmatch

import pytest
import sitecheck
from playwright.sync_api import BrowserContext

# query -> the pages (globs) of which at least one must be among the results. An expectation is
# skipped, with a note, only when none of its pages is in the build yet.
EXPECTED = {
    "sigmoid": ["lectures/lecture13.html", "auto_examples/lecture08/ex08_1c_*.html"],
    "gradient descent": ["lectures/lecture09.html"],
    "confusion matrix": ["auto_examples/lecture15/ex15_6e_*.html", "lectures/lecture15.html"],
}


@pytest.mark.parametrize("query", list(EXPECTED))
def test_search_finds(context: BrowserContext, base_url: str, pages: list[str], query: str):
    expected = [p for p in pages if any(fnmatch.fnmatch(p, g) for g in EXPECTED[query])]
    if not expected:
        note = f"none of {EXPECTED[query]} is in the build: the search for {query!r} is not checked"
        print(note)
        pytest.skip(note)
    page = context.new_page()
    try:
        found = sitecheck.search(page, base_url, query)
    finally:
        page.close()
    missing = [p for p in expected if p not in found]
    # Every expected page that exists must be found (sigmoid: lecture 13 and exercise 8.1c).
    assert not missing, f"search for {query!r} misses {missing}; it found {found}"


def test_search_nonsense_finds_nothing(context: BrowserContext, base_url: str):
    page = context.new_page()
    try:
        found = sitecheck.search(page, base_url, "qzxvbnmwrtpl")
        summary = page.inner_text("#search-results .search-summary")
    finally:
        page.close()
    assert found == [], found
    assert "did not match" in summary
