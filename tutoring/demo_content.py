"""Demo texts of tutoring: the experts, the structures' needs, the pairs, their questions and Ansa's
hotline during « Saison 2026 ».

Written for the demo, in French; every person and organisation is fictional. Sheets are named by
their number in curriculum/demo_content.py. Moments are counted in working days before today
(Paris, French public holidays skipped), so that each question reaches the same state whatever
the day the demo is loaded: `asked=(working days ago, "hh:mm")`. A step's `after` is hours after
the previous step, or `("d1", hours)` / `("d2", hours)` after the question's first / second
escalation deadline.
"""

from portal.structures.demo import TREMPLIN, VAL_DE_LOIRE

CORNOUAILLE = "Parcours Emploi Cornouaille"
HAUTES_VIGNES = "Communauté de communes des Hautes-Vignes"
RHONE_SUD = "Atout Emploi Rhône Sud"
BOURG = "Ville de Bourg-Sainte-Aline"

ANSA = "ansa@essaim.test"
NADIA = "expert1@essaim.test"
JULIEN = "expert2@essaim.test"
SOPHIE = "expert3@essaim.test"
MATHIEU = "expert4@essaim.test"
AMAIA = "expert5@essaim.test"
KARIM = "referent1@essaim.test"
THOMAS = "participant1@essaim.test"
ELODIE = "referent2@essaim.test"
GAELLE = "gaelle.le-goff@exemple.test"
YANNICK = "yannick.kerjean@exemple.test"
MAIWENN = "maiwenn.tanguy@exemple.test"
DENIS = "denis.roques@exemple.test"
AMANDINE = "amandine.salvat@exemple.test"
SAMIR = "samir.haddad@exemple.test"
LUCIE = "lucie.perrin@exemple.test"
ODILE = "odile.brunet@exemple.test"

# --- Experts ----------------------------------------------------------------------------------

#: The season's service levels, in working days.
SERVICE_LEVELS = {"expert_days": 3, "experts_days": 2, "accept_reminder_days": 5}

SEASON_LONG = "Toute la formation-action de la saison 2026"

#: Every expert of the demo: levels per sheet number (a sheet left out has no expertise), the
#: number of referents followed at once, and whether an availability period is declared. The
#: last two accounts are created here, like the other demo accounts.
EXPERTS = [
    {
        "email": NADIA,
        "first_name": "Nadia",
        "last_name": "Etcheverry",
        "new": False,
        "capacity": 3,
        "bio": (
            "Chargée de relation entreprises chez A.CO.R depuis 2012, d'abord à Pau puis sur le "
            "bassin d'Oloron. Elle a bâti un portefeuille de plus de deux cents TPE et PME, "
            "qu'elle visite sans filtre de secteur, et anime les modules sur la prospection et "
            "la fidélisation des entreprises."
        ),
        "levels": {8: 3, 9: 3, 10: 2, 11: 2, 3: 2, 12: 1, 13: 1},
        "availability": SEASON_LONG,
    },
    {
        "email": JULIEN,
        "first_name": "Julien",
        "last_name": "Carrère",
        "new": False,
        "capacity": 2,
        "bio": (
            "Ancien commercial dans la distribution, CRE chez A.CO.R depuis 2015. Il accompagne "
            "les équipes qui démarrent la période d'engagement réciproque et organise chaque "
            "lundi le croisement des offres et des personnes de son antenne."
        ),
        "levels": {1: 3, 2: 3, 12: 3, 4: 2, 3: 2, 6: 1},
        "availability": None,
    },
    {
        "email": SOPHIE,
        "first_name": "Sophie",
        "last_name": "Larrieu",
        "new": False,
        "capacity": 2,
        "bio": (
            "Codirectrice d'A.CO.R, chargée de l'organisation des équipes et du recrutement des "
            "CRE. Elle a suivi les premiers essaimages et connaît bien les collectivités qui "
            "transforment leurs propres services."
        ),
        "levels": {13: 3, 12: 2, 7: 2, 9: 1, 2: 1},
        "availability": SEASON_LONG,
    },
    {
        "email": MATHIEU,
        "first_name": "Mathieu",
        "last_name": "Hourcade",
        "new": True,
        "capacity": 3,
        "bio": (
            "CRE depuis 2010, il s'est fait une spécialité du suivi d'entretien et du maintien "
            "dans l'emploi : chaque année, il suit une soixantaine de personnes de la signature "
            "du contrat à la fin de leur premier CDD."
        ),
        "levels": {5: 3, 6: 3, 7: 3, 4: 2, 1: 1},
        "availability": SEASON_LONG,
    },
    {
        "email": AMAIA,
        "first_name": "Amaia",
        "last_name": "Duhalde",
        "new": True,
        "capacity": 2,
        "bio": (
            "CRE à Bayonne, elle a lancé les cafés de l'emploi d'A.CO.R sur la côte basque et "
            "négocie une trentaine d'immersions (PMSMP) par an avec les entreprises partenaires."
        ),
        "levels": {10: 3, 11: 3, 8: 2, 3: 1, 5: 1},
        "availability": None,
    },
]

# --- Needs ------------------------------------------------------------------------------------

#: Each structure's priorities per sheet number and its problems in its own words (added, in the
#: demo, to what it wrote in its candidacy).
NEEDS = {
    TREMPLIN: {
        "priorities": {8: 3, 9: 3, 12: 2, 10: 1, 3: 1},
        "problems": (
            "Nos deux conseillers viennent de l'accompagnement social : ils n'ont jamais "
            "démarché une entreprise. À Orthez, les employeurs nous voient comme une association "
            "d'insertion, pas comme un partenaire de recrutement, et nous perdons le contact "
            "après la première embauche."
        ),
    },
    VAL_DE_LOIRE: {
        "priorities": {13: 3, 12: 2, 7: 2, 5: 1, 2: 1},
        "problems": (
            "Nos agents du service emploi sont habitués aux permanences et aux ateliers "
            "collectifs. La direction veut une équipe tournée vers les entreprises, mais les "
            "fiches de poste et le recrutement statutaire freinent. Nous ne savons pas encore "
            "suivre les personnes une fois en poste."
        ),
    },
    CORNOUAILLE: {
        "priorities": {2: 3, 12: 3, 1: 2, 4: 2, 3: 1},
        "problems": (
            "Nous recevons beaucoup de personnes orientées par le Département et rédigeons des "
            "contrats d'engagement très longs. Nous voulons passer à la PER de deux mois et "
            "croiser les offres en équipe, mais chacun garde encore « ses » demandeurs d'emploi."
        ),
    },
    HAUTES_VIGNES: {
        "priorities": {13: 3, 8: 3, 1: 2, 9: 1},
        "problems": (
            "Territoire rural : des entreprises très petites, dispersées sur quarante communes. "
            "Pas encore d'équipe dédiée, deux agentes à mi-temps sur l'insertion. Les élus "
            "attendent des résultats rapides et veulent savoir comment organiser le service."
        ),
    },
    RHONE_SUD: {
        "priorities": {10: 3, 11: 3, 8: 2, 5: 1, 13: 1},
        "problems": (
            "Nous connaissons les entreprises industrielles autour de Vienne, mais elles nous "
            "confient peu d'offres. Nous voulons ouvrir des portes par les cafés de l'emploi et "
            "les immersions, et faire vivre une équipe qui vient de s'agrandir."
        ),
    },
    BOURG: {
        "priorities": {1: 3, 2: 2, 8: 2, 11: 2, 13: 1},
        "problems": (
            "Une seule référente pour l'instant, qui fait tout : accueil, suivi RSA, contacts "
            "avec les entreprises. Nous devons apprendre à accueillir autrement, à signer des "
            "engagements courts, et convaincre les élus qu'il faut prospecter."
        ),
    },
}

#: When the experts filled in their profiles, the referents their structure's needs (a few
#: minutes apart), and Ansa declared the conflict: before the first pairs.
PROFILES_AT = (68, "10:00")
NEEDS_AT = (66, "14:00")
CONFLICT_AT = (64, "09:30")

#: (expert, structure, reason): the expert must not tutor that structure.
CONFLICT = (
    SOPHIE,
    HAUTES_VIGNES,
    "Sophie Larrieu a dirigé le service insertion de la communauté de communes jusqu'en 2019 ; "
    "elle en connaît encore les agents et les élus.",
)

# --- Pairs ------------------------------------------------------------------------------------

#: (structure, expert, started, ended or None, reason for the end); moments as in `asked`.
#: Hautes-Vignes and Bourg-Sainte-Aline are left for Ansa to pair.
PAIRINGS = [
    (TREMPLIN, NADIA, (62, "11:00"), None, ""),
    (CORNOUAILLE, JULIEN, (62, "11:30"), None, ""),
    (RHONE_SUD, AMAIA, (61, "15:00"), None, ""),
    (
        VAL_DE_LOIRE,
        SOPHIE,
        (62, "12:00"),
        (28, "16:00"),
        "Sophie Larrieu coordonne désormais le module 5 et prépare la journée nationale : elle "
        "ne peut plus suivre la structure d'assez près. Relais confié à Mathieu Hourcade, d'un "
        "commun accord.",
    ),
    (VAL_DE_LOIRE, MATHIEU, (27, "10:00"), None, ""),
]

UNPAIRED = [HAUTES_VIGNES, BOURG]

#: Exchanges of each pair outside the portal: (working days ago, minutes, channel, sheets, who
#: recorded it, notes in Markdown).
LOG_ENTRIES = {
    (TREMPLIN, NADIA): [
        (
            50,
            180,
            "visit",
            [8, 13],
            NADIA,
            "Demi-journée à Orthez avec Karim et Thomas. Nous avons repris la liste des trente "
            "entreprises et fait **deux visites ensemble** (une boulangerie industrielle, un "
            "garage). Thomas mène la prochaine seul, je l'appelle le soir même.",
        ),
        (
            30,
            45,
            "phone",
            [9],
            KARIM,
            "Point sur les entreprises revues depuis le module 2 : six ont eu un second contact, "
            "deux nous ont rappelés d'elles-mêmes. Nadia conseille un appel le lendemain de "
            "chaque prise de poste.",
        ),
        (
            8,
            60,
            "video",
            [12, 3],
            NADIA,
            "Préparation du croisement du lundi : une offre d'agent de quai, trois personnes "
            "possibles. Rappel du principe : **une seule** est proposée, les autres savent "
            "pourquoi.",
        ),
    ],
    (VAL_DE_LOIRE, SOPHIE): [
        (
            55,
            90,
            "video",
            [13],
            SOPHIE,
            "Premier échange avec Élodie sur l'équipe cible : deux agents volontaires pour "
            "devenir CRE, une fiche de poste à réécrire avec les ressources humaines.",
        ),
        (
            35,
            30,
            "phone",
            [7],
            ELODIE,
            "Question sur le suivi d'une personne entrée en CDD chez un paysagiste : appel de "
            "l'employeur à la fin de la première semaine, convenu avec Sophie.",
        ),
    ],
    (VAL_DE_LOIRE, MATHIEU): [
        (
            26,
            60,
            "phone",
            [7, 5],
            MATHIEU,
            "Passage de relais après Sophie : j'ai relu le profil de besoins et le journal. "
            "Priorité d'Élodie : le suivi dans le poste et le retour rapide après entretien.",
        ),
        (
            6,
            45,
            "video",
            [5],
            ELODIE,
            "Mathieu nous a montré ses trois SMS types après un entretien. Nous les adaptons "
            "pour les agents de Blois et les testons deux semaines.",
        ),
    ],
    (CORNOUAILLE, JULIEN): [
        (
            52,
            90,
            "video",
            [2, 1],
            JULIEN,
            "Relecture de deux contrats d'engagement existants (dix pages chacun). Objectif : "
            "une PER d'une page, trois engagements de chaque côté, deux mois.",
        ),
        (
            24,
            240,
            "visit",
            [12, 1],
            JULIEN,
            "Journée à Quimper : j'ai assisté à la réunion du lundi. Le croisement a duré "
            "quarante minutes pour cinq offres ; il manque un fichier commun des personnes.",
        ),
        (
            4,
            30,
            "phone",
            [4],
            GAELLE,
            "Préparation d'un entretien chez un mareyeur : Julien propose de faire visiter "
            "l'atelier à la personne la veille.",
        ),
    ],
    (RHONE_SUD, AMAIA): [
        (
            51,
            40,
            "phone",
            [10],
            AMAIA,
            "Premier appel : Samir veut lancer un café de l'emploi avant l'été. Nous partons sur "
            "un format court, un matin, six entreprises au plus.",
        ),
        (
            29,
            180,
            "visit",
            [10, 11],
            AMAIA,
            "Café de l'emploi co-animé à Vienne : cinq entreprises, quatorze personnes, deux "
            "immersions décidées sur place.",
        ),
        (
            11,
            20,
            "email",
            [13],
            SAMIR,
            "Samir a envoyé le projet de lettre de mission de Lucie ; Amaia suggère un objectif "
            "de contacts entreprises par mois plutôt qu'un nombre de placements au début.",
        ),
    ],
}

#: An open change request: (structure, expert of the pairing, asked by, moment, reason).
CHANGE_REQUEST = (
    RHONE_SUD,
    AMAIA,
    SAMIR,
    (5, "14:10"),
    "Depuis l'arrivée de Lucie Perrin, notre priorité a glissé vers l'organisation de l'équipe : "
    "réunion du lundi, fichier commun, lettres de mission. Amaia nous aide beaucoup sur les "
    "cafés de l'emploi, mais un·e expert·e de l'organisation nous serait plus utile pour la fin "
    "de la saison. Pouvons-nous en parler ?",
)

# --- Questions --------------------------------------------------------------------------------


def answer(author: str, after, body: str) -> dict:
    return {"do": "answer", "actor": author, "after": after, "body": body}


def comment(author: str, after, body: str, *, on: int | None = None) -> dict:
    """A comment on the question, or on its answer number `on` (0 is the first)."""
    return {"do": "comment", "actor": author, "after": after, "body": body, "on": on}


def accept(actor: str, after, *, answer: int = 0) -> dict:
    return {"do": "accept", "actor": actor, "after": after, "answer": answer}


def close(actor: str, after, reason: str) -> dict:
    return {"do": "close", "actor": actor, "after": after, "reason": reason}


def duplicate(actor: str, after, original: str) -> dict:
    return {"do": "duplicate", "actor": actor, "after": after, "original": original}


def edit(actor: str, after, *, title: str, body: str) -> dict:
    return {"do": "edit", "actor": actor, "after": after, "title": title, "body": body}


def edit_answer(actor: str, after, body: str, *, answer: int = 0) -> dict:
    return {"do": "edit_answer", "actor": actor, "after": after, "body": body, "answer": answer}


def hide(actor: str, after, reason: str) -> dict:
    return {"do": "hide", "actor": actor, "after": after, "reason": reason}


def widen(actor: str, after, scope: str, reason: str) -> dict:
    return {"do": "widen", "actor": actor, "after": after, "scope": scope, "reason": reason}


def decide(actor: str, after, *, agree: bool) -> dict:
    return {"do": "decide", "actor": actor, "after": after, "agree": agree}


#: The season's questions, oldest first. `key` names a question for `duplicate` and for the
#: hotline ticket turned into a question; `module` is a module number, `session` the key of a
#: session in modules/demo_content.py, and then `asked` counts hours after it ended.
QUESTIONS = [
    {
        "key": "trente-entreprises",
        "structure": TREMPLIN,
        "asker": KARIM,
        "sheets": [8],
        "scope": "cohort",
        "module": 1,
        "session": "module-1",
        "asked": 30,
        "title": "Par où commencer la liste des trente entreprises à démarcher ?",
        "body": (
            "Pour le travail d'intersession du module 1, nous devons lister trente entreprises. "
            "Nous avons le fichier de la chambre de commerce, mais il compte plus de mille "
            "établissements sur le bassin d'Orthez. Faut-il trier par secteur, par taille, par "
            "distance ?"
        ),
        "steps": [
            answer(
                NADIA,
                4,
                "Ne triez pas par secteur : c'est le réflexe qui vous ferait passer à côté des "
                "offres que personne ne voit. Je vous propose :\n\n"
                "1. **Par distance** d'abord : les entreprises à moins de vingt minutes des "
                "personnes que vous suivez.\n"
                "2. **Par taille** ensuite : des TPE et des PME, pas les grands groupes, qui "
                "recrutent par leurs propres canaux.\n"
                "3. Gardez cinq entreprises « coup de cœur », que vous croisez tous les jours "
                "sans jamais y être entrés.\n\n"
                "Trente, c'est une liste de travail, pas un fichier : elle changera après les "
                "premières visites.",
            ),
            comment(
                THOMAS,
                3,
                "Merci, nous avons refait la liste ce matin avec la carte : 22 entreprises à "
                "moins de quinze minutes du centre d'Orthez.",
                on=0,
            ),
            accept(KARIM, 20),
        ],
    },
    {
        "key": "per-en-parallele",
        "structure": CORNOUAILLE,
        "asker": GAELLE,
        "sheets": [2],
        "scope": "programme",
        "asked": (55, "09:40"),
        "title": "Combien de PER en parallèle pour un CRE qui débute ?",
        "body": (
            "Nos conseillers suivent chacun environ 90 personnes orientées par le Département. "
            "Nous voulons passer à la période d'engagement réciproque, mais nous ne voyons pas "
            "comment tenir une PER de deux mois avec autant de monde. Faut-il commencer par un "
            "petit groupe ?"
        ),
        "steps": [
            answer(
                JULIEN,
                6,
                "Oui, commencez petit et montez en charge. Un CRE d'A.CO.R a **60 à 70 "
                "personnes** dans son fichier actif, mais il y est arrivé progressivement.\n\n"
                "Pour démarrer :\n\n"
                "- signez la PER avec les nouvelles personnes accueillies, pas avec tout le "
                "stock ;\n"
                "- une rencontre au moins par période, c'est le minimum qui rend la PER "
                "vivante ;\n"
                "- notez qui tient son premier engagement en premier : c'est un bon indicateur "
                "de la dynamique.\n\n"
                "Pour les 90 personnes déjà suivies, voyez avec le Département lesquelles "
                "relèvent vraiment d'un accompagnement vers l'emploi à court terme.",
            ),
            comment(
                YANNICK,
                5,
                "Le Département est d'accord pour un test sur les entrées des trois prochains "
                "mois. Nous en reparlerons au module 3.",
            ),
            accept(GAELLE, 26),
        ],
    },
    {
        "key": "premier-cafe",
        "structure": RHONE_SUD,
        "asker": SAMIR,
        "sheets": [10],
        "scope": "programme",
        "asked": (54, "14:05"),
        "title": "Quel format pour un premier café de l'emploi avec peu d'entreprises ?",
        "body": (
            "Nous aimerions organiser notre premier café de l'emploi, mais nous n'avons que "
            "quatre ou cinq entreprises qui nous font confiance. Est-ce suffisant ? Et combien "
            "de personnes inviter pour que ce ne soit ni vide ni intimidant ?"
        ),
        "steps": [
            answer(
                AMAIA,
                22,
                "Quatre entreprises suffisent largement pour un premier café. Ce qui compte, "
                "c'est que chacune vienne avec un vrai besoin, même sans offre déposée.\n\n"
                "Repères qui marchent chez nous :\n\n"
                "- **trois personnes par entreprise** au plus, choisies pour leur intérêt pour "
                "le métier, pas sur CV ;\n"
                "- un matin, une heure et demie, du café et des tables de quatre ;\n"
                "- pas de présentation en tribune : les chefs d'entreprise parlent de leur "
                "métier à la table.\n\n"
                "Prévoyez de rappeler chaque entreprise dans la semaine : c'est là que les "
                "immersions se décident.",
            ),
            accept(SAMIR, 30),
        ],
    },
    {
        "key": "cre-collectivite",
        "structure": VAL_DE_LOIRE,
        "asker": ELODIE,
        "sheets": [13],
        "scope": "cohort",
        "asked": (53, "11:15"),
        "title": "Recruter des CRE venant du privé dans une collectivité : comment faire ?",
        "body": (
            "La fiche 13 recommande de recruter les CRE dans le secteur privé, sur leur "
            "motivation. Chez nous, les postes relèvent de la filière administrative et le "
            "recrutement passe par des fiches de poste très encadrées. Avez-vous vu des "
            "collectivités y arriver ?"
        ),
        "steps": [
            answer(
                SOPHIE,
                26,
                "Oui, et sans toucher au statut. Deux leviers ont marché ailleurs :\n\n"
                "1. **Le contrat** : un recrutement contractuel sur un emploi permanent est "
                "possible quand le profil est rare ; le commercial l'est dans une "
                "collectivité.\n"
                "2. **La fiche de poste** : décrivez des missions de relation avec les "
                "entreprises et des objectifs de résultat, pas des tâches administratives. Les "
                "candidats venus du privé s'y reconnaissent.\n\n"
                "Et ne négligez pas vos agents : certains ont un passé commercial et attendent "
                "qu'on le leur demande.",
            ),
            answer(
                NADIA,
                30,
                "J'ajoute un retour de terrain : lors de l'entretien de recrutement, faites "
                "passer un appel simulé à une entreprise. En dix minutes, on voit qui ira "
                "frapper aux portes.",
            ),
            accept(ELODIE, 20),
        ],
    },
    {
        "key": "service-economique",
        "structure": HAUTES_VIGNES,
        "asker": DENIS,
        "sheets": [8, 13],
        "scope": "programme",
        "asked": (52, "16:30"),
        "title": "Démarcher les entreprises sans marcher sur les pieds du service économique",
        "body": (
            "Notre communauté de communes a déjà un service de développement économique qui "
            "rencontre les entreprises. Il craint que nos agents de l'insertion viennent "
            "« brouiller le message ». Comment avez-vous organisé les choses ailleurs ?"
        ),
        "steps": [
            answer(
                NADIA,
                18,
                "C'est fréquent, et c'est plutôt une chance : le service économique connaît les "
                "dirigeants, vous connaissez les personnes. Proposez-lui :\n\n"
                "- une **liste partagée** des entreprises rencontrées, avec qui les a vues et "
                "quand ;\n"
                "- des visites à deux au début, son chargé de mission et votre CRE ;\n"
                "- un message clair : vous venez parler recrutement, pas aides ni foncier.\n\n"
                "Au bout de quelques mois, il vous enverra lui-même les entreprises qui peinent "
                "à recruter.",
            ),
            accept(DENIS, 48),
        ],
    },
    {
        "key": "deux-personnes-une-offre",
        "structure": TREMPLIN,
        "asker": THOMAS,
        "sheets": [3, 12],
        "scope": "cohort",
        "asked": (50, "09:10"),
        "title": "Deux personnes conviennent pour la même offre : comment choisir ?",
        "body": (
            "Une entreprise de transport nous confie un poste d'agent de quai. Deux personnes "
            "que nous suivons ont le permis cariste et sont motivées. Avec « une offre = une "
            "personne », nous ne pouvons en proposer qu'une : sur quels critères trancher ?"
        ),
        "steps": [
            answer(
                NADIA,
                5,
                "Regardez d'abord les goûts et les contraintes de chacune : horaires, trajet, "
                "envie réelle du métier. Souvent, l'une des deux se révèle moins à l'aise avec "
                "le travail de nuit, par exemple.",
            ),
            answer(
                JULIEN,
                20,
                "À compétences égales, la règle d'A.CO.R est claire : **la personne la plus "
                "éloignée de l'emploi** a la chance. La décision se prend en équipe, à la "
                "réunion du lundi, et vous l'expliquez à l'autre personne en lui proposant une "
                "prochaine piste précise. Ce qui ne se fait jamais : envoyer les deux pour que "
                "l'employeur choisisse.",
            ),
            comment(
                THOMAS,
                4,
                "C'est ce que nous avons fait : Mme R., sans emploi depuis quatre ans, a été "
                "proposée. L'autre personne a une visite prévue chez un logisticien.",
                on=1,
            ),
            accept(THOMAS, 1, answer=1),
        ],
    },
    {
        "key": "convention-pmsmp",
        "structure": CORNOUAILLE,
        "asker": YANNICK,
        "sheets": [11],
        "scope": "programme",
        "asked": (49, "10:00"),
        "title": "PMSMP : qui signe la convention quand la personne n'est pas inscrite ?",
        "body": (
            "Une entreprise est prête à accueillir en immersion une personne que nous "
            "accompagnons au titre du RSA, mais qui n'est pas inscrite comme demandeuse "
            "d'emploi. Pouvons-nous prescrire la PMSMP nous-mêmes ?"
        ),
        "steps": [
            answer(
                AMAIA,
                ("d1", 3),
                "Je prends la question, Julien étant en déplacement cette semaine. La PMSMP "
                "doit être prescrite par un prescripteur habilité : France Travail, une mission "
                "locale, Cap emploi, ou une structure conventionnée à cet effet. Pour une "
                "personne au RSA non inscrite, vérifiez si votre convention avec le Département "
                "vous habilite ; sinon, passez par le prescripteur habilité le plus proche, qui "
                "signe en quelques jours. Gardez la relation avec l'entreprise : c'est vous qui "
                "avez ouvert la porte.",
            ),
            accept(YANNICK, 24),
        ],
    },
    {
        "key": "accueil-seule",
        "structure": BOURG,
        "asker": ODILE,
        "sheets": [1, 2],
        "scope": "cohort",
        "asked": (48, "13:45"),
        "title": "Accueillir sans rendez-vous quand on est seule dans l'équipe",
        "body": (
            "La fiche 1 dit que quelqu'un reçoit toujours la personne qui arrive. Je suis pour "
            "l'instant la seule référente de la ville : quand je suis en rendez-vous ou chez "
            "une entreprise, personne ne peut accueillir. Que faire en attendant une équipe ?"
        ),
        "steps": [
            answer(
                JULIEN,
                20,
                "Tant que vous êtes seule, organisez des **plages d'accueil fixes** connues de "
                "tous (deux matinées par semaine, par exemple) et protégez-les : pas de visite "
                "d'entreprise ces matins-là. En dehors, l'agent d'accueil de la mairie note un "
                "numéro et vous rappelez le jour même, par SMS d'abord.\n\n"
                "L'important est que la personne reparte avec une date. La première PER peut "
                "attendre le deuxième rendez-vous, pas la première écoute.",
            ),
            accept(ODILE, 50),
        ],
    },
    {
        "key": "relancer-un-refus",
        "structure": RHONE_SUD,
        "asker": SAMIR,
        "sheets": [8],
        "scope": "pair",
        "asked": (46, "11:20"),
        "title": "Relancer une entreprise qui nous a dit non il y a trois semaines",
        "body": (
            "Un fabricant de menuiseries nous a reçus poliment, puis nous a dit ne pas avoir "
            "besoin de nous. Nous aimerions revenir vers lui sans paraître insistants. Au bout "
            "de combien de temps, et avec quel prétexte ?"
        ),
        "steps": [
            answer(
                AMAIA,
                7,
                "Un « non » à la première visite veut souvent dire « pas maintenant ». "
                "Revenez dans un à deux mois avec **quelque chose à offrir** : une invitation "
                "à votre café de l'emploi, une information sur une aide à l'embauche, ou "
                "simplement des nouvelles d'une personne placée chez un voisin. Notez la date "
                "dans votre tableau de suivi et, surtout, ne parlez pas de CV.",
            ),
            accept(SAMIR, 22),
            widen(
                ANSA,
                50,
                "programme",
                "Cette réponse intéressera toutes les structures qui débutent la prospection : "
                "accepteriez-vous qu'elle soit lue dans tout le programme ?",
            ),
            decide(SAMIR, 20, agree=True),
        ],
    },
    {
        "key": "jai-une-offre",
        "structure": TREMPLIN,
        "asker": KARIM,
        "sheets": [9],
        "scope": "programme",
        "module": 2,
        "session": "module-2",
        "asked": 26,
        "title": "Présenter l'application « J'ai une offre » sans que cela fasse gadget",
        "body": (
            "Au module 2, nous avons découvert l'application. Nous avons peur que les chefs "
            "d'entreprise d'Orthez la voient comme un outil de plus. Comment la présentez-vous, "
            "et à quel moment de la relation ?"
        ),
        "steps": [
            answer(
                NADIA,
                20,
                "Jamais à la première visite. Je la présente quand l'entreprise a déjà embauché "
                "une personne par nous et qu'elle est contente : « La prochaine fois, vous "
                "n'avez même pas besoin de m'appeler. » Je l'installe avec le dirigeant sur son "
                "téléphone, en deux minutes.",
            ),
            edit_answer(
                NADIA,
                2,
                "Jamais à la première visite. Je la présente quand l'entreprise a déjà embauché "
                "une personne par nous et qu'elle est contente : « La prochaine fois, vous "
                "n'avez même pas besoin de m'appeler. » Je l'installe avec le dirigeant sur son "
                "téléphone, en deux minutes.\n\n"
                "Et je rappelle dans la semaine qui suit le premier signalement : c'est ce "
                "rappel qui fait vivre l'outil.",
            ),
            accept(KARIM, 30),
        ],
    },
    {
        "key": "ne-repond-plus",
        "structure": VAL_DE_LOIRE,
        "asker": ELODIE,
        "sheets": [7, 5],
        "scope": "cohort",
        "asked": (44, "09:30"),
        "title": "Première semaine en poste : la personne ne répond plus au téléphone",
        "body": (
            "Un monsieur que nous suivons a commencé un CDD de trois mois chez un paysagiste. "
            "Depuis son premier jour, il ne répond plus à nos appels. L'employeur, lui, ne "
            "s'est pas manifesté. Faut-il appeler l'entreprise directement ?"
        ),
        "steps": [
            answer(
                SOPHIE,
                8,
                "Souvent, quelqu'un qui ne répond plus est simplement pris par son nouveau "
                "rythme. Envoyez d'abord un **SMS court**, sans question : « Bonne semaine chez "
                "M. T., je vous appelle vendredi à 18 h. » Et oui, appelez l'employeur : il "
                "sait que la personne vient d'un parcours d'insertion, c'est le cadre convenu "
                "à la prise de poste. Demandez-lui comment se passent les premiers jours, pas "
                "s'il est satisfait.",
            ),
            comment(
                ELODIE,
                30,
                "Le SMS a marché : il nous a rappelés le vendredi soir, tout va bien.",
                on=0,
            ),
            accept(ELODIE, 240),
        ],
    },
    {
        "key": "jeu-de-role",
        "structure": CORNOUAILLE,
        "asker": MAIWENN,
        "sheets": [4],
        "scope": "cohort",
        "asked": (43, "14:00"),
        "title": "Faut-il faire répéter l'entretien sous forme de jeu de rôle ?",
        "body": (
            "Certaines personnes sont très stressées avant un entretien. Nous pensions leur "
            "proposer une répétition en jeu de rôle. Est-ce dans l'esprit de la fiche 4, ou "
            "vaut-il mieux s'en tenir à une préparation sur l'entreprise ?"
        ),
        "steps": [
            close(
                MAIWENN,
                28,
                "Réponse obtenue pendant la séance du module 3 : la préparation porte sur "
                "l'entreprise et le trajet, une courte répétition est possible si la personne "
                "la demande.",
            ),
        ],
    },
    {
        "key": "cafe-salle-communale",
        "structure": HAUTES_VIGNES,
        "asker": AMANDINE,
        "sheets": [10, 11],
        "scope": "cohort",
        "asked": (42, "10:40"),
        "title": "Café de l'emploi en salle communale : quelles entreprises inviter d'abord ?",
        "body": (
            "Le maire de Limoux nous prête la salle du marché couvert. Nous hésitons entre "
            "inviter les plus grosses entreprises du territoire, pour faire venir du monde, "
            "ou les petites que nous connaissons déjà."
        ),
        "steps": [
            answer(
                AMAIA,
                6,
                "Les petites que vous connaissez déjà : elles viendront, elles parleront "
                "simplement de leur métier, et l'ambiance sera détendue. Une grosse entreprise "
                "qui vient « pour voir » peut intimider tout le monde.\n\n"
                "Profitez du café pour proposer des **visites d'entreprise** dans les semaines "
                "qui suivent : c'est la suite naturelle, sans pression sur les personnes.",
            ),
            accept(AMANDINE, 26),
        ],
    },
    {
        "key": "reunion-du-lundi",
        "structure": TREMPLIN,
        "asker": KARIM,
        "sheets": [13],
        "scope": "programme",
        "asked": (40, "08:50"),
        "title": "Réunion du lundi : combien de temps, et qui l'anime ?",
        "body": "Nous voulons installer la réunion du lundi. Combien de temps dure-t-elle ?",
        "steps": [
            edit(
                KARIM,
                1,
                title="Réunion du lundi : combien de temps, et qui l'anime ?",
                body=(
                    "Nous voulons installer la réunion du lundi. Combien de temps dure-t-elle, "
                    "qui l'anime, et faut-il y passer en revue toutes les personnes suivies ? "
                    "Nous sommes trois, dont un conseiller à temps partiel qui ne travaille pas "
                    "le lundi matin."
                ),
            ),
            answer(
                NADIA,
                6,
                "Chez A.CO.R, une heure, pas plus, et toujours à la même heure. Elle est animée "
                "à tour de rôle, avec trois temps :\n\n"
                "1. les offres captées dans la semaine ;\n"
                "2. le croisement : pour chaque offre, qui la présente et à qui ;\n"
                "3. les situations bloquées, deux ou trois au plus.\n\n"
                "On ne passe pas en revue toutes les personnes : le logiciel de suivi sert à "
                "cela. Pour votre collègue à temps partiel, déplacez la réunion au lundi "
                "après-midi plutôt que de la tenir sans lui.",
            ),
            comment(
                SOPHIE,
                24,
                "J'ajoute qu'un compte rendu de cinq lignes, partagé le jour même, évite de "
                "refaire la réunion le mardi.",
            ),
            accept(KARIM, 20),
        ],
    },
    {
        "key": "trois-postes",
        "structure": RHONE_SUD,
        "asker": LUCIE,
        "sheets": [1],
        "scope": "cohort",
        "asked": (38, "10:30"),
        "title": "Premier accueil : faire émerger trois postes quand la personne n'en cite qu'un",
        "body": (
            "Je viens d'arriver dans l'équipe. Lors de mes premiers accueils, les personnes me "
            "disent toutes vouloir « un travail dans la vente ». Comment arriver à trois postes "
            "réalistes sans leur imposer mes idées ?"
        ),
        "steps": [
            answer(
                JULIEN,
                ("d1", 2),
                "Bienvenue ! Partez de ce que la personne a déjà fait, même hors emploi : "
                "s'occuper d'un parent, tenir la buvette du club, réparer des vélos. Puis "
                "demandez-lui de décrire une journée de travail qu'elle aimerait. Dans la "
                "vente, il y a la caisse, la mise en rayon, la réception des livraisons, le "
                "drive : souvent, les trois postes sont là.\n\n"
                "Et vérifiez tout de suite le réalisme : horaires, trajet, garde d'enfants. Un "
                "poste qu'on ne peut pas tenir n'est pas une piste.",
            ),
            accept(LUCIE, 22),
        ],
    },
    {
        "key": "cariste-doublon",
        "structure": VAL_DE_LOIRE,
        "asker": ELODIE,
        "sheets": [12],
        "scope": "cohort",
        "asked": (36, "15:20"),
        "title": "Deux candidats pour une offre de cariste : lequel proposer ?",
        "body": (
            "Une entreprise de logistique nous confie un poste de cariste. Deux personnes ont "
            "le CACES et la même motivation. Laquelle proposer, sans mettre l'autre de côté ?"
        ),
        "steps": [duplicate(SOPHIE, 6, "deux-personnes-une-offre")],
    },
    {
        "key": "fichier-commun",
        "structure": CORNOUAILLE,
        "asker": GAELLE,
        "sheets": [12, 13],
        "scope": "programme",
        "module": 4,
        "asked": (34, "11:00"),
        "title": "Tenir un fichier commun des offres et des personnes sans logiciel",
        "body": (
            "A.CO.R utilise un logiciel de suivi ; nous n'en avons pas encore et notre budget "
            "ne le permet pas cette année. Un tableur partagé peut-il suffire pour croiser les "
            "offres en équipe ?"
        ),
        "steps": [
            answer(
                JULIEN,
                5,
                "Oui, pour une équipe de votre taille. Deux onglets suffisent :\n\n"
                "- **les offres** : entreprise, poste, date de captation, CRE qui l'a captée, "
                "état (ouverte, fermée pendant un entretien, pourvue) ;\n"
                "- **les personnes** : initiales, trois postes visés, contraintes, dernière "
                "rencontre, PER en cours.\n\n"
                "La règle d'or : le fichier appartient à l'équipe, pas à chaque conseiller. Pas "
                "de portefeuille personnel de demandeurs d'emploi.",
            ),
            comment(
                SOPHIE,
                20,
                "Attention aux données personnelles : pas de nom complet ni d'information de "
                "santé dans le tableur, et un accès limité à l'équipe.",
            ),
            accept(GAELLE, 6),
        ],
    },
    {
        "key": "elus-choisissent",
        "structure": BOURG,
        "asker": ODILE,
        "sheets": [8],
        "scope": "programme",
        "asked": (33, "09:50"),
        "title": "Les élus veulent choisir les entreprises à démarcher",
        "body": (
            "Le conseil municipal souhaite que nous commencions par les entreprises qu'il "
            "connaît et qui ont reçu des aides de la ville. Est-ce compatible avec la démarche "
            "« aller vers » ?"
        ),
        "steps": [
            answer(
                NADIA,
                7,
                "C'est un bon point de départ, pas une liste fermée. Acceptez ces entreprises "
                "comme premières visites : les élus vous ouvrent la porte, profitez-en. Mais "
                "expliquez-leur que le marché local de l'emploi, ce sont aussi les TPE que "
                "personne ne connaît, et montrez-leur au bout de deux mois d'où viennent les "
                "offres captées. Les chiffres convainquent mieux que les principes.",
            ),
            accept(ODILE, 28),
        ],
    },
    {
        "key": "sms-sans-reponse",
        "structure": TREMPLIN,
        "asker": THOMAS,
        "sheets": [5],
        "scope": "cohort",
        "asked": (31, "17:10"),
        "title": "Après l'entretien, l'entreprise ne répond pas à nos SMS",
        "body": (
            "La fiche 5 recommande un SMS rapide après l'entretien, puis un appel. Une "
            "entreprise ne répond ni à l'un ni à l'autre depuis quatre jours, et la personne "
            "attend. Que lui dire ?"
        ),
        "steps": [
            answer(
                NADIA,
                16,
                "Dites-lui la vérité : l'entreprise n'a pas encore répondu, et vous passez la "
                "voir. Allez-y, simplement, en fin de matinée. Dans neuf cas sur dix, le "
                "dirigeant a été débordé, et la visite relance la décision. Pendant ce temps, "
                "l'offre reste « fermée » : vous ne la proposez à personne d'autre.",
            ),
            answer(
                MATHIEU,
                6,
                "Et prévenez la personne par SMS de ce que vous faites et quand vous la "
                "rappelez : l'attente sans nouvelles est ce qui décourage le plus.",
            ),
            accept(THOMAS, 20),
        ],
    },
    {
        "key": "per-sante-masquee",
        "structure": HAUTES_VIGNES,
        "asker": DENIS,
        "sheets": [2],
        "scope": "pair",
        "asked": (30, "09:20"),
        "title": "Mme G. refuse de signer sa PER à cause de ses problèmes de dos",
        "body": (
            "Mme G., 52 ans, suivie à Couiza, nous a apporté son dossier médical et refuse de "
            "signer sa PER tant que sa reconnaissance de handicap n'est pas obtenue. Que "
            "faire ?"
        ),
        "steps": [
            hide(
                ANSA,
                3,
                "Données personnelles et de santé d'une personne accompagnée : la question est "
                "reposée sans elles.",
            ),
            close(ANSA, 1, "Reformulée dans une nouvelle question."),
        ],
    },
    {
        "key": "per-sans-signature",
        "structure": HAUTES_VIGNES,
        "asker": DENIS,
        "sheets": [2],
        "scope": "cohort",
        "asked": (30, "14:30"),
        "title": "Une personne hésite à signer sa PER : peut-on commencer sans signature ?",
        "body": (
            "Une personne que nous accompagnons attend une décision administrative qui la "
            "concerne et ne veut pas s'engager avant. Peut-on commencer les actions de la PER "
            "sans la signer ?"
        ),
        "steps": [
            answer(
                JULIEN,
                20,
                "La signature n'est pas une formalité : c'est le moment où chacun s'engage, "
                "vous comme elle. Proposez une **PER plus courte** ou avec des engagements "
                "adaptés à son attente, par exemple une visite d'entreprise et un rendez-vous "
                "dans quinze jours. Si elle refuse toujours, ne forcez pas : gardez le contact "
                "et reprenez la discussion quand la décision tombe.",
            ),
            accept(DENIS, 30),
        ],
    },
    {
        "key": "suivi-jusqu-a-quand",
        "structure": VAL_DE_LOIRE,
        "asker": ELODIE,
        "sheets": [7],
        "scope": "cohort",
        "asked": (26, "10:10"),
        "title": "Suivi dans le poste : jusqu'à quand ?",
        "body": (
            "Maintenant que plusieurs personnes sont en CDD, nos agents se demandent jusqu'à "
            "quand les suivre. Faut-il arrêter à la fin du premier contrat ?"
        ),
        "steps": [
            answer(
                MATHIEU,
                5,
                "Le premier CDD est rarement la fin : l'objectif reste l'emploi durable, CDI ou "
                "CDD de plus de six mois. Nous suivons la personne jusqu'à ce qu'elle y soit, "
                "en allégeant peu à peu : un appel par semaine le premier mois, puis un par "
                "mois. Et à la fin d'un CDD, c'est aussi l'occasion de revenir vers "
                "l'employeur.",
            ),
            accept(ELODIE, 20),
        ],
    },
    {
        "key": "dire-insertion",
        "structure": TREMPLIN,
        "asker": KARIM,
        "sheets": [6],
        "scope": "cohort",
        "asked": (22, "10:00"),
        "title": "Dire à l'entreprise que la personne vient d'un parcours d'insertion : quand ?",
        "body": (
            "Un conseiller pense qu'il vaut mieux ne pas dire tout de suite à l'employeur que "
            "la personne est au RSA, pour ne pas l'exposer. La fiche 6 dit l'inverse. Comment "
            "l'expliquer à l'équipe ?"
        ),
        "steps": [
            answer(
                MATHIEU,
                ("d1", 4),
                "Nadia étant en congé, je prends le relais. L'entreprise le sait **dès la "
                "captation de l'offre** : elle recrute avec une structure d'insertion, c'est "
                "notre contrat de confiance. Ce qu'on ne dit pas, ce sont les détails de la "
                "vie de la personne. Le cacher, c'est exposer la personne à une découverte "
                "plus tard, et perdre l'entreprise.",
            ),
            comment(
                NADIA,
                30,
                "De retour : je confirme, et j'ajoute que les entreprises qui savent sont "
                "celles qui reviennent.",
                on=0,
            ),
            accept(KARIM, 3),
        ],
    },
    {
        "key": "contacts-par-mois",
        "structure": HAUTES_VIGNES,
        "asker": AMANDINE,
        "sheets": [9],
        "scope": "programme",
        "asked": (20, "15:30"),
        "title": "Combien de contacts par mois avec une entreprise partenaire ?",
        "body": (
            "Nous commençons à avoir une dizaine d'entreprises partenaires. À quel rythme les "
            "contacter pour entretenir la relation sans les déranger ?"
        ),
        "steps": [
            answer(
                NADIA,
                18,
                "Un contact par mois au moins, même sans offre en cours : un appel, un passage, "
                "une invitation au café de l'emploi. Et trois moments à ne pas manquer : le "
                "lendemain d'un entretien, la première semaine dans le poste, la fin d'un "
                "CDD. Pour repère, les vingt CRE d'A.CO.R font environ 1 800 contacts "
                "entreprises par mois.",
            ),
            accept(AMANDINE, 26),
        ],
    },
    {
        "key": "garde-enfants",
        "structure": CORNOUAILLE,
        "asker": MAIWENN,
        "sheets": [6],
        "scope": "cohort",
        "asked": (18, "11:40"),
        "title": "Lever la question de la garde d'enfants avant la prise de poste",
        "body": (
            "Une maman seule a été retenue pour un poste en horaires décalés dans une "
            "conserverie. Elle n'a pas de solution de garde pour 5 h du matin. Comment "
            "l'aider sans retarder l'embauche ?"
        ),
        "steps": [
            answer(
                JULIEN,
                4,
                "C'est exactement le travail de la préparation à la prise de poste : lister "
                "avec elle les obstacles pratiques avant le premier jour. Regardez avec la CAF "
                "et la mairie les assistantes maternelles en horaires atypiques, et parlez-en "
                "franchement avec l'employeur : un démarrage en équipe de l'après-midi pendant "
                "deux semaines est parfois possible.",
            ),
            accept(MAIWENN, 28),
        ],
    },
    {
        "key": "jobdating",
        "structure": BOURG,
        "asker": ODILE,
        "sheets": [3, 10],
        "scope": "programme",
        "ticket": "jobdating",
        "asked": (15, "11:05"),
        "title": "Les jobdatings du Département et « une offre = une personne »",
        "body": (
            "Le Département organise chaque trimestre des jobdatings où chaque entreprise "
            "rencontre dix candidats pour un même poste, et nous demande d'y envoyer les "
            "personnes que nous suivons. Comment rester fidèles au principe « une offre = une "
            "personne » ?"
        ),
        "steps": [
            answer(
                NADIA,
                5,
                "Vous n'êtes pas obligée de refuser, mais vous pouvez proposer autre chose. "
                "Allez au jobdating en CRE : rencontrez les entreprises, captez leurs offres, "
                "puis proposez **une** personne pour chacune, en dehors de l'événement. Et "
                "proposez au Département d'en faire un café de l'emploi : même public, mêmes "
                "entreprises, sans mise en concurrence.",
            ),
            accept(ODILE, 24),
        ],
    },
    {
        "key": "per-module-3",
        "structure": CORNOUAILLE,
        "asker": GAELLE,
        "sheets": [2],
        "scope": "programme",
        "module": 3,
        "session": "module-3",
        "asked": 20,
        "title": "Après le module 3 : la PER en deux mois, est-ce tenable pour nos publics ?",
        "body": (
            "Lors de la séance en ligne, plusieurs structures se sont demandé si deux mois "
            "suffisent pour des personnes très éloignées de l'emploi. Faut-il allonger la "
            "première période ?"
        ),
        "steps": [
            answer(
                JULIEN,
                6,
                "Non : gardez deux mois, mais adaptez les engagements. Une première PER peut "
                "contenir des actions très simples (venir à un rendez-vous, visiter une "
                "entreprise). Ce qui compte, c'est le rythme et le bilan. Vous avez droit à "
                "trois périodes, six mois au plus ; si rien n'a marché, le bilan à trois avec "
                "le prescripteur décide de la suite.",
            ),
            comment(
                YANNICK,
                20,
                "Nous avons essayé avec deux personnes ce mois-ci : le bilan à deux mois a "
                "donné lieu à une vraie discussion, ce qui n'arrivait jamais avec nos anciens "
                "contrats.",
            ),
            accept(GAELLE, 4),
        ],
    },
    {
        "key": "telephone-ou-porte",
        "structure": CORNOUAILLE,
        "asker": YANNICK,
        "sheets": [8],
        "scope": "cohort",
        "asked": (12, "10:00"),
        "title": "Prospecter par téléphone ou en porte-à-porte ?",
        "body": (
            "Dans notre équipe, certains préfèrent appeler les entreprises, d'autres passer "
            "sans prévenir. Y a-t-il une méthode plus efficace ?"
        ),
        "steps": [
            answer(
                JULIEN,
                5,
                "Les deux se complètent. Le passage sans rendez-vous marche très bien dans le "
                "commerce et l'artisanat, où le patron est là ; le téléphone prépare les "
                "visites dans les PME où il faut trouver le bon interlocuteur. L'important est "
                "de revenir avec une offre précise et une date de rappel.",
            ),
            answer(
                NADIA,
                20,
                "J'ajoute : comptez vos contacts des deux sortes pendant un mois et comparez "
                "les offres captées. Votre équipe tranchera elle-même.",
            ),
        ],
    },
    {
        "key": "cafe-combien-doublon",
        "structure": TREMPLIN,
        "asker": THOMAS,
        "sheets": [10],
        "scope": "cohort",
        "asked": (9, "14:15"),
        "title": "Café de l'emploi : combien d'entreprises et de personnes inviter ?",
        "body": (
            "Nous préparons notre premier café de l'emploi à Orthez. Combien d'entreprises "
            "faut-il au minimum, et combien de personnes par entreprise ?"
        ),
        "steps": [duplicate(ANSA, 5, "premier-cafe")],
    },
    {
        "key": "accueil-agent-seul",
        "structure": HAUTES_VIGNES,
        "asker": DENIS,
        "sheets": [1],
        "scope": "cohort",
        "asked": (10, "09:30"),
        "title": "Accueil le jour même : et si l'agent d'accueil est seul ?",
        "body": (
            "Notre antenne de Quillan n'a qu'un agent d'accueil, qui n'est pas conseiller. "
            "Peut-il faire le premier accueil en attendant qu'un conseiller rappelle ?"
        ),
        "steps": [
            close(
                DENIS,
                24,
                "Nous avons trouvé la réponse dans la question d'Odile Brunet sur l'accueil "
                "quand on est seule : des plages fixes et un rappel le jour même.",
            ),
        ],
    },
    {
        "key": "pmsmp-suivi",
        "structure": TREMPLIN,
        "asker": KARIM,
        "sheets": [11],
        "scope": "programme",
        "asked": (3, "09:40"),
        "title": "Pendant une immersion de deux semaines, quel suivi faire ?",
        "body": (
            "Une personne commence lundi une PMSMP de deux semaines dans une fromagerie. "
            "Faut-il passer la voir sur place, ou attendre le bilan final ?"
        ),
        "steps": [
            answer(
                NADIA,
                5,
                "Passez la voir à la fin de la première semaine, à un moment convenu avec le "
                "tuteur de l'entreprise. Dix minutes suffisent : comment ça se passe, ce qui "
                "surprend. Le bilan final se fait à trois, avec le tuteur ; c'est souvent là "
                "que l'entreprise parle d'embauche.",
            ),
        ],
    },
    {
        "key": "visite-six-personnes",
        "structure": BOURG,
        "asker": ODILE,
        "sheets": [11],
        "scope": "cohort",
        "asked": (3, "10:30"),
        "title": "Une visite d'entreprise pour six personnes, est-ce trop ?",
        "body": (
            "Une imprimerie accepte de nous faire visiter ses ateliers. Six personnes sont "
            "intéressées. Faut-il limiter le groupe ?"
        ),
        "steps": [
            answer(
                AMAIA,
                20,
                "Six, c'est bien, à condition que le dirigeant soit d'accord et qu'il ait le "
                "temps de parler de son métier. Présentez la visite comme une découverte, "
                "sans entretien ni CV : c'est ce qui rend les personnes et l'entreprise à "
                "l'aise. Rappelez l'imprimerie dans la semaine.",
            ),
        ],
    },
    {
        "key": "retour-ecrit",
        "structure": VAL_DE_LOIRE,
        "asker": ELODIE,
        "sheets": [5],
        "scope": "cohort",
        "asked": (2, "09:15"),
        "title": "L'employeur veut un retour écrit après chaque entretien",
        "body": (
            "Une entreprise de propreté nous demande un compte rendu écrit après chaque "
            "entretien de la personne proposée. Est-ce une bonne pratique ?"
        ),
        "steps": [
            answer(
                MATHIEU,
                3,
                "C'est plutôt à vous de recueillir son retour, vite : un SMS le jour même, un "
                "appel le lendemain. Si l'employeur tient à l'écrit, envoyez un courriel de "
                "trois lignes après l'appel, qui reprend ce qu'il a dit. Ne rédigez rien sur "
                "la personne elle-même.",
            ),
        ],
    },
    {
        "key": "sous-traitants",
        "structure": CORNOUAILLE,
        "asker": YANNICK,
        "sheets": [9],
        "scope": "cohort",
        "asked": (3, "14:00"),
        "title": "Une entreprise partenaire nous envoie les offres de ses sous-traitants",
        "body": (
            "Un chantier naval avec qui nous travaillons bien nous transmet maintenant les "
            "besoins de ses sous-traitants. Pouvons-nous leur proposer des personnes sans les "
            "avoir rencontrés ?"
        ),
        "steps": [
            answer(
                JULIEN,
                4,
                "Merci au chantier, mais rencontrez chaque sous-traitant avant de proposer "
                "quelqu'un : c'est vous qui présentez la personne, vous devez connaître le "
                "poste et l'entreprise. Un appel puis une courte visite suffisent ; le "
                "chantier vous ouvre la porte, c'est déjà beaucoup.",
            ),
            comment(
                YANNICK,
                16,
                "Entendu, deux visites sont calées la semaine prochaine.",
                on=0,
            ),
        ],
    },
    {
        "key": "lettre-de-mission",
        "structure": RHONE_SUD,
        "asker": SAMIR,
        "sheets": [13],
        "scope": "pair",
        "asked": (4, "10:45"),
        "title": "Lettre de mission des CRE : quel objectif chiffré la première année ?",
        "body": (
            "Nous rédigeons la lettre de mission de nos deux CRE. A.CO.R fixe un objectif de "
            "60 % de personnes en emploi dans l'année : est-ce réaliste pour une équipe qui "
            "démarre ?"
        ),
        "steps": [
            widen(
                ANSA,
                ("d1", 6),
                "cohort",
                "Plusieurs structures de la saison rédigent leurs lettres de mission : "
                "accepteriez-vous que la question soit lue par toute la cohorte ?",
            ),
        ],
    },
    {
        "key": "conseil-communautaire",
        "structure": VAL_DE_LOIRE,
        "asker": ELODIE,
        "sheets": [13],
        "scope": "programme",
        "asked": (4, "16:00"),
        "title": "Présenter la méthode au conseil communautaire : quels chiffres montrer ?",
        "body": (
            "Je présente l'avancement de l'essaimage aux élus le mois prochain. Quels "
            "indicateurs montrer après quelques mois seulement, alors que les retours à "
            "l'emploi sont encore peu nombreux ?"
        ),
        "steps": [],
    },
    {
        "key": "mutualiser-cre",
        "structure": HAUTES_VIGNES,
        "asker": DENIS,
        "sheets": [13, 8],
        "scope": "programme",
        "asked": (1, "11:30"),
        "title": "Mutualiser un CRE entre deux communautés de communes",
        "body": (
            "Notre voisine, la communauté de communes du Razès, s'intéresse à la méthode. "
            "Pourrions-nous partager un CRE entre les deux territoires, et comment répartir "
            "son temps ?"
        ),
        "steps": [],
    },
    {
        "key": "per-et-cer",
        "structure": BOURG,
        "asker": ODILE,
        "sheets": [2],
        "scope": "cohort",
        "asked": (5, "09:00"),
        "title": "PER et contrat d'engagement RSA : faut-il deux documents ?",
        "body": (
            "Les personnes au RSA signent déjà un contrat d'engagement réciproque avec le "
            "Département. Si nous signons aussi une PER, n'est-ce pas un document de trop ? "
            "Peut-on les fusionner ?"
        ),
        "steps": [],
    },
    {
        "key": "entretien-visio",
        "structure": RHONE_SUD,
        "asker": LUCIE,
        "sheets": [4],
        "scope": "cohort",
        "asked": (8, "15:00"),
        "title": "Préparer une personne à un entretien en visioconférence",
        "body": (
            "Une entreprise de logistique fait passer les premiers entretiens en visio. La "
            "personne que nous proposons n'a qu'un téléphone. Comment la préparer ?"
        ),
        "steps": [],
    },
    {
        "key": "cre-en-conge",
        "structure": TREMPLIN,
        "asker": KARIM,
        "sheets": [12, 3],
        "scope": "cohort",
        "asked": (1, "15:20"),
        "title": "Présenter soi-même la candidature : et si le CRE de l'offre est absent ?",
        "body": (
            "La fiche 3 dit que le CRE qui a capté l'offre présente la personne. Thomas part "
            "en congé deux semaines alors qu'il vient de capter trois offres. Qui les présente ?"
        ),
        "steps": [],
    },
    {
        "key": "accueil-collectif",
        "structure": CORNOUAILLE,
        "asker": GAELLE,
        "sheets": [1],
        "scope": "programme",
        "asked": (0, "09:10"),
        "title": "Accueil collectif ou individuel des personnes orientées par le Département ?",
        "body": (
            "Le Département nous oriente une vingtaine de personnes d'un coup chaque mois. "
            "Pouvons-nous commencer par une réunion d'information collective, ou l'accueil "
            "doit-il toujours être individuel ?"
        ),
        "steps": [],
    },
]

# --- Hotline ----------------------------------------------------------------------------------

#: Tickets to Ansa, opened by the author of their first message: each message is (moment,
#: author, body). Ansa's reply waits for the structure, the structure's reply goes back to Ansa;
#: `resolved` is (moment, who marks it resolved). The ticket whose key a question names is
#: turned into that question by Ansa.
TICKETS = [
    {
        "key": "attestation",
        "structure": TREMPLIN,
        "subject": "Attestation de présence pour la séance du module 3",
        "messages": [
            (
                (1, "10:05"),
                KARIM,
                "Bonjour, notre financeur nous demande une attestation de présence de Thomas "
                "et moi à la séance en ligne du module 3. Pouvez-vous nous l'envoyer ? Merci.",
            ),
        ],
    },
    {
        "key": "troisieme-personne",
        "structure": RHONE_SUD,
        "subject": "Inscrire une troisième personne à la formation-action",
        "messages": [
            (
                (6, "09:30"),
                SAMIR,
                "Bonjour, nous recrutons une troisième CRE le mois prochain. Peut-elle "
                "rejoindre la formation-action en cours de saison ?",
            ),
            (
                (5, "11:15"),
                ANSA,
                "Bonjour Samir, oui, dans la limite de trois personnes par structure, ce qui "
                "est votre cas. Pouvez-vous nous indiquer son nom, sa fonction et sa date "
                "d'arrivée ? Nous mettrons à jour la convention de participation.",
            ),
        ],
    },
    {
        "key": "visio-module-3",
        "structure": VAL_DE_LOIRE,
        "subject": "Lien de la visioconférence du module 3",
        "messages": [
            (
                (16, "08:40"),
                ELODIE,
                "Bonjour, je ne retrouve pas le lien de la séance en ligne du module 3. "
                "Pouvez-vous me le renvoyer ?",
            ),
            (
                (16, "09:10"),
                ANSA,
                "Bonjour Élodie, le lien figure sur la page de la séance, dans le calendrier "
                "de la saison. Vous pouvez aussi télécharger l'invitation pour votre agenda.",
            ),
            ((16, "09:25"), ELODIE, "Trouvé, merci beaucoup !"),
        ],
        "resolved": ((16, "09:26"), ELODIE),
    },
    {
        "key": "jobdating",
        "structure": BOURG,
        "subject": "Jobdatings du Département et « une offre = une personne »",
        "messages": [
            (
                (16, "17:20"),
                ODILE,
                "Bonjour, le Département nous demande d'envoyer les personnes que nous suivons "
                "à ses jobdatings, où dix candidats rencontrent chaque entreprise. Cela me "
                "semble contraire au principe « une offre = une personne ». Que faire ?",
            ),
            (
                (15, "11:00"),
                ANSA,
                "Bonjour Odile, c'est une question de méthode que les expert·es d'A.CO.R "
                "traiteront mieux que nous : nous la transformons en question, lisible par tout "
                "le programme, car d'autres structures la rencontrent.",
            ),
        ],
    },
]
