"""Resolving the source documents themselves: identifier, type, title, language, publisher, dates, checksum."""

from __future__ import annotations

import re

from ...errors import StatementError
from ..extraction import ProjectInfo
from ..sources import SourceDocument
from ..statements import Statement, StatementFile
from .model import Lit, Ref
from .organisations import publisher
from .resolver import Resolver

__all__ = ["document"]

_KINDS = {"press release": "vg:PressRelease", "project page": "vg:ProjectPage"}
_DUTCH = re.compile(r"\b(de|het|een|van|en|in|voor|met|zijn|wordt|niet|ook)\b", re.IGNORECASE)


def document(r: Resolver, doc: SourceDocument, info: ProjectInfo, sf: StatementFile | None, has_listing: bool) -> None:
    ent = r.entity("source", doc.stem, doc.name)
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
        pub = publisher(r, st, meta["publisher"], doc)
        ent.add("dct:publisher", pub, doc.name)
        ent.cite(q, doc.name)
    for k, pred in (("earliest", "vg:earliestDate"), ("latest", "vg:latestDate")):
        if meta.get(k):
            ent.add(pred, r.date(meta[k], f"{sf.path.name}: [document] {k}"), doc.name)
    if meta.get("date_note"):
        ent.add("vg:dateNote", Lit(meta["date_note"], lang="en"), doc.name)
    if meta.get("date_quote"):
        q = sf.index.find(meta["date_quote"])
        if q is None:
            raise StatementError(f"{sf.path.name}: [document] date_quote not found in {doc.name}")
        ent.cite(q, doc.name)
    ent.add("spdx:checksum", Ref(f"source/{doc.stem}-sha256"), doc.name)
    cs = r.entity("checksum", f"{doc.stem}-sha256", f"SHA-256 of {doc.name}")
    cs.key = f"source/{doc.stem}-sha256"
    r.entities[cs.key] = r.entities.pop(f"checksum/{doc.stem}-sha256")
    cs.add("spdx:algorithm", Lit("spdx:checksumAlgorithm_sha256", "curie"), doc.name)
    cs.add("spdx:checksumValue", Lit(doc.sha256, "xsd:hexBinary"), doc.name)
    ent.add("dct:extent", Lit(str(len(doc.data)), "xsd:integer"), doc.name)
