"""Run the gallery's downloads the way a reader does: each script and notebook on its own.

``nox -s portable`` calls this with the freshly built wheel. Every gallery/lectureNN/exNN_*.py is
copied alone into an empty folder outside the repository and run with ``python script.py`` in a venv
that holds only the wheel and the dependencies of the extras of the site's pip line; every notebook
(the one the docs build wrote, or one made now with sphinx-gallery's own converter) is executed
with nbclient in a second venv that adds the reader's Jupyter (nbclient, ipykernel).

    python tools/run_downloads.py --wheel dist/nnscratch-*.whl [--py-only | --ipynb-only]
        [--pattern REGEX] [--timeout SECONDS]
    python tools/run_downloads.py --python PYTHON ...   # run with an existing interpreter instead

The notebook's first cell (``%pip install ...`` from the repository URL) is checked and then
skipped: the venv already holds the wheel built from this checkout.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GALLERY = ROOT / "gallery"
BUILT_NOTEBOOKS = ROOT / "docs" / "auto_examples"
CONF = ROOT / "docs" / "conf.py"
SCRIPT_NAME = re.compile(r"ex\d\d_.*\.py")  # sphinx-gallery's filename_pattern in docs/conf.py
JUPYTER = ["nbclient>=0.10", "ipykernel>=6"]
KERNEL = "nnscratch-portable"
MISSING_MODULE = re.compile(r"No module named '([\w.]+)'")
ANSI_COLOUR = re.compile(r"\x1b\[[0-9;]*m")  # IPython colours its tracebacks


@dataclass
class Result:
    script: str  # relative to the gallery, e.g. lecture10/ex10_1b_hidden_size.py
    kind: str  # "py" or "ipynb"
    seconds: float
    error: str | None = None  # None when the run passed


def find_scripts(gallery: Path, pattern: str | None = None) -> list[Path]:
    """The gallery's exercise scripts in name order, those whose path matches ``pattern``."""
    scripts = sorted(p for p in gallery.rglob("*.py") if SCRIPT_NAME.fullmatch(p.name))
    if pattern:
        scripts = [p for p in scripts if re.search(pattern, p.relative_to(gallery).as_posix())]
    return scripts


def explain_failure(label: str, output: str) -> str:
    """One line that names the script and, for an undeclared import, the missing module."""
    output = ANSI_COLOUR.sub("", output)
    missing = MISSING_MODULE.findall(output)
    if missing:
        return (
            f"{label} imports '{missing[-1]}', which is not installed by the wheel and the "
            "dependencies of the pip line's extras: declare it in pyproject.toml or drop the import"
        )
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    return f"{label} failed: {lines[-1] if lines else 'no output'}"


def run_script(python: str, script: Path, label: str, env: dict, timeout: float) -> Result:
    """Copy ``script`` alone into an empty folder and run it there with ``python script.py``."""
    with tempfile.TemporaryDirectory(prefix="nnscratch-download-") as workdir:
        shutil.copy2(script, workdir)
        command = [python, script.name]
        return _run(command, workdir, label, "py", {**env, "MPLBACKEND": "Agg"}, timeout)


def run_notebook(python: str, notebook: Path, label: str, env: dict, timeout: float) -> Result:
    """Copy ``notebook`` alone into an empty folder and execute it there with nbclient."""
    with tempfile.TemporaryDirectory(prefix="nnscratch-download-") as workdir:
        shutil.copy2(notebook, workdir)
        command = [python, __file__, "--execute-notebook", notebook.name, "--timeout", str(timeout)]
        # nbclient stops a cell at the limit and shuts the kernel down; the grace is for that.
        return _run(command, workdir, label, "ipynb", env, timeout, grace=60)


def _run(command, workdir, label, kind, env, timeout, grace=0) -> Result:
    start = time.perf_counter()
    try:
        done = subprocess.run(
            command,
            cwd=workdir,
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=timeout + grace,
            check=False,
        )
    except subprocess.TimeoutExpired:
        seconds = time.perf_counter() - start
        return Result(label, kind, seconds, f"{label} did not finish within {timeout:g} s")
    seconds = time.perf_counter() - start
    if done.returncode != 0 and seconds >= timeout:  # nbclient stopped a cell at the limit
        return Result(label, kind, seconds, f"{label} did not finish within {timeout:g} s")
    if done.returncode != 0:
        return Result(label, kind, seconds, explain_failure(label, done.stdout + done.stderr))
    return Result(label, kind, seconds)


def execute_notebook(path: Path, timeout: float) -> int:
    """Execute a notebook in the current folder (runs in the reader's venv, with its kernel)."""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    notebook = nbformat.read(path, as_version=4)
    first = notebook.cells[0]
    if first.cell_type != "code" or not first.source.startswith("%pip install "):
        print(f"{path.name}: the first cell is not the %pip install line", file=sys.stderr)
        return 1
    first.source = (
        f"# skipped by the portable run, which installed the wheel instead:\n# {first.source}"
    )
    client = NotebookClient(notebook, timeout=timeout, kernel_name=KERNEL, allow_errors=False)
    try:
        client.execute(cwd=str(Path.cwd()))
    except CellExecutionError as error:
        print(f"{error}\n{error.ename}: {error.evalue}", file=sys.stderr)
        return 1
    return 0


def load_gallery_conf() -> dict:
    """sphinx-gallery's settings as the site's docs/conf.py sets them, on top of its defaults."""
    import copy
    import runpy

    from sphinx_gallery.gen_gallery import DEFAULT_GALLERY_CONF

    # An offline conf.py insists on a local MathJax copy, which making notebooks does not need.
    os.environ.setdefault("NNSCRATCH_DOCS_ONLINE", "1")
    conf = runpy.run_path(str(CONF))
    gallery_conf = copy.deepcopy(DEFAULT_GALLERY_CONF)
    gallery_conf.update(conf["sphinx_gallery_conf"])
    return gallery_conf


def make_notebook(script: Path, gallery: Path, gallery_conf: dict, out_dir: Path) -> Path:
    """The script's notebook: the docs build's copy if it is current, else converted now."""
    relative = script.relative_to(gallery).with_suffix(".ipynb")
    built = BUILT_NOTEBOOKS / relative
    if built.is_file() and built.stat().st_mtime >= script.stat().st_mtime:
        return built
    from sphinx_gallery import py_source_parser as parser
    from sphinx_gallery.notebook import jupyter_notebook, save_notebook

    # What sphinx-gallery's gen_rst.generate_file_rst does before it writes the notebook.
    _, blocks = parser.split_code_and_text_blocks(script)
    blocks = [parser.Block(k, parser.remove_ignore_blocks(c), n) for k, c, n in blocks]
    if gallery_conf["remove_config_comments"]:
        blocks = [parser.Block(k, parser.remove_config_comments(c), n) for k, c, n in blocks]
    if blocks[-1].content.isspace():
        blocks = blocks[:-1]
    out = out_dir / relative
    out.parent.mkdir(parents=True, exist_ok=True)
    save_notebook(jupyter_notebook(blocks, gallery_conf, out.parent), out)
    return out


def make_venv(path: Path, requirements: list[str]) -> str:
    """A fresh venv at ``path`` with ``requirements`` installed; returns its python."""
    python = path / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    if shutil.which("uv"):
        subprocess.run(["uv", "venv", "-q", "--python", sys.executable, str(path)], check=True)
        install = ["uv", "pip", "install", "-q", "--python", str(python)]
    else:
        subprocess.run([sys.executable, "-m", "venv", str(path)], check=True)
        install = [str(python), "-m", "pip", "install", "-q"]
    subprocess.run([*install, *requirements], check=True)
    return str(python)


def pip_extras(gallery_conf: dict | None) -> str:
    """The extras of the pip line of the site (``plot,datasets``)."""
    cell = (gallery_conf or {}).get("first_notebook_cell") or ""
    found = re.search(r"nnscratch\[([\w,\s-]+)\]", cell)
    return found.group(1).replace(" ", "") if found else "plot,datasets"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--wheel", type=Path, help="build the reader's venvs from this wheel")
    source.add_argument("--python", help="run everything with this interpreter instead")
    only = parser.add_mutually_exclusive_group()
    only.add_argument("--py-only", action="store_true", help="run the scripts, not the notebooks")
    only.add_argument("--ipynb-only", action="store_true", help="run the notebooks only")
    parser.add_argument("--pattern", help="only scripts whose path matches this regex")
    parser.add_argument("--timeout", type=float, default=300, help="seconds per script")
    parser.add_argument("--gallery", type=Path, default=GALLERY)
    parser.add_argument("--execute-notebook", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.execute_notebook:
        return execute_notebook(args.execute_notebook, args.timeout)
    if not (args.wheel or args.python):
        parser.error("give --wheel or --python")

    scripts = find_scripts(args.gallery, args.pattern)
    if not scripts:
        print(f"no gallery script matches {args.pattern!r}", file=sys.stderr)
        return 1
    run_py, run_ipynb = not args.ipynb_only, not args.py_only
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    with tempfile.TemporaryDirectory(prefix="nnscratch-portable-") as tmp:
        tmp = Path(tmp)
        # The reader's dataset cache: the first script to load MNIST fills it, later ones reuse it.
        env["NNSCRATCH_DATA"] = str(tmp / "data-cache")
        # The site's settings give the notebooks' cells and the extras of the pip line.
        gallery_conf = load_gallery_conf() if run_ipynb or args.wheel else None
        py_python = nb_python = args.python
        if args.wheel:
            requirement = f"nnscratch[{pip_extras(gallery_conf)}] @ {args.wheel.resolve().as_uri()}"
            print(f"reader's venvs in {tmp}: {requirement}", flush=True)
            if run_py:
                py_python = make_venv(tmp / "venv-py", [requirement])
            if run_ipynb:
                nb_python = make_venv(tmp / "venv-jupyter", [requirement, *JUPYTER])
        if run_ipynb:
            kernel = [nb_python, "-m", "ipykernel", "install", "--sys-prefix", "--name", KERNEL]
            subprocess.run(kernel, check=True, capture_output=True)

        results = []
        for script in scripts:
            label = script.relative_to(args.gallery).as_posix()
            if run_py:
                results.append(run_script(py_python, script, label, env, args.timeout))
                _report(results[-1])
            if run_ipynb:
                notebook = make_notebook(script, args.gallery, gallery_conf, tmp / "notebooks")
                results.append(run_notebook(nb_python, notebook, label, env, args.timeout))
                _report(results[-1])

    failures = [r for r in results if r.error]
    total = sum(r.seconds for r in results)
    print(f"\n{len(results) - len(failures)} of {len(results)} runs passed in {total:.0f} s")
    for failure in failures:
        print(f"FAILED ({failure.kind}): {failure.error}")
    return 1 if failures else 0


def _report(result: Result) -> None:
    status = "ok  " if result.error is None else "FAIL"
    print(f"{status} {result.seconds:6.1f} s  {result.kind:5}  {result.script}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
