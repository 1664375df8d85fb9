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

from browser import assert_clean, chromium, shots, wait_for  # noqa: F401 - chromium, shots: fixtures
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
    # one tie: she is VROM's only official in both teams, so VROM is no second (department) tie
    assert edge["short"] == "Annet Bertram" and edge["persons"] == "Annet Bertram" and edge["ministries"] == ""
    assert edge["same_person"] == "VROM (Annet Bertram)" and edge["weight"] == 1 and edge["style"] == "solid"
    other = D.edges[ID + "district/den-haag-zuidwest", ID + "district/utrecht-overvecht"]
    assert (other["persons"], other["ministries"], other["style"]) == ("", "Volkshuisvesting, Ruimtelijke Ordening en Milieubeheer", "dashed")
    assert D.nodes[ID + "district/utrecht-overvecht"]["short"] == "Overvecht (Utrecht)"
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
def test_the_outcomes_step_places_each_evaluation_where_the_case_table_does(rows):
    """An evaluation of a team counts for it, of a district or municipality for every team there;
    a team with two stances stands under both; an evaluation of something else is the pilot's."""
    from vitalegraph.picture.tour import outcomes
    from vitalegraph.picture.text import words

    G = vp.find_view("coalitions").graph(rows, {})
    team = next(r for r in rows if r["districtLabel"] == "Overvecht")
    evals = [{"evaluation": "e1", "about": {team["team"]: "team"}, "stance": {"en": "positive", "nl": "positief"},
              "according_to": ["A"]},
             {"evaluation": "e2", "about": {team["district"]: "district"},
              "stance": {"en": "less satisfied", "nl": "minder tevreden"}, "according_to": ["B"]},
             {"evaluation": "e3", "about": {"x:pilot": "other"}, "stance": {"en": "mixed", "nl": "wisselend"},
              "according_to": ["C"]}]
    made = outcomes(G, rows, words("en"), "en", {"evaluations": evals})
    assert made["caption"] == ("Sources evaluate 1 of the 13 teams: less satisfied and positive (A; B): Overvecht "
                               "(Utrecht). On the pilot as a whole, no team's outcome: mixed.")
    assert set(made["nodes"]) == {team["team"], team["district"], team["municipality"]}
    assert outcomes(G, rows, words("nl"), "nl", {"evaluations": []})["caption"] == \
        "Geen bron beoordeelt een team, de wijk of de gemeente ervan."
    assert outcomes(G, rows, words("en"), "en", {}) is None


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
    assert "Pilotwijken Nieuwe coalities voor de wijk · project page · 2009-03 or later" in panel   # title, kind, date
    assert "004_157f315819f9f14b.txt" in panel                                                      # the file: a detail
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
    chromium.driver.find_element(By.XPATH, "//ul[@id='legend']//label[contains(., 'ministry')]/input").click()
    assert chromium.driver.find_element(By.XPATH, "//ul[@id='legend']//label[contains(., 'ministry')]").text.endswith("0 of 13")
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


def test_a_few_hundred_and_5000_nodes_draw_and_pan(chromium, tmp_path, shots):
    """They draw every node and edge and pan; how fast is measured by benchmarks/picture_open.py."""
    for n in (400, 5000):
        G = vp.synthetic_graph(n)
        path = tmp_path / f"synthetic-{n}.html"
        path.write_text(vp.picture_html(G, title=f"{n} synthetic nodes"), encoding="utf-8")
        chromium.open(path, ready_timeout=60)
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


# ---------------------------------------------------------------- what an analyst sees (issue 19)
#: measures, in the page, every drawn label from vis-network's own positions and sizes: its box in
#: CSS pixels of the frame and its font size on screen (canvas size times the scale)
MEASURE = """
var net = vgPicture.network, body = net.body, scale = net.getScale(), out = [];
function add(kind, text, lm) {
  if (!text || !lm || !lm.visible()) { return; }
  var s = lm.size;
  if (!s || !s.width) { return; }
  var a = net.canvasToDOM({x: s.left, y: s.top}), b = net.canvasToDOM({x: s.left + s.width, y: s.top + s.height});
  out.push({kind: kind, text: text, px: lm.fontOptions.size * scale, left: a.x, top: a.y, right: b.x, bottom: b.y});
}
var kinds = {};
vgPicture.data.legend.forEach(function (g) { kinds[g[4]] = g[0].split("/")[0]; });
Object.keys(body.nodes).forEach(function (id) {
  var n = body.nodes[id];
  if (!n.options.hidden) { add(kinds[vgPicture.data.nodes[id].g], n.options.label, n.labelModule); }
});
Object.keys(body.edges).forEach(function (id) {
  var e = body.edges[id];
  if (!e.options.hidden) { add("edge", e.options.label, e.labelModule); }
});
var g = document.getElementById("graph");
return {labels: out, width: g.clientWidth, height: g.clientHeight, scale: scale};
"""


def overlapping(labels: list[dict]) -> list[tuple[str, str]]:
    out = []
    for i, a in enumerate(labels):
        for b in labels[i + 1:]:
            if min(a["right"], b["right"]) - max(a["left"], b["left"]) > 0.5 and \
                    min(a["bottom"], b["bottom"]) - max(a["top"], b["top"]) > 0.5:
                out.append((a["text"], b["text"]))
    return out


@pytest.fixture(scope="module")
def tour_pages(dataset, rows, tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("tour")
    result = {}
    for view in vp.VIEWS:
        for lang in ("en", "nl"):
            path = out / f"{view}-{lang}.html"
            path.write_bytes(vp.render_view(dataset, view, rows=rows, tour=True, lang=lang)[0].encode("utf-8"))
            result[f"{view}-{lang}"] = path
    return result


@pytest.mark.parametrize("size", [(1600, 1000), (1280, 800)], ids=["1600x1000", "1280x800"])
def test_default_view_labels_are_readable_and_apart(size, tour_pages, shots):
    """At the default view, every district, ministry and team label is at least 11 CSS px, no two
    drawn labels overlap, and none is cut off by the frame: measured from vis-network itself."""
    from browser import Browser

    browser = Browser(*size)
    try:
        for view in vp.VIEWS:
            browser.open(tour_pages[f"{view}-en"])
            time.sleep(0.3)
            m = browser.js(MEASURE)
            hubs = [x for x in m["labels"] if x["kind"] in ("district", "ministry", "team")]
            assert hubs, view
            small = min(hubs, key=lambda x: x["px"])
            assert small["px"] >= 11, f"{view} at {size}: {small['text']!r} is {small['px']:.1f} px"
            assert overlapping(m["labels"]) == [], f"{view} at {size}"
            cut = [x["text"] for x in m["labels"] if x["left"] < -0.5 or x["top"] < -0.5
                   or x["right"] > m["width"] + 0.5 or x["bottom"] > m["height"] + 0.5]
            assert cut == [], f"{view} at {size}: labels cut off"
            browser.driver.save_screenshot(str(shots / f"{view}-{size[0]}x{size[1]}.png"))
            print(f"{view} {size}: {len(m['labels'])} labels, smallest hub label {small['px']:.1f} px")
            assert_clean(browser)
    finally:
        browser.quit()


def test_clicking_a_node_zooms_to_its_neighbourhood(chromium, tour_pages, shots):
    chromium.open(tour_pages["coalitions-en"])
    home = chromium.js("return vgPicture.home()")
    me = node_id(chromium, "Steven van Eijk")
    chromium.js("vgPicture.network.moveTo({scale: vgPicture.home()});")
    hover(chromium, me)
    ActionChains(chromium.driver).click(chromium.driver.find_element(By.CSS_SELECTOR, "#graph canvas")).perform()
    wait_for(chromium, "return vgPicture.network.getSelectedNodes().length")
    time.sleep(0.6)
    assert chromium.js("return vgPicture.network.getScale()") > 1.2 * home
    inside = chromium.js("""var net = vgPicture.network, g = document.getElementById('graph');
        var panel = document.getElementById('panel').offsetWidth;
        return vgPicture.highlighted().map(function (l) {
          var k = vgPicture.data.nodes.findIndex(function (n) { return n.l === l; });
          var p = net.canvasToDOM(net.getPosition(k));
          return p.x >= 0 && p.y >= 0 && p.x <= g.clientWidth - panel && p.y <= g.clientHeight; });""")
    assert inside and all(inside)
    assert "Steven van Eijk" in chromium.driver.find_element(By.CSS_SELECTOR, "#panel h2").text
    chromium.driver.save_screenshot(str(shots / "coalitions-click-zoom.png"))
    chromium.driver.find_element(By.ID, "fit").click()
    assert abs(chromium.js("return vgPicture.network.getScale()") - home) < 1e-6
    assert_clean(chromium)


def tip_shown(browser) -> bool:
    return browser.js("return !document.getElementById('tip').hidden")


def test_the_tooltip_goes_on_leave_esc_filter_and_search(chromium, tour_pages):
    chromium.open(tour_pages["coalitions-en"])
    me = node_id(chromium, "Annet Bertram")
    hover(chromium, me)
    wait_for(chromium, "return !document.getElementById('tip').hidden")
    assert "links 2 districts" in chromium.driver.find_element(By.ID, "tip").text     # plain words
    assert "betweenness" not in chromium.driver.find_element(By.ID, "tip").text
    ActionChains(chromium.driver).move_to_element(chromium.driver.find_element(By.ID, "legend")).perform()
    time.sleep(0.2)
    assert not tip_shown(chromium), "left the graph"
    for action in ("esc", "filter", "search"):
        hover(chromium, me)
        wait_for(chromium, "return !document.getElementById('tip').hidden")
        if action == "esc":
            chromium.driver.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)
        elif action == "filter":
            chromium.js("var b = document.querySelector('#legend input'); b.click(); b.click();")
        else:
            chromium.js("var s = document.getElementById('search'); s.value = 'x'; s.dispatchEvent(new Event('input'));")
        assert not tip_shown(chromium), action
    assert_clean(chromium)


def results_text(browser) -> list[str]:
    return [li.text for li in browser.driver.find_elements(By.CSS_SELECTOR, "#results li")]


@pytest.mark.parametrize("view, query, expected", [
    ("districts", "Bertram", "Overtoomse Veld — Overvecht"),          # a person on an edge
    ("departments", "Bertram", "Volkshuisvesting"),                    # an official of a ministry
    ("coalitions", "Amsterdam", "Nieuw West"),                         # a municipality finds its districts
    ("districts", "Amsterdam", "Overtoomse Veld"),
    ("districts", "VROM", "Overtoomse Veld — Zuidwest"),               # a department on an edge
])
def test_search_finds_everything_the_view_shows(chromium, tour_pages, view, query, expected):
    chromium.open(tour_pages[f"{view}-en"])
    box = chromium.driver.find_element(By.ID, "search")
    box.send_keys(query)
    assert any(expected in r for r in results_text(chromium)), results_text(chromium)
    box.clear()
    box.send_keys("qqqzzz")
    assert results_text(chromium) == ["No match for “qqqzzz”."]
    assert_clean(chromium)


def test_a_district_panel_names_who_links_it_to_each_district(chromium, tour_pages, shots):
    chromium.open(tour_pages["districts-en"])
    chromium.js("vgPicture.select(arguments[0], false)", node_id(chromium, "Overvecht"))
    panel = chromium.driver.find_element(By.ID, "panel").text
    assert "Links to other districts (4)" in panel
    assert "through a person: Annet Bertram" in panel and "through a department: SZW" in panel
    time.sleep(0.5)
    chromium.driver.save_screenshot(str(shots / "districts-overvecht.png"))
    assert_clean(chromium)


def test_only_the_linkers(chromium, tour_pages):
    chromium.open(tour_pages["coalitions-en"])
    chromium.driver.find_element(By.ID, "linkers").click()
    shown = chromium.js("return vgPicture.nodes.get({filter: function (n) { return !n.hidden; }}).map(function (n) { return vgPicture.data.nodes[n.id].l; })")
    assert {"Annet Bertram", "Steven van Eijk", "Overvecht", "Overtoomse Veld"} <= set(shown)
    assert "Amsterdam" not in shown and "KPN" not in shown and len(shown) < 60
    assert_clean(chromium)


def test_the_tour_steps_through_the_graph(chromium, tour_pages, shots):
    data = page_data(tour_pages["coalitions-en"].read_text(encoding="utf-8"))
    steps = data["tour"]
    assert 4 <= len(steps) <= 7
    assert steps[0]["caption"].startswith("13 adoption teams worked in 12 districts of 11 municipalities")
    assert "Annet Bertram (Overtoomse Veld and Overvecht)" in steps[2]["caption"]
    outcomes = steps[4]["caption"]
    assert outcomes == ("Sources evaluate 7 of the 13 teams: positive (Cobouw, 2007-05-03; Hilde van der Molen; "
                        "Pilotwijken Nieuwe coalities voor de wijk): Revisited (Emmen), Rivierenwijk (Deventer), "
                        "Slachthuisbuurt (Haarlem) and 2 teams of Zuid (Pendrecht, Bloemhof, Hillesluis) (Rotterdam); "
                        "less satisfied (Cobouw, 2007-05-03): Poelenburg (Zaanstad) and Zuidwest (Den Haag). "
                        "On the pilot as a whole, no team's outcome: conclusion and mixed.")
    lit = {data["nodes"][k]["l"] for k in steps[4]["nodes"]}
    assert {"Revisited", "Rivierenwijk", "Slachthuisbuurt", "Zuid (Pendrecht, Bloemhof, Hillesluis)", "Poelenburg",
            "Zuidwest", "Emmen", "Deventer", "Haarlem", "Rotterdam", "Zaanstad", "Den Haag"} <= lit
    assert not lit & {"Overvecht", "Berflo Es", "Utrecht", "Annet Bertram"} and len(lit) == 19   # 7 teams too
    chromium.open(tour_pages["coalitions-en"])
    chromium.driver.find_element(By.ID, "tour-next").click()
    for k, step in enumerate(steps):
        assert chromium.driver.find_element(By.ID, "tour-caption").text == step["caption"]
        assert chromium.js("return location.hash") == f"#tour-{k + 1}"
        lit = chromium.js("return vgPicture.highlighted().length")
        assert lit == len(step["nodes"]) or not step["nodes"]
        time.sleep(0.45)
        chromium.driver.save_screenshot(str(shots / f"coalitions-tour-{k + 1}.png"))
        if k < len(steps) - 1:
            chromium.driver.find_element(By.TAG_NAME, "body").send_keys(Keys.ARROW_RIGHT)
    chromium.driver.find_element(By.ID, "tour-back").click()
    assert chromium.js("return vgPicture.tourAt()") == len(steps) - 2
    # a link to a step opens it
    chromium.driver.get(tour_pages["coalitions-en"].resolve().as_uri() + "#tour-3")
    wait_for(chromium, "return window.vgPicture && vgPicture.tourAt() === 2")
    assert chromium.driver.find_element(By.ID, "tour-caption").text == steps[2]["caption"]
    assert_clean(chromium)


def test_the_page_speaks_dutch_with_the_ontologys_words(chromium, tour_pages):
    html = tour_pages["coalitions-nl"].read_text(encoding="utf-8")
    assert '<html lang="nl">' in html
    chromium.open(tour_pages["coalitions-nl"])
    legend = chromium.driver.find_element(By.ID, "legend").text
    assert "persoon: directeur-generaal" in legend and "wijk" in legend and "adoptieteam" in legend
    assert chromium.driver.find_element(By.ID, "fit").text == "Passend maken"
    chromium.js("vgPicture.select(arguments[0], false)", node_id(chromium, "Annet Bertram"))
    panel = chromium.driver.find_element(By.ID, "panel").text
    assert "rol" in panel and "directeur-generaal" in panel and "projectbeschrijving" in panel
    assert "Annet Bertram (directeur-generaal VROM)" in panel        # the source's words as written
    assert_clean(chromium)


def test_the_embedded_picture_fits_its_frame_on_first_load(chromium, dataset, rows, tmp_path):
    """As in the notebook: the page in a sandboxed iframe, opened afresh several times, shows the
    whole picture (every node inside the frame), not a corner of it."""
    page, _G = vp.render_view(dataset, "coalitions", rows=rows, tour=True)
    path = tmp_path / "notebook.html"
    path.write_text('<!DOCTYPE html><meta charset="utf-8"><title>frame</title><p>above</p>'
                    + vp.picture_iframe(page, height=680) + "<script>window.vgReady = 1;</script>", encoding="utf-8")
    for _ in range(4):
        chromium.open(path)
        chromium.driver.switch_to.frame(chromium.driver.find_element(By.TAG_NAME, "iframe"))
        try:
            wait_for(chromium, "return window.vgReady || null", timeout=20)
            time.sleep(0.3)
            outside = chromium.js("""var net = vgPicture.network, g = document.getElementById('graph');
                var ids = vgPicture.nodes.getIds(), out = [];
                ids.forEach(function (k) { var p = net.canvasToDOM(net.getPosition(k));
                  if (p.x < 0 || p.y < 0 || p.x > g.clientWidth || p.y > g.clientHeight) { out.push(k); } });
                return [out.length, g.clientWidth, g.clientHeight];""")
        finally:
            chromium.driver.switch_to.default_content()
        assert outside[0] == 0 and outside[1] > 300 and outside[2] > 300, outside
