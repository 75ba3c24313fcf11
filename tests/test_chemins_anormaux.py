"""No silent skip: a data file that is not a regular file is an error (E005), a stray file in a
data folder a warning (W304); each case with its exact message."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

NON_LU = (
    "et non un fichier : clsm ne peut pas le lire ; remplacez-le par le fichier de données attendu"
)


def _lignes(r: Result) -> list[str]:
    return r.stdout.splitlines()


@pytest.mark.parametrize(
    ("fabriquer", "attendu"),
    [
        pytest.param(
            lambda p: (p.unlink(), p.mkdir()),
            "c'est un dossier",
            id="dossier",
        ),
        pytest.param(
            lambda p: (p.unlink(), os.mkfifo(p)),
            "c'est un tube (FIFO)",
            id="fifo",
        ),
        pytest.param(
            lambda p: (p.unlink(), p.symlink_to(p.parent / "nulle-part.toml")),
            "c'est un lien symbolique cassé (sa cible n'existe pas)",
            id="lien-casse",
        ),
        pytest.param(
            lambda p: (p.unlink(), p.symlink_to(p)),
            "c'est un lien symbolique qui boucle sur lui-même",
            id="lien-en-boucle",
        ),
    ],
)
@pytest.mark.parametrize("fichier", ["membres.toml", "sism/2025.toml", "cellule/situations.toml"])
def test_fichier_de_donnees_anormal(
    demo: Path,
    clsm: Callable[..., Result],
    fichier: str,
    fabriquer: Callable[[Path], object],
    attendu: str,
) -> None:
    fabriquer(demo / fichier)
    r = clsm("-C", demo, "verifier")
    assert r.exit_code == 1
    assert f"{fichier}: {attendu} {NON_LU} (E005)" in _lignes(r)
    # the data it would hold is unknown, not empty: no cascade of dangling references
    assert [ligne for ligne in _lignes(r) if "(E201)" in ligne] == []
    if fichier != "membres.toml":
        return
    r = clsm("-C", demo, "bilan", "2025")  # no figure quietly leaves that data out
    assert r.exit_code == 1
    assert f"  {fichier}: {attendu} {NON_LU} (E005)" in r.stderr.splitlines()


def test_dossier_de_donnees_remplace_par_un_fichier(
    demo: Path, clsm: Callable[..., Result]
) -> None:
    import shutil

    shutil.rmtree(demo / "sism")
    (demo / "sism").write_text("pas un dossier", encoding="utf-8")
    r = clsm("-C", demo, "verifier")
    assert r.exit_code == 1
    assert f"sism: c'est un fichier {NON_LU} (E005)" in _lignes(r)


def test_fichiers_inattendus_signales(demo: Path, clsm: Callable[..., Result]) -> None:
    (demo / "reunions" / "x.txt").write_text("notes", encoding="utf-8")
    (demo / "sism" / "photos").mkdir()
    (demo / "cellule" / "Dupont Jean.txt").write_text("?", encoding="utf-8")
    (demo / "cellule" / "seances" / "martin.docx").write_bytes(b"?")
    r = clsm("-C", demo, "verifier")
    assert r.exit_code == 0
    assert _lignes(r) == [
        "cellule/: la cellule contient un fichier ou dossier que clsm ne gère pas (son nom "
        "n'est pas affiché) ; clsm l'ignore : rangez-le ailleurs (W304)",
        "reunions/x.txt: fichier inattendu : clsm l'ignore (seuls les fichiers .toml de ce "
        "dossier sont lus) (W304)",
        "sism/photos: dossier inattendu : clsm l'ignore (seuls les fichiers .toml de ce dossier "
        "sont lus) (W304)",
        "0 erreur(s), 3 avertissement(s).",
    ]
    assert "Dupont" not in r.output and "martin" not in r.output
    assert clsm("-C", demo, "verifier", "--strict").exit_code == 1


def test_fichier_inattendu_vu_malgre_le_cache(demo: Path, clsm: Callable[..., Result]) -> None:
    """A stray file added after a cached verification is still reported."""
    assert clsm("-C", demo, "verifier").output == "✓ Aucun problème.\n"
    (demo / "reunions" / "compte-rendu.odt").write_bytes(b"?")
    assert _lignes(clsm("-C", demo, "verifier"))[0].startswith("reunions/compte-rendu.odt: ")


def test_les_caches_et_temporaires_ne_sont_pas_inattendus(
    demo: Path, clsm: Callable[..., Result]
) -> None:
    clsm("-C", demo, "etat")  # writes .clsm/cache and cellule/.cache
    assert (demo / "cellule" / ".cache").is_dir()
    (demo / "reunions" / ".2025-01-28-copil.toml.abc.tmp").write_text("", encoding="utf-8")
    assert clsm("-C", demo, "verifier").output == "✓ Aucun problème.\n"


# --- a file swapped between the listing and the reading ---------------------------------------


def test_un_tube_mis_a_la_place_d_un_fichier_au_moment_de_lire_ne_bloque_pas(
    tmp_path: Path,
) -> None:
    # The listing saw a regular file; a FIFO took its place before it was read. Opening a FIFO
    # waits for a writer: clsm must neither wait forever nor read it as data.
    import threading

    from clsm_cli.stockage.lecture import lire_octets

    os.mkfifo(tmp_path / "membres.toml")
    resultat: list[object] = []
    fil = threading.Thread(
        target=lambda: resultat.append(lire_octets(tmp_path, "membres.toml")), daemon=True
    )
    fil.start()
    fil.join(10)
    assert not fil.is_alive(), "lire_octets attend un écrivain sur le tube"
    brut, lu = resultat[0]  # type: ignore[misc]
    assert brut is None
    assert [(p.code, p.message) for p in lu.problemes] == [
        ("E002", "lecture impossible (ce n'est pas un fichier ordinaire)")
    ]


def test_la_signature_est_celle_des_octets_lus(tmp_path: Path) -> None:
    from clsm_cli.stockage.lecture import lire_octets

    fichier = tmp_path / "plan.toml"
    fichier.write_bytes(b'version_schema = "1.0"\n' * 50_000)  # more than one read's worth
    brut, lu = lire_octets(tmp_path, "plan.toml")
    etat = fichier.stat()
    assert brut == fichier.read_bytes()
    assert lu.signature == (etat.st_mtime_ns, etat.st_size, etat.st_ino)
    assert lu.problemes == []
    assert lire_octets(tmp_path, "absent.toml")[1].problemes[0].code == "E002"
