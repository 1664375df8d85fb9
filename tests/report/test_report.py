"""The report page (`vitalegraph report`): computed from the graph, one offline file, checked in a real
headless Chromium like the pictures (no request leaves the file, no console error, hostile text inert),
with screenshots (in $VITALEGRAPH_SCREENSHOTS when set)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By

from browser import assert_clean, chromium, shots  # noqa: F401 - chromium, shots: fixtures
from conftest import ROOT
from vitalegraph.build import build
from vitalegraph.query import load_dataset
from vitalegraph.report import OUTCOME_COLOURS, report_html

HAND = ROOT / "tests" / "analysis" / "coalitions"
EVIL = '<img src=x onerror="window.__pwned=1">'


@pytest.fixture(scope="module")
def page(dataset, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_bytes(report_html(dataset).encode("utf-8"))
    return path


def test_the_page_is_computed_from_the_graph(page, dataset):
    html = page.read_text(encoding="utf-8")
    assert html == report_html(dataset)                       # the same graph, the same bytes
    assert not re.search(r"(?:src|href)=\"(?!#|data:)", html)   # nothing to load, links inside the page only
    assert "http://" not in html and "https://" not in html
    text = re.sub(r"<[^>]+>", " ", html)
    assert "13 adoption teams in 11 municipalities" in text
    assert "The sources evaluate 7 of the 13 cases: 5 positive (Rivierenwijk (Deventer), Revisited (Emmen), " \
        "Slachthuisbuurt (Haarlem)" in text
    assert "No source evaluates 6" in text and "support no causal claim" in text
    assert html.count('<tr id="case-') == 13 and html.count('class="tile ') == 13
    assert 'data-outcome="unknown"' in html and OUTCOME_COLOURS["unknown"] in html


def test_the_report_opens_offline_and_links_cells_to_quotes(chromium, page, shots):
    chromium.open(page)
    assert chromium.js("return window.vgReport") == {"cases": 13, "quotes": chromium.js(
        "return document.querySelectorAll('ol.quotes li').length")}
    chromium.driver.save_screenshot(str(shots / "report.png"))
    row = chromium.driver.find_element(By.ID, "case-7")
    links = row.find_elements(By.CSS_SELECTOR, "td.outcome sup a")
    texts = {a.get_attribute("href").split("#", 1)[1]: a for a in links}
    target = next(t for t in texts if "vol lof" in chromium.driver.find_element(By.ID, t).get_attribute("textContent"))
    texts[target].click()
    assert chromium.js("return location.hash") == "#" + target
    quote = chromium.driver.find_element(By.ID, target).text
    assert "Haarlem, Emmen en Rotterdam zijn vol lof." in quote and "characters 11322\u201311363" in quote
    grey = chromium.js("return getComputedStyle(document.querySelector('.tile[data-outcome=unknown]')).backgroundColor")
    assert grey == "rgb({}, {}, {})".format(*(int(OUTCOME_COLOURS["unknown"][i:i + 2], 16) for i in (1, 3, 5)))
    assert len(set(OUTCOME_COLOURS["unknown"][1:].upper()[i:i + 2] for i in (0, 2, 4))) == 1   # a grey
    chromium.driver.find_element(By.ID, "truth").location_once_scrolled_into_view
    chromium.driver.save_screenshot(str(shots / "report-truth-table.png"))
    assert_clean(chromium)


def test_hostile_text_in_the_sources_stays_text(chromium, tmp_path, shots):
    corpus = tmp_path / "corpus"
    shutil.copytree(HAND, corpus)
    toml = corpus / "statements" / "proefbuurten.toml"
    text = toml.read_text(encoding="utf-8")
    text = text.replace('summary = "Success differs strongly from one district to another."', f"summary = '{EVIL}'")
    text = text.replace('label = "Buurtbedrijf Vogelwijk"', 'label = "</script><script>window.__pwned=2</script>"\n'
                        'names = ["Buurtbedrijf Vogelwijk"]')   # the words that still name it
    toml.write_text(text, encoding="utf-8")
    build(corpus / "sources", tmp_path / "out", corpus / "statements")
    path = tmp_path / "evil.html"
    path.write_bytes(report_html(load_dataset(tmp_path / "out" / "vitalegraph.ttl")).encode("utf-8"))
    chromium.open(path)
    body = chromium.driver.find_element(By.TAG_NAME, "body").text
    assert EVIL in body and "</script><script>window.__pwned=2</script>" in body
    assert chromium.js("return [window.__pwned === undefined, document.images.length, "
                       "document.scripts.length]") == [True, 0, 1]
    chromium.driver.save_screenshot(str(shots / "report-hostile.png"))
    assert_clean(chromium)


def test_cli_writes_the_report(built, tmp_path):
    out = tmp_path / "r.html"
    r = subprocess.run([sys.executable, "-m", "vitalegraph", "report", "--data", str(built.files[0]), "--out", str(out)],
                       cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and r.stdout.startswith(f"wrote {out}") and out.read_bytes().startswith(b"<!DOCTYPE html>")
    bad = subprocess.run([sys.executable, "-m", "vitalegraph", "report", "--data", str(built.files[0]), "--out",
                          str(tmp_path)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "is a folder" in bad.stderr


def test_build_writes_the_report_beside_the_pictures(built):
    report = built.files[0].parent / "pictures" / "report.html"
    assert report.is_file()
    assert report.read_bytes() == report_html(load_dataset(built.files[0])).encode("utf-8")
