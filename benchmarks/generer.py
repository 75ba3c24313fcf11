"""Generate a valid, realistic clsm folder of a chosen size (for benchmarks and tests).

    python benchmarks/generer.py DOSSIER --taille petit|moyen|grand [--graine N] [--facteur K]

« grand » is the biggest intercommunal CLSM we plan for (SPEC §5): 400 membres, 20 groupes,
300 actions with 3,000 réalisations, 10 SISM years × 60 events, 200 meetings, 2,000 situations
and 500 séances; ``--facteur K`` multiplies every count (K may be fractional: 0.05). « moyen »
looks like a real mid-size CLSM, « petit » a young one. The same ``--graine`` always gives the
same files, byte for byte (dates are fixed, never "today").

Texts go through the library (``clsm_cli.stockage.ecriture.texte_nouveau``), the layout through
``clsm_cli.noyau.initialisation.creer_dossier``, so the folder is exactly what clsm itself writes.
Cellule texts hold no personal data: codes ``S-AAAA-NNN``, origins are professions.

Library use (tests): ``from generer import generer; generer(dossier, "moyen", graine=3)``.
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import math
import os
import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

ANNEE_FIN = 2025
"""Last year of the generated history (fixed, so that output does not depend on the date)."""


@dataclass(frozen=True)
class Taille:
    membres: int
    groupes: int
    axes: int
    actions: int
    realisations: int
    annees_sism: int
    evenements: int  # per SISM year
    reunions: int
    situations: int
    seances: int
    communes: tuple[int, int]  # how many communes (min, max)
    annees: int  # years of history (meetings, plan)

    def fois(self, k: float) -> Taille:
        def n(x: int, minimum: int = 1) -> int:
            return max(minimum, round(x * k))

        return replace(
            self,
            membres=n(self.membres, 3),
            groupes=n(self.groupes),
            actions=n(self.actions),
            realisations=n(self.realisations, 0),
            evenements=n(self.evenements),
            reunions=n(self.reunions),
            situations=n(self.situations),
            seances=n(self.seances, 0),
        )


TAILLES: dict[str, Taille] = {
    "petit": Taille(15, 2, 3, 6, 20, 1, 5, 4, 8, 3, (1, 1), 2),
    "moyen": Taille(60, 4, 4, 25, 150, 3, 12, 15, 40, 12, (1, 4), 3),
    "grand": Taille(400, 20, 6, 300, 3000, 10, 60, 200, 2000, 500, (12, 24), 10),
}

# --- vocabularies (all fictional) ------------------------------------------------------------

PRENOMS = [
    "Camille",
    "Claire",
    "Julien",
    "Nadia",
    "Karim",
    "Sophie",
    "Thomas",
    "Amandine",
    "Yann",
    "Élise",
    "Bastien",
    "Inès",
    "Mathieu",
    "Chloé",
    "Hugo",
    "Léa",
    "Samir",
    "Aurélie",
    "Nicolas",
    "Fatima",
    "Jérôme",
    "Lucie",
    "Olivier",
    "Pauline",
    "Rachid",
    "Sandrine",
    "Vincent",
    "Zoé",
    "Antoine",
    "Manon",
    "Guillaume",
    "Océane",
    "Mehdi",
    "Émilie",
    "Arnaud",
    "Justine",
    "Florian",
    "Laetitia",
]
NOMS = [
    "Arnaud",
    "Benoît",
    "Carpentier",
    "Delorme",
    "Esnault",
    "Fabre",
    "Garnier",
    "Hamelin",
    "Imbert",
    "Jacquet",
    "Keller",
    "Lebrun",
    "Marchal",
    "Nguyen",
    "Olivier",
    "Perrin",
    "Quéré",
    "Renaud",
    "Sabatier",
    "Texier",
    "Vasseur",
    "Weber",
    "Yilmaz",
    "Zimmer",
    "Auclair",
    "Bouvier",
    "Chevalier",
    "Dumont",
    "Ferrand",
    "Guérin",
    "Hoarau",
    "Leclerc",
    "Mercier",
    "Pasquier",
]
RACINES_COMMUNES = [
    "Valmont",
    "Bellerive",
    "Rochebrune",
    "Montclair",
    "Ormeval",
    "Sauvigny",
    "Lignières",
    "Clairefont",
    "Roncourt",
    "Vaudrey",
    "Beaulac",
    "Fontenelle",
    "Morvillers",
    "Hautecombe",
    "Brévannes",
    "Courtelin",
    "Aubrac",
    "Malviel",
    "Terrasson",
    "Gravelines",
    "Ponthieu",
    "Serrières",
    "Varennes",
    "Orvilliers",
    "Mirebeau",
    "Castelnau",
    "Aiglemont",
    "Cressac",
    "Dampierre",
    "Escoulens",
]
SUFFIXES_COMMUNES = ("", "-sur-Lys", "-la-Rivière", "-le-Haut", "-en-Forez", "-les-Bains")
QUARTIERS = (
    "Les Tilleuls",
    "Le Plateau",
    "La Source",
    "Les Hauts-de-Ville",
    "Le Bois-Joli",
    "La Roseraie",
    "Les Érables",
    "Le Val-Fleuri",
    "La Croix-Blanche",
    "Les Sablons",
)

COLLEGES = [
    ("elus", 8),
    ("psychiatrie", 10),
    ("usagers", 5),
    ("aidants", 4),
    ("sante", 10),
    ("social_medico_social", 16),
    ("logement", 8),
    ("education", 7),
    ("securite_justice", 5),
    ("institutions", 10),
    ("associations", 12),
    ("autres", 5),
]
STRUCTURES = {
    "elus": ("Mairie de {c}", "Conseil départemental", "Communauté d'agglomération"),
    "psychiatrie": ("Centre hospitalier spécialisé", "CMP adultes de {c}", "CMP enfants"),
    "usagers": ("GEM Le Lien", "GEM L'Envol", "Association d'usagers en santé mentale"),
    "aidants": ("UNAFAM délégation départementale", "Maison des aidants"),
    "sante": ("Maison de santé de {c}", "CPTS du territoire", "Centre de santé municipal"),
    "social_medico_social": ("CCAS de {c}", "Maison départementale des solidarités", "SAVS"),
    "logement": ("Office public de l'habitat", "Bailleur social Habitat 3", "Résidence accueil"),
    "education": ("Éducation nationale", "Mission locale", "Maison des adolescents"),
    "securite_justice": ("Commissariat de police", "SPIP", "Gendarmerie"),
    "institutions": ("ARS délégation départementale", "CAF", "CPAM", "Préfecture"),
    "associations": ("Association d'entraide", "Centre social de {c}", "Croix-Rouge"),
    "autres": ("Bibliothèque municipale", "Cinéma municipal", "Office des sports"),
}
FONCTIONS = (
    "Directrice",
    "Chef de service",
    "Infirmier",
    "Psychologue",
    "Assistante sociale",
    "Chargée de mission",
    "Adjoint au maire",
    "Coordinatrice",
    "Éducateur spécialisé",
    "Cadre de santé",
    "Médiateur",
)
THEMES_GROUPES = (
    "Logement et santé mentale",
    "Jeunesse",
    "Accès aux soins",
    "Personnes âgées",
    "Déstigmatisation",
    "Parentalité",
    "Précarité",
    "Prévention du suicide",
    "Culture et santé mentale",
    "Insertion professionnelle",
    "Addictions",
    "Premiers secours en santé mentale",
)
AXES = (
    "Promouvoir la santé mentale et lutter contre la stigmatisation",
    "Améliorer l'accès aux soins et la continuité des parcours",
    "Favoriser l'inclusion sociale et le logement",
    "Coordonner les acteurs et gérer les situations complexes",
    "Prévenir la souffrance psychique des jeunes",
    "Soutenir les aidants et les familles",
    "Développer l'aller-vers dans les quartiers prioritaires",
    "Former les professionnels de première ligne",
)
TYPES_ACTION = [
    ("information_communication", 5),
    ("soutien_soins_prevention", 4),
    ("formation_sensibilisation", 5),
    ("aller_vers", 3),
    ("coordination", 4),
    ("autre", 1),
]
INTITULES_ACTION = (
    "Formation premiers secours en santé mentale",
    "Annuaire des ressources en santé mentale",
    "Permanence d'écoute dans les quartiers",
    "Ciné-débat sur la santé mentale des jeunes",
    "Groupe de parole pour les aidants",
    "Réunions de concertation logement",
    "Sensibilisation des gardiens d'immeuble",
    "Maraude santé mentale",
    "Accompagnement vers le soin des personnes isolées",
    "Guide santé mentale à destination des élus",
    "Forum santé mentale et emploi",
    "Ateliers d'estime de soi en collège",
)
PUBLICS = (
    "jeunes",
    "élus",
    "professionnels de première ligne",
    "habitants",
    "bailleurs",
    "aidants",
    "personnes âgées",
    "personnes en situation de précarité",
)
STATUTS_ACTION = [
    ("prevue", 2),
    ("en_cours", 5),
    ("realisee", 6),
    ("reportee", 1),
    ("abandonnee", 1),
]
TYPES_EVENEMENT = [
    ("cine_debat", 5),
    ("conference", 4),
    ("stand", 5),
    ("exposition", 3),
    ("atelier", 4),
    ("marche", 2),
    ("portes_ouvertes", 3),
    ("theatre", 1),
    ("cafe_psy", 3),
    ("autre", 1),
]
LIEUX = (
    "Salle des fêtes",
    "Médiathèque",
    "Centre social",
    "Cinéma municipal",
    "Hôtel de ville",
    "Maison des associations",
    "Parc municipal",
    "Gymnase",
)
ORIGINES = (  # categories of clsm's closed list (clsm_cli/cellule/categories.py)
    "CCAS",
    "médecin généraliste",
    "bailleur social",
    "psychiatrie de secteur",
    "mandataire judiciaire",
    "police/gendarmerie",
    "psychiatrie de secteur",
    "autre",
    "service social départemental",
    "autre",
)
TRANCHES = [
    ("moins_18", 1),
    ("18_24", 2),
    ("25_39", 4),
    ("40_59", 5),
    ("60_74", 3),
    ("75_plus", 2),
    ("inconnue", 1),
]
PROBLEMATIQUES = [
    ("logement", 5),
    ("soins", 6),
    ("isolement", 4),
    ("troubles_voisinage", 4),
    ("addictions", 2),
    ("precarite", 3),
    ("protection", 1),
    ("parentalite", 1),
    ("autre", 1),
]
ORIENTATIONS = (  # categories of clsm's closed list
    "soins",
    "logement/hébergement",
    "soins",
    "accompagnement social",
    "protection juridique",
    "veille",
    "accompagnement social",
)
ACTIONS_CELLULE = (
    "prise de contact par le référent",
    "point en séance suivante",
    "courrier au bailleur",
    "rendez-vous au CMP proposé",
    "information de la personne sur les aides possibles",
)
ISSUES = (
    "accès aux soins engagé",
    "relogement réalisé",
    "situation stabilisée",
    "refus de la personne, veille maintenue",
    "relais pris par le droit commun",
)
FINANCEURS = (
    ("ARS Grand Est", 30_000, 45_000, "Poste de coordination"),
    ("Ville de {c}", 15_000, 30_000, "Cofinancement de la coordination"),
    ("Conseil départemental", 3_000, 10_000, "Actions jeunesse"),
    ("Préfecture — politique de la ville", 2_000, 8_000, "Actions en QPV"),
    ("Fondation de France", 1_000, 5_000, "Projet culture et santé mentale"),
)


def _pondere(rng: random.Random, choix: Sequence[tuple[str, int]]) -> str:
    return rng.choices([c for c, _ in choix], weights=[p for _, p in choix])[0]


def _jour(rng: random.Random, debut: dt.date, fin: dt.date) -> dt.date:
    return debut + dt.timedelta(days=rng.randint(0, max(0, (fin - debut).days)))


def _deuxieme_lundi_octobre(annee: int) -> dt.date:
    premier = dt.date(annee, 10, 1)
    return premier + dt.timedelta(days=(7 - premier.weekday()) % 7 + 7)


# --- the generator ---------------------------------------------------------------------------


class _Generateur:
    def __init__(self, taille: Taille, graine: int) -> None:
        self.t = taille
        self.rng = random.Random(graine)
        self.annee_debut = ANNEE_FIN - max(taille.annees, taille.annees_sism) + 1
        self.debut = dt.date(self.annee_debut, 1, 1)
        self.fin = dt.date(ANNEE_FIN, 12, 31)

    # clsm.toml
    def identite(self) -> dict[str, Any]:
        rng = self.rng
        nb = rng.randint(*self.t.communes)
        racines = rng.sample(RACINES_COMMUNES, min(nb, len(RACINES_COMMUNES)))
        communes = []
        for i in range(nb):
            base = racines[i % len(racines)]
            suffixe = SUFFIXES_COMMUNES[i // len(racines) % len(SUFFIXES_COMMUNES)]
            communes.append(base + suffixe)
        self.communes = communes
        principale = communes[0]
        territoire = principale if nb == 1 else f"Agglomération de {principale}"
        population = rng.randint(12_000, 60_000) * nb
        qpv = rng.sample(QUARTIERS, rng.randint(0, min(len(QUARTIERS), 1 + nb // 3)))
        self.qpv = qpv
        financements = []
        for annee in range(self.annee_debut, ANNEE_FIN + 1):
            for financeur, bas, haut, objet in FINANCEURS:
                if financeur.startswith(("ARS", "Ville")) or rng.random() < 0.4:
                    financements.append(
                        {
                            "annee": annee,
                            "financeur": financeur.format(c=principale),
                            "montant": rng.randrange(bas, haut, 500),
                            "objet": objet,
                        }
                    )
        return {
            "nom": f"CLSM de {territoire}",
            "territoire": territoire,
            "communes": communes,
            "population": population,
            "qpv": qpv,
            "date_creation": dt.date(self.annee_debut - 1, rng.randint(1, 12), rng.randint(1, 28)),
            "porteur": f"Mairie de {principale}" if nb == 1 else f"Agglomération de {principale}",
            "presidence": f"Adjointe au maire de {principale} chargée de la santé",
            "co_animation": "Centre hospitalier spécialisé, pôle de psychiatrie adulte",
            "coordination": {
                "nom": "Coordination du CLSM",
                "courriel": "coordination.clsm@exemple.fr",
                "telephone": "01 00 00 00 00",
                "etp": rng.choice([0.5, 0.8, 1.0]),
            },
            "convention": {
                "debut": dt.date(ANNEE_FIN - 2, 1, 1),
                "fin": dt.date(ANNEE_FIN + 2, 12, 31),
                "signataire": [
                    {"structure": f"Ville de {principale}", "qualite": "Maire"},
                    {"structure": "ARS", "qualite": "Directeur général"},
                    {"structure": "Centre hospitalier spécialisé", "qualite": "Directrice"},
                ],
                "objectifs": [AXES[0], AXES[1], AXES[3]],
            },
            "financement": financements,
            # a long retention, so that the fixed history never triggers purge warnings
            "cellule": {"seuil_masquage": 11, "conservation_mois": 240},
        }

    # membres.toml
    def membres(self) -> dict[str, Any]:
        rng = self.rng
        membres: list[dict[str, Any]] = []
        pris: set[str] = set()
        self.cellule_ids: list[str] = []
        for i in range(self.t.membres):
            college = _pondere(rng, COLLEGES) if i >= 2 else ("elus", "psychiatrie")[i]
            structure = rng.choice(STRUCTURES[college]).format(c=rng.choice(self.communes))
            m: dict[str, Any] = {}
            if rng.random() < 0.9:
                prenom, nom = rng.choice(PRENOMS), rng.choice(NOMS)
                base = _slug(f"{prenom} {nom}")
                m.update(nom=nom, prenom=prenom)
            else:
                base = _slug(structure)
            ident = base
            n = 2
            while ident in pris:
                ident, n = f"{base}-{n}", n + 1
            pris.add(ident)
            m = {"id": ident, **m, "structure": structure}
            if "nom" in m:
                m["fonction"] = rng.choice(FONCTIONS)
            m["college"] = college
            instances = []
            if rng.random() < 0.15 or i < 2:
                instances.append("copil")
            if rng.random() < 0.6:
                instances.append("pleniere")
            if rng.random() < 0.1 or i < 3:
                instances.append("cellule")
                self.cellule_ids.append(ident)
            if instances:
                m["instances"] = instances
            if "nom" in m:
                m["courriel"] = f"{ident}@exemple.fr"
            m["depuis"] = _jour(rng, self.debut - dt.timedelta(days=700), self.fin)
            if rng.random() < 0.08:
                m["jusqu_a"] = _jour(rng, m["depuis"], m["depuis"] + dt.timedelta(days=900))
            membres.append(m)
        self.membres_liste = membres
        self.membre_ids = [m["id"] for m in membres]
        return {"membre": membres}

    # groupes.toml
    def groupes(self) -> dict[str, Any]:
        rng = self.rng
        groupes = []
        for i in range(self.t.groupes):
            theme = THEMES_GROUPES[i % len(THEMES_GROUPES)]
            numero = i // len(THEMES_GROUPES)
            ident = "gt-" + _slug(theme) + (f"-{numero + 1}" if numero else "")
            nom = theme + (f" ({numero + 1})" if numero else "")
            composition = rng.sample(self.membre_ids, min(len(self.membre_ids), rng.randint(4, 14)))
            groupes.append(
                {
                    "id": ident,
                    "nom": nom,
                    "mission": f"Proposer au copil des actions sur le thème « {theme} ».",
                    "pilote": composition[0],
                    "membres": composition,
                    "actif": rng.random() < 0.85,
                }
            )
            for mid in composition:
                membre = self.membres_liste[self.membre_ids.index(mid)]
                membre.setdefault("instances", []).append(ident)
        self.groupe_ids = [g["id"] for g in groupes]
        return {"groupe": groupes}

    # plan.toml
    def plan(self) -> dict[str, Any]:
        rng = self.rng
        axes = [{"id": f"axe-{i + 1}", "intitule": AXES[i % len(AXES)]} for i in range(self.t.axes)]
        n = self.t.actions
        actions = []
        for i in range(n):
            debut = _jour(rng, self.debut, self.fin - dt.timedelta(days=60))
            fin = _jour(
                rng, debut + dt.timedelta(days=30), min(self.fin, debut + dt.timedelta(900))
            )
            a: dict[str, Any] = {
                "id": f"action-{i + 1:04d}",
                "axe": rng.choice(axes)["id"],
                "intitule": INTITULES_ACTION[i % len(INTITULES_ACTION)],
                "objectif": "Mieux repérer et orienter les personnes en souffrance psychique.",
                "type": _pondere(rng, TYPES_ACTION),
                "publics": rng.sample(PUBLICS, rng.randint(1, 2)),
            }
            tirage = rng.random()
            if self.qpv and tirage < 0.25:
                a["qpv"] = rng.sample(self.qpv, 1)
            elif tirage < 0.45:
                a["qpv"] = True
            a["pilote"] = rng.choice(self.membre_ids)
            a["partenaires"] = rng.sample(
                [s.format(c=self.communes[0]) for v in STRUCTURES.values() for s in v],
                rng.randint(0, 3),
            )
            if self.groupe_ids and rng.random() < 0.5:
                a["groupe"] = rng.choice(self.groupe_ids)
            a["statut"] = _pondere(rng, STATUTS_ACTION)
            a.update(debut=debut, fin=fin, budget=rng.randrange(0, 20_000, 250))
            a["indicateur"] = [
                {"libelle": "Nombre de participants", "cible": rng.randint(20, 200)},
                {"libelle": "Séances réalisées", "cible": 6, "realise": rng.randint(0, 8)},
            ][: rng.randint(1, 2)]
            nb_real = self.t.realisations // n + (1 if i < self.t.realisations % n else 0)
            realisations = []
            for j in range(nb_real):
                r: dict[str, Any] = {
                    "date": _jour(rng, debut, fin),
                    "libelle": f"Séance {j + 1}",
                    "participants": rng.randint(3, 80),
                }
                if rng.random() < 0.3:
                    r["commentaire"] = "Bonne participation, à reconduire."
                realisations.append(r)
            realisations.sort(key=lambda r: r["date"])
            a["realisation"] = realisations
            actions.append(a)
        return {
            "periode": {"debut": self.debut, "fin": self.fin},
            "axe": axes,
            "action": actions,
        }

    # reunions/*.toml
    def reunions(self) -> dict[str, dict[str, Any]]:
        rng = self.rng
        n = self.t.reunions
        annees = list(range(self.annee_debut, ANNEE_FIN + 1))
        instances = ["copil", "pleniere", "comite_technique"]
        instances += [f"groupe:{g}" for g in self.groupe_ids]
        poids = [4, 2, 1] + [3] * len(self.groupe_ids)
        fichiers: dict[str, dict[str, Any]] = {}
        # at least one copil and one plénière a year while there is room
        voulues = [i for a in annees for i in ("copil", "pleniere")][:n]
        while len(fichiers) < n:
            instance = voulues[len(fichiers)] if len(fichiers) < len(voulues) else None
            if instance is not None:
                annee = annees[len(fichiers) // 2]
                jour = _jour(rng, dt.date(annee, 1, 10), dt.date(annee, 12, 15))
            else:
                instance = rng.choices(instances, weights=poids)[0]
                jour = _jour(rng, self.debut, self.fin)
            chemin = f"reunions/{jour.isoformat()}-{instance.replace(':', '-')}.toml"
            if chemin in fichiers:
                continue
            presents = rng.sample(self.membre_ids, min(len(self.membre_ids), rng.randint(5, 25)))
            reste = [m for m in self.membre_ids if m not in presents]
            excuses = rng.sample(reste, min(len(reste), rng.randint(0, 5)))
            points = [
                {
                    "titre": titre,
                    "compte_rendu": "Échanges entre partenaires ; le groupe valide la suite.",
                }
                for titre in rng.sample(
                    ["Bilan des actions", "SISM", "Cellule de cas complexes", "Budget", "Divers"],
                    rng.randint(1, 4),
                )
            ]
            suivis = [
                {
                    "quoi": "Envoyer le compte rendu aux partenaires",
                    "qui": "coordination",
                    "echeance": jour + dt.timedelta(days=rng.randint(7, 60)),
                    "fait": rng.random() < 0.8,
                }
                for _ in range(rng.randint(0, 3))
            ]
            fichiers[chemin] = {
                "instance": instance,
                "date": jour,
                "heure": rng.choice(["09:30", "14:00", "18:00"]),
                "lieu": rng.choice(LIEUX),
                "presents": presents,
                "excuses": excuses,
                "ordre_du_jour": [p["titre"] for p in points],
                "point": points,
                "decisions": ["Le plan d'action est validé."] if rng.random() < 0.5 else [],
                "suivi": suivis,
            }
        return fichiers

    # sism/*.toml
    def sism(self) -> dict[str, dict[str, Any]]:
        from clsm_cli.modeles import THEMES_NATIONAUX

        rng = self.rng
        fichiers = {}
        for annee in range(ANNEE_FIN - self.t.annees_sism + 1, ANNEE_FIN + 1):
            debut = _deuxieme_lundi_octobre(annee)
            fin = debut + dt.timedelta(days=13)
            evenements = []
            for k in range(self.t.evenements):
                genre = _pondere(rng, TYPES_EVENEMENT)
                e: dict[str, Any] = {
                    "titre": f"{genre.replace('_', '-').capitalize()} santé mentale n° {k + 1}",
                    "type": genre,
                    "date": _jour(rng, debut, fin),
                    "heure": rng.choice(["10:00", "14:30", "18:30", "20:00"]),
                    "lieu": rng.choice(LIEUX),
                    "commune": rng.choice(self.communes),
                }
                if self.qpv and rng.random() < 0.3:
                    e["qpv"] = rng.choice(self.qpv)
                e["organisateurs"] = [rng.choice(self.membre_ids)]
                e["partenaires"] = rng.sample(("GEM Le Lien", "UNAFAM", "CMP", "Médiathèque"), 2)
                e["public"] = rng.choice(("tout public", "jeunes", "professionnels"))
                e["participants"] = rng.randint(5, 150)
                e["en_ligne"] = rng.random() < 0.05
                evenements.append(e)
            evenements.sort(key=lambda e: (e["date"], e["heure"]))
            fichiers[f"sism/{annee}.toml"] = {
                "annee": annee,
                "theme": THEMES_NATIONAUX.get(annee, "Santé mentale et citoyenneté"),
                "debut": debut,
                "fin": fin,
                "comite": rng.sample(self.membre_ids, min(len(self.membre_ids), 6)),
                "evenement": evenements,
            }
        return fichiers

    # cellule/
    def cellule(self) -> dict[str, dict[str, Any]]:
        rng = self.rng
        # one séance at most a day (the file is named by its date): widen the span if needed
        annees = max(self.t.annees, math.ceil(self.t.seances / 300))
        debut = dt.date(ANNEE_FIN - annees + 1, 1, 1)
        jours = (self.fin - debut).days + 1
        dates_seances = sorted(
            debut + dt.timedelta(days=d)
            for d in rng.sample(range(30, jours), min(self.t.seances, jours - 30))
        )
        saisines = sorted(_jour(rng, debut, self.fin) for _ in range(self.t.situations))
        par_annee: dict[int, int] = {}
        situations = []
        for saisine in saisines:
            par_annee[saisine.year] = par_annee.get(saisine.year, 0) + 1
            s: dict[str, Any] = {
                "code": f"S-{saisine.year}-{par_annee[saisine.year]:03d}",
                "date_saisine": saisine,
                "origine": rng.choice(ORIGINES),
                "tranche_age": _pondere(rng, TRANCHES),
                "commune": rng.choice(self.communes),
                "qpv": bool(self.qpv) and rng.random() < 0.35,
                "problematiques": sorted(
                    {_pondere(rng, PROBLEMATIQUES) for _ in range(rng.randint(1, 2))}
                ),
                "consentement": {
                    "recueilli": True,
                    "date": saisine,
                    "forme": rng.choice(["ecrit", "oral"]),
                },
                "referent": rng.choice(self.cellule_ids),
            }
            age = (self.fin - saisine).days
            tirage = rng.random()
            if age > 120 and tirage < 0.6:
                s["statut"] = "close"
                s["date_cloture"] = _jour(rng, saisine, min(self.fin, saisine + dt.timedelta(300)))
                s["issue"] = rng.choice(ISSUES)
            else:
                s["statut"] = "suivie" if tirage < 0.8 else "ouverte"
            situations.append(s)
        fichiers: dict[str, dict[str, Any]] = {"cellule/situations.toml": {"situation": situations}}
        for jour in dates_seances:
            # situations referred before that day, the most recent ones first
            fin_candidates = bisect.bisect_right(saisines, jour)
            candidates = situations[max(0, fin_candidates - 40) : fin_candidates]
            examens = [
                {
                    "code": s["code"],
                    "orientation": rng.choice(ORIENTATIONS),
                    "actions": rng.sample(ACTIONS_CELLULE, rng.randint(1, 2)),
                }
                for s in rng.sample(candidates, min(len(candidates), rng.randint(2, 6)))
            ]
            donnees: dict[str, Any] = {
                "date": jour,
                "presents": rng.sample(self.cellule_ids, min(len(self.cellule_ids), 5)),
            }
            if examens:
                donnees["examen"] = examens
            fichiers[f"cellule/seances/{jour.isoformat()}.toml"] = donnees
        return fichiers


def _slug(texte: str) -> str:
    from clsm_cli.noyau.identifiants import slug

    return slug(texte)


def donnees(taille: str | Taille, graine: int = 1, facteur: float = 1.0) -> dict[str, Any]:
    """Plain data of every file of the folder, by relative path (nothing written)."""
    t = TAILLES[taille] if isinstance(taille, str) else taille
    if facteur != 1:
        t = t.fois(facteur)
    g = _Generateur(t, graine)
    fichiers: dict[str, Any] = {"clsm.toml": g.identite(), "membres.toml": g.membres()}
    fichiers["groupes.toml"] = g.groupes()
    fichiers["plan.toml"] = g.plan()
    fichiers.update(g.reunions())
    fichiers.update(g.sism())
    fichiers.update(g.cellule())
    return fichiers


def generer(
    dossier: Path | str, taille: str = "moyen", graine: int = 1, facteur: float = 1.0
) -> Path:
    """Write a valid clsm folder at ``dossier`` (which must not be a clsm folder yet)."""
    from clsm_cli.noyau.initialisation import ENTETES, creer_dossier
    from clsm_cli.stockage.ecriture import mode_pour, texte_nouveau

    fichiers = donnees(taille, graine, facteur)
    racine = creer_dossier(dossier, nom=fichiers["clsm.toml"]["nom"])
    for chemin, contenu in fichiers.items():
        cible = racine / chemin
        cible.parent.mkdir(parents=True, exist_ok=True)
        # plain writes (no fsync): a scratch folder, and thousands of files at large factors
        cible.write_text(texte_nouveau(chemin, contenu, ENTETES.get(chemin)), encoding="utf-8")
        mode = mode_pour(chemin)
        if mode is not None and os.name == "posix":
            os.chmod(cible, mode)
    return racine


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Générer un dossier clsm valide et réaliste.")
    parser.add_argument("dossier", type=Path, help="dossier à créer (ne doit pas exister)")
    parser.add_argument("--taille", choices=sorted(TAILLES), default="moyen")
    parser.add_argument("--graine", type=int, default=1, help="graine du hasard (défaut : 1)")
    parser.add_argument(
        "--facteur", type=float, default=1.0, help="multiplie tous les effectifs (ex. 4, 0.1)"
    )
    args = parser.parse_args(argv)
    if args.facteur <= 0:
        parser.error("--facteur doit être positif")
    racine = generer(args.dossier, args.taille, args.graine, args.facteur)
    print(f"Dossier généré : {racine}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
