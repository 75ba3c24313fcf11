"""Spot personal data in free text written for the cellule de cas complexes (SPEC §6).

The cellule identifies a situation only by its code; names, phone numbers, e-mail addresses,
NIR, dates of birth or exact ages and street addresses must never be typed into its files.
:func:`detecter` looks for them in one text and answers *what kind* of data it saw, with a
piece of advice, and never the data itself (the answer is printed, logged, shown on screen).

The rules aim at what a social worker or a nurse really types in a note, and were measured on
a labelled corpus (``tests/donnees/corpus_confidentialite.tsv``, ``benchmarks/
garde_confidentialite.py``); false alarms on professional French matter as much as misses.
The text is first normalised (NFKC, so that ``＠`` and full-width digits count; typographic
apostrophes and dashes made plain).

- **NIR**: any NIR-shaped number, key valid or not: 13 or 15 digits starting with 1, 2, 3, 4,
  7 or 8 (département ``2A``/``2B`` allowed), with or without separators (space, ``.``, ``-``,
  ``_``, up to three of them between digits). A longer run of numbers counts when its first
  groups make 13 or 15 digits. After a cue (« NIR », « n° SS », « sécu », « sécurité sociale »,
  « carte vitale », « immatriculation »…), any run of 5 digits or more.
- **Téléphone**: a French number, 0 then 9 digits, in any grouping (``06 12 34 56 78``,
  ``061 234 5678``, ``0 6 1 2 …``), separators space, ``.``, ``-`` or ``/``; ``+33``, ``0033``,
  ``(+33)``, with or without ``(0)``. Not inside a longer run of digits.
- **Adresse électronique**: ``nom@domaine.fr`` with spaces around ``@`` or the dots allowed,
  and its disguises: ``[at]``, ``(at)``, ``{at}``, ``[@]``, ``(a)``, « arobase », « at »,
  « chez », « point », « dot »; a known webmail name (``@gmail``) stands for the domain.
- **Date de naissance** (or exact age): a year, a date, a day and month, or « en 82 », in the
  few words after a birth cue (``né``, ``née``, ``né(e)``, ``nés``, ``naissance``, ``DDN``,
  ``D.D.N.``) before a comma; an exact age (« âgé de 42 ans », « femme de 82 ans », « il a 34
  ans », « Monsieur, 56 ans, … », « (45 ans) »), but never a range, a duration or a group
  (« 60-74 ans », « depuis 3 ans », « enfants de moins de 6 ans », « personnes âgées de 60 ans
  et plus »); any full date more than 14 years before today (a meeting is recent, a birth is
  old) unless a legal word (``loi``, ``décret``…) introduces it.
- **Adresse postale**: a number (``bis``/``ter``, ``n°`` allowed) before a kind of street, its
  abbreviations included (``r.``, ``av.``, ``bd``, ``bld``, ``imp.``, ``pl.``, ``rte``,
  ``ch.``…), or before « de la rue »; for kinds that are also ordinary words (``cours``,
  ``place``, ``route``, ``chemin``…) the name after must be capitalised (« 12 cours Mirabeau »,
  not « 3 cours de yoga »); « lieu-dit » and a name; an apartment number (``apt 12``,
  ``appartement 3``); a building letter or number (``bât. B``) next to an apartment, a door,
  a floor or a residence; « résidence » and a proper name (« résidence Les Tilleuls », but not
  « résidence accueil », a kind of housing). A street kind with no number never trips: « à la
  rue » (sans domicile) is fine.
- **Nom de personne**: a first name from ``donnees/prenoms.txt`` followed by a surname (« Jean
  Dupont », « Marie-Claire MARTIN », « Jean Le Goff »), and the reverse (« Dupont Jean »,
  « DUPONT Jean »); a civility or title, with or without its dot and in any case, followed by a
  surname, initials allowed between (« M Dupont », « Madame X. Durand », « MME DURAND »,
  « Dr. Lambert »); initials followed by a surname (« J. Dupont », « J.-P. Martin »); « famille
  Dupont », « chez les Dupont », « les époux Martin », « épouse Martin », « veuve Durand »,
  « née Durand »; all in capitals, a first name and a surname in either order (« JEAN
  DUPONT »). The surname must not be a function word, a common noun of the field, a month or
  a weekday, nor an acronym (« Marie CMP »). Names of places are not names of persons: a first
  name right after ``Saint``/``Sainte``, or after a word that names a street or a building
  (« rue Roger Salengro », « collège Jean Moulin », « Centre Hospitalier Jean Verdier »), does
  not trip; neither does a known eponym standing alone (« Jean Jaurès », « Victor Hugo »,
  « Philippe Pinel »…). A first name alone (« Marie », « voir avec Sandrine ») never trips,
  nor a title alone (« Dr », « M. le maire », « Mme D. »). Known gap: a name typed all in
  lower case (« mr boucher »).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

__all__ = ["DonneePersonnelle", "cle_nir_valide", "contient_donnees_personnelles", "detecter"]


@dataclass(frozen=True)
class DonneePersonnelle:
    """One kind of personal data found in a text: what it is, and what to write instead."""

    nature: str
    conseil: str


NIR = DonneePersonnelle(
    "un numéro de sécurité sociale (NIR)",
    "ne notez jamais le NIR : la situation est désignée par son code, et seul le professionnel "
    "qui suit la personne garde ses papiers",
)
TELEPHONE = DonneePersonnelle(
    "un numéro de téléphone",
    "désignez qui joindre par son rôle (« le référent du CMP ») ; les coordonnées restent chez "
    "les professionnels qui suivent la personne",
)
COURRIEL = DonneePersonnelle(
    "une adresse électronique",
    "désignez qui joindre par son rôle (« l'assistante sociale du CCAS ») ; les adresses "
    "électroniques n'ont pas leur place dans la cellule",
)
DATE_NAISSANCE = DonneePersonnelle(
    "une date de naissance",
    "indiquez une tranche d'âge (« 25-34 ans ») plutôt qu'une date de naissance",
)
ADRESSE = DonneePersonnelle(
    "une adresse postale",
    "indiquez la commune ou le quartier, jamais le numéro ni la rue",
)
NOM = DonneePersonnelle(
    "un nom de personne (prénom et nom)",
    "écrivez un rôle plutôt qu'un nom : « le médecin traitant », « l'assistante sociale du CCAS »",
)

_ORDRE = (NIR, TELEPHONE, COURRIEL, DATE_NAISSANCE, ADRESSE, NOM)


def detecter(texte: str, *, aujourdhui: date | None = None) -> list[DonneePersonnelle]:
    """The kinds of personal data that ``texte`` seems to contain, one entry per kind.

    The order is fixed (NIR, téléphone, courriel, date de naissance, adresse, nom); the matched
    text is never returned. ``aujourdhui`` (default: today) dates the « old full date » rule.
    """
    texte = normaliser(texte)
    jour = aujourdhui or date.today()
    trouve = {
        NIR: _contient_nir(texte),
        TELEPHONE: _contient_telephone(texte),
        COURRIEL: _contient_courriel(texte),
        DATE_NAISSANCE: _contient_date_naissance(texte, jour),
        ADRESSE: _contient_adresse(texte),
        NOM: _contient_nom(texte),
    }
    return [donnee for donnee in _ORDRE if trouve[donnee]]


def contient_donnees_personnelles(texte: str) -> bool:
    """True when :func:`detecter` finds anything in ``texte``."""
    return bool(detecter(texte))


_PLAT = str.maketrans(
    {
        "\t": " ",
        "\u2019": "'",
        "\u2018": "'",
        "\u02bc": "'",
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00ad": None,
        "\u200b": None,
        "\u200c": None,
        "\u200d": None,
        "\u2060": None,
        "\ufeff": None,
    }
)


def normaliser(texte: str) -> str:
    """NFKC (``＠`` → ``@``, no-break spaces → spaces, ``1ᵉʳ`` → ``1er``), plain apostrophes
    and dashes, invisible characters removed."""
    if not unicodedata.is_normalized("NFKC", texte):
        texte = unicodedata.normalize("NFKC", texte)
    return texte.translate(_PLAT)


_CHIFFRE = re.compile(r"\d")


def _cle(mot: str) -> str:
    """Compare words without case or accents: ``Émilie`` → ``emilie``."""
    decompose = unicodedata.normalize("NFD", mot.casefold())
    return "".join(c for c in decompose if not unicodedata.combining(c)).replace("’", "'")


# --- NIR ---------------------------------------------------------------------------------------

# a run of numbers: digits joined by up to three separators (« 1 85 05 78 006 084 91 »)
_SUITE = re.compile(r"(?<![\w+])\d(?:[ ._-]{0,3}\d)*(?!\w)")
_GROUPE = re.compile(r"\d+")
_CORSE = re.compile(r"(?<=\d)([ ._-]{0,3})2[AaBb](?=[ ._-]{0,3}\d)")
_INDICE_NIR = re.compile(
    r"(?<!\w)(?:nir|nss|n[°o]\s?(?:d['e]\s?)?s\.?s\b|num(?:[ée]ro)?\.?\s(?:de\s)?ss\b|s[ée]cu"
    r"|s[ée]curit[ée] sociale|carte vitale|immatriculation|immat\.|assur[ée]e? social)",
    re.IGNORECASE,
)
_SUITE_APRES_INDICE = re.compile(r"[^\d\n]{0,30}?(?<![\w+])([1-8](?:[ ._-]{0,3}\d){4,})")


def cle_nir_valide(nir: str) -> bool:
    """Check the key of a NIR written as 15 characters (``2A``/``2B`` allowed)."""
    corps, cle = nir[:13].upper(), nir[13:]
    corps = corps[:5] + {"2A": "19", "2B": "18"}.get(corps[5:7], corps[5:7]) + corps[7:]
    if not (corps.isdigit() and cle.isdigit() and len(cle) == 2):
        return False
    return 97 - int(corps) % 97 == int(cle)


def _forme_de_nir(suite: str) -> bool:
    """A run of numbers whose first groups make 13 or 15 digits, starting with a NIR sex digit."""
    if suite[0] not in "123478":
        return False
    cumul = uns = 0
    groupes = _GROUPE.findall(suite)
    for n, groupe in enumerate(groupes, 1):
        cumul += len(groupe)
        uns += len(groupe) == 1
        if cumul in (13, 15):
            # « 1 2 3 4 5 6 7 8 9 10 11 » counts things; « 1 8 5 0 5 … » spells a number
            return uns < 4 or uns == n
        if cumul > 15:
            return False
    return False


def _contient_nir(texte: str) -> bool:
    if _CHIFFRE.search(texte):
        chiffres = _CORSE.sub(r"\g<1>19", texte)
        if any(_forme_de_nir(m[0]) for m in _SUITE.finditer(chiffres)):
            return True
        for m in _INDICE_NIR.finditer(chiffres):
            if _SUITE_APRES_INDICE.match(chiffres, m.end()):
                return True
    return False


# --- téléphone ----------------------------------------------------------------------------------

_SEP_TEL = r"[ ./-]{0,3}"
_PAS_DE_CHIFFRE_AVANT = r"(?<!\d)(?<!\d[ ./-])(?<!\d[ ./-][ ./-])(?<!\d[ ./-][ ./-][ ./-])"
_UN_TELEPHONE = (
    r"(?:(?:\+|00|\(\+)[ ]?33\)?"
    + _SEP_TEL
    + r"(?:\(0\)"
    + _SEP_TEL
    + r")?|0"
    + _SEP_TEL
    + r"|\(0\)"
    + _SEP_TEL
    + r")[1-9](?:"
    + _SEP_TEL
    + r"\d){8}"
)
# several numbers in a row (« 06 98 76 54 32 / 01 43 56 78 90 ») count, not a longer run
_TELEPHONE = re.compile(
    _PAS_DE_CHIFFRE_AVANT
    + _UN_TELEPHONE
    + "(?:"
    + _SEP_TEL
    + _UN_TELEPHONE
    + r")*(?![ ./-]{0,3}\d)"
)


def _contient_telephone(texte: str) -> bool:
    return _CHIFFRE.search(texte) is not None and _TELEPHONE.search(texte) is not None


# --- adresses électroniques ---------------------------------------------------------------------

# « @ » and its disguises; the spelled-out ones (« arobase », « at », « chez ») are weaker and
# need a real domain after them
_AROBASE = re.compile(
    r"[ ]?(?:@|[\[({<][ ]?(?:at|@|a|arobase)[ ]?[\])}>])[ ]?"
    r"|[ ](?:arobase|at|chez)[ ]",
    re.IGNORECASE,
)
_POINT = r"(?:[ ]?\.[ ]?|[ ]?[\[({](?:dot|point|\.)[\])}][ ]?|[ ](?:dot|point)[ ])"
_LOCAL = re.compile(rf"[\w+'-]+(?:{_POINT}[\w+'-]+)*$", re.IGNORECASE)
_WEBMAILS = (
    "gmail|googlemail|hotmail|yahoo|outlook|live|msn|orange|wanadoo|free|laposte|sfr|neuf"
    "|bbox|icloud|me|aol|gmx|protonmail|proton|numericable|club-internet|aliceadsl|libertysurf"
)
_DOMAINE = re.compile(
    rf"[\w-]+(?:{_POINT}[\w-]+)*{_POINT}(?:[a-z]{{2,6}})(?![\w])|(?:{_WEBMAILS})(?![\w-])",
    re.IGNORECASE,
)
_DOMAINE_EPELE = re.compile(
    rf"(?:{_WEBMAILS})(?:{_POINT}(?:fr|com|net|org|eu|be|ch|io|info))?(?![\w-])"
    rf"|[\w-]+(?:{_POINT}[\w-]+)*{_POINT}(?:fr|com|net|org|eu|info)(?![\w-])",
    re.IGNORECASE,
)
_FENETRE_COURRIEL = 64


def _contient_courriel(texte: str) -> bool:
    for m in _AROBASE.finditer(texte):
        avant = texte[max(0, m.start() - _FENETRE_COURRIEL) : m.start()]
        if not _LOCAL.search(avant):
            continue
        epele = m[0].strip()[:1].isalpha()
        domaine = _DOMAINE_EPELE if epele else _DOMAINE
        if domaine.match(texte, m.end(), m.end() + _FENETRE_COURRIEL):
            return True
    return False


# --- dates de naissance, âges -------------------------------------------------------------------

_MOIS = {
    "janvier": 1,
    "fevrier": 2,
    "mars": 3,
    "avril": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "aout": 8,
    "septembre": 9,
    "octobre": 10,
    "novembre": 11,
    "decembre": 12,
}
_NOMS_DE_MOIS = (
    r"janv\.?|janvier|f[ée]vr?\.?|f[ée]vrier|mars|avr\.?|avril|mai|juin|juil\.?|juillet|ao[ûu]t"
    r"|sept\.?|septembre|oct\.?|octobre|nov\.?|novembre|d[ée]c\.?|d[ée]cembre"
)
_JOURS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_DATE_JMA = re.compile(r"(?<![\w/.\-])(\d{1,2})([/.\-])(\d{1,2})\2(\d{4}|\d{2})(?!\w)(?![/.\-]\d)")
_DATE_AMJ = re.compile(r"(?<![\w/.\-])(\d{4})([/.\-])(\d{1,2})\2(\d{1,2})(?!\w)(?![/.\-]\d)")
_DATE_LETTRES = re.compile(
    r"(?<!\w)(\d{1,2}|1\s?er)\s+(janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t"
    r"|septembre|octobre|novembre|d[ée]cembre)\s+(\d{4})(?!\w)",
    re.IGNORECASE,
)
_INDICE_NAISSANCE = re.compile(
    r"(?<!\w)(?:n[ée]e?s?(?:[ ]?\((?:e|e?s|es)\))?|naissance|naiss\.|ddn|d\.[ ]?d\.[ ]?n\.?)"
    r"(?!\w)",
    re.IGNORECASE,
)
# what tells a birth after its cue: a year, a date, a day and month, a month and year, « en 82 »
_DATE_APRES_INDICE = re.compile(
    r"(?<!\d)(?:19|20)\d\d(?!\d)"
    r"|(?<!\d)\d{1,2}[ ]?[/.\- ][ ]?\d{1,2}(?!\d)"
    rf"|(?<!\w)(?:\d{{1,2}}|1[ ]?er)[ ]+(?:{_NOMS_DE_MOIS})(?!\w)"
    r"|(?<!\w)(?:en|vers)[ ]+\d\d(?!\w)",
    re.IGNORECASE,
)
# « le CLSM est né en 2012 »: what is born there is not a person
_INSTITUTION_AVANT = re.compile(
    r"(?<!\w)(?:clsm|conseil|projet|dispositif|r[ée]seau|association|collectif|groupe|service"
    r"|programme|id[ée]e|partenariat|cellule|gem|structure|plan|atelier|instance|d[ée]marche"
    r"|initiative|action|pts?m|cls|contrat|comit[ée])s?(?!\w)[^.,;\n]{0,30}$",
    re.IGNORECASE,
)
_FIN_DE_PROPOS = re.compile(r"[,;\n!?]|\.(?:\s|$)")
_PORTEE_INDICE = 32
_INDICE_JURIDIQUE = re.compile(
    r"(?<!\w)(?:loi|d[ée]cret|arr[êe]t[ée]?|circulaire|ordonnance|instruction|directive"
    r"|convention|d[ée]lib[ée]ration|jugement|code|article)s?(?!\w)",
    re.IGNORECASE,
)
_ANS_DE_RECUL = 14
_AGE = re.compile(r"(?<![\w,.-])(\d{1,3})[ ]?ans(?!\w)", re.IGNORECASE)
_PERSONNES = (
    r"homme|femme|monsieur|madame|mademoiselle|mr|mme|mlle|m\.|jeune|garçon|garcon|fille|fils"
    r"|enfant|adolescente?|ado|patiente?|personne|dame|m[èe]re|p[èe]re|s[œo]eur|fr[èe]re"
    r"|retrait[ée]e?|veuve?|b[ée]b[ée]|nourrisson|[ée]tudiante?|usag[èe]re?|usager|mineure?"
    r"|majeure?|senior|grand-m[èe]re|grand-p[èe]re|conjointe?|compagne|compagnon|[ée]poux"
    r"|[ée]pouse|locataire|voisine?|r[ée]sidente?|demandeur|demandeuse|b[ée]n[ée]ficiaire"
)
# an exact age, from what stands before the number
_AVANT_AGE = re.compile(
    r"(?:(?<!\w)[âa]g[ée]e?(?:[ ]?\(e\))?[ ]+de[ ]+"
    rf"|(?<!\w)(?:{_PERSONNES})[ ]+de[ ]+"
    r"|(?<!\w)(?:il|elle|qui|on|monsieur|madame|mr|mme|m\.)[ ]+a(?:[ ]+eu)?[ ]+"
    rf"|(?<!\w)(?:{_PERSONNES})[ ]?,?[ ]*"
    r"|(?:^|[,(;:])[ ]*)$",
    re.IGNORECASE,
)
_APRES_AGE_SEUL = re.compile(r"[ ]*(?:[,);.]|$)")
_APRES_AGE_GROUPE = re.compile(
    r"[ ]*(?:et|ou)[ ]+(?:plus|moins)|[ ]*(?:-|à)[ ]*\d|[ ]+(?:révolus|et[ ]+plus)", re.IGNORECASE
)


def _dates(texte: str) -> Iterator[tuple[int, int, int, int, bool]]:
    """(start, day, month, year, four-digit year) for each well-formed date in ``texte``."""
    for m in _DATE_JMA.finditer(texte):
        yield m.start(), int(m[1]), int(m[3]), int(m[4]), len(m[4]) == 4
    for m in _DATE_AMJ.finditer(texte):
        yield m.start(), int(m[4]), int(m[3]), int(m[1]), True
    for m in _DATE_LETTRES.finditer(texte):
        jour = 1 if not m[1].isdigit() else int(m[1])
        yield m.start(), jour, _MOIS[_cle(m[2])], int(m[3]), True


def _reel(jour: int, mois: int, annee: int) -> date | None:
    try:
        return date(annee, mois, jour)
    except ValueError:
        return None


def _contient_date_naissance(texte: str, aujourdhui: date) -> bool:
    if _CHIFFRE.search(texte):
        for m in _INDICE_NAISSANCE.finditer(texte):
            if _INSTITUTION_AVANT.search(texte, max(0, m.start() - 40), m.start()):
                continue
            fin = m.end() + _PORTEE_INDICE
            arret = _FIN_DE_PROPOS.search(texte, m.end(), fin)
            if _DATE_APRES_INDICE.search(texte, m.end(), arret.start() if arret else fin):
                return True
        if _contient_age(texte) or _contient_date_ancienne(texte, aujourdhui):
            return True
    return False


def _contient_age(texte: str) -> bool:
    for m in _AGE.finditer(texte):
        if _APRES_AGE_GROUPE.match(texte, m.end()):
            continue
        avant = _AVANT_AGE.search(texte, max(0, m.start() - 40), m.start())
        if avant is None:
            continue
        if avant[0].strip(" ,(;:") == "" and not _APRES_AGE_SEUL.match(texte, m.end()):
            continue  # « 3 ans à la rue », « , 2 ans après »: a duration, not an age
        return True
    return False


def _contient_date_ancienne(texte: str, aujourdhui: date) -> bool:
    try:
        limite = aujourdhui.replace(year=aujourdhui.year - _ANS_DE_RECUL)
    except ValueError:  # 29 February
        limite = aujourdhui.replace(year=aujourdhui.year - _ANS_DE_RECUL, day=28)
    siecle_passe = aujourdhui.year % 100 + 1  # « 03/03/75 » is 1975, « 03/03/26 » is 2026
    for debut, jour, mois, annee, quatre_chiffres in _dates(texte):
        if not quatre_chiffres:
            if annee <= siecle_passe:
                continue
            annee += 1900
        quand = _reel(jour, mois, annee)
        if quand is None or quand >= limite:
            continue
        if not _INDICE_JURIDIQUE.search(texte, max(0, debut - 25), debut):
            return True
    return False


# --- adresses -----------------------------------------------------------------------------------

_NUMERO = r"(?<![\w,.])(?:n[°o][ ]?)?\d{1,4}(?:[ ]?(?i:bis|ter|quater)|[A-Da-d])?,?[ ]+"
# kinds of street that are not ordinary words: any following word will do
_RUE_SURE = (
    r"rue|r\.|avenue|av\.?|ave|bd|bld|blvd|boul\.|boulevard|impasse|imp\.|all[ée]e|all\.|quai"
    r"|faubourg|fbg|fg|chauss[ée]e|square|sq\.|ruelle|venelle|rte|chem\.|ch\.|pl\."
)
_ADRESSE_SURE = re.compile(_NUMERO + rf"(?i:{_RUE_SURE})(?!\w)[ ]*[\w'«\"]")
# « 12 r Victor Hugo », « 12 r des Lilas »
_ADRESSE_R = re.compile(_NUMERO + r"r[ ]+(?:[A-ZÀ-ÖØ-Þ]|d[eu]s?[ ]|de[ ]la[ ]|d')")
# kinds of street that are also ordinary words: the name must be capitalised (« 3 cours de yoga »)
_RUE_AMBIGUE = (
    r"chemin|place|route|cours|r[ée]sidence|cit[ée]|lotissement|hameau|voie|passage|sentier"
    r"|esplanade|promenade|parvis|rond-point|villa|mail|domaine|clos|galerie|mont[ée]e|c[ôo]te"
    r"|traverse|cour|ham\.|lot\.|r[ée]s\."
)
_ADRESSE_AMBIGUE = re.compile(
    _NUMERO + rf"(?i:{_RUE_AMBIGUE})(?!\w)[ ]+(?:(?i:de|du|des|la|le|les|d'|l')[ ]*)*"
    r"[A-ZÀ-ÖØ-Þ0-9«\"]"
)
# « habite au 12 de la rue Victor Hugo »
_ADRESSE_DE_LA = re.compile(
    r"(?<![\w,.])\d{1,4}(?:[ ]?(?i:bis|ter))?[ ]+(?i:de[ ]+la|de[ ]+l'|du|des)[ ]*"
    rf"(?i:{_RUE_SURE}|{_RUE_AMBIGUE})(?!\w)"
)
_LIEU_DIT = re.compile(r"(?i:lieu[ -]?dit|lieudit)(?!\w)[ :,]*[«\"]?[ ]*[A-ZÀ-ÖØ-Þ]")
_APPARTEMENT = re.compile(
    r"(?<!\w)(?i:app?t\.?|appart\.?|appartement|logement[ ]n[°o])[ ]*(?:n[°o][ ]?)?\d{1,4}[a-dA-D]?"
    r"(?!\w)(?!,\d)(?![ ]*(?i:pi[èe]ces?|chambres?|m2|mois|ans|jours|semaines|personnes|enfants))"
)
_BATIMENT = re.compile(r"(?<!\w)(?i:b[âa]t\.?|b[âa]timent)[ ]*(?:[A-Z]|\d{1,3})(?!\w)")
_PRES_DU_BATIMENT = re.compile(
    r"(?i:app?t|appart|appartement|porte|escalier|esc\.|[ée]tage|r[ée]sidence|logement|cit[ée]"
    r"|hlm)(?!\w)"
)
_RESIDENCE = re.compile(
    r"(?<!\w)(?i:r[ée]sidence)[ ]+(?:(?:les|le|la|du|des|de[ ]la)[ ]+|l')?"
    r"(?!(?i:accueil|sociale|autonomie|services|seniors|[ée]tudiante|universitaire|h[ôo]teli[èe]re"
    r"|principale|secondaire|habitat|jeunes|mutualiste|hospitali[èe]re|alternée)(?!\w))"
    r"[A-ZÀ-ÖØ-Þ][\w'-]+"
)


_ADRESSES_NUMEROTEES = (_ADRESSE_SURE, _ADRESSE_R, _ADRESSE_AMBIGUE, _ADRESSE_DE_LA, _APPARTEMENT)


def _contient_adresse(texte: str) -> bool:
    # separate scans are about ten times faster than one alternation of every pattern
    if _CHIFFRE.search(texte) and any(m.search(texte) for m in _ADRESSES_NUMEROTEES):
        return True
    if _LIEU_DIT.search(texte) or _RESIDENCE.search(texte):
        return True
    for m in _BATIMENT.finditer(texte):
        if _PRES_DU_BATIMENT.search(texte, max(0, m.start() - 40), m.end() + 40):
            return True
    return False


# --- noms de personnes --------------------------------------------------------------------------


@cache
def _prenoms() -> frozenset[str]:
    """Common first names (``donnees/prenoms.txt``), compared with :func:`_cle`."""
    fichier = resources.files("clsm_cli").joinpath("donnees", "prenoms.txt")
    lignes = fichier.read_text(encoding="utf-8").splitlines()
    return frozenset(_cle(ligne.strip()) for ligne in lignes if ligne.strip())


def _mots(*textes: str) -> frozenset[str]:
    return frozenset(_cle(mot) for texte in textes for mot in texte.split())


# function words: never a surname, skipped when looking back for a place word
_MOTS_OUTILS = _mots(
    "le la les l de du des d un une et ou en au aux a à ce cet cette ces son sa ses leur leurs",
    "mon ma mes ton ta tes notre nos votre vos il elle ils elles on nous vous je tu qui que",
    "quoi dont où par pour sur sous dans avec sans chez entre vers depuis pendant lors puis",
    "alors ainsi mais donc or ni car si ne pas plus très tout tous toute toutes aussi comme",
    "est sont ont été fait etc y afin selon contre après avant dès",
)
# capitalised words of the field that follow a first name without being a surname
_MOTS_COMMUNS = _mots(
    "centre centres hospitalier hospitalière universitaire maison mission locale local conseil",
    "conseils santé mentale mental ville commune département région nationale national",
    "association service services équipe unité pôle hôpital clinique direction agence école",
    "collège lycée université institut fondation fédération union réseau collectif groupe",
    "programme plan projet contrat dispositif atelier ateliers assemblée comité commission",
    "bureau cellule france française français métropole république état ministère préfecture",
    "mairie quartier quartiers cité résidence rue avenue boulevard place semaine journée covid",
    "confinement psychiatrie psychiatre médecin infirmier infirmière social sociale sociales",
    "solidarité solidarités handicap habitat logement emploi justice police gendarmerie urgence",
    "urgences pompiers croix rouge secours catholique populaire restos coeur cœur emmaüs",
    "président présidente directeur directrice maire adjoint adjointe préfet préfète ministre",
    "député députée sénateur sénatrice juge procureur docteur docteure professeur professeure",
    "madame monsieur mademoiselle coordinateur coordinatrice coordonnateur coordonnatrice abbé",
    "référent référente chef cadre éducateur éducatrice assistant assistante psychologue",
    "nord sud est ouest centre grand grande petit petite haut haute bas basse saint sainte val",
    "mont bois île pays agglomération communauté territoire territoires territorial",
    "territoriale départemental départementale régional régionale municipal municipale",
    "communal communale intercommunal intercommunale public publique privé privée général",
    "générale international internationale europe européen européenne monde mondial mondiale",
    "organisation nations unies noël pâques toussaint pentecôte ascension assomption",
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    " ".join(_JOURS),
    "bilan rapport synthèse introduction conclusion annexe sommaire édito enquête étude",
    "questionnaire réunion séance comité copil plénière atelier forum colloque webinaire",
    "prévention promotion rétablissement réhabilitation accompagnement soins soin parcours",
    "usager usagers usagère famille familles aidant aidants habitant habitants élu élus",
)
# upper-case acronyms of the field: never a surname (« Marie CMP », « CCAS Jean »)
_ACRONYMES = _mots(
    "clsm ars ccas cias cmp cmpp cattp epsm chu ch chs chr chrs ptsm cls mdph unafam gem ccoms",
    "qpv asv oms onu dgs anct samu smur savs samsah esat caf cpam msa pmi ase mda ehpad siao",
    "csapa caarud pass empp caj hdj ide rsa apl aah ime itep sessad cmpea cme cdas cd ccs",
    "ors creai psn adcf unafam fnapsy advocacy ddcs ddets dreets deets cpts msp ccoms ptsm",
    "pjj spip sdf usa eu covid sida vih cnil rgpd dmp ins nir ssiad had smpr umd uhsa",
)
# words that name a street, a building or an institution: a first name after them is a place
_MOTS_DE_LIEU = _mots(
    "rue avenue av boulevard bd chemin place allée impasse route quai cours square résidence",
    "cité quartier lotissement hameau voie passage esplanade promenade parvis villa mail",
    "domaine école collège lycée groupe scolaire centre hôpital hospitalier hospitalière",
    "universitaire clinique ch chu chs chr epsm fondation institut salle espace maison",
    "médiathèque bibliothèque gymnase stade parc jardin pont gare station métro tram arrêt",
    "foyer ehpad université faculté piscine théâtre musée campus pavillon bâtiment amphithéâtre",
    "amphi établissement etablissement prix promotion complexe halle centre-ville pôle pole",
    "unité service secteur crèche halte-garderie ludothèque",
)
# words between a place word and a name that do not break the place (« centre social Boris
# Vian », « Maison de Santé Pluriprofessionnelle Louis Pasteur »)
_EPITHETES_DE_LIEU = _mots(
    "social sociale sociaux socioculturel socioculturelle culturel culturelle municipal",
    "municipale communal communale intercommunal intercommunale médical médicale médico-social",
    "médico-sociale médico-psychologique psychiatrique thérapeutique éducatif éducative",
    "pluriprofessionnel pluriprofessionnelle pluridisciplinaire départemental départementale",
    "régional régionale associatif associative sportif sportive public publique santé",
    "mentale jeunesse jeunes familles enfance quartier loisirs",
)
# words that bring a person in: the look-back for a place stops there (« … avec Jean Dupont »)
_ARRET_LIEU = _mots("avec par chez selon auprès pour et contre vers")
_SAINTS = _mots("saint sainte saints saintes st ste")
_PARTICULES = frozenset(
    {"Le", "La", "De", "Du", "Des", "Van", "Von", "Di", "Da", "Del", "Della", "El", "Ben", "Aït"}
    | {"Ait", "Mac", "Dos", "Das", "Den", "Der", "LE", "LA", "DE", "DU", "DES", "VAN", "VON"}
    | {"DI", "DA", "DEL", "EL", "BEN", "DOS", "DAS"}
)
# civilities and titles (any case, dot or not); « M » and « MM » only in capitals
_TITRES = _mots(
    "mme mmes mlle mlles melle mr mrs dr drs pr monsieur madame mademoiselle messieurs mesdames",
    "docteur docteure professeur professeure",
)
_TITRES_M = frozenset({"M", "MM"})
# eponyms of streets, schools and hospitals: standing alone, they name a place
_EPONYMES = frozenset(
    _cle(nom)
    for nom in (
        "Jean Jaurès",
        "Jean Moulin",
        "Victor Hugo",
        "Louis Pasteur",
        "Jules Ferry",
        "Jean Macé",
        "Pierre Curie",
        "Marie Curie",
        "Émile Zola",
        "Léon Blum",
        "Jean Zay",
        "Gabriel Péri",
        "Romain Rolland",
        "Anatole France",
        "Jules Verne",
        "Jean Mermoz",
        "Jean Monnet",
        "Louis Aragon",
        "Maurice Ravel",
        "Georges Brassens",
        "Jacques Prévert",
        "Albert Camus",
        "Jean Giono",
        "Paul Éluard",
        "Simone Veil",
        "Salvador Allende",
        "Nelson Mandela",
        "Martin Luther",
        "Henri Barbusse",
        "Jean Vilar",
        "Paul Langevin",
        "Frédéric Mistral",
        "Aristide Briand",
        "Pierre Brossolette",
        "Roger Salengro",
        "Marcel Cachin",
        "Maurice Thorez",
        "Danielle Casanova",
        "Louise Michel",
        "Jean Lurçat",
        "Pierre Sémard",
        "Jean Rostand",
        "Paul Bert",
        "Camille Claudel",
        "Marcel Pagnol",
        "Jules Guesde",
        "Jean Bart",
        "Paul Doumer",
        "Raymond Poincaré",
        "Georges Clemenceau",
        "Rosa Parks",
        "Charlie Hebdo",
        "Henri Wallon",
        "Philippe Pinel",
        "Françoise Dolto",
        "Jacques Lacan",
        "Pierre Janet",
        "Jean Oury",
        "Lucien Bonnafé",
        "Henri Ey",
        "Paul Guiraud",
        "Paul Balvet",
        "Jean Wier",
        "Charles Perrens",
        "Guillaume Régnier",
        "Théophile Roussel",
        "Édouard Toulouse",
        "Gérard Marchant",
        "Alfred Binet",
        "Henri Laborit",
        "Albert Schweitzer",
        "Émile Roux",
        "Alexandre Dumas",
        "Paul Valéry",
        "Jean Racine",
        "Charles Péguy",
        "Jean Cocteau",
        "Jean Verdier",
        "Louis Mourier",
        "Paul Brousse",
        "Jean Rostand",
        "Max Weber",
        "Frantz Fanon",
        "Jean-Martin Charcot",
        "Pierre Mendès",
        "Marcel Sembat",
        "Olympe Gouges",
        "Boris Vian",
        "Pablo Picasso",
        "Pablo Neruda",
        "Simone Signoret",
        "Jacques Brel",
        "Édith Piaf",
        "Léo Lagrange",
        "Anne Frank",
        "Marguerite Yourcenar",
        "Jean Bouin",
        "Victor Provo",
        "Jean-Baptiste Pussin",
        "Lucie Aubrac",
        "Jean Ferrat",
        "Georges Pompidou",
        "François Mitterrand",
        "Robert Schuman",
        "Germaine Tillion",
        "Joséphine Baker",
        "Gisèle Halimi",
        "Maria Montessori",
        "Célestin Freinet",
        "Arthur Rimbaud",
        "Paul Verlaine",
        "Guy Môquet",
        "Henri Matisse",
        "Paul Cézanne",
        "Claude Monet",
        "Auguste Renoir",
        "George Sand",
        "Jules Michelet",
        "Louis Blériot",
        "Roland Garros",
        "Aimé Césaire",
        "Sœur Emmanuelle",
        "Jacques Cartier",
        "Jean Monnet",
        "Alexandre Fleming",
    )
)
_MOT = re.compile(r"[^\W\d_]+(?:['\-][^\W\d_]+)*")
_BLANC = re.compile(r"[ ]+")
_BLANC_OU_TIRET = re.compile(r"[ -]+")
_RECUL_LIEU = 5  # words looked back for a place word
_TITRE_SUIVI = re.compile(r"\.?[ ]+")
_INITIALE_SUIVIE = re.compile(r"\.[ ]*-?[ ]*")
_INITIALE_PUIS_NOM = re.compile(r"\.[ ]+")
# words that announce a surname: « famille Dupont », « les époux Martin », « veuve Durand »
_ANNONCES = _mots("famille époux épouse epx ép veuve vve née")
# capitalised words that open a note's sentence before a first name (« Voir Marie demain »)
_OUVERTURES = _mots(
    "voir revoir appeler rappeler contacter joindre prévenir informer relancer recevoir merci",
    "bonjour avec selon pour chez vu vue rdv rencontre rencontré rencontrée entretien attente",
    "orientation orienté orientée demande demandé signalé signalée proposé proposée accord",
    "accompagné accompagnée accompagnement visite appel mail courrier message absence absent",
    "absente présent présente présents excusé excusée excusés et ou mais donc puis ensuite",
)


def _sans_elision(mot: str) -> str:
    cle = _cle(mot)
    return cle[2:] if len(cle) > 2 and cle[1] == "'" and cle[0] in "ldjnmst" else cle


def _est_prenom(mot: str) -> bool:
    parties = mot.split("-")
    if not all(p[:1].isupper() and (len(p) == 1 or p[1:].islower()) for p in parties):
        return False
    prenoms = _prenoms()
    return _cle(mot) in prenoms or all(_cle(p) in prenoms for p in parties)


def _est_nom_de_famille(mot: str) -> bool:
    if len(mot) < 2 or not mot[0].isupper():
        return False
    cle = _sans_elision(mot) if mot[1:2] == "'" and mot[:1] not in "DN" else _cle(mot)
    if cle in _MOTS_OUTILS or cle in _MOTS_COMMUNS or cle in _MOIS or cle in _JOURS:
        return False
    if cle in _TITRES or cle.startswith(("saint-", "sainte-", "st-", "ste-")):
        return False
    if mot.isupper():
        return cle not in _ACRONYMES and any(c in "aeiouy" for c in cle) and len(mot) >= 3
    return True


def _contient_nom(texte: str) -> bool:
    mots = list(_MOT.finditer(texte))
    textes = [m[0] for m in mots]

    def separation(i: int) -> str:
        """What stands between words i and i+1."""
        return texte[mots[i].end() : mots[i + 1].start()]

    def apres_un_lieu(i: int) -> bool:
        """Word i follows Saint/Sainte, or a word naming a street or a building, perhaps with
        function words between (« rue du Docteur Roux », « Centre Hospitalier Jean Verdier »)."""
        for j in range(i - 1, max(-1, i - 1 - _RECUL_LIEU), -1):
            if not _BLANC_OU_TIRET.fullmatch(separation(j)):
                return False
            cle = _sans_elision(textes[j])
            if cle in _SAINTS or cle in _MOTS_DE_LIEU:
                return True
            if cle in _ARRET_LIEU or not (cle in _MOTS_OUTILS or cle in _EPITHETES_DE_LIEU):
                return False
        return False

    def nom_apres(i: int) -> int | None:
        """Index of the last word of a surname starting at word i (« Le Goff »), or None."""
        if i >= len(mots):
            return None
        if textes[i] in _PARTICULES and i + 1 < len(mots) and _BLANC.fullmatch(separation(i)):
            return i + 1 if _est_nom_de_famille(textes[i + 1]) else None
        return i if _est_nom_de_famille(textes[i]) else None

    def eponyme(a: int, b: int) -> bool:
        return f"{_cle(textes[a])} {_cle(textes[b])}" in _EPONYMES

    def initiales(i: int) -> int | None:
        """Word after initials starting at word i (« J. », « J.-P. », « M.-C. »), or None."""
        j = i
        while j + 1 < len(mots) and len(textes[j]) == 1 and textes[j].isupper():
            entre = separation(j)
            if _INITIALE_PUIS_NOM.fullmatch(entre):
                return j + 1
            if not _INITIALE_SUIVIE.fullmatch(entre):
                return None
            j += 1
        return None

    def personne(i: int) -> bool:
        """Words i, i+1… look like a person's name (before the look-back for a place)."""
        mot, suivant = textes[i], textes[i + 1]
        if not suivant[0].isupper():  # every rule needs a capital on the next word
            return False
        entre, cle = separation(i), _cle(mot)
        if _BLANC.fullmatch(entre):
            # « Jean Dupont », « Marie-Claire MARTIN », « Jean Le Goff », not « Jean Jaurès »
            if _est_prenom(mot):
                fin = nom_apres(i + 1)
                if fin is not None and not eponyme(i, fin):
                    return True
            # « DUPONT Jean », « Dupont Jean », not « Voir Marie », « Salle Marie », « Saint Jean »
            if (
                _est_prenom(suivant)
                and _est_nom_de_famille(mot)
                and (mot.isupper() or not _est_prenom(mot))
                and cle not in _MOTS_DE_LIEU
                and cle not in _OUVERTURES
                and not eponyme(i + 1, i)
            ):
                return True
            # all in capitals: « JEAN DUPONT », « DUPONT JEAN »
            if mot.isupper() and suivant.isupper():
                if _cle(mot) in _prenoms() and _est_nom_de_famille(suivant):
                    return not eponyme(i, i + 1) and _cle(suivant) not in _prenoms()
                if _cle(suivant) in _prenoms() and _est_nom_de_famille(mot):
                    return not eponyme(i + 1, i) and cle not in _MOTS_DE_LIEU
            # « famille Dupont », « les époux Martin », « chez les Dupont »
            annonce = cle in _ANNONCES or (cle == "les" and i > 0 and _cle(textes[i - 1]) == "chez")
            if annonce and nom_apres(i + 1) is not None:
                return True
        # « M. Dupont », « Mme Durand », « Monsieur Durand », « Dr. Martin », « Madame X. Durand »
        titre = cle in _TITRES and _TITRE_SUIVI.fullmatch(entre)
        titre = titre or (mot in _TITRES_M and _TITRE_SUIVI.fullmatch(entre))
        if titre:
            return nom_apres(initiales(i + 1) or i + 1) is not None
        # « J. Dupont », « J.-P. Martin »
        if len(mot) == 1 and mot.isupper():
            suite = initiales(i)
            if suite is not None and (i == 0 or not texte[mots[i].start() - 1].isalnum()):
                return nom_apres(suite) is not None and (i == 0 or separation(i - 1) != ".")
        return False

    return any(personne(i) and not apres_un_lieu(i) for i in range(len(mots) - 1))
