"""Nothing stale can be acted on (issue 12) and the "pending" contract (DESIGN, issue 13), on
every calculator of the registry (calc.api.registry.CALCULATORS, none skipped), in both
scripts, in Chromium:

- a value calc refuses: the form carries data-pending="error", its results are dimmed
  (data-stale) with a line beside them saying so (not only in the status line), the old
  outputs show no figure, and every button that acts on the results (use-plan, the CSV, the
  .ics, print, copy…) is disabled with aria-disabled="true";
- corrected: no data-pending, no marker, the buttons are back, and every output shows what
  calc.api.run gives for the form's current values (read by the runtime's own readForm);
- on a first load with the runtime still loading (Pyodide's files held back), the
  pre-rendered example is marked as the example as soon as the reader has typed something.

Every test also fails on a request off loopback or a console error (conftest.PageWatch)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

import pytest

from calc import api
from calc.api.registry import CALCULATORS
from tests.support import warm

# The module's shared contexts hold the session's Pyodide snapshot (tests/support/warm.py).
context, phone_context, pyodide_snapshot = warm.context, warm.phone_context, warm.pyodide_snapshot

LANGS = {"zh": "", "zh-Hant": "/zh-Hant"}
READY_TIMEOUT = 90_000
# Buttons that change the input, not act on the results (runtime/render.js INPUT_ACTIONS).
INPUT_ACTIONS = ("add-row", "remove-row", "remember", "forget", "retry", "use-budget")
BAD = "abc"


def data_value(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def refused_fields(name, lang):
    """The example's fields (in order) where calc refuses "abc": where the reader can err."""
    example = api.example(name, lang)
    found = []
    for field, value in example.items():
        params = dict(example)
        if isinstance(value, list):
            if not value:
                continue
            params[field] = [BAD, *value[1:]]
        else:
            params[field] = BAD
        if value not in ("", [""]) and not api.run(name, params, lang)["ok"]:
            found.append(field)
    return found


def other_good_value(name, lang, field):
    """A value for `field` other than the example's that calc accepts (the example's if none)."""
    example = api.example(name, lang)
    value = example[field][0] if isinstance(example[field], list) else example[field]
    try:
        bumped = str(Decimal(value) + 1)
    except (InvalidOperation, ValueError):
        return value
    params = dict(example)
    params[field] = [bumped, *example[field][1:]] if isinstance(example[field], list) else bumped
    return bumped if api.run(name, params, lang)["ok"] else value


def text_field(form, fields):
    """The first field calc refuses that the reader types into (a visible text input)."""
    for field in fields:
        el = form.locator(f'input[name="{field}"]:not([disabled]):not([type=hidden]):not([type=radio])'
                          f':not([type=checkbox]):not([type=date])').first
        if el.count() and el.is_visible():
            return field, el
    raise AssertionError(f"no text field among {fields}")


def result_buttons(page, name):
    return page.evaluate(
        """([name, skip]) => {
            const form = document.querySelector(`form[data-calc="${name}"]`);
            const root = form.closest("[data-widget]") || form;
            return [...root.querySelectorAll("button[data-action]")]
                .filter(b => !skip.includes(b.dataset.action) && !b.hasAttribute("data-acts-on-input"))
                .map(b => ({action: b.dataset.action, disabled: b.disabled,
                            aria: b.getAttribute("aria-disabled"), visible: !!b.offsetParent}));
        }""", [name, list(INPUT_ACTIONS)])


def marker(page, name):
    return page.evaluate(
        """name => {
            const form = document.querySelector(`form[data-calc="${name}"]`);
            const root = form.closest("[data-widget]") || form;
            const note = root.querySelector("[data-pending-note]");
            const stale = [...root.querySelectorAll("[data-stale]")];
            return {pending: form.dataset.pending ?? null,
                    note: note && !note.hidden ? note.textContent.trim() : null,
                    noteBesideResults: !!(note && note.closest(".yqxs-results, .yqxs-section")),
                    hasDetailHook: !!(note && note.querySelector("[data-pending-detail]")),
                    stale: stale.length,
                    opacity: stale.length
                        ? getComputedStyle(stale[0].querySelector(":scope > :not([data-pending-note])")
                                           || stale[0]).opacity
                        : null};
        }""", name)


def wait_pending(page, name, state):
    """Until the form's data-pending is `state` (None: not pending)."""
    page.wait_for_function(
        "([n, s]) => document.querySelector(`form[data-calc=\"${n}\"]`).dataset.pending === (s ?? undefined)",
        arg=[name, state], timeout=READY_TIMEOUT)


def outputs(page, name):
    return page.locator(f'form[data-calc="{name}"]').evaluate(
        "f => Object.fromEntries([...f.querySelectorAll('output[name]')]"
        ".map(o => [o.getAttribute('name'), o.dataset.value]))")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", CALCULATORS)
def test_after_an_error_nothing_stale_can_be_acted_on(page, base_url, name, lang):
    page.goto(f"{base_url}{LANGS[lang]}/tools/{name}/")
    page.wait_for_function("() => window.YQXS && YQXS.state() === 'ready'", timeout=READY_TIMEOUT)
    form = page.locator(f'form[data-calc="{name}"]').first
    field, el = text_field(form, refused_fields(name, lang))
    before = {b["action"]: b["disabled"] for b in result_buttons(page, name)}

    el.fill(BAD)
    wait_pending(page, name, "error")
    page.wait_for_function(  # dimmed (widgets.css), once the style has caught up
        """n => { const f = document.querySelector(`form[data-calc="${n}"]`);
                  const s = (f.closest("[data-widget]") || f).querySelector("[data-stale]");
                  const c = s && (s.querySelector(":scope > :not([data-pending-note])") || s);
                  return c && Number(getComputedStyle(c).opacity) < 0.6; }""", arg=name, timeout=10_000)
    seen = marker(page, name)
    assert seen["note"], f"{name}: no line beside the results"
    assert seen["noteBesideResults"] and seen["hasDetailHook"]
    assert ("输入有误" if lang == "zh" else "輸入有誤") in seen["note"]
    assert seen["stale"] >= 1 and float(seen["opacity"]) < 0.6, seen
    assert el.get_attribute("aria-invalid") == "true"
    for button in result_buttons(page, name):
        assert button["disabled"] and button["aria"] == "true", (name, button)
    assert all(v in ("", None) for v in outputs(page, name).values()), outputs(page, name)

    el.fill(other_good_value(name, lang, field))
    wait_pending(page, name, None)
    seen = marker(page, name)
    assert seen["note"] is None and seen["stale"] == 0, seen
    for button in result_buttons(page, name):
        if button["action"] in before:
            assert button["disabled"] == before[button["action"]], (name, button)
        assert button["aria"] is None, (name, button)
    params = page.evaluate(f"YQXS.readForm(document.querySelector('form[data-calc=\"{name}\"]'))")
    answer = api.run(name, params, lang)
    assert answer["ok"], answer
    result = answer["result"]
    for key, value in outputs(page, name).items():
        if key in result and not isinstance(result[key], (list, dict)):
            assert value == data_value(result[key]), (name, key)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", CALCULATORS)
def test_the_example_is_marked_once_typed_into_while_the_runtime_loads(page, base_url, name, lang):
    held = []
    # Pyodide's files (fetched by the worker) are never answered: the runtime stays loading.
    # (The page's own route also holds its worker's requests: no context of its own needed.)
    page.route("**/pyodide/**", lambda route: held.append(route))
    page.goto(f"{base_url}{LANGS[lang]}/tools/{name}/")
    form = page.locator(f'form[data-calc="{name}"]').first
    page.wait_for_function("() => window.YQXS && YQXS.state() === 'loading'")
    field, el = text_field(form, refused_fields(name, lang))
    el.fill(other_good_value(name, lang, field))
    wait_pending(page, name, "example")
    seen = marker(page, name)
    assert seen["note"] and ("例子" in seen["note"]), seen
    assert seen["stale"] >= 1
    for button in result_buttons(page, name):
        assert button["disabled"] and button["aria"] == "true", (name, button)
    # The worker's first request for Pyodide's files can come after the reader's typing is
    # marked (a quiet machine types faster than the worker starts): wait for it.
    for _ in range(300):
        if held:
            break
        page.wait_for_timeout(100)
    assert held, "the runtime's files were not held back"
