"""Resolution (``vitalegraph.pipeline.resolution``): its statement handlers, found by the kind the TOML uses."""

from __future__ import annotations

import pytest

from conftest import SOURCES
from vitalegraph.paths import REFERENCE, STATEMENTS
from vitalegraph.pipeline.reference import load_reference
from vitalegraph.pipeline.resolution import resolve
from vitalegraph.pipeline.resolution.resolver import HANDLERS, handles
from vitalegraph.pipeline.sources import read_sources
from vitalegraph.pipeline.statements import KINDS, load_statements


def _inputs():
    documents = read_sources(SOURCES)
    files, _ = load_statements(STATEMENTS, documents)
    return documents, files, load_reference(REFERENCE)


def test_every_statement_kind_has_one_handler():
    assert sorted(HANDLERS) == sorted(KINDS)


def test_handlers_run_in_the_order_their_references_need():
    order = [kind for kind, _ in sorted(HANDLERS.items(), key=lambda item: item[1][0])]
    assert order == ["mention", "pilot_city", "publication", "cited_document", "pilot", "agreement", "programme",
                     "approach_step", "district_role", "person_function", "membership", "adoption", "entity",
                     "project", "evaluation", "commitment", "participation", "result"]
    assert len({rank for rank, _ in HANDLERS.values()}) == len(HANDLERS)


def test_a_kind_has_one_handler():
    with pytest.raises(ValueError, match="has a handler already"):
        handles("membership", rank=1)(lambda r, st, doc: None)


def test_a_registered_handler_gets_the_statements_of_its_kind(monkeypatch):
    documents, files, reference = _inputs()
    rank, real = HANDLERS["pilot_city"]
    seen = []

    def recording(r, st, doc):
        seen.append((doc.name, st.kind, st.get("name")))
        real(r, st, doc)

    monkeypatch.setitem(HANDLERS, "pilot_city", (rank, recording))
    model = resolve(documents, files, reference)
    expected = [(sf.source.name, st.kind, st.get("name")) for sf in files for st in sf.statements if st.kind == "pilot_city"]
    assert seen == expected and seen
    assert len(model.of_kind("municipality")) >= len({name for _, _, name in seen})
