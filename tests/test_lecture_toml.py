"""The fast TOML reader (toml_rs, TOML 1.0 mode) and its guard rails.

toml_rs must read exactly what the reference parser (tomli 2.1–2.2 or tomllib) reads, refuse what
it refuses, and never be given a text nested deep enough to overflow the stack (a Rust stack
overflow kills the process: no message, no traceback, nothing clsm can catch).
"""

from __future__ import annotations

import base64
import json
import math
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clsm_cli.stockage import lecture
from clsm_cli.stockage.lecture import PROFONDEUR_MAX, charger_toml, profondeur, reference

TOML_TEST = Path(__file__).parent / "donnees" / "toml-test-1.0.json"


def _cas() -> dict[str, bytes]:
    cas = json.loads(TOML_TEST.read_text(encoding="utf-8"))["cas"]
    return {
        nom: base64.b64decode(v["base64"]) if isinstance(v, dict) else v.encode("utf-8")
        for nom, v in cas.items()
    }


def _lire(lire: Any, brut: bytes) -> Any:
    """What ``lire`` makes of a file as clsm reads it (UTF-8, BOM stripped): data or "refusé"."""
    try:
        texte = brut.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        return "refusé"
    try:
        return _comparable(lire(texte))
    except (ValueError, RecursionError):
        return "refusé"


def _comparable(valeur: Any) -> Any:
    """NaN is not equal to itself: compare its repr."""
    if isinstance(valeur, float) and math.isnan(valeur):
        return "nan"
    if isinstance(valeur, dict):
        return {k: _comparable(v) for k, v in valeur.items()}
    if isinstance(valeur, list):
        return [_comparable(v) for v in valeur]
    return valeur


def test_toml_rs_est_installe_et_lit_en_toml_1_0() -> None:
    # The test environment installs the project's dependencies: the fast path is what runs.
    rapide = lecture._rapide()
    assert rapide is not None
    with pytest.raises(ValueError):
        rapide("a = {x = 1,\n y = 2}")  # TOML 1.1 only: multi-line inline table


def test_meme_lecture_que_la_reference_sur_la_suite_toml_test() -> None:
    cas = _cas()
    assert len(cas) == 709
    valides = refuses = 0
    desaccords = []
    for nom, brut in cas.items():
        attendu = _lire(reference().loads, brut)
        obtenu = _lire(charger_toml, brut)
        # toml_rs itself, on every text charger_toml gives it (it skips a BOM, tomllib does not)
        rapide = attendu if brut.startswith(b"\xef\xbb\xbf" * 2) else _lire(lecture._rapide(), brut)
        if obtenu != attendu or rapide != attendu:
            desaccords.append(nom)
        valides += attendu != "refusé"
        refuses += attendu == "refusé"
    assert desaccords == []
    assert valides > 150 and refuses > 400  # both sides of the grammar are exercised


def test_la_lecture_rapide_sert_vraiment(monkeypatch: pytest.MonkeyPatch) -> None:
    # Not a test of toml_rs: a test that charger_toml does not quietly use the slow path.
    appels: list[str] = []

    def reference_espion() -> Any:
        appels.append("reference")
        return _REFERENCE

    _REFERENCE = reference()
    monkeypatch.setattr(lecture, "reference", reference_espion)
    assert charger_toml('a = [1, {b = "]"}]\n[t]\nc = 2') == {"a": [1, {"b": "]"}], "t": {"c": 2}}
    assert appels == []
    with pytest.raises(ValueError, match="Invalid value"):
        charger_toml("a = ")
    assert appels == ["reference"]  # a refusal is explained by the reference parser


def test_sans_toml_rs_la_reference_lit_tout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lecture, "_rapide", lambda: None)
    assert charger_toml("a = [[1], [2]]") == {"a": [[1], [2]]}
    with pytest.raises(ValueError):
        charger_toml("a = 1\na = 2")


class _Panique(BaseException):
    """Stands for pyo3's PanicException, a BaseException."""


@pytest.mark.parametrize("erreur", [RuntimeError("bug"), _Panique("panic"), TypeError("x")])
def test_un_accident_de_toml_rs_laisse_lire_la_reference(
    monkeypatch: pytest.MonkeyPatch, erreur: BaseException
) -> None:
    def casse(texte: str) -> dict[str, Any]:
        raise erreur

    monkeypatch.setattr(lecture, "_rapide", lambda: casse)
    assert charger_toml("a = 1") == {"a": 1}


def test_une_interruption_n_est_pas_avalee(monkeypatch: pytest.MonkeyPatch) -> None:
    def interrompu(texte: str) -> dict[str, Any]:
        raise KeyboardInterrupt

    monkeypatch.setattr(lecture, "_rapide", lambda: interrompu)
    with pytest.raises(KeyboardInterrupt):
        charger_toml("a = 1")


# --- depth --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("texte", "attendu"),
    [
        ("a = 1", 0),
        ("[t]\na = [1, [2, [3]]]", 3),
        # brackets inside strings and comments are text, whatever their number
        ('a = ["' + "]" * 200 + '", [[1]]]', 3),
        ("a = ['" + "]" * 200 + "', [[1]]]", 3),
        ('a = [\n  """\n' + "]" * 200 + '\n""", [[1]]]', 3),
        ("a = [\n  '''\n" + "]" * 200 + "\n''', [[1]]]", 3),
        ("a = [ # " + "]" * 200 + "\n [[1]]]", 3),
        # one or two quotes just before the closing delimiter belong to the string
        ('a = ["""x""""' + ", [" * 100 + "]" * 100 + "]", 101),
        ('a = ["""x"""""' + ", [" * 100 + "]" * 100 + "]", 101),
        ("a = ['''x''''" + ", [" * 100 + "]" * 100 + "]", 101),
        # escaped quotes and backslashes do not end a basic string; a literal has no escapes
        ('a = ["\\"' + "]" * 100 + '", [[1]]]', 3),
        ('a = ["\\\\", ' + "[" * 100 + "]" * 100 + "]", 101),
        ("a = ['\\', " + "[" * 100 + "]" * 100 + "]", 101),
        ('a = ["\\u00e9\\n", ' + "[" * 100 + "]" * 100 + "]", 101),
        # two strings side by side stay two strings once the text is shrunk
        ('a = ["a", "b", ' + "[" * 100 + "]" * 100 + "]", 101),
        ("a = " + "{b = " * 100 + "1" + "}" * 100, 100),
    ],
)
def test_profondeur(texte: str, attendu: int) -> None:
    # A comment full of openers: past PROFONDEUR_MAX of them, brackets are really counted.
    assert profondeur("# " + "[" * (PROFONDEUR_MAX + 1) + "\n" + texte) == attendu


def test_un_petit_texte_est_borne_par_son_nombre_d_ouvrants() -> None:
    assert profondeur("[t]\na = [1, {b = 2}]") == 3


@pytest.mark.parametrize(
    "piege",
    [
        '"' + "]" * 100 + '"',  # closers in a string
        "'''" + "]" * 100 + "'''",
        '"""' + "]" * 100 + '""""',
        "# " + "]" * 100 + "\n",
        '"\\"' + "]" * 100 + '"',
    ],
)
def test_des_fermants_caches_ne_masquent_pas_la_profondeur(piege: str) -> None:
    # An attacker hides closers in strings or comments to make a deep text look shallow.
    texte = "a = [" + ("[" + piege + ", ") * 100 + "1" + "]" * 100 + "]"
    assert profondeur(texte) >= 101


_FEUILLES = st.one_of(
    st.integers(-1000, 1000),
    st.text(alphabet="[]{}\"'#\\ab\n\t", max_size=8),
    st.booleans(),
)
_VALEURS = st.recursive(
    _FEUILLES,
    lambda enfants: st.one_of(
        st.lists(enfants, max_size=3),
        st.dictionaries(st.sampled_from(["a", "b", "c d", "é[", "#"]), enfants, max_size=3),
    ),
    max_leaves=40,
)


def _en_toml(valeur: Any) -> str:
    """Inline TOML for ``valeur``, with literal strings where TOML allows them."""
    if isinstance(valeur, bool):
        return "true" if valeur else "false"
    if isinstance(valeur, int):
        return str(valeur)
    if isinstance(valeur, str):
        if "'" not in valeur and "\n" not in valeur and "\t" not in valeur:
            return f"'{valeur}'"
        return json.dumps(valeur, ensure_ascii=False)
    if isinstance(valeur, list):
        return "[" + ", ".join(_en_toml(v) for v in valeur) + "]"
    champs = (f"{json.dumps(k, ensure_ascii=False)} = {_en_toml(v)}" for k, v in valeur.items())
    return "{" + ", ".join(champs) + "}"


def _vraie_profondeur(valeur: Any) -> int:
    if isinstance(valeur, list):
        return 1 + max((_vraie_profondeur(v) for v in valeur), default=0)
    if isinstance(valeur, dict):
        return 1 + max((_vraie_profondeur(v) for v in valeur.values()), default=0)
    return 0


@settings(max_examples=300, deadline=None)
@given(valeur=_VALEURS)
def test_profondeur_majore_la_vraie(valeur: Any) -> None:
    texte = "x = " + _en_toml(valeur) + "\n" + "# " + "[" * 70 + "\n"
    assert reference().loads(texte)["x"] == valeur
    assert profondeur(texte) >= _vraie_profondeur(valeur)
    assert charger_toml(texte) == reference().loads(texte)


@pytest.mark.parametrize("niveaux", [PROFONDEUR_MAX + 1, 6_000, 100_000])
@pytest.mark.parametrize(("ouvre", "ferme"), [("[", "]"), ("{b = ", "}"), ("[{b = ", "}]")])
def test_une_imbrication_profonde_ne_tue_pas_le_processus(
    niveaux: int, ouvre: str, ferme: str
) -> None:
    # toml_rs overflows an 8 MB stack near 5,000 levels (SIGSEGV): such a text must never reach
    # it. Run in a child process so that a crash is a failure, not the end of the test run.
    code = textwrap.dedent(
        f"""
        from clsm_cli.stockage.lecture import charger_toml
        texte = "a = " + {ouvre!r} * {niveaux} + "1" + {ferme!r} * {niveaux}
        try:
            charger_toml(texte)
        except (ValueError, RecursionError):
            print("refusé")
        else:
            print("lu")
        """
    )
    fini = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert fini.returncode == 0, fini.stderr[-2000:]
    assert fini.stdout.strip() in {"refusé", "lu"}


# --- realistic texts, damaged ------------------------------------------------------------------

_DEMO = sorted((Path(lecture.__file__).parents[1] / "donnees" / "demo").rglob("*.toml"))
_MORCEAUX = [*"[]{}\"'#=,.\\\n \t", '"""', "'''", "\\u00e9", "1979-05-27", "1e5", "-0", "é"]


@settings(max_examples=400, deadline=None)
@given(
    fichier=st.sampled_from(_DEMO),
    coups=st.lists(
        st.tuples(st.floats(0, 1), st.integers(0, 3), st.sampled_from(_MORCEAUX)),
        min_size=1,
        max_size=4,
    ),
)
def test_un_fichier_reel_abime_est_lu_comme_par_la_reference(
    fichier: Path, coups: list[tuple[float, int, str]]
) -> None:
    # Each hit removes up to 3 characters somewhere and puts a TOML-ish piece there: the
    # damaged text is read (or refused) exactly as the reference parser reads it.
    texte = fichier.read_text(encoding="utf-8")
    for ou, efface, morceau in coups:
        i = int(ou * len(texte))
        texte = texte[:i] + morceau + texte[i + efface :]
    try:
        attendu: Any = _comparable(reference().loads(texte))
    except (ValueError, RecursionError):
        attendu = "refusé"
    try:
        obtenu: Any = _comparable(charger_toml(texte))
    except (ValueError, RecursionError):
        obtenu = "refusé"
    assert obtenu == attendu


def test_la_demo_est_lue_par_toml_rs() -> None:
    assert len(_DEMO) > 10
    rapide = lecture._rapide()
    assert rapide is not None
    for fichier in _DEMO:
        texte = fichier.read_text(encoding="utf-8")
        assert profondeur(texte) <= PROFONDEUR_MAX
        assert rapide(texte) == reference().loads(texte)
