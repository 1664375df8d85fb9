"""Fidelity, held exactly: the names that name a thing, the counts each check returns and the one
line each failure gives, on small models and stores built here.

Written against the mutants that survived ``benchmarks/mutation.py fidelity``.
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from vitalegraph.errors import StatementError
from vitalegraph.pipeline.extraction import Text
from vitalegraph.pipeline.fidelity import check_evidence, check_model, check_selectors, check_spellings, names_of
from vitalegraph.pipeline.resolution.model import Entity, Evidence, Lit, Model, Ref
from vitalegraph.pipeline.sources import SourceDocument
from vitalegraph.pipeline.statements import Statement, StatementFile

TEXT = "Jan Kok kwam.\nDe wethouder sprak.\nKok en Bos. Zaandam ligt in Zaanstad.\n"
DOC = SourceDocument.from_bytes("006_x.txt", TEXT.encode())
OTHER = SourceDocument.from_bytes("007_y.txt", "Niets hier.\nOok niet.\n".encode())


def span(words: str, doc: SourceDocument = DOC) -> Evidence:
    at = doc.text.index(words)
    return Evidence(doc.name, at, at + len(words))


def statement_file(*quotes: list[str], doc: SourceDocument = DOC, ids=()) -> StatementFile:
    statements = []
    for i, qs in enumerate(quotes, start=1):
        texts = [Text(q, span(q, doc).start, span(q, doc).end, doc.line_of(span(q, doc).start)) for q in qs]
        data = {"id": ids[i - 1]} if ids else {}
        statements.append(Statement("person", i, data, doc, texts, doc.name.replace(".txt", ".toml")))
    return StatementFile(None, doc, {}, statements, None)


def model(*entities: Entity) -> Model:
    return Model({e.key: e for e in entities}, [DOC, OTHER])


def cited(e: Entity, ev: Evidence, by: str | None = None, context: bool = False) -> Entity:
    e.cite(Text("", ev.start, ev.end, 0), ev.doc, context=context, by=by)
    return e


def test_names_of_a_thing_and_of_its_publisher():
    pub = Entity("organisation/cobouw", "organisation", "Cobouw")
    pub.spellings["De Cobouw"] = {}
    pub.notations.add("CB")
    doc = Entity("document/d", "document", "Bericht")
    doc.spellings["bericht (2007)"] = {}
    doc.notations.add("B-1")
    doc.add("dct:publisher", pub, None)
    doc.add("dct:creator", Ref("organisation/ander"), None)          # no publisher: no name of it
    doc.add("dct:publisher", Ref("organisation/missing"), None)       # a publisher not in the model
    doc.add("dct:publisher", Lit("Trouw"), None)                      # a literal publisher is no entity
    entities = {e.key: e for e in (pub, doc, Entity("organisation/ander", "organisation", "Ander"))}
    assert names_of(doc, entities) == {"bericht", "bericht2007", "b1", "cobouw", "decobouw", "cb"}
    assert names_of(pub, entities) == {"cobouw", "decobouw", "cb"}
    nameless = Entity("thing/x", "thing", "(?)")
    nameless.spellings["..."] = {}
    assert names_of(nameless, {}) == set()


def test_a_publication_is_named_by_its_publisher():
    pub = Entity("organisation/cobouw", "organisation", "Cobouw")
    article = cited(Entity("publication/p", "publication", "Bericht"), span("Kok en Bos."), by="p")
    article.add("dct:publisher", pub, None)
    with pytest.raises(StatementError, match="^p: the quote 'Kok en Bos.' is evidence for the publication"):
        check_evidence(model(pub, article))
    kok = Entity("organisation/kok-en-bos", "organisation", "Kok & Bos")
    article.add("dct:publisher", kok, None)
    assert check_evidence(model(kok, article)) == 1


def test_check_evidence_counts_the_quotes_of_named_things_only():
    kok = cited(cited(Entity("person/jan-kok", "person", "Jan Kok"), span("Jan Kok kwam.")), span("Kok en Bos."))
    kok.spellings["Kok"] = {span("Kok en"): None}
    cited(kok, span("De wethouder sprak."), context=True)                # context: not checked
    team = cited(Entity("team/t", "team", "Team"), span("Niets hier.", OTHER))   # not a named kind
    bare = Entity("person/bos", "person", "Bos")                           # no evidence
    kok.add("foaf:name", Lit("Jan Kok"), DOC.name)
    assert check_evidence(model(kok, team, bare)) == 2
    assert check_evidence(model(team, bare)) == 0
    assert check_evidence(model(team, bare, kok)) == 2                 # those skipped do not end the check
    assert check_model(model(kok, team, bare), []) is None


@pytest.mark.parametrize("kind", ["person", "municipality", "district", "place", "party", "organisation",
                                  "department", "project", "programme", "publication", "document", "thing"])
def test_every_named_kind_needs_its_name_in_its_quotes(kind):
    e = cited(Entity(f"{kind}/bos", kind, "Bos"), span("De wethouder sprak."), by="006_x.toml: [[person]] #2")
    with pytest.raises(StatementError) as err:
        check_evidence(model(e))
    assert str(err.value) == (f"006_x.toml: [[person]] #2: the quote 'De wethouder sprak.' is evidence for "
                              f"the {kind} 'Bos' but names it nowhere; name it, or list the quote under 'context'")


def test_a_quote_that_names_nothing_is_named_by_its_place_and_shortened():
    long = "Ook   niet.\n"
    e = Entity("person/bos", "person", "Bos")
    e.evidence.add(span("Kok en Bos."))
    e.evidence.add(Evidence(OTHER.name, 0, len(OTHER.text)))              # cited by nobody: the file
    with pytest.raises(StatementError) as err:
        check_evidence(model(e))
    assert str(err.value) == ("007_y.txt: the quote 'Niets hier. Ook niet.' is evidence for the person 'Bos' "
                              "but names it nowhere; name it, or list the quote under 'context'")
    far = Entity("person/wim", "person", "Wim")
    cited(far, Evidence(DOC.name, 0, len(TEXT)), by="x")
    with pytest.raises(StatementError) as err:
        check_evidence(model(far))
    assert str(err.value).startswith("x: the quote 'Jan Kok kwam. De wethouder sprak. Kok en Bos. Zaandam ligt i'"
                                     " is evidence for the person 'Wim'")
    assert long.split() == ["Ook", "niet."]


def test_the_first_quote_in_order_that_names_nothing_is_the_one_named():
    e = Entity("person/bos", "person", "Bos")
    for words in ("Zaandam ligt in Zaanstad.", "Jan Kok kwam.", "Kok en Bos."):
        cited(e, span(words), by=words)
    with pytest.raises(StatementError, match=r"^Jan Kok kwam\.: the quote 'Jan Kok kwam\.' "):
        check_evidence(model(e))


def test_a_name_is_found_by_its_key_inside_the_quote():
    e = cited(Entity("person/jan-kok", "person", "JAN  KOK"), span("Jan Kok kwam."))
    assert check_evidence(model(e)) == 1


def person(key: str, label: str, *spellings: tuple[str, Evidence]) -> Entity:
    e = Entity(key, "person", label)
    for s, ev in spellings:
        e.spellings.setdefault(s, {})[ev] = None
    return e


def test_check_spellings_counts_the_variants_it_writes():
    kok = person("person/jan-kok", "Jan  Kok", ("Jan Kok", span("Jan Kok")), ("Kok", span("Kok en")),
                 ("jan kok", span("Jan Kok")), ("J. Kok", span("Jan Kok")), ("JK", span("Jan Kok")))
    kok.notations.add("JK")
    bos = person("person/bos", "Bos", ("Bos", span("Bos.")), ("bos", span("Bos.")))
    zaanstad = Entity("municipality/zaanstad", "municipality", "Zaanstad")
    zaanstad.spellings["Zaanstad"] = {span("Zaanstad"): None}
    zaanstad.spellings["Gemeente Zaanstad"] = {span("Zaanstad"): None}
    org = Entity("organisation/kok", "organisation", "Kok")
    org.spellings["Jan Kok"] = {span("Jan Kok"): None}                    # not a person's or place's
    # Jan Kok: "J. Kok" only ("jan kok" is the label, "Kok" its surname, "JK" a notation);
    # Bos: none ("bos" is the one-word label, its surname); Zaanstad: "Gemeente Zaanstad"
    assert check_spellings(model(kok, bos, zaanstad, org), []) == 2
    assert check_spellings(model(org, kok), []) == 1                     # an organisation skipped, not the end
    place = Entity("place/kok", "place", "Kok")
    place.spellings["Kok"] = {span("Kok en"): None}
    place.spellings["KOK"] = {span("Kok en"): None}                        # the case of the label: no variant
    assert check_spellings(model(kok, place), [], {"jankok"}) == 1
    vries = person("person/piet-de-vries", "Piet de Vries", *((w, span("Kok en")) for w in ("de", "Piet", "Vries")))
    assert check_spellings(model(vries), []) == 2                          # only the last word is the surname


def test_check_model_checks_spellings_with_their_statements_and_places_then_evidence():
    zaanstad = Entity("municipality/zaanstad", "municipality", "Zaanstad")
    zaanstad.spellings["Zaandam"] = {span("Zaandam"): None}
    files = [statement_file(["Zaandam ligt in Zaanstad."], ids=["z"])]
    with pytest.raises(StatementError) as err:
        check_model(model(zaanstad), files, {"zaandam"})
    assert str(err.value) == ("006_x.toml: [[person]] #1 (z): the spelling 'Zaandam' of municipality/zaanstad is "
                              "a place inside a municipality, not a way of writing its name")
    cited(zaanstad, span("Jan Kok kwam."), by="here")
    with pytest.raises(StatementError, match=r"^006_x.toml: \[\[person\]\] #1 \(z\): the spelling"):
        check_model(model(zaanstad), files, {"zaandam"})                  # the spellings first
    with pytest.raises(StatementError, match="^here: the quote 'Jan Kok kwam.' is evidence for the municipality"):
        check_model(model(zaanstad), files)


def test_a_variant_that_is_another_persons_name_names_the_statement_that_wrote_it():
    kok = person("person/jan-kok", "Jan Kok", ("Kok en Bos", span("Kok en Bos")), ("Jan Kok", span("Jan Kok")))
    other = person("person/kok-en-bos", "Kok en Bos")
    files = [statement_file(["Jan Kok kwam."], ["De wethouder sprak.", "Kok en Bos."], ids=["a", "b"])]
    with pytest.raises(StatementError) as err:
        check_spellings(model(kok, other), files)
    assert str(err.value) == ("006_x.toml: [[person]] #2 (b): the spelling 'Kok en Bos' of person/jan-kok "
                              "is the name of person/kok-en-bos")


def test_a_variant_names_the_first_other_owner_and_the_first_place_it_stands():
    kok = person("person/jan-kok", "Jan Kok", ("Bos", span("Bos.")), ("Bos", span("Jan")), ("Bos", span("Kok en")))
    a, b = person("person/b", "BOS"), person("person/a", "Bos")
    with pytest.raises(StatementError) as err:
        check_spellings(model(kok, a, b), [statement_file(["De wethouder sprak."])])
    assert str(err.value) == "006_x.txt:1: the spelling 'Bos' of person/jan-kok is the name of person/a"


def test_a_variant_of_a_place_may_not_name_a_municipality_nor_a_person_a_place():
    zaandam = Entity("place/zaandam", "place", "Zaandam")
    zaandam.spellings["Zaanstad"] = {span("Zaanstad"): None}
    zaanstad = Entity("municipality/zaanstad", "municipality", "Zaanstad")
    with pytest.raises(StatementError, match="^006_x.txt: the spelling 'Zaanstad' of place/zaandam is the "
                                             "name of municipality/zaanstad$"):
        check_spellings(model(zaandam, zaanstad), [])
    kok = person("person/jan-kok", "Jan Kok", ("Zaanstad", span("Zaanstad")))
    assert check_spellings(model(kok, zaanstad), []) == 1                   # a person among persons only


def test_a_municipality_is_not_written_by_a_place_inside_one():
    zaanstad = Entity("municipality/zaanstad", "municipality", "Zaanstad")
    zaanstad.spellings["Zaandam"] = {span("Zaandam"): None}
    with pytest.raises(StatementError) as err:
        check_spellings(model(zaanstad), [], {"zaandam"})
    assert str(err.value) == ("006_x.txt: the spelling 'Zaandam' of municipality/zaanstad is a place "
                              "inside a municipality, not a way of writing its name")
    assert check_spellings(model(zaanstad), [], {"wormer"}) == 1
    place = Entity("place/wormer", "place", "Wormer")
    place.spellings["Zaandam"] = {span("Zaandam"): None}                   # only a municipality's variant
    assert check_spellings(model(place), [], {"zaandam"}) == 1


def district(key: str, label: str, municipality: str | None, *spellings: str) -> Entity:
    e = Entity(key, "district", label)
    if municipality:
        e.add("schema:containedInPlace", Ref(municipality), None)
    e.add("skos:prefLabel", Lit(label), None)
    for s in spellings:
        e.spellings[s] = {span("Kok en"): None}
    return e


def test_districts_compare_within_their_municipality():
    a = district("district/a-noord", "Noord", "municipality/a", "Zuid")
    b = district("district/b-zuid", "Zuid", "municipality/b")
    assert check_spellings(model(a, b), []) == 1
    c = district("district/a-zuid", "Zuid", "municipality/a")
    with pytest.raises(StatementError, match="^006_x.txt: the spelling 'Zuid' of district/a-noord is the "
                                             "name of district/a-zuid$"):
        check_spellings(model(a, b, c), [])
    loose = district("district/x", "Noord", None, "Zuid")
    free = district("district/y", "Zuid", None)
    with pytest.raises(StatementError, match="of district/x is the name of district/y$"):
        check_spellings(model(loose, free), [])
    muni = Entity("municipality/zuid", "municipality", "Zuid")
    assert check_spellings(model(a, b, muni), []) == 1                      # a district is no place


def test_a_spelling_in_no_statement_file_of_its_source_names_the_source():
    kok = person("person/jan-kok", "Jan Kok", ("Bos", span("Bos.")))
    bos = person("person/bos", "Bos")
    files = [statement_file(["Niets hier."], doc=OTHER), statement_file(["De wethouder sprak."])]
    with pytest.raises(StatementError, match="^006_x.txt:3: the spelling 'Bos'"):
        check_spellings(model(kok, bos), files)
    first = person("person/jan-kok", "Jan Kok", ("Bos", Evidence(DOC.name, 0, 3)))
    with pytest.raises(StatementError, match="^006_x.txt:1: the spelling 'Bos'"):
        check_spellings(model(first, bos), [statement_file(["Kok en Bos."])])
    with pytest.raises(StatementError, match="^006_x.txt: the spelling 'Bos'"):
        check_spellings(model(first, bos), [])                              # no file: no line to give
    files = [statement_file(["Jan Kok kwam."], ["Jan Kok kwam.\nDe"], ids=["a", "b"])]
    with pytest.raises(StatementError, match=r"^006_x.toml: \[\[person\]\] #1 \(a\): "):
        check_spellings(model(first, bos), files)                           # the first that holds it
    end = person("person/jan-kok", "Jan Kok", ("Bos", Evidence(DOC.name, 4, 13)))
    with pytest.raises(StatementError, match=r"^006_x.toml: \[\[person\]\] #1 \(a\): "):
        check_spellings(model(end, bos), files)                             # a quote that ends where it does
    over = person("person/jan-kok", "Jan Kok", ("Bos", Evidence(DOC.name, 4, 14)))
    with pytest.raises(StatementError, match=r"^006_x.toml: \[\[person\]\] #2 \(b\): "):
        check_spellings(model(over, bos), files)


TTL = """
@prefix oa: <http://www.w3.org/ns/oa#> . @prefix dct: <http://purl.org/dc/terms/> .
<http://e/1> oa:hasSource <http://s/006> ; oa:hasSelector <http://q/1>, <http://p/1> .
<http://s/006> dct:identifier "006_x.txt" .
<http://q/1> oa:exact "Kok en Bos." . <http://p/1> oa:start 34 ; oa:end 45 .
<http://e/2> oa:hasSource <http://s/006> ; oa:hasSelector <http://q/2>, <http://p/2> .
<http://q/2> oa:exact "Jan Kok" . <http://p/2> oa:start 0 ; oa:end 7 .
<http://e/3> oa:hasSource <http://s/009> ; oa:hasSelector <http://q/3>, <http://p/3> .
<http://s/009> dct:identifier "009_z.txt" .
<http://q/3> oa:exact "wat dan ook" . <http://p/3> oa:start 0 ; oa:end 2 .
"""


def store(ttl: str) -> ox.Store:
    s = ox.Store()
    s.load(ttl, format=ox.RdfFormat.TURTLE)
    return s


def test_check_selectors_counts_every_selector_and_skips_a_source_it_has_no_text_of():
    assert TEXT[34:45] == "Kok en Bos."
    assert check_selectors(store(TTL), {DOC.name: TEXT}) == 3
    assert check_selectors(store(TTL), {}) == 3


def test_a_selector_that_does_not_give_back_its_words_names_the_statement():
    wrong = TTL.replace('"Kok en Bos."', '"' + "Kok en Bos, en nog veel meer woorden dan veertig tekens." + '"')
    with pytest.raises(StatementError) as err:
        check_selectors(store(wrong), {DOC.name: TEXT}, [statement_file(["Jan Kok kwam."], ["Kok en Bos."])])
    assert str(err.value) == ("006_x.toml: [[person]] #2: the evidence 006_x.txt:34-45 says "
                              "'Kok en Bos, en nog veel meer woorden dan' but the source has 'Kok en Bos.' there")
    far = TTL.replace("oa:start 34 ; oa:end 45", "oa:start 0 ; oa:end 60")
    with pytest.raises(StatementError) as err:
        check_selectors(store(far), {DOC.name: TEXT}, (f for f in [statement_file(["Jan Kok kwam."])]))
    assert str(err.value) == ("006_x.txt:1: the evidence 006_x.txt:0-60 says 'Kok en Bos.' but the source "
                              "has 'Jan Kok kwam.\nDe wethouder sprak.\nKok en' there")
