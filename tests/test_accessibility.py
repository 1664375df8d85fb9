"""Accessibility of every HTML page the project writes, checked by axe-core in headless Chromium.

axe-core (the npm package, installed by the test setup: `npm install --prefix .venv/npm axe-core@4`,
see the README's second command) is injected into each page: the three pictures (with their tour,
in English and Dutch) and the ontology documentation. Any violation fails, named with its rule and
the first elements it was found on. The keyboard alone reaches the search, the filters, the tour and
the side panel of a picture. The test FAILS (never skips) when axe-core is not installed.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from browser import chromium  # noqa: F401 - the fixture
from conftest import ROOT
from vitalegraph import picture as vp

AXE = ROOT / ".venv" / "npm" / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.is_file():
        pytest.fail(f"{AXE.relative_to(ROOT)} is missing: run `npm install --prefix .venv/npm --no-audit --no-fund "
                    "axe-core@4` (the README's second command does)", pytrace=False)
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def written_pages(dataset, tmp_path_factory) -> dict[str, Path]:
    """Every kind of HTML page the project writes, freshly written from the dataset."""
    from vitalegraph import network as vn

    out = tmp_path_factory.mktemp("a11y")
    rows = vn.membership_rows(dataset)
    pages = {}
    for view in vp.VIEWS:
        for lang in ("en", "nl"):
            path = out / f"{view}-{lang}.html"
            path.write_bytes(vp.render_view(dataset, view, rows=rows, lang=lang, tour=True)[0].encode("utf-8"))
            pages[path.stem] = path
    pages["ontology-docs"] = ROOT / "ontology" / "docs" / "index.html"
    from vitalegraph.report import report_html

    pages["report"] = out / "report.html"
    pages["report"].write_bytes(report_html(dataset, "all").encode("utf-8"))
    return pages


def axe_run(browser, source: str) -> list[dict]:
    browser.js(source)
    browser.driver.set_script_timeout(60)
    result = browser.driver.execute_async_script("""var done = arguments[arguments.length - 1];
        axe.run(document, {resultTypes: ['violations']}).then(function (r) {
          done(r.violations.map(function (v) { return {id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.length, where: v.nodes.slice(0, 3).map(function (n) { return n.target.join(' '); })}; }));
        }, function (e) { done([{id: 'axe-error', help: String(e), nodes: 0, where: []}]); });""")
    return result


def test_axe_finds_no_violation_on_any_page(chromium, axe_source, written_pages):
    found = {}
    for name, path in written_pages.items():
        if name == "ontology-docs":
            chromium.driver.get(path.resolve().as_uri())
            time.sleep(0.3)
        else:
            chromium.open(path)
        found[name] = axe_run(chromium, axe_source)
    bad = {k: [(v["id"], v["nodes"], v["where"]) for v in vs] for k, vs in found.items() if vs}
    assert bad == {}


def test_a_picture_with_its_tour_opened_has_no_violation(chromium, axe_source, written_pages):
    chromium.open(written_pages["coalitions-en"])
    chromium.js("vgPicture.tour(1); vgPicture.select(0, false);")
    time.sleep(0.5)
    assert axe_run(chromium, axe_source) == []


def test_the_keyboard_alone_reaches_search_filters_tour_and_panel(chromium, written_pages):
    chromium.open(written_pages["coalitions-en"])
    body = chromium.driver.find_element(By.TAG_NAME, "body")
    body.click()
    reached = []
    for _ in range(60):
        chromium.driver.switch_to.active_element.send_keys(Keys.TAB)
        active = chromium.driver.switch_to.active_element
        reached.append(active.get_attribute("id") or active.tag_name + ":" + (active.text or "")[:20])
    assert "search" in reached and "linkers" in reached and "tour-next" in reached and "fit" in reached
    assert any(r.startswith("input:") or r == "" for r in reached) or len([r for r in reached if r.startswith("input")]) >= 1
    # the search field, Enter: the side panel opens and takes the focus of the next Tab
    search = chromium.driver.find_element(By.ID, "search")
    search.click()
    search.send_keys("Annet Bertram")
    search.send_keys(Keys.ARROW_DOWN)
    chromium.driver.switch_to.active_element.send_keys(Keys.ENTER)
    assert chromium.js("return document.activeElement.id") == "panel"
    chromium.driver.switch_to.active_element.send_keys(Keys.TAB)
    assert chromium.js("return document.activeElement.id") == "panel-close"
    chromium.driver.switch_to.active_element.send_keys(Keys.TAB)
    assert chromium.js("return document.getElementById('panel').contains(document.activeElement)")
    # the tour by keyboard: Enter on Start, then the arrow keys
    chromium.js("document.getElementById('tour-next').focus()")
    chromium.driver.switch_to.active_element.send_keys(Keys.ENTER)
    assert chromium.js("return vgPicture.tourAt()") == 0
    chromium.driver.switch_to.active_element.send_keys(Keys.ARROW_RIGHT)
    assert chromium.js("return vgPicture.tourAt()") == 1
