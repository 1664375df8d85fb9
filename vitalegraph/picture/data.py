"""What the pictures draw from: the dataset's short names and quotes, and synthetic graphs for benchmarks.

The membership rows themselves come from :func:`vitalegraph.network.membership_rows`; a view
(:mod:`vitalegraph.picture.views`) turns them into the graph it draws.
"""

from __future__ import annotations

from typing import Iterable

from .. import paths
from ..network.networks import SEP, district_ties

__all__ = ["join_facts", "short_names", "evidence_by_person", "ontology_labels", "source_names", "district_reach",
           "district_ties", "evaluations", "synthetic_graph"]


def join_facts(values: Iterable[str]) -> str:
    """The distinct non-empty *values*, sorted and joined by :data:`SEP`.

    >>> join_facts(["b", "a", "", "b"])
    'a; b'
    """
    return SEP.join(sorted({v for v in values if v}))


def short_names(dataset) -> dict[str, str]:
    """The short name (``skos:notation``, e.g. ``VROM``) of each department, by IRI.

    Runs ``queries/picture/short-names.rq``.

    Parameters
    ----------
    dataset : vitalegraph.query.Dataset
        A loaded dataset (:func:`vitalegraph.query.load_dataset`).

    Returns
    -------
    dict
        Department IRI -> short name (the first in sorted order where there are several).

    Examples
    --------
    ::

        short_names(load_dataset("data/vitalegraph.ttl"))["https://w3id.org/vitalegraph/id/department/vrom"]
        # 'VROM'
    """
    from ..query.engine import run_query

    out: dict[str, str] = {}
    for rec in run_query(str(paths.QUERIES / "picture" / "short-names.rq"), dataset).records():
        out.setdefault(rec["node"], rec["short"])
    return out


def evidence_by_person(dataset, rows: Iterable[dict]) -> dict[str, list[dict]]:
    """The source quote behind each membership of *rows*, by person IRI.

    Runs the named query ``evidence``; a membership that is not in *rows* (another period) is left out.

    Parameters
    ----------
    dataset : vitalegraph.query.Dataset
    rows : iterable of dict
        Membership rows (:func:`vitalegraph.network.membership_rows`).

    Returns
    -------
    dict
        person IRI -> list of ``{"team", "quote", "file", "start", "end"}``, in source order.

    Examples
    --------
    ::

        ev = evidence_by_person(dataset, membership_rows(dataset))
        ev["https://w3id.org/vitalegraph/id/person/annet-bertram"][0]["quote"]
        # 'Annet Bertram (directeur-generaal VROM)'
    """
    from ..query.engine import run_query

    person_of = {r["membership"]: r["person"] for r in rows}
    out: dict[str, list[dict]] = {}
    for rec in run_query("evidence", dataset).records():
        person = person_of.get(rec["membership"])
        if person is None:
            continue
        item = {"team": rec["team"], "quote": rec["quote"], "file": rec["file"], "start": rec["start"],
                "end": rec["end"]}
        if item not in out.setdefault(person, []):
            out[person].append(item)
    return out


def ontology_labels(dataset) -> dict[str, dict[str, str]]:
    """The ontology's own names of the coalition roles and of the kinds of node, by language.

    Runs ``queries/picture/labels.rq``. The keys are what the pictures use: a role by its English
    label (``director-general``), a kind by its name (``district``, ``team``, ``ministry``,
    ``municipality``).

    Examples
    --------
    ::

        ontology_labels(dataset)["nl"]["director-general"], ontology_labels(dataset)["nl"]["district"]
        # ('directeur-generaal', 'wijk')
    """
    from ..query.engine import run_query

    kinds = {"District": "district", "Municipality": "municipality", "Ministry": "ministry",
             "AdoptionTeam": "team", "Department": "department"}
    out: dict[str, dict[str, str]] = {"en": {}, "nl": {}}
    for rec in run_query(str(paths.QUERIES / "picture" / "labels.rq"), dataset).records():
        local = rec["term"].rsplit("#", 1)[-1].rsplit("/", 1)[-1]
        key = kinds.get(local, rec["en"])
        for lang in ("en", "nl"):
            out[lang].setdefault(key, rec[lang])
    return out


def _date(earliest: str, latest: str, lang: str) -> str:
    """The dates a source allows, in words.

    >>> _date("2005", "2006", "en"), _date("2009-03", "", "nl"), _date("", "2007", "en"), _date("2006", "2006", "en")
    ('2005–2006', '2009-03 of later', '2007 or earlier', '2006')
    """
    if earliest and latest:
        return earliest if earliest == latest else f"{earliest}–{latest}"
    if earliest:
        return f"{earliest} " + ("of later" if lang == "nl" else "or later")
    if latest:
        return f"{latest} " + ("of eerder" if lang == "nl" else "or earlier")
    return ""


def source_names(dataset, lang: str = "en") -> dict[str, str]:
    """How a picture names each source file: its title (or its kind and publisher), kind and date.

    Runs ``queries/picture/sources.rq``; the title is left as written, the kind is the ontology's
    label in *lang*.

    Returns
    -------
    dict
        file name -> e.g. ``'Pilotwijken Nieuwe coalities voor de wijk · project page · 2009-03 or later'``.
    """
    from ..query.engine import run_query

    found: dict[str, dict] = {}
    for rec in run_query(str(paths.QUERIES / "picture" / "sources.rq"), dataset).records():
        item = found.setdefault(rec["file"], {"title": rec.get("title") or "", "publisher": "",
                                              "kind": rec.get("kindNl" if lang == "nl" else "kindEn") or "",
                                              "date": _date(str(rec.get("earliest") or ""), str(rec.get("latest") or ""),
                                                            lang)})
        if rec.get("publisherShort") or rec.get("publisher"):
            item["publisher"] = item["publisher"] or rec.get("publisherShort") or rec["publisher"]
    out = {}
    for file, item in found.items():
        kind = item["kind"] + (f" ({item['publisher']})" if item["publisher"] else "")
        out[file] = " · ".join(x for x in (item["title"], kind, item["date"]) if x)
    return out


def district_reach(rows: Iterable[dict]) -> dict[str, set]:
    """The districts each person and each department reaches through its teams, by IRI.

    >>> rows = [{"person": "p", "district": d, "affiliations": [("m", "M", "ministry")]} for d in "ab"]
    >>> sorted((k, sorted(v)) for k, v in district_reach(rows).items())
    [('m', ['a', 'b']), ('p', ['a', 'b'])]
    """
    out: dict[str, set] = {}
    for r in rows:
        out.setdefault(r["person"], set()).add(r["district"])
        for iri, _label, kind in r.get("affiliations", ()):
            if kind == "ministry":
                out.setdefault(iri, set()).add(r["district"])
    return out


def evaluations(dataset) -> list[dict]:
    """What the sources evaluate, with which stance and according to whom, one dict an evaluation.

    Runs ``queries/picture/evaluations.rq``; the tour's ``outcomes`` step reads it.

    Returns
    -------
    list of dict
        ``{"evaluation": IRI, "about": {IRI: kind}, "stance": {"en": label, "nl": label},
        "according_to": [labels]}``, by evaluation IRI; ``kind`` is ``team``, ``district``,
        ``municipality`` or ``other`` (the pilot as a whole, say).

    Examples
    --------
    ::

        [e["stance"]["en"] for e in evaluations(load_dataset("data/vitalegraph.ttl"))][:2]
        # ['less satisfied', 'positive']
    """
    from ..query.engine import run_query

    found: dict[str, dict] = {}
    for rec in run_query(str(paths.QUERIES / "picture" / "evaluations.rq"), dataset).records():
        e = found.setdefault(rec["evaluation"], {"evaluation": rec["evaluation"], "about": {},
                                                 "stance": {"en": rec["en"], "nl": rec["nl"]}, "according_to": []})
        e["about"][rec["about"]] = rec["aboutKind"]
        if rec.get("accordingTo") and rec["accordingTo"] not in e["according_to"]:
            e["according_to"].append(rec["accordingTo"])
    return [found[k] for k in sorted(found)]


def synthetic_graph(nodes: int = 5000, seed: int = 0):
    """A synthetic coalition graph of about *nodes* nodes, with the kinds and facts of the real one.

    Teams of about six persons in districts of municipalities; officials of a few dozen ministries,
    some experts from organisations; one person in ten sits in two teams. For benchmarks and tests.

    Examples
    --------
    >>> G = synthetic_graph(400)
    >>> G.number_of_nodes()
    400
    >>> sorted({d["kind"] for _n, d in G.nodes(data=True)})
    ['district', 'ministry', 'municipality', 'organisation', 'person', 'team']
    """
    import random

    import networkx as nx

    rng = random.Random(seed)
    n_team = max(1, nodes // 8)
    n_district = max(1, nodes // 16)
    n_muni = max(1, nodes // 64)
    n_min = max(1, min(24, nodes // 200))
    n_org = max(1, nodes // 80)
    n_person = max(0, nodes - n_team - n_district - n_muni - n_min - n_org)
    first = ["Annet", "Atzo", "Clémence", "André", "Ahmed", "Sybilla", "Jan", "Ella", "Doekle", "Piet", "Karien",
             "Maria", "Siebe", "Zoë", "Noël", "Inés", "Björn", "Özlem"]
    last = ["Bertram", "Nicolaï", "Ross-van Dorp", "Rouvoet", "Marcouch", "Dekker", "van der Bos", "Vogelaar",
            "Terpstra", "Donner", "van Gennip", "Peijs", "Riedstra", "Çelik", "de Vries", "Paré", "Østergaard"]
    roles = ("municipal representative", "director-general", "member of the cabinet", "independent expert",
             "independent expert", "municipal representative")
    G = nx.Graph(name=f"synthetic-{nodes}")
    munis = [f"muni/{i}" for i in range(n_muni)]
    for i, m in enumerate(munis):
        G.add_node(m, label=f"Gemeente {i + 1}", kind="municipality")
    mins = [f"ministry/{i}" for i in range(n_min)]
    for i, m in enumerate(mins):
        G.add_node(m, label=f"Ministerie {i + 1}", kind="ministry", short=f"M{i + 1}")
    orgs = [f"org/{i}" for i in range(n_org)]
    for i, o in enumerate(orgs):
        G.add_node(o, label=f"Organisatie {i + 1}", kind="organisation")
    districts = [f"district/{i}" for i in range(n_district)]
    for i, d in enumerate(districts):
        m = munis[i % n_muni]
        G.add_node(d, label=f"Wijk {i + 1}", kind="district", municipality=G.nodes[m]["label"])
        G.add_edge(d, m)
    teams = [f"team/{i}" for i in range(n_team)]
    for i, t in enumerate(teams):
        d = districts[i % n_district]
        G.add_node(t, label=f"{G.nodes[d]['label']}: thema {i + 1}", kind="team", district=G.nodes[d]["label"],
                   municipality=G.nodes[d]["municipality"])
        G.add_edge(t, d)
    for i in range(n_person):
        p = f"person/{i}"
        role = roles[i % len(roles)]
        team = teams[i % n_team]
        attrs = {"label": f"{rng.choice(first)} {rng.choice(last)} {i + 1}", "kind": "person", "role": role}
        if role in ("director-general", "member of the cabinet"):
            m = rng.choice(mins)
            attrs["ministry"] = G.nodes[m]["label"]
            G.add_node(p, **attrs)
            G.add_edge(p, m)
        elif role == "municipal representative":
            attrs["municipality"] = G.nodes[team]["municipality"]
            G.add_node(p, **attrs)
        else:
            G.add_node(p, **attrs)
            if rng.random() < 0.3:
                G.add_edge(p, rng.choice(orgs))
        G.add_edge(p, team)
        if rng.random() < 0.1:
            G.add_edge(p, rng.choice(teams))
    return G
