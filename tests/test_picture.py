"""Network pictures: built from the graph, one offline HTML file, checked in a real headless Chromium.

The browser tests start Chromium themselves (tests/browser.py) and FAIL when it is missing. Each view's
screenshot is saved in the pytest temporary folder (or in $VITALEGRAPH_SCREENSHOTS when set).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import networkx as nx
import pytest
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from browser import chromium  # noqa: F401 - the fixture
from conftest import ROOT
from vitalegraph import network as vn
from vitalegraph import picture as vp
from vitalegraph.errors import QueryError

ID = "https://w3id.org/vitalegraph/id/"
EVIL = "<img src=x onerror=alert(1)>"
EVIL_FLAG = '<img src=x onerror="window.__pwned=1">'


@pytest.fixture(scope="module")
def rows(dataset):
    return vn.membership_rows(dataset)


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = os.environ.get("VITALEGRAPH_SCREENSHOTS")
    path = Path(folder) if folder else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="module")
def pages(dataset, rows, tmp_path_factory) -> dict[str, tuple[Path, nx.Graph]]:
    out = tmp_path_factory.mktemp("pictures")
    result = {}
    for view in vp.VIEWS:
        page, G = vp.render_view(dataset, view, rows=rows)
        path = out / f"{view}.html"
        path.write_bytes(page.encode("utf-8"))
        result[view] = (path, G)
    return result


def run_cli(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "vitalegraph", *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)


def page_data(html: str) -> dict:
    m = re.search(r'<script type="application/json" id="picture-data">(.*?)</script>', html, re.S)
    return json.loads(m.group(1))


# ---------------------------------------------------------------- the graphs of the views
def test_coalitions_view_joins_persons_teams_districts_municipalities_ministries(rows):
    G = vp.view_graph("coalitions", rows)
    kinds = {k: sum(1 for _n, d in G.nodes(data=True) if d["kind"] == k) for k in
             ("person", "team", "district", "municipality", "ministry", "organisation")}
    assert kinds == {"person": 53, "team": 13, "district": 12, "municipality": 11, "ministry": 13, "organisation": 9}
    bertram = ID + "person/annet-bertram"
    teams = [t for t in G[bertram] if G.nodes[t]["kind"] == "team"]
    assert sorted(G.nodes[d]["label"] for t in teams for d in G[t] if G.nodes[d]["kind"] == "district") == \
        ["Overtoomse Veld", "Overvecht"]
    assert ID + "department/vrom" in G[bertram]
    assert G.nodes[ID + "district/utrecht-overvecht"]["municipality"] == "Utrecht"
    assert ID + "municipality/utrecht" in G[ID + "district/utrecht-overvecht"]


def test_district_and_department_views(rows, dataset):
    D = vp.view_graph("districts", rows, vp.short_names(dataset))
    edge = D.edges[ID + "district/amsterdam-overtoomse-veld", ID + "district/utrecht-overvecht"]
    assert edge["short"] == "Annet Bertram, VROM" and edge["persons"] == "Annet Bertram"
    M = vp.view_graph("departments", rows, vp.short_names(dataset))
    assert M.nodes[ID + "department/vrom"]["short"] == "VROM"
    assert sorted(M.nodes[d]["label"] for d in M[ID + "department/vrom"]) == ["Overtoomse Veld", "Overvecht", "Zuidwest"]
    with pytest.raises(QueryError, match="unknown view 'maps'"):
        vp.view_graph("maps", rows)


def test_periods_change_the_picture(rows):
    start = vp.view_graph("coalitions", vn.select_period(rows, "start"))
    latest = vp.view_graph("coalitions", vn.select_period(rows, "latest"))
    assert ID + "person/andre-rouvoet" not in start and ID + "person/andre-rouvoet" in latest
    assert ID + "person/atzo-nicolai" in start and ID + "person/atzo-nicolai" not in latest


def test_evidence_is_the_quote_behind_each_membership(dataset, rows):
    ev = vp.evidence_by_person(dataset, rows)
    quotes = ev[ID + "person/annet-bertram"]
    assert [q["quote"] for q in quotes] == ["Annet Bertram (directeur-generaal VROM)"] * 2
    text = (ROOT / "data" / "sources" / quotes[0]["file"]).read_bytes().decode("utf-8")
    assert all(text[q["start"]:q["end"]] == q["quote"] for q in quotes)


# ---------------------------------------------------------------- the page, without a browser
def test_one_self_contained_deterministic_file(pages, dataset, rows):
    for view, (path, G) in pages.items():
        html = path.read_text(encoding="utf-8")
        assert html.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in html
        assert "default-src 'none'" in html                      # the page may load nothing at all
        assert not re.search(r"""<(script|link|img|iframe)[^>]*\s(src|href)=["']?(https?:)?//""", html, re.I)
        assert "cdn" not in re.sub(r"<script>.*?</script>", "", html, flags=re.S).lower()
        assert "sourceMappingURL" not in html
        data = page_data(html)
        assert (len(data["nodes"]), len(data["edges"])) == (G.number_of_nodes(), G.number_of_edges())
        assert vp.render_view(dataset, view, rows=rows)[0] == html            # same graph, same bytes
    assert "Clémence Ross-van Dorp" in pages["coalitions"][0].read_text(encoding="utf-8")


def test_text_from_the_sources_is_escaped():
    G = nx.Graph()
    G.add_node("x", label=EVIL, kind="person", role="</script><script>window.__pwned=2</script>")
    G.add_node("y", label="line\u2028separator & <b>", kind="district")
    G.add_edge("x", "y")
    html = vp.picture_html(G, evidence={"x": [{"team": "<i>t</i>", "quote": "</script>", "file": "f", "start": 0,
                                                "end": 9}]})
    body = html.split('id="picture-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in body and ">" not in body and "&" not in body and "\u2028" not in body
    assert page_data(html)["nodes"][0]["l"] == EVIL


def test_layout_is_seeded_and_scales(rows):
    """Same graph, same page, at 10,000 nodes too (its speed is measured by benchmarks/picture.py,
    not here: a timed test fails on a loaded machine)."""
    G = vp.view_graph("coalitions", rows)
    assert vp.layout(G, 0) == vp.layout(G, 0)
    big = vp.synthetic_graph(10_000)
    html = vp.picture_html(big)
    assert page_data(html)["nodes"].__len__() == 10_000
    assert html == vp.picture_html(big)


# ---------------------------------------------------------------- the command
def test_cli_writes_the_picture(dataset, tmp_path):
    out = tmp_path / "c.html"
    done = run_cli("picture", "--data", dataset.path, "--out", out)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"wrote {out} (coalitions: 111 nodes, 116 edges")
    assert out.read_text(encoding="utf-8").count("<!DOCTYPE html>") == 1
    done = run_cli("picture", "districts", "--data", dataset.path, "--out", tmp_path / "d.html", "--period", "start")
    assert done.returncode == 0 and "districts: 12 nodes" in done.stdout


@pytest.mark.parametrize("args, message", [
    (("picture", "maps"), "vitalegraph: error: unknown view 'maps'; choose one of coalitions, districts, departments"),
    (("picture", "--data", "no/such.ttl"), "vitalegraph: error: no/such.ttl: no such data file"),
])
def test_cli_bad_input_is_one_line_and_exit_2(args, message, tmp_path):
    done = run_cli(*args, "--out", tmp_path / "x.html")
    assert done.returncode == 2
    assert done.stderr.startswith(message) and len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr and not (tmp_path / "x.html").exists()


def test_same_bytes_in_every_process(dataset, tmp_path):
    """Python's hash seed changes per process (set order): the picture must not."""
    pages = []
    for seed in ("1", "2"):
        out = tmp_path / f"p{seed}.html"
        done = subprocess.run([sys.executable, "-m", "vitalegraph", "picture", "coalitions", "--data", str(dataset.path),
                               "--out", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=120,
                              env={**os.environ, "PYTHONHASHSEED": seed})
        assert done.returncode == 0, done.stderr
        pages.append(out.read_bytes())
    assert pages[0] == pages[1]


def test_cli_periods_match_the_network_module():
    from vitalegraph.cli.picture import PERIODS

    assert PERIODS == vn.PERIODS


# ---------------------------------------------------------------- in a real browser
def drawn_counts(browser) -> tuple[int, int]:
    return tuple(browser.js("return [vgPicture.nodes.length, vgPicture.edges.length]"))


def node_id(browser, label: str) -> int:
    return browser.js("var want = arguments[0]; "
                      "return vgPicture.data.nodes.findIndex(function (n) { return n.l === want; });", label)


def hover(browser, index: int) -> None:
    """Move the real mouse pointer onto node *index* (after moving it elsewhere)."""
    browser.js("vgPicture.network.moveTo({position: vgPicture.network.getPosition(arguments[0]), scale: 1.2});", index)
    time.sleep(0.1)
    canvas = browser.driver.find_element(By.CSS_SELECTOR, "#graph canvas")
    dx, dy = browser.js("""var p = vgPicture.network.canvasToDOM(vgPicture.network.getPosition(arguments[0]));
        var r = arguments[1].getBoundingClientRect(); return [p.x - r.width / 2, p.y - r.height / 2];""",
                        index, canvas)
    actions = ActionChains(browser.driver)
    actions.move_to_element_with_offset(canvas, int(dx) + 60, int(dy) + 60).pause(0.1)
    actions.move_to_element_with_offset(canvas, int(dx), int(dy)).pause(0.3).perform()


def wait_for(browser, script: str, timeout: float = 5.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = browser.js(script)
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for: {script}")


def assert_clean(browser) -> None:
    assert browser.errors() == [], "console errors"
    assert browser.outside_requests() == [], "a request left the file"
    assert browser.blocked == []


def test_the_browser_guard_sees_and_blocks_outside_requests(chromium, tmp_path):
    """The offline checks below mean something: a page that does ask a host is caught."""
    path = tmp_path / "leaky.html"
    path.write_text('<!DOCTYPE html><meta charset="utf-8"><img src="https://example.org/x.png">'
                    '<script>window.vgReady = 1;</script>', encoding="utf-8")
    chromium.open(path)
    time.sleep(0.3)
    assert "https://example.org/x.png" in chromium.outside_requests()
    assert chromium.blocked == ["https://example.org/x.png"]


def test_every_view_opens_offline_quickly_and_draws_the_whole_graph(chromium, pages, shots):
    for view, (path, G) in pages.items():
        ready = chromium.open(path)
        assert ready < 1000, f"{view} took {ready:.0f} ms to draw"
        assert drawn_counts(chromium) == (G.number_of_nodes(), G.number_of_edges())
        assert chromium.js("return document.characterSet") == "UTF-8"
        chromium.driver.save_screenshot(str(shots / f"{view}.png"))
        assert_clean(chromium)


def test_search_finds_annet_bertram_and_lights_up_her_districts(chromium, pages, shots):
    chromium.open(pages["coalitions"][0])
    box = chromium.driver.find_element(By.ID, "search")
    box.send_keys("Annet Bertram")
    first = chromium.driver.find_element(By.CSS_SELECTOR, "#results button")
    assert first.text.startswith("Annet Bertram")
    box.send_keys(Keys.ENTER)
    me = node_id(chromium, "Annet Bertram")
    assert chromium.js("return vgPicture.network.getSelectedNodes()") == [me]
    lit = chromium.js("return vgPicture.highlighted()")
    assert {"Overtoomse Veld", "Overvecht"} <= set(lit)
    assert not {"Berflo Es", "Zuidwest", "Nieuw West"} & set(lit)
    panel = chromium.driver.find_element(By.ID, "panel").text
    assert "Annet Bertram (directeur-generaal VROM)" in panel and "characters 3644–3683" in panel
    time.sleep(0.5)
    chromium.driver.save_screenshot(str(shots / "coalitions-annet-bertram.png"))
    assert_clean(chromium)


def test_clicking_a_node_highlights_its_neighbourhood(chromium, pages):
    chromium.open(pages["districts"][0])
    me = node_id(chromium, "Overvecht")
    hover(chromium, me)
    canvas = chromium.driver.find_element(By.CSS_SELECTOR, "#graph canvas")
    ActionChains(chromium.driver).click(canvas).perform()
    wait_for(chromium, "return vgPicture.network.getSelectedNodes().length")
    assert chromium.js("return vgPicture.network.getSelectedNodes()") == [me]
    assert set(chromium.js("return vgPicture.highlighted()")) == {"Overvecht", "Overtoomse Veld", "Nieuw West",
                                                                  "Poelenburg", "Zuidwest"}
    assert chromium.driver.find_element(By.CSS_SELECTOR, "#panel h2").text == "Overvecht"
    assert_clean(chromium)


@pytest.mark.parametrize("name", ["Clémence Ross-van Dorp", "Atzo Nicolaï"])
def test_hover_shows_accented_names(chromium, pages, shots, name):
    chromium.open(pages["coalitions"][0])
    hover(chromium, node_id(chromium, name))
    tip = wait_for(chromium, "var t = document.getElementById('tip'); return t.hidden ? '' : t.textContent;")
    assert tip.startswith(name) and "member of the cabinet" in tip
    chromium.driver.save_screenshot(str(shots / f"hover-{name.split()[0].lower()}.png"))
    assert_clean(chromium)


def test_filters_hide_a_kind_a_ministry_and_a_municipality(chromium, pages):
    chromium.open(pages["coalitions"][0])
    hidden = "return vgPicture.nodes.get({filter: function (n) { return n.hidden === true; }}).map(function (n) { return vgPicture.data.nodes[n.id].l; })"
    chromium.driver.find_element(By.XPATH, "//ul[@id='legend']//label[contains(., 'ministry (13)')]/input").click()
    assert len(chromium.js(hidden)) == 13
    chromium.driver.find_element(By.ID, "reset").click()
    assert chromium.js(hidden) == []
    chromium.driver.find_element(By.CSS_SELECTOR, "#municipalities-box summary").click()
    chromium.driver.find_element(By.XPATH, "//ul[@id='municipalities']//label[contains(., 'Utrecht')]/input").click()
    gone = set(chromium.js(hidden))
    assert {"Utrecht", "Overvecht", "Rinda den Besten"} <= gone and "Annet Bertram" not in gone
    chromium.driver.find_element(By.CSS_SELECTOR, "#ministries-box summary").click()
    chromium.driver.find_element(By.XPATH, "//ul[@id='ministries']//label[contains(., 'VROM')]/input").click()
    assert {"Annet Bertram", "Volkshuisvesting, Ruimtelijke Ordening en Milieubeheer"} <= set(chromium.js(hidden))
    assert_clean(chromium)


def test_a_hostile_label_shows_as_text_and_runs_nothing(chromium, tmp_path, shots):
    G = nx.Graph()
    G.add_node("evil", label=EVIL, kind="person", role="independent expert", function=EVIL_FLAG)
    G.add_node("flag", label=EVIL_FLAG, kind="district", municipality="<svg onload=alert(2)>")
    G.add_edge("evil", "flag", short="<b onmouseover=alert(3)>x</b>", persons=EVIL)
    path = tmp_path / "evil.html"
    path.write_text(vp.picture_html(G, title=EVIL, evidence={"evil": [
        {"team": EVIL_FLAG, "quote": "</script><script>window.__pwned=2</script>\u2028", "file": "f.txt",
         "start": 1, "end": 2}]}), encoding="utf-8")
    chromium.open(path)
    me = node_id(chromium, EVIL)
    hover(chromium, me)
    assert wait_for(chromium, "return document.getElementById('tip').textContent").startswith(EVIL)
    box = chromium.driver.find_element(By.ID, "search")
    box.send_keys("onerror=alert(1)")
    box.send_keys(Keys.ENTER)
    assert chromium.driver.find_element(By.CSS_SELECTOR, "#panel h2").text == EVIL
    assert EVIL_FLAG in chromium.driver.find_element(By.ID, "panel").text
    assert chromium.driver.title == EVIL
    time.sleep(0.3)
    chromium.driver.save_screenshot(str(shots / "hostile-label.png"))
    with pytest.raises(NoAlertPresentException):
        chromium.driver.switch_to.alert.text  # noqa: B018 - raises when no alert is open
    assert chromium.js("return [window.__pwned === undefined, document.images.length, "
                       "document.querySelectorAll('svg, b, i').length]") == [True, 0, 0]
    assert_clean(chromium)


def test_a_few_hundred_nodes_open_in_a_second_and_5000_still_pan(chromium, tmp_path, shots):
    for n, limit in ((400, 1000), (5000, 5000)):
        G = vp.synthetic_graph(n)
        path = tmp_path / f"synthetic-{n}.html"
        path.write_text(vp.picture_html(G, title=f"{n} synthetic nodes"), encoding="utf-8")
        ready = chromium.open(path, ready_timeout=60)
        assert ready < limit, f"{n} nodes took {ready:.0f} ms"
        assert drawn_counts(chromium) == (G.number_of_nodes(), G.number_of_edges())
        before = chromium.js("return vgPicture.network.getViewPosition()")
        canvas = chromium.driver.find_element(By.CSS_SELECTOR, "#graph canvas")
        corner = (-canvas.size["width"] // 2 + 8, -canvas.size["height"] // 2 + 8)     # empty: no node to drag
        ActionChains(chromium.driver).move_to_element_with_offset(canvas, *corner).click_and_hold() \
            .move_by_offset(40, 10).move_by_offset(80, 30).move_by_offset(80, 30).release().perform()
        after = chromium.js("return vgPicture.network.getViewPosition()")
        assert abs(after["x"] - before["x"]) > 50, "the view did not pan"
        chromium.driver.save_screenshot(str(shots / f"synthetic-{n}.png"))
        assert_clean(chromium)
