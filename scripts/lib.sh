# Shared setup for scripts/serve, scripts/build and scripts/test. Sourced, not run.
# Every step is idempotent and skips itself when its inputs have not changed, so the
# scripts stay quick on a machine that is already set up.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
VENV="$ROOT/.venv"
PY="$VENV/bin/python"
export NO_MKDOCS_2_WARNING=1
export PYTHONDONTWRITEBYTECODE=1
export TMPDIR="${TMPDIR:-/tmp}"     # jieba writes its cache here

say()  { printf '\033[1;36m==> %s\033[0m\n' "$*" >&2; }
die()  { printf '\033[1;31mError: %s\033[0m\n' "$*" >&2; exit 1; }

hash_of() { cat "$@" | sha256sum | cut -c1-16; }

need_cmd() {  # need_cmd CMD "how to get it"
  command -v "$1" >/dev/null 2>&1 || die "'$1' is missing. $2"
}

setup_python() {
  need_cmd python3 "Install Python 3.11 or newer (Debian: apt-get install python3 python3-venv)."
  python3 -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
    || die "Python 3.11 or newer is needed; found $(python3 --version 2>&1)."
  if [ ! -x "$PY" ]; then
    say "Creating the virtual environment in .venv"
    python3 -m venv "$VENV" || die "python3 -m venv failed. On Debian: apt-get install python3-venv."
  fi
  # The [dev] pins of pyproject.toml, with every transitive version from requirements-dev.lock.
  local stamp="$VENV/.deps-$(hash_of pyproject.toml requirements-dev.lock)"
  if [ ! -e "$stamp" ]; then
    say "Installing the pinned Python dependencies (pyproject.toml [dev], requirements-dev.lock)"
    "$PY" -m pip install --quiet --disable-pip-version-check -c requirements-dev.lock -e ".[dev]" \
      || die "pip could not install the dependencies. Is PyPI reachable (pip config, proxy)?"
    rm -f "$VENV"/.deps-*
    touch "$stamp"
  fi
}

setup_node() {
  need_cmd node "Install Node.js 18 or newer (Debian: apt-get install nodejs npm)."
  need_cmd npm "Install npm (Debian: apt-get install npm)."
  local stamp="node_modules/.deps-$(hash_of package.json package-lock.json)"
  if [ ! -e "$stamp" ]; then
    say "Installing the pinned npm packages (npm ci)"
    npm ci --no-audit --no-fund --loglevel=error \
      || die "npm ci failed. Is the npm registry reachable (npm config get registry)?"
    touch "$stamp"
  fi
  [ -f node_modules/pyodide/pyodide.asm.wasm ] || die "node_modules/pyodide is incomplete; run: rm -rf node_modules && npm ci"
}

setup_browser() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  # (grep -q would close the pipe early, and pipefail would then count fc-list's SIGPIPE as a miss)
  fc-list 2>/dev/null | grep -i 'Noto Sans CJK' >/dev/null || missing+=(fonts-noto-cjk)
  # pdftotext / pdftoppm read the printed PDFs in tests/test_print.py.
  command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
  # tests/browser/test_nginx.py serves the build through deploy/nginx.conf.
  [ -x /usr/sbin/nginx ] || missing+=(nginx)
  [ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || missing+=(libnginx-mod-http-brotli-static)
  if [ ${#missing[@]} -gt 0 ]; then
    say "Installing Debian packages: ${missing[*]}"
    local sudo=""
    if [ "$(id -u)" != 0 ]; then
      command -v sudo >/dev/null 2>&1 && sudo="sudo -n" \
        || die "Need root to install ${missing[*]}: run 'sudo apt-get install -y ${missing[*]}'."
    fi
    need_cmd apt-get "This is not a Debian-like system: install Chromium at /usr/bin/chromium and Noto CJK fonts yourself."
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null 2>&1 \
      || { DEBIAN_FRONTEND=noninteractive $sudo apt-get update >/dev/null 2>&1 \
           && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null; } \
      || die "apt-get could not install ${missing[*]}. Are Debian's package mirrors reachable?"
  fi
}

build_wheel() {  # build_wheel OUTDIR: the calc wheel, alone, into OUTDIR (emptied first)
  # A reproducible wheel: the same sources give the same bytes, so its hashed URL
  # (calc-<hash>.whl, cached forever, and the key of readers' Pyodide snapshots) only
  # changes when calc does. It is built from a fresh copy of the sources (no stale build/
  # left to ship a deleted module, no __pycache__), with the zip timestamps taken from the
  # last commit that touched calc/. (The wheel carries no README, so editing it changes
  # nothing; a change of the dev pins in pyproject.toml does change its metadata.)
  # tests/site/test_build_hygiene.py builds it twice and compares the bytes.
  local out="$1" epoch tmp
  epoch="$(git -C "$ROOT" log -1 --format=%ct -- calc 2>/dev/null || true)"; epoch="${epoch:-315532800}"
  tmp="$(mktemp -d)"
  cp -r "$ROOT/calc" "$ROOT/pyproject.toml" "$tmp/"
  find "$tmp/calc" -name '__pycache__' -prune -exec rm -rf {} +
  # Emptied of old wheels (the site must find exactly one); anything else there is not ours.
  if [ -d "$out" ] && [ -n "$(find "$out" -mindepth 1 ! -name 'calc-*.whl' -print -quit)" ]; then
    rm -rf "$tmp"; die "$out holds more than calc wheels; give build_wheel an empty or new folder."
  fi
  rm -f "$out"/calc-*.whl
  # Quiet unless it fails (setuptools' chatter goes to stderr even on success).
  ( cd "$tmp" && SOURCE_DATE_EPOCH="$epoch" "$PY" -m build --wheel --no-isolation --outdir "$out" >"$tmp.log" 2>&1 ) \
    || { cat "$tmp.log" >&2; rm -rf "$tmp" "$tmp.log"; die "python -m build failed (see above)."; }
  rm -rf "$tmp" "$tmp.log"
}

build_site() {
  # SITE_DIR / DIST_DIR let several builds run side by side (default site/ and dist/).
  local site="${SITE_DIR:-$ROOT/site}" dist="${DIST_DIR:-$ROOT/dist}"
  say "Building the calc wheel"
  build_wheel "$dist"
  say "Building the site into ${site#$ROOT/} (strict)"
  # Not --quiet: it drops warnings before strict mode counts them, so the build would pass.
  # The INFO lines are filtered out instead (pipefail keeps mkdocs' exit status).
  DIST_DIR="$dist" "$PY" -m mkdocs build --strict -d "$site" 2>&1 | { grep -v '^INFO ' >&2 || true; } \
    || die "mkdocs build --strict failed (see the warnings above)."
  [ -f "$site/index.html" ] && [ -f "$site/zh-Hant/index.html" ] || die "The build did not write both home pages."
}
