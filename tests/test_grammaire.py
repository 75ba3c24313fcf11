"""The French grammar of documents: articles and elision before real institution and function
names, agreement, counts, numbers and durations in words, shares that add up."""

from __future__ import annotations

import datetime as dt

import pytest

from clsm_cli.noyau import grammaire as G

# (name as the data holds it, « de … », gender)
NOMS = [
    ("ARS Grand Est", "de l'ARS Grand Est", "f"),
    ("ARS – délégation départementale", "de l'ARS – délégation départementale", "f"),
    ("ARS Île-de-France", "de l'ARS Île-de-France", "f"),
    ("Agence régionale de santé Occitanie", "de l'Agence régionale de santé Occitanie", "f"),
    ("Centre hospitalier Les Tilleuls", "du Centre hospitalier Les Tilleuls", "m"),
    ("Centre hospitalier de Valmont", "du Centre hospitalier de Valmont", "m"),
    (
        "Centre hospitalier spécialisé du Vinatier",
        "du Centre hospitalier spécialisé du Vinatier",
        "m",
    ),
    ("CH de Blois", "du CH de Blois", "m"),
    ("CHU de Lille", "du CHU de Lille", "m"),
    ("CHS de la Savoie", "du CHS de la Savoie", "m"),
    ("Centre médico-psychologique", "du Centre médico-psychologique", "m"),
    ("CMP adultes de Lorvey", "du CMP adultes de Lorvey", "m"),
    ("CMPP de Valmont", "du CMPP de Valmont", "m"),
    ("CATTP Les Glycines", "du CATTP Les Glycines", "m"),
    ("Eurométropole de Strasbourg", "de l'Eurométropole de Strasbourg", "f"),
    ("Métropole de Lyon", "de la Métropole de Lyon", "f"),
    ("Métropole européenne de Lille", "de la Métropole européenne de Lille", "f"),
    ("EPSM de la Marne", "de l'EPSM de la Marne", "m"),
    ("EPSM Lille-Métropole", "de l'EPSM Lille-Métropole", "m"),
    (
        "Établissement public de santé mentale de l'Aube",
        "de l'Établissement public de santé mentale de l'Aube",
        "m",
    ),
    ("Ville de Valmont-sur-Loire", "de la Ville de Valmont-sur-Loire", "f"),
    ("Ville de Grenoble", "de la Ville de Grenoble", "f"),
    ("Ville de Valmont-sur-Loire – CCAS", "de la Ville de Valmont-sur-Loire – CCAS", "f"),
    ("Mairie de Lorvey", "de la Mairie de Lorvey", "f"),
    ("Commune de Saint-Aubin-des-Prés", "de la Commune de Saint-Aubin-des-Prés", "f"),
    ("Communauté de communes du Val d'Or", "de la Communauté de communes du Val d'Or", "f"),
    (
        "Communauté d'agglomération du Grand Dole",
        "de la Communauté d'agglomération du Grand Dole",
        "f",
    ),
    ("Élu à la santé", "de l'élu à la santé", "m"),
    ("Élue déléguée à la santé", "de l'élue déléguée à la santé", "f"),
    ("Adjointe au maire chargée de la santé", "de l'adjointe au maire chargée de la santé", "f"),
    (
        "Adjoint au maire délégué aux solidarités",
        "de l'adjoint au maire délégué aux solidarités",
        "m",
    ),
    ("Maire de Valmont-sur-Loire", "du maire de Valmont-sur-Loire", "m"),
    ("Directeur général", "du directeur général", "m"),
    ("Directrice de l'action sociale", "de la directrice de l'action sociale", "f"),
    ("Présidente du conseil départemental", "de la présidente du conseil départemental", "f"),
    ("Président de l'association", "du président de l'association", "m"),
    (
        "Vice-présidente chargée des solidarités",
        "de la vice-présidente chargée des solidarités",
        "f",
    ),
    ("Déléguée départementale", "de la déléguée départementale", "f"),
    ("Délégué territorial", "du délégué territorial", "m"),
    ("Chef du pôle de psychiatrie adulte", "du chef du pôle de psychiatrie adulte", "m"),
    ("Cheffe de service", "de la cheffe de service", "f"),
    ("Médecin psychiatre", "du médecin psychiatre", "m"),
    ("Infirmière de pratique avancée", "de l'infirmière de pratique avancée", "f"),
    ("Infirmier coordinateur", "de l'infirmier coordinateur", "m"),
    ("Coordonnatrice du CLSM", "de la coordonnatrice du CLSM", "f"),
    ("Conseillère municipale", "de la conseillère municipale", "f"),
    ("Éducatrice spécialisée", "de l'éducatrice spécialisée", "f"),
    ("Assistante sociale de secteur", "de l'assistante sociale de secteur", "f"),
    ("Pôle 5 de psychiatrie générale", "du Pôle 5 de psychiatrie générale", "m"),
    ("Pôle de psychiatrie infanto-juvénile", "du Pôle de psychiatrie infanto-juvénile", "m"),
    ("Pôle emploi", "de Pôle emploi", "?"),
    ("France Travail", "de France Travail", "?"),
    ("UNAFAM", "de l'UNAFAM", "f"),
    ("UNAFAM délégation départementale", "de l'UNAFAM délégation départementale", "f"),
    (
        "Union nationale de familles et amis de personnes malades",
        "de l'Union nationale de familles et amis de personnes malades",
        "f",
    ),
    ("UDAF du Loiret", "de l'UDAF du Loiret", "f"),
    ("FNAPSY", "de la FNAPSY", "f"),
    ("GEM L'Envol", "du GEM L'Envol", "m"),
    ("GEM La Passerelle", "du GEM La Passerelle", "m"),
    ("Groupe d'entraide mutuelle Le Phare", "du Groupe d'entraide mutuelle Le Phare", "m"),
    ("CCAS", "du CCAS", "m"),
    ("CCAS de Lorvey", "du CCAS de Lorvey", "m"),
    ("CIAS du Pays de Retz", "du CIAS du Pays de Retz", "m"),
    ("Centre communal d'action sociale", "du Centre communal d'action sociale", "m"),
    ("Maison des adolescents", "de la Maison des adolescents", "f"),
    ("Maison des adolescents du Loiret", "de la Maison des adolescents du Loiret", "f"),
    ("MDA 45", "de la MDA 45", "f"),
    (
        "Maison départementale des personnes handicapées",
        "de la Maison départementale des personnes handicapées",
        "f",
    ),
    ("MDPH de la Loire", "de la MDPH de la Loire", "f"),
    ("Maison de santé pluriprofessionnelle", "de la Maison de santé pluriprofessionnelle", "f"),
    ("Hôpital de jour Les Acacias", "de l'Hôpital de jour Les Acacias", "m"),
    ("Hôpital Sainte-Anne", "de l'Hôpital Sainte-Anne", "m"),
    ("Hôpitaux de Saint-Maurice", "des Hôpitaux de Saint-Maurice", "m"),
    ("Conseil départemental", "du Conseil départemental", "m"),
    ("Conseil départemental du Nord", "du Conseil départemental du Nord", "m"),
    ("Département de la Gironde", "du Département de la Gironde", "m"),
    ("Région Grand Est", "de la Région Grand Est", "f"),
    ("Préfecture du Rhône", "de la Préfecture du Rhône", "f"),
    ("Sous-préfecture de Lorvey", "de la Sous-préfecture de Lorvey", "f"),
    ("DDETS du Loiret", "de la DDETS du Loiret", "f"),
    ("CPAM du Loiret", "de la CPAM du Loiret", "f"),
    ("Caisse primaire d'assurance maladie", "de la Caisse primaire d'assurance maladie", "f"),
    ("CAF de la Loire", "de la CAF de la Loire", "f"),
    ("Caisse d'allocations familiales", "de la Caisse d'allocations familiales", "f"),
    ("Éducation nationale", "de l'Éducation nationale", "f"),
    ("Collège Jean-Moulin", "du Collège Jean-Moulin", "m"),
    ("Lycée professionnel Arago", "du Lycée professionnel Arago", "m"),
    ("Rectorat de l'académie de Lyon", "du Rectorat de l'académie de Lyon", "m"),
    ("Police nationale", "de la Police nationale", "f"),
    ("Police municipale de Valmont", "de la Police municipale de Valmont", "f"),
    ("Commissariat de Valmont", "du Commissariat de Valmont", "m"),
    ("Gendarmerie nationale", "de la Gendarmerie nationale", "f"),
    ("Tribunal judiciaire de Blois", "du Tribunal judiciaire de Blois", "m"),
    ("PJJ", "de la PJJ", "f"),
    ("SPIP du Loiret", "du SPIP du Loiret", "m"),
    ("Mission locale", "de la Mission locale", "f"),
    ("Mission locale des jeunes du Val", "de la Mission locale des jeunes du Val", "f"),
    ("SIAO 45", "du SIAO 45", "m"),
    ("SAMSAH Les Cèdres", "du SAMSAH Les Cèdres", "m"),
    ("SAVS de Lorvey", "du SAVS de Lorvey", "m"),
    ("ESAT Les Ateliers du Val", "de l'ESAT Les Ateliers du Val", "m"),
    ("EHPAD Les Jardins", "de l'EHPAD Les Jardins", "m"),
    ("IME Les Tourelles", "de l'IME Les Tourelles", "m"),
    ("ITEP du Val", "de l'ITEP du Val", "m"),
    ("CSAPA Le Relais", "du CSAPA Le Relais", "m"),
    ("CAARUD Aides", "du CAARUD Aides", "m"),
    ("CHRS La Halte", "du CHRS La Halte", "m"),
    ("Office public de l'habitat", "de l'Office public de l'habitat", "m"),
    ("OPH de Valmont", "de l'OPH de Valmont", "m"),
    ("Bailleur Habitat Valmont", "du Bailleur Habitat Valmont", "m"),
    ("Habitat Valmont", "d'Habitat Valmont", "?"),
    ("Emmaüs", "d'Emmaüs", "?"),
    ("Croix-Rouge française", "de la Croix-Rouge française", "f"),
    ("Secours populaire", "du Secours populaire", "m"),
    ("Association Les Amis du GEM", "de l'Association Les Amis du GEM", "f"),
    ("Fédération Addiction", "de la Fédération Addiction", "f"),
    ("Fondation de l'Armée du salut", "de la Fondation de l'Armée du salut", "f"),
    ("Équipe mobile psychiatrie précarité", "de l'Équipe mobile psychiatrie précarité", "f"),
    ("EMPP du Val", "de l'EMPP du Val", "f"),
    ("PMI de Lorvey", "de la PMI de Lorvey", "f"),
    ("Clinique du Parc", "de la Clinique du Parc", "f"),
    ("CPTS du Val de Loire", "de la CPTS du Val de Loire", "f"),
    ("Contrat local de santé", "de Contrat local de santé", "?"),
    ("CLS de Valmont", "du CLS de Valmont", "m"),
    ("PTSM du Loiret", "du PTSM du Loiret", "m"),
    ("Université de Lille", "de l'Université de Lille", "f"),
    ("Halte de nuit", "de la Halte de nuit", "f"),
    ("HAS", "de la HAS", "f"),
    ("La Maison des familles", "de la Maison des familles", "f"),
    ("Le Relais Santé", "du Relais Santé", "m"),
    ("Les Hauts-de-Valmont", "des Hauts-de-Valmont", "m"),
    ("L'Escale", "de l'Escale", "m"),
    ("Claire Dumesnil, adjointe au maire", "de Claire Dumesnil, adjointe au maire", "?"),
    ("Dr Laurent Mercadier, psychiatre", "de Dr Laurent Mercadier, psychiatre", "?"),
    ("Mme Agnès Perrot", "de Mme Agnès Perrot", "?"),
    ("Agnès Perrot", "d'Agnès Perrot", "?"),
    ("Valmont-sur-Loire", "de Valmont-sur-Loire", "?"),
    ("Orléans", "d'Orléans", "?"),
]


def test_la_table_compte_au_moins_cent_noms() -> None:
    assert len(NOMS) >= 100
    assert len({n for n, _, _ in NOMS}) == len(NOMS)


@pytest.mark.parametrize(("nom", "attendu", "genre"), NOMS)
def test_de_et_genre(nom: str, attendu: str, genre: str) -> None:
    assert G.de(nom) == attendu
    assert G.genre(nom) == genre


@pytest.mark.parametrize(
    ("nom", "attendu"),
    [
        ("CCAS de Lorvey", "au CCAS de Lorvey"),
        ("ARS Grand Est", "à l'ARS Grand Est"),
        ("Ville de Valmont", "à la Ville de Valmont"),
        ("Hôpitaux de Saint-Maurice", "aux Hôpitaux de Saint-Maurice"),
        ("Emmaüs", "à Emmaüs"),
    ],
)
def test_a(nom: str, attendu: str) -> None:
    assert G.a(nom) == attendu


def test_par_et_accord() -> None:
    assert G.par("Élu à la santé") == "par l'élu à la santé"
    assert G.par("Pôle 5 de psychiatrie") == "par le Pôle 5 de psychiatrie"
    assert G.par("Centre hospitalier Les Tilleuls") == "par le Centre hospitalier Les Tilleuls"
    assert G.par("Claire Dumesnil") == "par Claire Dumesnil"
    assert G.accorder("représenté", "Ville de Lorvey") == "représentée"
    assert G.accorder("représenté", "ARS Grand Est") == "représentée"
    assert G.accorder("représenté", "Centre hospitalier") == "représenté"
    assert G.accorder("représenté", "Hôpitaux de Saint-Maurice") == "représentés"
    assert G.accorder("présidé", "Claire Dumesnil") == "présidé"


def test_l_article_explicite_gagne() -> None:
    assert G.de("Habitat Valmont", "l'") == "de l'Habitat Valmont"
    assert G.de("ARS Grand Est", "aucun") == "d'ARS Grand Est"
    assert G.de("Relais Santé", "le") == "du Relais Santé"
    assert G.accorder("représenté", "Relais", "la") == "représentée"
    assert G.avec_article("Escale", "l'") == "l'Escale"
    with pytest.raises(ValueError, match="article inconnu"):
        G.analyser("X", "un")


def test_comptes() -> None:
    assert G.compte(0, "réunion") == "aucune réunion"
    assert G.compte(0, "événement") == "aucun événement"
    assert G.compte(1, "décision") == "1 décision"
    assert G.compte(2, "décision") == "2 décisions"
    assert G.compte(3, "point de suivi") == "3 points de suivi"
    assert G.compte(1234, "participant") == "1\u202f234 participants"
    assert G.compte(None, "participant") == "nombre de participants non renseigné"
    assert (
        G.compte(0, "exemplaire original", "exemplaires originaux") == "aucun exemplaire original"
    )
    assert G.pluriel_de("journal") == "journaux"


@pytest.mark.parametrize(
    ("rubrique", "attendu"),
    [
        ("Population", "Population non renseignée"),
        ("Date de création", "Date de création non renseignée"),
        ("Période", "Période non renseignée"),
        ("Territoire", "Territoire non renseigné"),
        ("Lieu", "Lieu non renseigné"),
        ("Dates", "Dates non renseignées"),
        ("Structure porteuse", "Structure porteuse non renseignée"),
        ("Présidence", "Présidence non renseignée"),
    ],
)
def test_non_renseigne_s_accorde(rubrique: str, attendu: str) -> None:
    assert G.non_renseigne(rubrique) == attendu


@pytest.mark.parametrize(
    ("n", "mots"),
    [
        (0, "zéro"),
        (1, "un"),
        (16, "seize"),
        (17, "dix-sept"),
        (21, "vingt-et-un"),
        (71, "soixante-et-onze"),
        (72, "soixante-douze"),
        (80, "quatre-vingts"),
        (81, "quatre-vingt-un"),
        (91, "quatre-vingt-onze"),
        (100, "cent"),
        (200, "deux-cents"),
        (201, "deux-cent-un"),
        (1000, "mille"),
        (2026, "deux-mille-vingt-six"),
        (200_000, "deux-cent-mille"),
    ],
)
def test_en_lettres(n: int, mots: str) -> None:
    assert G.en_lettres(n) == mots


def test_en_lettres_feminin() -> None:
    assert G.en_lettres(1, feminin_=True) == "une"
    assert G.en_lettres(21, feminin_=True) == "vingt-et-une"


@pytest.mark.parametrize(
    ("debut", "fin", "attendu"),
    [
        ("2022-06-30", "2026-12-31", "quatre ans et six mois"),
        ("2024-01-01", "2027-12-31", "quatre ans"),
        ("2024-01-01", "2024-12-31", "un an"),
        ("2024-01-01", "2024-06-30", "six mois"),
        ("2023-03-15", "2026-03-14", "trois ans"),
        ("2023-03-15", "2026-03-13", "deux ans et onze mois"),
        ("2025-05-13", "2025-05-20", "moins d'un mois"),
    ],
)
def test_duree_en_mots(debut: str, fin: str, attendu: str) -> None:
    assert G.duree_en_mots(dt.date.fromisoformat(debut), dt.date.fromisoformat(fin)) == attendu


@pytest.mark.parametrize(
    "valeurs",
    [[1, 1, 1], [7, 5, 3, 2, 2, 1, 1], [33, 33, 34], [1, 2, 3, 4, 5, 6, 7], [12, 0, 5]],
)
def test_parts_somment_a_cent(valeurs: list[int]) -> None:
    parts = G.parts_arrondies([float(v) for v in valeurs])
    assert sum(parts) == 100
    for v, p in zip(valeurs, parts, strict=True):
        assert abs(p - 100 * v / sum(valeurs)) < 1


def test_parts_plus_forts_restes() -> None:
    assert G.parts_arrondies([1.0, 1.0, 1.0]) == [34, 33, 33]
    assert G.parts_arrondies([0.0, 0.0]) == [0, 0]
