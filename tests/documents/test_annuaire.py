"""Contacts: ``membres liste --colonnes``, ``membres annuaire`` (.xlsx read back with openpyxl,
.csv with the csv module, .vcf checked strictly against RFC 6350) and ``membres courriels``.
Folder: test_convocation's (a structure whose name holds a comma, a member without address,
one with a malformed address, one who left)."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from .test_convocation import dossier

Clsm = Callable[..., Result]
__all__ = ["dossier"]

LONGUE = (
    "Centre hospitalier spécialisé; pôle 5, secteur \\ nord — équipe mobile psychiatrie-précarité"
)


def reussit(clsm: Clsm, dossier: Path, *args: str) -> Result:
    r = clsm("-C", dossier, *args)
    assert r.exit_code == 0, r.output
    return r


# --- membres liste --colonnes --------------------------------------------------------------------


def test_liste_colonnes(clsm: Clsm, dossier: Path) -> None:
    r = reussit(
        clsm, dossier, "--format", "csv", "membres", "liste", "--instance", "copil",
        "--colonnes", "nom,prenom,courriel,telephone",
    )  # fmt: skip
    assert r.stdout == (
        "\ufeffNom,Prénom,Courriel,Téléphone\n"
        "Bernard,Élise,e.bernard@testville.example,\n"
        "Durand,Paul,paul.durand@chs.example,\n"
        ",,,\n"
        "Martin,Anne,anne.martin@testville.example,\n"
        "Roy,Jean,pas une adresse,\n"
    )
    r = reussit(
        clsm, dossier, "--format", "json", "membres", "liste", "--colonnes", "id,courriel,college"
    )
    assert json.loads(r.stdout)[:2] == [
        {"id": "elise-bernard", "courriel": "e.bernard@testville.example", "college": "elus"},
        {"id": "paul-durand", "courriel": "paul.durand@chs.example", "college": "psychiatrie"},
    ]
    r = clsm("-C", dossier, "membres", "liste", "--colonnes", "nom,adresse")
    assert r.exit_code == 2
    assert r.stderr == (
        "Erreur : --colonnes : colonne inconnue « adresse » (colonnes possibles : id, nom, "
        "prenom, structure, fonction, college, instances, courriel, telephone, depuis, "
        "jusqu_a, signataire, notes).\n"
    )


# --- membres courriels ---------------------------------------------------------------------------


def test_courriels(clsm: Clsm, dossier: Path) -> None:
    reussit(clsm, dossier, "membres", "modifier", "gem", "--courriel", "contact@gem.example")
    r = reussit(clsm, dossier, "membres", "courriels", "--instance", "copil")
    assert r.stdout == (
        "Élise Bernard <e.bernard@testville.example>; Paul Durand <paul.durand@chs.example>; "
        '"GEM L\'Envol, Testville" <contact@gem.example>; '
        "Anne Martin <anne.martin@testville.example>\n"
    )
    assert r.stderr == "Attention : 1 membre(s) sans adresse électronique : Jean Roy.\n"
    r = reussit(clsm, dossier, "membres", "courriels", "--groupe", "logement")
    assert r.stdout == "Anne Martin <anne.martin@testville.example>\n"
    assert r.stderr == "Attention : 1 membre(s) sans adresse électronique : Zoé Noël.\n"
    r = reussit(clsm, dossier, "--format", "json", "membres", "courriels", "--college", "elus")
    assert json.loads(r.stdout) == {
        "destinataires": [{"nom": "Élise Bernard", "courriel": "e.bernard@testville.example"}],
        "sans_courriel": [],
    }
    r = clsm("-C", dossier, "membres", "courriels", "--groupe", "inconnu")
    assert r.exit_code != 0 and r.stderr.startswith("Erreur : ")


def test_liste_courriels_outlook() -> None:
    from clsm_cli.documents.annuaire import destinataire, liste_courriels

    assert destinataire("Martin, Anne", "a@b.fr") == '"Martin, Anne" <a@b.fr>'
    assert destinataire('Le "Relais"', "r@b.fr") == '"Le \\"Relais\\"" <r@b.fr>'
    assert destinataire("  ", "x@b.fr") == "x@b.fr"
    assert liste_courriels([("A", "a@b.fr"), ("B; C", "b@c.fr")]) == ('A <a@b.fr>; "B; C" <b@c.fr>')


# --- membres annuaire ----------------------------------------------------------------------------


def _deplier(texte: str) -> list[str]:
    """RFC 6350 § 3.2: CRLF followed by one space or tab continues the line."""
    assert texte.endswith("\r\n")
    assert "\n" not in texte.replace("\r\n", "") and "\r" not in texte.replace("\r\n", "")
    return re.sub(r"\r\n[ \t]", "", texte).split("\r\n")[:-1]


def _valeur(texte: str) -> list[str]:
    """The components of a structured value (« ; »), unescaped (§ 3.4)."""
    composants, courant, i = [], "", 0
    while i < len(texte):
        c = texte[i]
        if c == "\\":
            suivant = texte[i + 1]
            assert suivant in "\\,;nN", f"échappement invalide \\{suivant}"
            courant += "\n" if suivant in "nN" else suivant
            i += 2
            continue
        assert c != ",", "virgule non échappée"
        if c == ";":
            composants.append(courant)
            courant = ""
        else:
            courant += c
        i += 1
    return [*composants, courant]


def lire_vcf(brut: bytes) -> list[dict[str, list[str]]]:
    """A strict reader: folded lines ≤ 75 octets, BEGIN/VERSION:4.0/…/END, FN and N present."""
    texte = brut.decode("utf-8")
    for ligne in texte.split("\r\n"):
        assert len(ligne.encode("utf-8")) <= 75, ligne
    cartes: list[dict[str, list[str]]] = []
    carte: dict[str, list[str]] | None = None
    for ligne in _deplier(texte):
        nom_params, _, valeur = ligne.partition(":")
        if ligne == "BEGIN:VCARD":
            assert carte is None
            carte = {}
            continue
        assert carte is not None
        if ligne == "END:VCARD":
            assert next(iter(carte)) == "VERSION" and carte["VERSION"] == ["4.0"]
            assert "FN" in carte and "N" in carte
            cartes.append(carte)
            carte = None
            continue
        assert re.fullmatch(r"[A-Z]+(;[A-Z]+=[a-z]+)*", nom_params), nom_params
        carte[nom_params.split(";")[0]] = _valeur(valeur)
    assert carte is None
    return cartes


def test_annuaire_trois_formats(clsm: Clsm, dossier: Path) -> None:
    import openpyxl

    reussit(
        clsm, dossier, "membres", "ajouter", "--nom", "Lefèvre-Saint-Hilaire",
        "--prenom", "Marie-Éléonore", "--structure", LONGUE, "--college", "psychiatrie",
        "--fonction", "Cadre de santé", "--courriel", "me.lefevre@chs.example",
        "--telephone", "+33 6 12 34 56 78",
    )  # fmt: skip
    r = reussit(clsm, dossier, "membres", "annuaire")
    assert [x.startswith("✓ Annuaire écrit : ") for x in r.output.splitlines()] == [True] * 3
    assert [x.rpartition("/")[2] for x in r.output.splitlines()] == [
        "annuaire.xlsx (7 membre(s))",
        "annuaire.csv (7 membre(s))",
        "annuaire.vcf (7 membre(s))",
    ]
    # vCard 4.0: one card per active member (Luc Ancien left on 2026-06-30)
    cartes = lire_vcf((dossier / "exports/annuaire.vcf").read_bytes())
    assert [c["FN"] for c in cartes] == [
        ["Élise Bernard"], ["Paul Durand"], ["GEM L'Envol, Testville"],
        ["Marie-Éléonore Lefèvre-Saint-Hilaire"], ["Anne Martin"], ["Zoé Noël"], ["Jean Roy"],
    ]  # fmt: skip
    marie = cartes[3]
    assert marie == {
        "VERSION": ["4.0"],
        "FN": ["Marie-Éléonore Lefèvre-Saint-Hilaire"],
        "N": ["Lefèvre-Saint-Hilaire", "Marie-Éléonore", "", "", ""],
        "ORG": [LONGUE],
        "TITLE": ["Cadre de santé"],
        "EMAIL": ["me.lefevre@chs.example"],
        "TEL": ["+33 6 12 34 56 78"],
        "CATEGORIES": ["Psychiatrie publique"],
    }
    gem = cartes[2]
    assert gem["KIND"] == ["org"] and gem["N"] == ["", "", "", "", ""]
    assert gem["ORG"] == ["GEM L'Envol, Testville"] and "EMAIL" not in gem
    brut = (dossier / "exports/annuaire.vcf").read_bytes()
    assert b"ORG:Centre hospitalier sp\xc3\xa9cialis\xc3\xa9\\; p\xc3\xb4le 5\\, secteur \\\\ " in (
        brut
    )
    assert b"\r\n " in brut  # the long ORG line is folded
    # CSV for a French Excel
    texte = (dossier / "exports/annuaire.csv").read_bytes().decode("utf-8")
    assert texte.startswith("\ufeffNom;Prénom;Structure;Fonction;Collège;Courriel;Téléphone\r\n")
    lignes = list(csv.reader(io.StringIO(texte.removeprefix("\ufeff")), delimiter=";"))
    assert lignes[1] == [
        "Bernard", "Élise", "Ville de Testville", "", "Élus", "e.bernard@testville.example", "",
    ]  # fmt: skip
    assert len(lignes) == 8
    # xlsx
    feuille = openpyxl.load_workbook(dossier / "exports/annuaire.xlsx")["Annuaire"]
    valeurs = [[c.value for c in ligne] for ligne in feuille.iter_rows()]
    assert valeurs[0] == ["Nom", "Prénom", "Structure", "Fonction", "Collège", "Courriel",
                          "Téléphone"]  # fmt: skip
    assert valeurs[4][:3] == ["Lefèvre-Saint-Hilaire", "Marie-Éléonore", LONGUE]
    assert len(valeurs) == 8


@pytest.mark.parametrize("format_", ["vcf", "csv", "xlsx"])
def test_annuaire_un_format_et_filtre(clsm: Clsm, dossier: Path, format_: str) -> None:
    r = reussit(
        clsm, dossier, "--format", "json", "membres", "annuaire", "--en", format_,
        "--groupe", "logement", "-o", dossier / "carnet",
    )  # fmt: skip
    assert json.loads(r.stdout) == {"fichiers": [str(dossier / f"carnet.{format_}")], "membres": 2}
    if format_ == "vcf":
        cartes = lire_vcf((dossier / "carnet.vcf").read_bytes())
        assert [c["FN"] for c in cartes] == [["Anne Martin"], ["Zoé Noël"]]


def test_pliage_vcard() -> None:
    from clsm_cli.documents.annuaire import echapper_vcard, plier

    ligne = "NOTE:" + "é" * 80
    plie = plier(ligne)
    morceaux = plie.removesuffix("\r\n").split("\r\n")
    assert all(len(m.encode("utf-8")) <= 75 for m in morceaux)
    assert "".join(m.removeprefix(" ") for m in morceaux) == ligne  # no split inside « é »
    assert plier("FN:court") == "FN:court\r\n"
    assert echapper_vcard("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
