"""Reference data, held exactly: matching keys, slugs, each lookup's rule and fallback, and the
tables loaded field by field.

Written against the mutants that survived ``benchmarks/mutation.py reference``.
"""

from __future__ import annotations

import pytest

from vitalegraph.errors import DataFileError
from vitalegraph.pipeline.reference import (Department, FunctionWord, Municipality, Party, Reference, _words,
                                            load_reference, name_key, slug)


def test_name_key():
    assert name_key("Verkeer & Waterstaat") == "verkeerenwaterstaat"
    assert name_key("Clémence  Ross-van_Dorp.") == "clemencerossvandorp"
    assert name_key("ÉÉN") == "een"


def test_slug():
    assert slug("Verkeer & Waterstaat") == "verkeer-en-waterstaat"
    assert slug("--Zuid (Pendrecht)--") == "zuid-pendrecht"
    assert slug("Économie_2006") == "economie-2006"
    assert slug("aaaa bbbb cccc", limit=11) == "aaaa-bbbb"               # cut at a word
    assert slug("aaaa bbbb cccc", limit=10) == "aaaa-bbbb"
    assert slug("aaaa bbbb cccc", limit=9) == "aaaa-bbbb"                # a word ending at the limit stays
    assert slug("aaaa bbbb cccc", limit=14) == "aaaa-bbbb-cccc"
    assert slug("abcdefghijkl", limit=5) == "abcde"                    # one long word: cut inside it
    assert slug("a" * 61) == "a" * 60 and slug("a" * 60) == "a" * 60
    assert slug("b-" + "a" * 60) == "b"
    assert slug("!!!") == "x" and slug("") == "x"


def test_words():
    assert _words("Landbouw, Natuur en Voedsel-kwaliteit") == ["landbouw", "natuur", "voedselkwaliteit"]
    assert _words(" , en ") == []


DEPARTMENTS = [
    Department("lnv", "ministry", ("LNV",), "Landbouw, Natuur en Voedselkwaliteit", "Agriculture", "t-lnv", "Q1", "s1"),
    Department("szw", "ministry", ("SZW", "SoZa"), "Sociale Zaken en Werkgelegenheid", "Social Affairs", "", "", "s2"),
    Department("ez", "ministry", ("EZ",), "Economische Zaken", "Economic Affairs", "", "", "s3"),
    Department("ezk", "ministry", (), "Economische Zaken en Klimaat", "Climate", "", "", "s4"),
    Department("vrom", "ministry", ("VROM",), "Volkshuisvesting, Ruimtelijke Ordening en Milieubeheer", "", "", "", ""),
    Department("szw2", "portfolio", ("SZW",), "Sociale Zekerheid", "", "", "", ""),
]


def ref() -> Reference:
    return Reference(
        departments=list(DEPARTMENTS),
        municipalities=[Municipality("zaanstad", "Zaanstad", "0479", "t", "", ("Zaandam", "Krommenie"), "s"),
                        Municipality("zaandam", "Zaandam", "9999", "", "", (), "s"),
                        Municipality("utrecht", "Utrecht", "0344", "", "", ("Overvecht",), "s"),
                        Municipality("utrecht2", "Utrecht", "0000", "", "", ("Zuilen",), "s")],
        parties=[Party("pvda", "PvdA", "Partij van de Arbeid", "Q2", "s"),
                 Party("other", "PvdA", "Andere Partij", "", "s"),
                 Party("cu", "CU", "Partij van de Arbeid", "", "s")],
        functions=[FunctionWord("minister", "minister", "cabinet-member", True),
                   FunctionWord("minister van", "minister", "cabinet-member", True),
                   FunctionWord("dg", "directeur-generaal", "director-general", True)])


def test_department_exact_by_name_abbreviation_or_key():
    r = ref()
    assert r.department("Landbouw, Natuur en Voedselkwaliteit") == (DEPARTMENTS[0], True)
    assert r.department("soza") == (DEPARTMENTS[1], True)
    assert r.department("SZW") == (DEPARTMENTS[1], True)         # the first department keeps a shared name
    assert r.department("lnv") == (DEPARTMENTS[0], True)
    assert r.department("ezk") == (DEPARTMENTS[3], True)
    assert r.department("  het Ministerie van Sociale Zaken en Werkgelegenheid ") == (DEPARTMENTS[1], True)
    assert r.department("departement voor EZ") == (DEPARTMENTS[2], True)
    assert r.department("Ministerie van") == (None, False)
    assert r.department("") == (None, False)
    assert r.department("Ministerie van VROM") == (DEPARTMENTS[4], True)


def test_department_by_its_first_words():
    r = ref()
    assert r.department("Landbouw, Natuur en Voedselveiligheid") == (DEPARTMENTS[0], False)   # first two words
    assert r.department("Landbouw Natuur") == (DEPARTMENTS[0], False)                        # the name starts so
    assert r.department("Sociale Zaken") == (DEPARTMENTS[1], False)
    assert r.department("Economische Zaken en Innovatie") == (None, False)   # two departments start so
    assert r.department("Economische") == (None, False)                      # one word is not enough
    assert r.department("Volkshuisvesting Wonen") == (None, False)           # two words must both match
    assert r.department("Sociale Zaken Werk") == (DEPARTMENTS[1], False)     # three words: the first two


def test_municipality_by_name_before_places():
    r = ref()
    assert r.municipality("zaanstad").key == "zaanstad"
    assert r.municipality("Krommenie").key == "zaanstad"
    assert r.municipality("Zaandam").key == "zaandam"          # a name wins over another's place
    assert r.municipality("Utrecht").key == "utrecht"          # the first of two
    assert r.municipality("Overvecht").key == "utrecht" and r.municipality("Zuilen").key == "utrecht2"
    assert r.municipality("Amsterdam") is None


def test_party_by_abbreviation_or_name():
    r = ref()
    assert r.party("pvda").key == "pvda" and r.party("Partij van de Arbeid").key == "pvda"
    assert r.party("Andere partij").key == "other" and r.party("cu").key == "cu"
    assert r.party("VVD") is None


def test_function_word_longest_first_at_a_word_boundary():
    r = ref()
    f, rest = r.function("Minister van Financiën")
    assert (f.pattern, rest) == ("minister van", "Financiën")
    f, rest = r.function("minister, ; Jeugd")
    assert (f.pattern, rest) == ("minister", "Jeugd")
    f, rest = r.function("minister Xander-zaken")
    assert (f.pattern, rest) == ("minister", "Xander-zaken")
    f, rest = r.function("DG")
    assert (f.function, rest) == ("directeur-generaal", "")
    assert r.function("ministerie van VROM") == (None, "ministerie van VROM")
    assert r.function("dgx") == (None, "dgx")
    assert r.function("wethouder") == (None, "wethouder")
    assert [w.pattern for w in r.functions] == ["minister van", "minister", "dg"]


CSV = {
    "ministries.csv": "key,kind,abbreviations,name_nl,name_en,tooi,wikidata,source\n"
                      "szw,ministry, SZW | SoZa |,Sociale Zaken , Social,t1,Q1,s1\n"
                      "bvk,portfolio,,Bestuurlijke Vernieuwing,,,,\n",
    "municipalities.csv": "key,name,cbs_code,tooi,wikidata,places,source\n"
                          "zaanstad,Zaanstad,0479,t2,Q2,Zaandam|Krommenie,s2\n",
    "parties.csv": "key,abbreviation,name,wikidata,source\npvda,PvdA,Partij van de Arbeid,Q3,\"s3\r\ns4\"\n",
    "functions.csv": "pattern,function,coalition_role,names_department,source\n"
                     "Minister,minister,cabinet-member,yes,s\nwethouder,wethouder,municipal-representative,no,s\n",
}


def write_reference(tmp_path, **changes):
    for name, text in {**CSV, **changes}.items():
        if text is not None:
            (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_load_reference_field_by_field(tmp_path):
    r = load_reference(str(write_reference(tmp_path)))
    assert r.departments == [
        Department("szw", "ministry", ("SZW", "SoZa"), "Sociale Zaken", "Social", "t1", "Q1", "s1"),
        Department("bvk", "portfolio", (), "Bestuurlijke Vernieuwing", "", "", "", "")]
    assert r.municipalities == [Municipality("zaanstad", "Zaanstad", "0479", "t2", "Q2", ("Zaandam", "Krommenie"), "s2")]
    assert r.parties == [Party("pvda", "PvdA", "Partij van de Arbeid", "Q3", "s3\r\ns4")]   # a quoted line break kept
    assert r.functions == [FunctionWord("wethouder", "wethouder", "municipal-representative", False),
                           FunctionWord("minister", "minister", "cabinet-member", True)]
    assert r.department("soza")[0].key == "szw" and r.municipality("Krommenie").key == "zaanstad"


def test_a_missing_column_or_file_is_named(tmp_path):
    write_reference(tmp_path, **{"parties.csv": "key,abbreviation,wikidata\npvda,PvdA,Q3\n"})
    with pytest.raises(DataFileError) as err:
        load_reference(tmp_path)
    assert str(err.value) == f"{tmp_path / 'parties.csv'}: missing column 'name'"
    (tmp_path / "parties.csv").write_text("", encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        load_reference(tmp_path)
    assert str(err.value) == f"{tmp_path / 'parties.csv'}: missing column 'key'"
    (tmp_path / "parties.csv").unlink()
    with pytest.raises(DataFileError) as err:
        load_reference(tmp_path)
    assert str(err.value) == f"{tmp_path / 'parties.csv'}: cannot read reference data (No such file or directory)"
