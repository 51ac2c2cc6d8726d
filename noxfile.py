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


# --- The documentation site -------------------------------------------------------------------
# MathJax comes from the npm registry and is copied into docs/_static/mathjax (gitignored) so that
# math renders with no network; docs/conf.py points `mathjax_path` at it. The npm install lives in
# .nox/ (gitignored) and happens once per machine.
MATHJAX_SPEC = "mathjax@3"
MATHJAX_NPM_PREFIX = ROOT / ".nox" / "_npm_mathjax"
MATHJAX_STATIC = ROOT / "docs" / "_static" / "mathjax"
DOCS = ROOT / "docs"
DOCS_GENERATED = [DOCS / "_build", DOCS / "auto_examples", DOCS / "generated"]


def ensure_mathjax(session: nox.Session) -> None:
    """Copy MathJax's ``es5`` bundle (scripts and fonts) into ``docs/_static/mathjax``."""
    import shutil

    if (MATHJAX_STATIC / "tex-chtml.js").is_file():
        return
    es5 = MATHJAX_NPM_PREFIX / "node_modules" / "mathjax" / "es5"
    if not (es5 / "tex-chtml.js").is_file():
        if not shutil.which("npm"):
            session.error("npm is needed once to fetch MathJax (apt-get install npm)")
        MATHJAX_NPM_PREFIX.mkdir(parents=True, exist_ok=True)
        # run_install: runs under ``nox --install-only`` too, which readies a machine to go offline.
        session.run_install(
            "npm",
            "install",
            "--prefix",
            str(MATHJAX_NPM_PREFIX),
            "--no-audit",
            "--no-fund",
            "--no-package-lock",
            MATHJAX_SPEC,
            external=True,
            silent=True,
        )
    # latest.js would load MathJax from a CDN and node-main.js is for Node: neither is served.
    ignore = shutil.ignore_patterns("latest.js", "node-main.js")
    shutil.copytree(es5, MATHJAX_STATIC, ignore=ignore, dirs_exist_ok=True)


def build_docs(session: nox.Session, *, clean: bool, sphinx_args: list[str]) -> None:
    """Install, fetch MathJax, optionally clean, then run sphinx-build with warnings as errors."""
    import shutil
    import time

    session.install("-e", ".[docs]")
    ensure_mathjax(session)
    if clean:
        for path in DOCS_GENERATED:
            shutil.rmtree(path, ignore_errors=True)
    env = data_env()
    # A fresh build re-runs every gallery script and re-executes every notebook; the fast build
    # keeps sphinx-gallery's md5 checks and the jupyter-cache so unchanged pages are not re-run.
    env["NNSCRATCH_DOCS_FAST"] = "0" if clean else "1"
    # Two examples run at once (-j 2, sphinx-gallery's parallel=2) on two cores: a second BLAS
    # thread per process only oversubscribes the machine, which made training 5-9x slower.
    env.update(OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1")
    start = time.perf_counter()
    ran = session.run(
        "sphinx-build",
        "-j",
        "2",
        "-W",
        "--keep-going",
        "-n",
        "-b",
        "html",
        "docs",
        "docs/_build/html",
        *sphinx_args,
        env=env,
    )
    if ran:  # None under --install-only
        elapsed = time.perf_counter() - start
        session.log(f"docs built in {elapsed:.0f} s: open docs/_build/html/index.html")


@nox.session(python=PYTHON)
def docs(session: nox.Session) -> None:
    """Build the site from clean, warnings as errors (``-- --fast`` reuses the caches)."""
    sphinx_args = [arg for arg in session.posargs if arg != "--fast"]
    build_docs(session, clean="--fast" not in session.posargs, sphinx_args=sphinx_args)


@nox.session(name="docs-fast", python=PYTHON)
def docs_fast(session: nox.Session) -> None:
    """Rebuild the site incrementally: only changed scripts and notebooks run again."""
    build_docs(session, clean=False, sphinx_args=list(session.posargs))


# --- Packaging and the reader's downloads ------------------------------------------------------
# The wheel holds the library and nothing else; `portable` runs every gallery script and notebook
# from fresh venvs built from it, outside the repository (tools/run_downloads.py).
DIST = ROOT / "dist"
WHEEL_FORBIDDEN = ("tests/", "docs/", "gallery/", "benchmarks/", "tools/", "conftest")


def build_dist(session: nox.Session) -> Path:
    """Build the sdist and the wheel into dist/ (old nnscratch builds removed); return the wheel."""
    for old in DIST.glob("nnscratch-*"):
        old.unlink()
    session.run("python", "-m", "build", "--outdir", str(DIST), str(ROOT))
    (wheel,) = DIST.glob("nnscratch-*.whl")
    return wheel


def check_wheel_contents(session: nox.Session, wheel: Path) -> None:
    """Fail unless the wheel holds every module of src/nnscratch and no test or docs file."""
    import zipfile

    names = set(zipfile.ZipFile(wheel).namelist())
    src = ROOT / "src"
    modules = {p.relative_to(src).as_posix() for p in (src / "nnscratch").rglob("*.py")}
    missing = sorted(modules - names)
    extra = sorted(n for n in names if n.startswith(WHEEL_FORBIDDEN) or "__pycache__" in n)
    if missing or extra:
        session.error(f"wheel {wheel.name}: missing {missing}, unexpected {extra}")
    session.log(f"{wheel.name}: {len(modules)} modules, no test/docs/gallery files")


@nox.session(python=PYTHON)
def build(session: nox.Session) -> None:
    """Build sdist and wheel, twine-check them, check the wheel's files, try it in a fresh venv."""
    import tempfile

    session.install("build", "twine")
    wheel = build_dist(session)
    session.run("twine", "check", "--strict", *map(str, DIST.glob("nnscratch-*")))
    check_wheel_contents(session, wheel)
    with tempfile.TemporaryDirectory(prefix="nnscratch-wheel-") as tmp:
        python = str(Path(tmp) / "venv" / "bin" / "python")
        session.run("uv", "venv", "-q", "--python", PYTHON, f"{tmp}/venv", external=True)
        session.run("uv", "pip", "install", "-q", "--python", python, str(wheel), external=True)
        with session.chdir(tmp):  # nothing importable from the repository
            session.run(python, "-m", "nnscratch", "data", "list", env=data_env(), external=True)


@nox.session(python=PYTHON)
def portable(session: nox.Session) -> None:
    """Run every gallery script and notebook as a reader would, from venvs holding only the wheel.

    ``-- --py-only`` or ``-- --ipynb-only`` runs one kind; ``-- --pattern lecture1[05]`` a subset;
    ``-- --timeout 300`` is the limit per script (see tools/run_downloads.py).
    """
    session.install("build", "sphinx-gallery>=0.22")
    wheel = build_dist(session)
    check_wheel_contents(session, wheel)
    session.install(str(wheel))  # docs/conf.py, read for the notebook settings, imports nnscratch
    session.run(
        "python", "tools/run_downloads.py", "--wheel", str(wheel), *session.posargs, env=data_env()
    )


# --- Benchmarks -----------------------------------------------------------------------------
# virtualenv + pip, not uv: PyTorch's CPU wheel is found only through pip's configured
# find-links. It is installed with --no-index so that a machine without that wheel skips the
# PyTorch comparison instead of downloading a multi-GB CUDA build.
TORCH_SPEC = "torch==2.13.0"


@nox.session(python=PYTHON, venv_backend="virtualenv")
def bench(session: nox.Session) -> None:
    """Benchmarks: the pytest-benchmark cases, then compare.py's side-by-side table.

    ``-- --quick`` shortens the full runs; ``-- --acceptance`` fails when a speed target of
    issue 5 is missed; ``-- --no-torch`` leaves PyTorch out. Other arguments go to pytest.
    Results are saved in benchmarks/results/ (gitignored).
    """
    import subprocess

    args = list(session.posargs)
    quick = "--quick" in args
    no_torch = "--no-torch" in args
    pytest_args = [a for a in args if a not in ("--quick", "--no-torch")]
    session.install("-e", ".[bench]")
    if not no_torch:
        python = str(Path(session.bin) / "python")
        found = subprocess.run(
            [python, "-m", "pip", "install", "-q", "--no-deps", "--no-index", TORCH_SPEC],
            check=False,
        )
        if found.returncode == 0:
            session.install(TORCH_SPEC)  # its dependencies, from the index
        else:
            session.warn(f"no local {TORCH_SPEC} CPU wheel: PyTorch is left out")
    results = ROOT / "benchmarks" / "results"
    results.mkdir(parents=True, exist_ok=True)
    env = data_env()
    session.run(
        "pytest",
        "benchmarks",
        "-p",
        "no:cacheprovider",
        "-s",
        f"--benchmark-json={results / 'pytest-benchmark.json'}",
        "--benchmark-columns=min,median,max,rounds",
        *(["--full-iters=2000"] if quick else []),
        *pytest_args,
        env=env,
    )
    compare_args = ["--quick"] if quick else []
    if no_torch:
        compare_args.append("--no-torch")
    session.run("python", "benchmarks/compare.py", *compare_args, env=env)


# --- The built site in a browser ----------------------------------------------------------------
# site_tests/ (not under tests/: `nox -s tests` must not start a browser) serves docs/_build/html on
# 127.0.0.1 and drives Debian's Chromium with Playwright. Never `playwright install`: no browser is
# downloaded. Screenshots for a person to look at land in artifacts/screenshots/ (gitignored).
SITE_BUILD = DOCS / "_build" / "html"
CHROMIUM = Path("/usr/bin/chromium")


@nox.session(python=PYTHON)
def site(session: nox.Session) -> None:
    """Test the built site in headless Chromium: every page, links, downloads, search, dark mode.

    Run after ``nox -s docs``. Arguments go to pytest (``-- -k search``, ``--site-dir PATH``).
    """
    other_build = any(arg.startswith("--site-dir") for arg in session.posargs)
    if not other_build and not (SITE_BUILD / "index.html").is_file():
        session.error(f"no built site in {SITE_BUILD}: run nox -s docs first")
    if not CHROMIUM.is_file():
        session.error(f"{CHROMIUM} is missing: apt-get install chromium")
    session.install("-e", ".[site]")
    session.run("pytest", "site_tests", "-p", "no:cacheprovider", "--durations=5", *session.posargs)
