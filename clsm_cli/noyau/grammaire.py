"""A small French grammar for documents: articles and elision before institution names,
agreement, counts written « aucune réunion », numbers and durations in words.

The article of a name is guessed from its first word (« Centre hospitalier » → le, « ARS » →
l', « Ville de … » → la, « Claire Dumesnil » or « Emmaüs » → none), and the data can say it
explicitly (``article = "l'"``), which always wins::

    de("Centre hospitalier Les Tilleuls")   # « du Centre hospitalier Les Tilleuls »
    de("ARS Grand Est")                     # « de l'ARS Grand Est »
    par("Élu à la santé")                   # « par l'élu à la santé »
    accorder("représenté", "Ville de Lorvey")  # « représentée »
    compte(0, "réunion")                    # « aucune réunion »
    duree_en_mots(date(2022, 6, 30), date(2026, 12, 31))  # « quatre ans et six mois »

Pure functions over strings, no import beyond the standard library.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass


def _mots(texte: str) -> list[str]:
    return texte.split()


# --- the lexicon ------------------------------------------------------------------------------

# head word (lower case, no accent) → gender ("m"/"f"); the article follows from it.
_MASCULINS = _mots(
    """
centre ch chu chs chd chi chr chru hopital pole service ccas cias cmp cmpp cattp gem epsm
samsah savs sessad esat siao spip cls clsm ptsm csapa caarud cada chrs sdis samu ime itep
ehpad oph opac conseil departement bailleur office college lycee rectorat commissariat
tribunal parquet groupe groupement reseau collectif comite syndicat etablissement institut
secours foyer dispositif point lieu bureau cabinet cd cg secteur pij espace gip ministere
elu adjoint maire directeur president vice-president delegue chef medecin psychiatre
infirmier coordonnateur referent conseiller educateur assistant cadre pharmacien psychologue
principal proviseur inspecteur charge prefet sous-prefet procureur juge commandant capitaine
lieutenant
"""
)
_FEMININS = _mots(
    """
ville commune communaute metropole eurometropole agence ars maison mairie direction
delegation prefecture sous-prefecture caisse cpam caf mission association federation union
unafam udaf fnapsy clinique pjj police gendarmerie education mdph mda mds msp pmi equipe
empp plateforme permanence pass residence structure coordination ddets deets dreets dt cpts
ase has cnsa protection croix-rouge fondation mutuelle mutualite cellule commission region
collectivite antenne halte universite faculte ecole academie regie societe cooperative unite
elue adjointe directrice presidente vice-presidente deleguee cheffe infirmiere
coordonnatrice referente conseillere educatrice assistante pharmacienne inspectrice chargee
principale proviseure
"""
)
_GENRES: dict[str, str] = {**{m: "m" for m in _MASCULINS}, **{f: "f" for f in _FEMININS}}

FONCTIONS = frozenset(
    _mots(
        """
elu elue adjoint adjointe maire directeur directrice president presidente vice-president
vice-presidente delegue deleguee chef cheffe medecin psychiatre infirmier infirmiere
coordonnateur coordonnatrice referent referente conseiller conseillere educateur educatrice
assistant assistante cadre pharmacien pharmacienne psychologue principal principale
proviseur proviseure inspecteur inspectrice charge chargee prefet procureur juge commandant
capitaine lieutenant secretaire responsable
"""
    )
)
"""Common nouns of function: written in lower case after their article (« l'élu à la santé »)."""

_H_ASPIRES = frozenset(
    ["halte", "hameau", "handicap", "has", "haut", "haute", "hauts", "hautes", "hall", "hangar"]
)
"""Words whose h blocks elision (« la halte », « le handicap »)."""

_SANS_ARTICLE = frozenset(
    ["pole-emploi", "france-travail", "emmaus", "adoma", "habitat-et-humanisme"]
)
"""Names used without an article although their first word would take one."""

_TITRES_PERSONNE = re.compile(
    r"^(?:dr|docteure?|pr|professeure?|m|mme|mlle|monsieur|madame|me)\.?$"
)
_ARTICLE_EN_TETE = re.compile(r"^(le|la|les)\s+(.*)$|^(l['’])\s*(.*)$", re.IGNORECASE | re.DOTALL)
_VOYELLES = set("aeiouyàâäéèêëîïôöùûüœæ")

ARTICLES_EXPLICITES = ("le", "la", "les", "l'", "aucun")
"""Values of an explicit ``article`` field (``aucun``: the name takes no article)."""


def _sans_accents(texte: str) -> str:
    return unicodedata.normalize("NFKD", texte).encode("ascii", "ignore").decode("ascii")


def _premier_mot(nom: str) -> str:
    mot = re.split(r"[\s,;:()–—]+", nom.strip(), maxsplit=1)[0] if nom.strip() else ""
    return _sans_accents(mot).casefold().strip(".")


def _deux_premiers(nom: str) -> str:
    mots = re.split(r"[\s,;:()–—]+", nom.strip())
    return _sans_accents("-".join(mots[:2])).casefold()


def commence_par_voyelle(mot: str) -> bool:
    """True before a vowel or a mute h (« l'ARS », « l'Hôpital », but « le handicap »)."""
    mot = mot.strip()
    if not mot:
        return False
    premiere = mot[0].casefold()
    if premiere in _VOYELLES:
        return True
    if premiere == "h":
        tete = _sans_accents(re.split(r"[\s,;:()–—-]+", mot, maxsplit=1)[0]).casefold()
        return tete not in _H_ASPIRES
    return False


# --- what a name is ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Nom:
    """A name with its article (``le``, ``la``, ``les``, ``l'`` or empty) and gender."""

    texte: str
    article: str
    genre: str
    """``m``, ``f`` or ``?`` (a person or a proper name: unknown)."""

    @property
    def avec_article(self) -> str:
        if not self.article:
            return self.texte
        if self.article == "l'":
            return f"l'{self.texte}"
        return f"{self.article} {self.texte}"


def analyser(nom: str, article: str | None = None) -> Nom:
    """The article and gender of ``nom``. ``article`` (from the data) wins; a name that
    already starts with an article (« La Maison des adolescents ») keeps it."""
    texte = " ".join(nom.split())
    explicite = (article or "").strip().casefold().replace("’", "'")
    if explicite:
        if explicite not in ARTICLES_EXPLICITES:
            raise ValueError(f"article inconnu « {article} » (le, la, les, l' ou aucun)")
        genre = _genre_lexique(texte)
        if explicite == "aucun":
            return Nom(texte, "", genre)
        genre = {"le": "m", "la": "f"}.get(explicite, genre)
        return Nom(_casse_fonction(texte), explicite, genre)
    entete = _ARTICLE_EN_TETE.match(texte)
    if entete:
        art = (entete.group(1) or entete.group(3)).casefold().replace("’", "'")
        reste = entete.group(2) if entete.group(1) else entete.group(4)
        if reste:
            genre = {"le": "m", "la": "f"}.get(art, _genre_lexique(reste))
            return Nom(reste, art, genre if genre != "?" else "m")
    premier = _premier_mot(texte)
    if (
        not premier
        or _TITRES_PERSONNE.match(premier)
        or _deux_premiers(texte) in _SANS_ARTICLE
        or premier in _SANS_ARTICLE
    ):
        return Nom(texte, "", "?")
    genre = _genre_lexique(texte)
    if genre == "?":
        return Nom(texte, "", "?")
    if premier not in _GENRES and _singulier(premier) in _GENRES:
        art = "les"
    elif commence_par_voyelle(texte):
        art = "l'"
    else:
        art = "le" if genre == "m" else "la"
    return Nom(_casse_fonction(texte), art, genre)


def _genre_lexique(texte: str) -> str:
    premier = _premier_mot(texte)
    return _GENRES.get(premier) or _GENRES.get(_singulier(premier)) or "?"


def _singulier(mot: str) -> str:
    if mot.endswith("aux"):
        return mot[:-3] + "al"
    return mot[:-1] if mot.endswith(("s", "x")) else mot


def _casse_fonction(texte: str) -> str:
    """« Élu à la santé » → « élu à la santé »: a function is a common noun."""
    premier = _premier_mot(texte)
    mot = texte.split(" ", 1)[0]
    if premier in FONCTIONS and mot[:1].isupper() and not mot.isupper():
        return texte[:1].lower() + texte[1:]
    return texte


def genre(nom: str, article: str | None = None) -> str:
    return analyser(nom, article).genre


def avec_article(nom: str, article: str | None = None) -> str:
    """« l'ARS », « le Centre hospitalier … », « Claire Dumesnil »."""
    return analyser(nom, article).avec_article


def _contracter(preposition: str, n: Nom) -> str:
    if n.article == "le":
        return f"{'du' if preposition == 'de' else 'au'} {n.texte}"
    if n.article == "les":
        return f"{'des' if preposition == 'de' else 'aux'} {n.texte}"
    if n.article:
        return f"{preposition} {n.avec_article}"
    if preposition == "de" and commence_par_voyelle(n.texte):
        return f"d'{n.texte}"
    return f"{preposition} {n.texte}"


def de(nom: str, article: str | None = None) -> str:
    """« du CCAS », « de l'ARS », « de la Ville de … », « des Hauts-de-Valmont »,
    « d'Emmaüs », « de Claire Dumesnil »."""
    return _contracter("de", analyser(nom, article))


def a(nom: str, article: str | None = None) -> str:
    """« au CCAS », « à l'ARS », « à la Ville », « aux … »."""
    return _contracter("à", analyser(nom, article))


def par(nom: str, article: str | None = None) -> str:
    """« par l'ARS », « par le Centre hospitalier », « par Claire Dumesnil »."""
    return f"par {avec_article(nom, article)}"


def accorder(participe: str, nom: str, article: str | None = None) -> str:
    """The participle agreed with ``nom``: « représentée » for « la Ville de … ». A name of
    unknown gender (a person, a proper name) keeps the masculine."""
    n = analyser(nom, article)
    pluriel = n.article == "les"
    mot = participe + ("e" if n.genre == "f" and not participe.endswith("e") else "")
    return mot + ("s" if pluriel and not mot.endswith("s") else "")


def majuscule(texte: str) -> str:
    """First letter in capital (« L'ARS », « Du CCAS » at the start of a sentence)."""
    return texte[:1].upper() + texte[1:]


# --- counts -----------------------------------------------------------------------------------

_FEMININS_COMPTES = frozenset(
    _mots(
        """
réunion décision action réalisation personne structure séance situation instance convocation
présence arrivée année fois commune semaine heure journée rencontre participation
orientation
"""
    )
)


def feminin(mot: str) -> bool:
    """Gender of a counted common noun (« réunion » f, « événement » m)."""
    tete = mot.split()[0].casefold()
    if tete in _FEMININS_COMPTES:
        return True
    return _GENRES.get(_sans_accents(tete)) == "f"


def pluriel_de(mot: str) -> str:
    """« réunion » → « réunions », « point de suivi » → « points de suivi », « bureau » →
    « bureaux »; a word ending in s, x or z does not change."""
    tete, _, reste = mot.partition(" ")
    if tete.endswith(("s", "x", "z")):
        pluriel = tete
    elif tete.endswith(("au", "eu")):
        pluriel = tete + "x"
    elif tete.endswith("al") and tete not in ("festival", "bal", "carnaval"):
        pluriel = tete[:-2] + "aux"
    else:
        pluriel = tete + "s"
    return f"{pluriel} {reste}" if reste else pluriel


def compte(
    nombre: int | None,
    singulier: str,
    pluriel: str | None = None,
    *,
    feminin_: bool | None = None,
) -> str:
    """« aucune réunion », « 1 réunion », « 3 réunions », « 1 234 participants »; an unknown
    count (None) is « nombre de participants non renseigné »."""
    from clsm_cli.noyau.textes import nombre_fr

    est_feminin = feminin(singulier) if feminin_ is None else feminin_
    if nombre is None:
        return f"nombre de {pluriel or pluriel_de(singulier)} non renseigné"
    if nombre == 0:
        return f"{'aucune' if est_feminin else 'aucun'} {singulier}"
    mot = singulier if nombre == 1 else (pluriel or pluriel_de(singulier))
    return f"{nombre_fr(nombre)} {mot}"


def accord_nombre(nombre: int, singulier: str, pluriel: str) -> str:
    """The verb or adjective agreed with a count: 0 and 1 take the singular."""
    return singulier if nombre <= 1 else pluriel


def non_renseigne(nom: str, *, feminin_: bool | None = None) -> str:
    """« Population non renseignée », « Date de création non renseignée », « Nom non
    renseigné », « Dates non renseignées »."""
    tete = _premier_mot(nom)
    pluriel = tete not in _GENRES_RUBRIQUES and _singulier(tete) in _GENRES_RUBRIQUES
    tete = _singulier(tete) if pluriel else tete
    est_feminin = (
        feminin_
        if feminin_ is not None
        else (tete in _GENRES_RUBRIQUES and _GENRES_RUBRIQUES[tete] == "f")
        or (tete not in _GENRES_RUBRIQUES and feminin(nom))
    )
    return f"{nom} {non_renseigne_accorde(est_feminin, pluriel)}"


def non_renseigne_accorde(feminin_: bool, pluriel: bool = False) -> str:
    return "non renseigné" + ("e" if feminin_ else "") + ("s" if pluriel else "")


_GENRES_RUBRIQUES = {
    "population": "f",
    "date": "f",
    "periode": "f",
    "duree": "f",
    "commune": "f",
    "structure": "f",
    "presidence": "f",
    "co-animation": "f",
    "coordination": "f",
    "convention": "f",
    "heure": "f",
    "adresse": "f",
    "qualite": "f",
    "inscription": "f",
    "description": "f",
    "cible": "f",
    "unite": "f",
    "participation": "f",
    "nom": "m",
    "territoire": "m",
    "lieu": "m",
    "montant": "m",
    "nombre": "m",
    "theme": "m",
    "public": "m",
    "objet": "m",
    "representant": "m",
    "porteur": "m",
    "quartier": "m",
    "realise": "m",
    "participant": "m",
}
"""Gender of the labels documents show beside a missing value."""


# --- numbers and durations in words -----------------------------------------------------------

_UNITES = _mots(
    """
zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze
seize dix-sept dix-huit dix-neuf
"""
)
_DIZAINES = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}


def en_lettres(n: int, *, feminin_: bool = False) -> str:
    """A whole number in words, 1990 spelling (traits d'union partout): 21 → « vingt-et-un »,
    80 → « quatre-vingts », 200 → « deux-cents », 1 000 → « mille »."""
    if n < 0:
        return "moins-" + en_lettres(-n, feminin_=feminin_)
    texte = _moins_d_un_million(n) if n < 1_000_000 else str(n)
    if feminin_ and (texte == "un" or texte.endswith("-et-un")):
        texte += "e"
    return texte


def _moins_de_cent(n: int) -> str:
    if n < 20:
        return _UNITES[n]
    dizaine, unite = divmod(n, 10)
    if dizaine in (7, 9):
        base = "soixante" if dizaine == 7 else "quatre-vingt"
        reste = 10 + unite
        if dizaine == 7 and unite == 1:
            return "soixante-et-onze"
        return f"{base}-{_UNITES[reste]}"
    if dizaine == 8:
        return "quatre-vingts" if unite == 0 else f"quatre-vingt-{_UNITES[unite]}"
    base = _DIZAINES[dizaine]
    if unite == 0:
        return base
    if unite == 1:
        return f"{base}-et-un"
    return f"{base}-{_UNITES[unite]}"


def _moins_de_mille(n: int) -> str:
    centaines, reste = divmod(n, 100)
    if centaines == 0:
        return _moins_de_cent(reste)
    tete = "cent" if centaines == 1 else f"{_UNITES[centaines]}-cent"
    if reste == 0:
        return tete + ("s" if centaines > 1 else "")
    return f"{tete}-{_moins_de_cent(reste)}"


def _moins_d_un_million(n: int) -> str:
    milliers, reste = divmod(n, 1000)
    if milliers == 0:
        return _moins_de_mille(reste)
    tete = "mille" if milliers == 1 else f"{_moins_de_mille(milliers).removesuffix('s')}-mille"
    if milliers > 1 and _moins_de_mille(milliers).endswith("cents"):
        tete = f"{_moins_de_mille(milliers)[:-1]}-mille"
    return tete if reste == 0 else f"{tete}-{_moins_de_mille(reste)}"


def mois_entre(debut: dt.date, fin: dt.date) -> tuple[int, int]:
    """Whole (years, months) from ``debut`` to ``fin``; a period ending on the last day of a
    month counts that month whole (2022-06-30 → 2026-12-31: four years and six months)."""
    if fin < debut:
        raise ValueError("la fin précède le début")
    lendemain = fin + dt.timedelta(days=1)
    mois = (lendemain.year - debut.year) * 12 + (lendemain.month - debut.month)
    jour_debut = debut.day
    if debut.day == _dernier_jour(debut) and lendemain.day == 1:
        # from the end of a month to the end of another: whole months
        mois = (fin.year - debut.year) * 12 + (fin.month - debut.month)
    elif lendemain.day < jour_debut:
        mois -= 1
    return divmod(max(mois, 0), 12)


def _dernier_jour(jour: dt.date) -> int:
    suivant = (jour.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return (suivant - dt.timedelta(days=1)).day


def duree_en_mots(debut: dt.date, fin: dt.date) -> str:
    """« quatre ans et six mois », « trois ans », « un an », « six mois », « moins d'un
    mois »."""
    annees, mois = mois_entre(debut, fin)
    morceaux = []
    if annees:
        morceaux.append(f"{en_lettres(annees)} an{'s' if annees > 1 else ''}")
    if mois:
        morceaux.append(f"{en_lettres(mois)} mois")
    return " et ".join(morceaux) if morceaux else "moins d'un mois"


# --- shares that add up -----------------------------------------------------------------------


def parts_arrondies(valeurs: list[float], total: int = 100) -> list[int]:
    """Whole percentages summing exactly to ``total`` (largest-remainder method)."""
    somme = sum(valeurs)
    if somme <= 0:
        return [0 for _ in valeurs]
    exactes = [v * total / somme for v in valeurs]
    entieres = [int(x) for x in exactes]
    manque = total - sum(entieres)
    ordre = sorted(range(len(valeurs)), key=lambda i: (-(exactes[i] - entieres[i]), i))
    for i in ordre[:manque]:
        entieres[i] += 1
    return entieres
