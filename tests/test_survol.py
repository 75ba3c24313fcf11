"""stockage/survol.py: the regex scan that feeds shell completion, on awkward but valid TOML."""

from __future__ import annotations

import tomllib
from pathlib import Path

from clsm_cli.stockage import survol

PLAN = '''\
version_schema = "1.0"

[periode]
debut = 2025-01-01
id = "pas-un-axe"

[[axe]]
id = "acces"
intitule = "Accès aux soins"

[[action]]
id = 'litterale'
intitule = "Dit \\"entre guillemets\\" \\\\ fin"
objectif = """
[[axe]]
id = "dans-une-chaine-longue"
"""
  id2 = "x"

[[action.realisation]]
id = "pas-une-action"

[[action]]
  id   =   "indentee"   # commentaire
intitule = "Deuxième"

[[ axe ]]
id = "espaces-dans-l-entete"

[[action]]
intitule = "sans identifiant"

[[action]]
id = "acces"
'''


def test_blocs_et_cles(tmp_path: Path) -> None:
    assert len(tomllib.loads(PLAN)["action"]) == 4  # valid TOML, however awkward
    (tmp_path / "plan.toml").write_text(PLAN, encoding="utf-8")
    assert survol.axes(tmp_path) == [
        ("acces", "Accès aux soins"),
        ("espaces-dans-l-entete", None),
    ]
    assert survol.actions(tmp_path) == [
        ("litterale", 'Dit "entre guillemets" \\ fin'),
        ("indentee", "Deuxième"),
        ("acces", None),
    ]


def test_doublons_une_seule_fois(tmp_path: Path) -> None:
    (tmp_path / "groupes.toml").write_text(
        '[[groupe]]\nid = "a"\nnom = "Un"\n[[groupe]]\nid = "a"\nnom = "Deux"\n', encoding="utf-8"
    )
    assert survol.groupes(tmp_path) == [("a", "Un")]


def test_membre_sans_nom_decrit_par_sa_structure(tmp_path: Path) -> None:
    (tmp_path / "membres.toml").write_text(
        '[[membre]]\nid = "gem"\nstructure = "GEM L\'Envol"\n'
        '[[membre]]\nid = "ana"\nprenom = "Ana"\n',
        encoding="utf-8",
    )
    assert survol.membres(tmp_path) == [("gem", "GEM L'Envol"), ("ana", "Ana")]


def test_noms_de_fichiers(tmp_path: Path) -> None:
    for nom in (
        "2026-03-12-copil.toml",
        "2026-04-01-groupe-jeunes.toml",
        "notes.txt",
        ".2026-05-01-copil.toml.tmp",
        "2026-13.toml",
        "2026-05-02-Copil.toml",
    ):
        (tmp_path / "reunions").mkdir(exist_ok=True)
        (tmp_path / "reunions" / nom).write_text("", encoding="utf-8")
    for nom in ("2025.toml", "2026.toml", "brouillon.toml", "20261.toml"):
        (tmp_path / "sism").mkdir(exist_ok=True)
        (tmp_path / "sism" / nom).write_text("", encoding="utf-8")
    assert survol.reunions(tmp_path) == [
        ("2026-03-12-copil", None),
        ("2026-04-01-groupe-jeunes", None),
    ]
    assert survol.annees_sism(tmp_path) == [("2025", None), ("2026", None)]


def test_dossier_vide_ou_absent(tmp_path: Path) -> None:
    assert survol.membres(tmp_path) == []
    assert survol.reunions(tmp_path / "absent") == []
    (tmp_path / "membres.toml").mkdir()  # a directory where a file is expected
    assert survol.membres(tmp_path) == []
