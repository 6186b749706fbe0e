#!/usr/bin/env bash
# Lighthouse mobile scores (performance, accessibility, best practices, SEO) of the home
# page, a guide page and a tool page in both scripts: sets up what is missing, builds,
# serves site/ on loopback (with gzip, as a static host would) and prints a Markdown table
# for README.md "## Quality". Arguments go to scripts/lighthouse.py: --runs N, page paths.
# SKIP_BUILD=1 reuses an existing build; SITE_DIR (or --site DIR) picks the folder served
# (default site/), as for ./scripts/build.
source "$(dirname "$0")/lib.sh"
setup_python
setup_node
setup_browser
[ "${SKIP_BUILD:-0}" = 1 ] && [ -f "${SITE_DIR:-$ROOT/site}/index.html" ] || build_site
[ -x node_modules/.bin/lighthouse ] || die "node_modules/.bin/lighthouse is missing; run: npm ci"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
say "Running Lighthouse (mobile) with $CHROME_PATH"
exec "$PY" scripts/lighthouse.py "$@"
