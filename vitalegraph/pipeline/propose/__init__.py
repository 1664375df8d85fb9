"""Propose: candidate statements from a document's prose, for a curator to review (not part of the build).

The build takes the prose of a source only from the statements a curator wrote down in
``data/statements/<source>.toml``. For a new document :func:`propose` reads the prose and proposes
statements in that format, each with the exact words it rests on, for a person to check and copy:

* ``person_function``: a person written with a function word of ``data/reference/functions.csv`` or
  a job title ("minister Jansen van Financiën", "wethouder A (Portefeuille)", "A, directeur-generaal
  van het ministerie van X", "A, bestuursvoorzitter van Org"), the department read with
  ``data/reference/ministries.csv``;
* ``publication``: a citation "(Publisher, 3 mei 2007)" or "Volgens Publisher (mei 2007)";
* ``evaluation``: a sentence with a stance word ("vol lof", "minder tevreden", "loopt ... uiteen",
  "geconcludeerd"), about each municipality it names (else the pilot), according to the
  publication cited after it or the person whose words it reports;
* ``project``: a news item (a heading and the paragraphs under it) with an amount ("€ 250.000"),
  organisations with their kind ("woningcorporatie X", "de gemeente Y") or a dated event ("In juni
  2008 ... gepresenteerd", "eind mei 2009 de aftrap");
* ``agreement``: a sentence that says an agreement was signed, its signatories (the persons with a
  function it names) and those on whose behalf ("namens" offices and departments);
* ``adoption``: a person with a function who adopts an organisation, and the successor named;
* ``participation``: the departments a sentence says take part ("betrokken"), or not ("met
  uitzondering van"), in the pilot of a document with a team listing;
* ``commitment``: a sentence with a word of promise ("belooft", "zetten in op"), or each item of
  the list under such a sentence;
* ``mention``: another spelling of a person or district of the document's own team listing;
* ``pilot_city``: the municipalities a sentence about pilot districts names.

Nothing here knows a person, place or phrase of any document: the patterns are the reference data
and the general Dutch words of ``data/reference/propose.toml``. Every quote is found exactly once
in the source by the build's own rule (:class:`~vitalegraph.pipeline.statements.TextIndex`; a quote
that stands more than once is lengthened word by word within its sentence, then its line), and
every candidate, printed by :func:`to_toml`, is accepted by ``vitalegraph build`` as it stands
(``tests/pipeline/propose/test_propose.py`` builds the seeds with nothing but the candidates). What a reviewer must
still decide is said in each candidate's ``review`` notes (the TOML comments above it).

One module a step, the data flowing one way (each imports only those above it):

* :mod:`.vocabulary` — the words of ``data/reference/propose.toml`` and the patterns made of them;
* :mod:`.document` — the document being read: lines of prose, sentences, news items, quotes;
* :mod:`.finders` — what a sentence names: dates, amounts, persons, organisations, citations;
* :mod:`.candidate` — :class:`Candidate` and what every kind of candidate gets done to it;
* :mod:`.persons` — ``person_function`` and ``mention``;
* :mod:`.agreements` — ``agreement``, ``adoption`` and ``participation``;
* :mod:`.publications` — ``publication`` and ``evaluation``;
* :mod:`.projects` — ``project``;
* :mod:`.pilot` — ``pilot_city`` and ``commitment``;
* :mod:`.output` — :func:`to_toml` and :func:`to_json`;
* :mod:`.coverage` — :func:`covers` and :func:`not_curated`: what a curator has already;
* this module — :func:`propose` and :func:`propose_file`, which run them in turn.

Examples
--------
>>> from vitalegraph.pipeline.sources import SourceDocument
>>> doc = SourceDocument.from_bytes("x.txt", "Wethouder Els de Wit (Onderwijs) opende in juni 2008 de school.".encode())
>>> [(c.kind, c.fields["name"], c.fields["portfolio"], c.quotes[0].value) for c in propose(doc)]
[('person_function', 'Els de Wit', 'Onderwijs', 'Wethouder Els de Wit (Onderwijs)')]
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from ... import paths
from ..reference import Reference, load_reference
from ..sources import SourceDocument, read_source
from .agreements import adoption_candidates, agreement_candidates, participation_candidates
from .candidate import PROPOSED_KINDS, Candidate, mark_announced, unique_ids
from .coverage import IDENTIFYING, covers, not_curated, shared_quotes
from .document import Doc, news_items, prose_lines
from .finders import find_all
from .output import to_json, to_toml, toml_value
from .persons import mention_candidates, person_candidates
from .pilot import commitment_candidates, pilot_candidates
from .projects import project_candidates
from .publications import evaluation_candidates, publication_candidates
from .vocabulary import Vocabulary, load_vocabulary

__all__ = ["Candidate", "Vocabulary", "load_vocabulary", "propose", "propose_file", "to_toml", "to_json",
           "covers", "shared_quotes", "not_curated", "PROPOSED_KINDS", "IDENTIFYING"]

#: the names of the single module this package was, which its tests imported
_Doc, _toml_value = Doc, toml_value

def propose(doc: SourceDocument, reference: Reference | None = None, vocabulary: Vocabulary | None = None,
            kinds: Iterable[str] | None = None) -> list[Candidate]:
    """Candidate statements for the prose of *doc*, grouped by kind (:data:`PROPOSED_KINDS`), each
    kind in the order of the text.

    Parameters
    ----------
    doc : SourceDocument
    reference : the reference data (default: ``data/reference``)
    vocabulary : the words of ``data/reference/propose.toml`` (default: that file)
    kinds : only these statement kinds (default: all of :data:`PROPOSED_KINDS`)

    Returns
    -------
    list of Candidate
        Empty for a document without prose (only a team listing, or nothing to propose).

    Raises
    ------
    SourceError
        If the document's team listing is malformed (as the build would say).
    DataFileError
        If the reference data or vocabulary cannot be read.
    ValueError
        If *kinds* names a kind that is not proposed.

    Notes
    -----
    Each line of the text is read once per kind of finding: O(length of the document).
    """
    kinds = tuple(PROPOSED_KINDS if kinds is None else kinds)
    wrong = [k for k in kinds if k not in PROPOSED_KINDS]
    if wrong:
        raise ValueError(f"'{wrong[0]}' is not a kind that propose proposes ({', '.join(PROPOSED_KINDS)})")
    d = Doc(doc, reference if reference is not None else load_reference(paths.REFERENCE),
            vocabulary if vocabulary is not None else load_vocabulary())
    made = _by_kind(d)
    _refer_to_mentions(made)
    out = []
    for kind in PROPOSED_KINDS:
        if kind in kinds:
            cands = sorted(made[kind], key=lambda c: c.start)
            for c in cands:
                if kind != "project":
                    mark_announced(c)
            out += cands
    unique_ids(out)
    return out


def _by_kind(d: Doc) -> dict[str, list[Candidate]]:
    """The candidates of every kind of :data:`PROPOSED_KINDS`, each kind in the order its module
    makes them."""
    all_lines = prose_lines(d)
    lines = [line for line in all_lines if line is not None]
    found = find_all(d, lines)
    publications, cite_ids = publication_candidates(d, found["citation"])
    return {
        "pilot_city": pilot_candidates(d, lines),
        "mention": mention_candidates(d, lines, found["person"]),
        "publication": publications,
        "project": project_candidates(d, news_items(d, all_lines), found["date"], found["amount"],
                                      found["organisation"], found["citation"], cite_ids),
        "evaluation": evaluation_candidates(d, lines, found["citation"], cite_ids, found["person"]),
        "person_function": person_candidates(d, found["person"]),
        "commitment": commitment_candidates(d, all_lines),
        "agreement": agreement_candidates(d, lines, found["person"]),
        "adoption": adoption_candidates(d, lines, found["person"]),
        "participation": participation_candidates(d, lines),
    }


def _refer_to_mentions(made: dict[str, list[Candidate]]) -> None:
    """A person or evaluation that names a person by a spelling of a ``mention`` candidate says
    that the mention must be copied too."""
    spelled = {c.fields["name"]: c.fields["refers_to"] for c in made["mention"] if c.fields["type"] == "person"}
    for c in made["person_function"] + made["evaluation"]:
        name = c.fields.get("name") or c.fields.get("according_to")
        if name in spelled:
            c.review.append(f"copy the [[mention]] of '{name}' (refers_to '{spelled[name]}') too, or the build "
                            "makes a new person of this spelling")


def propose_file(path: str | Path, reference: Reference | None = None, vocabulary: Vocabulary | None = None,
                 kinds: Iterable[str] | None = None) -> tuple[SourceDocument | None, list[Candidate]]:
    """Read the source file *path* as the build does and propose its candidates.

    An empty file (or one of white space only) has no prose: ``(None, [])``.

    Raises
    ------
    SourceError
        If the file is missing, unreadable, not UTF-8 or binary: the build's own one-line error.
    """
    path = Path(path)
    if path.is_file():
        try:
            if not path.read_bytes().strip():
                return None, []
        except OSError:
            pass            # read_source says why, as the build does
    doc = read_source(path)
    return doc, propose(doc, reference, vocabulary, kinds)

