"""The writing layer: atomic writes, refusals that leave files byte-identical, comments kept."""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

import pytest
import tomlkit

from clsm_cli import Projet
from clsm_cli.modeles.erreurs import ErreurValidation
from clsm_cli.stockage.ecriture import (
    Edition,
    ajouter_enregistrement,
    ecrire_atomique,
    modifier_champs,
    nettoyer_temporaires,
    texte_nouveau,
    trouver_enregistrement,
)

from .droits import assert_dossier_prive
from .instantane import instantane


def temporaires(dossier: Path) -> list[str]:
    return sorted(p.name for p in dossier.rglob(".*.tmp"))


# --- ecrire_atomique -----------------------------------------------------------------------


def test_ecriture_atomique_remplace_et_garde_les_droits(tmp_path: Path) -> None:
    cible = tmp_path / "f.toml"
    cible.write_text("ancien\n", encoding="utf-8")
    cible.chmod(0o640)
    ecrire_atomique(cible, "nouveau\n")
    assert cible.read_text(encoding="utf-8") == "nouveau\n"
    assert stat.S_IMODE(cible.stat().st_mode) == 0o640
    ecrire_atomique(cible, b"octets\n", mode=0o600)
    assert cible.read_bytes() == b"octets\n"
    assert stat.S_IMODE(cible.stat().st_mode) == 0o600
    assert temporaires(tmp_path) == []


@pytest.mark.parametrize("etape", ["fsync", "replace"])
def test_ecriture_interrompue_laisse_l_ancien_fichier(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, etape: str
) -> None:
    cible = tmp_path / "f.toml"
    cible.write_text("ancien\n", encoding="utf-8")

    def panne(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, etape, panne)
    with pytest.raises(OSError):
        ecrire_atomique(cible, "nouveau\n" * 1000)
    monkeypatch.undo()
    assert cible.read_text(encoding="utf-8") == "ancien\n"
    assert temporaires(tmp_path) == []


def test_nettoyer_temporaires(projet: Path) -> None:
    restes = [
        projet / ".membres.toml.abc123.tmp",
        projet / "cellule/.situations.toml.x1.tmp",
        projet / "reunions/.2026-03-12-copil.toml.y2.tmp",
    ]
    autres = [projet / ".bilan-2025.docx.z3.tmp", projet / "membres.tmp"]
    for p in restes + autres:
        p.write_text("à moitié", encoding="utf-8")
    assert sorted(nettoyer_temporaires(projet)) == sorted(restes)
    assert [p.exists() for p in restes + autres] == [False, False, False, True, True]


def test_edition_nettoie_les_temporaires_d_un_processus_tue(projet: Path) -> None:
    reste = projet / ".membres.toml.abc123.tmp"
    reste.write_text('version_schema = "1.0"\n[[membre', encoding="utf-8")
    with Projet.ouvrir(projet).edition():
        pass
    assert not reste.exists()


# --- Edition -------------------------------------------------------------------------------

MEMBRES = """\
#:schema .clsm/schemas/membres.schema.json
# Membres du CLSM — tenu à la main depuis 2024.
version_schema = "1.0"

# --- élus ---
[[membre]]
id = "dupont-marie"   # présidente
nom = "Dupont"
prenom = "Marie"
college = "elus"
# mandat jusqu'en 2026

# --- psychiatrie ---
[[membre]]
id = "martin-paul"
nom = "Martin"
college = "psychiatrie"

# fin du fichier
"""


def test_refus_laisse_les_fichiers_identiques(projet: Path) -> None:
    (projet / "membres.toml").write_text(MEMBRES, encoding="utf-8")
    avant = instantane(projet)
    with pytest.raises(ErreurValidation) as erreur, Projet.ouvrir(projet).edition() as ed:
        doc = ed.document("membres.toml")
        ajouter_enregistrement(doc, "membre", {"id": "x", "nom": "X", "college": "astro"})
        modifier_champs(
            trouver_enregistrement(doc, "membre", "id", "martin-paul")[1], {"prenom": "Paul"}
        )
        ed.creer("groupes.toml", {"groupe": [{"id": "g", "nom": "G", "pilote": "personne"}]})
    # references are not checked against an invalid membres.toml (no cascade of errors)
    assert [str(p) for p in erreur.value.problemes] == [
        "membres.toml:23: college: valeur inconnue « astro » (valeurs possibles : elus, "
        "psychiatrie, usagers, aidants, sante, social_medico_social, logement, education, "
        "securite_justice, institutions, associations, autres) (E103)",
    ]
    assert instantane(projet) == avant
    with pytest.raises(ErreurValidation) as erreur, Projet.ouvrir(projet).edition() as ed:
        modifier_champs(
            trouver_enregistrement(ed.document("membres.toml"), "membre", "id", "martin-paul")[1],
            {"prenom": "Paul"},
        )
        ed.creer("groupes.toml", {"groupe": [{"id": "g", "nom": "G", "pilote": "personne"}]})
    assert [str(p) for p in erreur.value.problemes] == [
        "groupes.toml:7: pilote: membre inconnu « personne » (absent de membres.toml) (E201)",
    ]
    assert instantane(projet) == avant
    assert temporaires(projet) == []


def test_exception_dans_le_bloc_n_ecrit_rien(projet: Path) -> None:
    avant = instantane(projet)
    with pytest.raises(RuntimeError), Projet.ouvrir(projet).edition() as ed:
        ed.creer("groupes.toml", {"groupe": [{"id": "g", "nom": "G"}]})
        raise RuntimeError("interrompu")
    assert instantane(projet) == avant


def test_les_commentaires_survivent(projet: Path) -> None:
    (projet / "membres.toml").write_text(MEMBRES, encoding="utf-8")
    with Projet.ouvrir(projet).edition() as ed:
        doc = ed.document("membres.toml")
        _, marie = trouver_enregistrement(doc, "membre", "id", "dupont-marie")
        modifier_champs(marie, {"structure": "Mairie", "prenom": None})
        ajouter_enregistrement(
            doc, "membre", {"id": "durand-luc", "nom": "Durand", "college": "usagers"}
        )
    texte = (projet / "membres.toml").read_text(encoding="utf-8")
    assert texte == (
        "#:schema .clsm/schemas/membres.schema.json\n"
        "# Membres du CLSM — tenu à la main depuis 2024.\n"
        'version_schema = "1.0"\n'
        "\n"
        "# --- élus ---\n"
        "[[membre]]\n"
        'id = "dupont-marie"   # présidente\n'
        'nom = "Dupont"\n'
        'college = "elus"\n'
        'structure = "Mairie"\n'
        "# mandat jusqu'en 2026\n"
        "\n"
        "# --- psychiatrie ---\n"
        "[[membre]]\n"
        'id = "martin-paul"\n'
        'nom = "Martin"\n'
        'college = "psychiatrie"\n'
        "\n"
        "[[membre]]\n"
        'id = "durand-luc"\n'
        'nom = "Durand"\n'
        'college = "usagers"\n'
        "\n"
        "# fin du fichier\n"
    )
    # read back, unchanged by a second round trip through tomlkit
    assert tomlkit.dumps(tomlkit.parse(texte)) == texte


def test_document_non_modifie_non_reecrit(projet: Path) -> None:
    (projet / "membres.toml").write_text(MEMBRES, encoding="utf-8")
    os.utime(projet / "membres.toml", ns=(1_000_000_000, 1_000_000_000))
    with Projet.ouvrir(projet).edition() as ed:
        ed.document("membres.toml")
    assert (projet / "membres.toml").stat().st_mtime_ns == 1_000_000_000


def test_enregistrements_ajoutes_a_un_nouveau_tableau(projet: Path) -> None:
    """Several records appended to an array tomlkit built are separated by one blank line."""
    doc = tomlkit.parse(texte_nouveau("groupes.toml", {}))
    for i in range(3):
        ajouter_enregistrement(doc, "groupe", {"id": f"g{i}", "nom": f"G{i}"})
    assert tomlkit.dumps(doc) == (
        "#:schema .clsm/schemas/groupes.schema.json\n"
        'version_schema = "1.0"\n'
        "\n"
        '[[groupe]]\nid = "g0"\nnom = "G0"\n'
        "\n"
        '[[groupe]]\nid = "g1"\nnom = "G1"\n'
        "\n"
        '[[groupe]]\nid = "g2"\nnom = "G2"\n'
    )


def test_droits_de_la_cellule(projet: Path) -> None:
    (projet / "cellule").chmod(0o755)
    with Edition(Projet.ouvrir(projet)) as ed:
        ed.creer("cellule/seances/2026-03-12.toml", {"date": dt.date(2026, 3, 12)})
    assert stat.S_IMODE((projet / "cellule/seances/2026-03-12.toml").stat().st_mode) == 0o600
    assert_dossier_prive(projet / "cellule/seances")
    assert_dossier_prive(projet / "cellule", avant=0o755)
