"""The exact list of files the build writes to site/, for both scripts (as
mkdocs-static-i18n's tests/test_structure_suffix.py does).

Each group says where it comes from, so a new page in both scripts (docs/NEW.md beside
docs/NEW.zh-Hant.md) or a new asset in docs/assets/ needs no edit here, but a file nobody
expects (a page in one script only, a leftover, a second wheel, a stray copy under
zh-Hant/) fails with its name:

- pages: every 简体 page docs/**/NAME.md at NAME/index.html (index.md at the folder's
  index.html), and the same under zh-Hant/;
- our static files: everything else under docs/ (assets), at the same path, once;
- Material's theme files: what its templates folder holds besides templates;
- what our hooks and plugins write: the 404 page and sitemap of each script, _headers,
  robots.txt, one search index per script, the ResizeObserver polyfill, and the Pyodide
  runtime under pyodide/<version>/ with the calc wheel named by its content hash;
- precompressed copies (hooks/precompress.py): FILE.br / FILE.gz only beside a file of a
  compressible type of at least 256 bytes, and both beside every page.
"""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
from pathlib import Path

import material

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
HANT = "zh-Hant"
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip",
                 "pyodide-lock.json")
COMPRESSIBLE = {".html", ".js", ".mjs", ".css", ".json", ".svg", ".xml", ".txt", ".wasm",
                ".zip", ".whl", ".webmanifest", ".ics", ".map"}


def written(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def page_urls() -> set[str]:
    """Where each 简体 page of docs/ is built (use_directory_urls)."""
    urls = set()
    for md in DOCS.rglob("*.md"):
        rel = md.relative_to(DOCS)
        if rel.name.endswith(f".{HANT}.md"):
            continue
        folder = rel.parent if rel.stem == "index" else rel.with_suffix("")
        urls.add((folder / "index.html").as_posix().removeprefix("./"))
    return urls


def docs_static() -> set[str]:
    return {p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*")
            if p.is_file() and p.suffix != ".md"}


def theme_static() -> set[str]:
    """Material's own static files, as MkDocs copies them from its templates folder."""
    templates = Path(material.__file__).parent / "templates"
    found = set()
    for p in templates.rglob("*"):
        rel = p.relative_to(templates)
        if (p.is_file() and p.suffix not in {".html", ".py", ".pyc"} and rel.name != "mkdocs_theme.yml"
                and not any(part.startswith((".", "__")) for part in rel.parts)):
            found.add(rel.as_posix())
    return found


def generated(site: Path) -> set[str]:
    version = json.loads((ROOT / "node_modules/pyodide/package.json").read_text())["version"]
    dist = Path(os.environ.get("DIST_DIR") or ROOT / "dist")
    # hooks/runtime.py: dist's wheel repacked with stored entries, named by its content
    (wheel,) = dist.glob("calc-*-py3-none-any.whl")
    wheels = sorted((site / "pyodide" / version).glob("calc-*.whl"))
    assert len(wheels) == 1, wheels
    wheel_name = f"calc-{hashlib.sha256(wheels[0].read_bytes()).hexdigest()[:12]}.whl"
    with zipfile.ZipFile(wheel) as built, zipfile.ZipFile(wheels[0]) as served:
        assert [(i.filename, i.date_time) for i in served.infolist()] == [
            (i.filename, i.date_time) for i in built.infolist()]
        assert all(i.compress_type == zipfile.ZIP_STORED for i in served.infolist())
        assert all(served.read(i.filename) == built.read(i) for i in built.infolist())
    # hooks/runtime.py: the trimmed stdlib, named by its content (one, whatever its hash)
    stdlibs = sorted((site / "pyodide" / version).glob("python_stdlib-*.zip"))
    assert len(stdlibs) == 1, stdlibs
    stdlib_name = f"python_stdlib-{hashlib.sha256(stdlibs[0].read_bytes()).hexdigest()[:12]}.zip"
    per_script = {"404.html", "sitemap.xml", "sitemap.xml.gz", "search/search_index.json",
                  "manifest.webmanifest"}  # hooks/pwa.py
    return (per_script | {f"{HANT}/{f}" for f in per_script}
            | {"_headers", "robots.txt", "assets/vendor/resize-observer.js"}
            | {f"pyodide/{version}/{f}" for f in (*PYODIDE_FILES, wheel_name, stdlib_name)})


def expected_originals(site: Path) -> set[str]:
    pages = page_urls()
    return (pages | {f"{HANT}/{p}" for p in pages} | docs_static() | theme_static()
            | generated(site))


def split(files: set[str]) -> tuple[set[str], set[str]]:
    """(originals, precompressed copies)."""
    copies = {f for f in files if f.endswith((".br", ".gz")) and f[:-3] in files}
    copies -= {"sitemap.xml.gz", f"{HANT}/sitemap.xml.gz"}  # MkDocs' own, listed in generated()
    return files - copies, copies


def test_the_build_writes_exactly_the_expected_files(built_site):
    originals, _ = split(written(built_site))
    expected = expected_originals(built_site)
    unexpected, missing = sorted(originals - expected), sorted(expected - originals)
    assert not unexpected, f"files nobody expects in site/: {unexpected}"
    assert not missing, f"files missing from site/: {missing}"


def test_precompressed_copies_sit_only_beside_compressible_files(built_site):
    files = written(built_site)
    _, copies = split(files)
    wrong = sorted(c for c in copies
                   if Path(c[:-3]).suffix not in COMPRESSIBLE or (built_site / c[:-3]).stat().st_size < 256)
    assert not wrong, f"precompressed copies of files that are not compressible: {wrong}"
    pages = page_urls()
    for page in pages | {f"{HANT}/{p}" for p in pages}:
        assert {f"{page}.br", f"{page}.gz"} <= copies, page


def test_both_scripts_have_the_same_pages(built_site):
    files = written(built_site)
    for page in page_urls():
        assert page in files and f"{HANT}/{page}" in files, page
    twins = {p.relative_to(DOCS).as_posix().replace(f".{HANT}.md", ".md")
             for p in DOCS.rglob(f"*.{HANT}.md")}
    simplified = {p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md")
                  if not p.name.endswith(f".{HANT}.md")}
    assert twins == simplified, f"pages in one script only: {sorted(twins ^ simplified)}"


def test_the_expectation_catches_a_stray_file(built_site):
    files = written(built_site) | {f"{HANT}/assets/css/site.css", "pyodide/calc-old.whl"}
    originals, _ = split(files)
    assert originals - expected_originals(built_site) == {f"{HANT}/assets/css/site.css",
                                                          "pyodide/calc-old.whl"}
