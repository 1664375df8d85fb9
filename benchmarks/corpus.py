"""Write a synthetic corpus of project pages in exactly the format of the seed project page.

    python benchmarks/corpus.py --teams 1000 --seed 1 --out /tmp/corpus-1000

Each document is a project page (header, Start/Voltooing years, an introduction, the table header)
with up to ``--per-document`` adoption teams in the listing format: a ``Place,`` line and a
``District`` line (or one ``Place, District`` line), a ``Toelichting (pdf-bestand)`` line (sometimes
without the space), a theme, and bullets ``• Name (function, party or organisation)`` — wethouders
with their party, directors-general and ministers or state secretaries of some fifty ministries,
independent experts of many organisations — including wrapped bullets, trailing commas and
non-breaking spaces at about the rate of the seed. Persons sit in several teams (a ministry's
directors-general, ministers and experts serve many districts), so the networks have work to do.

The same ``--teams`` and ``--seed`` always give the same bytes. ``vitalegraph build --sources DIR``
reads the result unchanged.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

FIRST = ("Anna Bram Carla Daan Eva Fleur Gerrit Hanna Ida Joost Karin Lex Marieke Nina Olaf Pieter "
         "Rinda Sanne Tjeerd Ursula Vera Willem Yvonne Zeger André Clémence Aïsha Björn Renée Noël "
         "Mehmet Fatima Karima Sadik Ahmed Hilde Leon Ralph Siebe Bert").split()
PARTICLES = ["", "", "", "van", "de", "van der", "van den", "den", "ter"]
LAST = ("Jansen Bakker Visser Smit Meijer Mulder Bos Vos Peters Hendriks Dekker Brouwer Dijkstra Kok "
        "Verhoeven Schouten Postma Kuipers Veenstra Kramer Prins Blom Huisman Peeters Molen Zande Hoof "
        "Geus Besten Gastel Halder Dorp Berkelder Riedstra Schoof Remkes Faber Noom Ootjers Harchaoui "
        "Terpstra Winsemius Nijkamp Vermeulen Marcouch Kerstens Bruins Eijk Houwer Verdonk").split()
MINISTRY_WORDS = ("Binnenlandse Zaken;Sociale Zaken;Onderwijs;Cultuur;Wetenschap;Volksgezondheid;Welzijn;Sport;"
                  "Verkeer;Waterstaat;Landbouw;Natuur;Economische Zaken;Justitie;Financiën;Wonen;Wijken;"
                  "Integratie;Jeugd;Gezin;Ruimtelijke Ordening;Milieu;Veiligheid;Klimaat;Energie;Innovatie;"
                  "Werkgelegenheid;Emancipatie;Media;Erfgoed;Mobiliteit;Digitalisering;Zorg;Armoede;"
                  "Bestuurlijke Vernieuwing;Koninkrijksrelaties;Vreemdelingenzaken;Voedselkwaliteit;"
                  "Ontwikkelingssamenwerking;Handel").split(";")
REAL_MINISTRIES = [("VROM", "Volkshuisvesting, Ruimtelijke Ordening en Milieubeheer"), ("BZK", "Binnenlandse Zaken en Koninkrijksrelaties"),
                   ("VWS", "Volksgezondheid, Welzijn en Sport"), ("SZW", "Sociale Zaken en Werkgelegenheid"),
                   ("LNV", "Landbouw, Natuur en Voedselkwaliteit"), ("EZ", "Economische Zaken"),
                   ("OCW", "Onderwijs, Cultuur en Wetenschap"), ("VenW", "Verkeer en Waterstaat"),
                   ("Justitie", "Justitie"), ("Financiën", "Financiën")]
PARTIES = ["PvdA", "CDA", "SP", "VVD", "D66", "GroenLinks", "ChristenUnie"]
ORG_WORDS = ("KPN WRR VNG BNG NWO HBO-Raad GGZ-Nederland Forum ROC Taskforce Kenniscentrum Stichting "
             "Woonbond Aedes MKB-Nederland Platform Raad Fonds Bureau Instituut").split()
PLACE_PARTS = ("Zee Berg Veen Dam Dijk Wijk Hoven Broek Horst Loo Rade Woude Sloot Meer Burg Kerk Haven "
               "Brug Heide Hof").split()
PLACE_START = ("Noord Zuid Oost West Groot Klein Nieuw Oud Hoog Laag Sint Ter Ooster Wester Ruin Vlaar "
               "Marken Lind Ek Rijs").split()
DISTRICT_WORDS = ("Centrum;Noord;Zuid;Oost;West;Nieuw West;Zuidwest;Bloemenwijk;Rivierenwijk;Vogelwijk;"
                  "Schildersbuurt;Kanaleneiland;De Hoogte;Slachthuisbuurt;Stationsbuurt;Havenkwartier;"
                  "Berflo Es;Poelenburg;Overvecht;Revisited").split(";")
THEME_START = ("Economisch meedoen van;Versterking van;Toekomst voor;Perspectief voor;Veiligheid in;"
               "Impulsen voor;Zorg voor;Samenwerking rond;Aanpak van;Kansen voor").split(";")
THEME_END = ("jongeren;de wijk;ouderen;gezinnen;de Antilliaanse gemeenschap;particulier woningbezit;"
             "werk en inkomen;vroegsignalering jeugd;eerstelijns zorg;de openbare ruimte;scholen;"
             "integrale jeugdzorg;ondernemers").split(";")
NBSP = "\u00a0"


class _Names:
    def __init__(self, rng: random.Random):
        self.rng, self.used = rng, set()

    def person(self) -> str:
        for _ in range(1000):
            parts = [self.rng.choice(FIRST), self.rng.choice(PARTICLES), self.rng.choice(LAST)]
            if self.rng.random() < 0.08:
                parts[-1] += "-" + self.rng.choice(LAST)
            name = " ".join(p for p in parts if p)
            if name not in self.used:
                self.used.add(name)
                return name
        name = f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)} {len(self.used)}"
        self.used.add(name)
        return name


def _ministries(rng: random.Random, n: int = 50) -> list[tuple[str, str]]:
    out = list(REAL_MINISTRIES)
    seen = {name for _a, name in out}
    while len(out) < n:
        words = rng.sample(MINISTRY_WORDS, rng.choice((2, 3)))
        name = ", ".join(words[:-1]) + " en " + words[-1]
        if name in seen:
            continue
        seen.add(name)
        out.append(("".join(w[0] for w in " ".join(words).split() if w[0].isupper()) + str(len(out)), name))
    return out


def generate(teams: int, seed: int, per_document: int = 500) -> dict[str, str]:
    """The corpus as ``{file name: text}``; deterministic for (*teams*, *seed*)."""
    rng = random.Random(seed)
    names = _Names(rng)
    ministries = _ministries(rng)
    n_muni = max(3, teams // 12)
    places, seen = [], set()
    while len(places) < n_muni:
        p = rng.choice(PLACE_START) + rng.choice(PLACE_PARTS).lower()
        p = p if p not in seen else f"{p} {rng.choice(('aan Zee', 'aan de Rijn', 'Noord', 'Zuid', len(places)))}"
        if p not in seen:
            seen.add(p)
            places.append(p)
    # pools: who serves where
    locals_ = {p: [(names.person(), rng.choice(("wethouder", "wethouder", "wethouder", "stadsdeelvoorzitter",
                                                   "burgemeester")), rng.choice(PARTIES + [""]))
                   for _ in range(rng.randint(4, 8))] for p in places}
    dgs = {m: [names.person() for _ in range(max(1, teams // 100) + 1)] for m in ministries}
    cabinet = {m: [(names.person(), rng.choice(("minister van", "minister van", "staatssecretaris van",
                                                  "minister voor")))
                   for _ in range(rng.randint(1, 3))] for m in ministries}
    orgs = sorted({f"{rng.choice(ORG_WORDS)} {rng.choice(LAST)}" if rng.random() < 0.6 else rng.choice(ORG_WORDS)
                   for _ in range(max(20, teams // 10))})
    experts = [(names.person(), rng.choice(orgs) if rng.random() < 0.85 else
                rng.choice(("comm.jeugdbld", "volw.educatie", "oud-burgemeester", "oud-Commissiris van de Koningin")))
               for _ in range(max(10, teams * 5 // 2))]
    listing: list[tuple[str, str, str, list[str]]] = []
    used = set()
    for i in range(teams):
        place = places[i % n_muni] if i < n_muni else rng.choice(places)
        for _ in range(100):
            district = rng.choice(DISTRICT_WORDS) if rng.random() < 0.7 else \
                f"{rng.choice(DISTRICT_WORDS)} ({rng.choice(LAST)}, {rng.choice(LAST)})"
            theme = f"{rng.choice(THEME_START)} {rng.choice(THEME_END)}"
            if (place, district, theme) not in used:
                break
        else:
            theme = f"{theme} {i}"
        used.add((place, district, theme))
        bullets = []
        for name, function, party in rng.sample(locals_[place], rng.choice((1, 1, 1, 2))):
            bullets.append(f"{name} ({function}{', ' + party if party else ''})")
        m_dg, m_cab = rng.choice(ministries), rng.choice(ministries)
        abbr, mname = m_dg
        # a real ministry by its abbreviation (mostly), a synthetic one always by its name, so that
        # each ministry is one node without reference data for it
        short = abbr if m_dg in REAL_MINISTRIES and rng.random() < 0.8 else mname
        bullets.append(f"{rng.choice(dgs[m_dg])} (directeur-generaal {short})")
        bullets += [f"{n} ({o})" for n, o in rng.sample(experts, rng.choice((1, 1, 1, 2)))]
        for name, function in rng.sample(cabinet[m_cab], 1 if rng.random() < 0.9 else min(2, len(cabinet[m_cab]))):
            bullets.append(f"{name} ({function} {m_cab[1]})")
        listing.append((place, district, theme, bullets))
    docs = {}
    for d in range(0, teams, per_document):
        chunk = listing[d:d + per_document]
        number = d // per_document + 1
        out = ["Acties", "Beschrijving", "Locatie", "Partijen", "Project", "",
               f"Pilotwijken Synthetische coalities {number} (seed {seed})", "", "Start: 2006", "Voltooing: 2007", "",
               "Een synthetisch project in het formaat van de projectbeschrijving, voor metingen.", "",
               f"In de volgende {len(chunk)} pilotwijken werden 'nieuwe vitale coalities' gesmeed:", "",
               "Wijken en steden Thema gemeentelijk verantw./DG/onafh. 3e/minister-stas", ""]
        for place, district, theme, bullets in chunk:
            if rng.random() < 1 / 13:
                out.append(f"{place}, {district}")
            else:
                out += [f"{place},{' ' if rng.random() < 0.1 else ''}", district]
            out += ["", "Toelichting(pdf-bestand)" if rng.random() < 1 / 13 else "Toelichting (pdf-bestand)", ""]
            if rng.random() < 1 / 13:
                out += [NBSP, ""]
            out.append(theme)
            rendered = [f" • {b}" for b in bullets]
            if len(rendered) > 2 and rng.random() < 1 / 13:   # a bullet that wraps onto the next one
                k = rng.randrange(1, len(rendered))
                first, rest = bullets[k].split(" ", 1)
                rendered[k - 1] += f" {first}"
                rendered[k] = f" • {rest}"
            rendered = [r + ("," if rng.random() < 0.05 else "") for r in rendered]
            rendered = [r.replace(" (", NBSP + "(", 1) if rng.random() < 0.02 else r for r in rendered]
            out += rendered
            out.append("")
        out += ["Leerpunten / resultaat", "", "Einde van de synthetische projectbeschrijving.", ""]
        docs[f"synthetic_{seed}_{number:04d}.txt"] = "\n".join(out)
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--teams", type=int, required=True, help="number of adoption teams")
    parser.add_argument("--seed", type=int, default=1, help="random seed; default 1")
    parser.add_argument("--out", type=Path, required=True, help="folder to write the documents to")
    parser.add_argument("--per-document", type=int, default=500, help="teams per document; default 500")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    docs = generate(args.teams, args.seed, args.per_document)
    for name, text in docs.items():
        (args.out / name).write_bytes(text.encode("utf-8"))
    print(f"wrote {len(docs)} documents with {args.teams} teams to {args.out}")


if __name__ == "__main__":
    main()
