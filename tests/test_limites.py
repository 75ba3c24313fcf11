"""Sane limits: files above 20 MB or 100,000 records are refused with a message (the big one
without being read), and every listing that leaves clsm as CSV is safe for a spreadsheet."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from clsm_cli.cli.sortie import Sortie, en_csv
from clsm_cli.stockage import lecture

ENTETE = 'version_schema = "1.0"\n'


def empreinte(chemin: Path) -> str:
    return hashlib.sha256(chemin.read_bytes()).hexdigest()


def fichier_enorme(chemin: Path, taille: int) -> None:
    """A sparse file of ``taille`` bytes starting like a valid TOML file."""
    with open(chemin, "wb") as f:
        f.write(ENTETE.encode())
        f.truncate(taille)


@pytest.mark.parametrize("chemin", ["membres.toml", "cellule/seances/2026-03-12.toml"])
def test_fichier_de_plus_de_20_mo_refuse_sans_etre_lu(
    projet: Path, clsm: Callable[..., Result], monkeypatch: pytest.MonkeyPatch, chemin: str
) -> None:
    cible = projet / chemin
    cible.parent.mkdir(parents=True, exist_ok=True)
    fichier_enorme(cible, 21 * 1024 * 1024)
    cible.chmod(0o600)
    avant = empreinte(cible)
    lus: list[str] = []
    lire_octets = Path.read_bytes
    lire_texte = Path.read_text

    def espion_octets(self: Path) -> bytes:
        lus.append(self.name)
        return lire_octets(self)

    def espion_texte(self: Path, *args: object, **kwargs: object) -> str:
        lus.append(self.name)
        return lire_texte(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "read_bytes", espion_octets)
    monkeypatch.setattr(Path, "read_text", espion_texte)
    r = clsm("-C", projet, "verifier")
    assert (r.exit_code, r.stdout) == (
        1,
        f"{chemin}: fichier trop volumineux (21 Mo, maximum 20 Mo) (E004)\n"
        "1 erreur(s), 0 avertissement(s).\n",
    )
    r = clsm("-C", projet, "membres", "ajouter", "--nom", "Durand", "--college", "elus")
    assert r.exit_code == 1
    assert r.stderr == (
        "Erreur : Le dossier contient 1 erreur(s) ; corrigez-les (voir « clsm verifier ») "
        f"avant de continuer.\n  {chemin}: fichier trop volumineux (21 Mo, maximum 20 Mo) "
        "(E004)\n"
    )
    assert cible.name not in lus
    monkeypatch.undo()
    assert empreinte(cible) == avant


def membres(n: int) -> str:
    return ENTETE + "".join(
        f'[[membre]]\nid = "m{i}"\nnom = "N"\ncollege = "elus"\n' for i in range(n)
    )


def test_trop_d_enregistrements(
    projet: Path, clsm: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The record limit, lowered to 100 for speed (the slow test uses the real 100,000)."""
    monkeypatch.setattr(lecture, "ENREGISTREMENTS_MAX", 100)
    (projet / "membres.toml").write_text(membres(100), encoding="utf-8")
    assert clsm("-C", projet, "verifier").exit_code == 0
    (projet / "membres.toml").write_text(membres(101), encoding="utf-8")
    (projet / "plan.toml").write_text(
        ENTETE + '[[axe]]\nid = "a"\nintitule = "A"\n\n[[action]]\nid = "x"\naxe = "a"\n'
        'intitule = "X"\ntype = "autre"\n'
        + "".join(
            f'[[action.realisation]]\ndate = 2026-01-01\nlibelle = "R{i}"\n' for i in range(100)
        ),
        encoding="utf-8",
    )
    r = clsm("-C", projet, "verifier")
    assert (r.exit_code, r.stdout) == (
        1,
        "membres.toml: trop d'enregistrements (101, maximum 100) : découpez ce fichier (E004)\n"
        "plan.toml: trop d'enregistrements (102, maximum 100) : découpez ce fichier (E004)\n"
        "2 erreur(s), 0 avertissement(s).\n",
    )


@pytest.mark.slow
def test_plus_de_100_000_enregistrements(projet: Path, clsm: Callable[..., Result]) -> None:
    (projet / "membres.toml").write_text(membres(100_001), encoding="utf-8")
    avant = empreinte(projet / "membres.toml")
    r = clsm("-C", projet, "verifier")
    assert (r.exit_code, r.stdout) == (
        1,
        "membres.toml: trop d'enregistrements (100001, maximum 100000) : découpez ce fichier "
        "(E004)\n1 erreur(s), 0 avertissement(s).\n",
    )
    r = clsm("-C", projet, "membres", "ajouter", "--nom", "Durand", "--college", "elus")
    assert r.exit_code == 1
    assert empreinte(projet / "membres.toml") == avant


# --- listings leaving clsm as CSV ----------------------------------------------------------

DANGEREUX = [
    "=1+1",
    "+33 1 99 00 00 00",
    "-2",
    "@SUM(A1)",
    "\tcache",
    "\rretour",
    '=HYPERLINK("http://x","clic")',
    "=cmd|' /C calc'!A0",
    "son\x07nerie\x00",
    "normal",
]


def test_csv_neutralise_formules_et_controles() -> None:
    texte = en_csv(["Nom", "=Titre"], [[v, 3] for v in DANGEREUX], separateur=";")
    assert texte.startswith("\ufeffNom;'=Titre\r\n")
    lignes = texte[1:].split("\r\n")
    assert lignes[1:-1] == [
        "'=1+1;3",
        "'+33 1 99 00 00 00;3",
        "'-2;3",
        "'@SUM(A1);3",
        "'\tcache;3",
        '"\'\rretour";3',
        '"\'=HYPERLINK(""http://x"",""clic"")";3',
        "'=cmd|' /C calc'!A0;3",
        "sonnerie;3",
        "normal;3",
    ]


def test_les_listes_en_csv_passent_par_en_csv(capsys: pytest.CaptureFixture[str]) -> None:
    """``Sortie.tableau`` (every listing of every command) writes exactly what en_csv makes."""
    Sortie("csv", ";").tableau(["Commune"], [[v] for v in DANGEREUX])
    assert capsys.readouterr().out == en_csv(["Commune"], [[v] for v in DANGEREUX], ";")


def test_statistiques_csv_neutralisees(projet: Path, clsm: Callable[..., Result]) -> None:
    (projet / "membres.toml").write_text(
        ENTETE + '[[membre]]\nid = "as"\nstructure = "CCAS"\ncollege = "elus"\n', encoding="utf-8"
    )
    # labels of the closed lists come from clsm.toml: a formula there is neutralised too
    clsm_toml = projet / "clsm.toml"
    clsm_toml.write_text(
        clsm_toml.read_text(encoding="utf-8").replace(
            "seuil_masquage = 11",
            'seuil_masquage = 11\norigines = ["@orig"]\ncommunes = ["=1+1", "-x", "+y"]',
        ),
        encoding="utf-8",
    )
    (projet / "cellule/situations.toml").write_text(
        ENTETE
        + "".join(
            f'[[situation]]\ncode = "S-2026-{i:03d}"\ndate_saisine = 2026-01-0{i}\n'
            f'commune = "{c}"\norigine = "@orig"\n'
            for i, c in enumerate(["=1+1", "-x", "+y"], start=1)
        ),
        encoding="utf-8",
    )
    r = clsm("-C", projet, "--format", "csv", "cellule", "statistiques", "2026")
    lignes = r.stdout_bytes.decode("utf-8").split("\r\n")
    assert "Origine de la saisine,'@orig,masqué" in lignes
    assert [ligne for ligne in lignes if ligne.startswith("Commune ou quartier,")] == [
        "Commune ou quartier,Testville,masqué",  # the territoire, until communes are listed
        "Commune ou quartier,'=1+1,masqué",
        "Commune ou quartier,'-x,masqué",
        "Commune ou quartier,'+y,masqué",
        "Commune ou quartier,autre,masqué",
        "Commune ou quartier,Non précisée,masqué",
    ]


# --- 64-bit integers (TOML 1.0) ------------------------------------------------------------

TROP_GRAND = (
    "nombre trop grand : le format TOML n'accepte pas d'entier au-delà de 9 223 372 036 854 775 807"
)


@pytest.mark.parametrize("valeur", ["99999999999999999999999", "1e99", "9223372036854775808"])
def test_entier_hors_toml_refuse_en_ligne_de_commande(
    demo: Path, clsm: Callable[..., Result], valeur: str
) -> None:
    from .instantane import instantane

    avant = instantane(demo)
    r = clsm("-C", demo, "identite", "modifier", "--population", valeur)
    assert r.exit_code == 2
    assert r.stderr == f"Erreur : Valeur refusée : --population : {TROP_GRAND}.\n"
    if "e" in valeur:  # not an integer for --participants: refused by the option itself
        return
    r = clsm(
        "-C", demo, "plan", "realisation", "ajouter", "guide-ressources",
        "--date", "2025-05-05", "--libelle", "Test", "--participants", valeur,
    )  # fmt: skip
    assert r.exit_code == 2
    assert r.stderr == (
        f"Erreur : Valeur refusée : participants (--participants) : {TROP_GRAND}.\n"
    )
    assert instantane(demo) == avant


def test_entier_hors_toml_signale_par_verifier(demo: Path, clsm: Callable[..., Result]) -> None:
    texte = (demo / "clsm.toml").read_text(encoding="utf-8")
    (demo / "clsm.toml").write_text(
        texte.replace("population = 48200", "population = 99999999999999999999999"),
        encoding="utf-8",
    )
    r = clsm("-C", demo, "verifier")
    assert r.exit_code == 1
    assert r.stdout.splitlines() == [
        f"clsm.toml:8: population: {TROP_GRAND} (E105)",
        "1 erreur(s), 0 avertissement(s).",
    ]
    (demo / "clsm.toml").write_text(
        texte.replace("population = 48200", "population = 9223372036854775807"), encoding="utf-8"
    )
    assert clsm("-C", demo, "verifier").output == "✓ Aucun problème.\n"
