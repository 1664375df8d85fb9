"""Places, held exactly: the plan of the listings' district keys and labels, the keys of districts
named outside it, and a municipality whose key holds a ``/``.

Written against the mutants that survived ``benchmarks/mutation.py resolution.places`` after
:func:`~vitalegraph.pipeline.resolution.places.plan_districts` came.
"""

from __future__ import annotations

from vitalegraph.pipeline.extraction import TeamListing, Text
from vitalegraph.pipeline.reference import Municipality, Reference
from vitalegraph.pipeline.resolution.model import Lit, Ref
from vitalegraph.pipeline.resolution.places import district, load_municipalities, place_or_municipality, plan_districts
from vitalegraph.pipeline.resolution.resolver import Resolver
from vitalegraph.pipeline.sources import SourceDocument

REF = Reference(municipalities=[Municipality("zaanstad", "Zaanstad", "", "", "", ("Zaandam",), "s.csv"),
                                Municipality("den-haag", "Den Haag", "", "", "", (), "d.csv")])
DOC = SourceDocument.from_bytes("004_x.txt", "Zaandam\nZuid\nNoord\n".encode())


def team(place: str, name: str) -> TeamListing:
    return TeamListing(Text(place, 0, 7, 1), Text(name, 8, 12, 2), None, None, ())


def planned(*teams: tuple[str, str], ref: Reference = REF) -> dict:
    r = Resolver(ref)
    plan_districts(r, [team(p, n) for p, n in teams])
    return r.district_plan


def test_the_plan_is_keyed_by_municipality_and_name_key():
    assert planned(("Zaanstad", "Zuid (Poelenburg)"), ("Zaandam", "Noord"), ("Nergens", "Oost-West"),
                   ("nergens!", "Oost"), ("Den  Haag", "Zuid")) == {
        ("municipality/zaanstad", "zuidpoelenburg"): ("zuid", "Zuid (Poelenburg)"),
        ("municipality/zaanstad", "noord"): ("noord", "Noord"),              # Zaandam is a place in Zaanstad
        ("?nergens", "oostwest"): ("oost-west", "Oost-West"),                 # not in the reference data
        ("?nergens", "oost"): ("oost", "Oost"),
        ("municipality/den-haag", "zuid"): ("zuid", "Zuid"),
    }


def test_the_most_frequent_spelling_labels_a_district_and_ties_go_to_code_point_order():
    plan = planned(("Zaanstad", "Overtoomseveld"), ("Zaanstad", "Overtoomse Veld"), ("Zaanstad", "Overtoomse Veld"),
                   ("Zaanstad", "Oud Noord"), ("Zaanstad", "oud noord"), ("Zaanstad", "Oud-Noord"))
    assert plan == {("municipality/zaanstad", "overtoomseveld"): ("overtoomse-veld", "Overtoomse Veld"),
                    ("municipality/zaanstad", "oudnoord"): ("oud-noord", "Oud Noord")}
    assert planned(("Zaanstad", "b c"), ("Zaanstad", "B C"))[("municipality/zaanstad", "bc")] == ("b-c", "B C")
    plan = planned(("Zaanstad", "Overtoomseveld"), ("Zaanstad", "Overtoomse Veld"), ("Zaanstad", "Overtoomseveld"))
    assert plan == {("municipality/zaanstad", "overtoomseveld"): ("overtoomseveld", "Overtoomseveld")}


def test_a_parenthesis_is_dropped_only_where_no_other_district_has_the_same_base():
    plan = planned(("Zaanstad", "Zuid (Pendrecht, Bloemhof)"), ("Zaanstad", "Zuid"), ("Zaanstad", "Noord (A)"),
                   ("Den Haag", "Zuid (Charlois)"), ("Den Haag", "Zuid (Oost)"), ("Den Haag", "West (X) "))
    assert plan == {
        ("municipality/zaanstad", "zuidpendrechtbloemhof"): ("zuid-pendrecht-bloemhof", "Zuid (Pendrecht, Bloemhof)"),
        ("municipality/zaanstad", "zuid"): ("zuid", "Zuid"),
        ("municipality/zaanstad", "noorda"): ("noord", "Noord (A)"),
        ("municipality/den-haag", "zuidcharlois"): ("zuid-charlois", "Zuid (Charlois)"),
        ("municipality/den-haag", "zuidoost"): ("zuid-oost", "Zuid (Oost)"),
        ("municipality/den-haag", "westx"): ("west", "West (X) "),
    }


def test_spellings_that_compare_equal_are_one_district():
    plan = planned(("Zaanstad", "Zuid Oost"), ("Zaanstad", "Zuid (Oost)"), ("Zaanstad", "Zuid"),
                   ("Zaanstad", "Zuid-Oost!"), ("Den Haag", "Zuid (Oost)"))
    assert plan == {
        ("municipality/zaanstad", "zuidoost"): ("zuid-oost", "Zuid (Oost)"),
        ("municipality/zaanstad", "zuid"): ("zuid", "Zuid"),
        ("municipality/den-haag", "zuidoost"): ("zuid", "Zuid (Oost)"),
    }
    plan = planned(("Zaanstad", "A (B)"), ("Zaanstad", "A"), ("Zaanstad", "A B"), ("Zaanstad", "A (B C)"),
                   ("Zaanstad", "A-B-C"))
    assert plan == {
        ("municipality/zaanstad", "ab"): ("a-b", "A (B)"),
        ("municipality/zaanstad", "a"): ("a", "A"),
        ("municipality/zaanstad", "abc"): ("a-b-c", "A (B C)"),
    }
    plan = planned(("Zaanstad", "Oost (Één)"), ("Zaanstad", "Oost (Een)"), ("Zaanstad", "Oost"),
                   ("Zaanstad", "Oost (EEN?)"))
    assert plan == {("municipality/zaanstad", "oosteen"): ("oost-een", "Oost (EEN?)"),
                    ("municipality/zaanstad", "oost"): ("oost", "Oost")}


def test_names_of_different_keys_and_one_slug_are_numbered_in_the_order_of_their_labels():
    # a slug keeps ASCII letters and digits only, and 60 characters: "Søn" and "S-n" are "s-n" both
    plan = planned(("Zaanstad", "Søn"), ("Zaanstad", "S_n"), ("Zaanstad", "S-n"), ("Den Haag", "Søn"))
    assert plan == {("municipality/zaanstad", "sn"): ("s-n", "S-n"),
                    ("municipality/zaanstad", "søn"): ("s-n-2", "Søn"),
                    ("municipality/den-haag", "søn"): ("s-n", "Søn")}
    # in the order of the labels, not of their name keys ("Søn" before "s-n", "søn" after "sn")
    assert planned(("Zaanstad", "s-n"), ("Zaanstad", "Søn")) == {("municipality/zaanstad", "søn"): ("s-n", "Søn"),
                                                                 ("municipality/zaanstad", "sn"): ("s-n-2", "s-n")}
    long, cut = "Wijk " + "lang " * 12, "wijk" + "-lang" * 11
    plan = planned(("Zaanstad", long + "twee"), ("Zaanstad", long + "een"), ("Zaanstad", long + "drie"))
    assert sorted(plan.values()) == [(cut, long + "drie"), (cut + "-2", long + "een"), (cut + "-3", long + "twee")]
    r = Resolver(REF)
    load_municipalities(r)
    plan_districts(r, [team("Zaanstad", "S-n"), team("Zaanstad", "Søn")])
    zaanstad = r.entities["municipality/zaanstad"]
    assert district(r, zaanstad, Text("Søn", 8, 11, 2), DOC).key == "district/zaanstad-s-n-2"
    assert district(r, zaanstad, Text("S-n", 8, 11, 2), DOC).key == "district/zaanstad-s-n"


def test_a_planned_district_takes_its_planned_key_and_label():
    r = Resolver(REF)
    load_municipalities(r)
    plan_districts(r, [team("Zaandam", "Zuid (Poelenburg)"), team("Zaanstad", "Zuid (Poelenburg)"),
                       team("Zaanstad", "zuid (poelenburg)")])
    zaanstad = r.entities["municipality/zaanstad"]
    lower = district(r, zaanstad, Text("zuid (poelenburg)", 8, 25, 2), DOC)
    assert (lower.key, lower.label) == ("district/zaanstad-zuid", "Zuid (Poelenburg)")
    # the words are not the label: a mention, no prefLabel from them
    assert lower.facts == {("schema:containedInPlace", Ref("municipality/zaanstad")): {"004_x.txt"}}
    assert list(lower.spellings) == ["zuid (poelenburg)"]
    same = district(r, zaanstad, Text("Zuid (Poelenburg)", 8, 25, 2), DOC)
    assert same is lower
    assert lower.facts[("skos:prefLabel", Lit("Zuid (Poelenburg)"))] == {"004_x.txt"}
    assert r.known_in("district", "municipality/zaanstad", "Zuid Poelenburg") is lower
    assert r.known_in("district", "municipality/den-haag", "Zuid (Poelenburg)") is None
    assert r.known("district", "municipality/zaanstad zuid poelenburg") is None     # a name within its municipality only
    assert r.warnings == []


def test_an_unplanned_district_takes_a_free_key_or_a_number():
    r = Resolver(REF)
    load_municipalities(r)
    zaanstad = r.entities["municipality/zaanstad"]
    r.entity("district", "zaanstad-noord", "Iets anders")
    r.entity("district", "zaanstad-noord-a", "Nog iets")
    r.entity("district", "zaanstad-noord-a-2", "En nog iets")
    late = district(r, zaanstad, Text("Noord (A)", 8, 17, 2), DOC, create=False)
    assert (late.key, late.label) == ("district/zaanstad-noord-a-3", "Noord (A)")
    assert late.facts == {("schema:containedInPlace", Ref("municipality/zaanstad")): {"004_x.txt"},
                          ("skos:prefLabel", Lit("Noord (A)")): {"004_x.txt"}}
    assert r.warnings == ["004_x.txt:2: district 'Noord (A)' in Zaanstad is not in any team listing: kept as a new node"]
    two = district(r, zaanstad, Text("Noord  (a)", 8, 17, 2), DOC)
    assert two is late and len(r.warnings) == 1
    free = district(r, zaanstad, Text("Oost (B)", 8, 16, 2), DOC)
    assert free.key == "district/zaanstad-oost" and len(r.warnings) == 1
    whole = district(r, zaanstad, Text("Noord (C)", 8, 17, 2), DOC)
    assert whole.key == "district/zaanstad-noord-c"


def test_a_municipality_key_with_a_slash_keeps_all_of_it_after_the_kind():
    ref = Reference(municipalities=[Municipality("noord/holland", "Noordholland", "", "", "", (), "n.csv")])
    r = Resolver(ref)
    load_municipalities(r)
    muni = r.entities["municipality/noord/holland"]
    plan_districts(r, [team("Noordholland", "Oost")])
    assert district(r, muni, Text("Oost", 8, 12, 2), DOC).key == "district/noord/holland-oost"
    assert district(r, muni, Text("West", 8, 12, 2), DOC).key == "district/noord/holland-west"


def test_a_place_that_is_the_municipalitys_name_is_the_municipality():
    ref = Reference(municipalities=[Municipality("zaanstad", "Zaanstad", "", "", "", ("Zaanstad", "Wormer"), "s")])
    r = Resolver(ref)
    load_municipalities(r)
    muni, place = place_or_municipality(r, Text("ZAANSTAD", 0, 8, 1), DOC)
    assert (muni.key, place) == ("municipality/zaanstad", None) and list(muni.spellings) == ["ZAANSTAD"]
    muni, place = place_or_municipality(r, Text("Wormer", 0, 6, 1), DOC)
    assert place.key == "place/wormer" and place.facts == {
        ("skos:prefLabel", Lit("Wormer", lang="nl")): {None},
        ("schema:containedInPlace", Ref("municipality/zaanstad")): {None},
        ("dct:source", Lit("s")): {None}}
    again, same = place_or_municipality(r, Text("wormer", 0, 6, 1), DOC)
    assert again is muni and same is place and list(place.spellings) == ["Wormer", "wormer"]
    # found by its name, not made again under another key: "Wor-mer" would be place/wor-mer
    _, hyphen = place_or_municipality(r, Text("Wor-mer", 0, 7, 1), DOC)
    assert hyphen is place and list(place.spellings) == ["Wormer", "wormer", "Wor-mer"]
    assert sorted(r.entities) == ["municipality/zaanstad", "place/wormer"]


def test_districts_of_two_municipalities_whose_keys_run_into_each_other_stay_two():
    """'Bergen' + 'Op Zoom Noord' and 'Bergen op Zoom' + 'Noord' make the same slug and the same name
    key: each district is found within its own municipality, and the second one's key is numbered."""
    ref = Reference(municipalities=[Municipality("bergen", "Bergen", "", "", "", (), "b.csv"),
                                    Municipality("bergen-op-zoom", "Bergen op Zoom", "", "", "", (), "z.csv")])
    r = Resolver(ref)
    load_municipalities(r)
    bergen, boz = r.entities["municipality/bergen"], r.entities["municipality/bergen-op-zoom"]
    plan_districts(r, [team("Bergen", "Op Zoom Noord"), team("Bergen op Zoom", "Noord")])
    first = district(r, bergen, Text("Op Zoom Noord", 8, 12, 2), DOC)
    second = district(r, boz, Text("Noord", 8, 12, 2), DOC)
    assert (first.key, second.key) == ("district/bergen-op-zoom-noord", "district/bergen-op-zoom-noord-2")
    assert first.objects("schema:containedInPlace") == [Ref("municipality/bergen")]
    assert second.objects("schema:containedInPlace") == [Ref("municipality/bergen-op-zoom")]
    # named again, each is found in its own municipality; a third name is a district of its own
    assert district(r, boz, Text("noord", 8, 12, 2), DOC) is second
    assert district(r, bergen, Text("Op Zoom Noord", 8, 12, 2), DOC) is first
    third = district(r, bergen, Text("Noord", 8, 12, 2), DOC, create=False)
    assert third.key == "district/bergen-noord" and third not in (first, second)
    # unplanned, the same: the key of the other municipality's district is not taken over
    r2 = Resolver(ref)
    load_municipalities(r2)
    a = district(r2, r2.entities["municipality/bergen"], Text("Op Zoom Noord", 8, 12, 2), DOC)
    b = district(r2, r2.entities["municipality/bergen-op-zoom"], Text("Noord", 8, 12, 2), DOC)
    assert (a.key, b.key) == ("district/bergen-op-zoom-noord", "district/bergen-op-zoom-noord-2")
