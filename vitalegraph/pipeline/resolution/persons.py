"""Resolving persons, their posts and their memberships of a team.

A person is the same person when the name is the same (ignoring case, accents, white space); a
name of one word (a surname, "minister Zalm") is the one person with that surname who holds a post
in the same department; a curated ``refers_to`` joins two spellings explicitly (:mod:`.curated`).
A function (the words between a bullet's parentheses, or a curated ``function``) is read with the
function words of ``data/reference/functions.csv``.
"""

from __future__ import annotations

from ..extraction import Text
from ..reference import name_key, slug
from ..sources import SourceDocument
from ..statements import Statement
from .model import Entity, Lit, Ref
from .organisations import department, organisation, party_or_organisation
from .resolver import Resolver

__all__ = ["person", "post", "read_function", "add_membership", "curated_person"]


def person(r: Resolver, text: Text, doc: SourceDocument, department: Entity | None = None) -> Entity:
    ent = r.known("person", text.value)
    if ent is None and len(text.value.split()) == 1 and department is not None:
        surname = name_key(text.value)
        hits = [p for p in r.entities.values() if p.kind == "person"
                and name_key(p.label.split()[-1]) == surname
                and any(r.entities[o.key].objects("org:postIn") == [Ref(department.key)]
                        for o in p.objects("org:holds"))]
        if len(hits) == 1:
            ent = hits[0]
    if ent is None:
        local = slug(text.value)
        n = 2
        while f"person/{local}" in r.entities:  # a different person with the same slug
            local = f"{slug(text.value)}-{n}"
            n += 1
        ent = r.entity("person", local, text.value)
        ent.add("foaf:name", Lit(text.value), doc.name)
    ent.mention(text, doc.name)
    return ent


def post(r: Resolver, function: str, department: Entity | None, doc: str, function_label: str) -> Entity:
    local = function + (f"-{department.key.split('/', 1)[1]}" if department else "")
    label = function_label + (f" ({department.label})" if department else "")
    ent = r.entity("post", local, label)
    ent.add("skos:prefLabel", Lit(label), doc)
    ent.add("org:role", Ref(f"function/{function}"), doc)
    if department is not None:
        ent.add("org:postIn", department, doc)
    return ent


def read_function(r: Resolver, text: Text, doc: SourceDocument, index) -> dict:
    """Interpret the words between a bullet's parentheses (or a curated function).

    Returns the function word's function and coalition role, the department it names, the parties
    and organisations (*affiliations*), an *other* function written in lower case, and *text*: the
    words that say the function (``None`` when the parentheses hold only a party or organisation:
    "Carla Noom (PvdA)" gives no function, only an affiliation).
    """
    fw, rest = r.ref.function(text.value)
    out = {"function": None, "role": None, "department": None, "affiliations": [], "other": None, "text": None}
    if fw is not None:
        out["function"], out["role"] = fw.function, fw.coalition_role
        if fw.names_department and rest:
            rest_text = index.find_within(rest, text) if index else None
            rest_text = rest_text or Text(rest, text.start, text.end, text.line)
            out["department"] = department(r, rest_text, doc)
            out["text"] = text.value
        else:
            out["text"] = _split_top(text.value)[0].strip()
            if rest:
                for part in [p.strip() for p in rest.split(",") if p.strip()]:
                    t = (index.find_within(part, text) if index else None) or Text(part, text.start, text.end, text.line)
                    out["affiliations"].append(party_or_organisation(r, t, doc))
        return out
    for part in [p.strip() for p in _split_top(text.value) if p.strip()]:
        t = (index.find_within(part, text) if index else None) or Text(part, text.start, text.end, text.line)
        if r.ref.party(part) is not None:
            out["affiliations"].append(party_or_organisation(r, t, doc))
        elif part[:1].islower():
            out["other"] = out["text"] = part   # a field or former office as written (comm.jeugdbld, oud-...)
        else:
            out["affiliations"].append(organisation(r, t, doc))
    return out


def add_membership(r: Resolver, doc, team: Entity, person: Entity, role: str, fn: dict, quote: Text,
                   later: bool, role_rule: str | None = None, as_of: Lit | None = None) -> Entity:
    """A membership of *person* in *team*, stated by *quote*.

    The coalition *role* is stated by a function word, or inferred by *role_rule* (the listing's
    column order); *as_of* is a date at which the source describes the team (``vg:asOf``), not a
    start the source does not state.
    """
    local = f"{team.key.split('/', 1)[1]}-{person.key.split('/', 1)[1]}"
    if later and as_of is not None:
        local += f"-{as_of.value}"
    m = r.entity("membership", local, f"{person.label} in {team.label}")
    m.basis = "stated"
    m.add("org:member", person, doc.name)
    m.add("org:organization", team, doc.name)
    m.add("org:role", Ref(f"role/{role}"), doc.name, *(("inferred", role_rule, quote) if role_rule else ()))
    if fn["text"]:
        m.add("vg:functionText", Lit(fn["text"]), doc.name)
    if fn["function"] or fn["other"]:
        m.add("vg:function", Ref(f"function/{fn['function'] or 'other'}"), doc.name)
    m.add("vg:isLaterChange", Lit("true" if later else "false", "xsd:boolean"), doc.name)
    if as_of is not None:
        m.add("vg:asOf", as_of, doc.name)
    m.add("prov:wasDerivedFrom", Ref(f"source/{doc.stem}"), doc.name)
    m.cite(quote, doc.name)
    person.add("org:hasMembership", m, doc.name)
    for aff in fn["affiliations"]:
        m.add("vg:affiliation", aff, doc.name)
        person.add("org:memberOf", aff, doc.name)
    if fn["department"] is not None:
        m.add("vg:affiliation", fn["department"], doc.name)
    if fn["function"] and fn["function"] != "other":
        held = post(r, fn["function"], fn["department"], doc.name, fn["text"].split(",")[0].split(" van ")[0]
                    .split(" voor ")[0].strip() if fn["department"] else fn["function"])
        held.add("org:heldBy", person, doc.name)
        person.add("org:holds", held, doc.name)
    return m


#: the rule that reads a surname alone as the one known person of that surname in that department
SURNAME_IN_DEPARTMENT = "surname-in-department"


def curated_person(r: Resolver, st: Statement, name: str, function: str | None, doc: SourceDocument) -> tuple[Entity, dict]:
    """The person a curated statement names, with the function it gives them.

    The person's evidence is the quote that names them (not the statement's first quote). A function
    that is no function word of the reference data ("projectleider", "Projectleider") is kept as
    ``schema:jobTitle``, whatever its case: a curated function is never read as an organisation.
    """
    fn = {"function": None, "role": None, "department": None, "affiliations": [], "other": None, "text": None}
    if function and r.ref.function(function)[0] is None and r.ref.party(function) is None:
        fn["other"] = fn["text"] = function      # a job title as written ("Projectleider"), no organisation
    elif function:
        ftext = st.where(function) if _in_quotes(st, function) else Text(function, st.evidence.start, st.evidence.end, st.evidence.line)
        fn = read_function(r, ftext, doc, st._index if _in_quotes(st, function) else None)
    named = st.where(name)
    known = r.known("person", name)
    who = person(r, named, doc, fn["department"])
    if known is None and who.label != named.value:   # a surname read as a known person
        who.inferred_spellings.setdefault(named.value, SURNAME_IN_DEPARTMENT)
    st.cite(who, [st.quote_of(named)])
    if fn["function"] and fn["function"] != "other":
        label = function.split(" van ")[0].split(" voor ")[0] if fn["department"] else fn["function"]
        held = post(r, fn["function"], fn["department"], doc.name, label)
        held.add("org:heldBy", who, doc.name)
        who.add("org:holds", held, doc.name)
    elif function:
        who.add("schema:jobTitle", Lit(function, lang="nl"), doc.name)
    return who, fn


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
