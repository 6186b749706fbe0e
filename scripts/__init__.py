"""The build and benchmark scripts; importable (``from scripts.static_server import ...``)
so that the tests and the scripts share one static server and one Chromium set-up."""
