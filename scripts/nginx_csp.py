"""The CSP line of deploy/nginx.conf, kept equal to the policy of a built site's _headers.

    python scripts/nginx_csp.py --site site --conf deploy/nginx.conf [--check]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

LINE = re.compile(r'^(?P<indent>\s*)add_header Content-Security-Policy "(?P<policy>[^"]*)" always;$', re.M)


def site_policy(site: Path) -> str:
    """The Content-Security-Policy of the build's _headers (the /* block)."""
    for line in (site / "_headers").read_text(encoding="utf-8").splitlines():
        name, _, value = line.strip().partition(":")
        if name == "Content-Security-Policy":
            return value.strip()
    raise SystemExit(f"no Content-Security-Policy in {site / '_headers'}")


def conf_policy(conf_text: str) -> str:
    found = LINE.findall(conf_text)
    if len(found) != 1:
        raise SystemExit("deploy/nginx.conf must have exactly one Content-Security-Policy line")
    return LINE.search(conf_text)["policy"]


def rewrite(conf_text: str, policy: str) -> str:
    conf_policy(conf_text)
    return LINE.sub(
        lambda m: f'{m["indent"]}add_header Content-Security-Policy "{policy}" always;', conf_text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site", type=Path, required=True)
    parser.add_argument("--conf", type=Path, required=True)
    parser.add_argument("--check", action="store_true", help="only say whether it is up to date")
    args = parser.parse_args(argv)
    text = args.conf.read_text(encoding="utf-8")
    policy = site_policy(args.site)
    if conf_policy(text) == policy:
        print(f"{args.conf}: the CSP is up to date")
        return 0
    if args.check:
        print(f"{args.conf}: the CSP differs from {args.site}/_headers; run ./scripts/nginx-csp")
        return 1
    args.conf.write_text(rewrite(text, policy), encoding="utf-8")
    print(f"{args.conf}: CSP rewritten from {args.site}/_headers")
    return 0


if __name__ == "__main__":
    sys.exit(main())
