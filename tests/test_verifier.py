"""``clsm verifier`` on purpose-broken folders: exact lines, exit codes, JSON."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

ENTETE = 'version_schema = "1.0"\n'


def ecrire(dossier: Path, chemin: str, texte: str) -> None:
    cible = dossier / chemin
    cible.parent.mkdir(parents=True, exist_ok=True)
    cible.write_text(texte, encoding="utf-8")
    if chemin.startswith("cellule/"):
        cible.chmod(0o600)


def lignes(resultat: Result) -> list[str]:
    return resultat.stdout.splitlines()


MEMBRES = (
    ENTETE
    + """
[[membre]]
id = "dupont-marie"
nom = "Dupont"
prenom = "Marie"
college = "elus"

[[membre]]
id = "martin-paul"
nom = "Martin"
college = "psychiatrie"
"""
)


@pytest.fixture
def verifier(clsm: Callable[..., Result]) -> Callable[[Path], Result]:
    return lambda dossier, *options: clsm("-C", dossier, "verifier", *options)


def test_dossier_valide(projet: Path, verifier: Callable[..., Result]) -> None:
    r = verifier(projet)
    assert r.exit_code == 0
    assert r.output == "✓ Aucun problème.\n"


def test_demo_sans_probleme(demo: Path, verifier: Callable[..., Result]) -> None:
    r = verifier(demo)
    assert (r.exit_code, r.output) == (0, "✓ Aucun problème.\n")


def test_syntaxe_toml(projet: Path, verifier: Callable[..., Result]) -> None:
    ecrire(projet, "membres.toml", ENTETE + '\n[[membre]]\nid = "a"\nnom = Dupont\n')
    r = verifier(projet)
    assert r.exit_code == 1
    assert lignes(r) == [
        "membres.toml:5: syntaxe TOML : valeur invalide (texte sans guillemets ?), "
        "colonne 7 (E001)",
        "1 erreur(s), 0 avertissement(s).",
    ]


def test_cle_inconnue_manquante_type_et_vocabulaire(
    projet: Path, verifier: Callable[..., Result]
) -> None:
    ecrire(
        projet,
        "membres.toml",
        MEMBRES
        + """
[[membre]]
id = "durand-luc"
nomm = "Durand"
college = "astronautes"

[[membre]]
nom = "Sans identifiant"
college = "usagers"
depuis = "hier"
instances = "copil"
""",
    )
    r = verifier(projet)
    assert r.exit_code == 1
    assert lignes(r) == [
        "membres.toml:16: nomm: clé inconnue « nomm » (vouliez-vous dire « nom » ?) (E101)",
        "membres.toml:17: college: valeur inconnue « astronautes » (valeurs possibles : elus, "
        "psychiatrie, usagers, aidants, sante, social_medico_social, logement, education, "
        "securite_justice, institutions, associations, autres) (E103)",
        "membres.toml:19: id: clé obligatoire manquante (E102)",
        "membres.toml:22: depuis: date attendue (AAAA-MM-JJ, sans guillemets), "
        "reçu « hier » (E104)",
        "membres.toml:23: instances: liste attendue ([ … ]), reçu « copil » (E104)",
        "5 erreur(s), 0 avertissement(s).",
    ]


def test_doublons(projet: Path, verifier: Callable[..., Result]) -> None:
    ecrire(
        projet,
        "membres.toml",
        MEMBRES + '\n[[membre]]\nid = "dupont-marie"\nnom = "Autre"\ncollege = "elus"\n',
    )
    r = verifier(projet)
    assert lignes(r) == [
        "membres.toml:15: id: identifiant « dupont-marie » en double (déjà utilisé ligne 4) (E202)",
        "1 erreur(s), 0 avertissement(s).",
    ]
    assert r.exit_code == 1


def test_references(projet: Path, verifier: Callable[..., Result]) -> None:
    ecrire(
        projet,
        "membres.toml",
        MEMBRES.replace('college = "elus"', 'college = "elus"\ninstances = ["copil", "fantome"]'),
    )
    ecrire(
        projet,
        "groupes.toml",
        ENTETE + '\n[[groupe]]\nid = "logement"\nnom = "Logement"\npilote = "inconnu"\n'
        'membres = ["dupont-marie", "personne"]\n',
    )
    ecrire(
        projet,
        "plan.toml",
        ENTETE + '\n[[axe]]\nid = "soins"\nintitule = "Soins"\n\n[[action]]\nid = "a1"\n'
        'axe = "absent"\nintitule = "Action"\ntype = "coordination"\ngroupe = "jeunes"\n'
        'pilote = "martin-paul"\n',
    )
    ecrire(
        projet,
        "reunions/2026-03-12-groupe-vide.toml",
        ENTETE + 'instance = "groupe:vide"\ndate = 2026-03-12\n'
        'presents = ["dupont-marie", "Mme Roux (Préfecture)", "x-inconnu"]\n',
    )
    ecrire(projet, "sism/2026.toml", ENTETE + 'annee = 2026\ntheme = "Thème"\ncomite = ["nul"]\n')
    ecrire(
        projet,
        "cellule/situations.toml",
        ENTETE + '\n[[situation]]\ncode = "S-2026-001"\ndate_saisine = 2026-01-10\n'
        'referent = "personne"\n',
    )
    ecrire(
        projet,
        "cellule/seances/2026-02-01.toml",
        ENTETE + 'date = 2026-02-01\npresents = ["martin-paul"]\n\n[[examen]]\n'
        'code = "S-2026-009"\norientation = "soins"\n',
    )
    r = verifier(projet)
    assert lignes(r) == [
        "cellule/seances/2026-02-01.toml:6: code: situation inconnue « S-2026-009 » "
        "(cellule/situations.toml) (E201)",
        "cellule/situations.toml:6: referent: membre inconnu « personne » (absent de membres.toml) "
        "(E201)",
        "groupes.toml:6: pilote: membre inconnu « inconnu » (absent de membres.toml) (E201)",
        "groupes.toml:7: membres: membre inconnu « personne » (absent de membres.toml) (E201)",
        "membres.toml:8: instances: instance ou groupe inconnu « fantome » (copil, pleniere, "
        "comite_technique, cellule ou un identifiant de groupes.toml) (E201)",
        "plan.toml:9: axe: axe inconnu « absent » (E201)",
        "plan.toml:12: groupe: groupe inconnu « jeunes » (groupes.toml) (E201)",
        "reunions/2026-03-12-groupe-vide.toml:2: instance: groupe inconnu « vide » (groupes.toml) "
        "(E201)",
        "reunions/2026-03-12-groupe-vide.toml:4: presents: membre inconnu « x-inconnu » (absent de "
        "membres.toml) (E201)",
        "sism/2026.toml:4: comite: membre inconnu « nul » (absent de membres.toml) (E201)",
        "10 erreur(s), 0 avertissement(s).",
    ]


def test_ordre_des_dates(projet: Path, verifier: Callable[..., Result]) -> None:
    ecrire(
        projet,
        "membres.toml",
        MEMBRES + "depuis = 2025-06-01\njusqu_a = 2025-01-01\n",
    )
    ecrire(
        projet,
        "plan.toml",
        ENTETE + '\n[periode]\ndebut = 2027-01-01\nfin = 2024-12-31\n\n[[axe]]\nid = "x"\n'
        'intitule = "X"\n\n[[action]]\nid = "a"\naxe = "x"\nintitule = "A"\ntype = "autre"\n'
        "debut = 2026-05-01\nfin = 2026-04-01\n",
    )
    ecrire(
        projet,
        "cellule/situations.toml",
        ENTETE + '\n[[situation]]\ncode = "S-2026-001"\ndate_saisine = 2026-03-01\n',
    )
    ecrire(
        projet,
        "cellule/seances/2026-02-01.toml",
        ENTETE + 'date = 2026-02-01\n\n[[examen]]\ncode = "S-2026-001"\n',
    )
    r = verifier(projet)
    assert lignes(r) == [
        "cellule/seances/2026-02-01.toml:5: code: séance du 2026-02-01 antérieure à la "
        "saisine de S-2026-001 (2026-03-01) (E203)",
        "membres.toml:14: jusqu_a: jusqu_a (2025-01-01) précède depuis (2025-06-01) (E203)",
        "plan.toml:5: periode.fin: fin (2024-12-31) précède debut (2027-01-01) (E203)",
        "plan.toml:17: fin: fin (2026-04-01) précède debut (2026-05-01) (E203)",
        "4 erreur(s), 0 avertissement(s).",
    ]


def test_noms_de_fichiers(projet: Path, verifier: Callable[..., Result]) -> None:
    ecrire(projet, "sism/2025.toml", ENTETE + 'annee = 2026\ntheme = "Thème"\n')
    ecrire(
        projet,
        "reunions/2026-03-12-copil.toml",
        ENTETE + 'instance = "pleniere"\ndate = 2026-03-13\n',
    )
    r = verifier(projet)
    assert lignes(r) == [
        "reunions/2026-03-12-copil.toml:3: date: le fichier devrait s'appeler "
        "« reunions/2026-03-13-pleniere.toml » (date et instance) (E204)",
        "sism/2025.toml:2: annee: annee = 2026 mais le fichier s'appelle « sism/2025.toml » (E204)",
        "2 erreur(s), 0 avertissement(s).",
    ]


def test_version_plus_recente(projet: Path, verifier: Callable[..., Result]) -> None:
    ecrire(projet, "groupes.toml", 'version_schema = "2.0"\n\n[[groupe]]\nfutur = true\n')
    r = verifier(projet)
    assert lignes(r) == [
        "groupes.toml:1: version_schema: ce fichier est au format 2.0, plus récent que ce clsm "
        "(format 1.x) : mettez clsm à jour (pip install -U clsm-cli) (E003)",
        "1 erreur(s), 0 avertissement(s).",
    ]


def test_fichier_non_utf8(projet: Path, verifier: Callable[..., Result]) -> None:
    (projet / "membres.toml").write_bytes(
        ENTETE.encode() + '\n[[membre]]\nid = "a"\nnom = "Élodie"\n'.encode("cp1252")
    )
    r = verifier(projet)
    assert lignes(r) == [
        "membres.toml:5: le fichier n'est pas encodé en UTF-8 (réenregistrez-le en UTF-8) (E002)",
        "1 erreur(s), 0 avertissement(s).",
    ]


def test_pas_un_dossier_clsm(tmp_path: Path, verifier: Callable[..., Result]) -> None:
    r = verifier(tmp_path)
    assert r.exit_code == 1
    assert r.stdout == ""
    assert r.stderr == (
        f"Erreur : « {tmp_path.resolve()} » n'est pas un dossier clsm (aucun fichier clsm.toml "
        "ici) : créez-en un avec « clsm init », ou indiquez-le avec « clsm -C DOSSIER ».\n"
    )


def test_format_json(projet: Path, clsm: Callable[..., Result]) -> None:
    ecrire(projet, "membres.toml", MEMBRES.replace('"psychiatrie"', '"astronautes"'))
    r = clsm("-C", projet, "--format", "json", "verifier")
    assert r.exit_code == 1
    donnees = json.loads(r.stdout)
    assert len(donnees) == 1
    assert donnees[0]["fichier"] == "membres.toml"
    assert donnees[0]["ligne"] == 12
    assert donnees[0]["champ"] == "college"
    assert donnees[0]["code"] == "E103"
    assert donnees[0]["niveau"] == "erreur"
    assert donnees[0]["message"].startswith("valeur inconnue « astronautes »")


def test_json_sans_probleme(projet: Path, clsm: Callable[..., Result]) -> None:
    r = clsm("-C", projet, "--format", "json", "verifier")
    assert (r.exit_code, json.loads(r.stdout)) == (0, [])


def test_codes_documentes(projet: Path, clsm: Callable[..., Result]) -> None:
    r = clsm("-C", projet, "--format", "json", "verifier", "--codes")
    codes = {d["code"] for d in json.loads(r.stdout)}
    assert {"E001", "E101", "E102", "E103", "E201", "E202", "E203", "E204", "E401", "W301"} <= codes
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    for code in codes:
        assert f"`{code}`" in readme, f"code {code} absent de la table du README"


def test_avertissement_et_strict(projet: Path, verifier: Callable[..., Result]) -> None:
    (projet / "reunions" / "notes.txt").write_text("à trier", encoding="utf-8")
    r = verifier(projet)
    assert r.exit_code == 0
    assert lignes(r) == [
        "reunions/notes.txt: fichier inattendu : clsm l'ignore (seuls les fichiers .toml de ce "
        "dossier sont lus) (W304)",
        "0 erreur(s), 1 avertissement(s).",
    ]
    assert verifier(projet, "--strict").exit_code == 1


def test_droits_trop_larges(projet: Path, verifier: Callable[..., Result]) -> None:
    """W301 where POSIX permissions exist; without them (Windows, CLSM_SANS_POSIX=1) they
    cannot be read, and no W301 is invented."""
    from clsm_cli.stockage import systeme

    (projet / "cellule").chmod(0o755)
    r = verifier(projet)
    assert r.exit_code == 0
    w301 = [ligne for ligne in lignes(r) if ligne.endswith("(W301)")]
    if systeme.posix():
        assert w301 == [
            "cellule/: le dossier cellule/ est lisible par d'autres utilisateurs (corrigez avec : "
            "chmod 700 cellule) (W301)"
        ]
    else:
        assert w301 == []
