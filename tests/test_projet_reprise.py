"""Loading a folder: Projet.ouvrir(base=…) re-reads only the files changed since the project
was loaded, and still sees every change made on disk (the cache is tested in test_cache.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

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
