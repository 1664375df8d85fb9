"""Curated ``person_function`` statements, held exactly: the person's job title or post, the
organisation they work for, their portfolio and whose successor they are, each with its basis and
the quote it rests on.

Written against the mutants that survived ``benchmarks/mutation.py resolution.curated.person_functions``
(mutmut mutates the ``@handles`` function through the patch in ``benchmarks/mutation.py``).
"""

from __future__ import annotations

import pytest

from vitalegraph.errors import StatementError
from vitalegraph.pipeline.reference import FunctionWord, Reference
from vitalegraph.pipeline.resolution.curated.person_functions import person_function
from vitalegraph.pipeline.resolution.model import Claim, Evidence, Lit, Ref
from vitalegraph.pipeline.resolution.resolver import Resolver
from vitalegraph.pipeline.sources import SourceDocument
from vitalegraph.pipeline.statements import load_statement_file

TEXT = ("Inleiding.\n"
        "Projectleider Piet de Vries werkt bij Stichting Wijkkracht.\n"
        "Wethouder Els Bakker, portefeuille wonen en wijken, volgt Jan Smit op.\n")
DOC = SourceDocument.from_bytes("dir/033_wijk.txt", TEXT.encode())
NAME = DOC.name
REF = Reference(functions=[FunctionWord("wethouder", "wethouder", "municipal-representative", False)])


def ev(value: str) -> Evidence:
    at = TEXT.index(value)
    return Evidence(NAME, at, at + len(value))


def run(tmp_path, toml: str) -> Resolver:
    path = tmp_path / "033_wijk.toml"
    path.write_text(toml, encoding="utf-8")
    [st] = load_statement_file(path, DOC).statements
    r = Resolver(REF)
    person_function(r, st, DOC)
    return r


LABEL = "033_wijk.toml: [[person_function]] #1 ({})"


def test_a_job_title_and_the_organisation_the_person_works_for(tmp_path):
    r = run(tmp_path, '[[person_function]]\nname = "Piet de Vries"\nfunction = "Projectleider"\n'
                      'organisation = "Stichting Wijkkracht"\n'
                      'quote = ["Inleiding", "Projectleider Piet de Vries werkt bij Stichting Wijkkracht"]\n')
    piet, org = r.entities["person/piet-de-vries"], r.entities["organisation/stichting-wijkkracht"]
    assert piet.facts == {("foaf:name", Lit("Piet de Vries")): {NAME},
                          ("schema:jobTitle", Lit("Projectleider", lang="nl")): {NAME},
                          ("schema:worksFor", Ref("organisation/stichting-wijkkracht")): {NAME}}
    assert piet.claims == {}
    quote = ev("Projectleider Piet de Vries werkt bij Stichting Wijkkracht")
    assert piet.evidence == {quote} and piet.cited_by == {quote: LABEL.format("Piet de Vries")}
    assert piet.spellings == {"Piet de Vries": {ev("Piet de Vries"): None}}
    assert org.facts == {("skos:prefLabel", Lit("Stichting Wijkkracht")): {NAME}}
    assert org.spellings == {"Stichting Wijkkracht": {ev("Stichting Wijkkracht"): None}}
    assert sorted(r.entities) == ["organisation/stichting-wijkkracht", "person/piet-de-vries"]
    assert r.warnings == []


@pytest.mark.parametrize("bases, basis, rule", [('organisation_basis = "announced"\n', "announced", None),
                                                ('organisation_basis = "inferred"\norganisation_rule = "r"\n',
                                                 "inferred", "r")])
def test_an_organisation_the_source_announces_or_a_rule_infers_is_a_claim_on_its_quote(tmp_path, bases, basis, rule):
    r = run(tmp_path, '[[person_function]]\nname = "Piet de Vries"\norganisation = "Stichting Wijkkracht"\n' + bases
            + 'quote = ["Inleiding", "Projectleider Piet de Vries werkt bij Stichting Wijkkracht"]\n')
    piet = r.entities["person/piet-de-vries"]
    fact = ("schema:worksFor", Ref("organisation/stichting-wijkkracht"))
    assert piet.claims == {fact: Claim(basis, rule, ev("Projectleider Piet de Vries werkt bij Stichting Wijkkracht"),
                                       NAME)}
    assert [p for p, _ in piet.facts] == ["foaf:name", "schema:worksFor"]


def test_a_post_a_portfolio_and_an_inferred_predecessor(tmp_path):
    r = run(tmp_path, '[[person_function]]\nname = "Els Bakker"\nfunction = "Wethouder"\n'
                      'portfolio = "wonen en wijken"\nsuccessor_of = "Jan Smit"\nsuccessor_of_function = "wethouder"\n'
                      'successor_of_basis = "inferred"\nsuccessor_of_rule = "later-description-replaces"\n'
                      'context = "Inleiding"\n'
                      'quote = ["Inleiding", "Wethouder Els Bakker, portefeuille wonen en wijken", "volgt Jan Smit op"]\n')
    els, jan, post = (r.entities[k] for k in ("person/els-bakker", "person/jan-smit", "post/wethouder"))
    assert els.facts == {("foaf:name", Lit("Els Bakker")): {NAME},
                         ("org:holds", Ref("post/wethouder")): {NAME},
                         ("vg:portfolio", Lit("wonen en wijken", lang="nl")): {NAME},
                         ("vg:successorOf", Ref("person/jan-smit")): {NAME}}
    assert els.claims == {("vg:successorOf", Ref("person/jan-smit")):
                          Claim("inferred", "later-description-replaces", ev("volgt Jan Smit op"), NAME)}
    bakker = ev("Wethouder Els Bakker, portefeuille wonen en wijken")
    assert els.evidence == {bakker} and els.context == set()
    assert els.cited_by == {bakker: LABEL.format("Els Bakker")}
    assert jan.facts == {("foaf:name", Lit("Jan Smit")): {NAME}, ("org:holds", Ref("post/wethouder")): {NAME}}
    assert jan.evidence == {ev("volgt Jan Smit op")} and jan.spellings == {"Jan Smit": {ev("Jan Smit"): None}}
    assert post.facts[("org:heldBy", Ref("person/els-bakker"))] == {NAME}
    assert post.facts[("org:heldBy", Ref("person/jan-smit"))] == {NAME}
    assert sorted(r.entities) == ["person/els-bakker", "person/jan-smit", "post/wethouder"]


def test_a_portfolio_quoted_as_context_is_cited_as_context(tmp_path):
    r = run(tmp_path, '[[person_function]]\nname = "Els Bakker"\nportfolio = "wonen en wijken"\n'
                      'context = "portefeuille wonen en wijken"\n'
                      'quote = ["Wethouder Els Bakker", "portefeuille wonen en wijken"]\n')
    els = r.entities["person/els-bakker"]
    portfolio = ev("portefeuille wonen en wijken")
    assert els.evidence == {ev("Wethouder Els Bakker"), portfolio} and els.context == {portfolio}
    assert els.cited_by[portfolio] == LABEL.format("Els Bakker")
    assert els.facts == {("foaf:name", Lit("Els Bakker")): {NAME},
                         ("vg:portfolio", Lit("wonen en wijken", lang="nl")): {NAME}}


def test_a_predecessor_without_a_function_is_stated(tmp_path):
    r = run(tmp_path, '[[person_function]]\nname = "Els Bakker"\nsuccessor_of = "Jan Smit"\n'
                      'quote = ["Inleiding", "Wethouder Els Bakker", "volgt Jan Smit op"]\n')
    els, jan = r.entities["person/els-bakker"], r.entities["person/jan-smit"]
    assert els.facts == {("foaf:name", Lit("Els Bakker")): {NAME},
                         ("vg:successorOf", Ref("person/jan-smit")): {NAME}}
    assert els.claims == {} and jan.facts == {("foaf:name", Lit("Jan Smit")): {NAME}}
    assert jan.evidence == {ev("volgt Jan Smit op")}


@pytest.mark.parametrize("toml, message", [
    ('organisation = "Stichting Buurtkracht"\n',
     "the name 'Stichting Buurtkracht' does not stand in any of its quotes"),
    ('portfolio = "sport"\n', "the name 'sport' does not stand in any of its quotes"),
    ('successor_of = "Kees Mol"\n', "the name 'Kees Mol' does not stand in any of its quotes"),
    ('successor_of = "Jan Smit"\nsuccessor_of_basis = "inferred"\n',
     'successor_of_basis = "inferred" needs successor_of_rule, the rule that infers it'),
])
def test_words_not_in_the_quotes_or_an_inferred_basis_without_rule_are_refused(tmp_path, toml, message):
    with pytest.raises(StatementError) as err:
        run(tmp_path, f'[[person_function]]\nname = "Els Bakker"\n{toml}'
                      'quote = ["Wethouder Els Bakker, portefeuille wonen en wijken", "volgt Jan Smit op"]\n')
    assert str(err.value) == f"{LABEL.format('Els Bakker')}: {message}"
