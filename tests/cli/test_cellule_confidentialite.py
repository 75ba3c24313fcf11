"""The personal-data guard at the cellule's doors: the commands refuse each kind of data, and
``clsm verifier`` finds it anywhere in a cellule file (values, key names, comments, archives),
naming the file, the line and the kind, never the text.

Tests run on 2026-11-26 (CLSM_AUJOURDHUI, conftest).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from clsm_cli.cellule.confidentialite import (
    ADRESSE,
    COURRIEL,
    DATE_NAISSANCE,
    NIR,
    NOM,
    TELEPHONE,
    DonneePersonnelle,
)
from clsm_cli.cellule.controles import commentaires

from ..instantane import instantane

ENTETE = 'version_schema = "1.0"\n'
MEMBRES = ENTETE + (
    '\n[[membre]]\nid = "as-ccas"\nstructure = "CCAS de Testville"\n'
    'fonction = "Assistante sociale"\ncollege = "social_medico_social"\n'
)
SITUATION = (
    ENTETE
    + "\n[[situation]]\n"
    + 'code = "S-2026-001"\n'
    + "date_saisine = 2026-01-15\n"
    + 'origine = "bailleur social"\n'
    + 'commune = "Testville"\n'
    + 'referent = "as-ccas"\n'
)
AJOUT = [
    "--date-saisine",
    "2026-03-02",
    "--tranche-age",
    "40_59",
    "--problematique",
    "logement",
    "--commune",
    "Testville",
    "--referent",
    "as-ccas",
]

# one realistic form of each kind, as a social worker would type it
FORMES: list[tuple[str, DonneePersonnelle]] = [
    ("sécu 1 85 05 78 006 084", NIR),
    ("joignable au 06/12/34/56/78", TELEPHONE),
    ("jean.dupont arobase gmail.com", COURRIEL),
    ("née le 03/03/75", DATE_NAISSANCE),
    ("habite au 12 de la rue Victor Hugo", ADRESSE),
    ("signalée par J.-P. Martin", NOM),
]


def ecrire(dossier: Path, chemin: str, texte: str) -> None:
    cible = dossier / chemin
    cible.parent.mkdir(parents=True, exist_ok=True)
    cible.write_text(texte, encoding="utf-8")
    if chemin.startswith("cellule/"):
        cible.chmod(0o600)


def hors_liste(ou: str, champ: str) -> str:
    """The W310 line of a cellule text outside the closed list of ``champ``."""
    return (
        f"{ou}: texte hors de la liste fermée des {champ} : il compte comme « autre » dans les "
        "statistiques ; classez-le avec « clsm cellule migrer » (W310)"
    )


def refus(champ: str, donnee: DonneePersonnelle) -> str:
    conseil = donnee.conseil[0].upper() + donnee.conseil[1:] + "."
    return (
        f"Erreur : Refusé : le champ « {champ} » semble contenir {donnee.nature}, ce qui est "
        f"interdit dans la cellule de cas complexes (secret professionnel). {conseil} Rien "
        "n'a été écrit.\n"
    )


def signalement(lieu: str, donnee: DonneePersonnelle, ou: str = "ici") -> str:
    return (
        f"{lieu} {donnee.nature} semble figurer {ou}, ce qui est interdit dans la cellule ; "
        f"{donnee.conseil} (E401)"
    )


@pytest.fixture
def dossier(projet: Path) -> Path:
    ecrire(projet, "membres.toml", MEMBRES)
    return projet


@pytest.fixture
def cellule(clsm: Callable[..., Result], dossier: Path) -> Callable[..., Result]:
    return lambda *args: clsm("-C", dossier, "cellule", *args)


@pytest.fixture
def verifier(clsm: Callable[..., Result], dossier: Path) -> Callable[[], Result]:
    return lambda: clsm("-C", dossier, "verifier")


# --- the commands refuse each kind ---------------------------------------------------------------


@pytest.mark.parametrize(("texte", "donnee"), FORMES)
def test_ajouter_refuse(
    dossier: Path, cellule: Callable[..., Result], texte: str, donnee: DonneePersonnelle
) -> None:
    avant = instantane(dossier)
    r = cellule("situation", "ajouter", *AJOUT, "--origine", texte)
    assert (r.exit_code, r.stderr) == (2, refus("origine", donnee))
    assert texte not in r.output
    assert instantane(dossier) == avant


@pytest.mark.parametrize(("texte", "donnee"), FORMES)
def test_modifier_refuse(
    dossier: Path, cellule: Callable[..., Result], texte: str, donnee: DonneePersonnelle
) -> None:
    ecrire(dossier, "cellule/situations.toml", SITUATION)
    avant = instantane(dossier)
    r = cellule("situation", "modifier", "S-2026-001", "--issue", texte)
    assert (r.exit_code, r.stderr) == (2, refus("issue", donnee))
    assert texte not in r.output
    assert instantane(dossier) == avant


@pytest.mark.parametrize(("texte", "donnee"), FORMES)
def test_seance_refuse(
    dossier: Path, cellule: Callable[..., Result], texte: str, donnee: DonneePersonnelle
) -> None:
    ecrire(dossier, "cellule/situations.toml", SITUATION)
    avant = instantane(dossier)
    r = cellule("seance", "ajouter", "--date", "2026-02-09", "--situation", f"S-2026-001:{texte}")
    assert (r.exit_code, r.stderr) == (2, refus("orientation", donnee))
    assert texte not in r.output
    assert instantane(dossier) == avant


# --- verifier: values, comments, key names, archives ---------------------------------------------


@pytest.mark.parametrize(("texte", "donnee"), FORMES)
def test_verifier_valeur(
    dossier: Path, verifier: Callable[[], Result], texte: str, donnee: DonneePersonnelle
) -> None:
    ecrire(dossier, "cellule/situations.toml", SITUATION + f'issue = "{texte}"\n')
    r = verifier()
    assert r.exit_code == 1
    assert r.stdout.splitlines() == [
        signalement("cellule/situations.toml:9: issue:", donnee),
        "1 erreur(s), 0 avertissement(s).",
    ]
    assert texte not in r.output


@pytest.mark.parametrize(("texte", "donnee"), FORMES)
def test_verifier_commentaire(
    dossier: Path, verifier: Callable[[], Result], texte: str, donnee: DonneePersonnelle
) -> None:
    ecrire(
        dossier,
        "cellule/situations.toml",
        "# Situations de la cellule\n"
        + SITUATION.replace('"bailleur social"\n', f'"bailleur social"  # {texte}\n'),
    )
    r = verifier()
    assert r.stdout.splitlines() == [
        signalement("cellule/situations.toml:7:", donnee, "dans un commentaire"),
        "1 erreur(s), 0 avertissement(s).",
    ]
    assert texte not in r.output


def test_verifier_seance_commentaire_et_orientation(
    dossier: Path, verifier: Callable[[], Result]
) -> None:
    ecrire(dossier, "cellule/situations.toml", SITUATION)
    ecrire(
        dossier,
        "cellule/seances/2026-02-09.toml",
        ENTETE + "date = 2026-02-09\n"
        "# rappeler la sœur au 06 12 34 56 78\n"
        '\n[[examen]]\ncode = "S-2026-001"\norientation = "relogée 4 impasse des Roses"\n',
    )
    r = verifier()
    assert r.stdout.splitlines() == [
        signalement("cellule/seances/2026-02-09.toml:3:", TELEPHONE, "dans un commentaire"),
        signalement("cellule/seances/2026-02-09.toml:7: orientation:", ADRESSE),
        hors_liste("cellule/seances/2026-02-09.toml:7: orientation", "orientations"),
        "2 erreur(s), 1 avertissement(s).",
    ]


ARCHIVES = (
    ENTETE
    + 'codes_utilises = ["S-2024-001", "S-2024-002"]\n'
    + "\n[[annee]]\n"
    + "annee = 2024\n"
    + "situations_ouvertes = 2\n"
    + 'origines = { "Jean Dupont" = 1, "CCAS" = 1 }\n'
    + "\n[annee.communes]\n"
    + '"12 rue des Lilas" = 1\n'
    + "Testville = 1\n"
)


def test_verifier_archives_cles(dossier: Path, verifier: Callable[[], Result]) -> None:
    """Purged counts are keyed by free text: the key names are checked, never echoed."""
    ecrire(dossier, "cellule/archives.toml", ARCHIVES)
    r = verifier()
    assert r.stdout.splitlines() == [
        signalement("cellule/archives.toml:7: origines:", NOM, "dans un nom de clé"),
        hors_liste("cellule/archives.toml:7: origines", "origines"),
        hors_liste("cellule/archives.toml:9: communes", "communes"),
        signalement("cellule/archives.toml:10: communes:", ADRESSE, "dans un nom de clé"),
        "2 erreur(s), 2 avertissement(s).",
    ]
    assert "Dupont" not in r.output
    assert "Lilas" not in r.output


def test_verifier_archives_commentaire(dossier: Path, verifier: Callable[[], Result]) -> None:
    archives = ARCHIVES.replace('"Jean Dupont"', '"CMP"').replace('"12 rue des Lilas"', "Autre")
    ecrire(dossier, "cellule/archives.toml", "# purge demandée par M. Dupont\n" + archives)
    r = verifier()
    assert r.stdout.splitlines() == [
        signalement("cellule/archives.toml:1:", NOM, "dans un commentaire"),
        hors_liste("cellule/archives.toml:8: origines", "origines"),
        "1 erreur(s), 1 avertissement(s).",
    ]


def test_cle_inconnue_sans_echo(dossier: Path, verifier: Callable[[], Result]) -> None:
    """An unknown key under cellule/ is named « clé inconnue », without the key or a
    suggestion; if the key itself looks like personal data, E401 says so, again without it."""
    ecrire(
        dossier,
        "cellule/situations.toml",
        SITUATION + '"Jean Dupont" = "voisin"\nreferant = "as-ccas"\n',
    )
    r = verifier()
    assert r.stdout.splitlines() == [
        "cellule/situations.toml:9: clé inconnue (E101)",
        signalement("cellule/situations.toml:9:", NOM, "dans un nom de clé"),
        "cellule/situations.toml:10: clé inconnue (E101)",
        "3 erreur(s), 0 avertissement(s).",
    ]
    assert "Dupont" not in r.output
    assert "referant" not in r.output
    # a table where a text is expected: the value is masked, the key is checked
    ecrire(
        dossier,
        "cellule/situations.toml",
        SITUATION.replace('"bailleur social"', '{ "Jean Dupont" = 1 }'),
    )
    r = verifier()
    assert r.stdout.splitlines() == [
        "cellule/situations.toml:6: origine: texte attendu (entre guillemets), reçu (valeur "
        "masquée) (E104)",
        signalement("cellule/situations.toml:6: origine:", NOM, "dans un nom de clé"),
        "2 erreur(s), 0 avertissement(s).",
    ]


def test_cle_inconnue_ailleurs_garde_sa_suggestion(
    dossier: Path, verifier: Callable[[], Result]
) -> None:
    ecrire(dossier, "membres.toml", MEMBRES + 'colege = "x"\n')
    r = verifier()
    assert "clé inconnue « colege » (vouliez-vous dire « college » ?)" in r.stdout


def test_fichier_illisible_commentaires_verifies(
    dossier: Path, verifier: Callable[[], Result]
) -> None:
    ecrire(
        dossier,
        "cellule/situations.toml",
        SITUATION + "# voir Mme Durand\nissue = \n",
    )
    r = verifier()
    lignes = r.stdout.splitlines()
    assert signalement("cellule/situations.toml:9:", NOM, "dans un commentaire") in lignes
    assert "Durand" not in r.output


def test_demo_sans_signalement(demo: Path, clsm: Callable[..., Result]) -> None:
    r = clsm("-C", demo, "verifier")
    assert (r.exit_code, r.output) == (0, "✓ Aucun problème.\n")


# --- the comment reader --------------------------------------------------------------------------


def test_commentaires_hors_des_chaines() -> None:
    texte = (
        "# un\n"
        'a = "pas # un commentaire"  # deux\n'
        "b = 'ni # celui-ci'\n"
        'c = """\n# toujours dans la chaîne\n"""  # trois\n'
        "d = '''\n# encore la chaîne\n'''\n"
        'e = "guillemet \\" # échappé"# quatre\n'
    )
    assert list(commentaires(texte)) == [
        (1, " un"),
        (2, " deux"),
        (6, " trois"),
        (10, " quatre"),
    ]
    assert list(commentaires('a = "sans commentaire"\n')) == []
