"""Words about who speaks, per language, for resolving a speaker mention to the person or body the
article named: titles, roles, periphrases and metonyms of the press, indefinite sources.

All entries are folded (lower case, no accents), like the rest of the lexicons.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, eq=False)
class Speech:
    # Courtesy titles before a name, with the gender they tell ("M. Zelensky", "Ms Reeves").
    honorifics: dict[str, str | None]
    # Words of a title written before a name in capitals ("President", "Fire Chief", "Foreign Minister"):
    # the name starts after the last of them ("Los Angeles Fire Chief Kristin Crowley").
    titles: frozenset[str]
    # Determiners of an indefinite source: "une source au fait du dossier", "an official" name nobody.
    indefinite: frozenset[str]
    # Gender told by a determiner before a role ("la porte-parole", "le préfet").
    determiner_gender: dict[str, str]
    # Pronouns that stand for one person, with their gender.
    person_pronouns: dict[str, str]
    # A periphrasis stands for a role ("le chef de l'Etat" is the president); the role's words follow.
    periphrases: dict[str, tuple[str, ...]]
    # A place standing for an institution ("Bercy", "les juges de Mon-Repos"), with the body's name.
    metonyms: dict[str, str]
    # Head nouns that name a body rather than a person ("le ministère", "the charity").
    body_nouns: frozenset[str]
    # Head nouns of a role a person holds: "le préfet", "la candidate", "the president" with no one given
    # that role is the person the text is speaking of.
    person_roles: frozenset[str]
    # Words that link a role to its complement: only the words before them name the speaker.
    of_words: frozenset[str]
    # Nationality adjectives (singular, each gender) and the country they name: "le dirigeant ukrainien" is
    # not the one the article called "le président américain".
    nationalities: dict[str, str]
    # Verbs that credit a figure to a source only in a past tense: "la CGT a compté 1,2 million de
    # manifestants" is reported, "le pays compte 8 millions d'habitants" is not.
    counting_verbs: frozenset[str]


def _nationalities(forms: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {form: country for country, words in forms.items() for form in words}


FRENCH_SPEECH = Speech(
    honorifics={"m.": "m", "mme": "f", "mlle": "f", "monsieur": "m", "madame": "f", "me": None, "dr": None, "pr": None},
    titles=frozenset(),  # French writes titles in lower case: they are read as roles by the parse
    indefinite=frozenset({"un", "une", "des", "certains", "certaines", "plusieurs"}),
    determiner_gender={"le": "m", "la": "f", "un": "m", "une": "f", "ce": "m", "cette": "f", "cet": "m"},
    person_pronouns={"il": "m", "elle": "f", "lui": "m"},
    periphrases={
        "chef de l'etat": ("president",),
        "locataire de l'elysee": ("president",),
        "locataire de matignon": ("premier", "ministre"),
        "chef du gouvernement": ("premier", "ministre"),
        "locataire de la place beauvau": ("ministre", "interieur"),
        "locataire de beauvau": ("ministre", "interieur"),
        "locataire de bercy": ("ministre", "economie"),
        "representant de l'etat": ("prefet",),
        "chef de la diplomatie": ("ministre", "affaires", "etrangeres"),
        "patron": ("directeur", "president", "chef"),
    },
    metonyms={
        "bercy": "ministère de l'Économie et des Finances",
        "beauvau": "ministère de l'Intérieur",
        "place beauvau": "ministère de l'Intérieur",
        "quai d'orsay": "ministère des Affaires étrangères",
        "mon-repos": "Tribunal fédéral",
        "juges de mon-repos": "Tribunal fédéral",
    },
    body_nouns=frozenset(
        {
            "ministere",
            "agence",
            "reseau",
            "institut",
            "office",
            "tribunal",
            "cour",
            "conseil",
            "commission",
            "gouvernement",
            "prefecture",
            "parti",
            "syndicat",
            "organisation",
            "association",
            "ong",
            "service",
            "autorite",
            "direction",
            "haut conseil",
            "banque",
            "comite",
            "mairie",
        }
    ),
    person_roles=frozenset(
        {
            "president",
            "presidente",
            "ministre",
            "premier",
            "prefet",
            "prefete",
            "maire",
            "candidat",
            "candidate",
            "conseiller",
            "conseillere",
            "chef",
            "cheffe",
            "dirigeant",
            "dirigeante",
            "porte-parole",
            "juge",
            "depute",
            "deputee",
            "senateur",
            "senatrice",
            "elu",
            "elue",
            "secretaire",
            "directeur",
            "directrice",
            "responsable",
            "leader",
            "patron",
            "patronne",
            "locataire",
            "representant",
            "representante",
            "ambassadeur",
            "ambassadrice",
            "gouverneur",
            "chancelier",
            "chanceliere",
            "commissaire",
            "procureur",
            "procureure",
            "syndicaliste",
            "epidemiologiste",
            "economiste",
            "medecin",
            "ancien",
            "ancienne",
        }
    ),
    of_words=frozenset({"de", "du", "des", "d'", "aux", "au", "pour", "sur", "en", "a"}),
    nationalities=_nationalities(
        {
            "ukraine": ("ukrainien", "ukrainienne"),
            "russia": ("russe",),
            "united_states": ("americain", "americaine"),
            "united_kingdom": ("britannique", "anglais", "anglaise", "ecossais", "ecossaise"),
            "france": ("francais", "francaise"),
            "germany": ("allemand", "allemande"),
            "italy": ("italien", "italienne"),
            "spain": ("espagnol", "espagnole"),
            "portugal": ("portugais", "portugaise"),
            "belgium": ("belge",),
            "switzerland": ("suisse",),
            "netherlands": ("neerlandais", "neerlandaise", "hollandais", "hollandaise"),
            "poland": ("polonais", "polonaise"),
            "hungary": ("hongrois", "hongroise"),
            "belarus": ("bielorusse",),
            "turkey": ("turc", "turque"),
            "china": ("chinois", "chinoise"),
            "japan": ("japonais", "japonaise"),
            "india": ("indien", "indienne"),
            "iran": ("iranien", "iranienne"),
            "israel": ("israelien", "israelienne"),
            "palestine": ("palestinien", "palestinienne"),
            "canada": ("canadien", "canadienne"),
            "brazil": ("bresilien", "bresilienne"),
            "mexico": ("mexicain", "mexicaine"),
            "algeria": ("algerien", "algerienne"),
            "morocco": ("marocain", "marocaine"),
            "tunisia": ("tunisien", "tunisienne"),
            "senegal": ("senegalais", "senegalaise"),
            "ivory_coast": ("ivoirien", "ivoirienne"),
            "quebec": ("quebecois", "quebecoise"),
        }
    ),
    counting_verbs=frozenset({"compter", "recenser", "denombrer", "chiffrer", "evaluer"}),
)

ENGLISH_SPEECH = Speech(
    honorifics={
        "mr": "m",
        "mr.": "m",
        "ms": "f",
        "ms.": "f",
        "mrs": "f",
        "mrs.": "f",
        "miss": "f",
        "dr": None,
        "dr.": None,
    },
    titles=frozenset(
        {
            "president",
            "vice",
            "deputy",
            "prime",
            "minister",
            "chancellor",
            "secretary",
            "governor",
            "senator",
            "sen.",
            "rep.",
            "representative",
            "speaker",
            "mayor",
            "chief",
            "director",
            "general",
            "director-general",
            "judge",
            "justice",
            "commissioner",
            "foreign",
            "defence",
            "defense",
            "interior",
            "finance",
            "health",
            "former",
            "leader",
            "king",
            "queen",
            "pope",
            "prince",
            "sir",
            "dame",
            "lord",
            "fire",
            "police",
            "attorney",
            "officer",
            "ambassador",
            "envoy",
            "spokesman",
            "spokeswoman",
            "spokesperson",
            "us",
            "u.s.",
            "uk",
            "un",
            "eu",
        }
    ),
    indefinite=frozenset({"a", "an", "some", "one", "several"}),
    determiner_gender={},
    person_pronouns={"he": "m", "she": "f", "him": "m", "her": "f"},
    periphrases={"head of state": ("president",), "head of government": ("prime", "minister")},
    metonyms={
        "the pentagon": "Department of Defense",
        "pentagon": "Department of Defense",
    },
    body_nouns=frozenset(
        {
            "ministry",
            "department",
            "agency",
            "charity",
            "institute",
            "office",
            "court",
            "council",
            "commission",
            "government",
            "party",
            "union",
            "organisation",
            "organization",
            "group",
            "network",
            "bureau",
            "service",
            "authority",
            "bank",
            "committee",
            "archive",
            "company",
            "firm",
            "centre",
            "center",
        }
    ),
    person_roles=frozenset(
        {
            "president",
            "minister",
            "prime",
            "chancellor",
            "governor",
            "mayor",
            "speaker",
            "leader",
            "spokesman",
            "spokeswoman",
            "spokesperson",
            "director",
            "director-general",
            "chief",
            "secretary",
            "senator",
            "candidate",
            "official",
            "economist",
            "analyst",
            "epidemiologist",
            "doctor",
            "judge",
            "prosecutor",
            "ambassador",
            "envoy",
            "chairman",
            "chairwoman",
            "founder",
            "organiser",
            "organizer",
            "singer",
            "lawmaker",
            "deputy",
            "former",
        }
    ),
    of_words=frozenset({"of", "for", "at", "from", "in", "on"}),
    nationalities=_nationalities(
        {
            "ukraine": ("ukrainian",),
            "russia": ("russian",),
            "united_states": ("american", "us", "u.s."),
            "united_kingdom": ("british", "english", "scottish", "welsh", "uk"),
            "france": ("french",),
            "germany": ("german",),
            "italy": ("italian",),
            "spain": ("spanish",),
            "portugal": ("portuguese",),
            "belgium": ("belgian",),
            "switzerland": ("swiss",),
            "netherlands": ("dutch",),
            "poland": ("polish",),
            "hungary": ("hungarian",),
            "belarus": ("belarusian",),
            "turkey": ("turkish",),
            "china": ("chinese",),
            "japan": ("japanese",),
            "india": ("indian",),
            "iran": ("iranian",),
            "israel": ("israeli",),
            "palestine": ("palestinian",),
            "canada": ("canadian",),
            "brazil": ("brazilian",),
            "mexico": ("mexican",),
            "australia": ("australian",),
            "ireland": ("irish",),
        }
    ),
    counting_verbs=frozenset({"count", "counted", "tally", "tallied", "record", "recorded"}),
)


def speech_for(language: str) -> Speech:
    return ENGLISH_SPEECH if language == "en" else FRENCH_SPEECH
