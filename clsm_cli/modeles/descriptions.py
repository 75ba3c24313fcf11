"""French titles and descriptions of every key of clsm's files.

They are the models' field descriptions: the JSON Schemas carry them (editors show them on
hover and while completing, Taplo and VS Code « Even Better TOML »), and ``clsm … --help`` can
quote them (:func:`decrire`). A field without an entry here takes the docstring written under it
in the model (French). A test fails when a key of any schema has no description, or a
title that is not in :data:`TITRES`.
"""

from __future__ import annotations

from typing import Any

TITRES: dict[str, str] = {
    "precision": "Précision",
    "evenements": "Événements",
    "totaux": "Totaux déclarés",
    "active": "Cellule active",
    "sources": "Sources",
    "realise_par": "Réalisé par",
    "priorites": "Priorités",
    "priorite": "Priorités",
    "methode": "Méthode",
    "constats": "Constats",
    "diagnostic": "Diagnostics",
    "fiche_action": "Fiche action",
    "ptsm": "Projet territorial de santé mentale (PTSM)",
    "jalon": "Jalons",
    "cls": "Contrat local de santé (CLS)",
    "actif": "Actif",
    "action": "Actions",
    "actions": "Actions décidées",
    "annee": "Année",
    "article": "Article",
    "axe": "Axe",
    "budget": "Budget (€)",
    "cellule": "Cellule de cas complexes",
    "cible": "Cible",
    "co_animation": "Co-animation",
    "code": "Code de la situation",
    "codes_utilises": "Codes déjà attribués",
    "college": "Collège",
    "comite": "Comité d'organisation",
    "commentaire": "Commentaire",
    "commune": "Commune",
    "communes": "Communes",
    "compte_rendu": "Compte rendu",
    "consentement": "Consentement",
    "conservation_mois": "Durée de conservation (mois)",
    "convention": "Convention",
    "co_animation_article": "Article devant la co-animation",
    "coordination": "Coordination",
    "courriel": "Courriel",
    "date": "Date",
    "date_cloture": "Date de clôture",
    "date_creation": "Date de création",
    "date_saisine": "Date de saisine",
    "debut": "Début",
    "decisions": "Décisions",
    "delais": "Délais de traitement",
    "depuis": "Membre depuis",
    "description": "Description",
    "echeance": "Échéance",
    "en_ligne": "En ligne",
    "etp": "Temps de travail (ETP)",
    "evenement": "Événements",
    "examen": "Situations examinées",
    "examens": "Examens",
    "excuses": "Excusés",
    "export": "Documents produits",
    "fait": "Fait",
    "fait_le": "Fait le",
    "fin": "Fin",
    "financement": "Financements",
    "financeur": "Financeur",
    "fonction": "Fonction",
    "forme": "Forme",
    "groupe": "Groupe",
    "heure": "Heure",
    "heure_fin": "Heure de fin",
    "id": "Identifiant",
    "indicateur": "Indicateurs",
    "inscription": "Inscription",
    "instance": "Instance",
    "instances": "Instances",
    "intitule": "Intitulé",
    "issue": "Issue",
    "jusqu_a": "Membre jusqu'à",
    "libelle": "Libellé",
    "lieu": "Lieu",
    "membre": "Membres",
    "membres": "Membres",
    "mission": "Mission",
    "modele_word": "Modèle Word",
    "montant": "Montant (€)",
    "nom": "Nom",
    "notes": "Notes",
    "objectif": "Objectif",
    "objectifs": "Objectifs",
    "objet": "Objet",
    "ordre_du_jour": "Ordre du jour",
    "orientation": "Orientation",
    "orientations": "Orientations",
    "organisateurs": "Organisateurs",
    "origine": "Origine de la saisine",
    "origines": "Origines des saisines",
    "par": "Fait par",
    "participants": "Participants",
    "partenaires": "Partenaires",
    "periode": "Période",
    "pilote": "Pilote",
    "point": "Points de l'ordre du jour",
    "population": "Population",
    "porteur": "Porteur",
    "porteur_article": "Article devant le porteur",
    "prenom": "Prénom",
    "presents": "Présents",
    "presidence": "Présidence",
    "presidence_article": "Article devant la présidence",
    "problematiques": "Problématiques",
    "public": "Public",
    "publics": "Publics",
    "qpv": "Quartiers prioritaires (QPV)",
    "qualite": "Qualité",
    "qui": "Qui",
    "quoi": "Quoi",
    "realisation": "Réalisations",
    "realise": "Réalisé",
    "recueilli": "Recueilli",
    "referent": "Référent",
    "representant": "Représentant",
    "seances": "Séances",
    "seuil_masquage": "Seuil de masquage",
    "signataire": "Signataires",
    "situation": "Situations",
    "situations_closes": "Situations closes",
    "situations_examinees": "Situations examinées",
    "situations_ouvertes": "Situations ouvertes",
    "statut": "Statut",
    "structure": "Structure",
    "suivi": "Relevé de suivi",
    "telephone": "Téléphone",
    "territoire": "Territoire",
    "theme": "Thème",
    "titre": "Titre",
    "tranche_age": "Tranche d'âge",
    "tranches_age": "Tranches d'âge",
    "type": "Type",
    "uid": "Identité dans les agendas (UID)",
    "unite": "Unité",
    "version_schema": "Version du format",
}
"""French title of each key (editors show it above the description)."""

DESCRIPTIONS: dict[str, str] = {
    # any file
    "*.version_schema": "Version du format de ce fichier, écrite par clsm : ne pas modifier.",
    "*.id": "Identifiant court et stable (minuscules sans accent, chiffres, - et _), utilisé "
    "par les autres fichiers pour y faire référence.",
    "*.notes": "Notes libres.",
    "*.commentaire": "Commentaire libre.",
    "*.debut": "Date de début (AAAA-MM-JJ).",
    "*.fin": "Date de fin (AAAA-MM-JJ).",
    "*.heure": "Heure de début (HH:MM, par exemple 18:30).",
    "*.heure_fin": "Heure de fin (HH:MM), après l'heure de début.",
    "*.lieu": "Lieu (adresse de la salle ou de la structure d'accueil).",
    "*.uid": "Identité dans les agendas, écrite par clsm à la création : ne pas la modifier ; "
    "la supprimer dans la copie d'un fichier.",
    "*.presents": "Personnes présentes : identifiants de membres (membres.toml) ou noms libres.",
    "*.partenaires": "Structures partenaires (noms libres ou identifiants de membres).",
    "*.participants": "Nombre de participants (laisser vide s'il n'est pas connu : jamais 0 "
    "par défaut).",
    "*.qpv": "Quartiers prioritaires de la politique de la ville concernés.",
    "*.courriel": "Adresse électronique.",
    "*.telephone": "Numéro de téléphone.",
    "*.structure": "Structure (établissement, service, association, collectivité).",
    "*.annee": "Année (AAAA).",
    "*.date": "Date (AAAA-MM-JJ).",
    "*.article": "Article à employer devant le nom de la structure quand clsm ne le devine pas "
    "(le, la, les, l', aucun) : « représenté par le maire de » / « de l'ARS ».",
    "*.porteur_article": "Article devant le porteur quand clsm ne le devine pas (le, la, les, "
    "l', aucun).",
    "*.presidence_article": "Article devant la présidence quand clsm ne le devine pas (le, "
    "la, les, l', aucun).",
    "*.co_animation_article": "Article devant la co-animation quand clsm ne le devine pas (le, "
    "la, les, l', aucun).",
    "FichierClsm.jalon": "Grandes étapes de la vie du CLSM (création, diagnostic, convention "
    "signée, renouvellement, bilan intermédiaire, évaluation), un bloc [[jalon]] chacune.",
    "FichierClsm.cls": "Contrat local de santé du territoire, dont le CLSM est souvent une fiche "
    "action.",
    "FichierClsm.ptsm": "Projet territorial de santé mentale du département.",
    "Jalon.date": "Date du jalon (AAAA, AAAA-MM ou AAAA-MM-JJ).",
    "Jalon.type": "Type de jalon : creation, diagnostic, convention_signee, renouvellement, "
    "bilan_intermediaire, evaluation, autre.",
    "Jalon.libelle": "Ce qui s'est passé (le libellé du type sert quand il est vide).",
    "LienCls.nom": "Nom du contrat local de santé.",
    "LienCls.fiche_action": "Numéro de la fiche action du CLS consacrée au CLSM.",
    "LienPtsm.nom": "Nom du projet territorial de santé mentale.",
    "LienCls.debut": "Première année du contrat local de santé (AAAA).",
    "LienCls.fin": "Dernière année du contrat local de santé (AAAA).",
    "LienPtsm.debut": "Première année du projet territorial de santé mentale (AAAA).",
    "LienPtsm.fin": "Dernière année du projet territorial de santé mentale (AAAA).",
    "FichierDiagnostic": "diagnostic.toml : les diagnostics partagés de la santé mentale du "
    "territoire et les priorités retenues, un bloc [[diagnostic]] chacun.",
    "FichierDiagnostic.diagnostic": "Diagnostics partagés, du plus ancien au plus récent.",
    "Diagnostic.date": "Date du diagnostic (AAAA, AAAA-MM ou AAAA-MM-JJ).",
    "Diagnostic.intitule": "Intitulé du diagnostic.",
    "Diagnostic.realise_par": "Qui l'a réalisé : une structure (un observatoire régional de la "
    "santé, par exemple) ou « en interne ».",
    "Diagnostic.methode": "Méthodes employées : questionnaire, entretiens, données, ateliers…",
    "Diagnostic.sources": "Sources de données utilisées.",
    "Diagnostic.constats": "Principaux constats, en quelques phrases courtes.",
    "Diagnostic.priorite": "Priorités retenues, un bloc [[diagnostic.priorite]] chacune.",
    "Priorite.libelle": "Libellé de la priorité.",
    "Axe.priorites": "Identifiants des priorités du diagnostic (diagnostic.toml) auxquelles "
    "répond cet axe.",
    "ParametresCellule.active": "false quand le CLSM n'a pas de cellule de cas complexes : les "
    "documents n'en parlent pas et les commandes de la cellule le disent.",
    "Membre.signataire": "true pour un membre fondateur ou signataire : sa structure est partie "
    "à la convention et la signe.",
    "Sism.totaux": "Totaux déclarés de l'année, quand les événements ne sont pas détaillés (une "
    "SISM passée connue par ses seuls chiffres).",
    "TotauxSism.evenements": "Nombre d'événements de l'année.",
    "TotauxSism.partenaires": "Nombre de structures partenaires.",
    "TotauxSism.participants": "Nombre total de participants.",
    "Indicateur.annee": "Année de la valeur atteinte (un indicateur par année suivie).",
    "Evenement.fin": "Dernier jour d'un événement sur plusieurs jours (une exposition du 10 au "
    "29 octobre).",
    "ParametresCellule.origines": "Origines de saisine ajoutées à la liste fermée de clsm "
    "(des professions ou des structures, jamais des noms).",
    "ParametresCellule.orientations": "Orientations ajoutées à la liste fermée de clsm.",
    "ParametresCellule.communes": "Communes ou quartiers ajoutés à ceux de clsm.toml (communes et "
    "QPV) pour classer les situations.",
    "Situation.precision": "Détail libre, pour les seuls membres de la cellule : n'apparaît dans "
    "aucun document, export ni statistique (jamais de donnée personnelle).",
    "Examen.precision": "Détail libre de l'orientation, pour les seuls membres de la cellule : "
    "n'apparaît dans aucun document, export ni statistique.",
    # clsm.toml
    "FichierClsm": "clsm.toml : identité du CLSM, convention, financements et paramètres.",
    "FichierClsm.nom": "Nom du CLSM, tel qu'il figure dans les documents (« CLSM de … »).",
    "FichierClsm.territoire": "Territoire couvert (commune, intercommunalité, quartiers).",
    "FichierClsm.communes": "Communes du territoire.",
    "FichierClsm.population": "Population du territoire (habitants).",
    "FichierClsm.qpv": "Quartiers prioritaires de la politique de la ville du territoire.",
    "FichierClsm.date_creation": "Date de création du CLSM (installation de la première "
    "instance ou signature de la première convention).",
    "FichierClsm.porteur": "Structure porteuse du CLSM (ville, CCAS, intercommunalité, "
    "établissement de santé…).",
    "FichierClsm.presidence": "Qui préside le CLSM (en général le maire ou un élu).",
    "FichierClsm.co_animation": "Co-animation, en général par la psychiatrie publique.",
    "FichierClsm.coordination": "Coordinatrice ou coordinateur du CLSM.",
    "FichierClsm.convention": "Convention de partenariat en cours.",
    "FichierClsm.financement": "Financements reçus, un bloc [[financement]] par ligne.",
    "FichierClsm.cellule": "Paramètres de la cellule de cas complexes.",
    "FichierClsm.export": "Paramètres des documents produits.",
    "Coordination.nom": "Prénom et nom de la coordinatrice ou du coordinateur.",
    "Coordination.etp": "Temps de travail consacré au CLSM, en équivalent temps plein "
    "(0,5 pour un mi-temps).",
    "Convention.debut": "Date d'effet de la convention.",
    "Convention.fin": "Date de fin de la convention.",
    "Convention.signataire": "Signataires de la convention, un bloc [[convention.signataire]] "
    "chacun.",
    "Convention.objectifs": "Objectifs de la convention.",
    "Signataire.structure": "Structure signataire.",
    "Signataire.representant": "Personne qui signe au nom de la structure.",
    "Signataire.qualite": "Qualité du représentant (maire, directeur général…).",
    "Financement.annee": "Année du financement.",
    "Financement.financeur": "Financeur (ARS, commune, politique de la ville…).",
    "Financement.montant": "Montant en euros.",
    "Financement.objet": "Ce que finance cette ligne (poste de coordination, action…).",
    "ParametresCellule.seuil_masquage": "Effectif en dessous duquel les chiffres de la cellule "
    "sont masqués dans tout ce qui en sort (au moins 11).",
    "ParametresCellule.conservation_mois": "Durée de conservation d'une situation close ou "
    "inactive, en mois, avant « clsm cellule purger ».",
    "ParametresExport.modele_word": "Document Word de référence (styles, en-tête, logo) pour "
    "les documents produits, relatif au dossier.",
    # membres.toml, groupes.toml
    "FichierMembres": "membres.toml : les membres du CLSM, un bloc [[membre]] chacun.",
    "FichierMembres.membre": "Membres : personnes ou structures.",
    "Membre.nom": "Nom de famille (laisser vide pour une structure seule).",
    "Membre.prenom": "Prénom.",
    "Membre.fonction": "Fonction dans sa structure.",
    "Membre.college": "Collège du CLSM auquel appartient le membre.",
    "Membre.instances": "Instances où siège le membre : copil, pleniere, comite_technique, "
    "cellule, ou l'identifiant d'un groupe de travail.",
    "Membre.depuis": "Date d'entrée au CLSM.",
    "Membre.jusqu_a": "Date de sortie du CLSM (le membre est gardé dans l'historique).",
    "FichierGroupes": "groupes.toml : les groupes de travail, un bloc [[groupe]] chacun.",
    "FichierGroupes.groupe": "Groupes de travail.",
    "Groupe.nom": "Nom du groupe de travail.",
    "Groupe.mission": "Mission confiée au groupe par le comité de pilotage.",
    "Groupe.pilote": "Identifiant du membre qui anime le groupe.",
    "Groupe.membres": "Identifiants des membres du groupe.",
    "Groupe.actif": "false pour un groupe qui ne se réunit plus (il reste dans l'historique).",
    # plan.toml
    "FichierPlan": "plan.toml : le plan d'action (période, axes, actions).",
    "FichierPlan.periode": "Période couverte par le plan d'action.",
    "FichierPlan.axe": "Axes du plan d'action, un bloc [[axe]] chacun.",
    "FichierPlan.action": "Actions, un bloc [[action]] chacune.",
    "Periode.debut": "Début de la période du plan.",
    "Periode.fin": "Fin de la période du plan.",
    "Axe.intitule": "Intitulé de l'axe.",
    "Action.axe": "Identifiant de l'axe auquel l'action se rattache.",
    "Action.intitule": "Intitulé de l'action.",
    "Action.objectif": "Objectif de l'action.",
    "Action.type": "Type d'action (information et communication, soutien, formation, "
    "aller-vers, coordination, autre).",
    "Action.publics": "Publics visés.",
    "Action.qpv": "true si l'action touche les quartiers prioritaires, ou la liste de ceux-ci.",
    "Action.pilote": "Identifiant du membre qui pilote l'action.",
    "Action.groupe": "Identifiant du groupe de travail qui porte l'action.",
    "Action.statut": "Où en est l'action : prévue, en cours, réalisée, reportée, abandonnée.",
    "Action.debut": "Début de l'action.",
    "Action.fin": "Fin (ou échéance) de l'action.",
    "Action.budget": "Budget de l'action en euros.",
    "Action.indicateur": "Indicateurs de suivi, un bloc [[action.indicateur]] chacun.",
    "Action.realisation": "Ce qui a été réalisé, un bloc [[action.realisation]] par séance, "
    "réunion ou événement.",
    "Indicateur.libelle": "Ce que mesure l'indicateur.",
    "Indicateur.cible": "Valeur visée.",
    "Indicateur.realise": "Valeur atteinte.",
    "Indicateur.unite": "Unité de mesure (personnes, séances, %…).",
    "Realisation.date": "Date de la réalisation.",
    "Realisation.libelle": "Ce qui a été réalisé.",
    # reunions/
    "Reunion": "Une réunion d'instance (copil, plénière, groupe de travail…).",
    "Reunion.instance": "Instance réunie : copil, pleniere, comite_technique, autre, ou "
    "groupe:<identifiant du groupe>.",
    "Reunion.date": "Date de la réunion (le nom du fichier la reprend).",
    "Reunion.excuses": "Personnes excusées : identifiants de membres ou noms libres.",
    "Reunion.ordre_du_jour": "Points de l'ordre du jour.",
    "Reunion.point": "Compte rendu point par point, un bloc [[point]] chacun.",
    "Reunion.decisions": "Décisions prises.",
    "Reunion.suivi": "Relevé de suivi des décisions, un bloc [[suivi]] par tâche.",
    "Point.titre": "Titre du point.",
    "Point.compte_rendu": "Ce qui a été dit.",
    "Suivi.quoi": "Ce qu'il faut faire.",
    "Suivi.qui": "Qui s'en charge (identifiant de membre ou nom).",
    "Suivi.echeance": "Date à laquelle ce doit être fait.",
    "Suivi.fait": "true quand c'est fait.",
    "Suivi.fait_le": "Date à laquelle le suivi a été fait.",
    "Suivi.par": "Qui l'a fait : identifiant de membre ou texte libre.",
    # sism/
    "Sism": "Une édition des Semaines d'information sur la santé mentale.",
    "Sism.annee": "Année de l'édition (le nom du fichier la reprend).",
    "Sism.theme": "Thème national de l'année.",
    "Sism.debut": "Premier jour de la SISM sur le territoire.",
    "Sism.fin": "Dernier jour de la SISM sur le territoire.",
    "Sism.comite": "Comité d'organisation : identifiants de membres ou noms.",
    "Sism.evenement": "Événements, un bloc [[evenement]] chacun.",
    "Evenement.titre": "Titre de l'événement.",
    "Evenement.type": "Type d'événement (ciné-débat, conférence, stand, exposition…).",
    "Evenement.date": "Date de l'événement (premier jour s'il en dure plusieurs).",
    "Evenement.commune": "Commune où il a lieu.",
    "Evenement.qpv": "true si l'événement a lieu dans un quartier prioritaire, ou son nom.",
    "Evenement.organisateurs": "Structures organisatrices.",
    "Evenement.public": "Public visé.",
    "Evenement.en_ligne": "true pour un événement en ligne.",
    "Evenement.inscription": "Modalités d'inscription (« entrée libre », lien, téléphone…).",
    "Evenement.description": "Présentation de l'événement pour le programme.",
    # cellule/
    "FichierSituations": "cellule/situations.toml : situations examinées par la cellule de cas "
    "complexes, connues par un code seulement. CONFIDENTIEL.",
    "FichierSituations.situation": "Situations, un bloc [[situation]] chacune.",
    "Situation.code": "Code de la situation, attribué par clsm (S-AAAA-NNN). Jamais de nom.",
    "Situation.date_saisine": "Date à laquelle la cellule a été saisie.",
    "Situation.origine": "Qui a saisi la cellule (une profession ou une structure, jamais un nom).",
    "Situation.tranche_age": "Tranche d'âge de la personne (jamais sa date de naissance).",
    "Situation.commune": "Commune de résidence (jamais l'adresse).",
    "Situation.qpv": "true si la personne réside dans un quartier prioritaire.",
    "Situation.problematiques": "Problématiques de la situation, dans la liste fermée.",
    "Situation.consentement": "Consentement de la personne à l'examen de sa situation.",
    "Situation.referent": "Identifiant du membre référent de la situation.",
    "Situation.statut": "ouverte, suivie ou close.",
    "Situation.date_cloture": "Date de clôture.",
    "Situation.issue": "Comment la situation s'est close (sans donnée personnelle).",
    "Consentement.recueilli": "true si le consentement a été recueilli.",
    "Consentement.date": "Date du recueil.",
    "Consentement.forme": "Forme du consentement : écrit ou oral.",
    "SeanceCellule": "Une séance de la cellule de cas complexes. CONFIDENTIEL.",
    "SeanceCellule.date": "Date de la séance (le nom du fichier la reprend).",
    "SeanceCellule.presents": "Professionnels présents (identifiants de membres).",
    "SeanceCellule.examen": "Situations examinées, un bloc [[examen]] chacune.",
    "Examen.code": "Code de la situation examinée.",
    "Examen.orientation": "Orientation décidée.",
    "Examen.actions": "Actions décidées.",
    "FichierArchives": "cellule/archives.toml : comptes anonymes par année des situations "
    "purgées, pour que les bilans passés gardent leurs chiffres.",
    "FichierArchives.codes_utilises": "Codes déjà attribués (jamais réattribués).",
    "FichierArchives.annee": "Comptes d'une année, un bloc [[annee]] chacune.",
    "BilanArchive.annee": "Année des comptes.",
    "BilanArchive.situations_ouvertes": "Situations ouvertes dans l'année.",
    "BilanArchive.situations_closes": "Situations closes dans l'année.",
    "BilanArchive.situations_examinees": "Situations examinées dans l'année.",
    "BilanArchive.seances": "Séances tenues dans l'année.",
    "BilanArchive.examens": "Examens de situations dans l'année.",
    "BilanArchive.problematiques": "Nombre de situations par problématique.",
    "BilanArchive.origines": "Nombre de situations par origine de la saisine.",
    "BilanArchive.tranches_age": "Nombre de situations par tranche d'âge.",
    "BilanArchive.communes": "Nombre de situations par commune.",
    "BilanArchive.qpv": "Situations de personnes résidant en quartier prioritaire.",
    "BilanArchive.orientations": "Nombre d'examens par orientation.",
    "BilanArchive.delais": "Nombre de situations par délai de traitement.",
}
"""``Modele.champ`` (or ``*.champ`` for any model, or ``Modele`` for the model itself)."""


def decrire(modele: str, champ: str) -> str | None:
    """The description of ``champ`` of the model named ``modele`` (None if there is none)."""
    return DESCRIPTIONS.get(f"{modele}.{champ}") or DESCRIPTIONS.get(f"*.{champ}")


def titre(champ: str) -> str:
    """The French title of a key (the key itself, spaced, when the catalogue lacks it)."""
    return TITRES.get(champ, champ.replace("_", " ").capitalize())


def completer_schema(schema: dict[str, Any], modele: type) -> None:
    """pydantic's ``json_schema_extra``: French titles and descriptions of every property."""
    nom = modele.__name__
    schema["title"] = nom
    if nom in DESCRIPTIONS:
        schema["description"] = DESCRIPTIONS[nom]
    elif "description" in schema and (modele.__doc__ or "").strip() == schema["description"]:
        del schema["description"]  # an English docstring meant for developers
    for champ, propriete in schema.get("properties", {}).items():
        propriete["title"] = titre(champ)
        description = decrire(nom, champ) or propriete.get("description")
        if description:  # a docstring spans lines: one line in the editor
            propriete["description"] = " ".join(description.split())
