"""tools/run_downloads.py, the runner of ``nox -s portable``, on a made-up gallery.

The current interpreter stands in for the reader's venv, so no venv is built here; the real run is
``nox -s portable``.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

RUNNER = Path(__file__).resolve().parent.parent / "tools" / "run_downloads.py"


@pytest.fixture(scope="module")
def runner():
    spec = importlib.util.spec_from_file_location("run_downloads", RUNNER)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    yield module
    del sys.modules[spec.name]


def write_gallery(root: Path, scripts: dict[str, str]) -> Path:
    gallery = root / "gallery"
    for name, code in scripts.items():
        path = gallery / "lecture99" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f'"""\nTitle\n=====\n"""\n\n{code}\n', encoding="utf-8")
    return gallery


def test_an_undeclared_import_fails_naming_the_script_and_the_module(runner, tmp_path, capsys):
    gallery = write_gallery(
        tmp_path,
        {
            "ex99_1_fine.py": "print(sum(range(4)))",
            "ex99_2_bad.py": "import definitely_not_installed_xyz",
            "helper.py": "raise SystemExit(1)",  # not an exercise: not run
        },
    )
    argv = ["--python", sys.executable, "--gallery", str(gallery), "--py-only", "--timeout", "60"]

    assert runner.main(argv) == 1

    out = capsys.readouterr().out
    assert "ok  " in out
    assert "lecture99/ex99_1_fine.py" in out
    assert "helper.py" not in out
    assert (
        "FAILED (py): lecture99/ex99_2_bad.py imports 'definitely_not_installed_xyz', which is not "
        "installed" in out
    )


def test_a_script_runs_alone_in_an_empty_folder(runner, tmp_path):
    # A script that reads a file beside it in the repository fails once downloaded.
    gallery = write_gallery(tmp_path, {"ex99_1_reads.py": "open('weights.txt').read()"})
    (gallery / "lecture99" / "weights.txt").write_text("1 2 3", encoding="utf-8")
    (script,) = runner.find_scripts(gallery)

    result = runner.run_script(sys.executable, script, "lecture99/ex99_1_reads.py", {}, 60)

    assert result.error.startswith("lecture99/ex99_1_reads.py failed: ")
    assert "FileNotFoundError" in result.error


def test_a_script_over_the_time_limit_is_named(runner, tmp_path):
    gallery = write_gallery(tmp_path, {"ex99_1_slow.py": "import time\ntime.sleep(30)"})
    (script,) = runner.find_scripts(gallery, pattern="slow")

    result = runner.run_script(sys.executable, script, "lecture99/ex99_1_slow.py", {}, 0.5)

    assert result.error == "lecture99/ex99_1_slow.py did not finish within 0.5 s"


def test_pattern_selects_scripts_by_path(runner, tmp_path):
    gallery = write_gallery(tmp_path, {"ex99_1_a.py": "", "ex99_2_b.py": ""})

    assert [p.name for p in runner.find_scripts(gallery, "99_2")] == ["ex99_2_b.py"]
    assert runner.pip_extras(
        {"first_notebook_cell": '%pip install "nnscratch[plot,datasets] @ x"'}
    ) == ("plot,datasets")
