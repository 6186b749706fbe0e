"""Precompressed copies: FILE.br and FILE.gz beside each compressible file in site/.

A host that serves precompressed files (nginx's brotli_static / gzip_static, see
deploy/nginx.conf; Caddy's `file_server precompressed`) then sends the reader the smallest
encoding their browser accepts without compressing on each request, and brotli at its
highest quality, which is too slow to do per request: pyodide.asm.wasm is 9.6 MB raw,
3.5 MB gzip-9, 2.7 MB brotli-11.

- Which files: text, HTML, JS/MJS, CSS, JSON, SVG, XML, wasm, zip and whl (a zip of stored
  entries compresses well; a deflated one does not). A copy is kept only when it saves at
  least 5 % (so no python_stdlib.zip.br that is as big as the zip).
- Brotli-11 of the runtime takes about a minute of CPU, and the runtime never changes for
  a pinned version, so compressed bytes of large files are cached by content hash in
  $YQXS_CACHE or ~/.cache/yqxs/precompress (a cache only: a missing or broken one is
  rebuilt).
- It runs once, at the end of the whole build (both scripts): mkdocs-static-i18n builds
  繁體 inside the 简体 build's on_post_build, so the outer call, the last, compresses all.
"""

from __future__ import annotations

import gzip
import hashlib
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import brotli
from _common import HANT
from mkdocs.plugins import event_priority

SUFFIXES = {".html", ".js", ".mjs", ".css", ".json", ".svg", ".xml", ".txt", ".wasm",
            ".zip", ".whl", ".webmanifest", ".ics", ".map"}
MIN_SIZE = 256          # bytes; smaller files gain nothing over the headers
KEEP_BELOW = 0.95       # keep a copy only when it is at most 95 % of the original
CACHE_FROM = 64 * 1024  # cache the compressed bytes of files at least this large


def cache_dir() -> Path:
    root = os.environ.get("YQXS_CACHE") or Path.home() / ".cache" / "yqxs"
    return Path(root) / "precompress"


def compress(data: bytes, encoding: str) -> bytes:
    if encoding == "br":
        return brotli.compress(data, quality=11)
    # mtime=0: the same file gives the same .gz bytes on every build.
    return gzip.compress(data, compresslevel=9, mtime=0)


def compressed(data: bytes, encoding: str) -> bytes:
    """``compress`` through the on-disk cache for large files."""
    if len(data) < CACHE_FROM:
        return compress(data, encoding)
    key = hashlib.sha256(data).hexdigest()
    path = cache_dir() / f"{key}.{encoding}"
    try:
        return path.read_bytes()
    except OSError:
        pass
    out = compress(data, encoding)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(out)
        tmp.replace(path)
    except OSError:
        pass  # no cache this time; the build is still right
    return out


def candidates(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*")
                  if p.is_file() and p.suffix in SUFFIXES and p.stat().st_size >= MIN_SIZE)


def precompress_file(path: Path) -> list[Path]:
    data = path.read_bytes()
    written = []
    for encoding in ("br", "gz"):
        target = path.with_name(f"{path.name}.{encoding}")
        out = compressed(data, encoding)
        if len(out) <= len(data) * KEEP_BELOW:
            target.write_bytes(out)
            written.append(target)
        elif target.exists():
            target.unlink()
    return written


def precompress_site(site: Path) -> list[Path]:
    """Write the .br/.gz copies for every candidate in ``site``; returns what it wrote."""
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:  # brotli frees the GIL
        results = pool.map(precompress_file, candidates(site))
    return [p for written in results for p in written]


@event_priority(-1000)  # after every other hook has written its files (-200 runs after -100)
def on_post_build(config):
    site = Path(config["site_dir"])
    if site.name == HANT:
        return  # the inner 繁體 build; the outer call below covers site/zh-Hant/ too
    precompress_site(site)
