"""Benchmarks of clsm on generated folders: each figure with its target and PASS/FAIL.

    python benchmarks/run.py [--repetitions N] [--rapide] [--cache DOSSIER] [--sans-resultats]

Every figure is the median of several runs of a real subprocess (wall time, and peak RSS of
that very process through ``os.wait4``). Generated folders are kept in a cache (keyed by the
sources that shape them), so a second run only measures. Commands that do not exist yet are
reported « indisponible ». Results go to ``benchmarks/RESULTS.md`` (above the history of
optimisations, which is kept).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
RACINE = BENCH.parent
sys.path.insert(0, str(BENCH))

from generer import ANNEE_FIN, generer  # noqa: E402

PYTHON = sys.executable
_SCRIPT = Path(PYTHON).parent / "clsm"
CLSM = [str(_SCRIPT)] if _SCRIPT.is_file() else [PYTHON, "-m", "clsm_cli"]
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
"""Children write their .pyc (into a cache outside the tree), as an installed clsm would have."""
MARQUE_HISTORIQUE = "<!-- historique : conservé par run.py -->"
NB_NATIONAL = 300


@dataclass
class Mesure:
    secondes: float
    rss_mo: float
    code: int
    erreur: str = ""


@dataclass
class Ligne:
    nom: str
    valeur: str
    cible: str
    statut: str  # PASS, FAIL, indisponible, info

    def __str__(self) -> str:
        return f"{self.nom:<58} {self.valeur:>22}  cible {self.cible:<14} {self.statut}"


# --- running ---------------------------------------------------------------------------------


COUT_FIXE_EDITION = """
import os
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")  # as the CLI does
import clsm_cli.cli
from clsm_cli.modeles.plan import FichierPlan, Realisation
FichierPlan.model_validate({})
Realisation.model_validate({"date": "2025-01-02", "libelle": "x"})
"""
"""Start Python, load the CLI, pydantic and the plan's models and build their validators:
what `clsm plan realisation ajouter` costs before it reads anything."""


def lancer(commande: Sequence[str], cwd: Path | None = None) -> Mesure:
    """Run once; wall time and the peak RSS of that process (not of earlier children)."""
    with tempfile.TemporaryFile() as sortie, tempfile.TemporaryFile() as erreurs:
        debut = time.perf_counter()
        processus = subprocess.Popen(
            list(commande),
            stdout=sortie,
            stderr=erreurs,
            stdin=subprocess.DEVNULL,
            cwd=cwd,
            env=ENV,
        )
        _, statut, usage = os.wait4(processus.pid, 0)
        duree = time.perf_counter() - debut
        processus.returncode = os.waitstatus_to_exitcode(statut)
        erreurs.seek(0)
        texte = erreurs.read().decode("utf-8", "replace")[-2000:]
    return Mesure(duree, usage.ru_maxrss / 1024, processus.returncode, texte)


def mediane(
    commande: Sequence[str], repetitions: int, avant: Callable[[], None] | None = None
) -> Mesure:
    """Median time and max RSS over ``repetitions`` runs (one warm-up run first)."""
    mesures = []
    for i in range(repetitions + 1):
        if avant is not None:
            avant()
        m = lancer(commande)
        if m.code != 0:
            return m
        if i:
            mesures.append(m)
    return Mesure(statistics.median(m.secondes for m in mesures), max(m.rss_mo for m in mesures), 0)


def cote_a_cote(
    a: Sequence[str], b: Sequence[str], repetitions: int, avant_b: Callable[[], None]
) -> tuple[Mesure, Mesure]:
    """Medians of ``a`` and ``b`` run in turn (one warm-up each first): a ratio of the two is
    not skewed by the machine getting busier between two series."""
    series: tuple[list[Mesure], list[Mesure]] = ([], [])
    for i in range(repetitions + 1):
        for commande, serie, avant in ((a, series[0], None), (b, series[1], avant_b)):
            if avant is not None:
                avant()
            m = lancer(commande)
            if m.code != 0:
                return m, m
            if i:
                serie.append(m)

    def resume(serie: list[Mesure]) -> Mesure:
        return Mesure(statistics.median(m.secondes for m in serie), max(m.rss_mo for m in serie), 0)

    return resume(series[0]), resume(series[1])


def vider_cache(dossier: Path) -> None:
    """Remove clsm's cache of a folder: the next run is a cold one."""
    for partie in (".clsm/cache", "cellule/.cache"):
        shutil.rmtree(dossier / partie, ignore_errors=True)


def disponible(*mots: str) -> bool:
    """True when ``clsm MOTS… --help`` works (the command exists in this checkout)."""
    return lancer([*CLSM, *mots, "--help"]).code == 0


def aide(*mots: str) -> str:
    r = subprocess.run(
        [*CLSM, *mots, "--help"], capture_output=True, text=True, check=False, env=ENV
    )
    return r.stdout


# --- folders -----------------------------------------------------------------------------------


def empreinte() -> str:
    """Sources that shape a generated folder (the generator, the models it must satisfy): a
    change in one regenerates the cache."""
    h = hashlib.sha256()
    for f in [RACINE / "benchmarks/generer.py", *sorted(RACINE.glob("clsm_cli/modeles/*.py"))]:
        h.update(f.read_bytes())
    return h.hexdigest()[:12]


def _generer(args: tuple[str, str, int, float]) -> str:
    dossier, taille, graine, facteur = args
    if not (Path(dossier) / "clsm.toml").is_file():
        partiel = Path(dossier + ".partiel")
        shutil.rmtree(partiel, ignore_errors=True)
        generer(partiel, taille, graine, facteur)
        partiel.rename(dossier)
    return dossier


def preparer(cache: Path, facteurs: Sequence[int], national: int) -> dict[str, Path]:
    cache.mkdir(parents=True, exist_ok=True)
    for perime in cache.parent.iterdir():  # folders made by an older generator
        if (
            perime.is_dir()
            and perime != cache
            and len(perime.name) == 12
            and "-" not in perime.name
        ):
            shutil.rmtree(perime, ignore_errors=True)
    travaux = [(str(cache / f"grand-x{k}"), "grand", 1, float(k)) for k in facteurs]
    dossier_national = cache / f"national-{national}"
    travaux += [
        (str(dossier_national / f"clsm-{i:03d}"), "moyen", i, 1.0) for i in range(1, national + 1)
    ]
    a_faire = [t for t in travaux if not (Path(t[0]) / "clsm.toml").is_file()]
    if a_faire:
        print(f"Génération de {len(a_faire)} dossier(s) dans {cache}…", flush=True)
        debut = time.perf_counter()
        a_faire.sort(key=lambda t: -t[3])  # the biggest first, so both cores stay busy
        with ProcessPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
            list(pool.map(_generer, a_faire, chunksize=1))
        print(f"  fait en {time.perf_counter() - debut:.0f} s", flush=True)
    dossiers = {f"x{k}": cache / f"grand-x{k}" for k in facteurs}
    dossiers["national"] = dossier_national
    return dossiers


# --- machine -----------------------------------------------------------------------------------


def machine() -> list[str]:
    modele = "inconnu"
    try:
        for ligne in Path("/proc/cpuinfo").read_text().splitlines():
            if ligne.startswith("model name"):
                modele = ligne.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memoire = "inconnue"
    try:
        for ligne in Path("/proc/meminfo").read_text().splitlines():
            if ligne.startswith("MemTotal"):
                memoire = f"{int(ligne.split()[1]) / 1024 / 1024:.1f} Go"
    except OSError:
        pass
    return [
        f"- Date : {dt.datetime.now().isoformat(timespec='minutes')}",
        f"- Processeurs : {os.cpu_count()} × {modele}",
        f"- Mémoire : {memoire}",
        f"- Python : {platform.python_version()} ({platform.python_implementation()}), "
        f"{platform.system()} {platform.release()}",
    ]


# --- the benchmark -----------------------------------------------------------------------------


def statut(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def echec(nom: str, m: Mesure) -> Ligne:
    derniere = (m.erreur.strip().splitlines() or ["?"])[-1][:80]
    return Ligne(nom, f"erreur (code {m.code})", "-", f"FAIL : {derniere}")


class Banc:
    def __init__(self, dossiers: dict[str, Path], repetitions: int, rapide: bool) -> None:
        self.d = dossiers
        self.n = repetitions
        self.lourd = min(repetitions, 3)
        """Runs of the measures that take seconds each."""
        self.mesures_bilan: dict[str, Mesure] = {}
        self.verifier_x1: Mesure | None = None
        self.plancher_x1: Mesure | None = None
        self.rapide = rapide
        self.lignes: list[Ligne] = []
        self.brouillon = Path(tempfile.mkdtemp(prefix="clsm-bench-"))

    def noter(self, ligne: Ligne) -> None:
        self.lignes.append(ligne)
        print(ligne, flush=True)

    def copie(self, cle: str) -> Path:
        cible = self.brouillon / cle
        if not cible.exists():
            shutil.copytree(self.d[cle], cible)
        return cible

    def tout(self) -> None:
        self.demarrage()
        self.quotidien()
        self.verifier()
        self.commandes()
        self.echelle()
        self.national()
        shutil.rmtree(self.brouillon, ignore_errors=True)

    def demarrage(self) -> None:
        click = mediane([PYTHON, "-c", "import click"], self.n * 3)
        aide = mediane([*CLSM, "--help"], self.n * 3)
        if aide.code:
            return self.noter(echec("clsm --help", aide))
        ratio = aide.secondes / click.secondes
        self.noter(
            Ligne(
                f"clsm --help / import click ({aide.secondes * 1000:.0f} / "
                f"{click.secondes * 1000:.0f} ms)",
                f"{ratio:.2f}",
                "≤ 1.3",
                statut(ratio <= 1.3),
            )
        )

    def ratio(self, nom: str, m: Mesure, reference: Mesure, cible: float) -> None:
        r = m.secondes / reference.secondes
        self.noter(
            Ligne(
                f"{nom} ({m.secondes * 1000:.0f} / {reference.secondes * 1000:.0f} ms)",
                f"{r:.2f}",
                f"≤ {cible:g}",
                statut(r <= cible),
            )
        )

    def quotidien(self) -> None:
        """Everyday commands on the demo folder (the size of a real CLSM), side by side with
        ``import click``: warm cache, and first run after an edit of one file."""
        demo = self.brouillon / "demo"
        if not demo.exists():
            subprocess.run([*CLSM, "init", "--demo", str(demo)], env=ENV, check=True,
                           capture_output=True)  # fmt: skip
        click = mediane([PYTHON, "-c", "import click"], self.n * 3)
        membres = demo / "membres.toml"
        compteur = [0]

        def editer() -> None:  # a person saves membres.toml: content (and cache key) change
            compteur[0] += 1
            with membres.open("a", encoding="utf-8") as f:
                f.write(f"# note {compteur[0]}\n")

        for mots in (["verifier"], ["etat"], ["membres", "liste"]):
            commande = [*CLSM, "-C", str(demo), *mots]
            chaud = mediane(commande, self.n * 3)
            if chaud.code:
                return self.noter(echec(f"clsm {' '.join(mots)} (démo)", chaud))
            self.ratio(f"démo, cache chaud : {' '.join(mots)} / import click", chaud, click, 2.0)
            apres = mediane(commande, self.n * 2, editer)
            self.ratio(
                f"démo, après une édition : {' '.join(mots)} / import click", apres, click, 4.0
            )
        sans_cache = mediane([*CLSM, "-C", str(demo), "--sans-cache", "verifier"], self.n * 2)
        self.ratio("démo, sans cache : verifier / import click", sans_cache, click, 99)
        self.lignes[-1].statut, self.lignes[-1].cible = "info", "-"
        for nom, env in (("avec", {}), ("sans", {"CLSM_SANS_PARALLELE": "1"})):
            ENV.update(env)
            try:
                m = mediane([*CLSM, "-C", str(demo), "bilan", "2025", "--docx"], self.lourd)
            finally:
                for cle in env:
                    ENV.pop(cle, None)
            self.noter(Ligne(f"démo, bilan docx {nom} processus auxiliaire matplotlib",
                             f"{m.secondes:.2f} s ({m.rss_mo:.0f} Mo)", "-", "info"))  # fmt: skip

    def verifier(self) -> None:
        grand = self.d["x1"]
        plancher = mediane([PYTHON, str(BENCH / "plancher.py"), str(grand)], self.n)
        self.plancher_x1 = plancher
        v = mediane([*CLSM, "-C", str(grand), "verifier"], self.n)
        self.verifier_x1 = v
        if v.code:
            return self.noter(echec("clsm verifier (grand)", v))
        self.ratio("grand, cache chaud : verifier / plancher tomllib", v, plancher, 0.5)
        # the floor again, run in turn with the cold runs: both see the same machine
        plancher_froid, froid = cote_a_cote(
            [PYTHON, str(BENCH / "plancher.py"), str(grand)],
            [*CLSM, "-C", str(grand), "verifier"],
            self.n,
            lambda: vider_cache(grand),
        )
        if froid.code:
            return self.noter(echec("clsm verifier à froid (grand)", froid))
        self.ratio(
            "grand, sans cache (froid) : verifier / plancher tomllib", froid, plancher_froid, 1.2
        )
        self.noter(
            Ligne(
                "verifier grand : temps (RSS)",
                f"{v.secondes:.2f} s ({v.rss_mo:.0f} Mo)",
                "< 1 s",
                statut(v.secondes < 1),
            )
        )

    def commande(
        self,
        nom: str,
        mots: Sequence[str],
        args: Sequence[str],
        cible_s: float | None,
        cible_mo: float | None = None,
        avant: Callable[[], None] | None = None,
        dossier: Path | None = None,
        globales: Sequence[str] = (),
        repetitions: int | None = None,
    ) -> Mesure | None:
        if not disponible(*mots):
            self.noter(Ligne(nom, "-", "-", "indisponible"))
            return None
        dossier = dossier or self.d["x1"]
        n = repetitions or self.lourd
        m = mediane([*CLSM, "-C", str(dossier), *globales, *mots, *args], n, avant)
        if m.code:
            self.noter(echec(nom, m))
            return None
        cibles, ok = [], True
        if cible_s is not None:
            cibles.append(f"< {cible_s:g} s")
            ok = ok and m.secondes < cible_s
        if cible_mo is not None:
            cibles.append(f"< {cible_mo:g} Mo")
            ok = ok and m.rss_mo < cible_mo
        self.noter(
            Ligne(
                nom,
                f"{m.secondes:.2f} s ({m.rss_mo:.0f} Mo)",
                ", ".join(cibles) or "-",
                statut(ok) if cibles else "info",
            )
        )
        return m

    def commandes(self) -> None:
        annee = str(ANNEE_FIN)
        # no target in the issue for these: figures for information (time and peak RSS)
        self.commande("clsm etat --annee (grand)", ["etat"], ["--annee", annee], None)
        self.commande(
            "clsm membres liste --format json (grand)",
            ["membres", "liste"],
            [],
            None,
            globales=["--format", "json"],
        )
        brouillon = self.copie("x1")
        self.edition_bibliotheque(brouillon)
        action = "action-0300"
        m = self.commande(
            "clsm plan realisation ajouter (grand, plan.toml 440 Ko)",
            ["plan", "realisation", "ajouter"],
            self.args_realisation(action),
            None,
            dossier=brouillon,
        )
        if m is not None and self.plancher_x1 is not None:
            self.ratio("grand : plan realisation ajouter / plancher", m, self.plancher_x1, 0.5)
            # what any edit pays before reading a single file: the target's budget minus this
            # is what is left to read, splice, validate, verify and write a 4 MB folder
            fixe = mediane([PYTHON, "-c", COUT_FIXE_EDITION], self.n * 3)
            if fixe.code:
                self.noter(echec("coût fixe d'une édition", fixe))
            else:
                self.noter(Ligne(
                    f"grand : coût fixe d'une édition (python, click, pydantic, modèles du "
                    f"plan) / plancher ({fixe.secondes * 1000:.0f} / "
                    f"{self.plancher_x1.secondes * 1000:.0f} ms)",
                    f"{fixe.secondes / self.plancher_x1.secondes:.2f}", "-", "info"))  # fmt: skip
        for genre in ("docx", "xlsx"):
            self.bilan(genre, "x1", cible_s=3.0, cible_mo=300, repetitions=self.n)

    def args_realisation(self, action: str) -> list[str]:
        texte = aide("plan", "realisation", "ajouter")
        args = [action] if "ACTION" in texte else ["--action", action]
        args += ["--date", f"{ANNEE_FIN}-06-15", "--libelle", "Séance de mesure"]
        if "--participants" in texte:
            args += ["--participants", "12"]
        return args

    def args_bilan(self, genre: str, sortie: Path) -> list[str]:
        texte = aide("bilan")
        args = [str(ANNEE_FIN)]
        if "--en" in texte:
            args += ["--en", genre]
        elif f"--{genre}" in texte:
            args += [f"--{genre}"]
        if "-o" in texte or "--sortie" in texte:
            args += ["-o", str(sortie.with_suffix("." + genre))]
        return args

    def bilan(
        self,
        genre: str,
        cle: str,
        cible_s: float | None = None,
        cible_mo: float | None = None,
        repetitions: int | None = None,
    ) -> Mesure | None:
        dossier = self.copie(cle)
        m = self.commande(
            f"clsm bilan {ANNEE_FIN} {genre} ({'grand' if cle == 'x1' else 'grand ' + cle})",
            ["bilan"],
            self.args_bilan(genre, self.brouillon / f"bilan-{cle}"),
            cible_s,
            cible_mo,
            dossier=dossier,
            repetitions=repetitions,
        )
        if m is not None:
            self.mesures_bilan[f"{genre}-{cle}"] = m
        return m

    def edition_bibliotheque(self, brouillon: Path) -> None:
        m = mediane([PYTHON, str(BENCH / "edition.py"), str(brouillon)], self.lourd)
        if m.code:
            return self.noter(echec("édition de plan.toml (bibliothèque)", m))
        self.noter(
            Ligne(
                "édition de tout plan.toml par ed.document (grand)",
                f"{m.secondes:.2f} s ({m.rss_mo:.0f} Mo)",
                "-",
                "info",
            )
        )

    def echelle(self) -> None:
        facteurs = [k for k in (1, 4, 16) if f"x{k}" in self.d]
        if len(facteurs) < 2:
            return
        temps: dict[int, float] = {}
        for k in facteurs:
            n = 1 if k >= 16 else self.lourd  # ×16 takes 15-20 s a run
            m = self.verifier_x1 if k == 1 and self.verifier_x1 else None
            m = m or mediane([*CLSM, "-C", str(self.d[f"x{k}"]), "verifier"], n)
            if m.code not in (0, 1):
                return self.noter(echec(f"verifier ×{k}", m))
            temps[k] = m.secondes
            self.noter(
                Ligne(
                    f"verifier grand ×{k}", f"{m.secondes:.2f} s ({m.rss_mo:.0f} Mo)", "-", "info"
                )
            )
        self.ratio_echelle("verifier", temps)
        if not disponible("bilan"):
            return self.noter(Ligne("échelle du bilan", "-", "-", "indisponible"))
        temps = {}
        for k in facteurs:
            deja = self.mesures_bilan.get(f"xlsx-x{k}")
            m = deja or self.bilan("xlsx", f"x{k}", repetitions=1 if k >= 16 else None)
            if m is None:
                return
            temps[k] = m.secondes
        self.ratio_echelle("bilan xlsx", temps)

    def ratio_echelle(self, quoi: str, temps: dict[int, float]) -> None:
        grand = max(temps)
        ratio = temps[grand] / temps[1]
        limite = 20 * grand / 16
        self.noter(
            Ligne(
                f"échelle {quoi} : temps(×{grand}) / temps(×1)",
                f"{ratio:.1f}",
                f"≤ {limite:g}",
                statut(ratio <= limite),
            )
        )

    def national(self) -> None:
        dossier = self.d.get("national")
        if dossier is None:
            return
        nb = len(list(dossier.glob("clsm-*")))
        if not disponible("national"):
            return self.noter(
                Ligne(f"clsm national, {nb} dossiers moyens", "-", "-", "indisponible")
            )
        m = mediane(
            [*CLSM, "--format", "json", "national", str(dossier), "--recursif"],
            self.lourd,
        )
        if m.code:
            return self.noter(echec(f"clsm national ({nb} dossiers)", m))
        self.noter(
            Ligne(
                f"clsm national, {nb} dossiers « moyen » ({os.cpu_count()} cœurs)",
                f"{m.secondes:.2f} s ({m.rss_mo:.0f} Mo)",
                "< 10 s",
                statut(m.secondes < 10),
            )
        )


def ecrire_resultats(chemin: Path, lignes: list[Ligne], duree: float, options: str) -> None:
    ancien = chemin.read_text(encoding="utf-8") if chemin.is_file() else ""
    _, _, historique = ancien.partition(MARQUE_HISTORIQUE)
    tableau = ["| Mesure | Valeur | Cible | Résultat |", "|---|---|---|---|"]
    tableau += [f"| {lg.nom} | {lg.valeur} | {lg.cible} | {lg.statut} |" for lg in lignes]
    texte = "\n".join(
        [
            "# Résultats des benchmarks de clsm",
            "",
            "Produit par `python benchmarks/run.py` (ne pas modifier au-dessus de la marque : le "
            "fichier est réécrit à chaque exécution).",
            "",
            "## Machine",
            "",
            *machine(),
            "",
            "## Mesures",
            "",
            f"Médiane de plusieurs exécutions ({options}) ; RSS = pic de mémoire du processus. "
            "Dossier « grand » : 400 membres, 20 groupes, 300 actions et 3 000 réalisations, "
            "10 ans de SISM × 60 événements, 200 réunions, 2 000 situations, 500 séances "
            "(`benchmarks/generer.py --taille grand`), ×4 et ×16 pour l'échelle.",
            "",
            *tableau,
            "",
            f"Durée totale de l'exécution : {duree:.0f} s.",
            "",
            MARQUE_HISTORIQUE,
        ]
    )
    chemin.write_text(texte + (historique or "\n"), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmarks de clsm (voir RESULTS.md).")
    parser.add_argument("--repetitions", type=int, default=5, help="exécutions par mesure")
    parser.add_argument("--rapide", action="store_true", help="sans ×16 ni national")
    parser.add_argument(
        "--cache",
        type=Path,
        default=Path(tempfile.gettempdir()) / "clsm-bench",
        help="dossier des dossiers générés (réutilisés d'une exécution à l'autre)",
    )
    parser.add_argument("--sans-resultats", action="store_true", help="ne pas écrire RESULTS.md")
    args = parser.parse_args(argv)
    ENV["PYTHONPYCACHEPREFIX"] = str(args.cache / "pycache")
    ENV["XDG_CACHE_HOME"] = str(args.cache / "utilisateur")  # the cache key of the runs
    debut = time.perf_counter()
    facteurs = (1, 4) if args.rapide else (1, 4, 16)
    dossiers = preparer(args.cache / empreinte(), facteurs, 0 if args.rapide else NB_NATIONAL)
    if args.rapide:
        dossiers.pop("national")
    banc = Banc(dossiers, args.repetitions, args.rapide)
    banc.tout()
    duree = time.perf_counter() - debut
    print(f"Durée totale : {duree:.0f} s", flush=True)
    if not args.sans_resultats:
        options = f"{args.repetitions} répétitions" + (", rapide" if args.rapide else "")
        ecrire_resultats(BENCH / "RESULTS.md", banc.lignes, duree, options)
    return 1 if any(lg.statut.startswith("FAIL") for lg in banc.lignes) else 0


if __name__ == "__main__":
    sys.exit(main())
