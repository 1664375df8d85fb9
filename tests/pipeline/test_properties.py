"""Property-based tests: thousands of generated and mutated listings end either in a graph that
passes the SHACL shapes or in the project's own error naming ``file:line``, never in another
exception or a hang."""

from __future__ import annotations

import re

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vitalegraph.errors import SourceError
from vitalegraph.pipeline.extraction import extract_teams
from vitalegraph.pipeline.graph import build_quads
from vitalegraph.paths import ONTOLOGY, REFERENCE, SHAPES
from vitalegraph.pipeline.reference import load_reference
from vitalegraph.pipeline.resolution import resolve
from vitalegraph.pipeline.sources import SourceDocument
from vitalegraph.pipeline.validation import validate_store

NAME = "page.txt"
ERROR = re.compile(r"^page\.txt:\d+: \S")

letters = st.sampled_from(list("abcdeijklmnoprstuvwzéëïöüçñAÉKLMNZ") + [" ", "-", "'"])
hostile = st.sampled_from(["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "javascript:alert(1)",
                           "SELECT * WHERE { ?s ?p ?o }", "\u202egnp.exe", "=HYPERLINK(\"x\")", "\u00a0", "\t",
                           "\x07", "\u200b", "(", ")", ",", "•", "Toelichting (pdf-bestand)", "x" * 300])
word = st.one_of(st.text(letters, min_size=1, max_size=12), hostile)
name = st.lists(word, min_size=1, max_size=4).map(" ".join)
function = st.one_of(
    st.sampled_from(["wethouder, PvdA", "wethouder", "directeur-generaal VROM", "directeur-generaal XYZ",
                     "minister van Financiën", "staatssecretaris van Onderwijs, Cultuur en Wetenschap",
                     "minister voor Onbekende Zaken", "KPN", "comm.jeugdbld", "burgemeester, Nieuwe Partij"]),
    name)


@st.composite
def team(draw):
    place, district, theme = draw(name), draw(name), draw(name)
    header = draw(st.sampled_from(["{p},\n{d}", "{p}, {d}", "{p},\u00a0\n{d}"])).format(p=place, d=district)
    toelichting = draw(st.sampled_from(["Toelichting (pdf-bestand)", "Toelichting(pdf-bestand)"]))
    bullets = [f" • {draw(name)} ({draw(function)})" + draw(st.sampled_from(["", ",", " "]))
               for _ in range(draw(st.integers(1, 5)))]
    return f"{header}\n\n{toelichting}\n\n{theme}\n" + "\n".join(bullets) + "\n"


@st.composite
def listing(draw):
    text = "Project\n\nTitel\n\nStart: 2006\nVoltooing: 2007\n\n" + "\n".join(draw(st.lists(team(), min_size=1, max_size=4)))
    for _ in range(draw(st.integers(0, 4))):       # mutations
        kind = draw(st.sampled_from(["delete", "insert", "dupline", "dropline", "crlf", "bom", "truncate"]))
        if not text:
            break
        i = draw(st.integers(0, len(text) - 1))
        if kind == "delete":
            text = text[:i] + text[i + 1:]
        elif kind == "insert":
            text = text[:i] + draw(st.sampled_from(["(", ")", "•", "\n", " • ", ",", "\n\n", "\r\n", "\x0c"])) + text[i:]
        elif kind in ("dupline", "dropline"):
            lines = text.split("\n")
            j = draw(st.integers(0, len(lines) - 1))
            lines[j:j + 1] = [lines[j]] * (2 if kind == "dupline" else 0)
            text = "\n".join(lines)
        elif kind == "crlf":
            text = text.replace("\n", "\r\n", draw(st.integers(1, 5)))
        elif kind == "bom":
            text = "\ufeff" + text
        elif kind == "truncate":
            text = text[:i]
    encoding = draw(st.sampled_from(["utf-8"] * 8 + ["latin-1", "utf-16", "cp1252"]))
    return text.encode(encoding, errors="replace")


def _extract_or_error(data: bytes):
    try:
        return extract_teams(SourceDocument.from_bytes(NAME, data))
    except SourceError as exc:
        assert ERROR.match(str(exc)), str(exc)
        return None


@settings(max_examples=3000, deadline=2000, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(listing())
def test_extraction_ends_in_teams_or_a_file_line_error(data):
    teams = _extract_or_error(data)
    if teams is not None:
        for t in teams:
            assert t.members and t.place.value and t.district.value and t.theme.value
            assert all(m.name.value and m.function.value for m in t.members)


REF = load_reference(REFERENCE)


def resolved_or_error(data: bytes):
    """The resolved model of the listing *data*, or None where it stops with the project's own
    ``file:line`` error (anything else fails the test)."""
    try:
        return resolve([SourceDocument.from_bytes(NAME, data)], [], REF)
    except SourceError as exc:
        assert ERROR.match(str(exc)), str(exc)
        return None


@settings(max_examples=250, deadline=5000, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(listing())
def test_graph_passes_the_shapes_or_a_file_line_error(data):
    model = resolved_or_error(data)
    if model is None:
        return
    store = ox.Store()
    store.extend(build_quads(model, ONTOLOGY))
    report = validate_store(store, SHAPES)
    assert report.conforms, report.summary()


# (a name in the listing cannot hold parentheses: they open the function)
@pytest.mark.parametrize("text", ["<script>alert`1`</script>", '"><img src=x onerror=alert`1`>', "\u202eevil",
                                  'quote " and \\ backslash', "line\u2028sep"])
def test_hostile_names_round_trip_through_turtle(text, tmp_path):
    from vitalegraph.pipeline.serialize import turtle_bytes

    data = (f"Utrecht,\nOvervecht\n\nToelichting (pdf-bestand)\n\nThema {text}\n"
            f" • Anna {text} (wethouder, PvdA)\n").encode()
    quads = build_quads(resolve([SourceDocument.from_bytes(NAME, data)], [], REF), None)
    ttl = turtle_bytes(quads)
    back = {str(t.object.value) for t in ox.parse(ttl, format=ox.RdfFormat.TURTLE) if isinstance(t.object, ox.Literal)}
    assert f"Anna {text}" in back and f"Thema {text}" in back
