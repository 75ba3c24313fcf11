"""How well the cellule's personal-data guard does on its labelled corpus, and how fast.

    python benchmarks/garde_confidentialite.py [--erreurs]

Reads ``tests/donnees/corpus_confidentialite.tsv`` (nature TAB texte) and prints, per kind, the
recall (share of the texts of that kind where the guard finds that kind) and, for ordinary
texts (``aucune``), the false-positive rate (share where it finds anything); then the totals,
the time to scan the corpus, and the time to scan 1 MB of text (the field documents of
``tests/donnees/terrain/`` repeated). ``--erreurs`` also lists the texts it gets wrong.
"""

from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path

RACINE = Path(__file__).resolve().parent.parent
CORPUS = RACINE / "tests" / "donnees" / "corpus_confidentialite.tsv"
TERRAIN = RACINE / "tests" / "donnees" / "terrain"
JOUR = date(2026, 11, 26)
NATURES = ("nir", "telephone", "courriel", "naissance", "adresse", "nom")


def lire_corpus(chemin: Path = CORPUS) -> list[tuple[str, str]]:
    """(nature, texte) for each line of the corpus (comments and blank lines skipped)."""
    lignes = []
    for ligne in chemin.read_text(encoding="utf-8").splitlines():
        if ligne.strip() and not ligne.startswith("#"):
            nature, texte = ligne.split("\t", 1)
            lignes.append((nature, texte))
    return lignes


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(RACINE))
    from clsm_cli.cellule import confidentialite as C

    cles = {
        "nir": C.NIR,
        "telephone": C.TELEPHONE,
        "courriel": C.COURRIEL,
        "naissance": C.DATE_NAISSANCE,
        "adresse": C.ADRESSE,
        "nom": C.NOM,
    }
    corpus = lire_corpus()
    debut = time.perf_counter()
    resultats = [(nature, texte, C.detecter(texte, aujourdhui=JOUR)) for nature, texte in corpus]
    duree_corpus = time.perf_counter() - debut

    erreurs: list[str] = []
    print(f"{'nature':<12}{'textes':>8}{'trouvés':>9}{'rappel':>9}")
    total_positifs = total_trouves = 0
    for nature in NATURES:
        lignes = [(t, r) for n, t, r in resultats if n == nature]
        trouves = sum(cles[nature] in r for _, r in lignes)
        erreurs += [f"manqué ({nature}) : {t}" for t, r in lignes if cles[nature] not in r]
        total_positifs += len(lignes)
        total_trouves += trouves
        print(f"{nature:<12}{len(lignes):>8}{trouves:>9}{trouves / len(lignes):>9.1%}")
    ordinaires = [(t, r) for n, t, r in resultats if n == "aucune"]
    fausses = [(t, r) for t, r in ordinaires if r]
    erreurs += [f"fausse alerte ({', '.join(d.nature for d in r)}) : {t}" for t, r in fausses]
    rappel = total_trouves / total_positifs
    taux_faux = len(fausses) / len(ordinaires)
    print(f"{'total':<12}{total_positifs:>8}{total_trouves:>9}{rappel:>9.1%}")
    print(f"aucune      {len(ordinaires):>8}  fausses alertes {len(fausses)} ({taux_faux:.1%})")
    print(f"corpus : {len(corpus)} textes lus en {duree_corpus * 1000:.0f} ms")

    morceaux = [p.read_text(encoding="utf-8") for p in sorted(TERRAIN.glob("*.txt"))]
    gros = "\n".join(morceaux)
    gros = (gros * (1_000_000 // len(gros) + 1))[:1_000_000]
    debut = time.perf_counter()
    C.detecter(gros, aujourdhui=JOUR)
    en_bloc = time.perf_counter() - debut
    debut = time.perf_counter()
    for ligne in gros.splitlines():
        C.detecter(ligne, aujourdhui=JOUR)
    par_ligne = time.perf_counter() - debut
    print(f"1 Mo de texte : {en_bloc:.2f} s d'un bloc, {par_ligne:.2f} s ligne par ligne")
    if "--erreurs" in argv:
        print("\n".join(erreurs))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
