"""The worked examples written into the built HTML (hooks/widgets.py + overrides/widgets/)
are what calc computes: every <output name data-value> of every calculator form, on every
page that embeds one, in both scripts; and the schedule tables' cells."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from calc import api

CALCULATOR_WIDGETS = ("budget", "schedule", "payoff", "penalty", "apr", "stage", "plan")


class Forms(HTMLParser):
    """Collects each form[data-calc]: its outputs (name -> data-value, text) and table rows."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self.form: dict | None = None
        self.output: str | None = None
        self.in_body = False
        self.row: list[str] | None = None
        self.cell: list[str] | None = None
        self.template = 0  # inside <template>: markup for new rows, not the example

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "template":
            self.template += 1
        if self.template:
            return
        if tag == "form" and "data-calc" in a:
            self.form = {"name": a["data-calc"], "outputs": {}, "texts": {}, "rows": [], "inputs": {}}
            self.forms.append(self.form)
        if self.form is None:
            return
        if tag == "output" and "name" in a:
            self.output = a["name"]
            self.form["outputs"][a["name"]] = a.get("data-value")
            self.form["texts"][a["name"]] = ""
        elif tag == "input" and a.get("name") and a.get("type") not in ("radio", "checkbox", "hidden"):
            self.form["inputs"].setdefault(a["name"], []).append(a.get("value", ""))
        elif tag == "tbody":
            self.in_body = True
        elif tag == "tr" and self.in_body:
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.cell = []

    def handle_endtag(self, tag):
        if tag == "template":
            self.template -= 1
        if self.template:
            return
        if tag == "form":
            self.form = None
        elif tag == "output":
            self.output = None
        elif tag == "tbody":
            self.in_body = False
        elif tag in ("td", "th") and self.cell is not None:
            self.row.append("".join(self.cell).strip())
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.form["rows"].append(self.row)
            self.row = None

    def handle_data(self, data):
        if self.template:
            return
        if self.form is not None and self.output:
            self.form["texts"][self.output] += data
        if self.cell is not None:
            self.cell.append(data)


def pages_with_calculators(site: Path):
    for path in sorted(site.rglob("*.html")):
        if "pyodide" in path.parts or "_bench" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        if "data-calc=" not in text:
            continue
        parser = Forms()
        parser.feed(text)
        lang = "zh-Hant" if path.relative_to(site).parts[0] == "zh-Hant" else "zh"
        for form in parser.forms:
            if form["name"] not in CALCULATOR_WIDGETS:
                continue  # the other widgets (options, debts, letter) have their own tests
            yield path.relative_to(site).as_posix(), lang, form


def test_every_calculator_widget_is_on_its_tool_page_in_both_scripts(built_site):
    found = {(rel, form["name"]) for rel, _, form in pages_with_calculators(built_site)}
    for name in CALCULATOR_WIDGETS:
        assert (f"tools/{name}/index.html", name) in found
        assert (f"zh-Hant/tools/{name}/index.html", name) in found


def test_prerendered_values_equal_what_calc_computes(built_site):
    checked = 0
    problems = []
    for rel, lang, form in pages_with_calculators(built_site):
        name = form["name"]
        example = api.example(name, lang)  # what the hook renders (繁體 labels on 繁體 pages)
        answer = api.run(name, example, lang)
        assert answer["ok"], answer
        result = answer["result"]
        assert form["outputs"], f"{rel}: {name} has no outputs"
        for key, value in form["outputs"].items():
            expected = result.get(key)
            expected_value = ("" if expected is None else "true" if expected is True
                              else "false" if expected is False else str(expected))
            if value != expected_value:
                problems.append(f"{rel} {name}.{key}: data-value {value!r} != calc {expected_value!r}")
            text = form["texts"][key].strip()
            expected_text = result.get("display", {}).get(key, expected_value)
            if text != expected_text:
                problems.append(f"{rel} {name}.{key}: text {text!r} != calc {expected_text!r}")
            checked += 1
        if "rows" in result and name in ("schedule", "payoff"):
            want = [[row[c["key"]] for c in result["columns"]] for row in result["rows"]]
            if form["rows"] != want:
                problems.append(f"{rel} {name}: table differs from calc's rows")
        # The example's own inputs are in the form.
        for key, value in example.items():
            if key in form["inputs"]:
                want = value if isinstance(value, list) else [value]
                if form["inputs"][key] != want:
                    problems.append(f"{rel} {name}: input {key} {form['inputs'][key]!r} != example {want!r}")
    assert problems == [], "\n".join(problems[:20])
    assert checked >= len(CALCULATOR_WIDGETS) * 2 * 3
