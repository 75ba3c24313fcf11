"""The line index turns a data path into the line where a person wrote it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from clsm_cli.stockage.lignes import IndexLignes

TEXTE = '''\
#:schema x
version_schema = "1.0"

[periode]
debut = 2024-01-01

[[action]]
id = "a"  # commentaire avec [[faux]] et clé = valeur
intitule = """
[[pas_une_table]]
faux = 1
"""
publics = [
  "jeunes",
  "[[encore_faux]]",
]

[[action.realisation]]
date = 2025-01-01

[[action.realisation]]
"date" = 2025-02-01
consentement = { recueilli = true }

[[action]]
id = "b"

[[action.realisation]]
libelle = 'x = y'
'''


def test_tables_cles_et_occurrences() -> None:
    index = IndexLignes(TEXTE)
    assert index.ligne(["version_schema"]) == 2
    assert index.ligne(["periode", "debut"]) == 5
    assert index.ligne(["action", 0]) == 7
    assert index.ligne(["action", 0, "id"]) == 8
    assert index.ligne(["action", 0, "intitule"]) == 9
    assert index.ligne(["action", 0, "publics", 1]) == 13
    assert index.ligne(["action", 0, "realisation", 0, "date"]) == 19
    assert index.ligne(["action", 0, "realisation", 1, "date"]) == 22
    assert index.ligne(["action", 0, "realisation", 1, "consentement", "recueilli"]) == 23
    assert index.ligne(["action", 1, "id"]) == 26
    assert index.ligne(["action", 1, "realisation", 0, "libelle"]) == 29
    assert index.ligne(["action", 1, "realisation", 0, "absente"]) == 28
    assert index.ligne(["pas_une_table"]) is None
    assert index.ligne(["faux"]) is None
    assert index.ligne(["encore_faux"]) is None


@given(st.text(max_size=300))
def test_jamais_d_exception(texte: str) -> None:
    IndexLignes(texte).ligne(["a", 0, "b"])
