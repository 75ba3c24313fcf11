"""Bad input, fuzzed: every file kind fed with random and mutated TOML.

Seeds are valid files written by clsm itself (from the models, like the round-trip tests); the
mutations break them the ways real files get broken: truncated, control and NUL characters,
invalid UTF-8, BOM, CRLF, duplicated keys and tables, wrong types, deep nesting, huge strings,
impossible dates. Each mutated file goes to ``clsm verifier`` and to a writing command, in
process:

- never an exception escaping (no traceback, no « erreur inattendue »);
- ``verifier`` exits 0 or 1 and prints only ``fichier[:ligne]: … (CODE)`` lines and its summary;
- a writing command that edits that kind of file (``ECRITURES``) either succeeds and changes
  only the file it writes, or fails (exit 1 or 2) and leaves every file byte-identical.

The default run tries ``EXEMPLES`` examples per file kind; the ``slow`` run 1,000 per kind.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clsm_cli.cli import cli
from clsm_cli.stockage.ecriture import en_donnees, texte_nouveau
from clsm_cli.stockage.projet import MODELES

from .instantane import instantane
from .strategies import instances
from .test_aller_retour import CHEMINS

EXEMPLES = 50
EXEMPLES_LENTS = 1_000

MEMBRES = """\
version_schema = "1.0"

[[membre]]
id = "as-ccas"
structure = "CCAS"
college = "social_medico_social"
"""
AJOUT_SITUATION = [
    "cellule",
    "situation",
    "ajouter",
    "--date-saisine",
    "2026-03-02",
    "--origine",
    "CCAS",
    "--tranche-age",
    "40_59",
    "--commune",
    "Testville",
    "--problematique",
    "logement",
    "--referent",
    "as-ccas",
]
ECRITURES: dict[str, tuple[list[str], str]] = {
    "clsm": (
        ["financement", "ajouter", "--annee", "2026", "--financeur", "ARS", "--montant", "1000"],
        "clsm.toml",
    ),
    "membres": (["membres", "ajouter", "--nom", "Durand", "--college", "elus"], "membres.toml"),
    "groupes": (["groupes", "ajouter", "--nom", "Groupe du fuzz"], "groupes.toml"),
    "plan": (["plan", "axe", "ajouter", "--intitule", "Axe du fuzz", "--id", "fuzz"], "plan.toml"),
    "diagnostic": (
        ["diagnostic", "ajouter", "--date", "2020", "--id", "diagnostic-du-fuzz"],
        "diagnostic.toml",
    ),
    "reunion": (
        ["reunion", "decision", "2026-03-12-copil", "Décision prise"],
        "reunions/2026-03-12-copil.toml",
    ),
    "sism": (
        [
            "sism",
            "evenement",
            "ajouter",
            "2026",
            "--titre",
            "Ciné-débat",
            "--type",
            "cine_debat",
            "--date",
            "2026-10-10",
        ],
        "sism/2026.toml",
    ),
    "situations": (AJOUT_SITUATION, "cellule/situations.toml"),
    "seance": (AJOUT_SITUATION, "cellule/situations.toml"),
    "archives": (AJOUT_SITUATION, "cellule/situations.toml"),
}
"""Per file kind, a command that edits that file (or reads it under the lock) and its target."""
COHERENCE: dict[str, dict[str, Any]] = {
    "reunion": {"date": dt.date(2026, 3, 12), "instance": "copil"},
    "sism": {"annee": 2026},
    "seance": {"date": dt.date(2026, 3, 12)},
}
"""Seeds consistent with their file name, so that the valid ones are really valid."""

RE_PROBLEME = re.compile(r"^[\w./-]+(?::\d+)?: (?:[\w.]+: )?.+ \([EW]\d{3}\)$")
RE_RESUME = re.compile(r"^\d+ erreur\(s\), \d+ avertissement\(s\)\.$")

STATISTIQUES: Counter[str] = Counter()
"""Examples tried per file kind and outcomes (printed by the slow test for the note)."""


# --- mutations -----------------------------------------------------------------------------

VALEURS = [
    "12",
    "-1",
    "1e400",
    "nan",
    "-inf",
    "0x1F",
    "true",
    '"texte"',
    "'littéral'",
    '""',
    '[1, "a", 2026-01-01]',
    "[]",
    "{a = 1, b = {c = 2}}",
    "{}",
    "2026-02-30",
    "2026-13-01",
    "0000-00-00",
    "1979-05-27T07:32:00Z",
    "07:32:00",
    '"2026-03-12"',
    '"""deux\nlignes"""',
    '"\\u0000\\u0007\\u001b[31m"',
    '"\\uD800"',
    '"a\\nb"',
    "=",
    "[",
    "{",
    '"non fermé',
    '"' + "A" * 200_000 + '"',
    "[" * 3_000 + "]" * 3_000,
    "{a = " * 600 + "1" + "}" * 600,
]
CARACTERES = st.sampled_from(
    [
        "\x00",
        "\x07",
        "\x1b",
        "\x7f",
        "\r",
        "\t",
        "\u2028",
        "\ufeff",
        "\ud7ff",
        "é",
        "\n",
        "=",
        "[",
        "]",
        '"',
        "'",
        "#",
        "\\",
        "{",
        "}",
        ",",
        ".",
    ]
) | st.characters(exclude_categories=("Cs",))
CONTROLES = ["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1f", "\x7f", '"\\u0000"', "\x00" * 50]
OCTETS_INVALIDES = st.sampled_from(
    [b"\xff", b"\xfe\xff", b"\xc3\x28", b"\xed\xa0\x80", b"\xf0\x28\x8c\xbc", b"\x80", b"\xe9"]
)


def _lignes(texte: str) -> list[str]:
    return texte.split("\n")


@st.composite
def mutation(draw: st.DrawFn, texte: str) -> bytes:
    """One or more mutations of ``texte`` (as bytes: some mutations are not valid UTF-8)."""
    brut: bytes | None = None
    for _ in range(draw(st.integers(1, 3))):
        lignes = _lignes(texte)
        genre = draw(st.integers(0, 16))
        i = draw(st.integers(0, max(len(lignes) - 1, 0)))
        if genre == 0:  # truncated
            texte = texte[: draw(st.integers(0, len(texte)))]
        elif genre == 1:  # characters inserted
            pos = draw(st.integers(0, len(texte)))
            texte = texte[:pos] + draw(st.text(CARACTERES, min_size=1, max_size=5)) + texte[pos:]
        elif genre == 2:  # a line removed
            del lignes[i]
            texte = "\n".join(lignes)
        elif genre == 3:  # a line duplicated: duplicated keys or tables
            lignes.insert(i, lignes[i])
            texte = "\n".join(lignes)
        elif genre == 4:  # a value replaced (wrong type, bad date, nesting, huge…)
            cle = [n for n, ligne in enumerate(lignes) if re.match(r"^\s*[\w.\"-]+\s*=", ligne)]
            if cle:
                n = draw(st.sampled_from(cle))
                lignes[n] = lignes[n].split("=", 1)[0] + "= " + draw(st.sampled_from(VALEURS))
            texte = "\n".join(lignes)
        elif genre == 5:  # BOM
            texte = "\ufeff" + texte
        elif genre == 6:  # CRLF, or CR alone
            texte = texte.replace("\n", draw(st.sampled_from(["\r\n", "\r"])))
        elif genre == 7:  # unknown key or table
            lignes.insert(
                i,
                draw(
                    st.sampled_from(
                        ["inconnu = 1", "[inconnu]", "[[inconnu]]", "a.b.c = 1", '"" = 2']
                    )
                ),
            )
            texte = "\n".join(lignes)
        elif genre == 8:  # a table header duplicated at the end
            entetes = [ligne for ligne in lignes if ligne.startswith("[")]
            if entetes:
                texte += "\n" + draw(st.sampled_from(entetes)) + "\n"
        elif genre == 9:  # random text
            texte = draw(st.text(CARACTERES, max_size=200))
        elif genre == 10:  # two lines swapped
            j = draw(st.integers(0, max(len(lignes) - 1, 0)))
            if lignes:
                lignes[i], lignes[j] = lignes[j], lignes[i]
            texte = "\n".join(lignes)
        elif genre == 11:  # a whole file of deep nesting
            texte = "x = " + "[" * draw(st.integers(10, 5_000)) + "\n"
        elif genre == 12:  # key with a newline or quotes in its name
            lignes.insert(i, draw(st.sampled_from(['"a\\nb" = 1', "'x\"y' = 2", '"\\u0000" = 3'])))
            texte = "\n".join(lignes)
        elif genre == 14:  # NUL or another control character, raw or escaped
            pos = draw(st.integers(0, len(texte)))
            texte = texte[:pos] + draw(st.sampled_from(CONTROLES)) + texte[pos:]
        elif genre == 15:  # a huge string
            taille = draw(st.sampled_from([20_001, 200_000]))
            lignes.insert(i, f'enorme = "{"é" * taille}"')
            texte = "\n".join(lignes)
        elif genre == 16:  # an impossible date, as a value or in place of one
            date = draw(st.sampled_from(["2026-02-30", "2025-02-29", "2026-04-31", "2026-00-10"]))
            texte = re.sub(r"\d{4}-\d{2}-\d{2}", date, texte, count=1)
            if date not in texte:
                lignes.insert(i, f"date = {date}")
                texte = "\n".join(lignes)
        else:  # version from the future, or broken
            texte = re.sub(
                r'version_schema = "[^"]*"',
                'version_schema = "' + draw(st.sampled_from(["2.0", "1", "x", "99.1"])) + '"',
                texte,
            )
    donnees = texte.encode("utf-8", "surrogatepass")
    if draw(st.booleans()) and draw(st.booleans()):  # invalid UTF-8 somewhere
        pos = draw(st.integers(0, len(donnees)))
        brut = donnees[:pos] + draw(OCTETS_INVALIDES) + donnees[pos:]
    return brut if brut is not None else donnees


def fichiers(genre: str) -> st.SearchStrategy[bytes]:
    """Valid files of ``genre`` written by clsm, then (mostly) mutated."""
    chemin = CHEMINS[genre]
    graines = instances(MODELES[genre]).map(
        lambda m: texte_nouveau(chemin, en_donnees(m.model_copy(update=COHERENCE.get(genre, {}))))
    )
    return graines.flatmap(lambda t: st.just(t.encode()) | mutation(t) | mutation(t))


# --- the checks ----------------------------------------------------------------------------


def restaurer(dossier: Path, etat: dict[str, bytes]) -> None:
    for chemin in set(instantane(dossier)) - set(etat):
        (dossier / chemin).unlink()
    for chemin, contenu in etat.items():
        cible = dossier / chemin
        if not cible.is_file() or cible.read_bytes() != contenu:
            cible.parent.mkdir(parents=True, exist_ok=True)
            cible.write_bytes(contenu)
            if chemin.startswith("cellule/"):
                cible.chmod(0o600)


def essayer(dossier: Path, genre: str, contenu: bytes, base: dict[str, bytes]) -> None:
    runner = CliRunner()
    chemin = CHEMINS[genre]
    restaurer(dossier, {**base, chemin: contenu})
    avant = instantane(dossier)

    r = runner.invoke(cli, ["-C", str(dossier), "verifier"])
    assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
    assert r.exit_code in (0, 1), (r.exit_code, r.stderr)
    lignes = r.output.splitlines()
    assert lignes, r.stderr
    if lignes != ["✓ Aucun problème."]:
        assert RE_RESUME.match(lignes[-1]), lignes[-1]
        for ligne in lignes[:-1]:
            assert RE_PROBLEME.match(ligne), ligne
    assert instantane(dossier) == avant
    STATISTIQUES[f"verifier_sortie_{r.exit_code}"] += 1

    commande, ecrit = ECRITURES[genre]
    r = runner.invoke(cli, ["-C", str(dossier), *commande])
    assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
    assert r.exit_code in (0, 1, 2), (r.exit_code, r.stderr)
    apres = instantane(dossier)
    if r.exit_code == 0:
        change = {c for c in set(avant) | set(apres) if avant.get(c) != apres.get(c)}
        assert change == {ecrit}, change
        STATISTIQUES[f"{genre}_ecriture_reussie"] += 1
    else:
        assert r.stderr.startswith("Erreur : "), r.stderr
        assert apres == avant
        STATISTIQUES[f"{genre}_ecriture_refusee"] += 1
    STATISTIQUES[genre] += 1


@pytest.fixture(scope="module")
def dossier_fuzz(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[Path, dict[str, bytes]]]:
    from clsm_cli import creer_dossier

    dossier = creer_dossier(tmp_path_factory.mktemp("fuzz") / "clsm", nom="F", territoire="T")
    (dossier / "membres.toml").write_text(MEMBRES, encoding="utf-8")
    # durability is the crash test's business (test_crash.py): here fsync only costs time
    with pytest.MonkeyPatch.context() as m:
        m.setattr("clsm_cli.stockage.ecriture.os.fsync", lambda fd: None)
        yield dossier, instantane(dossier)


def _lancer(
    genre: str, exemples: int, dossier_fuzz: tuple[Path, dict[str, bytes]]
) -> Callable[[], None]:
    dossier, base = dossier_fuzz

    @settings(
        max_examples=exemples,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        database=None,
    )
    @given(fichiers(genre))
    def fuzz(contenu: bytes) -> None:
        essayer(dossier, genre, contenu, base)

    return fuzz


@pytest.mark.parametrize("genre", sorted(CHEMINS))
def test_fuzz(genre: str, dossier_fuzz: tuple[Path, dict[str, bytes]]) -> None:
    _lancer(genre, EXEMPLES, dossier_fuzz)()
    restaurer(*dossier_fuzz)


@pytest.mark.slow
@pytest.mark.parametrize("genre", sorted(CHEMINS))
def test_fuzz_lent(
    genre: str, dossier_fuzz: tuple[Path, dict[str, bytes]], capsys: pytest.CaptureFixture[str]
) -> None:
    avant = STATISTIQUES[genre]
    _lancer(genre, EXEMPLES_LENTS, dossier_fuzz)()
    restaurer(*dossier_fuzz)
    essais = STATISTIQUES[genre] - avant
    assert essais >= EXEMPLES_LENTS
    with capsys.disabled():
        print(f"\n[fuzz] {genre} : {essais} exemples ; cumul {dict(sorted(STATISTIQUES.items()))}")


def test_mutations_produisent_ce_qu_on_veut() -> None:
    """The generator really yields the kinds of bad input the issue lists."""
    vus: Counter[str] = Counter()
    texte = texte_nouveau("membres.toml", {"membre": [{"id": "a", "nom": "A", "college": "elus"}]})

    @settings(
        max_examples=300,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        database=None,
        derandomize=True,
    )
    @given(mutation(texte))
    def observer(contenu: bytes) -> None:
        try:
            t = contenu.decode("utf-8")
        except UnicodeDecodeError:
            vus["utf8_invalide"] += 1
            return
        vus["bom"] += t.startswith("\ufeff")
        vus["crlf"] += "\r\n" in t
        vus["nul_controle"] += any(c in t for c in "\x00\x01\x08\x0b\x0c\x1f\x7f")
        vus["imbrication"] += "[[[[[[[[[[" in t
        vus["enorme"] += len(t) > 20_000  # Texte holds at most 20,000 characters
        vus["date_impossible"] += any(
            d in t for d in ("2026-02-30", "2025-02-29", "2026-04-31", "2026-00-10", "2026-13-01")
        )
        vus["doublon"] += any(
            ligne and ligne == suivante
            for ligne, suivante in zip(t.split("\n"), t.split("\n")[1:], strict=False)
        )

    observer()
    assert all(
        vus[k] > 0
        for k in (
            "utf8_invalide",
            "bom",
            "crlf",
            "nul_controle",
            "imbrication",
            "enorme",
            "date_impossible",
            "doublon",
        )
    ), vus
