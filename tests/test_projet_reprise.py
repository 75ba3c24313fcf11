"""Loading a folder: Projet.ouvrir(base=…) re-reads only the files changed since the project
was loaded (and still sees every change made on disk), and a big folder read on two processors
gives exactly what a sequential read gives."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from clsm_cli.modeles.erreurs import ErreurValidation
from clsm_cli.noyau.projet import Projet

MEMBRE = '\n[[membre]]\nid = "{id}"\nstructure = "CCAS"\ncollege = "{college}"\n'


def test_fichiers_inchanges_repris(projet: Path) -> None:
    p = Projet.ouvrir(projet)
    with p.edition() as ed:
        ed.document("groupes.toml")["groupe"] = [{"id": "gt-a", "nom": "A"}]
    assert ed.apres is not None
    assert ed.apres.fichiers["membres.toml"] is p.fichiers["membres.toml"]
    assert ed.apres.fichiers["groupes.toml"] is not p.fichiers["groupes.toml"]
    assert [g.id for g in ed.apres.groupes] == ["gt-a"]
    assert Projet.ouvrir(projet).groupes[0].nom == "A"


def test_modification_externe_relue(projet: Path) -> None:
    """A file changed by someone else after loading is read again, not taken from memory."""
    p = Projet.ouvrir(projet)
    membres = projet / "membres.toml"
    membres.write_text(
        membres.read_text(encoding="utf-8")
        + MEMBRE.format(id="ccas", college="social_medico_social"),
        encoding="utf-8",
    )
    with p.edition() as ed:
        ed.document("groupes.toml")["groupe"] = [{"id": "gt-a", "nom": "A", "pilote": "ccas"}]
    assert ed.apres is not None
    assert [m.id for m in ed.apres.membres] == ["ccas"]


def test_erreur_externe_ajoutee_pendant_l_edition(projet: Path) -> None:
    """An edit that refers to a member removed on disk since loading is refused."""
    membres = projet / "membres.toml"
    membres.write_text(
        membres.read_text(encoding="utf-8")
        + MEMBRE.format(id="ccas", college="social_medico_social"),
        encoding="utf-8",
    )
    p = Projet.ouvrir(projet)
    assert [m.id for m in p.membres] == ["ccas"]
    # someone renames the member: same size, same mtime, but a new inode (os.replace)
    texte = membres.read_text(encoding="utf-8").replace('id = "ccas"', 'id = "cias"')
    temporaire = projet / ".membres.tmp"
    temporaire.write_text(texte, encoding="utf-8")
    etat = membres.stat()
    os.utime(temporaire, ns=(etat.st_atime_ns, etat.st_mtime_ns))
    os.replace(temporaire, membres)
    assert (membres.stat().st_size, membres.stat().st_mtime_ns) == (etat.st_size, etat.st_mtime_ns)
    avant = (projet / "groupes.toml").read_bytes()
    with pytest.raises(ErreurValidation) as erreur, p.edition() as ed:
        ed.document("groupes.toml")["groupe"] = [{"id": "gt-a", "nom": "A", "pilote": "ccas"}]
    assert [pb.code for pb in erreur.value.problemes] == ["E201"]
    assert (projet / "groupes.toml").read_bytes() == avant


def _projet_varie(projet: Path) -> Path:
    """A folder with a valid file, a syntax error, a non-UTF-8 file and a few meetings."""
    for i in range(1, 6):
        (projet / "reunions" / f"2025-0{i}-10-copil.toml").write_text(
            f'version_schema = "1.0"\ninstance = "copil"\ndate = 2025-0{i}-10\n', encoding="utf-8"
        )
    (projet / "groupes.toml").write_text('version_schema = "1.0"\n[[groupe]\n', encoding="utf-8")
    (projet / "sism").mkdir(exist_ok=True)
    (projet / "sism" / "2025.toml").write_bytes(b'theme = "caf\xe9"\n')
    return projet


def test_lecture_en_parallele_identique(projet: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from clsm_cli.stockage import lecture

    _projet_varie(projet)
    sequentiel = Projet.ouvrir(projet, tolerant=True)
    monkeypatch.setattr(lecture, "PARALLELE_OCTETS", 0)
    chemins = list(sequentiel.fichiers)
    assert lecture._part_de_l_enfant(projet, chemins)  # the child really takes some files
    parallele = Projet.ouvrir(projet, tolerant=True)
    assert list(parallele.fichiers) == chemins
    for chemin in chemins:
        a, b = sequentiel.fichiers[chemin], parallele.fichiers[chemin]
        assert (a.texte, a.donnees, a.problemes, a.signature) == (
            b.texte,
            b.donnees,
            b.problemes,
            b.signature,
        )
    assert parallele.problemes == sequentiel.problemes
    assert [p.code for p in parallele.problemes] == ["E001", "E002"]
    assert sorted(parallele.reunions) == sorted(sequentiel.reunions)


def test_lecture_en_parallele_enfant_en_echec(
    projet: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A child that cannot send its files back: they are read here, nothing is lost."""
    import pickle

    from clsm_cli.stockage import lecture

    _projet_varie(projet)
    attendu = Projet.ouvrir(projet, tolerant=True)
    monkeypatch.setattr(lecture, "PARALLELE_OCTETS", 0)

    def panne(*args: object, **kwargs: object) -> bytes:
        raise RuntimeError("pickle en panne")

    monkeypatch.setattr(pickle, "dumps", panne)
    projet_lu = Projet.ouvrir(projet, tolerant=True)
    assert {c: lu.donnees for c, lu in projet_lu.fichiers.items()} == {
        c: lu.donnees for c, lu in attendu.fichiers.items()
    }
    assert projet_lu.problemes == attendu.problemes


def test_pas_de_processus_pour_un_petit_dossier(projet: Path) -> None:
    from clsm_cli.stockage import lecture

    assert lecture._part_de_l_enfant(projet, ["clsm.toml", "membres.toml"]) == set()


def test_prelecture_commencee_avant_les_imports(
    projet: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from clsm_cli.stockage import lecture

    _projet_varie(projet)
    attendu = Projet.ouvrir(projet, tolerant=True)
    monkeypatch.setattr(lecture, "PARALLELE_OCTETS", 0)
    prelecture = lecture.commencer_lecture(projet)
    assert prelecture is not None and prelecture.part
    lu = Projet.ouvrir(projet, tolerant=True, prelecture=prelecture)
    assert {c: f.donnees for c, f in lu.fichiers.items()} == {
        c: f.donnees for c, f in attendu.fichiers.items()
    }
    assert lu.problemes == attendu.problemes
    assert prelecture.recevoir().keys() == prelecture.part  # received once, kept
    # a reading started for another folder is dropped, not used
    autre = lecture.commencer_lecture(projet)
    assert autre is not None
    ailleurs = lecture.lire_fichiers(tmp_path, [], autre)
    assert ailleurs == {}
    assert autre.recevoir() == {}


def test_verifier_avec_prelecture(
    projet: Path, monkeypatch: pytest.MonkeyPatch, clsm: Callable[..., Result]
) -> None:
    from clsm_cli.stockage import lecture

    monkeypatch.setattr(lecture, "PARALLELE_OCTETS", 0)
    _projet_varie(projet)
    r = clsm("-C", projet, "verifier")
    assert r.exit_code == 1
    assert [ligne.rsplit("(", 1)[-1] for ligne in r.stdout.splitlines()[:2]] == [
        "E001)",
        "E002)",
    ]


@pytest.mark.parametrize("erreurs", [False, True])
def test_sortie_rapide_apres_un_gros_dossier(projet: Path, erreurs: bool) -> None:
    """After a big folder the CLI exits with os._exit: output complete, exit code kept."""
    import json
    import subprocess
    import sys

    if erreurs:
        _projet_varie(projet)
    sonde = (
        "import atexit, sys, clsm_cli.stockage.lecture as L; L.PARALLELE_OCTETS = 0\n"
        "class Temoin:\n"
        "    def __del__(self): print('demontage', file=sys.stderr)\n"
        "temoin = Temoin()\n"
        "atexit.register(lambda: print('atexit', file=sys.stderr))\n"
        "from clsm_cli.cli import main\n"
        "main(sys.argv[1:])\n"
    )
    r = subprocess.run(
        [sys.executable, "-c", sonde, "--format", "json", "-C", str(projet), "verifier"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert r.returncode == (1 if erreurs else 0), r.stderr
    problemes = json.loads(r.stdout)
    assert [p["code"] for p in problemes] == (["E001", "E002"] if erreurs else [])
    assert r.stderr.splitlines()[-1:] == ["atexit"]  # atexit handlers ran, no teardown after
