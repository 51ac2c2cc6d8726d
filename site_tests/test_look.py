"""How the site looks: dark mode, contrast, a phone-sized screen, and screenshots for a person.

Screenshots go to artifacts/screenshots/ (gitignored): the landing page, a lecture page and an
exercise page, in light and dark mode and on a phone.
"""

from __future__ import annotations

import urllib.parse
from pathlib import Path

import pytest
import sitecheck
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage

# The pages a person looks at; the first lecture and the first exercise page of the build.
LANDING = "index.html"


def _shown_pages(pages: list[str]) -> dict[str, str]:
    lecture = next(p for p in pages if sitecheck.is_lecture_page(p))
    example = next(p for p in pages if sitecheck.is_example_page(p))
    return {"landing": LANDING, "lecture": lecture, "exercise": example}


def _wait_for_math(page) -> None:
    page.evaluate(
        "async () => { if (window.MathJax?.startup?.promise) await MathJax.startup.promise; }"
    )


@pytest.mark.parametrize("kind", ["landing", "lecture", "exercise"])
def test_light_and_dark_mode_are_readable(
    context: BrowserContext, base_url: str, pages: list[str], screenshots: Path, kind: str
):
    rel = _shown_pages(pages)[kind]
    page = context.new_page()
    try:
        page.goto(urllib.parse.urljoin(base_url, rel), wait_until="load")
        _wait_for_math(page)
        problems = []
        for mode in ("light", "dark"):
            reached = sitecheck.set_theme(page, mode)
            assert reached == mode, f"{rel}: the theme switch never reached {mode} ({reached})"
            page.wait_for_timeout(300)  # the theme's colour transitions
            assert page.locator(f'html[data-theme="{mode}"]').count() == 1
            problems.extend(sitecheck.check_contrast(page, rel, mode))
            page.screenshot(path=screenshots / f"{kind}-{mode}.png", full_page=True)
        sitecheck.set_theme(page, "light")
    finally:
        page.close()
    assert not problems, "\n".join(problems)


def test_lecture_pages_fit_a_phone(
    browser: Browser, base_url: str, lecture: str, screenshots: Path
):
    """At 390 px wide nothing on a lecture page makes the whole page scroll sideways."""
    context = _phone_context(browser)
    try:
        page = context.new_page()
        problems = sitecheck.check_no_horizontal_scroll(page, base_url, lecture)
        name = lecture.rsplit("/", 1)[-1].removesuffix(".html")
        page.screenshot(path=screenshots / f"phone-{name}.png", full_page=False)
    finally:
        context.close()
    assert not problems, "\n".join(problems)


def _phone_context(browser: Browser) -> BrowserContext:
    context = browser.new_context(
        viewport={"width": sitecheck.PHONE_WIDTH, "height": 844},
        device_scale_factor=1,
        is_mobile=True,
        has_touch=True,
    )
    context.set_default_timeout(20_000)
    sitecheck.block_outside(context)
    return context


def test_first_visit_has_a_theme_mode(browser: Browser, base_url: str):
    """A first visit (nothing in localStorage) logs no theme error.

    pydata-sphinx-theme writes ``localStorage.getItem("mode") || "{{ default_mode }}"`` into every
    page; with no ``default_mode`` in the HTML context the mode is "" and the theme logs
    "Got invalid theme mode: . Resetting to auto." on the first page a reader opens. The fix is
    ``html_context = {"default_mode": "auto"}`` in docs/conf.py.
    """
    context = browser.new_context()
    sitecheck.block_outside(context)
    errors: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            errors.append(message.text)

    try:
        page = context.new_page()
        page.on("console", on_console)
        page.goto(urllib.parse.urljoin(base_url, LANDING), wait_until="load")
    finally:
        context.close()
    assert sitecheck.THEME_MODE_ERROR not in errors, (
        f"{LANDING}: first visit logs {sitecheck.THEME_MODE_ERROR!r}: set "
        'html_context = {"default_mode": "auto"} in docs/conf.py'
    )
