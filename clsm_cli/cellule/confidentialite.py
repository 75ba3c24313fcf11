"""Spot personal data in free text written for the cellule de cas complexes (SPEC §6).

The cellule identifies a situation only by its code; names, phone numbers, e-mail addresses,
NIR, exact dates of birth and street addresses must never be typed into its files.
:func:`detecter` looks for them in one text and answers *what kind* of data it saw, with a
piece of advice, and never the data itself (the answer is printed, logged, shown on screen).

What trips, what does not (false alarms matter as much as misses):

- **NIR**: 13 digits (sex 1, 2, 3, 7 or 8; département ``2A``/``2B`` allowed) and a 2-digit key,
  spaces or dots between groups; only when the key checks (``97 - n % 97``, with 2A → 19 and
  2B → 18). Any other 15-digit number is left alone.
- **Téléphone**: ``0X XX XX XX XX`` (X from 1 to 9) written with spaces, dots, dashes or nothing,
  one separator used throughout; ``+33 X …``, ``+33 (0)X …`` and ``0033 X …``. A year, a postal
  code or a date (``2026-03-12``, ``01.02.2020``) is not a phone number.
- **Adresse électronique**: ``nom@domaine.fr``, also ``nom[at]domaine.fr``.
- **Date de naissance**: a full date (``12/03/1985``, ``12-03-85``, ``1985-03-12``,
  ``12 mars 1985``, ``1er mars 1985``) when a birth cue (``né``, ``née``, ``né(e)``,
  ``naissance``, ``DDN``) stands in the 40 characters before it; or any full date with a
  4-digit year more than 14 years before today, since a meeting date is recent and a birth date
  is old, unless a legal word (``loi``, ``décret``, ``convention``…) introduces it. A year alone
  (« né en 1985 ») and an age bracket (« 60-74 ans ») never trip.
- **Adresse postale**: a number (with ``bis``/``ter`` or a letter) before a kind of street
  (``rue``, ``avenue``, ``bd``, ``place``, ``chemin``, ``résidence``…) and a following word; for
  kinds that are also ordinary words (``cours``, ``place``, ``route``, ``voie``, ``chemin``…) the
  following word must be capitalised (« 12 cours Mirabeau », not « 3 cours de yoga »). A street
  kind with no number never trips: « à la rue » (sans domicile) is fine.
- **Nom de personne**: a capitalised first name from ``donnees/prenoms.txt`` (or a hyphenated
  compound of them) followed by a capitalised surname (« Jean Dupont », « Marie-Claire MARTIN »,
  « Jean Le Goff »); a surname in capitals followed by a first name (« DUPONT Jean »); a civility
  or title followed by a capitalised surname (« M. Dupont », « Mme Durand », « Monsieur Durand »,
  « Dr Martin »). The surname must not be a function word, a common noun of the field, a month or
  a weekday, nor an acronym (« Marie CMP »). Names of places are not names of persons: a first
  name right after ``Saint``/``Sainte``, or after a word that names a street or a building
  (« rue Roger Salengro », « collège Jean Moulin », « Centre Hospitalier Jean Verdier »), does
  not trip; neither does a known eponym standing alone (« Jean Jaurès », « Victor Hugo »,
  « Philippe Pinel »…), which in this field names a street, a school or a hospital far more
  often than a person. A first name alone (« Marie ») never trips.
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
    texte = unicodedata.normalize("NFC", texte)
    jour = aujourdhui or date.today()
    trouve = {
        NIR: _contient_nir(texte),
        TELEPHONE: _contient_telephone(texte),
        COURRIEL: _COURRIEL.search(texte) is not None,
        DATE_NAISSANCE: _contient_date_naissance(texte, jour),
        ADRESSE: _contient_adresse(texte),
        NOM: _contient_nom(texte),
    }
    return [donnee for donnee in _ORDRE if trouve[donnee]]


def contient_donnees_personnelles(texte: str) -> bool:
    """True when :func:`detecter` finds anything in ``texte``."""
    return bool(detecter(texte))


def _cle(mot: str) -> str:
    """Compare words without case or accents: ``Émilie`` → ``emilie``."""
    decompose = unicodedata.normalize("NFD", mot.casefold())
    return "".join(c for c in decompose if not unicodedata.combining(c)).replace("’", "'")


# --- NIR ---------------------------------------------------------------------------------------

_SEP_NIR = r"[ .\u00a0\u202f]?"
_NIR = re.compile(
    rf"(?<![\w+])([12378]){_SEP_NIR}(\d{{2}}){_SEP_NIR}(\d{{2}}){_SEP_NIR}(\d{{2}}|2[AaBb])"
    rf"{_SEP_NIR}(\d{{3}}){_SEP_NIR}(\d{{3}}){_SEP_NIR}(\d{{2}})(?!\w)"
)


def cle_nir_valide(nir: str) -> bool:
    """Check the key of a NIR written as 15 characters (``2A``/``2B`` allowed)."""
    corps, cle = nir[:13].upper(), nir[13:]
    corps = corps[:5] + {"2A": "19", "2B": "18"}.get(corps[5:7], corps[5:7]) + corps[7:]
    if not (corps.isdigit() and cle.isdigit() and len(cle) == 2):
        return False
    return 97 - int(corps) % 97 == int(cle)


def _contient_nir(texte: str) -> bool:
    return any(cle_nir_valide("".join(m.groups())) for m in _NIR.finditer(texte))


# --- téléphone, courriel ------------------------------------------------------------------------

_TELEPHONE = re.compile(
    r"(?<!\d)(?<!\d[.\-])0[1-9](?P<s>[ .\-\u00a0\u202f]?)\d{2}(?:(?P=s)\d{2}){3}(?!\d)(?!(?P=s)\d)"
)
_TELEPHONE_INTER = re.compile(
    r"(?<![\d+])(?:\+|00)33[ .\-\u00a0\u202f]?(?:\(0\)[ .\-\u00a0\u202f]?)?[1-9]"
    r"(?P<s>[ .\-\u00a0\u202f]?)\d{2}(?:(?P=s)\d{2}){3}(?!\d)"
)
_COURRIEL = re.compile(
    # the look-behind makes a match start where a run starts: linear time on long words
    r"(?<![\w.%+\-])[\w.%+\-]+(?:@|[ \u00a0]?[\[(](?:at|arobase)[\])][ \u00a0]?)"
    r"[\w\-]+(?:\.[\w\-]+)*\.[A-Za-z]{2,}\b",
    re.IGNORECASE,
)


def _contient_telephone(texte: str) -> bool:
    return _TELEPHONE.search(texte) is not None or _TELEPHONE_INTER.search(texte) is not None


# --- dates de naissance -------------------------------------------------------------------------

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
_JOURS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_DATE_JMA = re.compile(r"(?<![\w/.\-])(\d{1,2})([/.\-])(\d{1,2})\2(\d{4}|\d{2})(?!\w)(?![/.\-]\d)")
_DATE_AMJ = re.compile(r"(?<![\w/.\-])(\d{4})([/.\-])(\d{1,2})\2(\d{1,2})(?!\w)(?![/.\-]\d)")
_DATE_LETTRES = re.compile(
    r"(?<!\w)(\d{1,2}|1\s?er|1ᵉʳ)\s+(janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t"
    r"|septembre|octobre|novembre|d[ée]cembre)\s+(\d{4})(?!\w)",
    re.IGNORECASE,
)
_INDICE_NAISSANCE = re.compile(
    r"(?<!\w)(?:n[ée]e?s?|n[ée]\s?\(e\)|naissance|ddn|d\.d\.n)(?!\w)", re.IGNORECASE
)
_INDICE_JURIDIQUE = re.compile(
    r"(?<!\w)(?:loi|d[ée]cret|arr[êe]t[ée]?|circulaire|ordonnance|instruction|directive"
    r"|convention|d[ée]lib[ée]ration|jugement|code|article)s?(?!\w)",
    re.IGNORECASE,
)
_ANS_DE_RECUL = 14


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
    try:
        limite = aujourdhui.replace(year=aujourdhui.year - _ANS_DE_RECUL)
    except ValueError:  # 29 February
        limite = aujourdhui.replace(year=aujourdhui.year - _ANS_DE_RECUL, day=28)
    for debut, jour, mois, annee, quatre_chiffres in _dates(texte):
        quand = _reel(jour, mois, annee if quatre_chiffres else 2000 + annee)
        if quand is None:
            continue
        # search within the string (not a slice), so that « année » is not read as « née »
        if _INDICE_NAISSANCE.search(texte, max(0, debut - 40), debut):
            return True
        juridique = _INDICE_JURIDIQUE.search(texte, max(0, debut - 25), debut)
        if quatre_chiffres and quand < limite and not juridique:
            return True
    return False


# --- adresses -----------------------------------------------------------------------------------

_NUMERO = r"(?<![\w,.])\d{1,4}(?:[ \u00a0]?(?i:bis|ter|quater)|[A-Da-d])?,?[ \u00a0]+"
# kinds of street that are not ordinary words: any following word will do
_ADRESSE_SURE = re.compile(
    _NUMERO + r"(?i:rue|avenue|av\.|bd|boulevard|impasse|all[ée]e|quai|faubourg|fbg|chauss[ée]e)"
    r"(?!\w)[ \u00a0]+[\w']"
)
# kinds of street that are also ordinary words: the name must be capitalised (« 3 cours de yoga »)
_ADRESSE_AMBIGUE = re.compile(
    _NUMERO + r"(?i:chemin|ch\.|place|pl\.|route|rte|cours|square|r[ée]sidence|cit[ée]|lotissement"
    r"|hameau|voie|passage|sentier|esplanade|promenade|parvis|rond-point|villa|mail|domaine|clos"
    r"|galerie|imp\.)(?!\w)[ \u00a0]+(?:(?i:de|du|des|la|le|les)[ \u00a0]+|(?i:d|l)['’])*"
    r"[A-ZÀ-ÖØ-Þ0-9]"
)


def _contient_adresse(texte: str) -> bool:
    return _ADRESSE_SURE.search(texte) is not None or _ADRESSE_AMBIGUE.search(texte) is not None


# --- noms de personnes --------------------------------------------------------------------------


@cache
def _prenoms() -> frozenset[str]:
    """Common French first names (``donnees/prenoms.txt``), compared with :func:`_cle`."""
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
    "madame monsieur mademoiselle coordinateur coordinatrice coordonnateur coordonnatrice",
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
    "amphi établissement etablissement prix promotion complexe halle centre-ville",
)
_SAINTS = _mots("saint sainte saints saintes st ste")
_PARTICULES = frozenset(
    {"Le", "La", "De", "Du", "Des", "Van", "Von", "Di", "Da", "Del", "Della", "El", "Ben", "Aït"}
    | {"Ait", "Mac", "Dos", "Das", "Den", "Der", "LE", "LA", "DE", "DU", "DES", "VAN", "VON"}
    | {"DI", "DA", "DEL", "EL", "BEN", "DOS", "DAS"}
)
# civilities and titles; those in _TITRES_POINT need their dot (« M. Dupont »)
_TITRES = frozenset({"Mme", "Mmes", "Mlle", "Mlles", "Melle", "Mr", "Dr", "Pr"})
_TITRES_MOTS = _mots("monsieur madame mademoiselle docteur docteure professeur professeure")
_TITRES_POINT = frozenset({"M", "MM"})
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
    )
)
_MOT = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_BLANC = re.compile(r"[ \t\u00a0\u202f]+")
_BLANC_OU_TIRET = re.compile(r"[ \t\u00a0\u202f\-]+")
_RECUL_LIEU = 4  # words looked back for a place word
_TITRE_SUIVI = re.compile(r"\.?[ \t\u00a0\u202f]+")
_TITRE_POINT_SUIVI = re.compile(r"\.[ \t\u00a0\u202f]+")


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
    cle = _cle(mot)
    if cle in _MOTS_OUTILS or cle in _MOTS_COMMUNS or cle in _MOIS or cle in _JOURS:
        return False
    if cle.startswith(("saint-", "sainte-", "st-", "ste-")):
        return False
    if mot.isupper():
        return cle not in _ACRONYMES and any(c in "aeiouy" for c in cle)
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
            if cle not in _MOTS_OUTILS:
                return False
        return False

    def nom_apres(i: int) -> int | None:
        """Index of the last word of a surname starting at word i (« Le Goff »), or None."""
        if textes[i] in _PARTICULES and i + 1 < len(mots) and _BLANC.fullmatch(separation(i)):
            return i + 1 if _est_nom_de_famille(textes[i + 1]) else None
        return i if _est_nom_de_famille(textes[i]) else None

    def personne(i: int) -> bool:
        """Words i, i+1… look like a person's name (before the look-back for a place)."""
        mot, suivant, entre = textes[i], textes[i + 1], separation(i)
        if _BLANC.fullmatch(entre):
            # « Jean Dupont », « Marie-Claire MARTIN », « Jean Le Goff », not « Jean Jaurès »
            if _est_prenom(mot):
                fin = nom_apres(i + 1)
                if fin is not None and f"{_cle(mot)} {_cle(textes[fin])}" not in _EPONYMES:
                    return True
            # « DUPONT Jean »
            if mot.isupper() and _est_nom_de_famille(mot) and _est_prenom(suivant):
                return True
        # « M. Dupont », « Mme Durand », « Monsieur Durand », « Dr Martin »
        titre = (mot in _TITRES or _cle(mot) in _TITRES_MOTS) and _TITRE_SUIVI.fullmatch(entre)
        titre = titre or (mot in _TITRES_POINT and _TITRE_POINT_SUIVI.fullmatch(entre))
        return bool(titre) and nom_apres(i + 1) is not None

    return any(personne(i) and not apres_un_lieu(i) for i in range(len(mots) - 1))
