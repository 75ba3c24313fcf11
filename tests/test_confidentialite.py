"""Personal-data guard of the cellule: what trips, what must not, and real field documents."""

from __future__ import annotations

import re
import time
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clsm_cli.cellule.confidentialite import (
    ADRESSE,
    COURRIEL,
    DATE_NAISSANCE,
    NIR,
    NOM,
    TELEPHONE,
    DonneePersonnelle,
    cle_nir_valide,
    contient_donnees_personnelles,
    detecter,
)

JOUR = date(2026, 11, 26)


def natures(texte: str) -> list[DonneePersonnelle]:
    return detecter(texte, aujourdhui=JOUR)


# --- what trips ---------------------------------------------------------------------------------

TROUVES = [
    # NIR: key 91 checks for 1 85 05 78 006 084; Corsica 2A counts as 19
    ("NIR 1 85 05 78 006 084 91", NIR),
    ("NIR 1.85.05.78.006.084.91", NIR),
    ("185057800608491", NIR),
    ("assurée 2 69 05 2A 123 456 88 CPAM", NIR),
    # any NIR-shaped number, key valid or not
    ("1 85 05 78 006 084 36", NIR),
    ("185057800608436", NIR),
    ("2 69 05 2B 123 456 88", NIR),
    ("1 8 5 0 5 7 8 0 0 6 0 8 4", NIR),
    ("NIR 1 85 05 78 006 084 91 06 12 34 56 78", NIR),  # a phone number right after
    # phone numbers
    ("joignable au 06 12 34 56 78", TELEPHONE),
    ("tél. 06.12.34.56.78", TELEPHONE),
    ("tél. 0612345678", TELEPHONE),
    ("tél. 01-45-67-89-10", TELEPHONE),
    ("tél +33 6 12 34 56 78", TELEPHONE),
    ("tél +33 (0)6 12 34 56 78", TELEPHONE),
    ("tél 0033612345678", TELEPHONE),
    # e-mail
    ("écrire à jean.dupont@gmail.com", COURRIEL),
    ("écrire à jean.dupont[at]gmail.com", COURRIEL),
    # dates of birth
    ("né le 12/03/1985", DATE_NAISSANCE),
    ("née le 1er mars 1985", DATE_NAISSANCE),
    ("né(e) le 3 août 2001", DATE_NAISSANCE),
    ("DDN : 12-03-85", DATE_NAISSANCE),
    ("date de naissance 1985-03-12", DATE_NAISSANCE),
    ("le 12 mars 1985", DATE_NAISSANCE),  # old full date, no cue needed
    ("le 12.03.1985", DATE_NAISSANCE),
    ("né en 1985", DATE_NAISSANCE),
    # street addresses
    ("vit au 12 rue des Lilas", ADRESSE),
    ("3 bis avenue Jean Jaurès", ADRESSE),
    ("12, place de la Mairie", ADRESSE),
    ("5 cours Mirabeau", ADRESSE),
    ("8 bd Voltaire", ADRESSE),
    ("Résidence Les Tilleuls", ADRESSE),
    # names of persons
    ("vue par Jean Dupont", NOM),
    ("Marie-Claire Martin", NOM),
    ("Marie-Claire MARTIN", NOM),
    ("DUPONT Jean", NOM),
    ("Jean Le Goff", NOM),
    ("M. Dupont", NOM),
    ("Mme Durand", NOM),
    ("Mme. Durand", NOM),
    ("Monsieur Durand", NOM),
    ("rencontre avec madame Durand", NOM),
    ("suivie par le Dr Martin", NOM),
    ("l'assistante sociale du CCAS Marie Durand", NOM),
    ("rendez-vous à la maison avec Jean Dupont", NOM),  # « avec » brings a person in
    ("Rencontre au centre social avec Jean Dupont", NOM),
    ("l'IDE du CMP Marie Durand", NOM),  # an acronym of a service is not a place word
]


@pytest.mark.parametrize(("texte", "attendu"), TROUVES)
def test_trouve(texte: str, attendu: DonneePersonnelle) -> None:
    assert natures(texte) == [attendu]
    assert contient_donnees_personnelles(texte)


# --- what must not trip -------------------------------------------------------------------------

RIEN = [
    # long numbers that are not NIR-shaped
    "situations 1 2 3 4 5 6 7 8 9 10 11 12",
    "IBAN FR76 3000 6000 0112 3456 7890 189",
    "SIRET 123 456 789 00012",
    # not phone numbers
    "année 2026, code postal 59260, réunion le 2026-03-12",
    "le 01.02.2020",
    "CLSM 59 62 80 91",
    "Dossier n° 2026-0042",
    "appeler le 115 ou le 3114",
    # not dates of birth
    "tranche 60-74 ans",
    "réunion du 12/03/2026",
    "le 18 MAI 2020",
    "loi du 5 juillet 2011",
    "expulsée le 15 octobre 2025",
    "le 12 mars 2013",  # less than 14 years before JOUR
    "le 31/02/1985",  # no such day
    # not addresses
    "il est à la rue depuis 3 ans",
    "3 ans à la rue",
    "3 cours de yoga",
    "2 places disponibles",
    "Rue de la République",
    # not names of persons
    "Marie est venue seule",
    "Saint-Denis et Saint Étienne",
    "Saint Étienne Métropole",
    "Centre Hospitalier Jean Verdier",
    "Hospitalisation au CH Sainte-Anne puis au CHU de Nancy Brabois",
    "Maison des adolescents, Mission locale, Val de Marne",
    "Jean Jaurès",
    "lycée Jean Jaurès ; collège Victor Hugo ; école Louise Michel",
    "l'hôpital Paul Guiraud",
    "rue du Docteur Roux",
    "Atelier au centre social Boris Vian",
    "Maison de Santé Pluriprofessionnelle Louis Pasteur",
    "Santé mentale en Janvier, Mardi et Vendredi",
    "Monsieur le Maire, Madame la Préfète",
    "Marie CMP",
    "Mme D.",
    "Pierre et Marie, Jean et Paul",
    "Accompagnement par Emmaüs Connect et le Secours Populaire",
    "Inscrite à France Travail (ex Pôle Emploi), RSA depuis 2020",
    "Aix-en-Provence, Clermont-Ferrand, Le Havre, Val-de-Marne, Seine-Saint-Denis",
    "www.clsm-ccoms.org",
    "",
]


@pytest.mark.parametrize("texte", RIEN)
def test_ne_trouve_rien(texte: str) -> None:
    assert natures(texte) == []
    assert not contient_donnees_personnelles(texte)


def test_une_entree_par_nature_dans_un_ordre_fixe() -> None:
    texte = (
        "Jean Dupont (06 12 34 56 78, 07 98 76 54 32), M. Durand, j.d@exemple.fr, "
        "NIR 1 85 05 78 006 084 91, né le 12/03/1985, 12 rue des Lilas"
    )
    assert natures(texte) == [NIR, TELEPHONE, COURRIEL, DATE_NAISSANCE, ADRESSE, NOM]


def test_ne_repete_jamais_la_donnee() -> None:
    texte = "Jean Dupont, 06 12 34 56 78, jean.dupont@gmail.com, 12 rue des Lilas, né le 12/03/1985"
    rendu = repr(natures(texte))
    for morceau in ("Jean", "Dupont", "06 12", "gmail", "Lilas", "1985", "12/03"):
        assert morceau not in rendu


def test_natures_et_conseils_en_francais() -> None:
    assert NOM.nature == "un nom de personne (prénom et nom)"
    assert NOM.conseil == (
        "écrivez un rôle plutôt qu'un nom : « le médecin traitant », "
        "« l'assistante sociale du CCAS »"
    )
    assert [d.nature for d in (NIR, TELEPHONE, COURRIEL, DATE_NAISSANCE, ADRESSE)] == [
        "un numéro de sécurité sociale (NIR)",
        "un numéro de téléphone",
        "une adresse électronique",
        "une date de naissance",
        "une adresse postale",
    ]


def test_date_ancienne_depend_du_jour() -> None:
    assert detecter("le 12 mars 2013", aujourdhui=date(2026, 11, 26)) == []
    assert detecter("le 12 mars 2013", aujourdhui=date(2030, 1, 1)) == [DATE_NAISSANCE]
    assert detecter("le 29/02/2012", aujourdhui=date(2028, 2, 29)) == [DATE_NAISSANCE]


def test_cle_nir() -> None:
    assert cle_nir_valide("185057800608491")
    assert not cle_nir_valide("185057800608436")
    assert cle_nir_valide("269052A12345688")
    assert not cle_nir_valide("269052B12345688")
    assert not cle_nir_valide("2690")


def test_texte_decompose_en_nfd() -> None:
    import unicodedata

    assert natures(unicodedata.normalize("NFD", "Hélène Dupont")) == [NOM]


# --- real field documents -----------------------------------------------------------------------

CONTEXTE = Path(__file__).parent / "donnees" / "terrain"
"""Copies of the field documents of ../shared/context/ (see LISEZMOI.md there)."""

# file → {line number: findings}; every finding below was checked by eye and is genuine
ATTENDUS: dict[str, dict[int, list[DonneePersonnelle]]] = {
    "000_730a64925f3f2921.txt": {
        35: [NOM],  # signature « Jean-Luc ROELANDT », directeur du CCOMS
        71: [NOM],  # footnote listing the working group (« Pierre BUCKEL, … »)
        372: [NOM],  # « M. Guterres », UN secretary-general
        376: [NOM],  # credits « Maureen Gac, Alain Dannel, »
        377: [NOM],  # credits « Jean-Luc Roelandt et Déborah Sebbane »
        412: [ADRESSE],  # the CCOMS address « 211 rue Roger Salengro »
        415: [TELEPHONE],  # the CCOMS switchboard « 03.20.43.71.00 »
        416: [COURRIEL],  # the CCOMS address « ccoms@epsm-lille-metropole.fr »
    },
    "001_4ec29435f18247bc.txt": {
        13: [NOM],  # speakers of the round table (« Philippe Guérard, président d'Advocacy »…)
        28: [NOM],  # « Mme Delheure », ARS
    },
    "002_55a48f9a4f1ec04e.txt": {
        1438: [NOM],  # « Jérôme Salomon », directeur général de la santé
        1448: [NOM],  # reference authors « Bajos Nathalie … Robin Juliette »
    },
    "004_5b48e1935770c673.txt": {},
}
# the same documents cut in paragraphs (blank-line separated, lines joined)
ATTENDUS_PARAGRAPHES = {
    "000_730a64925f3f2921.txt": {
        14: [NOM],
        22: [NOM],
        140: [NOM],
        142: [NOM],
        151: [ADRESSE],
        152: [TELEPHONE, COURRIEL],
    },
    "001_4ec29435f18247bc.txt": {6: [NOM], 10: [NOM]},
    "002_55a48f9a4f1ec04e.txt": {231: [NOM], 233: [NOM]},
    "004_5b48e1935770c673.txt": {},
}


def _document(nom: str) -> str:
    return (CONTEXTE / nom).read_text(encoding="utf-8")


@pytest.mark.parametrize("nom", sorted(ATTENDUS))
def test_documents_de_terrain_par_ligne(nom: str) -> None:
    lignes = _document(nom).splitlines()
    trouves = {n: t for n, ligne in enumerate(lignes, 1) if (t := natures(ligne))}
    assert trouves == ATTENDUS[nom]


@pytest.mark.parametrize("nom", sorted(ATTENDUS_PARAGRAPHES))
def test_documents_de_terrain_par_paragraphe(nom: str) -> None:
    paragraphes = [" ".join(p.split()) for p in re.split(r"\n\s*\n", _document(nom))]
    trouves = {k: t for k, p in enumerate(paragraphes) if (t := natures(p))}
    assert trouves == ATTENDUS_PARAGRAPHES[nom]


def test_liste_des_prenoms() -> None:
    from importlib import resources

    texte = resources.files("clsm_cli").joinpath("donnees", "prenoms.txt").read_text("utf-8")
    prenoms = texte.splitlines()
    assert 1000 <= len(prenoms) <= 1500
    assert len(set(prenoms)) == len(prenoms)
    assert all(p and p == p.strip() for p in prenoms)
    assert {"Jean", "Marie", "Jean-Pierre", "Mohamed", "Nathalie", "Léa"} <= set(prenoms)
    assert {"Fatoumata", "Souleymane", "Kylian", "João", "Oleksandr", "Leïla"} <= set(prenoms)
    mois_et_jours = {"Avril", "Mai", "Juin", "Mardi", "Janvier", "Noël", "France"}
    assert not mois_et_jours & set(prenoms)


# --- the labelled corpus (issue 11 §4) -----------------------------------------------------------

CORPUS = Path(__file__).parent / "donnees" / "corpus_confidentialite.tsv"
PAR_NATURE = {
    "nir": NIR,
    "telephone": TELEPHONE,
    "courriel": COURRIEL,
    "naissance": DATE_NAISSANCE,
    "adresse": ADRESSE,
    "nom": NOM,
}


def corpus() -> list[tuple[str, str]]:
    lignes = []
    for ligne in CORPUS.read_text(encoding="utf-8").splitlines():
        if ligne.strip() and not ligne.startswith("#"):
            nature, texte = ligne.split("\t", 1)
            lignes.append((nature, texte))
    return lignes


def test_corpus_assez_grand_et_bien_forme() -> None:
    lignes = corpus()
    natures_vues = [n for n, _ in lignes]
    assert set(natures_vues) == {*PAR_NATURE, "aucune"}
    assert len(lignes) >= 400
    assert len(lignes) - natures_vues.count("aucune") >= 250
    assert natures_vues.count("aucune") >= 150
    assert min(natures_vues.count(n) for n in PAR_NATURE) >= 40
    textes = [t for _, t in lignes]
    assert len(set(textes)) == len(textes)
    assert all(t == t.strip() and t for t in textes)


def test_corpus_rappel_et_fausses_alertes() -> None:
    """Recall ≥ 99 % overall and ≥ 97 % per kind; false alarms ≤ 1 % (benchmarks/
    garde_confidentialite.py prints the same figures)."""
    trouves: dict[str, list[bool]] = {n: [] for n in PAR_NATURE}
    fausses: list[str] = []
    ordinaires = 0
    for nature, texte in corpus():
        resultat = natures(texte)
        if nature == "aucune":
            ordinaires += 1
            if resultat:
                fausses.append(texte)
        else:
            trouves[nature].append(PAR_NATURE[nature] in resultat)
    rappels = {n: sum(t) / len(t) for n, t in trouves.items()}
    total = sum(sum(t) for t in trouves.values()) / sum(len(t) for t in trouves.values())
    assert total >= 0.99
    assert all(r >= 0.97 for r in rappels.values()), rappels
    assert len(fausses) / ordinaires <= 0.01, fausses


# the 37 forms the guard missed on main (issue 11, « What was measured »)
MANQUES_DE_L_ISSUE = [
    ("NIR 1 85 05 78 006 084", NIR),
    ("NIR : 1 85 05 78 006 084 12", NIR),
    ("n° SS 1 85 05 78 006 084 12", NIR),
    ("1-85-05-78-006-084-91", NIR),
    ("1_85_05_78_006_084_91", NIR),
    ("061 234 5678", TELEPHONE),
    ("06 1234 5678", TELEPHONE),
    ("06/12/34/56/78", TELEPHONE),
    ("0 6 1 2 3 4 5 6 7 8", TELEPHONE),
    ("jean.dupont[at]exemple.fr", COURRIEL),
    ("jean.dupont arobase exemple.fr", COURRIEL),
    ("jean.dupont @ exemple.fr", COURRIEL),
    ("né(e) en 1982", DATE_NAISSANCE),
    ("né le 03/03/75", DATE_NAISSANCE),
    ("03/03/75", DATE_NAISSANCE),
    ("né en mars 1975", DATE_NAISSANCE),
    ("lieu-dit La Pommeraie", ADRESSE),
    ("12 r. Victor Hugo", ADRESSE),
    ("habite au 12 de la rue Victor Hugo", ADRESSE),
    ("résidence Les Tilleuls bât. B apt 12", ADRESSE),
    ("J. Dupont", NOM),
    ("J.-P. Martin", NOM),
    ("Dupont Jean", NOM),
    ("M Dupont", NOM),
    ("Madame X. Durand", NOM),
    ("la famille Dupont", NOM),
]


@pytest.mark.parametrize(("texte", "attendu"), MANQUES_DE_L_ISSUE)
def test_formes_manquees_sur_main(texte: str, attendu: DonneePersonnelle) -> None:
    assert natures(texte) == [attendu]


def test_exemple_de_l_issue() -> None:
    texte = "Hospitalisation de J. Dupont, né en 1982, lieu-dit La Pommeraie"
    assert natures(texte) == [DATE_NAISSANCE, ADRESSE, NOM]


@pytest.mark.slow
def test_un_mega_octet() -> None:
    """On main, 1 MB of text took 11.6 s; the benchmark prints about 1 s."""
    morceaux = [p.read_text(encoding="utf-8") for p in sorted(CONTEXTE.glob("*.txt"))]
    texte = "\n".join(morceaux)
    texte = (texte * (1_000_000 // len(texte) + 1))[:1_000_000]
    debut = time.perf_counter()
    detecter(texte)
    assert time.perf_counter() - debut < 5


# --- robustness ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "texte",
    [
        "a" * 100_000,
        "1" * 100_000,
        "né " * 30_000,
        "de " * 30_000,
        "M. " * 30_000,
        "x@" * 50_000,
        "a . " * 30_000,
        "x at " * 30_000,
        "0 " * 50_000,
        "1 2 " * 30_000,
        "(0)" * 30_000,
        "12 rue " * 20_000,
        "Jean " * 30_000,
        "J. " * 30_000,
        "âgé de 4 ans " * 10_000,
        "bât B " * 20_000,
        "sécu " * 30_000,
    ],
)
def test_temps_lineaire_sur_les_textes_pathologiques(texte: str) -> None:
    debut = time.perf_counter()
    detecter(texte)
    assert time.perf_counter() - debut < 5


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 ./-+@AaéJjeanDupont\nrue né(e)MmeM"))))
def test_texte_quelconque(texte: str) -> None:
    trouves = natures(texte)
    ordre = [NIR, TELEPHONE, COURRIEL, DATE_NAISSANCE, ADRESSE, NOM]
    assert trouves == [d for d in ordre if d in trouves]
    assert contient_donnees_personnelles(texte) == bool(trouves)
