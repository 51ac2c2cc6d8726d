"""Sessions for tests, doctests, lint, the docs build and more: ``nox -l`` lists them."""

from __future__ import annotations

import os
from pathlib import Path

import nox

nox.options.default_venv_backend = "uv|virtualenv"
nox.options.sessions = ["tests", "doctests", "lint"]
nox.options.reuse_existing_virtualenvs = True

PYTHON = "3.11"
ROOT = Path(__file__).parent
SHARED_CATALOG = ROOT.parent / "shared" / "data" / "catalog.toml"

os.environ.setdefault("UV_COMPILE_BYTECODE", "1")


def data_env() -> dict[str, str]:
    """Point the dataset loaders at the local copies beside the clone, when they exist."""
    if "NNSCRATCH_CATALOG" not in os.environ and SHARED_CATALOG.is_file():
        return {"NNSCRATCH_CATALOG": str(SHARED_CATALOG)}
    return {}


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """Run the test suite with a coverage report (fails under 95%)."""
    session.install("-e", ".[test]")
    session.run(
        "pytest",
        "--cov=nnscratch",
        "--cov-report=term-missing",
        "--cov-fail-under=95",
        *session.posargs,
        env=data_env(),
    )


@nox.session(python=PYTHON)
def doctests(session: nox.Session) -> None:
    """Run every Examples section in the library's docstrings."""
    session.install("-e", ".[test]")
    session.run(
        "pytest",
        "--doctest-modules",
        "-p",
        "no:cacheprovider",
        "src/nnscratch",
        *session.posargs,
        env=data_env(),
    )


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """Check style and formatting with ruff."""
    session.install("ruff")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
