"""Sphinx configuration of the nnscratch course site.

Build it with ``nox -s docs`` (from clean, every example and notebook executed, warnings as
errors) or ``nox -s docs -- --fast`` (reuses sphinx-gallery's and jupyter-cache's caches). The
build needs no network: MathJax is served from ``_static/mathjax`` (copied there from npm by the
nox session) and no intersphinx inventory is fetched unless ``NNSCRATCH_DOCS_ONLINE=1`` says the
build is a hosted one.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import nnscratch

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent

# A hosted build (a CI job that publishes the site) may reach the internet: it may load MathJax
# from a CDN when the local copy is missing and map the Python, NumPy and Matplotlib inventories.
# Every other build is offline and must not depend on a single outside request.
ONLINE = os.environ.get("NNSCRATCH_DOCS_ONLINE", "0") == "1"
# `nox -s docs -- --fast` sets this: keep the example and notebook caches instead of re-running all.
FAST = os.environ.get("NNSCRATCH_DOCS_FAST", "0") == "1"

# The project has no public repository yet: this placeholder URL satisfies sphinx-book-theme
# (which stops the build without a GitHub/GitLab URL) and is not shown as a button. Change it
# here, and turn on `use_repository_button` below, once the repository is public.
REPOSITORY_URL = "https://github.com/nnscratch/nnscratch"

# The one line that makes a downloaded script or notebook run on a reader's machine. nnscratch is
# not on PyPI yet, so pip installs it from the repository; once it is, make this
# "nnscratch[plot,datasets]" and every notebook's first cell, every example page's note, the
# lecture and install pages follow. `nox -s portable` installs these extras, and no more, to run
# every download.
PIP_REQUIREMENT = f"nnscratch[plot,datasets] @ git+{REPOSITORY_URL}"
PIP_INSTALL_LINE = f'pip install "{PIP_REQUIREMENT}"'

# -- Project -------------------------------------------------------------------------------------
project = "nnscratch"
author = "The nnscratch developers"
copyright = f"2026, {author}"
release = nnscratch.__version__
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_nb",
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "sphinx.ext.napoleon",
    "sphinx.ext.intersphinx",
    "sphinx.ext.mathjax",
    "sphinx_gallery.gen_gallery",
    "sphinx_copybutton",
    "sphinx_design",
]

templates_path = ["_templates"]
exclude_patterns = [
    "_build",
    "**.ipynb_checkpoints",
    # sphinx-gallery writes a notebook beside every example page: not pages for myst-nb
    "auto_examples/**.ipynb",
    # the per-lecture errata are included into errata.md, not pages of their own
    "errata/*",
    # written by `_write_lecture_cards` below and included into index.md
    "generated/lecture_cards.md",
]
# Every cross-reference must resolve (`sphinx-build -n`) and every warning fails the build (`-W`).
nitpicky = True
suppress_warnings: list[str] = []

# -- MyST and MyST-NB ----------------------------------------------------------------------------
myst_enable_extensions = ["dollarmath", "amsmath", "colon_fence", "deflist", "substitution"]
myst_heading_anchors = 3
# `{{ pip_install }}` (inline) and `{{ pip_install_block }}` (alone on a line) in MyST pages;
# `|pip_install|` in reStructuredText, gallery scripts' text blocks included.
myst_substitutions = {
    "pip_install": f"`{PIP_INSTALL_LINE}`",
    "pip_install_block": f"```bash\n{PIP_INSTALL_LINE}\n```",
}
rst_epilog = f"\n.. |pip_install| replace:: ``{PIP_INSTALL_LINE}``\n"

nb_execution_mode = "cache"
nb_execution_cache_path = str(DOCS / "_build" / ".jupyter_cache")
nb_execution_raise_on_error = True
nb_execution_show_tb = True
nb_execution_timeout = 600
nb_merge_streams = True

# -- Math without network ------------------------------------------------------------------------
MATHJAX_LOCAL = DOCS / "_static" / "mathjax" / "tex-chtml.js"
if MATHJAX_LOCAL.is_file():
    # Relative to html_static_path: MathJax loads its fonts and extensions from beside it.
    mathjax_path = "mathjax/tex-chtml.js"
elif ONLINE:
    mathjax_path = "https://cdn.jsdelivr.net/npm/mathjax@3/es5/tex-chtml.js"
else:
    raise RuntimeError(
        f"MathJax is missing from {MATHJAX_LOCAL.parent}. Build with `nox -s docs`, which "
        "copies it from npm, or set NNSCRATCH_DOCS_ONLINE=1 to load it from a CDN."
    )
# MathJax 3 reads `window.MathJax`, which Sphinx writes from mathjax3_config (myst adds the classes
# it should process). Sphinx 9 defaults to MathJax 4, whose fonts come from a CDN: we stay on 3.
mathjax3_config = {
    "tex": {"macros": {"R": r"\mathbb{R}"}},
    # The accessibility explorer would fetch speech-rule files; assistive MathML needs none.
    "options": {"menuOptions": {"settings": {"explorer": False}}},
}

# -- API reference -------------------------------------------------------------------------------
autosummary_generate = True
autosummary_imported_members = False
# A module's __all__, when it has one, decides what is public.
autosummary_ignore_module_all = False
autodoc_default_options = {"member-order": "bysource"}
# Types are documented in the numpydoc Parameters/Returns sections; repeating the annotations in
# every signature would expand numpy.typing.ArrayLike into a union of private numpy classes.
autodoc_typehints = "none"
autodoc_preserve_defaults = True

napoleon_google_docstring = False
napoleon_numpy_docstring = True
napoleon_preprocess_types = True
napoleon_use_rtype = False
napoleon_use_param = True
napoleon_type_aliases = {
    "array_like": ":term:`array_like <numpy:array_like>`" if ONLINE else "array_like",
    "ndarray": "numpy.ndarray",
    "Generator": "numpy.random.Generator",
}

# numpydoc types are prose as much as names ("callable", "sequence of int", "ndarray of shape
# (N, M)"); napoleon turns each piece into a reference. The words below and any piece that cannot be
# a Python name (it has a space or a bracket) are rendered as text, online or not. A type that is a
# dotted name must still resolve: an unqualified nnscratch name (``TwoLayerNet``) is looked up by
# `_resolve_short_names` below, anything else fails the build.
_NUMPYDOC_TYPE_WORDS = [
    (r"py:.*", r"(array|file|path)[-_]like|scalar|callable|sequence|iterable|mapping|path"),
    (r"py:.*", r"pair|number"),
    (r"py:.*", r"(int|float|str|string|tuple|list|dict|array|bool)s"),
    (r"py:.*", r".*[^\w.].*"),
]
nitpick_ignore_regex = list(_NUMPYDOC_TYPE_WORDS)

# -- Intersphinx ---------------------------------------------------------------------------------
if ONLINE:
    intersphinx_mapping = {
        "python": ("https://docs.python.org/3", None),
        "numpy": ("https://numpy.org/doc/stable", None),
        "matplotlib": ("https://matplotlib.org/stable", None),
    }
    intersphinx_timeout = 10
else:
    # Offline there is no inventory, so no reference into Python's, NumPy's or Matplotlib's docs can
    # resolve and nitpicky mode would flag each one. Ignore exactly those: names in the standard
    # library modules and third-party packages below, and NumPy's bare type names. A reference to an
    # nnscratch object that does not exist still fails the build.
    intersphinx_mapping = {}
    _external_modules = (
        "numpy",
        "matplotlib",
        "collections",
        "typing",
        "os",
        "pathlib",
        "numbers",
        "io",
        "enum",
        "dataclasses",
        "types",
    )
    nitpick_ignore_regex = [
        (r"py:.*", rf"({'|'.join(_external_modules)})(\..+)?"),
        (r"py:.*", r"ndarray|dtype|Generator|Axes|Figure|PathLike"),
        (r"py:.*", r"True|False|None|Ellipsis|NotImplemented"),
    ]
    nitpick_ignore_regex.extend(_NUMPYDOC_TYPE_WORDS)

# -- Sphinx-Gallery ------------------------------------------------------------------------------
sphinx_gallery_conf = {
    "examples_dirs": "../gallery",
    "gallery_dirs": "auto_examples",
    # Every exercise script runs (the default pattern runs only plot_* files).
    "filename_pattern": r"/ex\d\d_",
    "ignore_pattern": r"__init__\.py",
    # Subsections (gallery/lectureNN/) come in name order; scripts within one by file name, so
    # ex08_1a, ex08_1b, ... follow the exercise ids. Strings, not callables: callables break -W.
    "subsection_order": None,
    "within_subsection_order": "FileNameSortKey",
    "nested_sections": True,
    "download_all_examples": True,
    # "Examples using this" on every API page: _templates/autosummary/ adds a minigallery.
    "doc_module": ("nnscratch",),
    "backreferences_dir": "generated/backreferences",
    # Name objects by their defining module (nnscratch.functions.softmax), as the API pages do.
    "prefer_full_module": {r"^nnscratch\."},
    # (`reference_url` is deprecated and ignored in sphinx-gallery 0.22: code links in the examples
    # resolve against this documentation by themselves.)
    "remove_config_comments": True,
    # The CI build re-runs every script; the fast local build skips those whose md5 is unchanged.
    "run_stale_examples": not FAST,
    # Examples run two at a time (joblib); a script that measures time opts out with the comment
    # `# sphinx_gallery_parallel = False` and then runs alone before the others.
    "parallel": 2,
    "matplotlib_animations": False,
    "image_scrapers": ("matplotlib",),
    "show_memory": False,
    "capture_repr": ("_repr_html_", "__repr__"),
    # A block ending in ax.legend() would otherwise print "<matplotlib.legend.Legend object at
    # 0x...>": matplotlib's return values are never the point of a cell.
    "ignore_repr_types": r"matplotlib[.].*",
    # A failing script fails the build, with every failure reported (not only the first).
    "abort_on_example_error": False,
    "only_warn_on_example_error": False,
    # The computation-times pages load jQuery and DataTables from CDNs: the times are printed in the
    # build log instead.
    "write_computation_times": False,
    # The first cell of every downloaded notebook installs what the scripts import.
    "first_notebook_cell": f"%{PIP_INSTALL_LINE}",
    "min_reported_time": 0,
}

# -- HTML ----------------------------------------------------------------------------------------
html_theme = "sphinx_book_theme"
html_title = "nnscratch"
html_static_path = ["_static"]
html_css_files = ["custom.css"]
# A favicon of our own: without one every browser asks for /favicon.ico and gets a 404.
html_favicon = "_static/favicon.svg"
# The header already has a search box: leave it out of the left sidebar.
html_sidebars = {"**": ["navbar-logo", "icon-links", "sbt-sidebar-nav"]}
html_last_updated_fmt = None
# Without a default the theme reads an empty mode on a first visit and logs a console error.
html_context = {"default_mode": "auto"}
html_theme_options = {
    "repository_url": REPOSITORY_URL,
    "repository_branch": "main",
    "path_to_docs": "docs",
    "use_repository_button": False,
    "use_issues_button": False,
    "use_edit_page_button": False,
    "use_source_button": False,
    "use_download_button": True,
    "use_fullscreen_button": True,
    "home_page_in_toc": True,
    "show_toc_level": 2,
    # No Binder/Colab/JupyterHub launch buttons: the site must not send readers' code elsewhere.
    "launch_buttons": {},
}

copybutton_prompt_text = r">>> |\.\.\. |\$ "
copybutton_prompt_is_regexp = True
copybutton_exclude = ".linenos, .gp, .go"


# -- The lecture cards of the landing page -------------------------------------------------------
def _page_title(path: Path) -> str:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return path.stem


# Lectures whose first figure is a poor card picture (a wide computational graph shrinks to a
# strip): the exercise whose thumbnail shows the lecture instead.
CARD_EXERCISES = {"lecture13": "ex13_4a_vanishing_sigmoid"}


def _card_thumbnail(lecture: str, scripts: list[Path]) -> str | None:
    """The thumbnail of the lecture's first exercise that draws a figure, else of its first."""
    images = DOCS / "auto_examples" / lecture / "images"
    preferred = [s for s in scripts if s.stem == CARD_EXERCISES.get(lecture)]
    scripts = preferred + [s for s in scripts if s not in preferred]
    chosen = next(
        (script for script in scripts if (images / f"sphx_glr_{script.stem}_001.png").is_file()),
        scripts[0] if scripts else None,
    )
    if chosen is None:
        return None
    return f"/auto_examples/{lecture}/images/thumb/sphx_glr_{chosen.stem}_thumb.png"


def _write_lecture_cards(app) -> None:
    """Write one card per ``lectures/lectureNN.md``, with a thumbnail from its exercises.

    Runs after sphinx-gallery made the thumbnails, so a new lecture page appears on the landing page
    without editing it.
    """
    cards = []
    for page in sorted((DOCS / "lectures").glob("lecture*.md")):
        lecture = page.stem
        card = [f":::{{grid-item-card}} {_page_title(page)}", f":link: lectures/{lecture}"]
        card.append(":link-type: doc")
        scripts = sorted((ROOT / "gallery" / lecture).glob("ex[0-9][0-9]_*.py"))
        thumbnail = _card_thumbnail(lecture, scripts)
        if thumbnail:
            card.append(f":img-top: {thumbnail}")
            card.append(f":img-alt: A figure from the exercises of {_page_title(page)}")
        card.append("")
        if scripts:
            card.append(f"{len(scripts)} exercise{'s' if len(scripts) != 1 else ''}")
        card.append(":::")
        cards.append("\n".join(card))
    text = "::::{grid} 1 2 2 3\n:gutter: 3\n\n" + "\n\n".join(cards) + "\n::::\n"
    out = DOCS / "generated" / "lecture_cards.md"
    out.parent.mkdir(exist_ok=True)
    # Rewrite only on change so that an unchanged fast rebuild re-reads nothing.
    if not out.is_file() or out.read_text(encoding="utf-8") != text:
        out.write_text(text, encoding="utf-8")


def _resolve_short_names(app, env, node, contnode):
    """Resolve ``TwoLayerNet`` or ``params`` to the one nnscratch object of that name.

    numpydoc types and ``:attr:`` roles often name an object of another module or class without its
    path. Sphinx resolves them only within the current module and class; this looks further, and
    only when exactly one documented nnscratch object fits (the current module and class win a tie).
    """
    if node.get("refdomain") != "py":
        return None
    target = node["reftarget"].lstrip("~.")
    if not re.fullmatch(r"[A-Za-z_][\w.]*", target):
        return None
    domain = env.get_domain("py")
    candidates = [name for name in domain.objects if name.endswith("." + target)]
    candidates = [name for name in candidates if name.startswith("nnscratch.")]
    if len(candidates) > 1:
        context = ".".join(filter(None, [node.get("py:module"), node.get("py:class")]))
        candidates = [name for name in candidates if name.startswith(context + ".")]
    if len(candidates) != 1:
        return None
    return domain.resolve_xref(
        env, node["refdoc"], app.builder, "obj", candidates[0], node, contnode
    )


def _hide_private_bases(app, name, obj, options, bases) -> None:
    """Show only public base classes: a private one (``_Optimizer``) has no page to link to."""
    bases[:] = [base for base in bases if not getattr(base, "__name__", "").startswith("_")]


# sphinx-gallery has no option for text above an example's code, so the pip line goes into each
# example's generated reST as it is read: after the script's docstring, before its first code block.
_EXAMPLE_PAGE = re.compile(r"auto_examples/lecture\d+/ex\d\d_[^/]+")
_PIP_NOTE = f"""
.. admonition:: Run it on your computer
   :class: tip

   Download the script or the notebook at the end of this page; it needs

   .. code-block:: bash

      {PIP_INSTALL_LINE}

"""


def _add_pip_note(app, docname: str, source: list[str]) -> None:
    marker = ".. GENERATED FROM PYTHON SOURCE LINES"
    if _EXAMPLE_PAGE.fullmatch(docname) and marker in source[0]:
        head, _, tail = source[0].partition(marker)
        source[0] = head + _PIP_NOTE + "\n" + marker + tail


def setup(app):
    app.connect("source-read", _add_pip_note)
    app.connect("autodoc-process-bases", _hide_private_bases)
    app.connect("missing-reference", _resolve_short_names)
    # After sphinx-gallery's own builder-inited handler, which writes the thumbnails.
    app.connect("builder-inited", _write_lecture_cards, priority=900)
