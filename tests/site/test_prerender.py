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


# The lenders (issue 12): the debts and plan examples leave every lender input empty, with
# a placeholder, and their pre-rendered answers call each debt by calc's own label.
LENDER_WIDGETS = ("debts", "plan")
PLACEHOLDER = {"zh": "例如：某银行信用卡", "zh-Hant": "例如：某銀行信用卡"}
VOID = frozenset("area base br col embed hr img input link meta source wbr".split())


class Fields(HTMLParser):
    """Per form[data-calc]: its lender inputs (value, placeholder) and the text of each
    [data-field] element in document order (both outside <template>)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self.form: dict | None = None
        self.template = 0
        self.depth = 0
        self.open: list[tuple[int, str, list[str]]] = []  # (depth, field, text) being read

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "template":
            self.template += 1
        if self.template:
            return
        if tag == "form" and "data-calc" in a:
            self.form = {"name": a["data-calc"], "lenders": [], "fields": {}}
            self.forms.append(self.form)
        if self.form is None or tag in VOID:
            if self.form is not None and tag == "input" and a.get("name") == "lender":
                self.form["lenders"].append((a.get("value", ""), a.get("placeholder", "")))
            return
        self.depth += 1
        if "data-field" in a:
            self.open.append((self.depth, a["data-field"], []))

    def handle_endtag(self, tag):
        if tag == "template":
            self.template -= 1
            return
        if self.template or self.form is None:
            return
        if tag == "form":
            self.form, self.depth, self.open = None, 0, []
            return
        if tag in VOID:
            return
        if self.open and self.open[-1][0] == self.depth:
            _, name, text = self.open.pop()
            self.form["fields"].setdefault(name, []).append("".join(text).strip())
        self.depth -= 1

    def handle_data(self, data):
        if not self.template and self.form is not None:
            for _, _, text in self.open:
                text.append(data)


def lender_forms(site: Path):
    for path in sorted(site.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        if not any(f'data-calc="{name}"' in text for name in LENDER_WIDGETS):
            continue
        parser = Fields()
        parser.feed(text)
        lang = "zh-Hant" if path.relative_to(site).parts[0] == "zh-Hant" else "zh"
        for form in parser.forms:
            if form["name"] in LENDER_WIDGETS:
                yield path.relative_to(site).as_posix(), lang, form


def test_the_lender_inputs_are_empty_and_the_answers_name_calcs_labels(built_site):
    seen = set()
    for rel, lang, form in lender_forms(built_site):
        name = form["name"]
        seen.add((rel.removeprefix("zh-Hant/"), name, lang))
        example = api.example(name, lang)
        result = api.run(name, example, lang)["result"]
        assert form["lenders"] == [("", PLACEHOLDER[lang])] * len(example["lender"]), rel
        fields = form["fields"]
        if name == "debts":
            labels = [d["lender"] for d in result["debts"]]
            assert fields["lender"] == labels * 2, rel  # the per-debt table, then each debt's line
            assert fields["ask_text"] == [d["ask_text"] for d in result["debts"]], rel
        else:
            labels = [p["lender"] for p in result["priority"]]
            assert fields["lender"] == labels + [o["lender"] for o in result["offers"]], rel
            texts = [p["text"] for p in result["priority"]] + [o["text"] for o in result["offers"]]
            assert fields["text"] == texts + [a["text"] for a in result["actions"]], rel
        # calc's labels, not anyone's name: every debt is called by its kind and row
        assert all(d["named"] is False for d in result.get("debts", result.get("priority"))), rel
        assert len(set(labels)) == len(labels) and all(("第" in label) for label in labels), rel
    for page, name in (("tools/debts/index.html", "debts"), ("guide/debts/index.html", "debts"),
                       ("tools/plan/index.html", "plan")):
        assert {(page, name, "zh"), (page, name, "zh-Hant")} <= seen, page
