"""The words of a picture page, in Dutch and in English (``vitalegraph picture --lang nl|en``).

A page speaks one language: its field names, legend, help and tour come from :data:`TEXT`; the
coalition roles and the kinds of node are the ontology's own ``nl``/``en`` labels
(:func:`vitalegraph.picture.data.ontology_labels`, which these only back up); the words of the
sources (names, functions, themes, quotes) are left as written. A template such as
``"links {n} districts"`` is filled in with data, never with a name typed here.

Examples
--------
>>> words("nl")["search"]
'Zoek een persoon, wijk, gemeente of ministerie'
>>> sorted(TEXT) == sorted(LANGS) and all(TEXT[lang].keys() == TEXT["en"].keys() for lang in LANGS)
True
"""

from __future__ import annotations

from ..errors import QueryError

__all__ = ["LANGS", "DEFAULT_LANG", "TEXT", "words", "plural"]

#: the languages a page can speak
LANGS = ("en", "nl")
DEFAULT_LANG = "en"

TEXT: dict[str, dict[str, str]] = {
    "en": {
        "lang": "en",
        "search": "Find a person, district, municipality or ministry",
        "search_hint": "name, municipality, ministry …",
        "no_match": "No match for “{q}”.",
        "matches": "matches",
        "fit": "Fit to screen",
        "reset": "Show everything",
        "linkers_only": "Show only the linkers",
        "linkers_only_hint": "persons and departments that link districts, with what they link",
        "show_kinds": "Show kinds",
        "how_to_read": "How to read it",
        "ministries_filter": "Ministries (with their officials)",
        "municipalities_filter": "Municipalities (with their districts)",
        "all": "all",
        "none": "none",
        "shown_of": "{shown} of {total}",
        "counts": "{nodes} nodes · {edges} edges",
        "close": "Close",
        "sources": "Sources ({n})",
        "linked_to": "Linked to ({n})",
        "links_to_districts": "Links to other districts ({n})",
        "through_persons": "through a person: {who}",
        "through_departments": "through a department: {what}",
        "source_detail": "file {file}, characters {start}–{end}",
        "tour": "Guided tour",
        "tour_start": "Start the tour",
        "tour_next": "Next",
        "tour_back": "Back",
        "tour_end": "End the tour",
        "tour_step": "Step {i} of {n}",
        "tour_link": "Link to this step",
        "kind": "kind",
        "person": "person",
        "organisation": "organisation",
        "other": "other",
        "person_other": "person: other role",
        "period_all": "all memberships",
        "period_start": "the start of the pilot (team listing)",
        "period_latest": "the latest teams (later changes applied)",
        "period": "period",
        "graph_label": "network picture",
        "controls_label": "search and filters",
        "panel_label": "details of the selection",
        "noscript": "This picture needs JavaScript.",
        "linked_districts": "links {n} districts",
        "in_one_district": "in 1 district",
        "ties": "{n} ties",
        "tie": "1 tie",
        # the encodings of the legend
        "enc_colour": "Colour and shape: the kind of node; a person's colour is the role in the team.",
        "enc_size": "Larger: lies between more of the others (betweenness; the number is in the side panel).",
        "enc_linker": "Thick black ring: links two or more districts (a linker).",
        "enc_solid": "Solid line: {solid}.",
        "enc_dashed": "Dashed line: {dashed}.",
        "enc_dotted": "Dotted line: {dotted}.",
        "enc_width": "Thicker line: more ties (the number is on hover).",
        "enc_faded": "Grey: outside the selection or the tour step.",
        "solid_coalitions": "a member of a team, or the district of a team",
        "dashed_coalitions": "a person's ministry or organisation",
        "dotted_coalitions": "the municipality of a district",
        "solid_districts": "the same person sits in a team of each district",
        "dashed_districts": "one ministry has different officials in a team of each district",
        "solid_departments": "the ministry has an official in a team of the district",
        # help per view
        "help_generic": "Hover a node for its facts; click it to zoom to its neighbourhood. Drag to pan, scroll to "
                        "zoom, Esc clears.",
        "help_coalitions": "Hover a node for its facts. Click a node to zoom to its neighbourhood (a person "
                           "reaches the districts of her teams) and to read, in the side panel, the source "
                           "behind each membership. Drag to pan, scroll to zoom, Esc clears.",
        "help_districts": "Hover a line for who links the two districts. Click a district to zoom to the "
                          "districts it is linked to and to read, in the side panel, who and which ministries "
                          "link it to each of them. Drag to pan, scroll to zoom, Esc clears.",
        "help_departments": "Hover a line for the officials behind it. Click a ministry to zoom to the districts "
                            "it reaches, or a district to see which ministries reach it. Drag to pan, scroll to "
                            "zoom, Esc clears.",
        # field names
        "f_role": "role", "f_function": "function as written", "f_party": "party", "f_ministry": "ministry",
        "f_organisation": "organisation", "f_municipality": "municipality", "f_district": "district",
        "f_teams": "teams", "f_districts": "districts", "f_officials": "officials", "f_members": "members",
        "f_persons": "persons", "f_ministries": "ministries", "f_weight": "ties", "f_same_person": "through the same person",
        "f_betweenness": "betweenness", "f_degree centrality": "degree centrality", "f_theme": "theme",
        "f_reach": "districts reached",
        # the tour (templates filled in from the data)
        "tour_overview": "{teams} adoption teams worked in {districts} districts of {municipalities} municipalities, "
                         "with {persons} persons in them.",
        "tour_departments": "{count} ministries reach the most districts, {n} each: {names}.",
        "tour_linkers": "{count} persons sit in teams of more than one district and so link them: {names}.",
        "tour_no_linkers": "No person sits in teams of two districts: the districts are linked through ministries only.",
        "tour_changed": "Later, the team of {teams} changed: {joined} joined, {left} left.",
        "tour_nobody": "nobody",
        "tour_unchanged": "No team changed after the listing.",
        "tour_outcomes": "Sources evaluate {count} of the {teams} teams: {stances}.",
        "tour_stance": "{stance} ({who}): {names}",
        "tour_teams_of": "{n} teams of {name}",
        "tour_pilot": "On the pilot as a whole, no team's outcome: {stances}.",
        "tour_no_outcomes": "No source evaluates a team, its district or its municipality.",
        "tour_strongest": "The most ties between two districts: {a} and {b}, {n} ({how}).",
        "and": "and",
        "title_coalitions": "Coalitions", "title_districts": "Districts", "title_departments": "Departments",
        "desc_coalitions": "districts, adoption teams, persons, ministries and municipalities together",
        "desc_districts": "the district network: districts tied by the persons and ministries they share",
        "desc_departments": "the ministries and the districts they reach, through their officials",
    },
    "nl": {
        "lang": "nl",
        "search": "Zoek een persoon, wijk, gemeente of ministerie",
        "search_hint": "naam, gemeente, ministerie …",
        "no_match": "Niets gevonden voor “{q}”.",
        "matches": "gevonden",
        "fit": "Passend maken",
        "reset": "Alles tonen",
        "linkers_only": "Alleen de verbinders tonen",
        "linkers_only_hint": "personen en departementen die wijken verbinden, met wat ze verbinden",
        "show_kinds": "Soorten tonen",
        "how_to_read": "Zo lees je het",
        "ministries_filter": "Ministeries (met hun ambtenaren)",
        "municipalities_filter": "Gemeenten (met hun wijken)",
        "all": "alle",
        "none": "geen",
        "shown_of": "{shown} van {total}",
        "counts": "{nodes} knopen · {edges} lijnen",
        "close": "Sluiten",
        "sources": "Bronnen ({n})",
        "linked_to": "Verbonden met ({n})",
        "links_to_districts": "Verbindingen met andere wijken ({n})",
        "through_persons": "via een persoon: {who}",
        "through_departments": "via een departement: {what}",
        "source_detail": "bestand {file}, tekens {start}–{end}",
        "tour": "Rondleiding",
        "tour_start": "Start de rondleiding",
        "tour_next": "Volgende",
        "tour_back": "Terug",
        "tour_end": "Rondleiding beëindigen",
        "tour_step": "Stap {i} van {n}",
        "tour_link": "Link naar deze stap",
        "kind": "soort",
        "person": "persoon",
        "organisation": "organisatie",
        "other": "overig",
        "person_other": "persoon: andere rol",
        "period_all": "alle lidmaatschappen",
        "period_start": "het begin van de pilot (teamlijst)",
        "period_latest": "de laatste teams (latere wijzigingen verwerkt)",
        "period": "periode",
        "graph_label": "netwerkplaat",
        "controls_label": "zoeken en filters",
        "panel_label": "gegevens van de selectie",
        "noscript": "Deze plaat heeft JavaScript nodig.",
        "linked_districts": "verbindt {n} wijken",
        "in_one_district": "in 1 wijk",
        "ties": "{n} verbindingen",
        "tie": "1 verbinding",
        "enc_colour": "Kleur en vorm: de soort knoop; de kleur van een persoon is de rol in het team.",
        "enc_size": "Groter: ligt tussen meer van de anderen (betweenness; het getal staat in het zijpaneel).",
        "enc_linker": "Dikke zwarte rand: verbindt twee of meer wijken (een verbinder).",
        "enc_solid": "Doorgetrokken lijn: {solid}.",
        "enc_dashed": "Gestreepte lijn: {dashed}.",
        "enc_dotted": "Gestippelde lijn: {dotted}.",
        "enc_width": "Dikkere lijn: meer verbindingen (het getal verschijnt bij aanwijzen).",
        "enc_faded": "Grijs: buiten de selectie of de stap van de rondleiding.",
        "solid_coalitions": "lid van een team, of de wijk van een team",
        "dashed_coalitions": "het ministerie of de organisatie van een persoon",
        "dotted_coalitions": "de gemeente van een wijk",
        "solid_districts": "dezelfde persoon zit in een team van beide wijken",
        "dashed_districts": "één ministerie heeft verschillende ambtenaren in een team van beide wijken",
        "solid_departments": "het ministerie heeft een ambtenaar in een team van de wijk",
        "help_generic": "Wijs een knoop aan voor de gegevens; klik hem om in te zoomen op de omgeving. Slepen "
                        "verschuift, scrollen zoomt, Esc wist.",
        "help_coalitions": "Wijs een knoop aan voor de gegevens. Klik een knoop om in te zoomen op de omgeving "
                           "(een persoon bereikt de wijken van haar teams) en om in het zijpaneel de bron van elk "
                           "lidmaatschap te lezen. Slepen verschuift, scrollen zoomt, Esc wist.",
        "help_districts": "Wijs een lijn aan om te zien wie de twee wijken verbindt. Klik een wijk om in te zoomen "
                          "op de wijken waarmee ze verbonden is en om in het zijpaneel te lezen wie en welke "
                          "ministeries haar met elk ervan verbinden. Slepen verschuift, scrollen zoomt, Esc wist.",
        "help_departments": "Wijs een lijn aan voor de ambtenaren erachter. Klik een ministerie om in te zoomen op "
                            "de wijken die het bereikt, of een wijk om te zien welke ministeries haar bereiken. "
                            "Slepen verschuift, scrollen zoomt, Esc wist.",
        "f_role": "rol", "f_function": "functie zoals geschreven", "f_party": "partij", "f_ministry": "ministerie",
        "f_organisation": "organisatie", "f_municipality": "gemeente", "f_district": "wijk",
        "f_teams": "teams", "f_districts": "wijken", "f_officials": "ambtenaren", "f_members": "leden",
        "f_persons": "personen", "f_ministries": "ministeries", "f_weight": "verbindingen",
        "f_same_person": "via dezelfde persoon", "f_betweenness": "betweenness",
        "f_degree centrality": "degree-centraliteit", "f_theme": "thema", "f_reach": "bereikte wijken",
        "tour_overview": "{teams} adoptieteams werkten in {districts} wijken van {municipalities} gemeenten, "
                         "met {persons} personen erin.",
        "tour_departments": "{count} ministeries bereiken de meeste wijken, elk {n}: {names}.",
        "tour_linkers": "{count} personen zitten in teams van meer dan één wijk en verbinden die zo: {names}.",
        "tour_no_linkers": "Geen persoon zit in teams van twee wijken: de wijken zijn alleen via ministeries verbonden.",
        "tour_changed": "Later veranderde het team van {teams}: {joined} kwam erbij, {left} ging weg.",
        "tour_nobody": "niemand",
        "tour_unchanged": "Geen team veranderde na de lijst.",
        "tour_outcomes": "Bronnen beoordelen {count} van de {teams} teams: {stances}.",
        "tour_stance": "{stance} ({who}): {names}",
        "tour_teams_of": "{n} teams van {name}",
        "tour_pilot": "Over de pilot als geheel, van geen team de uitkomst: {stances}.",
        "tour_no_outcomes": "Geen bron beoordeelt een team, de wijk of de gemeente ervan.",
        "tour_strongest": "De meeste verbindingen tussen twee wijken: {a} en {b}, {n} ({how}).",
        "and": "en",
        "title_coalitions": "Coalities", "title_districts": "Wijken", "title_departments": "Departementen",
        "desc_coalitions": "wijken, adoptieteams, personen, ministeries en gemeenten samen",
        "desc_districts": "het wijkennetwerk: wijken verbonden door de personen en ministeries die ze delen",
        "desc_departments": "de ministeries en de wijken die ze bereiken, via hun ambtenaren",
    },
}


def words(lang: str) -> dict[str, str]:
    """The words of a page in *lang*.

    Raises
    ------
    QueryError
        For a language not in :data:`LANGS`.
    """
    if lang not in TEXT:
        raise QueryError(f"unknown language '{lang}'; choose one of {', '.join(LANGS)}")
    return TEXT[lang]


def plural(names: list[str], lang: str) -> str:
    """*names* joined as a sentence lists them.

    >>> plural(["A", "B", "C"], "en"), plural(["A", "B"], "nl"), plural(["A"], "en")
    ('A, B and C', 'A en B', 'A')
    """
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + f" {TEXT[lang]['and']} " + names[-1]
