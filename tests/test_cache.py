"""The cache of validated data (clsm_cli/stockage/cache.py): what a warm read gives is exactly
what a full read gives; a corrupt, truncated, foreign, other-version or stale cache is ignored
and rebuilt; the cellule's cache never leaves cellule/; a warm read does not import pydantic."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from clsm_cli.noyau.projet import Projet
from clsm_cli.noyau.verification import verifier
from clsm_cli.stockage import cache as C
from clsm_cli.stockage.leger import Vue

ORDINAIRE = Path(C.DOSSIER_ORDINAIRE) / C.NOM
CELLULE = Path(C.DOSSIER_CELLULE) / C.NOM


def _tout(projet: Projet) -> dict[str, object]:
    """Every model of the project as plain data, with its load problems."""
    return {
        "modeles": {c: m.model_dump(mode="json") for c, m in sorted(projet.modeles.items())},
        "invalides": sorted(projet.invalides),
        "problemes": [str(p) for p in projet.problemes],
        "verification": [str(p) for p in verifier(projet)],
    }


def _abimer(demo: Path) -> None:
    """A few broken files beside the valid ones (syntax error, non-UTF-8, unknown key)."""
    (demo / "reunions" / "2025-02-02-copil.toml").write_text("date = \n", encoding="utf-8")
    (demo / "sism" / "2024.toml").write_bytes(b'annee = 2024\ntheme = "caf\xe9"\n')
    (demo / "groupes.toml").write_text(
        (demo / "groupes.toml").read_text(encoding="utf-8") + "\ninconnue = 1\n", encoding="utf-8"
    )


@pytest.mark.parametrize("abime", [False, True])
def test_lecture_chaude_identique(demo: Path, abime: bool) -> None:
    if abime:
        _abimer(demo)
    froid = Projet.ouvrir(demo, tolerant=True)
    premier = Projet.ouvrir(demo, tolerant=True, cache=True)  # builds the cache
    assert (demo / ORDINAIRE).is_file() and (demo / CELLULE).is_file()
    chaud = Projet.ouvrir(demo, tolerant=True, cache=True)
    assert all(isinstance(m, Vue) for m in chaud.modeles.values())
    assert _tout(froid) == _tout(premier) == _tout(chaud)
    assert [m.libelle for m in chaud.membres] == [m.libelle for m in froid.membres]
    assert chaud.bilan(2025) == froid.bilan(2025)


def _modeles_legers(demo: Path) -> set[str]:
    projet = Projet.ouvrir(demo, tolerant=True, cache=True)
    return {c for c, m in projet.modeles.items() if isinstance(m, Vue)}


def _demi(demo: Path) -> set[str]:
    return set(Projet.ouvrir(demo, tolerant=True).modeles)


@pytest.mark.parametrize(
    "abimer",
    [
        pytest.param(lambda b: b[: len(b) // 2], id="tronque"),
        pytest.param(lambda b: b[:20] + bytes([b[20] ^ 1]) + b[21:], id="un-octet-change"),
        pytest.param(lambda b: b"", id="vide"),
        pytest.param(lambda b: b"pas un cache du tout", id="etranger"),
        pytest.param(lambda b: b[:11] + b"\0" * 32 + b[43:], id="signature-fausse"),
    ],
)
def test_cache_abime_ignore_puis_reconstruit(demo: Path, abimer: Callable[[bytes], bytes]) -> None:
    Projet.ouvrir(demo, cache=True)
    for partie in (ORDINAIRE, CELLULE):
        (demo / partie).write_bytes(abimer((demo / partie).read_bytes()))
    projet = Projet.ouvrir(demo, cache=True)  # nothing taken from the broken caches
    assert not any(isinstance(m, Vue) for m in projet.modeles.values())
    assert _tout(projet) == _tout(Projet.ouvrir(demo))
    assert _modeles_legers(demo) == _demi(demo)  # rebuilt, then used


@pytest.mark.parametrize("abimer", [lambda b: b[: len(b) // 2], lambda b: b"x" + b[1:]])
def test_verification_abimee_refaite(demo: Path, abimer: Callable[[bytes], bytes]) -> None:
    """A broken verification file is ignored (the folder is verified again); the validated
    data beside it are still used."""
    premiere = verifier(Projet.ouvrir(demo, tolerant=True, cache=True))
    for dossier in (C.DOSSIER_ORDINAIRE, C.DOSSIER_CELLULE):
        fichier = demo / dossier / C.NOM_VERIFICATION
        fichier.write_bytes(abimer(fichier.read_bytes()))
    projet = Projet.ouvrir(demo, tolerant=True, cache=True)
    assert projet.cache is not None and projet.cache.verification(projet.empreinte() or b"") is None
    assert all(isinstance(m, Vue) for m in projet.modeles.values())
    assert verifier(projet) == premiere


def test_verifier_ne_reecrit_pas_les_donnees(demo: Path) -> None:
    """Verifying writes the small verification file, never the validated data again."""
    verifier(Projet.ouvrir(demo, tolerant=True, cache=True))
    donnees = demo / ORDINAIRE
    avant = donnees.stat().st_mtime_ns, donnees.stat().st_ino
    (demo / C.DOSSIER_ORDINAIRE / C.NOM_VERIFICATION).unlink()
    verifier(Projet.ouvrir(demo, tolerant=True, cache=True))
    assert (demo / C.DOSSIER_ORDINAIRE / C.NOM_VERIFICATION).is_file()
    assert (donnees.stat().st_mtime_ns, donnees.stat().st_ino) == avant


def test_cache_d_une_autre_version_ignore(demo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Projet.ouvrir(demo, cache=True)
    monkeypatch.setattr(C, "_version_du_code", lambda: "9.9.9/autre")
    assert not any(isinstance(m, Vue) for m in Projet.ouvrir(demo, cache=True).modeles.values())
    assert _modeles_legers(demo) == _demi(demo)


def test_cache_signe_par_une_autre_cle_ignore(
    demo: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A cache file planted by someone else (another key) is never unpickled."""
    Projet.ouvrir(demo, cache=True)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "autre-utilisateur"))
    assert not any(isinstance(m, Vue) for m in Projet.ouvrir(demo, cache=True).modeles.values())


def test_meme_seconde_meme_taille_relu(demo: Path) -> None:
    """A file rewritten with the same size and the same mtime is still seen as changed."""
    Projet.ouvrir(demo, cache=True)
    membres = demo / "membres.toml"
    avant = membres.stat()
    texte = membres.read_text(encoding="utf-8")
    assert 'college = "elus"' in texte
    nouveau = texte.replace('college = "elus"', 'college = "sant"', 1)
    assert len(nouveau) == len(texte)
    membres.write_text(nouveau, encoding="utf-8")
    os.utime(membres, ns=(avant.st_atime_ns, avant.st_mtime_ns))
    apres = membres.stat()
    assert (apres.st_size, apres.st_mtime_ns) == (avant.st_size, avant.st_mtime_ns)
    projet = Projet.ouvrir(demo, tolerant=True, cache=True)
    assert "membres.toml" in projet.invalides
    assert [p.code for p in verifier(projet) if p.fichier == "membres.toml"] == ["E103"]


def test_fichier_supprime_oublie(demo: Path) -> None:
    Projet.ouvrir(demo, cache=True)
    (demo / "sism" / "2025.toml").unlink()
    projet = Projet.ouvrir(demo, cache=True)
    assert "sism/2025.toml" not in projet.sism
    assert projet.sism_annee(2025) is None


def test_verification_gardee_le_meme_jour_seulement(
    demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The whole verification is reused only for the same contents on the same day (W302
    depends on the day)."""
    premiere = verifier(Projet.ouvrir(demo, tolerant=True, cache=True))
    appels = []
    import clsm_cli.noyau.verification as V

    monkeypatch.setattr(V, "CONTROLES", [lambda p: appels.append(1) or [], *V.CONTROLES])
    assert verifier(Projet.ouvrir(demo, tolerant=True, cache=True)) == premiere
    assert appels == []
    monkeypatch.setenv("CLSM_AUJOURDHUI", "2031-01-01")
    tard = verifier(Projet.ouvrir(demo, tolerant=True, cache=True))
    assert appels == [1]
    assert "W302" in {p.code for p in tard} - {p.code for p in premiere}


@pytest.mark.skipif(os.name != "posix", reason="permissions POSIX")  # noqa: clsm-skip-posix
def test_cache_de_la_cellule_reste_dans_la_cellule(demo: Path) -> None:
    Projet.ouvrir(demo, cache=True)
    assert stat.S_IMODE((demo / C.DOSSIER_CELLULE).stat().st_mode) == 0o700
    assert stat.S_IMODE((demo / CELLULE).stat().st_mode) == 0o600
    ordinaire = (demo / ORDINAIRE).read_bytes()
    cellule = (demo / CELLULE).read_bytes()
    for code in [s.code for s in Projet.ouvrir(demo).situations]:
        assert code.encode() not in ordinaire
        assert code.encode() in cellule
    assert b"situations.toml" not in ordinaire


def test_pas_de_cache_sans_dossier_cellule(projet: Path) -> None:
    """The cache never creates cellule/ (or anything in it) when the folder has none."""
    import shutil

    shutil.rmtree(projet / "cellule")
    Projet.ouvrir(projet, cache=True)
    assert not (projet / "cellule").exists()
    assert (projet / ORDINAIRE).is_file()


def test_sans_cache(
    demo: Path, clsm: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert clsm("-C", demo, "--sans-cache", "verifier").exit_code == 0
    assert not (demo / ORDINAIRE).exists()
    monkeypatch.setenv("CLSM_SANS_CACHE", "1")
    assert clsm("-C", demo, "etat").exit_code == 0
    assert not (demo / ORDINAIRE).exists()
    monkeypatch.delenv("CLSM_SANS_CACHE")
    assert clsm("-C", demo, "etat").exit_code == 0
    assert (demo / ORDINAIRE).exists()


def test_lecture_chaude_sans_pydantic_ni_rich(demo: Path, tmp_path: Path) -> None:
    """The everyday commands on a warm cache import neither pydantic nor the models; their
    output piped, nor rich (tables and panels drawn as plain text: cli/dessin.py), whether
    the tables fit (200 columns) or are shown as blocks (100)."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cle"), "COLUMNS": "100"}
    sonde = (
        "import sys, json\n"
        "from clsm_cli.cli import main\n"
        "try:\n"
        "    main(sys.argv[1:])\n"
        "except SystemExit:\n"
        "    pass\n"
        "lourds = sorted(m for m in ('pydantic', 'tomlkit', 'openpyxl', 'docx', 'rich') "
        "if m in sys.modules)\n"
        "print(json.dumps(lourds), file=sys.stderr)\n"
    )
    commandes = [["verifier"], ["etat"], ["membres", "liste"], ["--format", "json", "verifier"]]
    # the first run builds the cache, the second is warm, the third one is wider
    for passe, colonnes in enumerate(("100", "100", "200")):
        for commande in commandes if passe < 2 else commandes[1:3]:
            r = subprocess.run(
                [sys.executable, "-c", sonde, "-C", str(demo), *commande],
                capture_output=True,
                text=True,
                env={**env, "COLUMNS": colonnes},
                check=False,
            )
            assert r.returncode == 0, r.stderr
            lourds = json.loads(r.stderr.strip().splitlines()[-1])
            if passe:
                assert lourds == [], (commande, colonnes)
            if passe == 2:
                assert r.stdout.splitlines()[1].startswith("┏" if "liste" in commande else "╭")
    # the probe sees rich when it is there: colours asked for, as at a terminal
    r = subprocess.run(
        [sys.executable, "-c", sonde, "-C", str(demo), "etat"],
        capture_output=True,
        text=True,
        env={**env, "FORCE_COLOR": "1"},
        check=True,
    )
    assert json.loads(r.stderr.strip().splitlines()[-1]) == ["rich"]
    assert "\x1b[1m" in r.stdout


def test_une_edition_n_importe_pas_rich(demo: Path, tmp_path: Path) -> None:
    """An edit prints one status line with click: rich (~25 ms) is not imported for it, with
    or without a warning; national's tables, which do use the console, still get one."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cle")}
    sonde = (
        "import sys, json\n"
        "from clsm_cli.cli import main\n"
        "try:\n"
        "    main(sys.argv[1:])\n"
        "except SystemExit as fin:\n"
        "    code = fin.code\n"
        "print(json.dumps([code, 'rich' in sys.modules]), file=sys.stderr)\n"
    )
    ajouts = [
        ["plan", "realisation", "ajouter", "sism", "--date", "2026-03-20", "--libelle", "Ciné"],
        # outside the action's dates: a warning too
        ["plan", "realisation", "ajouter", "sism", "--date", "2019-06-15", "--libelle", "Vieux"],
        ["membres", "ajouter", "--structure", "Mairie annexe", "--college", "institutions"],
    ]
    erreurs = []
    for commande in ajouts:
        r = subprocess.run(
            [sys.executable, "-c", sonde, "-C", str(demo), *commande],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        assert json.loads(r.stderr.strip().splitlines()[-1]) == [0, False], r.stderr
        assert "✓" in r.stderr
        erreurs.append(r.stderr)
    assert ["Attention" in e for e in erreurs] == [False, True, False]
    national = subprocess.run(
        [sys.executable, "-c", sonde, "national", str(demo)],
        capture_output=True,
        text=True,
        env={**env, "COLUMNS": "120"},
        check=False,
    )
    assert json.loads(national.stderr.strip().splitlines()[-1]) == [0, True], national.stderr
    assert "┃" in national.stdout or "│" in national.stdout


def test_une_edition_met_le_cache_a_jour(demo: Path, clsm: Callable[..., Result]) -> None:
    """After `clsm membres ajouter`, the next command finds membres.toml already validated."""
    assert clsm("-C", demo, "etat").exit_code == 0
    r = clsm("-C", demo, "membres", "ajouter", "--structure", "Mairie annexe", "--college",
             "institutions")  # fmt: skip
    assert r.exit_code == 0, r.output
    projet = Projet.ouvrir(demo, cache=True)
    assert isinstance(projet.modeles["membres.toml"], Vue)
    assert "Mairie annexe" in [m.structure for m in projet.membres]
    assert _tout(projet) == _tout(Projet.ouvrir(demo))


def test_les_enregistrements_legers_ont_les_methodes_des_modeles() -> None:
    """A method written in a model must live in modeles/methodes.py: a light record taken
    from the cache would not have it (AttributeError on a warm read)."""
    from pydantic import BaseModel

    from clsm_cli.stockage.leger import classe_legere
    from clsm_cli.stockage.projet import MODELES

    vus: set[type] = set()
    a_voir = list(MODELES.values())
    manquants = []
    while a_voir:
        modele = a_voir.pop()
        if modele in vus:
            continue
        vus.add(modele)
        for info in modele.model_fields.values():
            for arg in (info.annotation, *getattr(info.annotation, "__args__", ())):
                for sous in (arg, *getattr(arg, "__args__", ())):
                    if isinstance(sous, type) and issubclass(sous, BaseModel):
                        a_voir.append(sous)
        leger = classe_legere(modele.__name__)
        for classe in modele.__mro__:
            if classe in (BaseModel, object) or classe.__module__.startswith("pydantic"):
                continue
            for nom, valeur in vars(classe).items():
                if nom.startswith("_") or nom.startswith("model_"):
                    continue
                methode = callable(valeur) or isinstance(valeur, property)
                if methode and not hasattr(leger, nom):
                    manquants.append(f"{modele.__name__}.{nom}")
    assert manquants == []


def test_garde_fou_repris_du_cache_pour_un_fichier_inchange(
    demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cellule guard scans only the cellule files whose content changed."""
    import clsm_cli.cellule.confidentialite as G

    seance = next((demo / "cellule" / "seances").glob("*.toml"))
    relatif = seance.relative_to(demo).as_posix()
    verifier(Projet.ouvrir(demo, tolerant=True, cache=True))  # scans everything once
    vus: list[str] = []
    vrai = G.detecter

    def detecter(texte: str) -> list[object]:
        vus.append(texte)
        return vrai(texte)

    monkeypatch.setattr(G, "detecter", detecter)
    seance.write_text(
        seance.read_text(encoding="utf-8") + "# appeler Mme Durand\n", encoding="utf-8"
    )
    problemes = verifier(Projet.ouvrir(demo, tolerant=True, cache=True))
    assert [(p.fichier, p.code) for p in problemes if p.code == "E401"] == [(relatif, "E401")]
    assert any("Mme Durand" in texte for texte in vus)  # the changed file was scanned…
    modifiee = seance.read_text(encoding="utf-8")
    assert vus and all(texte in modifiee for texte in vus)  # …and no other file


def test_enregistrement_leger_sans_conteneur_partage(demo: Path) -> None:
    """A light record copies its model's lists and nested records: changing one never
    changes the other (the cache is written after the command has run)."""
    from clsm_cli.stockage.leger import vue_de

    projet = Projet.ouvrir(demo)
    for modele in projet.modeles.values():
        vue = vue_de(modele)
        assert vue.model_dump(mode="json") == modele.model_dump(mode="json")
    action = projet.plan.action[0]
    vue = vue_de(action)
    assert vue.realisation is not action.realisation and vue.realisation
    assert type(vue.realisation[0]).__name__ == "VueRealisation"
    membre = projet.membres[0]
    assert vue_de(membre).instances is not membre.instances
