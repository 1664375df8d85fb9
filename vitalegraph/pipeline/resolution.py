"""Stage 4 — resolution: from extracted listings and curated statements to one set of entities.

The same person, place or department named in both documents, or twice in one, becomes one
entity with a stable, readable key (``person/annet-bertram``, ``district/amsterdam-overtoomse-veld``).
Every spelling a source uses is kept with the place it stands (a *mention*), so that the graph can
say which source spells a name which way. Entities carry their facts as ``(predicate, object)``
pairs, each with the documents that state it; :mod:`vitalegraph.graph` turns them into RDF.

Resolution rules (no name is spelled in code):

* departments, municipalities and parties are looked up in the reference data
  (:mod:`vitalegraph.reference`); an unknown one is kept as a new entity with a warning;
* a person is the same person when the name is the same (ignoring case, accents, white space);
  a name of one word (a surname, "minister Zalm") is the one person with that surname who holds a
  post in the same department; a curated ``refers_to`` joins two spellings explicitly;
* a bullet's coalition role comes from its function word (``data/reference/functions.csv``); a
  bullet without one is a municipal representative before the team's first director-general or
  member of the cabinet, and an independent expert after it (the listing's column order).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import StatementError
from .extraction import ProjectInfo, TeamListing, Text, extract_project_info, extract_teams
from .reference import Reference, name_key, slug
from .sources import SourceDocument
from .statements import Statement, StatementFile

__all__ = ["Evidence", "Ref", "Lit", "Entity", "Model", "extract", "resolve", "date_literal"]


@dataclass(frozen=True, order=True)
class Evidence:
    """A span of a source document: ``doc`` is the file name."""

    doc: str
    start: int
    end: int


@dataclass(frozen=True, order=True)
class Ref:
    """A reference to another entity by key."""

    key: str


@dataclass(frozen=True, order=True)
class Lit:
    """A literal value: ``datatype`` is a CURIE such as ``xsd:gYear``; ``lang`` a language tag."""

    value: str
    datatype: str | None = None
    lang: str | None = None


@dataclass
class Entity:
    """One node of the graph with its facts and where they come from."""

    key: str
    kind: str
    label: str
    facts: dict[tuple[str, Ref | Lit], set[str | None]] = field(default_factory=dict)
    spellings: dict[str, dict[Evidence, None]] = field(default_factory=dict)
    evidence: set[Evidence] = field(default_factory=set)
    docs: set[str | None] = field(default_factory=set)
    notations: set[str] = field(default_factory=set)

    def add(self, predicate: str, obj: "Ref | Lit | Entity", doc: str | None) -> None:
        """Record the fact ``(self, predicate, obj)`` as stated by *doc* (``None``: reference data)."""
        if isinstance(obj, Entity):
            obj = Ref(obj.key)
        self.facts.setdefault((predicate, obj), set()).add(doc)
        self.docs.add(doc)

    def objects(self, predicate: str) -> list[Ref | Lit]:
        return sorted(o for (p, o) in self.facts if p == predicate)

    def mention(self, text: Text, doc: str) -> None:
        """Record that *doc* writes this entity's name as *text*."""
        # a dict as an ordered set: a name mentioned thousands of times stays linear
        self.spellings.setdefault(text.value, {})[Evidence(doc, text.start, text.end)] = None
        self.docs.add(doc)

    def cite(self, text: Text, doc: str) -> None:
        """Record *text* in *doc* as evidence for this entity's facts."""
        self.evidence.add(Evidence(doc, text.start, text.end))
        self.docs.add(doc)


@dataclass
class Model:
    """The resolved corpus: entities by key, the documents, and what was noticed on the way."""

    entities: dict[str, Entity]
    documents: list[SourceDocument]
    warnings: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def of_kind(self, kind: str) -> list[Entity]:
        return [e for e in self.entities.values() if e.kind == kind]


_DATE = [(re.compile(r"^\d{4}$"), "xsd:gYear"), (re.compile(r"^\d{4}-(0[1-9]|1[0-2])$"), "xsd:gYearMonth"),
         (re.compile(r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"), "xsd:date")]


def date_literal(value: str) -> Lit:
    """A typed date literal for ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

    >>> date_literal("2007-03")
    Lit(value='2007-03', datatype='xsd:gYearMonth', lang=None)
    """
    value = str(value).strip()
    for pattern, datatype in _DATE:
        if pattern.match(value):
            return Lit(value, datatype)
    raise ValueError(f"'{value}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")


_STANCES = {"positive": "vg:Positive", "less-satisfied": "vg:LessSatisfied", "mixed": "vg:Mixed",
            "conclusion": "vg:Conclusion"}
_ROLES = ("municipal-representative", "director-general", "independent-expert", "cabinet-member")
_KINDS = {"press release": "vg:PressRelease", "project page": "vg:ProjectPage"}
_DUTCH = re.compile(r"\b(de|het|een|van|en|in|voor|met|zijn|wordt|niet|ook)\b", re.IGNORECASE)


class _Resolver:
    def __init__(self, reference: Reference):
        self.ref = reference
        self.entities: dict[str, Entity] = {}
        self.names: dict[tuple[str, str], str] = {}   # (kind, name_key) -> key
        self.warnings: list[str] = []
        self.teams: list[tuple[Entity, str, str, str]] = []  # team, municipality key, district label, theme

    # ---------------------------------------------------------------- entities
    def entity(self, kind: str, local: str, label: str) -> Entity:
        key = f"{kind}/{local}"
        ent = self.entities.get(key)
        if ent is None:
            ent = self.entities[key] = Entity(key, kind, label)
            self.names.setdefault((kind, name_key(label)), key)
        return ent

    def known(self, kind: str, name: str) -> Entity | None:
        key = self.names.get((kind, name_key(name)))
        return self.entities.get(key) if key else None

    def alias(self, ent: Entity, name: str) -> None:
        self.names.setdefault((ent.kind, name_key(name)), ent.key)

    def warn(self, doc: SourceDocument | None, line: int, message: str) -> None:
        where = f"{doc.name}:{line}: " if doc else ""
        self.warnings.append(where + message)

    # ---------------------------------------------------------------- reference data
    def load_reference(self) -> None:
        for d in self.ref.departments:
            ent = self.entity("department", d.key, d.name_nl)
            ent.add("rdf:type", Lit("vg:Ministry" if d.kind == "ministry" else "vg:CabinetPortfolio", "curie"), None)
            ent.add("skos:prefLabel", Lit(d.name_nl, lang="nl"), None)
            if d.name_en:
                ent.add("skos:prefLabel", Lit(d.name_en, lang="en"), None)
            for a in d.abbreviations:
                if a != d.name_nl:
                    ent.add("skos:notation", Lit(a), None)
                ent.notations.add(a)
                self.alias(ent, a)
            if d.tooi:
                ent.add("skos:exactMatch", Lit(d.tooi, "iri"), None)
            if d.wikidata:
                ent.add("skos:exactMatch", Lit(f"http://www.wikidata.org/entity/{d.wikidata}", "iri"), None)
            ent.add("dct:source", Lit(d.source), None)
        for m in self.ref.municipalities:
            ent = self.entity("municipality", m.key, m.name)
            ent.add("skos:prefLabel", Lit(m.name, lang="nl"), None)
            if m.cbs_code:
                ent.add("vg:cbsCode", Lit(m.cbs_code), None)
            if m.tooi:
                ent.add("skos:exactMatch", Lit(m.tooi, "iri"), None)
            if m.wikidata:
                ent.add("skos:exactMatch", Lit(f"http://www.wikidata.org/entity/{m.wikidata}", "iri"), None)
            ent.add("dct:source", Lit(m.source), None)
        for p in self.ref.parties:
            ent = self.entity("party", p.key, p.name)
            ent.add("skos:prefLabel", Lit(p.name, lang="nl"), None)
            ent.add("skos:notation", Lit(p.abbreviation), None)
            ent.notations.add(p.abbreviation)
            self.alias(ent, p.abbreviation)
            if p.wikidata:
                ent.add("skos:exactMatch", Lit(f"http://www.wikidata.org/entity/{p.wikidata}", "iri"), None)
            ent.add("dct:source", Lit(p.source), None)

    # ---------------------------------------------------------------- lookups with mentions
    def department(self, text: Text, doc: SourceDocument) -> Entity:
        dep, _exact = self.ref.department(text.value)
        if dep is not None:
            ent = self.entities[f"department/{dep.key}"]
        else:
            ent = self.known("department", text.value)
            if ent is None:
                self.warn(doc, text.line, f"unknown department '{text.value}' (not in data/reference/"
                          "ministries.csv): kept as a new node")
                ent = self.entity("department", slug(text.value), text.value)
                ent.add("skos:prefLabel", Lit(text.value), doc.name)
        ent.mention(text, doc.name)
        return ent

    def municipality(self, text: Text, doc: SourceDocument) -> Entity:
        m = self.ref.municipality(text.value)
        if m is not None:
            ent = self.entities[f"municipality/{m.key}"]
        else:
            ent = self.known("municipality", text.value)
            if ent is None:
                self.warn(doc, text.line, f"unknown municipality '{text.value}' (not in data/reference/"
                          "municipalities.csv): kept as a new node")
                ent = self.entity("municipality", slug(text.value), text.value)
                ent.add("skos:prefLabel", Lit(text.value), doc.name)
        ent.mention(text, doc.name)
        return ent

    def party_or_organisation(self, text: Text, doc: SourceDocument) -> Entity:
        p = self.ref.party(text.value)
        if p is not None:
            ent = self.entities[f"party/{p.key}"]
        else:
            ent = self.organisation(text, doc)
        ent.mention(text, doc.name)
        return ent

    def organisation(self, text: Text, doc: SourceDocument, kind_text: str = "") -> Entity:
        ent = self.known("organisation", text.value) or self.known("department", text.value)
        if ent is None:
            dep, exact = self.ref.department(text.value)
            if dep is not None and exact:
                ent = self.entities[f"department/{dep.key}"]
        if ent is None:
            ent = self.entity("organisation", slug(text.value), text.value)
            ent.add("skos:prefLabel", Lit(text.value), doc.name)
        if kind_text and ent.kind == "organisation":
            ent.add("dct:type", Lit(kind_text), doc.name)
        ent.mention(text, doc.name)
        return ent

    def district(self, municipality: Entity, text: Text, doc: SourceDocument, create: bool = True) -> Entity:
        ent = self.known("district", f"{municipality.key} {text.value}")
        if ent is None:
            base = re.sub(r"\s*\(.*\)\s*$", "", text.value) or text.value
            local = f"{municipality.key.split('/', 1)[1]}-{slug(base)}"
            if f"district/{local}" in self.entities and self.entities[f"district/{local}"].label != text.value:
                local = f"{municipality.key.split('/', 1)[1]}-{slug(text.value)}"
            ent = self.entity("district", local, text.value)
            self.names[("district", name_key(f"{municipality.key} {text.value}"))] = ent.key
            if not create:
                self.warn(doc, text.line, f"district '{text.value}' in {municipality.label} is not in any "
                          "team listing: kept as a new node")
            ent.add("skos:prefLabel", Lit(text.value), doc.name)
            ent.add("schema:containedInPlace", municipality, doc.name)
        ent.mention(text, doc.name)
        return ent

    def person(self, text: Text, doc: SourceDocument, department: Entity | None = None) -> Entity:
        ent = self.known("person", text.value)
        if ent is None and len(text.value.split()) == 1 and department is not None:
            surname = name_key(text.value)
            hits = [p for p in self.entities.values() if p.kind == "person"
                    and name_key(p.label.split()[-1]) == surname
                    and any(self.entities[o.key].objects("org:postIn") == [Ref(department.key)]
                            for o in p.objects("org:holds"))]
            if len(hits) == 1:
                ent = hits[0]
        if ent is None:
            local = slug(text.value)
            n = 2
            while f"person/{local}" in self.entities:  # a different person with the same slug
                local = f"{slug(text.value)}-{n}"
                n += 1
            ent = self.entity("person", local, text.value)
            ent.add("foaf:name", Lit(text.value), doc.name)
        ent.mention(text, doc.name)
        return ent

    def post(self, function: str, department: Entity | None, doc: str, function_label: str) -> Entity:
        local = function + (f"-{department.key.split('/', 1)[1]}" if department else "")
        label = function_label + (f" ({department.label})" if department else "")
        ent = self.entity("post", local, label)
        ent.add("skos:prefLabel", Lit(label), doc)
        ent.add("org:role", Ref(f"function/{function}"), doc)
        if department is not None:
            ent.add("org:postIn", department, doc)
        return ent

    # ---------------------------------------------------------------- functions
    def read_function(self, text: Text, doc: SourceDocument, index) -> dict:
        """Interpret the words between a bullet's parentheses (or a curated function)."""
        fw, rest = self.ref.function(text.value)
        out = {"function": None, "role": None, "department": None, "affiliations": [], "other": None}
        if fw is not None:
            out["function"], out["role"] = fw.function, fw.coalition_role
            if fw.names_department and rest:
                rest_text = index.find_within(rest, text) if index else None
                rest_text = rest_text or Text(rest, text.start, text.end, text.line)
                out["department"] = self.department(rest_text, doc)
            elif rest:
                for part in [p.strip() for p in rest.split(",") if p.strip()]:
                    t = (index.find_within(part, text) if index else None) or Text(part, text.start, text.end, text.line)
                    out["affiliations"].append(self.party_or_organisation(t, doc))
            return out
        for part in [p.strip() for p in _split_top(text.value) if p.strip()]:
            t = (index.find_within(part, text) if index else None) or Text(part, text.start, text.end, text.line)
            if self.ref.party(part) is not None:
                out["affiliations"].append(self.party_or_organisation(t, doc))
            elif part[:1].islower():
                out["other"] = part   # a field or former office as written (comm.jeugdbld, oud-...)
            else:
                out["affiliations"].append(self.organisation(t, doc))
        return out

    # ---------------------------------------------------------------- the listing
    def listing(self, doc: SourceDocument, info: ProjectInfo, teams: list[TeamListing], index) -> None:
        if not teams:
            return
        title = info.title.value if info.title else doc.stem
        project = self.entity("project", slug(title), title)
        project.add("skos:prefLabel", Lit(title), doc.name)
        project.add("rdf:type", Lit("vg:Project", "curie"), doc.name)
        if info.title:
            project.mention(info.title, doc.name)
            project.cite(info.title, doc.name)
        for t, pred in ((info.start, "schema:startDate"), (info.end, "schema:endDate")):
            if t is not None:
                project.add(pred, date_literal(t.value), doc.name)
                project.cite(t, doc.name)
        project.add("prov:wasDerivedFrom", Ref(f"source/{doc.stem}"), doc.name)
        start = date_literal(info.start.value) if info.start else None
        for team in teams:
            self.team(doc, team, project, start, index)

    def team(self, doc, listing: TeamListing, project: Entity, start: Lit | None, index) -> None:
        muni = self.municipality(listing.place, doc)
        muni.cite(listing.place, doc.name)
        district = self.district(muni, listing.district, doc)
        district.cite(listing.quote, doc.name)
        theme = self.entity("theme", slug(listing.theme.value), listing.theme.value)
        theme.add("skos:prefLabel", Lit(listing.theme.value, lang="nl"), doc.name)
        theme.mention(listing.theme, doc.name)
        base = f"{district.key.split('/', 1)[1]}-{slug(listing.theme.value, 40)}"
        label = f"{listing.district.value} ({listing.place.value}): {listing.theme.value}"
        local, n = base, 2
        while f"team/{local}" in self.entities and self.entities[f"team/{local}"].label != label:
            local, n = f"{base}-{n}", n + 1     # two themes that share the first 40 characters
        team = self.entity("team", local, label)
        team.add("skos:prefLabel", Lit(label), doc.name)
        team.add("schema:areaServed", district, doc.name)
        team.add("org:purpose", theme, doc.name)
        team.add("dct:isPartOf", project, doc.name)
        team.add("prov:wasDerivedFrom", Ref(f"source/{doc.stem}"), doc.name)
        team.cite(listing.quote, doc.name)
        self.teams.append((team, muni.key, listing.district.value, listing.theme.value))
        official_seen = False
        for bullet in listing.members:
            fn = self.read_function(bullet.function, doc, index)
            role = fn["role"] or ("independent-expert" if official_seen else "municipal-representative")
            official_seen = official_seen or role in ("director-general", "cabinet-member")
            person = self.person(bullet.name, doc, fn["department"])
            self.membership(doc, team, person, role, fn, bullet.function.value, bullet.quote, start, False)

    def membership(self, doc, team: Entity, person: Entity, role: str, fn: dict, function_text: str,
                   quote: Text, valid_from: Lit | None, later: bool) -> Entity:
        local = f"{team.key.split('/', 1)[1]}-{person.key.split('/', 1)[1]}"
        if later and valid_from is not None:
            local += f"-{valid_from.value}"
        m = self.entity("membership", local, f"{person.label} in {team.label}")
        m.add("org:member", person, doc.name)
        m.add("org:organization", team, doc.name)
        m.add("org:role", Ref(f"role/{role}"), doc.name)
        m.add("vg:functionText", Lit(function_text), doc.name)
        m.add("vg:function", Ref(f"function/{fn['function'] or 'other'}"), doc.name)
        m.add("vg:isLaterChange", Lit("true" if later else "false", "xsd:boolean"), doc.name)
        if valid_from is not None:
            m.add("vg:validFrom", valid_from, doc.name)
        m.add("prov:wasDerivedFrom", Ref(f"source/{doc.stem}"), doc.name)
        m.cite(quote, doc.name)
        person.add("org:hasMembership", m, doc.name)
        for aff in fn["affiliations"]:
            m.add("vg:affiliation", aff, doc.name)
            person.add("org:memberOf", aff, doc.name)
        if fn["department"] is not None:
            m.add("vg:affiliation", fn["department"], doc.name)
        if fn["function"] and fn["function"] != "other":
            post = self.post(fn["function"], fn["department"], doc.name, function_text.split(",")[0].split(" van ")[0]
                             .split(" voor ")[0].strip() if fn["department"] else fn["function"])
            post.add("org:heldBy", person, doc.name)
            person.add("org:holds", post, doc.name)
        return m

    # ---------------------------------------------------------------- curated statements
    def document(self, doc: SourceDocument, info: ProjectInfo, sf: StatementFile | None, has_listing: bool) -> None:
        ent = self.entity("source", doc.stem, doc.name)
        meta = sf.document if sf else {}
        ent.add("dct:identifier", Lit(doc.name), doc.name)
        ent.add("rdfs:label", Lit(doc.name), doc.name)
        kind = meta.get("kind") or ("project page" if has_listing else "")
        ent.add("dct:type", Lit(_KINDS.get(kind, "vg:OtherDocument"), "curie"), doc.name)
        title = meta.get("title") or (info.title.value if info.title and has_listing else "")
        if title:
            ent.add("dct:title", Lit(title, lang="nl"), doc.name)
            found = sf.index.find(title) if sf else info.title
            if found is not None:
                ent.cite(found, doc.name)
        language = meta.get("language") or ("nl" if len(_DUTCH.findall(doc.text)) > 20 else "")
        if language:
            ent.add("dct:language", Lit(language, "xsd:language"), doc.name)
        if meta.get("publisher"):
            st = Statement("document", 1, {"quote": meta.get("publisher_quote", "")}, doc, [], sf.path.name, sf.index)
            q = sf.index.find(meta.get("publisher_quote", "")) if meta.get("publisher_quote") else None
            if q is None:
                raise StatementError(f"{st.file}: [document] publisher needs a publisher_quote found in {doc.name}")
            st.quotes.append(q)
            pub = self.publisher(st, meta["publisher"], doc)
            ent.add("dct:publisher", pub, doc.name)
            ent.cite(q, doc.name)
        for k, pred in (("earliest", "vg:earliestDate"), ("latest", "vg:latestDate")):
            if meta.get(k):
                ent.add(pred, self.date(meta[k], f"{sf.path.name}: [document] {k}"), doc.name)
        if meta.get("date_note"):
            ent.add("vg:dateNote", Lit(meta["date_note"], lang="en"), doc.name)
        if meta.get("date_quote"):
            q = sf.index.find(meta["date_quote"])
            if q is None:
                raise StatementError(f"{sf.path.name}: [document] date_quote not found in {doc.name}")
            ent.cite(q, doc.name)
        ent.add("spdx:checksum", Ref(f"source/{doc.stem}-sha256"), doc.name)
        cs = self.entity("checksum", f"{doc.stem}-sha256", f"SHA-256 of {doc.name}")
        cs.key = f"source/{doc.stem}-sha256"
        self.entities[cs.key] = self.entities.pop(f"checksum/{doc.stem}-sha256")
        cs.add("spdx:algorithm", Lit("spdx:checksumAlgorithm_sha256", "curie"), doc.name)
        cs.add("spdx:checksumValue", Lit(doc.sha256, "xsd:hexBinary"), doc.name)
        ent.add("dct:extent", Lit(str(len(doc.data)), "xsd:integer"), doc.name)

    def date(self, value, where: str) -> Lit:
        try:
            return date_literal(str(value))
        except ValueError as exc:
            raise StatementError(f"{where}: {exc}") from None

    def publisher(self, st: Statement, name: str, doc: SourceDocument) -> Entity:
        text = st.where(name)
        dep, exact = self.ref.department(name)
        if dep is not None and exact:
            ent = self.entities[f"department/{dep.key}"]
            ent.mention(text, doc.name)
            return ent
        return self.organisation(text, doc)

    def find_team(self, st: Statement) -> Entity:
        muni = self.ref.municipality(st.get("municipality"))
        mkey = f"municipality/{muni.key}" if muni else None
        if mkey is None:
            found = self.known("municipality", st.get("municipality"))
            mkey = found.key if found else None
        hits = [t for (t, m, d, th) in self.teams if m == mkey and name_key(d) == name_key(st.get("district"))
                and (not st.get("theme") or name_key(th) == name_key(st.get("theme")))]
        if len(hits) != 1:
            what = "no team" if not hits else f"{len(hits)} teams (add its theme)"
            raise StatementError(f"{st.label}: {what} in the listing for {st.get('district')}, {st.get('municipality')}")
        return hits[0]

    def curated_person(self, st: Statement, name: str, function: str | None, doc: SourceDocument) -> tuple[Entity, dict]:
        fn = {"function": None, "role": None, "department": None, "affiliations": [], "other": None}
        if function:
            ftext = st.where(function) if _in_quotes(st, function) else Text(function, st.evidence.start, st.evidence.end, st.evidence.line)
            fn = self.read_function(ftext, doc, st._index if _in_quotes(st, function) else None)
        person = self.person(st.where(name), doc, fn["department"])
        person.cite(st.evidence, doc.name)
        if fn["function"] and fn["function"] != "other":
            label = function.split(" van ")[0].split(" voor ")[0] if fn["department"] else fn["function"]
            post = self.post(fn["function"], fn["department"], doc.name, label)
            post.add("org:heldBy", person, doc.name)
            person.add("org:holds", post, doc.name)
        return person, fn

    def statements(self, sf: StatementFile) -> None:
        doc = sf.source
        order = ["mention", "pilot_city", "publication", "agreement", "approach_step", "district_role",
                 "membership", "adoption", "project", "evaluation"]
        for kind in order:
            for st in (s for s in sf.statements if s.kind == kind):
                getattr(self, f"st_{kind}")(st, doc)

    def st_mention(self, st: Statement, doc) -> None:
        kind = {"person": "person", "district": "district", "municipality": "municipality",
                "organisation": "organisation", "ministry": "department", "department": "department"}.get(st.get("type"))
        if kind is None:
            raise StatementError(f"{st.label}: unknown type '{st.get('type')}'")
        target = st.get("refers_to") or st.get("name")
        ent = None
        if kind == "district":
            hits = [e for e in self.entities.values() if e.kind == "district" and name_key(e.label) == name_key(target)]
            ent = hits[0] if len(hits) == 1 else None
        else:
            ent = self.known(kind, target)
        if ent is None:
            raise StatementError(f"{st.label}: refers to unknown {st.get('type')} '{target}'")
        ent.mention(st.where(st.get("name")), doc.name)
        self.alias(ent, st.get("name"))
        if kind == "district":
            muni = ent.objects("schema:containedInPlace")[0].key
            self.names[("district", name_key(f"{muni} {st.get('name')}"))] = ent.key

    def st_pilot_city(self, st: Statement, doc) -> None:
        muni = self.municipality(st.where(st.get("name")), doc)
        self.entities[f"source/{doc.stem}"].add("vg:namesPilotMunicipality", muni, doc.name)
        muni.cite(st.evidence, doc.name)

    def st_publication(self, st: Statement, doc) -> None:
        pub = self.entity("publication", slug(st.get("id")), st.get("title") or st.get("publisher"))
        publisher = self.publisher(st, st.get("publisher"), doc)
        label = f"{publisher.label}" + (f", {st.get('date')}" if st.get("date") else "")
        pub.label = st.get("title") or label
        pub.add("skos:prefLabel", Lit(pub.label), doc.name)
        pub.add("dct:publisher", publisher, doc.name)
        if st.get("title"):
            pub.add("dct:title", Lit(st.get("title"), lang="nl"), doc.name)
            pub.mention(st.where(st.get("title")), doc.name)
        if st.get("date"):
            pub.add("dct:date", self.date(st.get("date"), st.label), doc.name)
        pub.add("prov:wasDerivedFrom", Ref(f"source/{doc.stem}"), doc.name)
        for q in st.quotes:
            pub.cite(q, doc.name)

    def st_agreement(self, st: Statement, doc) -> None:
        ag = self.entity("agreement", slug(st.get("id")), st.get("label"))
        ag.add("skos:prefLabel", Lit(st.get("label"), lang="nl"), doc.name)
        ag.add("prov:wasDerivedFrom", Ref(f"source/{doc.stem}"), doc.name)
        for q in st.quotes:
            ag.cite(q, doc.name)
        for s in st.get("signatories", []):
            person, _fn = self.curated_person(st, s["name"], s.get("function"), doc)
            ag.add("vg:signatory", person, doc.name)
        for item in st.get("on_behalf_of", []):
            text = st.where(item)
            fw, _rest = self.ref.function(item)
            if fw is not None and not fw.names_department:
                ag.add("vg:onBehalfOf", self.post(fw.function, None, doc.name, fw.function), doc.name)
            else:
                ag.add("vg:onBehalfOf", self.department(text, doc), doc.name)

    def _agreement(self, st: Statement) -> Entity:
        ag = self.entities.get(f"agreement/{slug(st.get('agreement'))}")
        if ag is None:
            raise StatementError(f"{st.label}: unknown agreement '{st.get('agreement')}'")
        return ag

    def st_approach_step(self, st: Statement, doc) -> None:
        ag = self._agreement(st)
        step = self.entity("step", f"{ag.key.split('/', 1)[1]}-{int(st.get('order'))}", st.evidence.value)
        step.add("vg:order", Lit(str(int(st.get("order"))), "xsd:integer"), doc.name)
        step.add("rdfs:comment", Lit(st.evidence.value, lang="nl"), doc.name)
        step.cite(st.evidence, doc.name)
        ag.add("vg:approachStep", step, doc.name)

    def st_district_role(self, st: Statement, doc) -> None:
        ag = self._agreement(st)
        role = self.entity("role", slug(st.get("name")), st.get("name"))
        role.add("skos:prefLabel", Lit(st.get("name"), lang="nl"), doc.name)
        role.mention(st.where(st.get("name")), doc.name)
        role.cite(st.evidence, doc.name)
        ag.add("vg:districtRole", role, doc.name)

    def st_membership(self, st: Statement, doc) -> None:
        team = self.find_team(st)
        if st.get("role") not in _ROLES:
            raise StatementError(f"{st.label}: role must be one of {', '.join(_ROLES)}")
        person, fn = self.curated_person(st, st.get("name"), st.get("function"), doc)
        valid = self.date(st.get("from"), st.label)
        # the membership rests on the quote that names the member (the others give its context)
        named = st.where(st.get("name"))
        quote = next(q for q in st.quotes if q.start <= named.start and named.end <= q.end)
        m = self.membership(doc, team, person, st.get("role"), fn, st.get("function"), quote, valid, True)
        if st.get("note"):
            m.add("rdfs:comment", Lit(st.get("note"), lang="en"), doc.name)
        if st.get("replaces"):
            old = [e for e in self.entities.values() if e.kind == "membership"
                   and Ref(team.key) in e.objects("org:organization")
                   and any(name_key(self.entities[o.key].label) == name_key(st.get("replaces"))
                           for o in e.objects("org:member"))]
            if len(old) != 1:
                raise StatementError(f"{st.label}: replaces '{st.get('replaces')}', who is not a member of that team")
            st.where(st.get("replaces"))
            m.add("vg:replaces", old[0], doc.name)

    def st_adoption(self, st: Statement, doc) -> None:
        adopter, _ = self.curated_person(st, st.get("adopter"), st.get("adopter_function"), doc)
        org = self.organisation(st.where(st.get("organisation")), doc, st.get("organisation_type", ""))
        ad = self.entity("adoption", f"{slug(adopter.label)}-{slug(org.label)}", f"{adopter.label}: {org.label}")
        ad.add("skos:prefLabel", Lit(ad.label), doc.name)
        ad.add("vg:adopter", adopter, doc.name)
        ad.add("vg:adoptedOrganisation", org, doc.name)
        if st.get("district"):
            muni = self.municipality(st.where(st.get("municipality")), doc) if st.get("municipality") else None
            if muni is not None:
                ad.add("schema:location", self.district(muni, st.where(st.get("district")), doc, create=False), doc.name)
        if st.get("successor"):
            succ, _ = self.curated_person(st, st.get("successor"), st.get("successor_function") or st.get("adopter_function"), doc)
            ad.add("vg:takenOverBy", succ, doc.name)
        ad.add("prov:wasDerivedFrom", Ref(f"source/{doc.stem}"), doc.name)
        for q in st.quotes:
            ad.cite(q, doc.name)

    def st_project(self, st: Statement, doc) -> None:
        pr = self.entity("project", slug(st.get("id")), st.get("label"))
        pr.add("rdf:type", Lit("vg:FollowUpProject", "curie"), doc.name)
        pr.add("skos:prefLabel", Lit(st.get("label"), lang="nl"), doc.name)
        muni = self.municipality(st.where(st.get("municipality")), doc) if st.get("municipality") else None
        for d in st.get("districts", []):
            if muni is None:
                raise StatementError(f"{st.label}: districts need a municipality")
            pr.add("schema:location", self.district(muni, st.where(d), doc, create=False), doc.name)
        if muni is not None and not st.get("districts"):
            pr.add("schema:location", muni, doc.name)
        for p in st.get("partners", []):
            where = st.where(p["name"])
            if p.get("type", "").casefold() in ("gemeente", "municipality"):
                partner = self.municipality(where, doc)
            elif p.get("type"):
                partner = self.organisation(where, doc, p["type"])
            else:
                partner = self.party_or_organisation(where, doc)
            pr.add("vg:partner", partner, doc.name)
        for p in st.get("persons", []):
            person, _ = self.curated_person(st, p["name"], p.get("function"), doc)
            pr.add("vg:involvedPerson", person, doc.name)
        if st.get("amount") is not None:
            pr.add("vg:amount", Lit(str(st.get("amount")), "xsd:decimal"), doc.name)
            if st.get("currency"):
                pr.add("vg:currency", Lit(st.get("currency")), doc.name)
        if st.get("date"):
            pr.add("schema:startDate", self.date(st.get("date"), st.label), doc.name)
        if st.get("publication"):
            pub = self.entities.get(f"publication/{slug(st.get('publication'))}")
            if pub is None:
                raise StatementError(f"{st.label}: unknown publication '{st.get('publication')}'")
            pr.add("vg:reportedIn", pub, doc.name)
        if st.get("description"):
            pr.add("rdfs:comment", Lit(st.get("description"), lang="en"), doc.name)
        pr.add("prov:wasDerivedFrom", Ref(f"source/{doc.stem}"), doc.name)
        for q in st.quotes:
            pr.cite(q, doc.name)

    def st_evaluation(self, st: Statement, doc) -> None:
        ev = self.entity("evaluation", slug(st.get("id")), st.get("summary") or st.get("id"))
        if st.get("stance") not in _STANCES:
            raise StatementError(f"{st.label}: stance must be one of {', '.join(_STANCES)}")
        ev.add("vg:stance", Lit(_STANCES[st.get("stance")], "curie"), doc.name)
        subject = st.get("subject")
        if subject.casefold() == "pilot":
            projects = sorted(e.key for e in self.entities.values() if e.kind == "project"
                              and doc.name in e.docs and Lit("vg:Project", "curie") in e.objects("rdf:type"))
            if not projects:
                raise StatementError(f"{st.label}: subject 'pilot' but {doc.name} has no team listing")
            ev.add("vg:about", Ref(projects[0]), doc.name)
        else:
            ev.add("vg:about", self.municipality(st.where(subject), doc), doc.name)
        by = st.get("according_to")
        pub = self.entities.get(f"publication/{slug(by)}")
        if pub is not None:
            ev.add("vg:accordingTo", pub, doc.name)
        else:
            person, _ = self.curated_person(st, by, None, doc)
            ev.add("vg:accordingTo", person, doc.name)
        if st.get("date"):
            ev.add("dct:date", self.date(st.get("date"), st.label), doc.name)
        if st.get("summary"):
            ev.add("rdfs:comment", Lit(st.get("summary"), lang="en"), doc.name)
        ev.add("prov:wasDerivedFrom", Ref(f"source/{doc.stem}"), doc.name)
        for q in st.quotes:
            ev.cite(q, doc.name)


def _in_quotes(st: Statement, text: str) -> bool:
    return any(st._index.find_within(text, q) is not None for q in st.quotes)


def _split_top(text: str) -> list[str]:
    parts, depth, cur = [], 0, ""
    for ch in text:
        depth += ch == "("
        depth -= ch == ")"
        if ch == "," and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    return parts + [cur]


def extract(documents: list[SourceDocument]) -> list[tuple[SourceDocument, ProjectInfo, list[TeamListing]]]:
    """The project header and team listing of every document (stage 2 for a whole corpus)."""
    return [(doc, extract_project_info(doc), extract_teams(doc)) for doc in documents]


def resolve(documents: list[SourceDocument], statement_files: list[StatementFile], reference: Reference,
            skipped: list[str] | None = None, extracted=None) -> Model:
    """Resolve the listings of *documents* and the *statement_files* into one :class:`Model`.

    Parameters
    ----------
    documents : list of SourceDocument
    statement_files : list of StatementFile
        The curated statements, as :func:`vitalegraph.statements.load_statements` gives them.
    reference : Reference
    extracted : list, optional
        :func:`extract` of *documents*, if the caller has it already.

    Returns
    -------
    Model

    Raises
    ------
    SourceError
        If a team listing is malformed.
    StatementError
        If a curated statement names what cannot be resolved.

    Notes
    -----
    Linear in the number of bullets and statements, but for a surname-only person, which scans
    the persons: O(persons) each.
    """
    from .statements import TextIndex

    r = _Resolver(reference)
    r.load_reference()
    by_doc = {sf.source.name: sf for sf in statement_files}
    listings = extracted if extracted is not None else extract(documents)
    for doc, info, teams in listings:
        r.document(doc, info, by_doc.get(doc.name), bool(teams))
    for doc, info, teams in listings:
        sf = by_doc.get(doc.name)
        r.listing(doc, info, teams, sf.index if sf else TextIndex(doc) if teams else None)
    for doc, _info, _teams in listings:
        if doc.name in by_doc:
            r.statements(by_doc[doc.name])
    return Model(r.entities, documents, r.warnings, list(skipped or []))
