"""Small-cell masking: exact examples, and hypothesis against a line-by-line attacker."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clsm_cli.cellule.masquage import (
    MASQUE,
    TableauMasque,
    afficher,
    masquer_nombre,
    masquer_serie,
    masquer_tableau,
)

Droite = tuple[list[int], int]  # (indexes of the cells, index of their total)


# --- the attacker -------------------------------------------------------------------------------


def attaquer(connus: list[int | None], droites: list[Droite]) -> dict[int, int]:
    """Solve every line with exactly one unknown (cell or total), again and again until nothing
    more can be learnt; return what was recovered (index → value)."""
    valeurs = list(connus)
    appris: dict[int, int] = {}
    change = True
    while change:
        change = False
        for cellules, total in droites:
            inconnus = [k for k in [*cellules, total] if valeurs[k] is None]
            if len(inconnus) != 1:
                continue
            k = inconnus[0]
            if k == total:
                trouve = sum(v for c in cellules if (v := valeurs[c]) is not None)
            else:
                somme = sum(v for c in cellules if c != k and (v := valeurs[c]) is not None)
                t = valeurs[total]
                assert t is not None
                trouve = t - somme
            valeurs[k] = trouve
            appris[k] = trouve
            change = True
    return appris


def aplatir(t: TableauMasque) -> tuple[list[int | None], list[Droite]]:
    """The table as one list (cells row by row, row totals, column totals, total) + its lines:
    rows, columns, row totals with the total, column totals with the total."""
    nl, nc = len(t.lignes), len(t.colonnes)
    plat = [v for rang in t.valeurs for v in rang]
    plat += [*t.totaux_lignes, *t.totaux_colonnes, t.total]
    cellule = lambda i, j: i * nc + j  # noqa: E731
    droites: list[Droite] = [([cellule(i, j) for j in range(nc)], nl * nc + i) for i in range(nl)]
    droites += [([cellule(i, j) for i in range(nl)], nl * nc + nl + j) for j in range(nc)]
    grand = nl * nc + nl + nc
    droites.append(([nl * nc + i for i in range(nl)], grand))
    droites.append(([nl * nc + nl + j for j in range(nc)], grand))
    return plat, droites


def vrai_tableau(valeurs: list[list[int]], nc: int) -> list[int]:
    plat = [v for rang in valeurs for v in rang]
    plat += [sum(rang) for rang in valeurs]
    plat += [sum(rang[j] for rang in valeurs) for j in range(nc)]
    plat.append(sum(plat[: len(valeurs) * nc]))
    return plat


def test_l_attaquant_retrouve_ce_que_le_seul_masquage_primaire_laisse_voir() -> None:
    # 5 is masked, but 25 - 20 = 5 and then the column gives 30 - 5 = 25 for nothing new
    t = TableauMasque(["a", "b"], ["x", "y"], [[None, 20], [25, 40]], [25, 65], [30, 60], 90)
    plat, droites = aplatir(t)
    assert attaquer(plat, droites) == {0: 5}
    # a masked total under a fully visible line is recovered too
    assert attaquer([3, 12, None], [([0, 1], 2)]) == {2: 15}


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.lists(st.integers(0, 40), min_size=3, max_size=3), min_size=0, max_size=5),
    st.integers(2, 20),
)
def test_l_attaquant_ne_se_trompe_jamais(valeurs: list[list[int]], seuil: int) -> None:
    """Against primary suppression only, what the attacker recovers is the truth."""
    vrai = vrai_tableau(valeurs, 3)
    connus: list[int | None] = [None if 1 <= v < seuil else v for v in vrai]
    t = masquer_tableau([str(i) for i in range(len(valeurs))], ["x", "y", "z"], valeurs, seuil)
    _, droites = aplatir(t)
    for k, v in attaquer(connus, droites).items():
        assert vrai[k] == v


# --- properties ---------------------------------------------------------------------------------

petits_ou_non = st.one_of(st.just(0), st.integers(1, 12), st.integers(0, 40))
seuils = st.one_of(st.just(11), st.integers(1, 25))


@st.composite
def tableaux(draw: st.DrawFn) -> tuple[list[list[int]], int]:
    nl = draw(st.integers(0, 6))
    nc = draw(st.integers(0, 6))
    rang = st.lists(petits_ou_non, min_size=nc, max_size=nc)
    return draw(st.lists(rang, min_size=nl, max_size=nl)), nc


@settings(max_examples=500, deadline=None)
@given(tableaux(), seuils)
def test_tableau_masque_est_sur(tableau: tuple[list[list[int]], int], seuil: int) -> None:
    valeurs, nc = tableau
    lignes = [f"l{i}" for i in range(len(valeurs))]
    colonnes = [f"c{j}" for j in range(nc)]
    t = masquer_tableau(lignes, colonnes, valeurs, seuil)
    assert (t.lignes, t.colonnes) == (lignes, colonnes)
    plat, droites = aplatir(t)
    vrai = vrai_tableau(valeurs, nc)
    for montre, juste in zip(plat, vrai, strict=True):
        if montre is not MASQUE:
            assert montre == juste  # (a) what is shown is true
            assert not 1 <= montre < seuil  # (b) no small count shown
        if juste == 0:
            assert montre == 0  # (d) zeros stay 0
    for cellules, total in droites:  # (c) no line with exactly one masked cell
        assert sum(plat[k] is MASQUE for k in [*cellules, total]) != 1
    assert attaquer(plat, droites) == {}  # (c) and the attacker learns nothing


@settings(max_examples=500, deadline=None)
@given(st.lists(petits_ou_non, max_size=10), seuils)
def test_serie_masquee_est_sure(nombres: list[int], seuil: int) -> None:
    valeurs = {f"k{i}": n for i, n in enumerate(nombres)}
    masquees, total = masquer_serie(valeurs, seuil)
    assert list(masquees) == list(valeurs)  # order kept
    plat = [*masquees.values(), total]
    vrai = [*nombres, sum(nombres)]
    for montre, juste in zip(plat, vrai, strict=True):
        if montre is not MASQUE:
            assert montre == juste
            assert not 1 <= montre < seuil
        if juste == 0:
            assert montre == 0
    droite: Droite = (list(range(len(nombres))), len(nombres))
    assert sum(v is MASQUE for v in plat) != 1
    assert attaquer(plat, [droite]) == {}


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 10_000), seuils)
def test_nombre_seul(n: int, seuil: int) -> None:
    assert masquer_nombre(n, seuil) == (MASQUE if 1 <= n < seuil else n)


# --- exact examples -----------------------------------------------------------------------------


def test_masquer_nombre() -> None:
    assert [masquer_nombre(n) for n in (0, 1, 10, 11, 250)] == [0, None, None, 11, 250]
    assert [masquer_nombre(n, seuil=5) for n in (4, 5)] == [None, 5]


def test_afficher() -> None:
    assert afficher(None) == "< 11"
    assert afficher(None, seuil=5) == "< 5"
    assert afficher(0) == "0"
    assert afficher(42) == "42"
    assert afficher(1234) == "1\u202f234"
    assert afficher(1_234_567) == "1\u202f234\u202f567"


def test_serie_un_petit_effectif_entraine_le_plus_petit_autre() -> None:
    assert masquer_serie({"a": 5, "b": 20, "c": 30}) == ({"a": None, "b": None, "c": 30}, 55)
    # 12 is the smallest visible non-zero count: it goes, 30 stays; 0 stays 0
    assert masquer_serie({"a": 12, "b": 30, "c": 0, "d": 7}) == (
        {"a": None, "b": 30, "c": 0, "d": None},
        49,
    )


def test_serie_deux_petits_effectifs_se_protegent() -> None:
    assert masquer_serie({"a": 3, "b": 4, "c": 50}) == ({"a": None, "b": None, "c": 50}, 57)


def test_serie_un_seul_effectif_non_nul_masque_le_total() -> None:
    # the total would give the masked count: primary here, since 5 < 11
    assert masquer_serie({"a": 5, "b": 0}) == ({"a": None, "b": 0}, None)
    assert masquer_serie({"a": 15, "b": 0}) == ({"a": 15, "b": 0}, 15)


def test_serie_vide_et_nulle() -> None:
    assert masquer_serie({}) == ({}, 0)
    assert masquer_serie({"a": 0, "b": 0}) == ({"a": 0, "b": 0}, 0)


def test_serie_garde_l_ordre() -> None:
    masquees, _ = masquer_serie({"z": 40, "a": 30, "m": 20})
    assert list(masquees) == ["z", "a", "m"]


def test_tableau_suppression_secondaire_en_rectangle() -> None:
    t = masquer_tableau(["a", "b", "c"], ["x", "y", "z"], [[20, 30, 40], [25, 35, 45], [50, 60, 3]])
    # 3 masked → 50 (smallest of its row) and 40 (smallest of its column) → 20 for column x
    assert t == TableauMasque(
        lignes=["a", "b", "c"],
        colonnes=["x", "y", "z"],
        valeurs=[[None, 30, None], [25, 35, 45], [None, 60, None]],
        totaux_lignes=[90, 105, 113],
        totaux_colonnes=[95, 125, 88],
        total=308,
    )


def test_tableau_totaux_masques_quand_il_ne_reste_que_des_zeros() -> None:
    t = masquer_tableau(["a", "b"], ["x", "y"], [[3, 20], [0, 15]])
    # 3 → 20 (row a) → 15 (column y); row b is then 0 + masked: its total 15 goes, then the
    # row totals (23) and the column totals (35) so that the grand total reveals nothing
    assert t == TableauMasque(
        lignes=["a", "b"],
        colonnes=["x", "y"],
        valeurs=[[None, None], [0, None]],
        totaux_lignes=[None, None],
        totaux_colonnes=[None, None],
        total=38,
    )


def test_tableau_sans_petits_effectifs_reste_intact() -> None:
    t = masquer_tableau(["a"], ["x", "y"], [[11, 0]])
    assert t == TableauMasque(["a"], ["x", "y"], [[11, 0]], [11], [11, 0], 11)


def test_tableaux_vides() -> None:
    assert masquer_tableau([], [], []) == TableauMasque([], [], [], [], [], 0)
    assert masquer_tableau(["a", "b"], [], [[], []]) == TableauMasque(
        ["a", "b"], [], [[], []], [0, 0], [], 0
    )


def test_seuil_personnalise() -> None:
    assert masquer_serie({"a": 4, "b": 5, "c": 6}, seuil=5) == ({"a": None, "b": None, "c": 6}, 15)


def test_entrees_invalides() -> None:
    with pytest.raises(ValueError, match="2 ligne"):
        masquer_tableau(["a", "b"], ["x"], [[1]])
    with pytest.raises(ValueError, match="1 valeur"):
        masquer_tableau(["a"], ["x"], [[1, 2]])
    with pytest.raises(ValueError, match="positif ou nul"):
        masquer_serie({"a": -1})
    with pytest.raises(ValueError, match="positif ou nul"):
        masquer_nombre(-3)
