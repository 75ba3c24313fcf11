"""The built-in demo CLSM of ``clsm init --demo``: a realistic, entirely fictional CLSM.

Every person, structure name, phone number and situation below is invented. Phone numbers use
the 01 99 00 range, which French numbering reserves for fiction; e-mails use example.org.
The data is fixed (no randomness, no « today ») so that the demo folder is reproducible:
2025 is the complete year (the one the README's ``clsm bilan 2025`` documents), 2026 is filled
up to late November.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

Donnees = dict[str, Any]

D = dt.date

# --- territory and recurring structures -------------------------------------------------------

VILLE = "Valmont-sur-Loire"
SAINT_AUBIN = "Saint-Aubin-des-Prés"
LORVEY = "Lorvey"
HAUTS = "Les Hauts-de-Valmont"
PRAIRIE = "La Prairie"

CH = "Centre hospitalier Les Tilleuls"
CMP = "CMP adultes de Valmont (Centre hospitalier Les Tilleuls)"
EMPP = "Équipe mobile psychiatrie précarité (Centre hospitalier Les Tilleuls)"
CCAS = "CCAS de Valmont"
GEM = "GEM L'Envol"
UNAFAM = "UNAFAM délégation départementale"
BAILLEUR = "Bailleur Habitat Valmont"
MISSION_LOCALE = "Mission locale Valmont-Loire"
MDA = "Maison des adolescents"
COMMISSARIAT = "Commissariat de Valmont"
EDUCATION = "Éducation nationale – circonscription Valmont Nord"
COLLEGE_HAUTS = "Collège des Hauts-de-Valmont"
CPTS = "CPTS Val de Loire"
CSAPA = "CSAPA Le Relais"
CENTRE_SOCIAL = "Centre social La Prairie"
TRAIT_UNION = "Association Trait d'union"
DEPARTEMENT = "Conseil départemental"
MEDIATHEQUE = "Médiathèque de Valmont-sur-Loire"
CINEMA = "Cinéma Le Familia"
ARS = "ARS – délégation départementale"
CLSM = "CLSM de Valmont-sur-Loire"


def _sans_vides(**champs: Any) -> Donnees:
    """The fields in the given order, without None values nor empty lists."""
    return {k: v for k, v in champs.items() if v is not None and v != []}


# --- clsm.toml --------------------------------------------------------------------------------


def _identite() -> Donnees:
    return _sans_vides(
        nom=CLSM,
        territoire=f"{VILLE}, {SAINT_AUBIN} et {LORVEY} (convention intercommunale)",
        communes=[VILLE, SAINT_AUBIN, LORVEY],
        population=48_200,
        qpv=[HAUTS, PRAIRIE],
        date_creation=D(2019, 6, 14),
        porteur="Ville de Valmont-sur-Loire – CCAS",
        presidence=(
            "Claire Dumesnil, adjointe au maire de Valmont-sur-Loire déléguée à la santé "
            "et aux solidarités"
        ),
        co_animation=(
            "Dr Laurent Mercadier, psychiatre, chef du pôle de psychiatrie adulte "
            "du Centre hospitalier Les Tilleuls"
        ),
        coordination={
            "nom": "Sophie Marchal",
            "courriel": "coordination.clsm@example.org",
            "telephone": "01 99 00 10 00",
            "etp": 0.8,
        },
        convention={
            "debut": D(2024, 1, 1),
            "fin": D(2027, 12, 31),
            "signataire": [
                _signataire(
                    "Ville de Valmont-sur-Loire", "Jean-Marc Delattre", "Maire de Valmont-sur-Loire"
                ),
                _signataire(ARS, "Agnès Perrot", "Déléguée départementale"),
                _signataire(CH, "Philippe Hamon", "Directeur"),
                _signataire(
                    DEPARTEMENT, "Martine Lecoq", "Vice-présidente chargée des solidarités"
                ),
                _signataire(BAILLEUR, "Stéphane Royer", "Directeur général"),
                _signataire(UNAFAM, "Françoise Lemaire", "Déléguée départementale"),
                _signataire(GEM, "Julien Morel", "Président"),
                _signataire(f"Commune de {SAINT_AUBIN}", "Nadia Benali", "Maire adjointe"),
            ],
            "objectifs": [
                "Améliorer l'accès aux soins de santé mentale et la continuité des parcours, "
                "en particulier pour les habitants des quartiers prioritaires.",
                "Favoriser l'accès et le maintien dans le logement des personnes vivant avec "
                "des troubles psychiques.",
                "Promouvoir la santé mentale et lutter contre la stigmatisation, notamment "
                "à l'occasion des Semaines d'information sur la santé mentale.",
                "Prévenir la souffrance psychique des enfants et des jeunes en mobilisant "
                "l'ensemble des professionnels de la jeunesse.",
                "Organiser la concertation autour des situations individuelles complexes, "
                "dans le respect du secret professionnel et du consentement des personnes.",
            ],
        },
        financement=[
            _financement(2025, "ARS", 25_000, "Cofinancement du poste de coordination (50 %)"),
            _financement(
                2025,
                "Ville de Valmont-sur-Loire",
                24_000,
                "Cofinancement du poste de coordination et frais de fonctionnement",
            ),
            _financement(
                2025,
                "Contrat de ville (politique de la ville)",
                6_000,
                "Actions en QPV : formations PSSM, aller-vers, SISM",
            ),
            _financement(2025, DEPARTEMENT, 3_000, "Sensibilisation des gardiens d'immeuble"),
            _financement(2026, "ARS", 25_000, "Cofinancement du poste de coordination (50 %)"),
            _financement(
                2026,
                "Ville de Valmont-sur-Loire",
                24_500,
                "Cofinancement du poste de coordination et frais de fonctionnement",
            ),
            _financement(
                2026,
                "Contrat de ville (politique de la ville)",
                5_000,
                "Ateliers bien-être au collège et SISM dans les QPV",
            ),
        ],
        cellule={"seuil_masquage": 11, "conservation_mois": 24},
    )


def _signataire(structure: str, representant: str, qualite: str) -> Donnees:
    return {"structure": structure, "representant": representant, "qualite": qualite}


def _financement(annee: int, financeur: str, montant: int, objet: str) -> Donnees:
    return {"annee": annee, "financeur": financeur, "montant": montant, "objet": objet}


# --- membres.toml -----------------------------------------------------------------------------

# id, prenom, nom, structure, fonction, college, instances, depuis, jusqu_a, notes
_MEMBRES: list[tuple[Any, ...]] = [
    # élus
    ("claire-dumesnil", "Claire", "Dumesnil", "Ville de Valmont-sur-Loire",
     "Adjointe au maire déléguée à la santé et aux solidarités, présidente du CLSM", "elus",
     ["copil", "pleniere"], D(2020, 7, 10), None, None),
    ("bernard-lefranc", "Bernard", "Lefranc", "Ville de Valmont-sur-Loire",
     "Conseiller municipal délégué au logement", "elus",
     ["copil", "pleniere", "logement"], D(2020, 9, 1), None, None),
    ("nadia-benali", "Nadia", "Benali", f"Commune de {SAINT_AUBIN}",
     "Maire adjointe aux affaires sociales", "elus", ["pleniere"], D(2024, 1, 1), None, None),
    ("gerard-poulain", "Gérard", "Poulain", f"Commune de {LORVEY}",
     "Maire adjoint aux solidarités", "elus", ["pleniere"], D(2024, 1, 1), D(2025, 6, 30),
     "A quitté ses fonctions d'adjoint ; remplacé par Hélène Vasseur."),
    ("helene-vasseur", "Hélène", "Vasseur", f"Commune de {LORVEY}",
     "Conseillère municipale déléguée aux solidarités", "elus", ["pleniere"], D(2025, 7, 1),
     None, None),
    # psychiatrie
    ("laurent-mercadier", "Laurent", "Mercadier", CH,
     "Psychiatre, chef du pôle de psychiatrie adulte, co-animateur du CLSM", "psychiatrie",
     ["copil", "pleniere", "cellule"], D(2019, 6, 14), None, None),
    ("isabelle-garnier", "Isabelle", "Garnier", CH, "Cadre de santé, CMP adultes de Valmont",
     "psychiatrie", ["copil", "cellule", "logement"], D(2019, 6, 14), None, None),
    ("thomas-renaud", "Thomas", "Renaud", CH,
     "Pédopsychiatre, CMP enfants et adolescents", "psychiatrie",
     ["pleniere", "jeunes"], D(2021, 1, 15), None, None),
    ("amelie-caron", "Amélie", "Caron", CH,
     "Infirmière, équipe mobile psychiatrie précarité (EMPP)", "psychiatrie",
     ["cellule", "logement"], D(2022, 3, 1), None, None),
    # usagers
    ("julien-morel", "Julien", "Morel", GEM, "Président", "usagers",
     ["copil", "pleniere", "sism"], D(2019, 6, 14), None, None),
    ("samia-haddad", "Samia", "Haddad", GEM, "Animatrice", "usagers",
     ["sism"], D(2023, 9, 1), None, None),
    ("marc-dubreuil", "Marc", "Dubreuil", CH, "Médiateur de santé pair", "usagers",
     ["pleniere", "logement"], D(2024, 2, 1), None, None),
    # aidants
    ("francoise-lemaire", "Françoise", "Lemaire", UNAFAM, "Déléguée départementale", "aidants",
     ["copil", "pleniere", "sism"], D(2019, 6, 14), None, None),
    ("patrick-aubert", "Patrick", "Aubert", UNAFAM, "Bénévole, accueil des familles",
     "aidants", ["pleniere"], D(2022, 10, 1), D(2026, 3, 31),
     "A quitté la délégation ; l'UNAFAM reste représentée par Françoise Lemaire."),
    ("monique-tessier", "Monique", "Tessier", UNAFAM, "Bénévole, groupe de parole des aidants",
     "aidants", ["pleniere"], D(2025, 1, 1), None, None),
    # santé
    ("elodie-fontaine", "Élodie", "Fontaine", "Maison de santé pluriprofessionnelle des Hauts",
     "Médecin généraliste", "sante", ["pleniere", "cellule"], D(2021, 5, 1), None, None),
    ("lucie-perrin", "Lucie", "Perrin", CPTS, "Coordinatrice", "sante",
     ["copil", "pleniere"], D(2023, 1, 1), None, None),
    ("karim-belkacem", "Karim", "Belkacem", CSAPA, "Infirmier", "sante",
     ["cellule"], D(2022, 9, 1), None, None),
    ("benoit-legrand", "Benoît", "Legrand", MDA, "Psychologue", "sante",
     ["pleniere", "jeunes"], D(2021, 9, 1), None, None),
    # social et médico-social
    ("valerie-girard", "Valérie", "Girard", CCAS, "Directrice", "social_medico_social",
     ["copil", "pleniere", "cellule"], D(2019, 6, 14), None, None),
    ("yannick-le-goff", "Yannick", "Le Goff", f"{DEPARTEMENT} – Maison des solidarités de Valmont",
     "Assistant de service social", "social_medico_social",
     ["cellule", "logement"], D(2020, 1, 6), None, None),
    ("ines-moreau", "Inès", "Moreau", "SAVS Les Passerelles", "Cheffe de service",
     "social_medico_social", ["logement"], D(2023, 4, 1), None, None),
    ("christophe-blanchard", "Christophe", "Blanchard", CCAS, "Travailleur social",
     "social_medico_social", ["cellule"], D(2021, 2, 1), D(2025, 9, 30),
     "Mutation dans une autre collectivité ; ses situations ont été reprises par le CCAS."),
    # logement
    ("mathieu-roussel", "Mathieu", "Roussel", BAILLEUR,
     "Responsable de la gestion sociale et locative", "logement",
     ["copil", "cellule", "logement"], D(2020, 3, 1), None, None),
    ("caroline-vidal", "Caroline", "Vidal", "Ville de Valmont-sur-Loire – service Habitat",
     "Chargée de mission habitat indigne", "logement", ["logement"], D(2022, 1, 10), None,
     None),
    ("residence-accueil-les-glycines", None, None,
     f"Résidence accueil Les Glycines ({TRAIT_UNION})", None, "logement",
     ["pleniere", "logement"], D(2023, 6, 1), None,
     "Structure représentée par le ou la responsable de maison en poste."),
    # éducation et jeunesse
    ("stephanie-lambert", "Stéphanie", "Lambert", EDUCATION,
     "Infirmière conseillère technique", "education", ["pleniere", "jeunes"],
     D(2021, 9, 1), None, None),
    ("olivier-charpentier", "Olivier", "Charpentier", COLLEGE_HAUTS, "Principal", "education",
     ["jeunes"], D(2024, 9, 1), None, None),
    ("camille-nguyen", "Camille", "Nguyen", MISSION_LOCALE, "Conseillère en insertion",
     "education", ["jeunes", "sism"], D(2022, 11, 1), None, None),
    # sécurité et justice
    ("franck-delorme", "Franck", "Delorme", COMMISSARIAT, "Commandant, référent prévention",
     "securite_justice", ["pleniere"], D(2023, 2, 1), None, None),
    ("nathalie-brun", "Nathalie", "Brun", "Police municipale de Valmont", "Cheffe de service",
     "securite_justice", ["pleniere", "logement"], D(2021, 6, 1), None, None),
    ("romain-giraud", "Romain", "Giraud", "SPIP – antenne de Valmont",
     "Conseiller pénitentiaire d'insertion et de probation", "securite_justice",
     ["pleniere"], D(2024, 3, 1), None, None),
    # institutions
    ("sandrine-collet", "Sandrine", "Collet", ARS, "Chargée de mission santé mentale",
     "institutions", ["copil", "pleniere"], D(2022, 5, 1), None, None),
    ("jerome-faure", "Jérôme", "Faure", DEPARTEMENT,
     "Responsable territorial de l'action sociale", "institutions", ["copil", "pleniere"],
     D(2020, 1, 6), None, None),
    ("aurelie-masson", "Aurélie", "Masson", "CPAM", "Chargée de prévention", "institutions",
     ["pleniere"], D(2024, 1, 1), None, None),
    # associations
    ("lea-bertin", "Léa", "Bertin", TRAIT_UNION, "Directrice", "associations",
     ["pleniere", "logement"], D(2020, 3, 1), None, None),
    ("hugo-marchand", "Hugo", "Marchand", CENTRE_SOCIAL, "Directeur", "associations",
     ["pleniere", "jeunes", "sism"], D(2021, 3, 1), None, None),
    ("martine-guillot", "Martine", "Guillot", "Secours populaire, comité de Valmont",
     "Bénévole responsable de l'accueil", "associations", ["pleniere"], D(2023, 10, 1), None,
     None),
    # autres
    ("sophie-marchal", "Sophie", "Marchal", "Ville de Valmont-sur-Loire – CCAS",
     "Coordinatrice du CLSM", "autres",
     ["copil", "pleniere", "cellule", "logement", "jeunes", "sism"], D(2022, 9, 1), None, None),
    ("mediatheque-valmont", None, None, MEDIATHEQUE, None, "autres", ["sism"], D(2023, 9, 1),
     None, "Partenaire des SISM (expositions, conférences)."),
]  # fmt: skip


def _membres() -> list[Donnees]:
    membres = []
    for rang, ligne in enumerate(_MEMBRES):
        ident, prenom, nom, structure, fonction, college, instances, depuis, jusqu_a, notes = ligne
        personne = prenom is not None
        courriel = (
            ident.replace("-", ".", 1) + "@example.org"
            if personne
            else "contact." + ident.split("-")[-1] + "@example.org"
        )
        membres.append(
            _sans_vides(
                id=ident,
                nom=nom,
                prenom=prenom,
                structure=structure,
                fonction=fonction,
                college=college,
                instances=list(instances),
                courriel=courriel,
                telephone=f"01 99 00 {11 + rang:02d} {(37 * rang + 12) % 100:02d}",
                depuis=depuis,
                jusqu_a=jusqu_a,
                notes=notes,
            )
        )
    return membres


# --- groupes.toml -----------------------------------------------------------------------------

_GROUPES = [
    (
        "logement",
        "Logement et santé mentale",
        "Prévenir les ruptures de parcours locatif, coordonner bailleurs, soignants et "
        "travailleurs sociaux autour des troubles du voisinage et de l'incurie, développer "
        "l'offre de logement accompagné.",
        "mathieu-roussel",
    ),
    (
        "jeunes",
        "Santé mentale des jeunes",
        "Repérer précocement la souffrance psychique des enfants et des jeunes, outiller les "
        "professionnels de l'éducation et de la jeunesse, faciliter l'accès au CMP enfants et "
        "adolescents et à la Maison des adolescents.",
        "thomas-renaud",
    ),
    (
        "sism",
        "Comité SISM",
        "Préparer chaque année le programme des Semaines d'information sur la santé mentale "
        "avec les usagers, les aidants et les partenaires culturels et associatifs.",
        "hugo-marchand",
    ),
]


def _groupes(membres: list[Donnees]) -> list[Donnees]:
    return [
        _sans_vides(
            id=gid,
            nom=nom,
            mission=mission,
            pilote=pilote,
            membres=[m["id"] for m in membres if gid in m.get("instances", [])],
            actif=True,
        )
        for gid, nom, mission, pilote in _GROUPES
    ]


# --- sism/AAAA.toml ---------------------------------------------------------------------------


def _evenement(
    titre: str,
    type_: str,
    date: dt.date,
    heure: str,
    lieu: str,
    commune: str,
    *,
    qpv: bool | str = False,
    organisateurs: list[str],
    partenaires: list[str] | None = None,
    public: str = "Tout public",
    participants: int,
    en_ligne: bool = False,
    inscription: str | None = None,
    description: str,
) -> Donnees:
    return _sans_vides(
        titre=titre,
        type=type_,
        date=date,
        heure=heure,
        lieu=lieu,
        commune=commune,
        qpv=qpv or None,
        organisateurs=organisateurs,
        partenaires=partenaires,
        public=public,
        participants=participants,
        en_ligne=en_ligne or None,
        inscription=inscription,
        description=description,
    )


def _sism_2025() -> Donnees:
    evenements = [
        _evenement(
            "Exposition « Ce qui nous relie » : photographies des adhérents du GEM",
            "exposition", D(2025, 10, 6), "10:00", MEDIATHEQUE, VILLE,
            organisateurs=[GEM, MEDIATHEQUE], partenaires=[CLSM],
            participants=240,
            description="Vingt portraits et récits d'adhérents du GEM sur ce qui les relie "
            "aux autres, exposés pendant les deux semaines.",
        ),
        _evenement(
            "Ciné-débat autour du documentaire « Les Liens invisibles »",
            "cine_debat", D(2025, 10, 7), "20:00", CINEMA, VILLE,
            organisateurs=[CLSM, CINEMA], partenaires=[UNAFAM, GEM, CH],
            participants=112, inscription="Entrée 4 €, sans réservation",
            description="Projection suivie d'un débat avec un psychiatre du CMP, une adhérente "
            "du GEM et la déléguée de l'UNAFAM.",
        ),
        _evenement(
            "Stand « Prendre soin du lien » au marché de La Prairie",
            "stand", D(2025, 10, 8), "09:00", "Place du marché de La Prairie", VILLE,
            qpv=PRAIRIE, organisateurs=[CENTRE_SOCIAL, CLSM], partenaires=[GEM, CCAS],
            participants=85,
            description="Information sur les lieux d'écoute et de soins, distribution du guide "
            "ressources, jeu « l'arbre à liens ».",
        ),
        _evenement(
            "Conférence « Solitude et santé mentale : comprendre pour agir »",
            "conference", D(2025, 10, 9), "18:30", f"Salle des fêtes de {SAINT_AUBIN}",
            SAINT_AUBIN,
            organisateurs=[CLSM, f"Commune de {SAINT_AUBIN}"], partenaires=[CH, CPTS],
            participants=64,
            description="Intervention d'une sociologue et d'un psychiatre du pôle adulte, "
            "puis échanges avec le public.",
        ),
        _evenement(
            "Atelier d'écriture « Lettres à un voisin »",
            "atelier", D(2025, 10, 11), "14:00", "Locaux du GEM L'Envol", VILLE,
            organisateurs=[GEM], partenaires=[MEDIATHEQUE], public="Adultes",
            participants=14, inscription="Sur inscription auprès du GEM (12 à 15 places)",
            description="Atelier animé par une autrice ; les textes ont été lus lors du "
            "café-psy de clôture.",
        ),
        _evenement(
            "Marche solidaire entre les quartiers",
            "marche", D(2025, 10, 12), "10:00", "Départ du parc de La Prairie", VILLE,
            qpv=PRAIRIE, organisateurs=[CENTRE_SOCIAL, CLSM],
            partenaires=[GEM, UNAFAM, "Club de randonnée de Valmont"],
            participants=95,
            description="Boucle de 5 km reliant La Prairie et les Hauts-de-Valmont, pauses "
            "témoignages et collation partagée.",
        ),
        _evenement(
            "Portes ouvertes du CMP adultes et du GEM",
            "portes_ouvertes", D(2025, 10, 14), "14:00", CMP, VILLE,
            organisateurs=[CH, GEM], public="Habitants et professionnels",
            participants=46,
            description="Visite des lieux, présentation des équipes et des modalités d'accès "
            "aux soins.",
        ),
        _evenement(
            "Théâtre-forum « Un voisin pas comme les autres »",
            "theatre", D(2025, 10, 16), "19:00", CENTRE_SOCIAL, VILLE,
            qpv=PRAIRIE, organisateurs=[CENTRE_SOCIAL], partenaires=[BAILLEUR, CLSM],
            participants=78,
            description="Scènes de la vie d'immeuble rejouées avec le public pour chercher "
            "ensemble d'autres réponses que le conflit.",
        ),
        _evenement(
            "Café-psy « Se sentir seul au milieu des autres »",
            "cafe_psy", D(2025, 10, 18), "10:00", "Café associatif Le Comptoir", LORVEY,
            organisateurs=[UNAFAM, CLSM], partenaires=[f"Commune de {LORVEY}"],
            participants=27,
            description="Échange convivial animé par une psychologue et une bénévole de "
            "l'UNAFAM.",
        ),
    ]  # fmt: skip
    return _sans_vides(
        annee=2025,
        theme="Pour notre santé mentale, réparons le lien social",
        debut=D(2025, 10, 6),
        fin=D(2025, 10, 19),
        comite=[
            "hugo-marchand",
            "julien-morel",
            "samia-haddad",
            "francoise-lemaire",
            "camille-nguyen",
            "mediatheque-valmont",
            "sophie-marchal",
        ],
        evenement=evenements,
    )


def _sism_2026() -> Donnees:
    evenements = [
        _evenement(
            "Exposition « Paroles de jeunes »",
            "exposition", D(2026, 10, 5), "09:00", f"Hall de la {MISSION_LOCALE}", VILLE,
            organisateurs=[MISSION_LOCALE], partenaires=[MDA, CLSM], public="Jeunes de 16 à 25 ans",
            participants=130,
            description="Affiches et témoignages réalisés par des jeunes accompagnés par la "
            "Mission locale.",
        ),
        _evenement(
            "Ciné-débat autour du film « Le Fil des jours »",
            "cine_debat", D(2026, 10, 6), "20:00", CINEMA, VILLE,
            organisateurs=[CLSM, CINEMA], partenaires=[UNAFAM, GEM],
            participants=98, inscription="Entrée 4 €, sans réservation",
            description="Projection suivie d'un débat avec un médiateur de santé pair et une "
            "psychiatre du CMP.",
        ),
        _evenement(
            "Stand d'information au marché des Hauts-de-Valmont",
            "stand", D(2026, 10, 7), "09:00", "Place du marché des Hauts-de-Valmont", VILLE,
            qpv=HAUTS, organisateurs=[CLSM, CCAS], partenaires=[GEM, BAILLEUR],
            participants=70,
            description="Présentation des ressources d'écoute et de soins, quiz sur les idées "
            "reçues.",
        ),
        _evenement(
            "Conférence « Santé mentale des jeunes : repérer, écouter, orienter »",
            "conference", D(2026, 10, 8), "18:30", f"Auditorium de la {MEDIATHEQUE}", VILLE,
            organisateurs=[CLSM, MDA], partenaires=[EDUCATION, CH],
            public="Parents et professionnels", participants=81,
            description="Intervention du pédopsychiatre du CMP enfants et adolescents et de la "
            "psychologue de la Maison des adolescents.",
        ),
        _evenement(
            "Atelier sophrologie et gestion du stress",
            "atelier", D(2026, 10, 10), "10:00", CENTRE_SOCIAL, VILLE,
            qpv=PRAIRIE, organisateurs=[CENTRE_SOCIAL], public="Adultes",
            participants=16, inscription="Sur inscription à l'accueil du centre social",
            description="Deux heures d'initiation animées par une sophrologue bénévole.",
        ),
        _evenement(
            "Marche « Un pas vers l'autre »",
            "marche", D(2026, 10, 11), "10:00", "Départ de la mairie", SAINT_AUBIN,
            organisateurs=[f"Commune de {SAINT_AUBIN}", CLSM], partenaires=[GEM, UNAFAM],
            participants=72,
            description="Marche familiale le long de la Loire avec des haltes d'échange.",
        ),
        _evenement(
            "Portes ouvertes de la Maison des adolescents",
            "portes_ouvertes", D(2026, 10, 13), "14:00", MDA, VILLE,
            organisateurs=[MDA], public="Jeunes, parents et professionnels",
            participants=38,
            description="Découverte du lieu, de l'accueil sans rendez-vous et des ateliers "
            "collectifs.",
        ),
        _evenement(
            "Café-psy « Parler de sa santé mentale au travail »",
            "cafe_psy", D(2026, 10, 15), "18:30", "Café associatif Le Comptoir", LORVEY,
            organisateurs=[UNAFAM, CLSM], partenaires=[f"Commune de {LORVEY}"],
            participants=24,
            description="Échange animé par une psychologue du travail et un adhérent du GEM.",
        ),
        _evenement(
            "Webinaire « Santé mentale et politiques locales » pour les élus",
            "conference", D(2026, 10, 16), "12:30", "En ligne", VILLE,
            organisateurs=[CLSM], partenaires=[ARS], public="Élus et agents des trois communes",
            participants=41, en_ligne=True, inscription="Lien envoyé sur inscription",
            description="Présentation du rôle des élus dans le CLSM et des leviers d'action "
            "locaux.",
        ),
    ]  # fmt: skip
    return _sans_vides(
        annee=2026,
        theme="Agir ensemble pour notre santé mentale, à chaque étape de la vie",
        debut=D(2026, 10, 5),
        fin=D(2026, 10, 18),
        comite=[
            "hugo-marchand",
            "julien-morel",
            "samia-haddad",
            "francoise-lemaire",
            "camille-nguyen",
            "sophie-marchal",
        ],
        evenement=evenements,
    )


def _participants(sism: Donnees) -> int:
    return sum(int(e.get("participants", 0)) for e in sism["evenement"])


# --- plan.toml --------------------------------------------------------------------------------

_AXES = [
    ("acces-soins", "Améliorer l'accès aux soins et la continuité des parcours"),
    ("logement", "Favoriser l'accès et le maintien dans le logement"),
    ("promotion", "Promouvoir la santé mentale et lutter contre la stigmatisation"),
    ("jeunes", "Santé mentale des enfants et des jeunes"),
]


def _indicateur(
    libelle: str, cible: float | None, realise: float | None, unite: str | None = None
) -> Donnees:
    return _sans_vides(libelle=libelle, cible=cible, realise=realise, unite=unite)


def _realisation(
    date: dt.date, libelle: str, participants: int | None = None, commentaire: str | None = None
) -> Donnees:
    return _sans_vides(
        date=date, libelle=libelle, participants=participants, commentaire=commentaire
    )


def _action(**champs: Any) -> Donnees:
    ordre = (
        "id", "axe", "intitule", "objectif", "type", "publics", "qpv", "pilote", "partenaires",
        "groupe", "statut", "debut", "fin", "budget", "indicateur", "realisation",
    )  # fmt: skip
    inconnus = set(champs) - set(ordre)
    if inconnus:  # pragma: no cover - guards the literal data below
        raise ValueError(f"champs inconnus : {sorted(inconnus)}")
    return _sans_vides(**{k: champs[k] for k in ordre if k in champs})


def _plan(sism_2025: Donnees, sism_2026: Donnees) -> Donnees:
    actions = [
        _action(
            id="guide-ressources",
            axe="acces-soins",
            intitule="Guide ressources santé mentale du territoire",
            objectif="Donner aux habitants et aux professionnels de première ligne un annuaire "
            "clair des lieux d'écoute, de soins et d'accompagnement.",
            type="information_communication",
            publics=["Habitants", "Professionnels de première ligne", "Élus"],
            pilote="sophie-marchal",
            partenaires=[CH, CCAS, CPTS, UNAFAM, GEM],
            statut="realisee",
            debut=D(2024, 9, 1),
            fin=D(2025, 6, 30),
            budget=3_500,
            indicateur=[
                _indicateur("Exemplaires diffusés", 2_000, 2_400, "exemplaires"),
                _indicateur("Structures destinataires", 60, 72, "structures"),
            ],
            realisation=[
                _realisation(
                    D(2025, 3, 18),
                    "Relecture du guide par les adhérents du GEM et l'UNAFAM",
                    9,
                    "Vocabulaire simplifié et ajout d'une page « en cas d'urgence ».",
                ),
                _realisation(
                    D(2025, 6, 12),
                    "Impression et diffusion du guide aux structures du territoire",
                    None,
                    "Version numérique mise en ligne sur le site de la Ville.",
                ),
            ],
        ),
        _action(
            id="medecins-cmp",
            axe="acces-soins",
            intitule="Rencontres entre médecins généralistes et CMP",
            objectif="Améliorer l'adressage et le retour d'information entre médecine de ville "
            "et psychiatrie de secteur.",
            type="coordination",
            publics=["Médecins généralistes", "Équipes des CMP"],
            pilote="lucie-perrin",
            partenaires=[CPTS, CH],
            statut="prevue",
            debut=D(2027, 1, 1),
            fin=D(2027, 12, 31),
            indicateur=[_indicateur("Rencontres organisées", 3, None, "rencontres")],
        ),
        _action(
            id="maraudes-empp",
            axe="acces-soins",
            intitule="Maraude commune avec l'équipe mobile psychiatrie précarité",
            objectif="Aller au-devant des personnes à la rue ou en grande précarité présentant "
            "des troubles psychiques et les accompagner vers le soin.",
            type="aller_vers",
            publics=["Personnes sans domicile ou en grande précarité"],
            qpv=[HAUTS],
            pilote="amelie-caron",
            partenaires=[EMPP, TRAIT_UNION, CCAS, "Police municipale de Valmont"],
            statut="en_cours",
            debut=D(2024, 10, 1),
            fin=D(2026, 12, 31),
            indicateur=[
                _indicateur("Maraudes communes réalisées", 24, 19, "maraudes"),
                _indicateur("Personnes rencontrées", None, 64, "personnes"),
                _indicateur("Orientations vers le CMP ou l'EMPP", 15, 12, "orientations"),
            ],
            realisation=[
                _realisation(
                    D(2025, 1, 21), "Maraude commune : secteur gare et Hauts-de-Valmont", 6
                ),
                _realisation(D(2025, 4, 15), "Maraude commune : centre-ville", 5),
                _realisation(
                    D(2025, 7, 8),
                    "Maraude estivale pendant l'épisode de canicule",
                    7,
                    "Distribution d'eau et repérage des personnes isolées avec le CCAS.",
                ),
                _realisation(D(2025, 10, 14), "Maraude commune : secteur gare", 5),
                _realisation(D(2026, 2, 10), "Maraude hivernale avec le Secours populaire", 6),
                _realisation(D(2026, 9, 22), "Maraude commune : Hauts-de-Valmont", 5),
            ],
        ),
        _action(
            id="aidants-groupe-parole",
            axe="acces-soins",
            intitule="Groupe de parole mensuel pour les proches aidants",
            objectif="Rompre l'isolement des familles et les informer sur les troubles "
            "psychiques et les dispositifs d'aide.",
            type="soutien_soins_prevention",
            publics=["Proches aidants"],
            pilote="francoise-lemaire",
            partenaires=[UNAFAM, CMP],
            statut="realisee",
            debut=D(2025, 1, 1),
            fin=D(2025, 12, 31),
            budget=800,
            indicateur=[
                _indicateur("Séances organisées", 10, 10, "séances"),
                _indicateur("Aidants différents accueillis", None, 23, "personnes"),
            ],
            realisation=[
                _realisation(D(2025, 1, 23), "Première séance du groupe de parole", 11),
                _realisation(
                    D(2025, 12, 11),
                    "Dixième séance et bilan avec les participants",
                    9,
                    "Les participants souhaitent poursuivre en 2026 sous l'égide de l'UNAFAM.",
                ),
            ],
        ),
        _action(
            id="cellule-veille-logement",
            axe="logement",
            intitule="Cellule de veille logement",
            objectif="Repérer tôt les locataires en difficulté (impayés, troubles du voisinage, "
            "incurie) et organiser une réponse conjointe bailleur, soins et social.",
            type="coordination",
            publics=["Locataires du parc social"],
            qpv=True,
            pilote="mathieu-roussel",
            partenaires=[BAILLEUR, CCAS, CMP, f"{DEPARTEMENT} – service social départemental"],
            groupe="logement",
            statut="en_cours",
            debut=D(2024, 3, 1),
            fin=D(2027, 12, 31),
            indicateur=[
                _indicateur("Réunions de la cellule de veille", 10, 9, "réunions"),
                _indicateur("Expulsions évitées", None, 7, "ménages"),
            ],
            realisation=[
                _realisation(
                    D(2025, 2, 4), "Mise en place du circuit de signalement bailleur – CMP", 8
                ),
                _realisation(D(2025, 9, 16), "Bilan à six mois du circuit de signalement", 10),
                _realisation(
                    D(2026, 4, 7), "Extension du circuit aux communes de Saint-Aubin et Lorvey", 12
                ),
            ],
        ),
        _action(
            id="gardiens-immeuble",
            axe="logement",
            intitule="Sensibilisation des gardiens d'immeuble",
            objectif="Aider les gardiens à repérer une situation de souffrance psychique, à "
            "réagir et à savoir qui alerter.",
            type="formation_sensibilisation",
            publics=["Gardiens et agents de proximité"],
            qpv=[HAUTS, PRAIRIE],
            pilote="isabelle-garnier",
            partenaires=[BAILLEUR, CH, UNAFAM],
            groupe="logement",
            statut="realisee",
            debut=D(2025, 1, 1),
            fin=D(2025, 12, 31),
            budget=1_200,
            indicateur=[_indicateur("Gardiens sensibilisés", 30, 34, "personnes")],
            realisation=[
                _realisation(
                    D(2025, 3, 25), "Module « repérer et orienter » : Hauts-de-Valmont", 17
                ),
                _realisation(
                    D(2025, 6, 3), "Module « repérer et orienter » : La Prairie et Saint-Aubin", 17
                ),
                _realisation(
                    D(2025, 11, 25),
                    "Retour d'expérience avec l'équipe du CMP",
                    21,
                    "Une fiche réflexe « troubles du voisinage » a été remise à chaque gardien.",
                ),
            ],
        ),
        _action(
            id="logement-accompagne",
            axe="logement",
            intitule="Développer l'offre de logement accompagné",
            objectif="Créer une seconde résidence accueil et des places d'intermédiation "
            "locative pour des personnes vivant avec des troubles psychiques.",
            type="coordination",
            publics=["Personnes vivant avec des troubles psychiques"],
            pilote="lea-bertin",
            partenaires=[TRAIT_UNION, BAILLEUR, DEPARTEMENT, "DDETS"],
            groupe="logement",
            statut="reportee",
            debut=D(2025, 9, 1),
            fin=D(2027, 6, 30),
            indicateur=[_indicateur("Places de logement accompagné créées", 12, 0, "places")],
            realisation=[
                _realisation(
                    D(2025, 10, 7),
                    "Visite de la résidence accueil Les Glycines par le groupe logement",
                    9,
                    "Projet reporté : aucun terrain disponible avant 2027.",
                ),
            ],
        ),
        _action(
            id="pssm",
            axe="promotion",
            intitule="Formation Premiers secours en santé mentale (PSSM)",
            objectif="Former habitants, agents et bénévoles à repérer les troubles psychiques, "
            "à apporter une première aide et à orienter.",
            type="formation_sensibilisation",
            publics=["Habitants", "Agents municipaux", "Bénévoles associatifs"],
            qpv=[HAUTS, PRAIRIE],
            pilote="sophie-marchal",
            partenaires=["Formateurs PSSM accrédités", CCAS, MISSION_LOCALE, CENTRE_SOCIAL],
            statut="en_cours",
            debut=D(2025, 1, 1),
            fin=D(2027, 12, 31),
            budget=9_000,
            indicateur=[
                _indicateur("Personnes formées", 96, 58, "personnes"),
                _indicateur("Sessions organisées", 8, 5, "sessions"),
            ],
            realisation=[
                _realisation(
                    D(2025, 2, 10), "Session PSSM standard : agents du CCAS et de la Ville", 12
                ),
                _realisation(D(2025, 5, 19), "Session PSSM standard : bénévoles associatifs", 11),
                _realisation(
                    D(2025, 11, 17),
                    "Session PSSM standard : habitants des Hauts-de-Valmont",
                    12,
                    "Session au centre social avec garde d'enfants proposée.",
                ),
                _realisation(D(2026, 3, 9), "Session PSSM jeunes : animateurs et conseillers", 11),
                _realisation(
                    D(2026, 6, 15), "Session PSSM standard : gardiens et agents de proximité", 12
                ),
            ],
        ),
        _action(
            id="sism",
            axe="promotion",
            intitule="Semaines d'information sur la santé mentale (SISM)",
            objectif="Informer le grand public, changer le regard sur les troubles psychiques "
            "et faire connaître les ressources locales.",
            type="information_communication",
            publics=["Tout public"],
            qpv=True,
            pilote="hugo-marchand",
            partenaires=[GEM, UNAFAM, MEDIATHEQUE, CENTRE_SOCIAL, CINEMA],
            groupe="sism",
            statut="en_cours",
            debut=D(2024, 1, 1),
            fin=D(2027, 12, 31),
            budget=5_000,
            indicateur=[
                _indicateur("Événements par édition", 8, len(sism_2025["evenement"]), "événements"),
                _indicateur(
                    "Participants (édition 2025)", 600, _participants(sism_2025), "personnes"
                ),
            ],
            realisation=[
                _realisation(
                    D(2025, 10, 19),
                    "SISM 2025 « Pour notre santé mentale, réparons le lien social »",
                    _participants(sism_2025),
                    f"{len(sism_2025['evenement'])} événements dans les trois communes.",
                ),
                _realisation(
                    D(2026, 10, 18),
                    "SISM 2026",
                    _participants(sism_2026),
                    f"{len(sism_2026['evenement'])} événements, dont un webinaire pour les élus.",
                ),
            ],
        ),
        _action(
            id="ateliers-college",
            axe="jeunes",
            intitule="Ateliers bien-être au collège",
            objectif="Développer les compétences psychosociales des collégiens (gestion du "
            "stress, estime de soi, demande d'aide).",
            type="soutien_soins_prevention",
            publics=["Collégiens"],
            qpv=[PRAIRIE],
            pilote="stephanie-lambert",
            partenaires=[EDUCATION, COLLEGE_HAUTS, MDA, CENTRE_SOCIAL],
            groupe="jeunes",
            statut="en_cours",
            debut=D(2025, 1, 6),
            fin=D(2026, 12, 18),
            budget=4_000,
            indicateur=[
                _indicateur("Élèves ayant participé", 150, 132, "élèves"),
                _indicateur("Classes concernées", 8, 7, "classes"),
            ],
            realisation=[
                _realisation(
                    D(2025, 2, 13), "Cycle de quatre ateliers « gestion du stress » en 4e", 54
                ),
                _realisation(D(2025, 5, 22), "Atelier « estime de soi » en 5e", 48),
                _realisation(
                    D(2026, 1, 29),
                    "Ateliers compétences psychosociales en 6e",
                    30,
                    "Co-animés par l'infirmière scolaire et la psychologue de la Maison des "
                    "adolescents.",
                ),
            ],
        ),
        _action(
            id="ecoute-mission-locale",
            axe="jeunes",
            intitule="Permanence d'écoute pour les 16-25 ans à la Mission locale",
            objectif="Offrir un premier espace d'écoute psychologique sans rendez-vous aux "
            "jeunes accompagnés par la Mission locale.",
            type="aller_vers",
            publics=["Jeunes de 16 à 25 ans"],
            pilote="camille-nguyen",
            partenaires=[MISSION_LOCALE, MDA],
            groupe="jeunes",
            statut="abandonnee",
            debut=D(2024, 9, 1),
            fin=D(2025, 6, 30),
            indicateur=[_indicateur("Permanences tenues", 20, 6, "permanences")],
            realisation=[
                _realisation(
                    D(2025, 1, 15),
                    "Permanence de la psychologue de la Maison des adolescents",
                    4,
                    "Fréquentation trop faible : action arrêtée en juin 2025 et remplacée par "
                    "des interventions en atelier collectif.",
                ),
            ],
        ),
        _action(
            id="formation-reperage-jeunes",
            axe="jeunes",
            intitule="Former les professionnels de jeunesse au repérage de la souffrance psychique",
            objectif="Donner aux animateurs, éducateurs et conseillers des repères communs pour "
            "repérer, dialoguer et orienter.",
            type="formation_sensibilisation",
            publics=["Animateurs", "Éducateurs", "Conseillers en insertion"],
            qpv=True,
            pilote="benoit-legrand",
            partenaires=[MDA, MISSION_LOCALE, CENTRE_SOCIAL, "Service jeunesse de la Ville"],
            groupe="jeunes",
            statut="prevue",
            debut=D(2027, 1, 15),
            fin=D(2027, 6, 30),
            budget=2_500,
            indicateur=[_indicateur("Professionnels formés", 40, None, "personnes")],
        ),
    ]
    return _sans_vides(
        periode={"debut": D(2024, 1, 1), "fin": D(2027, 12, 31)},
        axe=[{"id": i, "intitule": t} for i, t in _AXES],
        action=actions,
    )


# --- reunions/… -------------------------------------------------------------------------------


def _reunion(
    instance: str,
    date: dt.date,
    heure: str,
    lieu: str,
    *,
    presents: list[str] | None = None,
    excuses: list[str] | None = None,
    ordre_du_jour: list[str],
    point: list[tuple[str, str]] | None = None,
    decisions: list[str] | None = None,
    suivi: list[tuple[str, str, dt.date, bool]] | None = None,
) -> Donnees:
    return _sans_vides(
        instance=instance,
        date=date,
        heure=heure,
        lieu=lieu,
        presents=presents,
        excuses=excuses,
        ordre_du_jour=ordre_du_jour,
        point=[{"titre": t, "compte_rendu": c} for t, c in point or []],
        decisions=decisions,
        suivi=[
            {"quoi": quoi, "qui": qui, "echeance": echeance, "fait": fait}
            for quoi, qui, echeance, fait in suivi or []
        ],
    )


MAIRIE = "Hôtel de ville de Valmont-sur-Loire, salle du conseil"


def _reunions() -> list[Donnees]:
    return [
        _reunion(
            "copil", D(2025, 1, 28), "14:00", MAIRIE,
            presents=[
                "claire-dumesnil", "laurent-mercadier", "sophie-marchal", "valerie-girard",
                "francoise-lemaire", "julien-morel", "mathieu-roussel", "sandrine-collet",
                "jerome-faure", "isabelle-garnier", "Mme Roux (Préfecture, déléguée du préfet)",
            ],
            excuses=["bernard-lefranc", "lucie-perrin"],
            ordre_du_jour=[
                "Bilan d'activité 2024",
                "Programme d'actions 2025",
                "Budget et financements 2025",
                "Préparation de l'assemblée plénière",
            ],
            point=[
                ("Bilan d'activité 2024",
                 "La coordinatrice présente le bilan : trois groupes de travail actifs, "
                 "SISM 2024 en hausse de fréquentation, cellule de cas complexes installée. "
                 "L'ARS salue la dynamique partenariale."),
                ("Programme d'actions 2025",
                 "Priorité aux QPV : formations PSSM, sensibilisation des gardiens, ateliers "
                 "au collège. Le guide ressources sera diffusé avant l'été."),
                ("Budget et financements 2025",
                 "Reconduction des cofinancements ARS et Ville ; la déléguée du préfet "
                 "confirme l'éligibilité des actions en QPV au contrat de ville."),
            ],
            decisions=[
                "Le programme d'actions 2025 est validé.",
                "Deux sessions PSSM seront financées sur les crédits du contrat de ville.",
                "L'assemblée plénière se tiendra le 17 juin 2025.",
            ],
            suivi=[
                ("Envoyer le bilan 2024 à l'ARS et aux signataires", "sophie-marchal",
                 D(2025, 2, 28), True),
                ("Déposer la demande de subvention contrat de ville 2025", "sophie-marchal",
                 D(2025, 3, 15), True),
            ],
        ),
        _reunion(
            "groupe:jeunes", D(2025, 4, 3), "14:30", f"{MDA}, salle de réunion",
            presents=[
                "thomas-renaud", "stephanie-lambert", "olivier-charpentier", "camille-nguyen",
                "benoit-legrand", "hugo-marchand", "sophie-marchal",
            ],
            ordre_du_jour=[
                "Retour sur les premiers ateliers bien-être au collège",
                "Avenir de la permanence d'écoute à la Mission locale",
                "Projet de formation au repérage pour les professionnels de jeunesse",
            ],
            point=[
                ("Ateliers bien-être au collège",
                 "Très bon accueil des élèves de 4e ; les enseignants demandent une extension "
                 "aux classes de 6e à la rentrée."),
                ("Permanence d'écoute",
                 "Six permanences seulement depuis septembre, peu de jeunes s'y rendent "
                 "spontanément. Le groupe préfère des interventions collectives."),
            ],
            decisions=[
                "La permanence d'écoute à la Mission locale s'arrête fin juin 2025.",
                "Les ateliers au collège sont étendus aux 6e pour l'année 2025-2026.",
            ],
            suivi=[
                ("Proposer un calendrier d'ateliers pour l'année 2025-2026",
                 "stephanie-lambert", D(2025, 6, 30), True),
                ("Rédiger le cahier des charges de la formation au repérage",
                 "benoit-legrand", D(2026, 12, 15), False),
            ],
        ),
        _reunion(
            "groupe:logement", D(2025, 5, 20), "09:30",
            f"{BAILLEUR}, agence des Hauts-de-Valmont",
            presents=[
                "mathieu-roussel", "isabelle-garnier", "amelie-caron", "yannick-le-goff",
                "ines-moreau", "caroline-vidal", "lea-bertin", "nathalie-brun",
                "sophie-marchal",
            ],
            excuses=["bernard-lefranc", "marc-dubreuil"],
            ordre_du_jour=[
                "Bilan du circuit de signalement bailleur – CMP",
                "Sensibilisation des gardiens : retour du premier module",
                "Logement accompagné : état du projet",
            ],
            point=[
                ("Circuit de signalement",
                 "Onze signalements depuis février, délai moyen de contact par le CMP de "
                 "dix jours. Les gardiens apprécient d'avoir un interlocuteur identifié."),
                ("Sensibilisation des gardiens",
                 "Dix-sept gardiens formés aux Hauts-de-Valmont ; second module programmé "
                 "le 3 juin pour La Prairie et Saint-Aubin."),
            ],
            decisions=["Une fiche réflexe « troubles du voisinage » sera remise aux gardiens."],
            suivi=[
                ("Rédiger la fiche réflexe « troubles du voisinage »", "isabelle-garnier",
                 D(2025, 9, 30), True),
                ("Recenser le foncier disponible pour une seconde résidence accueil",
                 "caroline-vidal", D(2027, 3, 31), False),
            ],
        ),
        _reunion(
            "pleniere", D(2025, 6, 17), "18:00", "Salle des fêtes de Valmont-sur-Loire",
            presents=[
                "claire-dumesnil", "bernard-lefranc", "nadia-benali", "gerard-poulain",
                "laurent-mercadier", "thomas-renaud", "julien-morel", "marc-dubreuil",
                "francoise-lemaire", "patrick-aubert", "monique-tessier", "elodie-fontaine",
                "lucie-perrin", "benoit-legrand", "valerie-girard", "stephanie-lambert",
                "franck-delorme", "nathalie-brun", "sandrine-collet", "jerome-faure",
                "lea-bertin", "hugo-marchand", "martine-guillot", "sophie-marchal",
            ],
            excuses=["aurelie-masson", "romain-giraud"],
            ordre_du_jour=[
                "Accueil par la présidente",
                "Présentation du bilan 2024 et du programme 2025",
                "Table ronde « Logement et santé mentale »",
                "Présentation des SISM 2025",
                "Échanges avec la salle",
            ],
            point=[
                ("Table ronde « Logement et santé mentale »",
                 "Le bailleur, le CMP, le GEM et la résidence accueil ont présenté le circuit "
                 "de signalement et la sensibilisation des gardiens. La salle souligne le "
                 "manque de logements accompagnés."),
                ("SISM 2025",
                 "Le comité SISM présente le thème national et les premières pistes : "
                 "ciné-débat, marche entre les quartiers, théâtre-forum."),
            ],
            decisions=["Le guide ressources sera mis en ligne sur le site de la Ville."],
            suivi=[
                ("Mettre en ligne le guide ressources", "sophie-marchal", D(2025, 7, 15), True),
            ],
        ),
        _reunion(
            "groupe:sism", D(2025, 6, 24), "14:00", CENTRE_SOCIAL,
            presents=[
                "hugo-marchand", "julien-morel", "samia-haddad", "francoise-lemaire",
                "camille-nguyen", "sophie-marchal",
            ],
            ordre_du_jour=[
                "Programme des SISM 2025",
                "Communication et affiches",
                "Répartition des rôles",
            ],
            point=[
                ("Programme",
                 "Neuf événements retenus du 6 au 19 octobre, dont trois dans les QPV et "
                 "deux hors de Valmont-sur-Loire."),
            ],
            decisions=["Le programme imprimé sera tiré à 3 000 exemplaires."],
            suivi=[
                ("Réserver la salle du cinéma pour le ciné-débat", "hugo-marchand",
                 D(2025, 7, 15), True),
                ("Commander l'impression du programme", "sophie-marchal", D(2025, 9, 5), True),
            ],
        ),
        _reunion(
            "copil", D(2025, 11, 18), "14:00", MAIRIE,
            presents=[
                "claire-dumesnil", "laurent-mercadier", "sophie-marchal", "valerie-girard",
                "francoise-lemaire", "julien-morel", "bernard-lefranc", "lucie-perrin",
                "sandrine-collet", "isabelle-garnier",
            ],
            excuses=["mathieu-roussel", "jerome-faure"],
            ordre_du_jour=[
                "Bilan des SISM 2025",
                "Point d'étape du plan d'action",
                "Cellule de cas complexes : activité (données agrégées)",
                "Calendrier 2026",
            ],
            point=[
                ("Bilan des SISM 2025",
                 "Plus de 750 participants sur neuf événements ; le théâtre-forum et la marche "
                 "ont particulièrement mobilisé les habitants de La Prairie."),
                ("Plan d'action",
                 "Guide ressources et sensibilisation des gardiens réalisés ; le projet de "
                 "seconde résidence accueil est bloqué faute de terrain."),
            ],
            decisions=[
                "Le projet de logement accompagné est reporté à 2027.",
                "Le thème local des SISM 2026 portera sur les étapes de la vie.",
            ],
            suivi=[
                ("Préparer le bilan annuel 2025", "sophie-marchal", D(2026, 2, 27), True),
                ("Solliciter la CPTS pour les rencontres médecins généralistes – CMP",
                 "lucie-perrin", D(2026, 12, 31), False),
            ],
        ),
        _reunion(
            "copil", D(2026, 3, 12), "14:00", MAIRIE,
            presents=[
                "claire-dumesnil", "laurent-mercadier", "sophie-marchal", "valerie-girard",
                "francoise-lemaire", "julien-morel", "mathieu-roussel", "sandrine-collet",
                "jerome-faure", "lucie-perrin",
            ],
            excuses=["bernard-lefranc", "isabelle-garnier"],
            ordre_du_jour=[
                "Validation du bilan annuel 2025",
                "Financements 2026",
                "Renouvellement des représentants (Lorvey, UNAFAM)",
                "Premières pistes pour les SISM 2026",
            ],
            point=[
                ("Bilan annuel 2025",
                 "Le bilan est validé sans modification ; il sera transmis à l'ARS, à la Ville "
                 "et au Centre national de ressources et d'appui aux CLSM."),
                ("Financements 2026",
                 "ARS et Ville reconduisent leur participation ; le contrat de ville finance "
                 "les ateliers au collège et les SISM dans les QPV."),
            ],
            decisions=[
                "Le bilan annuel 2025 est validé.",
                "Une évaluation à mi-parcours de la convention sera présentée fin 2026.",
            ],
            suivi=[
                ("Transmettre le bilan 2025 validé aux financeurs", "sophie-marchal",
                 D(2026, 3, 31), True),
                ("Préparer l'évaluation à mi-parcours de la convention", "sophie-marchal",
                 D(2026, 12, 18), False),
                ("Proposer un avenant à la convention pour associer la CPTS",
                 "claire-dumesnil", D(2027, 1, 31), False),
            ],
        ),
        _reunion(
            "pleniere", D(2026, 6, 23), "18:00", "Salle des fêtes de Valmont-sur-Loire",
            presents=[
                "claire-dumesnil", "nadia-benali", "helene-vasseur", "laurent-mercadier",
                "thomas-renaud", "julien-morel", "marc-dubreuil", "francoise-lemaire",
                "monique-tessier", "elodie-fontaine", "benoit-legrand", "valerie-girard",
                "stephanie-lambert", "franck-delorme", "romain-giraud", "sandrine-collet",
                "aurelie-masson", "lea-bertin", "hugo-marchand", "sophie-marchal",
                "residence-accueil-les-glycines",
            ],
            excuses=["bernard-lefranc", "lucie-perrin", "martine-guillot"],
            ordre_du_jour=[
                "Accueil par la présidente",
                "Bilan 2025",
                "Focus : santé mentale des jeunes",
                "Programme des SISM 2026",
            ],
            point=[
                ("Focus : santé mentale des jeunes",
                 "Le pédopsychiatre et la Maison des adolescents décrivent l'augmentation des "
                 "demandes ; les ateliers au collège sont présentés par l'infirmière "
                 "conseillère technique."),
            ],
            decisions=[
                "Le CLSM soutiendra une formation au repérage pour les professionnels "
                "de jeunesse en 2027."
            ],
            suivi=[
                ("Diffuser le programme des SISM 2026 aux partenaires", "hugo-marchand",
                 D(2026, 9, 15), True),
            ],
        ),
        _reunion(
            "groupe:logement", D(2026, 9, 15), "09:30",
            f"{BAILLEUR}, agence des Hauts-de-Valmont",
            presents=[
                "mathieu-roussel", "isabelle-garnier", "amelie-caron", "yannick-le-goff",
                "caroline-vidal", "lea-bertin", "marc-dubreuil", "sophie-marchal",
            ],
            excuses=["ines-moreau", "nathalie-brun"],
            ordre_du_jour=[
                "Extension du circuit de signalement à Saint-Aubin et Lorvey",
                "Logement accompagné : pistes foncières",
            ],
            point=[
                ("Extension du circuit de signalement",
                 "Le circuit fonctionne dans les trois communes depuis avril ; les délais "
                 "restent inférieurs à quinze jours."),
            ],
            decisions=["Le groupe proposera au copil un protocole partagé sur l'incurie."],
            suivi=[
                ("Rédiger un projet de protocole incurie", "isabelle-garnier",
                 D(2026, 12, 15), False),
                ("Présenter deux terrains possibles pour la résidence accueil",
                 "caroline-vidal", D(2027, 3, 31), False),
            ],
        ),
        _reunion(
            "copil", D(2026, 12, 8), "14:00", MAIRIE,
            ordre_du_jour=[
                "Bilan des SISM 2026",
                "Évaluation à mi-parcours de la convention",
                "Protocole partagé sur l'incurie",
                "Calendrier 2027",
            ],
        ),
    ]  # fmt: skip


def _nom_reunion(reunion: Donnees) -> str:
    return f"reunions/{reunion['date'].isoformat()}-{reunion['instance'].replace(':', '-')}.toml"


# --- cellule/ ---------------------------------------------------------------------------------

# code, saisine, origine, tranche, commune, qpv, problematiques, forme, referent, statut,
# cloture, issue
_SITUATIONS: list[tuple[Any, ...]] = [
    ("S-2025-001", D(2025, 1, 14), "bailleur social", "40_59", VILLE, True,
     ["logement", "troubles_voisinage", "soins"], "ecrit", "isabelle-garnier", "close",
     D(2025, 6, 16), "Orientation vers le CMP, situation stabilisée ; maintien dans le logement"),
    ("S-2025-002", D(2025, 2, 3), "CCAS", "60_74", SAINT_AUBIN, False,
     ["isolement", "soins"], "oral", "christophe-blanchard", "close", D(2025, 6, 16),
     "Aide à domicile mise en place et suivi infirmier du CMP"),
    ("S-2025-003", D(2025, 3, 10), "médecin généraliste", "25_39", VILLE, True,
     ["addictions", "precarite", "soins"], "ecrit", "karim-belkacem", "close", D(2025, 10, 20),
     "Entrée en soins au CSAPA et ouverture des droits sociaux"),
    ("S-2025-004", D(2025, 4, 7), "police municipale", "75_plus", LORVEY, False,
     ["isolement", "protection", "troubles_voisinage"], "oral", "valerie-girard", "close",
     D(2026, 1, 26), "Mesure de protection prononcée, entrée en résidence autonomie"),
    ("S-2025-005", D(2025, 5, 12), "service social départemental", "25_39", VILLE, True,
     ["parentalite", "soins", "precarite"], "ecrit", "yannick-le-goff", "suivie", None, None),
    ("S-2025-006", D(2025, 6, 2), "psychiatrie de secteur", "40_59", VILLE, True,
     ["logement", "soins"], "ecrit", "amelie-caron", "close", D(2025, 10, 20),
     "Relogement avec accompagnement du SAVS, suivi au CMP maintenu"),
    ("S-2025-007", D(2025, 6, 30), "bailleur social", "60_74", SAINT_AUBIN, False,
     ["logement", "troubles_voisinage", "isolement"], "oral", "isabelle-garnier", "close",
     D(2026, 5, 18),
     "Remise en état du logement, visites régulières de l'infirmière du CMP, plus de plainte"),
    ("S-2025-008", D(2025, 9, 8), "infirmière scolaire", "moins_18", VILLE, True,
     ["parentalite", "protection", "soins"], "ecrit", "yannick-le-goff", "close",
     D(2026, 5, 18), "Suivi engagé au CMP enfants et adolescents, aide éducative à domicile"),
    ("S-2025-009", D(2025, 10, 13), "CSAPA", "18_24", VILLE, True,
     ["addictions", "precarite", "logement"], "ecrit", "karim-belkacem", "suivie", None, None),
    ("S-2025-010", D(2025, 11, 24), "mandataire judiciaire à la protection des majeurs",
     "40_59", LORVEY, False, ["soins", "isolement"], "oral", "amelie-caron", "close",
     D(2026, 5, 18), "Accord de la personne pour un suivi infirmier à domicile"),
    ("S-2026-001", D(2026, 1, 19), "médecin généraliste", "60_74", VILLE, False,
     ["soins", "isolement"], "ecrit", "elodie-fontaine", "suivie", None, None),
    ("S-2026-002", D(2026, 3, 2), "bailleur social", "25_39", VILLE, True,
     ["logement", "troubles_voisinage"], "oral", "isabelle-garnier", "suivie", None, None),
    ("S-2026-003", D(2026, 5, 11), "police municipale", "40_59", SAINT_AUBIN, False,
     ["troubles_voisinage", "soins", "addictions"], "ecrit", "amelie-caron", "close",
     D(2026, 10, 19), "Hospitalisation libre puis suivi au CMP, retour au domicile apaisé"),
    ("S-2026-004", D(2026, 9, 7), "CCAS", "75_plus", VILLE, True,
     ["isolement", "precarite"], "oral", "valerie-girard", "ouverte", None, None),
    ("S-2026-005", D(2026, 10, 12), "service social départemental", "18_24", LORVEY, False,
     ["logement", "precarite", "soins"], "ecrit", "yannick-le-goff", "ouverte", None, None),
    ("S-2026-006", D(2026, 11, 16), "psychiatrie de secteur", "25_39", VILLE, True,
     ["parentalite", "soins"], "ecrit", "laurent-mercadier", "ouverte", None, None),
]  # fmt: skip


def _situations() -> list[Donnees]:
    situations = []
    for ligne in _SITUATIONS:
        code, saisine, origine, tranche, commune, qpv, problematiques, forme = ligne[:8]
        referent, statut, cloture, issue = ligne[8:]
        situations.append(
            _sans_vides(
                code=code,
                date_saisine=saisine,
                origine=origine,
                tranche_age=tranche,
                commune=commune,
                qpv=qpv,
                problematiques=list(problematiques),
                consentement={
                    "recueilli": True,
                    "date": saisine - dt.timedelta(days=3),
                    "forme": forme,
                },
                referent=referent,
                statut=statut,
                date_cloture=cloture,
                issue=issue,
            )
        )
    return situations


# date, presents, [(code, orientation, actions)]
_SEANCES: list[tuple[dt.date, list[str], list[tuple[str, str, list[str]]]]] = [
    (D(2025, 2, 10),
     ["laurent-mercadier", "isabelle-garnier", "valerie-girard", "christophe-blanchard",
      "mathieu-roussel", "sophie-marchal"],
     [("S-2025-001", "Proposer un premier rendez-vous au CMP avec accompagnement",
       ["Visite conjointe de l'infirmière du CMP et du bailleur",
        "Médiation avec le voisinage par le bailleur"]),
      ("S-2025-002", "Évaluer les besoins d'aide à domicile",
       ["Visite à domicile du CCAS", "Contact avec le médecin traitant"])]),
    (D(2025, 4, 14),
     ["laurent-mercadier", "isabelle-garnier", "karim-belkacem", "valerie-girard",
      "christophe-blanchard", "yannick-le-goff", "sophie-marchal"],
     [("S-2025-001", "Suivi au CMP engagé, poursuivre la médiation",
       ["Point d'étape avec le bailleur dans deux mois"]),
      ("S-2025-002", "Aide à domicile en place", ["Passage hebdomadaire de l'infirmier du CMP"]),
      ("S-2025-003", "Orientation vers le CSAPA",
       ["Premier entretien au CSAPA accompagné par le référent",
        "Ouverture des droits à l'assurance maladie"]),
      ("S-2025-004", "Évaluer la nécessité d'une mesure de protection",
       ["Visite conjointe CCAS et médecin traitant",
        "Information de la personne sur les mesures possibles"])]),
    (D(2025, 6, 16),
     ["laurent-mercadier", "isabelle-garnier", "amelie-caron", "elodie-fontaine",
      "valerie-girard", "christophe-blanchard", "yannick-le-goff", "sophie-marchal"],
     [("S-2025-001", "Situation stabilisée : clôture", []),
      ("S-2025-002", "Situation stabilisée : clôture", []),
      ("S-2025-003", "Soins engagés au CSAPA", ["Accompagnement vers un hébergement stable"]),
      ("S-2025-004", "Demande de mesure de protection déposée",
       ["Signalement au juge des contentieux de la protection par le CCAS"]),
      ("S-2025-005", "Soutien à la parentalité et accès aux soins",
       ["Orientation vers la PMI", "Rendez-vous au CMP proposé"]),
      ("S-2025-006", "Recherche d'un logement adapté",
       ["Demande de logement accompagné", "Accompagnement par le SAVS"])]),
    (D(2025, 10, 20),
     ["laurent-mercadier", "isabelle-garnier", "amelie-caron", "karim-belkacem",
      "valerie-girard", "yannick-le-goff", "mathieu-roussel", "sophie-marchal"],
     [("S-2025-003", "Soins réguliers et droits ouverts : clôture", []),
      ("S-2025-004", "Mesure de protection en cours d'instruction",
       ["Recherche d'une place en résidence autonomie"]),
      ("S-2025-005", "Suivi au CMP engagé", ["Point mensuel entre le référent et la PMI"]),
      ("S-2025-006", "Relogement réalisé : clôture", []),
      ("S-2025-007", "Remise en état du logement avec l'accord de la personne",
       ["Intervention d'une entreprise de nettoyage financée par le CCAS",
        "Visites de l'infirmière du CMP"]),
      ("S-2025-008", "Évaluation pédopsychiatrique et soutien éducatif",
       ["Rendez-vous au CMP enfants et adolescents", "Aide éducative à domicile proposée"]),
      ("S-2025-009", "Accompagnement vers le soin et l'hébergement",
       ["Suivi au CSAPA", "Demande d'hébergement en résidence sociale"])]),
    (D(2026, 1, 26),
     ["laurent-mercadier", "isabelle-garnier", "amelie-caron", "elodie-fontaine",
      "karim-belkacem", "valerie-girard", "yannick-le-goff", "sophie-marchal"],
     [("S-2025-004", "Entrée en résidence autonomie : clôture", []),
      ("S-2025-005", "Situation suivie, pas de nouvelle difficulté", []),
      ("S-2025-007", "Logement remis en état", ["Poursuite des visites infirmières"]),
      ("S-2025-008", "Soins engagés", ["Point avec l'infirmière scolaire au printemps"]),
      ("S-2025-009", "Hébergement obtenu", ["Maintien du suivi au CSAPA"]),
      ("S-2025-010", "Renouer le contact avec les soins",
       ["Visite conjointe du mandataire et de l'infirmière de l'EMPP"]),
      ("S-2026-001", "Évaluer l'isolement et l'accès aux soins",
       ["Consultation au CMP proposée par le médecin traitant"])]),
    (D(2026, 5, 18),
     ["laurent-mercadier", "isabelle-garnier", "amelie-caron", "karim-belkacem",
      "valerie-girard", "yannick-le-goff", "mathieu-roussel", "sophie-marchal"],
     [("S-2025-005", "Situation suivie", ["Bilan avec la PMI avant l'été"]),
      ("S-2025-007", "Plus de plainte du voisinage : clôture", []),
      ("S-2025-008", "Soins et aide éducative en place : clôture", []),
      ("S-2025-009", "Situation suivie", []),
      ("S-2025-010", "Suivi infirmier accepté : clôture", []),
      ("S-2026-001", "Suivi au CMP engagé", ["Lien avec le CCAS pour rompre l'isolement"]),
      ("S-2026-002", "Médiation et évaluation des soins",
       ["Visite conjointe bailleur et CMP", "Médiation avec le voisinage"]),
      ("S-2026-003", "Orientation vers les soins",
       ["Consultation au CMP proposée",
        "Information de la personne sur l'hospitalisation libre"])]),
    (D(2026, 10, 19),
     ["laurent-mercadier", "isabelle-garnier", "amelie-caron", "elodie-fontaine",
      "karim-belkacem", "valerie-girard", "yannick-le-goff", "sophie-marchal"],
     [("S-2025-009", "Situation suivie, logement stable", []),
      ("S-2026-001", "Situation suivie", []),
      ("S-2026-002", "Amélioration partielle", ["Nouvelle visite conjointe en décembre"]),
      ("S-2026-003", "Retour au domicile apaisé : clôture", []),
      ("S-2026-004", "Évaluer les ressources et l'entourage",
       ["Visite à domicile du CCAS", "Proposition d'un portage de repas"]),
      ("S-2026-005", "Accès au logement et aux soins",
       ["Demande de logement jeune", "Rendez-vous au CMP proposé"])]),
]  # fmt: skip


def _seances() -> list[Donnees]:
    return [
        _sans_vides(
            date=date,
            presents=list(presents),
            examen=[
                _sans_vides(code=code, orientation=orientation, actions=list(actions))
                for code, orientation, actions in examens
            ],
        )
        for date, presents, examens in _SEANCES
    ]


# --- public entry point -----------------------------------------------------------------------


def fichiers_demo() -> dict[str, dict[str, Any]]:
    """Relative posix path -> plain data of that file (TOML-ready: str, int, float, bool,
    datetime.date, lists, dicts)."""
    membres = _membres()
    sism_2025, sism_2026 = _sism_2025(), _sism_2026()
    fichiers: dict[str, dict[str, Any]] = {
        "clsm.toml": _identite(),
        "membres.toml": {"membre": membres},
        "groupes.toml": {"groupe": _groupes(membres)},
        "plan.toml": _plan(sism_2025, sism_2026),
    }
    for reunion in _reunions():
        fichiers[_nom_reunion(reunion)] = reunion
    fichiers["sism/2025.toml"] = sism_2025
    fichiers["sism/2026.toml"] = sism_2026
    fichiers["cellule/situations.toml"] = {"situation": _situations()}
    for seance in _seances():
        fichiers[f"cellule/seances/{seance['date'].isoformat()}.toml"] = seance
    return fichiers
