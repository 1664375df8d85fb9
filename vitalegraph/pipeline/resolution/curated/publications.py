"""Curated ``publication`` and ``evaluation`` statements: what was written about the pilot, and by whom."""

from __future__ import annotations

from ....errors import StatementError
from ...reference import name_key, slug
from ...statements import Statement
from ..model import Lit, Ref
from ..organisations import publisher
from ..persons import curated_person
from ..places import district, municipality
from ..resolver import Resolver, handles

_STANCES = {"positive": "vg:Positive", "less-satisfied": "vg:LessSatisfied", "mixed": "vg:Mixed",
            "conclusion": "vg:Conclusion"}


@handles("publication", rank=30)
def publication(r: Resolver, st: Statement, doc) -> None:
    """A cited publication, its publisher and date."""
    pub = r.entity("publication", slug(st.get("id")), st.get("title") or st.get("publisher"))
    by = publisher(r, st, st.get("publisher"), doc)
    label = f"{by.label}" + (f", {st.get('date')}" if st.get("date") else "")
    pub.label = st.get("title") or label
    pub.add("skos:prefLabel", Lit(pub.label), doc.name)
    pub.add("dct:publisher", by, doc.name)
    if st.get("title"):
        pub.add("dct:title", Lit(st.get("title"), lang="nl"), doc.name)
        pub.mention(st.where(st.get("title")), doc.name)
    if st.get("date"):
        pub.add("dct:date", r.date(st.get("date"), st.label), doc.name)
    pub.add("prov:wasDerivedFrom", Ref(f"source/{doc.stem}"), doc.name)
    st.cite(pub)


#: what an evaluation may be about (``subject_type``)
_SUBJECTS = ("municipality", "district", "team", "pilot")


def _subject(r: Resolver, st: Statement, doc):
    """What an evaluation is about: the document's pilot, a municipality, or a district or team of one.

    ``subject`` is the name as written (``pilot`` for the whole pilot); ``subject_type`` says which
    (default: municipality); a district or a team needs its ``municipality`` as written, a team of a
    district with several teams its ``theme``.
    """
    subject = st.get("subject")
    kind = st.get("subject_type") or ("pilot" if subject.casefold() == "pilot" else "municipality")
    if kind not in _SUBJECTS:
        raise StatementError(f"{st.label}: subject_type must be one of {', '.join(_SUBJECTS)}")
    if kind == "pilot":
        pilot = r.pilot(doc)
        if pilot is None:
            raise StatementError(f"{st.label}: subject 'pilot' but {doc.name} has no team listing")
        return pilot
    if kind == "municipality":
        return municipality(r, st.where(subject), doc)
    if not st.get("municipality"):
        raise StatementError(f"{st.label}: a {kind} as subject needs its municipality")
    area = district(r, municipality(r, st.where(st.get("municipality")), doc), st.where(subject), doc, create=False)
    if kind == "district":
        return area
    theme = st.get("theme")
    teams = [t for (t, _m, _d, th) in r.teams if Ref(area.key) in t.objects("schema:areaServed")
             and (not theme or name_key(th) == name_key(theme))]
    if len(teams) != 1:
        raise StatementError(f"{st.label}: {'no team' if not teams else f'{len(teams)} teams (add its theme)'} "
                             f"in the listing for {subject}, {st.get('municipality')}")
    return teams[0]


@handles("evaluation", rank=100)
def evaluation(r: Resolver, st: Statement, doc) -> None:
    """An evaluation of the pilot, a municipality, a district or a team: its stance and who gave it
    (a publication, a person, or ``source``: the document itself)."""
    ev = r.entity("evaluation", slug(st.get("id")), st.get("summary") or st.get("id"))
    if st.get("stance") not in _STANCES:
        raise StatementError(f"{st.label}: stance must be one of {', '.join(_STANCES)}")
    ev.add("vg:stance", Lit(_STANCES[st.get("stance")], "curie"), doc.name)
    ev.add("vg:about", _subject(r, st, doc), doc.name)
    by = st.get("according_to")
    pub = r.entities.get(f"publication/{slug(by)}")
    if pub is not None:
        ev.add("vg:accordingTo", pub, doc.name)
    elif by == "source":   # the source document itself says so, citing nobody
        ev.add("vg:accordingTo", Ref(f"source/{doc.stem}"), doc.name)
    else:
        person, _ = curated_person(r, st, by, None, doc)
        ev.add("vg:accordingTo", person, doc.name)
    if st.get("date"):
        ev.add("dct:date", r.date(st.get("date"), st.label), doc.name)
    if st.get("summary"):
        ev.add("rdfs:comment", Lit(st.get("summary"), lang="en"), doc.name)
    ev.add("prov:wasDerivedFrom", Ref(f"source/{doc.stem}"), doc.name)
    st.cite(ev)


@handles("cited_document", rank=33)
def cited_document(r: Resolver, st: Statement, doc) -> None:
    """A document the text cites (a report, an annex): what it is, what it is part of or underlies.

    ``name`` as written (a spelling), ``label`` the curator's (default: the name); ``document_type``
    (``dct:type``), ``format`` and ``size`` as written (``dct:format``, ``dct:extent``);
    ``part_of`` the id of the document that contains it (``dct:isPartOf``, and ``dct:hasPart`` back);
    ``underlies`` the id of the document based on it (which gets ``dct:source`` it). ``count = N``
    makes N documents the text counts but does not name (``een drietal evaluatierapporten``), each
    ``ID-1`` ... ``ID-N``. The citing source ``dct:references`` each.
    """
    count = st.get("count", 1)
    if isinstance(count, bool) or not isinstance(count, int) or count < 1:   # TOML's true is no count
        raise StatementError(f"{st.label}: count must be a positive whole number")
    name = st.get("name")
    named = st.where(name)
    if st.get("count_words"):
        st.where(st.get("count_words"))
    related = {}
    for key in ("part_of", "underlies"):
        if st.get(key):
            related[key] = r.entities.get(f"document/{slug(st.get(key))}")
            if related[key] is None:
                raise StatementError(f"{st.label}: {key} '{st.get(key)}' is no cited document above it")
    source = r.entities[f"source/{doc.stem}"]
    for i in range(1, count + 1):
        local = slug(st.get("id")) + (f"-{i}" if count > 1 else "")
        label = (st.get("label") or name) + (f" ({i} van {count})" if count > 1 else "")
        d = r.entity("document", local, label)
        d.add("skos:prefLabel", Lit(label, lang="nl"), doc.name)
        d.mention(named, doc.name)
        for key, pred in (("document_type", "dct:type"), ("format", "dct:format"), ("size", "dct:extent")):
            if st.get(key):
                if key != "document_type":
                    st.where(st.get(key))
                d.add(pred, Lit(st.get(key), lang="nl" if key == "document_type" else None), doc.name)
        if "part_of" in related:
            d.add("dct:isPartOf", related["part_of"], doc.name)
            related["part_of"].add("dct:hasPart", d, doc.name)
        if "underlies" in related:
            related["underlies"].add("dct:source", d, doc.name)
        if st.get("description"):
            d.add("rdfs:comment", Lit(st.get("description"), lang="en"), doc.name)
        source.add("dct:references", d, doc.name)
        d.add("prov:wasDerivedFrom", Ref(f"source/{doc.stem}"), doc.name)
        st.cite(d)
