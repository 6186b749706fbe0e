"""Per-script search that finds the questions readers type.

- Split: mkdocs-static-i18n merges both scripts into one index at /search/. After the whole
  build we split it: 简体 entries stay at /search/search_index.json, 繁體 entries (their
  "zh-Hant/" prefix removed) go to /zh-Hant/search/search_index.json. The template
  (overrides/main.html) points a 繁體 page's search base at /zh-Hant/.
- Words: Material's search plugin segments Chinese with jieba at build time (words joined by
  U+200B, searched with the plain tokenizer). jieba's dictionary cuts domain terms apart
  (停息|挂账, 个性化|分期, 個|性化|分期), so we add search_words.txt, both scripts, first.
- Descriptions and synonyms: Material indexes only headings and text. Each page's top entry
  also gets its front-matter `description:` (a field of its own, boosted: it says in readers'
  words what the page answers), and every entry gets the synonyms (search_synonyms.txt) of
  the words it contains in a `keywords` field. Neither field is shown in the results.
- Query: Material's worker cuts the reader's question into index words with a segment() that
  never tries the question's last word and keeps 吗/怎么/会; search_query.js replaces it
  (patched into the worker after the build).
- Lazy index (issue 13): Material's bundle requests and parses the index on every page load;
  search_lazy.js, appended to the bundle, holds the request back until the reader opens
  search, and the bundle's index$ is pointed at it (patched after the build).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from _common import HANT, build_state, site_root
from mkdocs.plugins import event_priority

HERE = Path(__file__).resolve().parent
# Field boosts. Material's defaults (title 1000, text 1) let one common word in a heading
# (逾期, 协商, 怎么) outweigh every word of the question in the text; measured with the
# questions of tests/browser/test_search_questions.py, title 30 / description 30 / text 1
# finds the most answering pages in the first three (25 -> 28/29 of 30 per script).
TITLE_BOOST = 30.0
DESCRIPTION_BOOST = 30.0
KEYWORDS_BOOST = 1.0
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def _lines(name: str) -> list[list[str]]:
    rows = []
    for line in (HERE / name).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            rows.append(line.split())
    return rows


def user_words() -> list[str]:
    return [word for row in _lines("search_words.txt") for word in row]


def synonym_groups() -> list[list[str]]:
    return _lines("search_synonyms.txt")


def segment(text: str) -> str:
    """Cut Han runs into words joined by U+200B, as Material's search plugin does."""
    import jieba

    return HAN.sub(lambda m: "\u200b" + "\u200b".join(jieba.cut(m.group(0))) + "\u200b",
                   text).strip("\u200b")


def on_config(config):
    """Teach jieba our words before Material's search plugin segments the pages."""
    import jieba

    jieba.setLogLevel(60)
    for word in user_words():
        jieba.add_word(word, freq=max(jieba.get_FREQ(word) or 0, 20000))
    return config


def on_page_context(context, page, config, nav):
    """Keep each page's description for the index: page URL (as in the merged index, 繁體
    with its "zh-Hant/" prefix) -> description, for the whole build (both scripts)."""
    description = (page.meta or {}).get("description")
    if description:
        build_state(config, "search_descriptions", dict)[page.url] = str(description)
    return context


TAGS = re.compile(r"<[^>]+>")


def enrich_entries(index: dict, descriptions: dict[str, str]) -> None:
    """Add the `description` and `keywords` fields (see the module's docstring)."""
    groups = synonym_groups()
    for entry in index["docs"]:
        location = entry["location"]
        if "#" not in location and location in descriptions:
            entry["description"] = segment(descriptions[location])
        plain = TAGS.sub("", entry.get("title", "") + " " + entry.get("text", "")).replace(
            "\u200b", "")
        extra = []
        for group in groups:
            if any(word in plain for word in group):
                extra += [word for word in group if word not in plain and word not in extra]
        if extra:
            entry["keywords"] = segment(" ".join(extra))
    fields = index["config"].setdefault("fields", {})
    fields["title"] = {**fields.get("title", {}), "boost": TITLE_BOOST}
    fields["description"] = {"boost": DESCRIPTION_BOOST}
    fields["keywords"] = {"boost": KEYWORDS_BOOST}


def split_search_index(site: Path, descriptions: dict[str, str]) -> None:
    index_path = site / "search" / "search_index.json"
    if not index_path.exists():
        return
    index = json.loads(index_path.read_text(encoding="utf-8"))
    enrich_entries(index, descriptions)
    prefix = f"{HANT}/"
    simplified = [d for d in index["docs"] if not d["location"].startswith(prefix)]
    traditional = []
    for d in index["docs"]:
        if d["location"].startswith(prefix):
            traditional.append({**d, "location": d["location"][len(prefix):]})
    if not traditional:  # nothing to split (already split, or one script only)
        return
    index_path.write_text(json.dumps({**index, "docs": simplified}, ensure_ascii=False),
                          encoding="utf-8")
    hant = site / HANT / "search" / "search_index.json"
    hant.parent.mkdir(parents=True, exist_ok=True)
    hant.write_text(json.dumps({**index, "docs": traditional}, ensure_ascii=False),
                    encoding="utf-8")



# Material's worker cuts each run of Han characters of the query with its own segment()
# (query/segment in Material's source); we hand that run to ours (search_query.js). The
# pattern is checked: a Material upgrade that changes the code fails the build rather than
# silently losing the fix.
WORKER_SEGMENT = re.compile(
    r'(\w+)=>\[\.\.\.(\w+)\(\1,this\.index\.invertedIndex\)\]\.join\("\* "\)')


def patch_search_worker(site: Path) -> None:
    workers = sorted((site / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    if not workers:
        raise FileNotFoundError("Material's search worker is missing from assets/javascripts/workers/")
    ours = (HERE / "search_query.js").read_text(encoding="utf-8")
    for worker in workers:
        text = worker.read_text(encoding="utf-8")
        if "__segmentQuery" in text:
            continue
        text, n = WORKER_SEGMENT.subn(
            lambda m: (f"{m[1]}=>self.__segmentQuery?self.__segmentQuery({m[1]},"
                       f"this.index.invertedIndex):[...{m[2]}({m[1]},this.index.invertedIndex)]"
                       '.join("* ")'), text)
        if n != 1:
            raise ValueError(f"{worker.name}: Material's query segmentation not found; "
                             "update hooks/search.py for this Material version")
        head, sep, tail = text.rpartition("//# sourceMappingURL=")
        text = (head + ours + "\n" + sep + tail) if sep else (text + "\n" + ours)
        worker.write_text(text, encoding="utf-8")


# Material's bundle: `index$ = document.forms.namedItem("search") ? fetchSearchIndex() : NEVER`
# (bundle.ts) becomes `... ? <a promise of __searchIndex(fetchSearchIndex)> : NEVER`. Our
# search_lazy.js is appended after the bundle (its source map's lines stay true), so the
# promise asks for __searchIndex a microtask later, once the whole file has run. Checked like
# the worker's pattern: a Material upgrade that changes the code fails the build.
BUNDLE_INDEX = re.compile(r'(\w+)=document\.forms\.namedItem\("search"\)\?(\w+)\(\):(\w+)')


# Material's search Web Worker: `function Mn(e,t=new Worker(e))` (watchWorker) creates it at
# load, and the browser fetches and compiles its script (42 KB, 12 KB brotli) beside the page's work
# (on a tool page, the Pyodide runtime's bytes on a slow link). It becomes a stand-in with
# the Worker's interface that creates the real worker on its first postMessage, which
# Material sends only with the index (search_lazy.js: when the reader opens search). Its
# listeners are kept and handed to the real worker. Checked like the other patterns.
BUNDLE_WORKER = re.compile(r"function (\w+)\((\w+),(\w+)=new Worker\((\w+)\)\)")
LAZY_WORKER = (
    "((u)=>{{let w=null,q=[];const real=()=>w||(w=new Worker(u),q.forEach(a=>w.addEventListener(...a)),w);"
    "return{{addEventListener:(...a)=>w?w.addEventListener(...a):q.push(a),"
    "removeEventListener:(...a)=>w?w.removeEventListener(...a):(q=q.filter(b=>b[1]!==a[1])),"
    "postMessage:(...a)=>real().postMessage(...a),terminate:()=>w&&w.terminate()}}}})({url})")


def patch_search_bundle(site: Path) -> None:
    bundles = sorted((site / "assets" / "javascripts").glob("bundle.*.min.js"))
    if not bundles:
        raise FileNotFoundError("Material's bundle is missing from assets/javascripts/")
    ours = (HERE / "search_lazy.js").read_text(encoding="utf-8")
    for bundle in bundles:
        text = bundle.read_text(encoding="utf-8")
        if "__searchIndex" in text:
            continue
        text, n = BUNDLE_INDEX.subn(
            lambda m: (f'{m[1]}=document.forms.namedItem("search")?'
                       f'Promise.resolve().then(()=>self.__searchIndex({m[2]})):{m[3]}'), text)
        if n != 1:
            raise ValueError(f"{bundle.name}: Material's search index request not found; "
                             "update hooks/search.py for this Material version")
        text, n = BUNDLE_WORKER.subn(
            lambda m: f"function {m[1]}({m[2]},{m[3]}={LAZY_WORKER.format(url=m[4])})", text)
        if n != 1:
            raise ValueError(f"{bundle.name}: Material's search worker start not found; "
                             "update hooks/search.py for this Material version")
        head, sep, tail = text.rpartition("//# sourceMappingURL=")
        text = (head + ours + "\n" + sep + tail) if sep else (text + "\n" + ours)
        bundle.write_text(text, encoding="utf-8")


@event_priority(-200)  # after mkdocs-static-i18n (-100) has merged and written the index
def on_post_build(config):
    site = site_root(config)
    split_search_index(site, build_state(config, "search_descriptions", dict))
    patch_search_worker(site)
    patch_search_bundle(site)
