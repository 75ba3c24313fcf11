"""``verifier``: every problem of every file, as a list of :class:`Probleme` values.

Loading already reports syntax, encoding and schema problems; this module adds the checks that
need the whole folder (references, duplicates, dates, file names, confidentiality), each a small
function that yields problems.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
from collections.abc import Callable, Iterable, Iterator

from clsm_cli.cellule.controles import controle_confidentialite
from clsm_cli.modeles.problemes import Probleme, trier
from clsm_cli.modeles.vocabulaires import INSTANCES_RESERVEES, RE_ID, date_precise, dernier_avant
from clsm_cli.stockage import dossier as D
from clsm_cli.stockage import systeme
from clsm_cli.stockage.lecture import FichierLu
from clsm_cli.stockage.projet import ProjetLu, etat_git

Controle = Callable[[ProjetLu], Iterable[Probleme]]


def verifier(projet: ProjetLu) -> list[Probleme]:
    """Every problem of the folder, sorted by file and line.

    With the folder's cache, a verification already made of exactly these file contents, on
    the same day and with the same permissions, is given back without being made again.
    """
    cle = projet.empreinte()
    if cle is not None and projet.cache is not None:
        deja = projet.cache.verification(cle)
        if deja is not None:
            return deja
    problemes = list(projet.problemes)
    for controle in CONTROLES:
        problemes.extend(controle(projet))
    problemes = trier(problemes)
    if cle is not None and projet.cache is not None:
        projet.cache.noter_verification(cle, problemes)
        projet.cache.enregistrer()
    return problemes


def erreurs(problemes: Iterable[Probleme]) -> list[Probleme]:
    return [p for p in problemes if p.est_erreur]


def _f(projet: ProjetLu, chemin: str) -> FichierLu:
    return projet.fichiers.get(chemin) or FichierLu(chemin)


# --- duplicates ----------------------------------------------------------------------------


def _doublons_dans(
    lu: FichierLu, table: str, cle: str, valeurs: list[str], quoi: str
) -> Iterator[Probleme]:
    premiers: dict[str, int] = {}
    for i, valeur in enumerate(valeurs):
        if valeur in premiers:
            ligne_premier = lu.ligne([table, premiers[valeur], cle])
            yield lu.probleme(
                [table, i, cle],
                f"{quoi} « {valeur} » en double (déjà utilisé ligne {ligne_premier})",
                "E202",
            )
        else:
            premiers[valeur] = i


def controle_uids(projet: ProjetLu) -> Iterator[Probleme]:
    """A calendar identity carried by two records (a meeting file copied to prepare the next
    one): the agenda gives the second one another UID; the line should go."""
    from clsm_cli.noyau.uid import uids_en_double

    for chemin, position, uid, premier in uids_en_double(projet):
        yield _f(projet, chemin).probleme(
            position,
            f"uid « {uid} » déjà porté par {premier} (fichier copié ?) : supprimez cette ligne, "
            "l'agenda en attribue un autre",
            "W303",
        )


def controle_doublons(projet: ProjetLu) -> Iterator[Probleme]:
    yield from controle_uids(projet)
    yield from _doublons_dans(
        _f(projet, "membres.toml"), "membre", "id", [m.id for m in projet.membres], "identifiant"
    )
    yield from _doublons_dans(
        _f(projet, "groupes.toml"), "groupe", "id", [g.id for g in projet.groupes], "identifiant"
    )
    plan = _f(projet, "plan.toml")
    yield from _doublons_dans(plan, "axe", "id", [a.id for a in projet.plan.axe], "axe")
    yield from _doublons_dans(plan, "action", "id", [a.id for a in projet.actions], "action")
    diagnostic = _f(projet, "diagnostic.toml")
    yield from _doublons_dans(
        diagnostic, "diagnostic", "id", [d.id for d in projet.diagnostics], "diagnostic"
    )
    premieres: dict[str, tuple[int, int]] = {}
    for i, d in enumerate(projet.diagnostics):
        for j, p in enumerate(d.priorite):
            if p.id in premieres:
                k, m = premieres[p.id]
                ligne = diagnostic.ligne(["diagnostic", k, "priorite", m, "id"])
                yield diagnostic.probleme(
                    ["diagnostic", i, "priorite", j, "id"],
                    f"priorité « {p.id} » en double (déjà utilisée ligne {ligne})",
                    "E202",
                )
            else:
                premieres[p.id] = (i, j)
    yield from _doublons_dans(
        _f(projet, "cellule/situations.toml"),
        "situation",
        "code",
        [s.code for s in projet.situations],
        "code",
    )


# --- references ----------------------------------------------------------------------------


class _References:
    """Known identifiers; a collection whose file is invalid is not checked (no cascades)."""

    def __init__(self, projet: ProjetLu) -> None:
        self.membres = None if "membres.toml" in projet.invalides else set(projet.membres_par_id)
        self.groupes = None if "groupes.toml" in projet.invalides else set(projet.groupes_par_id)
        plan_ok = "plan.toml" not in projet.invalides
        self.axes = {a.id for a in projet.plan.axe} if plan_ok else None
        diagnostic_ok = "diagnostic.toml" not in projet.invalides
        self.priorites = (
            {p.id for d in projet.diagnostics for p in d.priorite} if diagnostic_ok else None
        )
        situations_ok = "cellule/situations.toml" not in projet.invalides
        self.codes = set(projet.situations_par_code) if situations_ok else None

    @staticmethod
    def manque(connus: set[str] | None, valeur: str | None) -> bool:
        return connus is not None and valeur is not None and valeur not in connus


def _ref_membre(
    lu: FichierLu, refs: _References, chemin: list[str | int], valeur: str | None
) -> Iterator[Probleme]:
    if refs.manque(refs.membres, valeur):
        yield lu.probleme(chemin, f"membre inconnu « {valeur} » (absent de membres.toml)", "E201")


def _ref_membres_ou_noms(
    lu: FichierLu, refs: _References, base: list[str | int], valeurs: list[str]
) -> Iterator[Probleme]:
    """Lists that take member ids or free names: a value shaped like an id must be known."""
    for valeur in valeurs:
        if RE_ID.match(valeur):
            yield from _ref_membre(lu, refs, base, valeur)


def controle_references(projet: ProjetLu) -> Iterator[Probleme]:
    refs = _References(projet)
    membres = _f(projet, "membres.toml")
    for i, m in enumerate(projet.membres):
        for instance in m.instances:
            if instance not in INSTANCES_RESERVEES and refs.manque(refs.groupes, instance):
                yield membres.probleme(
                    ["membre", i, "instances"],
                    f"instance ou groupe inconnu « {instance} » (copil, pleniere, "
                    "comite_technique, cellule ou un identifiant de groupes.toml)",
                    "E201",
                )
    groupes = _f(projet, "groupes.toml")
    for i, g in enumerate(projet.groupes):
        yield from _ref_membre(groupes, refs, ["groupe", i, "pilote"], g.pilote)
        for ident in g.membres:
            yield from _ref_membre(groupes, refs, ["groupe", i, "membres"], ident)
    plan = _f(projet, "plan.toml")
    for i, axe in enumerate(projet.plan.axe):
        for priorite in axe.priorites:
            if refs.manque(refs.priorites, priorite):
                yield plan.probleme(
                    ["axe", i, "priorites"],
                    f"priorité inconnue « {priorite} » (absente de diagnostic.toml)",
                    "E205",
                )
    for i, a in enumerate(projet.actions):
        if refs.manque(refs.axes, a.axe):
            yield plan.probleme(["action", i, "axe"], f"axe inconnu « {a.axe} »", "E201")
        if refs.manque(refs.groupes, a.groupe):
            yield plan.probleme(
                ["action", i, "groupe"], f"groupe inconnu « {a.groupe} » (groupes.toml)", "E201"
            )
        yield from _ref_membre(plan, refs, ["action", i, "pilote"], a.pilote)
    for chemin, r in projet.reunions.items():
        lu = _f(projet, chemin)
        if r.instance.startswith("groupe:") and refs.manque(refs.groupes, r.instance[7:]):
            yield lu.probleme(
                ["instance"], f"groupe inconnu « {r.instance[7:]} » (groupes.toml)", "E201"
            )
        yield from _ref_membres_ou_noms(lu, refs, ["presents"], r.presents)
        yield from _ref_membres_ou_noms(lu, refs, ["excuses"], r.excuses)
    for chemin, s in projet.sism.items():
        lu = _f(projet, chemin)
        for ident in s.comite:
            yield from _ref_membre(lu, refs, ["comite"], ident)
    situations = _f(projet, "cellule/situations.toml")
    for i, sit in enumerate(projet.situations):
        yield from _ref_membre(situations, refs, ["situation", i, "referent"], sit.referent)
    for chemin, seance in projet.seances.items():
        lu = _f(projet, chemin)
        for ident in seance.presents:
            yield from _ref_membre(lu, refs, ["presents"], ident)
        for j, examen in enumerate(seance.examen):
            if refs.manque(refs.codes, examen.code):
                yield lu.probleme(
                    ["examen", j, "code"],
                    f"situation inconnue « {examen.code} » (cellule/situations.toml)",
                    "E201",
                )


def controle_priorites(projet: ProjetLu) -> Iterator[Probleme]:
    """W305: a priority of the latest diagnostic that no axis of the plan answers."""
    if "plan.toml" in projet.invalides or "diagnostic.toml" in projet.invalides:
        return
    dernier = dernier_avant(projet.diagnostics)
    if dernier is None:
        return
    i = projet.diagnostics.index(dernier)
    repondues = {p for axe in projet.plan.axe for p in axe.priorites}
    lu = _f(projet, "diagnostic.toml")
    for j, p in enumerate(dernier.priorite):
        if p.id not in repondues:
            yield lu.probleme(
                ["diagnostic", i, "priorite", j, "id"],
                f"aucun axe du plan ne répond à la priorité « {p.id} » (clsm plan axe "
                f"modifier AXE --priorite {p.id})",
                "W305",
            )


# --- dates ---------------------------------------------------------------------------------


def _ordre(
    lu: FichierLu,
    chemin: list[str | int],
    debut: dt.date | None,
    fin: dt.date | None,
    noms: tuple[str, str] = ("debut", "fin"),
) -> Iterator[Probleme]:
    if debut is not None and fin is not None and debut > fin:
        yield lu.probleme(
            [*chemin, noms[1]],
            f"{noms[1]} ({fin.isoformat()}) précède {noms[0]} ({debut.isoformat()})",
            "E203",
        )


def controle_dates(projet: ProjetLu) -> Iterator[Probleme]:
    membres = _f(projet, "membres.toml")
    for i, m in enumerate(projet.membres):
        yield from _ordre(membres, ["membre", i], m.depuis, m.jusqu_a, ("depuis", "jusqu_a"))
    plan = _f(projet, "plan.toml")
    if projet.plan.periode:
        yield from _ordre(plan, ["periode"], projet.plan.periode.debut, projet.plan.periode.fin)
    for i, a in enumerate(projet.actions):
        yield from _ordre(plan, ["action", i], a.debut, a.fin)
    for chemin, s in projet.sism.items():
        lu = _f(projet, chemin)
        yield from _ordre(lu, [], s.debut, s.fin)
        for j, e in enumerate(s.evenement):
            if e.date.year != s.annee:
                yield lu.probleme(
                    ["evenement", j, "date"],
                    f"événement daté de {e.date.year} dans le fichier SISM {s.annee}",
                    "E203",
                )
            elif date_precise(e.date) and (
                (s.debut and e.date < s.debut) or (s.fin and (e.fin or e.date) > s.fin)
            ):
                yield lu.probleme(
                    ["evenement", j, "date"],
                    "événement en dehors des dates de la SISM (debut–fin)",
                    "W303",
                )
    situations = _f(projet, "cellule/situations.toml")
    for i, sit in enumerate(projet.situations):
        yield from _ordre(
            situations,
            ["situation", i],
            sit.date_saisine,
            sit.date_cloture,
            ("date_saisine", "date_cloture"),
        )
        if sit.statut == "close" and sit.date_cloture is None:
            yield situations.probleme(
                ["situation", i, "statut"], "situation close sans date_cloture", "E105"
            )
    saisines = {s.code: s.date_saisine for s in projet.situations}
    for chemin, seance in projet.seances.items():
        lu = _f(projet, chemin)
        for j, examen in enumerate(seance.examen):
            saisine = saisines.get(examen.code)
            if saisine is not None and seance.date < saisine:
                yield lu.probleme(
                    ["examen", j, "code"],
                    f"séance du {seance.date.isoformat()} antérieure à la saisine de "
                    f"{examen.code} ({saisine.isoformat()})",
                    "E203",
                )


# --- file names ----------------------------------------------------------------------------


def controle_noms_fichiers(projet: ProjetLu) -> Iterator[Probleme]:
    for chemin, r in projet.reunions.items():
        attendu = r.nom_fichier()
        if chemin.rpartition("/")[2] != attendu:
            yield _f(projet, chemin).probleme(
                ["date"],
                f"le fichier devrait s'appeler « reunions/{attendu} » (date et instance)",
                "E204",
            )
    for chemin, s in projet.sism.items():
        if chemin.rpartition("/")[2] != f"{s.annee}.toml":
            yield _f(projet, chemin).probleme(
                ["annee"], f"annee = {s.annee} mais le fichier s'appelle « {chemin} »", "E204"
            )
    for chemin, seance in projet.seances.items():
        if chemin.rpartition("/")[2] != f"{seance.date.isoformat()}.toml":
            yield _f(projet, chemin).probleme(
                ["date"],
                f"le fichier devrait s'appeler « cellule/seances/{seance.date.isoformat()}.toml »",
                "E204",
            )


# --- contact details -------------------------------------------------------------------------


def controle_coordonnees(projet: ProjetLu) -> Iterator[Probleme]:
    """Courriels and téléphones that cannot be one (members, coordination): warnings."""
    from clsm_cli.noyau.coordonnees import courriel_valide, telephone_valide

    def verifier(
        lu: FichierLu, chemin: list[str | int], courriel: str | None, tel: str | None
    ) -> Iterator[Probleme]:
        if courriel and not courriel_valide(courriel):
            yield lu.probleme(
                [*chemin, "courriel"], f"« {courriel} » n'est pas une adresse électronique", "W306"
            )
        if tel and not telephone_valide(tel):
            yield lu.probleme(
                [*chemin, "telephone"], f"« {tel} » n'est pas un numéro de téléphone", "W306"
            )

    membres = _f(projet, "membres.toml")
    for i, m in enumerate(projet.membres):
        yield from verifier(membres, ["membre", i], m.courriel, m.telephone)
    if projet.identite is not None:
        c = projet.identite.coordination
        yield from verifier(_f(projet, "clsm.toml"), ["coordination"], c.courriel, c.telephone)


# --- confidentiality -------------------------------------------------------------------------


def controle_fichiers_inattendus(projet: ProjetLu) -> Iterator[Probleme]:
    """Files in the data folders that clsm ignores: said, never skipped in silence."""
    cellule_signalee = False
    for chemin in D.fichiers_inattendus(projet.racine):
        if D.est_dans_cellule(chemin):
            if not cellule_signalee:  # its name could be personal: never shown
                cellule_signalee = True
                yield Probleme(
                    "cellule/",
                    None,
                    "",
                    "la cellule contient un fichier ou dossier que clsm ne gère pas (son nom "
                    "n'est pas affiché) ; clsm l'ignore : rangez-le ailleurs",
                    "W304",
                )
            continue
        quoi = "dossier" if (projet.racine / chemin).is_dir() else "fichier"
        yield Probleme(
            chemin,
            None,
            "",
            f"{quoi} inattendu : clsm l'ignore (seuls les fichiers .toml de ce dossier sont lus)",
            "W304",
        )


CONSEIL_CHIFFREMENT = (
    "ce système ne permet pas de réserver le dossier cellule/ à son propriétaire "
    "(droits 0700/0600) : placez le dossier du CLSM dans un dossier chiffré (BitLocker, "
    "VeraCrypt, FileVault…) et sur un compte personnel"
)


def controle_permissions(projet: ProjetLu) -> Iterator[Probleme]:
    cellule = projet.racine / D.DOSSIER_CELLULE
    if not cellule.is_dir():
        return
    if not systeme.posix():
        # Windows (and CLSM_SANS_POSIX=1): permissions can be neither set nor read; `clsm init`
        # gave the advice (an encrypted folder) once, when the folder was created
        return
    if stat.S_IMODE(cellule.stat().st_mode) & 0o077:
        yield Probleme(
            "cellule/",
            None,
            "",
            "le dossier cellule/ est lisible par d'autres utilisateurs "
            "(corrigez avec : chmod 700 cellule)",
            "W301",
        )
    for chemin in projet.fichiers:
        if D.est_dans_cellule(chemin):
            try:
                mode = stat.S_IMODE((projet.racine / chemin).stat().st_mode)
            except OSError:  # about to be created (0600), or not a file (E005 says so)
                continue
            if mode & 0o077:
                yield Probleme(
                    chemin,
                    None,
                    "",
                    "fichier lisible par d'autres utilisateurs "
                    f"(corrigez avec : chmod 600 {chemin})",
                    "W301",
                )


def controle_purge(projet: ProjetLu) -> Iterator[Probleme]:
    from clsm_cli.cellule.calendrier import situations_a_purger

    a_purger = situations_a_purger(projet)
    if a_purger:
        yield Probleme(
            "cellule/situations.toml",
            None,
            "",
            f"{len(a_purger)} situation(s) dépassent la durée de conservation : "
            "lancez « clsm cellule purger »",
            "W302",
        )


def controle_seuil(projet: ProjetLu) -> Iterator[Probleme]:
    from clsm_cli.cellule.masquage import SEUIL_MINIMUM

    identite = projet.identite
    if identite is not None and identite.cellule.seuil_masquage < SEUIL_MINIMUM:
        lu = _f(projet, D.FICHIER_IDENTITE)
        yield lu.probleme(
            ["cellule", "seuil_masquage"],
            f"le seuil de masquage doit être d'au moins {SEUIL_MINIMUM} (pratique des données "
            f"de santé) : les statistiques utilisent {SEUIL_MINIMUM}",
            "E410",
        )


def controle_categories(projet: ProjetLu) -> Iterator[Probleme]:
    """W310 on each cellule text outside the closed lists (never echoing the text), and E401
    on a label added in clsm.toml that looks like personal data."""
    from clsm_cli.cellule.categories import CHAMPS, non_classes

    if "clsm.toml" in projet.invalides:  # its lists are unknown: no text can be judged
        return
    for t in non_classes(projet):
        yield _f(projet, t.fichier).probleme(
            list(t.chemin),
            f"texte hors de la liste fermée des {CHAMPS[t.champ]} : il compte comme « autre » "
            "dans les statistiques ; classez-le avec « clsm cellule migrer »",
            "W310",
        )
    yield from _libelles_ajoutes(projet, CHAMPS.values())


def _libelles_ajoutes(projet: ProjetLu, champs: Iterable[str]) -> list[Probleme]:
    """E401 on a label added to the cellule's closed lists in clsm.toml that looks like
    personal data. What the guard found depends on clsm.toml's content only: with the cache,
    it is taken back for an unchanged file (the guard is not even imported)."""
    identite = projet.identite
    if identite is None:
        return []
    cle = projet.cles.get(D.FICHIER_IDENTITE)
    if projet.cache is not None and cle is not None:
        deja = projet.cache.garde(D.FICHIER_IDENTITE, cle)
        if deja is not None:
            return deja
    libelles = [
        (nom, i, texte) for nom in champs for i, texte in enumerate(getattr(identite.cellule, nom))
    ]
    problemes = []
    if libelles:
        from clsm_cli.cellule.confidentialite import detecter

        lu = _f(projet, D.FICHIER_IDENTITE)
        for nom, i, texte in libelles:
            for trouve in detecter(texte):
                problemes.append(
                    lu.probleme(
                        ["cellule", nom, i],
                        f"{trouve.nature} semble figurer dans cette catégorie, qui sortirait de "
                        f"la cellule dans les statistiques ; {trouve.conseil}",
                        "E401",
                    )
                )
    if projet.cache is not None and cle is not None:
        projet.cache.noter_garde(D.FICHIER_IDENTITE, cle, problemes)
    return problemes


def fichiers_suivis_par_git(racine: os.PathLike[str] | str) -> list[str] | None:
    """Files of cellule/ tracked by git (``git ls-files``); None when git is absent or the
    folder is not in a repository."""
    import shutil
    import subprocess

    git = shutil.which("git")
    if git is None:
        return None
    try:
        r = subprocess.run(
            [git, "ls-files", "--", D.DOSSIER_CELLULE],
            cwd=racine,
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if r.returncode != 0:
        return None
    return [ligne for ligne in r.stdout.splitlines() if ligne]


def controle_git(projet: ProjetLu) -> Iterator[Probleme]:
    if not (projet.racine / D.DOSSIER_CELLULE).is_dir():
        return
    # git's answer depends on its index only: its count is kept in the cache (never the names
    # of cellule files) and git is not run again until the index changes
    cle = etat_git(projet.racine)
    git, depot, index = cle
    if git is None or (depot is None and "GIT_DIR" not in os.environ):
        return  # no git, or no repository: nothing can be committed
    suivis = projet.cache.memo("git", cle) if projet.cache is not None else None
    if suivis is None:
        suivis = len(fichiers_suivis_par_git(projet.racine) or [])
        if projet.cache is not None and index is not None:
            projet.cache.noter_memo("git", cle, suivis)
    if suivis:
        yield Probleme(
            "cellule/",
            None,
            "",
            f"{suivis} fichier(s) de la cellule sont suivis par git et partiraient avec le "
            "dépôt : retirez-les (git rm -r --cached cellule) et ajoutez « cellule/ » au "
            ".gitignore",
            "W311",
        )


CONTROLES: list[Controle] = [
    controle_doublons,
    controle_references,
    controle_priorites,
    controle_dates,
    controle_noms_fichiers,
    controle_confidentialite,
    controle_permissions,
    controle_purge,
    controle_fichiers_inattendus,
    controle_coordonnees,
    controle_seuil,
    controle_categories,
    controle_git,
]
