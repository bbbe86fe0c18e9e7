"""Demo texts of the guide d'essaimage: its page, « Saison 2025 » and its questions, the entries
of « Édition 2025 » and of the draft « Édition 2026 ».

Written for the demo, in French; every person, organisation and commune is fictional. Sheets are
named by their number. Questions follow tutoring's demo format (`tutoring/demo_content.py`):
`asked=(working days before the end of the 2025 training, "hh:mm")`, a step's `after` in hours.
Texts are typed with ordinary spaces; `_typeset` gives them French typography (a no-break space
before « : ; ! ? » and inside guillemets) once, at the bottom of the module.

An entry says how each likely personal datum its rewritten text still holds is resolved: `mask`
(passage → replacement) or `keep` (passage → reason). The loader resolves exactly these; the
tests check the anonymisation check finds nothing else.
"""

import re

from tutoring import demo_content as tutoring
from tutoring.demo_content import accept, answer, comment
from tutoring.enums import EntryKind, TerritoryKind

# --- The page ---------------------------------------------------------------------------------

GUIDE_SLUG = "guide-essaimage"

PAGE = {
    "fr": {
        "title": "Guide d'essaimage",
        "intro": (
            "Les questions posées par les structures essaimées pendant leur formation-action et "
            "les réponses des expert·es d'A.CO.R, réécrites et anonymisées : un guide classé par "
            "fiche-action, qui s'enrichit à chaque saison."
        ),
        "body": (
            "<h2>Comment ce guide est fait</h2><p>Pendant la formation-action, chaque structure "
            "essaimée interroge les expert·es d'A.CO.R sur les situations qu'elle rencontre. À la "
            "fin de la saison, Ansa et les expert·es choisissent les échanges les plus utiles et "
            "les réécrivent : les noms des personnes, des entreprises et des communes "
            "disparaissent, et la tête de réseau relit puis approuve chaque entrée avant sa "
            "publication.</p><h2>Comment le lire</h2><p>Le guide suit les treize fiches-actions "
            "du référentiel. Dans chaque chapitre, les entrées sont rangées par type : questions "
            "fréquentes, bonnes pratiques, pièges à éviter, cas concrets. Vous pouvez aussi "
            "chercher un mot ou n'afficher qu'un type d'entrée.</p><h2>Une édition par "
            "saison</h2><p>Chaque saison publie son édition. Les précédentes restent "
            "consultables, et la comparaison de deux éditions montre ce qui a été ajouté, modifié "
            "ou retiré. Une entrée vous paraît dépassée ? Signalez-le depuis sa page.</p>"
        ),
        "foreword": (
            "<p>Quand nous avons choisi de transmettre notre méthode plutôt que de grandir, nous "
            "savions que les équipes qui la reprendraient nous poseraient des questions que nous "
            "ne nous posions plus. Ce guide les rassemble.</p><p>Chaque entrée part d'une "
            "situation vécue : un employeur qui veut comparer trois candidats, une équipe qui "
            "n'ose pas encore pousser la porte des entreprises, une personne qui quitte son poste "
            "au bout de trois semaines. Les réponses sont celles de nos chargé·es de relation "
            "entreprises, relues pour que chacun puisse s'en servir sur son propre "
            "territoire.</p><p>Il ne remplace ni le référentiel ni l'échange avec un·e "
            "expert·e : il montre la méthode au travail. Dites-nous ce qui ne tient plus, chaque "
            "saison le rendra plus juste.</p><p><em>Bernard Lassalle, pour A.CO.R, tête de "
            "réseau</em></p>"
        ),
        "access_text": (
            "Une sélection d'entrées est ouverte à tous. Le guide complet est réservé au réseau : "
            "les structures essaimées de toutes les saisons, les équipes d'A.CO.R et d'Ansa. "
            "Connectez-vous avec votre compte Essaim pour le lire en entier et télécharger chaque "
            "édition en PDF."
        ),
    },
    "en": {
        "title": "Swarming guide",
        "intro": (
            "The questions the swarmed organisations asked during their action-learning course "
            "and the answers of A.CO.R's experts, rewritten and anonymised: a guide ordered by "
            "action sheet that grows every season."
        ),
        "body": (
            "<h2>How this guide is made</h2><p>During the action-learning course, each swarmed "
            "organisation asks A.CO.R's experts about the situations it meets. At the end of the "
            "season, Ansa and the experts pick the most useful exchanges and rewrite them: the "
            "names of people, companies and towns are removed, and the head of network reviews "
            "and approves each entry before it is published.</p><h2>How to read it</h2><p>The "
            "guide follows the thirteen action sheets of the framework. In each chapter, entries "
            "are grouped by type: frequent questions, good practice, pitfalls, real cases. You "
            "can also search for a word or show one type only.</p><h2>One edition per "
            "season</h2><p>Each season publishes its edition. Earlier ones remain available, and "
            "comparing two editions shows what was added, changed or removed. An entry seems out "
            "of date? Report it from its page.</p>"
        ),
        "foreword": (
            "<p>When we chose to pass our method on rather than grow, we knew that the teams "
            "taking it up would ask us questions we had stopped asking ourselves. This guide "
            "brings them together.</p><p>Each entry starts from a real situation: an employer "
            "who wants to compare three candidates, a team not yet daring to knock on companies' "
            "doors, a person who leaves their job after three weeks. The answers are those of our "
            "company relations officers, reviewed so that everyone can use them in their own "
            "area.</p><p>It replaces neither the framework nor a conversation with an expert: it "
            "shows the method at work. Tell us what no longer holds, and each season will make it "
            "more accurate.</p><p><em>Bernard Lassalle, for A.CO.R, head of network</em></p>"
        ),
        "access_text": (
            "A selection of entries is open to everyone. The full guide is reserved for the "
            "network: the swarmed organisations of every season and the A.CO.R and Ansa teams. "
            "Sign in with your Essaim account to read all of it and download each edition as a "
            "PDF."
        ),
    },
}

# --- « Saison 2025 » --------------------------------------------------------------------------

SEASON_SLUG = "saison-2025"
SEASON_NAME = "Saison 2025"

VAL_D_AUBRE = "Trajectoires Emploi Val d'Aubre"
PORT_MARTHE = "Ville de Port-Sainte-Marthe"
ARVEZE = "Communauté de communes des Monts d'Arvèze"
PLAINE_EST = "Horizon Emploi Plaine Est"

#: The referent of last season among the demo accounts (portal/demo.py).
REFERENT_2025 = "referent2025@essaim.test"
SANDRINE = REFERENT_2025
FLORIAN = "florian.mazars@exemple.test"
BENOIT = "benoit.lacoste@exemple.test"
NADEGE = "nadege.pujol@exemple.test"
OLIVIER = "olivier.vernhes@exemple.test"
CELINE = "celine.quere@exemple.test"
YASMINA = "yasmina.bensaid@exemple.test"
KEVIN = "kevin.morvan@exemple.test"

ANSA = tutoring.ANSA
HEAD = "tete-de-reseau@essaim.test"
NADIA, JULIEN, SOPHIE = tutoring.NADIA, tutoring.JULIEN, tutoring.SOPHIE
MATHIEU, AMAIA = tutoring.MATHIEU, tutoring.AMAIA

#: As `modules.demo.swarm` takes them: (name, kind, commune, postal code, département,
#: hypothesis, prescriber, [(e-mail, first name, last name, season role, days after joining)]).
STRUCTURES = [
    (
        VAL_D_AUBRE,
        "operator",
        "Villefranche-d'Aubre",
        "12290",
        "12",
        "A",
        "Département de l'Aveyron",
        [
            (SANDRINE, "Sandrine", "Aubertin", "referent", 0),
            (FLORIAN, "Florian", "Mazars", "participant", 0),
        ],
    ),
    (
        PORT_MARTHE,
        "collectivite",
        "Port-Sainte-Marthe",
        "17390",
        "17",
        "B",
        "",
        [
            (BENOIT, "Benoît", "Lacoste", "referent", 0),
            (NADEGE, "Nadège", "Pujol", "participant", 0),
        ],
    ),
    (
        ARVEZE,
        "collectivite",
        "Montarvèze",
        "63480",
        "63",
        "B",
        "",
        [
            (OLIVIER, "Olivier", "Vernhes", "referent", 0),
            (CELINE, "Céline", "Quéré", "participant", 0),
        ],
    ),
    (
        PLAINE_EST,
        "operator",
        "Cressonville",
        "91590",
        "91",
        "A",
        "Département de l'Essonne",
        [
            (YASMINA, "Yasmina", "Bensaïd", "referent", 0),
            (KEVIN, "Kévin", "Morvan", "participant", 0),
        ],
    ),
]

#: The kind of territory each structure stands for in the guide (never its name).
TERRITORIES = {
    VAL_D_AUBRE: TerritoryKind.RURAL,
    PORT_MARTHE: TerritoryKind.URBAN,
    ARVEZE: TerritoryKind.RURAL,
    PLAINE_EST: TerritoryKind.PERIURBAN,
    tutoring.TREMPLIN: TerritoryKind.RURAL,
    tutoring.CORNOUAILLE: TerritoryKind.URBAN,
    tutoring.RHONE_SUD: TerritoryKind.PERIURBAN,
    tutoring.BOURG: TerritoryKind.MIXED,
    tutoring.VAL_DE_LOIRE: TerritoryKind.URBAN,
    tutoring.HAUTES_VIGNES: TerritoryKind.RURAL,
}

#: The questions of « Saison 2025 », oldest first, all answered by an expert and accepted.
QUESTIONS = [
    {
        "key": "accueil-sans-rdv",
        "structure": PORT_MARTHE,
        "asker": NADEGE,
        "sheets": [1],
        "scope": "cohort",
        "asked": (88, "10:15"),
        "title": "Recevoir le jour même une personne qui se présente sans rendez-vous",
        "body": (
            "Notre service emploi fonctionne sur rendez-vous, avec trois semaines d'attente. La "
            "fiche 1 dit qu'une personne qui se présente doit être reçue tout de suite. Comment "
            "faire quand les quatre conseillères ont déjà leurs journées remplies ?"
        ),
        "steps": [
            answer(
                JULIEN,
                5,
                "Ce n'est pas une question d'agenda mais de priorité : chez nous, aucune tâche "
                "ne passe avant un accueil. Concrètement :\n\n"
                "- une personne de l'équipe est « de permanence » chaque demi-journée, sans "
                "rendez-vous posé sur son premier créneau ;\n"
                "- si elle est déjà prise, le premier CRE disponible reçoit, même vingt "
                "minutes ;\n"
                "- ce premier échange suffit pour écouter, présenter le cadre et fixer la suite "
                "dans la semaine.\n\n"
                "Trois semaines d'attente font perdre les personnes les plus motivées : celles "
                "qui viennent d'elles-mêmes.",
            ),
            accept(NADEGE, 22),
        ],
    },
    {
        "key": "trois-postes",
        "structure": VAL_D_AUBRE,
        "asker": FLORIAN,
        "sheets": [1],
        "scope": "programme",
        "asked": (86, "14:30"),
        "title": "La personne ne voit qu'un seul métier possible : comment en trouver trois ?",
        "body": (
            "Lors d'un premier accueil, un homme de 52 ans ne veut parler que de son ancien "
            "métier de conducteur de travaux publics, alors qu'il n'a plus son permis poids "
            "lourd. Nous devons repartir avec trois postes cibles réalistes. Comment élargir "
            "sans le braquer ?"
        ),
        "steps": [
            answer(
                JULIEN,
                6,
                "Partez de ce qu'il aimait dans ce métier plutôt que du métier lui-même. "
                "Demandez-lui de raconter une bonne journée de travail : le dehors, l'équipe, les "
                "engins, voir un chantier avancer. Chaque réponse ouvre une piste : agent "
                "d'entretien des espaces verts, magasinier dans un négoce de matériaux, agent de "
                "voirie pour une entreprise privée. Vérifiez ensuite avec lui ce que le "
                "territoire offre vraiment. Et inscrivez le permis comme une action de la PER "
                "plutôt que comme un obstacle.",
            ),
            comment(
                FLORIAN,
                30,
                "Il a retenu magasinier et agent de voirie ; repasser le permis est la première "
                "action de sa PER.",
                on=0,
            ),
            accept(FLORIAN, 2),
        ],
    },
    {
        "key": "per-six-mois",
        "structure": ARVEZE,
        "asker": OLIVIER,
        "sheets": [2],
        "scope": "cohort",
        "asked": (83, "09:20"),
        "title": "Trois PER sans résultat : que faire au bout de six mois ?",
        "body": (
            "Une femme que nous accompagnons arrive au terme de sa troisième période "
            "d'engagement. Elle a tenu tous ses engagements, mais aucune proposition n'a abouti. "
            "Doit-on signer une quatrième PER ou arrêter l'accompagnement ?"
        ),
        "steps": [
            answer(
                JULIEN,
                4,
                "Ni l'un ni l'autre tout de suite. À ce stade, la méthode prévoit un échange à "
                "trois : la personne, son CRE et le prescripteur. On y regarde ce qui bloque "
                "vraiment : un projet trop étroit, une contrainte de garde ou de transport "
                "jamais dite, un secteur qui ne recrute pas localement. Souvent, l'échange "
                "débouche sur un projet ajusté. S'il fait apparaître un besoin d'abord social ou "
                "de santé, le prescripteur réoriente : c'est une décision prise à trois et "
                "expliquée à la personne, pas un échec.",
            ),
            accept(OLIVIER, 26),
        ],
    },
    {
        "key": "per-trop-longue",
        "structure": PLAINE_EST,
        "asker": KEVIN,
        "sheets": [2],
        "scope": "programme",
        "module": 3,
        "asked": (80, "11:00"),
        "title": "Notre PER fait quatre pages : est-ce trop ?",
        "body": (
            "Nous avons repris le modèle de contrat d'engagement du Département pour rédiger "
            "notre PER. Résultat : quatre pages, une vingtaine d'objectifs, et les personnes "
            "signent sans lire. Que doit contenir une PER, au minimum ?"
        ),
        "steps": [
            answer(
                JULIEN,
                5,
                "Oui, c'est trop : une PER se lit et se retient. Gardez une page, avec :\n\n"
                "1. les deux ou trois postes visés ;\n"
                "2. deux ou trois actions pour la personne ;\n"
                "3. ce que le CRE s'engage à faire de son côté, entreprise par entreprise ;\n"
                "4. la date de la prochaine rencontre, dans les deux mois.\n\n"
                "Le contrat du Département garde son rôle ; la PER est un outil de travail entre "
                "la personne et son CRE.",
            ),
            accept(KEVIN, 20),
        ],
    },
    {
        "key": "premier-qui-avance",
        "structure": PORT_MARTHE,
        "asker": BENOIT,
        "sheets": [2, 5],
        "scope": "cohort",
        "asked": (77, "15:45"),
        "title": "« Le premier qui avance prévient l'autre » : comment le faire vivre ?",
        "body": (
            "Nos conseillères trouvent l'idée belle mais, dans les faits, ce sont toujours elles "
            "qui relancent. Les personnes attendent qu'on les appelle. Comment rendre "
            "l'engagement vraiment réciproque ?"
        ),
        "steps": [
            answer(
                MATHIEU,
                6,
                "En montrant l'exemple dès la signature. Le CRE annonce ce qu'il va faire dans "
                "la semaine et envoie un SMS le jour même où c'est fait. Les personnes "
                "comprennent vite que le contrat engage les deux côtés. Donnez-leur aussi un "
                "moyen simple de prévenir : un numéro qui répond aux SMS, pas un standard. Et "
                "quand une personne annonce une démarche, saluez-la par écrit.",
            ),
            comment(
                BENOIT,
                48,
                "Nous avons mis en place un téléphone d'équipe pour les SMS. Trois personnes "
                "nous ont écrit dès la première semaine.",
                on=0,
            ),
            accept(BENOIT, 1),
        ],
    },
    {
        "key": "plusieurs-candidats",
        "structure": VAL_D_AUBRE,
        "asker": SANDRINE,
        "sheets": [3],
        "scope": "programme",
        "asked": (74, "10:30"),
        "title": "L'employeur veut voir trois candidats pour son poste",
        "body": (
            "Un garage nous confie un poste de préparateur de véhicules mais demande à "
            "rencontrer trois personnes pour choisir. Si nous refusons, nous craignons de perdre "
            "l'offre. Comment tenir le principe « une offre = une personne » ?"
        ),
        "steps": [
            answer(
                NADIA,
                5,
                "Expliquez-lui ce qu'il y gagne : vous avez déjà fait le tri à sa place. Vous "
                "connaissez la personne, ses goûts, ses contraintes, et vous ne présentez que "
                "celle qui correspond. S'il hésite, proposez une rencontre sans engagement, puis "
                "une immersion courte. Si la personne ne convient pas, vous en proposez une "
                "autre ensuite, jamais deux en même temps. Nous perdons très rarement une offre "
                "ainsi.",
            ),
            accept(SANDRINE, 28),
        ],
    },
    {
        "key": "offre-collegue",
        "structure": PLAINE_EST,
        "asker": YASMINA,
        "sheets": [3, 12],
        "scope": "cohort",
        "asked": (71, "09:45"),
        "title": "Une offre captée par un collègue convient à une personne que je suis",
        "body": (
            "Mon collègue a recueilli une offre de cariste dans une entreprise qu'il suit depuis "
            "deux ans. Elle correspond parfaitement à un homme que j'accompagne. Qui doit "
            "présenter la candidature à l'entreprise : lui ou moi ?"
        ),
        "steps": [
            answer(
                JULIEN,
                4,
                "Votre collègue. Il connaît le besoin, le chef d'équipe et les habitudes de la "
                "maison : il présentera la personne avec des arguments que vous n'avez pas. "
                "Transmettez-lui tout ce que vous savez de la personne, puis préparez-la avec "
                "lui. C'est pour cela que la méthode refuse les « portefeuilles » de demandeurs "
                "d'emploi, et l'offre reste fermée tant que l'entretien n'a pas eu lieu.",
            ),
            accept(YASMINA, 20),
        ],
    },
    {
        "key": "entretien-sans-cv",
        "structure": ARVEZE,
        "asker": OLIVIER,
        "sheets": [4],
        "scope": "programme",
        "module": 3,
        "asked": (68, "14:00"),
        "title": "Préparer un entretien quand la personne n'a pas de CV",
        "body": (
            "La fiche 3 dit de ne pas envoyer de CV. Mais pour l'entretien, certaines personnes "
            "sont perdues sans support et ne savent pas quoi dire de leur parcours. Comment les "
            "préparer ?"
        ),
        "steps": [
            answer(
                MATHIEU,
                5,
                "Sans CV, l'entretien devient une conversation, et c'est un avantage pour des "
                "parcours qui ont des trous. Préparez trois histoires courtes : une chose "
                "qu'elles savent bien faire, une difficulté surmontée, une raison de vouloir ce "
                "poste précis. Faites-les raconter à voix haute, une fois. Le CRE a déjà dit "
                "l'essentiel à l'employeur : l'entretien sert surtout à se rencontrer.",
            ),
            answer(
                JULIEN,
                3,
                "J'ajoute : quand c'est possible, faites le trajet jusqu'à l'entreprise avec la "
                "personne avant le jour J. Beaucoup de stress vient de là.",
            ),
            accept(OLIVIER, 18),
        ],
    },
    {
        "key": "jeu-de-role",
        "structure": PORT_MARTHE,
        "asker": NADEGE,
        "sheets": [4],
        "scope": "cohort",
        "asked": (66, "10:00"),
        "title": "Faut-il répéter l'entretien plusieurs fois avant le rendez-vous ?",
        "body": (
            "Une de nos conseillères fait répéter chaque entretien trois ou quatre fois, avec "
            "des questions pièges. Les personnes arrivent prêtes, mais certains employeurs nous "
            "disent qu'elles « récitent ». Où mettre le curseur ?"
        ),
        "steps": [
            answer(
                MATHIEU,
                7,
                "Vos employeurs ont raison : trop de répétition fabrique un discours appris. "
                "Une seule mise en situation suffit, sur deux ou trois questions probables. "
                "L'essentiel est ailleurs : savoir où aller, à quelle heure, qui demander, "
                "comment s'habiller pour ce métier. Et rassurer : l'employeur sait d'où vient la "
                "personne et ce qu'elle sait faire.",
            ),
            accept(NADEGE, 30),
        ],
    },
    {
        "key": "retour-entretien",
        "structure": VAL_D_AUBRE,
        "asker": FLORIAN,
        "sheets": [5],
        "scope": "programme",
        "asked": (63, "16:20"),
        "title": "Dans quel ordre reprendre contact après un entretien d'embauche ?",
        "body": (
            "Après un entretien, nous appelons d'abord l'entreprise, puis la personne le "
            "lendemain. Une personne nous a reproché d'avoir appris par l'employeur qu'elle "
            "n'était pas retenue. Quel est le bon ordre ?"
        ),
        "steps": [
            answer(
                MATHIEU,
                4,
                "Le soir même, un SMS à la personne : « Comment ça s'est passé ? Je vous appelle "
                "demain matin. » Le lendemain, un appel à l'employeur pour son avis, puis un "
                "appel à la personne, quelle que soit la réponse. Si c'est non, vous le lui dites "
                "vous-même et vous fixez une rencontre pour rebondir. SMS, appel, rencontre : "
                "l'ordre vaut pour toutes les nouvelles.",
            ),
            accept(FLORIAN, 24),
        ],
    },
    {
        "key": "refus-entreprise",
        "structure": PLAINE_EST,
        "asker": KEVIN,
        "sheets": [5, 9],
        "scope": "cohort",
        "asked": (60, "11:30"),
        "title": "L'entreprise n'a pas retenu la personne : faut-il la relancer ?",
        "body": (
            "Une entreprise de nettoyage a refusé la personne que nous lui avions présentée, "
            "sans vraiment dire pourquoi. Notre réflexe est de ne plus l'appeler pendant quelque "
            "temps. Est-ce une erreur ?"
        ),
        "steps": [
            answer(
                NADIA,
                5,
                "Oui : un refus est le meilleur moment pour mieux connaître l'entreprise. "
                "Rappelez dans la semaine pour comprendre : horaires, niveau attendu, manière "
                "de travailler de l'équipe. Vous présenterez mieux la personne suivante, et "
                "l'employeur voit que vous tenez à la relation.",
            ),
            comment(
                KEVIN,
                40,
                "Rappel fait : les horaires de nuit avaient été mal expliqués au départ. "
                "L'entreprise nous confie un nouveau poste.",
                on=0,
            ),
            accept(KEVIN, 1),
        ],
    },
    {
        "key": "dire-rsa",
        "structure": PORT_MARTHE,
        "asker": BENOIT,
        "sheets": [6],
        "scope": "programme",
        "asked": (57, "09:10"),
        "title": "L'employeur doit-il savoir que la personne est au RSA ?",
        "body": (
            "Certaines personnes préfèrent que l'employeur ignore qu'elles sont au RSA, par "
            "crainte d'être jugées. Nous comprenons cette inquiétude. Que dit la méthode ?"
        ),
        "steps": [
            answer(
                MATHIEU,
                6,
                "L'employeur sait toujours que la personne vient d'un parcours d'insertion : "
                "c'est la base de la confiance avec le CRE. Il n'a besoin d'aucun détail sur les "
                "allocations ni sur la vie privée. Expliquez-le dès l'accueil : ce que vous "
                "direz, ce que vous ne direz pas. Beaucoup sont rassurées de ne pas commencer "
                "avec un secret.",
            ),
            accept(BENOIT, 20),
        ],
    },
    {
        "key": "transport-horaires",
        "structure": ARVEZE,
        "asker": OLIVIER,
        "sheets": [6],
        "scope": "cohort",
        "asked": (55, "14:40"),
        "title": "Prise de poste à 5 heures du matin sans voiture",
        "body": (
            "Un abattoir de volailles embauche une personne que nous suivons, en poste à "
            "5 heures du matin, à vingt kilomètres. Elle n'a pas de voiture et il n'y a pas de "
            "bus à cette heure. Le contrat commence dans dix jours."
        ),
        "steps": [
            answer(
                MATHIEU,
                4,
                "Dix jours, c'est court mais jouable. Demandez à l'entreprise s'il existe un "
                "covoiturage entre salariés, c'est fréquent dans l'agroalimentaire ; regardez "
                "les aides à la mobilité ; prévoyez une solution de secours pour la première "
                "semaine. Ce qui n'est pas réglé avant l'embauche finit souvent en abandon dans "
                "le premier mois.",
            ),
            comment(
                OLIVIER,
                30,
                "Deux salariés font le trajet depuis le même village : le covoiturage est réglé.",
                on=0,
            ),
            accept(OLIVIER, 1),
        ],
    },
    {
        "key": "demission-trois-semaines",
        "structure": VAL_D_AUBRE,
        "asker": SANDRINE,
        "sheets": [7],
        "scope": "programme",
        "asked": (52, "10:50"),
        "title": "Démission au bout de trois semaines : avons-nous raté quelque chose ?",
        "body": (
            "Un jeune homme embauché en CDD dans une menuiserie a démissionné au bout de trois "
            "semaines. L'entreprise est déçue et notre équipe se demande si elle l'a proposé "
            "trop tôt."
        ),
        "steps": [
            answer(
                MATHIEU,
                6,
                "Pas forcément. La méthode accepte qu'un échec précède une réussite. Revoyez "
                "avec lui ce qui s'est passé : le rythme, l'ambiance, le trajet, le métier. "
                "Appelez l'employeur pour le remercier et comprendre son point de vue. Puis "
                "repartez sur une nouvelle PER. Une question à garder : le suivi des premiers "
                "jours était-il assez serré ?",
            ),
            accept(SANDRINE, 26),
        ],
    },
    {
        "key": "suivi-fin",
        "structure": PLAINE_EST,
        "asker": YASMINA,
        "sheets": [7],
        "scope": "cohort",
        "asked": (49, "15:30"),
        "title": "Jusqu'à quand suivre une personne qui a trouvé un emploi ?",
        "body": (
            "Une personne a signé un CDD de quatre mois. Nous la suivons de près, mais notre "
            "file active grossit. Quand pouvons-nous considérer que l'accompagnement est "
            "terminé ?"
        ),
        "steps": [
            answer(
                SOPHIE,
                8,
                "Le suivi vise l'emploi durable, pas la signature. Pendant un CDD court, restez "
                "présents : un contact la première semaine, puis au moins un par mois, et un "
                "point avec l'employeur avant la fin du contrat. Quand la personne a un CDI ou un "
                "CDD de plus de six mois, le suivi s'allège sans couper le lien. Et comptez-le "
                "dans la file active : c'est du travail.",
            ),
            accept(YASMINA, 22),
        ],
    },
    {
        "key": "un-seul-secteur",
        "structure": ARVEZE,
        "asker": OLIVIER,
        "sheets": [8],
        "scope": "programme",
        "module": 1,
        "asked": (47, "09:30"),
        "title": "Prospecter surtout l'aide à domicile, puisque c'est là que ça recrute ?",
        "body": (
            "Sur notre territoire, l'aide à domicile recrute en permanence et nos élus nous "
            "poussent à concentrer la prospection sur ce secteur. Est-ce contraire à la méthode ?"
        ),
        "steps": [
            answer(
                NADIA,
                6,
                "Oui, si cela devient le seul secteur. Prospecter sans filtre, c'est ce qui "
                "permet de trouver des postes adaptés aux goûts des personnes. Si vous n'allez "
                "que vers un secteur, vous y orienterez des personnes qui n'en ont pas envie. "
                "Visitez aussi le garage, la scierie, la supérette : ensemble, les TPE font un "
                "marché plus grand que le secteur le plus visible.",
            ),
            accept(OLIVIER, 30),
        ],
    },
    {
        "key": "prospection-a-deux",
        "structure": PORT_MARTHE,
        "asker": NADEGE,
        "sheets": [8],
        "scope": "cohort",
        "module": 1,
        "asked": (45, "10:40"),
        "title": "Nos conseillères n'osent pas pousser la porte des entreprises",
        "body": (
            "Nos quatre conseillères viennent du travail social. Elles savent accompagner, mais "
            "la prospection les paralyse : elles repoussent les visites d'une semaine à "
            "l'autre. Comment démarrer ?"
        ),
        "steps": [
            answer(
                NADIA,
                4,
                "En rendant la prospection régulière et collective. Bloquez une matinée par "
                "semaine, la même pour toutes, et partez à deux. La première fois, visez cinq "
                "commerces ou artisans de la même rue, avec une seule question sur leurs besoins "
                "de recrutement. Au retour, racontez en équipe ce qui s'est dit. La peur passe "
                "avec la répétition.",
            ),
            comment(
                NADEGE,
                50,
                "Premier mardi : neuf visites, deux offres. L'équipe a demandé à recommencer.",
                on=0,
            ),
            accept(NADEGE, 1),
        ],
    },
    {
        "key": "grands-groupes",
        "structure": PLAINE_EST,
        "asker": YASMINA,
        "sheets": [8],
        "scope": "programme",
        "asked": (43, "14:15"),
        "title": "Peut-on démarcher l'hypermarché et la plateforme logistique de la zone ?",
        "body": (
            "Deux grands employeurs sont installés sur notre zone d'activités et recrutent "
            "beaucoup. Nos CRE aimeraient y placer des personnes. La fiche 8 recommande d'éviter "
            "les grands groupes : pourquoi ?"
        ),
        "steps": [
            answer(
                NADIA,
                5,
                "Parce que leurs services de ressources humaines recrutent très bien sans vous : "
                "vous n'y serez qu'un fournisseur de CV parmi d'autres. Allez plutôt vers leurs "
                "sous-traitants et prestataires (transport, nettoyage, maintenance, "
                "restauration) : ce sont des PME qui ont besoin de quelqu'un qui connaît les "
                "personnes.",
            ),
            accept(YASMINA, 20),
        ],
    },
    {
        "key": "cdd-d-abord",
        "structure": VAL_D_AUBRE,
        "asker": SANDRINE,
        "sheets": [9],
        "scope": "cohort",
        "module": 2,
        "asked": (41, "09:00"),
        "title": "Accepter des CDD courts alors que nous visons l'emploi durable ?",
        "body": (
            "Une entreprise agroalimentaire nous propose surtout des CDD de deux ou trois mois "
            "pour la saison. Notre conseil d'administration craint que nous fassions du "
            "placement précaire. Que répondre ?"
        ),
        "steps": [
            answer(
                NADIA,
                6,
                "Que le CDD est souvent la première étape d'une relation durable : l'employeur "
                "apprend à vous faire confiance et la personne reprend le rythme. La règle est "
                "de ne pas s'arrêter là : suivre pendant le contrat, préparer la suite avec "
                "l'employeur, reproposer la même personne. Montrez au conseil combien de ces CDD "
                "ont mené à un emploi durable dans l'année.",
            ),
            accept(SANDRINE, 24),
        ],
    },
    {
        "key": "pas-de-recrutement",
        "structure": ARVEZE,
        "asker": OLIVIER,
        "sheets": [9],
        "scope": "programme",
        "module": 2,
        "asked": (38, "11:20"),
        "title": "Que dire à une entreprise qui ne recrute pas en ce moment ?",
        "body": (
            "Beaucoup d'artisans nous reçoivent gentiment et nous disent qu'ils n'ont besoin de "
            "personne. Faut-il les rappeler, et à quel rythme, sans les déranger ?"
        ),
        "steps": [
            answer(
                NADIA,
                5,
                "Oui, car les besoins changent vite dans une TPE : un départ à la retraite, un "
                "chantier, un congé. Notez ce que l'artisan vous a dit et rappelez au moment qui "
                "a du sens pour lui, sinon tous les deux ou trois mois. Passez cinq minutes "
                "quand vous êtes dans le secteur, et laissez un numéro qui répond.",
            ),
            accept(OLIVIER, 20),
        ],
    },
    {
        "key": "cafe-rural",
        "structure": ARVEZE,
        "asker": OLIVIER,
        "sheets": [10],
        "scope": "programme",
        "asked": (36, "15:00"),
        "title": "Un café de l'emploi dans un bourg de 3 000 habitants, est-ce possible ?",
        "body": (
            "Les cafés de l'emploi que nous avons vus se tiennent en ville, avec une dizaine "
            "d'entreprises. Chez nous, les employeurs sont à trente kilomètres les uns des "
            "autres. Y a-t-il un format adapté à un territoire rural ?"
        ),
        "steps": [
            answer(
                AMAIA,
                6,
                "Oui, en plus petit et plus près. Trois ou quatre employeurs suffisent, choisis "
                "à une distance raisonnable pour les personnes. Tenez-le un jour de marché, dans "
                "un lieu que tout le monde connaît, en matinée. Invitez les personnes une par "
                "une, par téléphone puis par SMS la veille.",
            ),
            accept(OLIVIER, 24),
        ],
    },
    {
        "key": "cafe-forum",
        "structure": PLAINE_EST,
        "asker": KEVIN,
        "sheets": [10],
        "scope": "programme",
        "asked": (33, "11:15"),
        "title": "Notre café de l'emploi a attiré 80 personnes : trop de monde ?",
        "body": (
            "Nous avons diffusé l'invitation largement, sur les réseaux sociaux et à France "
            "Travail. 80 personnes sont venues pour six entreprises, avec des CV. Les employeurs "
            "sont repartis fatigués et sans candidat retenu. Qu'avons-nous mal fait ?"
        ),
        "steps": [
            answer(
                AMAIA,
                4,
                "Vous avez organisé un forum, pas un café. Le café repose sur des échanges à "
                "petite table, où les employeurs parlent de leur métier. Pour six entreprises, "
                "une vingtaine de personnes au plus, invitées par leur CRE. Pas de CV. Rappelez "
                "les six employeurs cette semaine avec une ou deux personnes repérées ce "
                "jour-là.",
            ),
            accept(KEVIN, 26),
        ],
    },
    {
        "key": "cafe-rural-transport",
        "structure": ARVEZE,
        "asker": CELINE,
        "sheets": [10],
        "scope": "cohort",
        "asked": (30, "10:00"),
        "title": "Café de l'emploi : comment faire venir les personnes sans voiture ?",
        "body": (
            "Notre premier café de l'emploi a lieu dans trois semaines. La moitié des personnes "
            "invitées n'ont pas de voiture et il n'y a qu'un car par jour. Comment faire ?"
        ),
        "steps": [
            answer(
                AMAIA,
                5,
                "Organisez le transport comme une partie du café : covoiturages entre "
                "participants, navette de la mairie si elle existe, rendez-vous à l'arrêt du car "
                "avec un CRE. Choisissez l'horaire en fonction du car, pas l'inverse. Et "
                "prévenez les employeurs : l'effort de venir de loin compte pour eux.",
            ),
            comment(
                CELINE,
                340,
                "Le café a eu lieu : quatre employeurs, onze personnes, deux immersions décidées "
                "dans la semaine. Trois employeurs demandent déjà une deuxième édition.",
                on=0,
            ),
            accept(CELINE, 2),
        ],
    },
    {
        "key": "pmsmp-duree",
        "structure": VAL_D_AUBRE,
        "asker": FLORIAN,
        "sheets": [11],
        "scope": "programme",
        "asked": (31, "09:40"),
        "title": "PMSMP : combien de temps, et qui peut la prescrire ?",
        "body": (
            "Une entreprise de paysagisme accepte d'accueillir une personne en immersion avant "
            "de l'embaucher. Notre structure n'a jamais signé de PMSMP. Qui prescrit, pour "
            "quelle durée, et qui est responsable pendant l'immersion ?"
        ),
        "steps": [
            answer(
                AMAIA,
                5,
                "La PMSMP est prescrite par France Travail, une mission locale, Cap emploi, ou une "
                "structure habilitée par convention ; sinon, le conseiller France Travail de la "
                "personne signe. Elle dure un mois au plus, renouvelable une fois ; pour une "
                "découverte avant embauche, une à deux semaines suffisent souvent. La convention "
                "désigne un tuteur dans l'entreprise, et le CRE passe au moins une fois.",
            ),
            accept(FLORIAN, 20),
        ],
    },
    {
        "key": "visite-decouverte",
        "structure": PORT_MARTHE,
        "asker": BENOIT,
        "sheets": [11],
        "scope": "cohort",
        "asked": (27, "14:00"),
        "title": "Visite d'entreprise collective : comment éviter que les personnes se sentent "
        "évaluées ?",
        "body": (
            "Une imprimerie nous ouvre ses portes pour une visite avec huit personnes. Certaines "
            "ont peur que ce soit un entretien déguisé et hésitent à venir. Comment présenter la "
            "visite ?"
        ),
        "steps": [
            answer(
                AMAIA,
                6,
                "Pour ce qu'elle est : une découverte d'un métier et d'un lieu de travail, sans "
                "engagement. Demandez qu'un salarié de l'atelier fasse visiter plutôt que la "
                "direction, et qu'on montre les vrais postes. Pas de CV, pas de tour de table "
                "sur les parcours. À la fin, demandez simplement qui voudrait revenir une "
                "journée.",
            ),
            accept(BENOIT, 22),
        ],
    },
    {
        "key": "tableau-lundi",
        "structure": PLAINE_EST,
        "asker": YASMINA,
        "sheets": [12, 13],
        "scope": "programme",
        "module": 4,
        "asked": (24, "10:20"),
        "title": "Croiser les offres et les personnes sans logiciel",
        "body": (
            "Nous n'avons pas encore d'outil de suivi commun. Chaque CRE a son tableau et ses "
            "personnes. Comment organiser le croisement des offres en réunion d'équipe ?"
        ),
        "steps": [
            answer(
                JULIEN,
                5,
                "Un seul tableau partagé suffit pour commencer : les offres ouvertes d'un côté, "
                "les personnes prêtes de l'autre, avec leurs trois postes cibles. À la réunion "
                "du lundi, on passe les nouvelles offres une par une, l'équipe décide ensemble, "
                "et le CRE de l'offre présente la personne. Le plus important n'est pas l'outil : "
                "les personnes sont celles de l'équipe.",
            ),
            accept(YASMINA, 20),
        ],
    },
    {
        "key": "competences-egales",
        "structure": VAL_D_AUBRE,
        "asker": SANDRINE,
        "sheets": [12],
        "scope": "cohort",
        "asked": (21, "15:10"),
        "title": "Deux personnes ont le même profil pour une offre : qui choisir ?",
        "body": (
            "Pour un poste d'agent de conditionnement, deux femmes que nous suivons ont les "
            "mêmes compétences et la même envie. Comment décider sans que cela paraisse "
            "arbitraire ?"
        ),
        "steps": [
            answer(
                JULIEN,
                4,
                "À compétences égales, la personne la plus éloignée de l'emploi a la priorité : "
                "c'est elle qui a le moins de chances de trouver seule. La décision se prend en "
                "équipe et s'explique aux deux. À l'autre, proposez aussitôt une action "
                "concrète. Ne proposez jamais les deux en même temps à l'employeur.",
            ),
            accept(SANDRINE, 26),
        ],
    },
    {
        "key": "recruter-cre",
        "structure": PORT_MARTHE,
        "asker": BENOIT,
        "sheets": [13],
        "scope": "programme",
        "module": 5,
        "asked": (19, "09:30"),
        "title": "Recruter un CRE : quel profil chercher ?",
        "body": (
            "Nous allons recruter un chargé de relation entreprises. Le jury propose de "
            "privilégier les diplômes du travail social, comme pour nos conseillers. Est-ce le "
            "bon choix ?"
        ),
        "steps": [
            answer(
                SOPHIE,
                6,
                "La méthode recommande l'inverse : des CRE venus du secteur privé, souvent du "
                "commerce, recrutés sur leur motivation. La méthode s'apprend ensuite. Prévoyez "
                "une mise en situation, un appel à un chef d'entreprise de cinq minutes : vous "
                "verrez qui est à l'aise. Regardez aussi en interne.",
            ),
            accept(BENOIT, 22),
        ],
    },
    {
        "key": "agents-volontaires",
        "structure": ARVEZE,
        "asker": OLIVIER,
        "sheets": [13],
        "scope": "cohort",
        "module": 5,
        "asked": (16, "14:20"),
        "title": "Former une équipe de CRE avec des agents déjà en poste",
        "body": (
            "Nous ne pouvons pas recruter : la communauté de communes veut constituer l'équipe "
            "avec des agents volontaires du service insertion. Comment les accompagner dans ce "
            "changement de métier ?"
        ),
        "steps": [
            answer(
                SOPHIE,
                5,
                "C'est possible, nous l'avons vu réussir. Trois conditions : des volontaires "
                "vraiment volontaires, une lettre de mission qui décrit le nouveau métier, et du "
                "temps libéré des anciennes tâches. Sans ce dernier point, la prospection passe "
                "toujours après les dossiers.",
            ),
            accept(OLIVIER, 20),
        ],
    },
    {
        "key": "agents-volontaires-elus",
        "structure": ARVEZE,
        "asker": CELINE,
        "sheets": [13],
        "scope": "cohort",
        "asked": (12, "11:00"),
        "title": "Comment présenter aux élus le passage du service insertion au travail de CRE ?",
        "body": (
            "Les élus soutiennent le projet, mais certains s'inquiètent : les agents ne "
            "feront-ils plus de suivi social ? Comment présenter ce changement au conseil "
            "communautaire ?"
        ),
        "steps": [
            answer(
                SOPHIE,
                6,
                "En partant de ce qui ne change pas : le suivi social reste assuré par les "
                "travailleurs sociaux du Département. Ce qui change, c'est que vos agents "
                "s'occupent de l'emploi avec les entreprises du territoire. Présentez des "
                "chiffres simples et réguliers : les élus y retrouvent leurs propres "
                "entreprises.",
            ),
            accept(CELINE, 22),
        ],
    },
    {
        "key": "lettre-mission",
        "structure": VAL_D_AUBRE,
        "asker": SANDRINE,
        "sheets": [13],
        "scope": "programme",
        "module": 5,
        "asked": (9, "10:10"),
        "title": "Fixer des objectifs chiffrés dans la lettre de mission des CRE",
        "body": (
            "Notre directeur veut écrire des objectifs chiffrés dans la lettre de mission des "
            "CRE. L'équipe a peur d'être jugée uniquement sur des chiffres. Comment s'y prendre ?"
        ),
        "steps": [
            answer(
                SOPHIE,
                5,
                "La lettre de mission est signée par la direction et le CRE : c'est un "
                "engagement partagé. Un objectif de résultat clair donne un cap à toute "
                "l'équipe ; complétez-le par des indicateurs d'activité que le CRE maîtrise. Et "
                "faites le point chaque trimestre, en équipe, sur ce qui aide ou freine.",
            ),
            accept(SANDRINE, 24),
        ],
    },
    {
        "key": "logiciel",
        "structure": PORT_MARTHE,
        "asker": NADEGE,
        "sheets": [13],
        "scope": "programme",
        "asked": (5, "15:40"),
        "title": "Faut-il acheter un logiciel de suivi avant de commencer ?",
        "body": (
            "La direction informatique de la ville propose de paramétrer un logiciel de gestion "
            "de la relation client pour l'équipe. Le projet prendrait six mois. Devons-nous "
            "attendre cet outil pour démarrer ?"
        ),
        "steps": [
            answer(
                SOPHIE,
                4,
                "Non. Démarrez avec un tableur partagé et la réunion du lundi : vous apprendrez "
                "ce dont vous avez besoin. Dans quelques mois, vous saurez quelles informations "
                "vous servent et pourrez écrire un cahier des charges réaliste. Un logiciel "
                "paramétré trop tôt fige des habitudes qui ne sont pas encore celles de la "
                "méthode.",
            ),
            accept(NADEGE, 20),
        ],
    },
]

# --- « Édition 2025 » -------------------------------------------------------------------------

EDITION_2025 = {
    "name": "Édition 2025",
    "note": (
        "Première édition du guide : trente entrées tirées des questions des quatre structures "
        "de la saison 2025 et des réponses des expert·es d'A.CO.R, sur les treize fiches-actions."
    ),
}

KEEP_ACOR = (
    "Nom de la tête de réseau, auteure de la méthode : il figure déjà sur la couverture du guide."
)

FAQ, GOOD, PITFALL, CASE = (
    EntryKind.FAQ,
    EntryKind.GOOD_PRACTICE,
    EntryKind.PITFALL,
    EntryKind.CASE,
)

#: The entries of « Édition 2025 », in the order they were promoted. `sources` are question
#: keys; `by` promotes the entry (and owns it); `public`: opened to the public by the head of
#: network; `first` is a text sent back by the head of network (`sent_back`) before `body`;
#: `comment` (author, text) is a remark on the entry: the head of network's during its review,
#: anyone else's before it is submitted.
ENTRIES = [
    {
        "key": "accueil-jour-meme",
        "sources": ["accueil-sans-rdv"],
        "by": ANSA,
        "kind": GOOD,
        "sheets": [1],
        "public": True,
        "title": "Recevoir le jour même toute personne qui se présente",
        "body": (
            "Une personne qui pousse la porte d'elle-même est au sommet de sa motivation. Lui "
            "donner un rendez-vous dans trois semaines, c'est souvent la perdre.\n\n"
            "Port-Sainte-Marthe a fait le choix d'une permanence d'accueil tenue à tour de "
            "rôle :\n\n"
            "- chaque demi-journée, un membre de l'équipe garde son premier créneau libre ;\n"
            "- s'il est déjà occupé, le premier CRE disponible reçoit, même brièvement ;\n"
            "- vingt minutes suffisent pour écouter, expliquer le cadre de l'accompagnement et "
            "fixer une vraie rencontre dans la semaine.\n\n"
            "Ce qui a changé, selon l'équipe : moins de rendez-vous manqués, et des personnes qui "
            "reviennent parce qu'elles ont été reçues au moment où elles l'avaient décidé. La "
            "règle tient en une phrase : aucune tâche ne passe avant un accueil."
        ),
        "mask": {"Port-Sainte-Marthe": "La ville"},
    },
    {
        "key": "trois-pistes",
        "sources": ["trois-postes"],
        "by": JULIEN,
        "kind": FAQ,
        "sheets": [1],
        "title": "Élargir le projet quand la personne ne voit qu'un seul métier",
        "body": (
            "Au premier accueil, certaines personnes ne parlent que du métier qu'elles ont perdu, "
            "même quand il ne leur est plus accessible. Les contredire les ferme ; mieux vaut "
            "partir de ce qu'elles aimaient dans ce travail.\n\n"
            "Demandez le récit d'une bonne journée : travailler dehors, en équipe, avec des "
            "machines, voir le résultat de ses mains. Chaque élément ouvre une famille de postes. "
            "Un ancien conducteur d'engins peut ainsi viser un emploi de magasinier chez un "
            "négociant en matériaux ou d'agent de voirie.\n\n"
            "Regardez ensuite ensemble ce que le bassin d'emploi propose réellement : l'objectif "
            "est de finir l'accueil avec trois postes visés, tous réalistes. Un obstacle comme un "
            "permis à repasser devient une action de la première PER, pas une raison d'écarter "
            "une piste."
        ),
    },
    {
        "key": "echange-a-trois",
        "sources": ["per-six-mois"],
        "by": ANSA,
        "kind": FAQ,
        "sheets": [2],
        "public": True,
        "title": "Trois PER sans résultat : organiser un échange à trois",
        "body": (
            "Quand une personne a tenu ses engagements pendant trois périodes sans qu'aucune "
            "proposition aboutisse, la méthode ne prévoit ni une quatrième PER signée par "
            "habitude, ni un arrêt sec.\n\n"
            "Elle prévoit un échange à trois : la personne, son CRE et le représentant du "
            "prescripteur. On y cherche ce qui bloque vraiment :\n\n"
            "- un projet trop étroit pour le marché local ;\n"
            "- une contrainte restée sous silence (garde d'enfants, transport, santé) ;\n"
            "- un secteur qui ne recrute pas sur le territoire.\n\n"
            "Le plus souvent, l'échange débouche sur un projet ajusté et une nouvelle dynamique. "
            "S'il montre qu'un besoin social ou de santé passe d'abord, le prescripteur réoriente "
            "la personne. Ce n'est pas un échec de l'accompagnement : c'est une décision prise "
            "ensemble, expliquée à la personne, qui sait pourquoi et vers qui elle repart."
        ),
    },
    {
        "key": "per-une-page",
        "sources": ["per-trop-longue"],
        "by": ANSA,
        "kind": PITFALL,
        "sheets": [2],
        "title": "Une PER de quatre pages que personne ne lit",
        "first": (
            "Une PER doit tenir sur une page. Mettez-y les postes visés, les actions de la "
            "personne, celles du CRE et la date de la prochaine rencontre. N'utilisez pas le "
            "contrat d'engagement du Département comme modèle."
        ),
        "sent_back": (
            "Le fond est juste, mais l'entrée se lit comme une consigne : dites pourquoi une PER "
            "courte fonctionne mieux, c'est ce qui convaincra les équipes."
        ),
        "body": (
            "Reprendre le modèle du contrat d'engagement départemental pour écrire la PER est "
            "tentant : le document existe, il a été validé. Le résultat, ce sont quatre pages, "
            "vingt objectifs et des personnes qui signent sans lire.\n\n"
            "Une PER est un outil de travail entre deux personnes, pas une pièce "
            "administrative. Elle tient sur une page :\n\n"
            "1. les deux ou trois postes visés ;\n"
            "2. quelques actions concrètes pour la personne ;\n"
            "3. ce que le CRE fera de son côté, entreprise par entreprise ;\n"
            "4. la date de la prochaine rencontre, dans les deux mois.\n\n"
            "Une PER courte se retient, se relit à chaque rencontre et se réécrit sans peine au "
            "bout de deux mois. Le contrat du Département garde son rôle, à côté."
        ),
    },
    {
        "key": "reciprocite",
        "sources": ["premier-qui-avance"],
        "by": ANSA,
        "kind": GOOD,
        "sheets": [2, 5],
        "title": "Faire vivre la réciprocité de la PER dès la signature",
        "body": (
            "Dans beaucoup d'équipes, c'est toujours le conseiller qui relance. Pour que "
            "l'engagement devienne réciproque, le CRE montre l'exemple dès la signature :\n\n"
            "- il annonce ce qu'il fera dans la semaine, par exemple la visite d'une boulangerie "
            "industrielle jeudi ;\n"
            "- il prévient par SMS le jour même où c'est fait ;\n"
            "- il donne à la personne un moyen simple de le joindre : un numéro qui répond aux "
            "SMS, pas un standard ;\n"
            "- quand la personne signale une démarche, il la salue par écrit.\n\n"
            "Benoît Lacoste a installé un téléphone d'équipe réservé aux SMS : dès la première "
            "semaine, trois personnes ont écrit d'elles-mêmes pour raconter ce qu'elles avaient "
            "fait. Ce petit message compte souvent plus qu'un long entretien."
        ),
        "mask": {"Benoît Lacoste": "Le référent de la structure"},
    },
    {
        "key": "trois-candidats",
        "sources": ["plusieurs-candidats"],
        "by": NADIA,
        "kind": FAQ,
        "sheets": [3],
        "public": True,
        "title": "L'employeur demande plusieurs candidats : tenir « une offre = une personne »",
        "body": (
            "Beaucoup d'employeurs ont l'habitude de comparer plusieurs candidats. Refuser leur "
            "paraît risqué : on craint de perdre l'offre.\n\n"
            "L'argument qui convainc est simple : le tri est déjà fait. Le CRE connaît la "
            "personne, ses goûts, ses contraintes et ce qu'elle sait faire ; il ne présente que "
            "celle qui correspond au poste. L'employeur gagne du temps et reçoit quelqu'un qui a "
            "choisi de venir.\n\n"
            "S'il hésite encore :\n\n"
            "- proposez une rencontre sans engagement, puis une immersion courte ;\n"
            "- si la personne ne convient pas, présentez-en une autre ensuite, jamais deux à la "
            "fois.\n\n"
            "Les CRE d'A.CO.R perdent rarement une offre de cette manière. C'est aussi ce qui "
            "distingue la démarche d'une agence d'intérim, et ce que les entreprises finissent "
            "par apprécier."
        ),
        "keep": {"A.CO.R": KEEP_ACOR},
    },
    {
        "key": "offre-d-un-collegue",
        "sources": ["offre-collegue"],
        "by": ANSA,
        "kind": CASE,
        "sheets": [3, 12],
        "title": "Qui présente la candidature quand l'offre vient d'un collègue ?",
        "body": (
            "Situation : un CRE a recueilli une offre de cariste chez un employeur qu'il connaît "
            "depuis deux ans ; elle correspond exactement à une personne accompagnée par une "
            "collègue.\n\n"
            "C'est le CRE qui a capté l'offre qui présente la personne. Il connaît le besoin, le "
            "chef d'équipe, les habitudes de l'entreprise, et saura défendre la candidature avec "
            "des arguments précis. Sa collègue lui transmet tout ce qu'elle sait de la personne, "
            "puis la prépare à l'entretien avec lui.\n\n"
            "Ce fonctionnement suppose que les personnes soient suivies par l'équipe et non par "
            "un conseiller attitré : personne ne « garde » ses demandeurs d'emploi. Tant que "
            "l'entretien n'a pas eu lieu, l'offre reste fermée aux autres candidatures, et la "
            "personne le sait."
        ),
    },
    {
        "key": "trois-histoires",
        "sources": ["entretien-sans-cv"],
        "by": ANSA,
        "kind": GOOD,
        "sheets": [4],
        "public": True,
        "title": "Préparer l'entretien sans CV : trois histoires à raconter",
        "body": (
            "Sans CV, l'entretien devient une conversation. Pour une personne dont le parcours "
            "comporte des ruptures, c'est un atout, à condition de savoir quoi dire.\n\n"
            "Préparez ensemble trois récits courts :\n\n"
            "1. une chose qu'elle fait bien, avec un exemple ;\n"
            "2. une difficulté qu'elle a surmontée ;\n"
            "3. la raison pour laquelle ce poste-là l'intéresse.\n\n"
            "Faites-les raconter une fois à voix haute, sans chercher la formule parfaite. "
            "Rappelez à la personne que le CRE a déjà présenté son profil à l'employeur : "
            "l'entretien sert à faire connaissance.\n\n"
            "Un détail rassure beaucoup : faire le trajet jusqu'à l'entreprise avant le jour J, "
            "pour savoir où aller et combien de temps prévoir."
        ),
    },
    {
        "key": "trop-repeter",
        "sources": ["jeu-de-role"],
        "by": ANSA,
        "kind": PITFALL,
        "sheets": [4],
        "title": "Trop répéter l'entretien : la personne récite",
        "body": (
            "Répéter l'entretien trois ou quatre fois, questions pièges comprises, rassure le "
            "conseiller plus que la personne. Les employeurs le remarquent : la personne récite, "
            "et l'échange sonne faux.\n\n"
            "Une seule mise en situation suffit, sur deux ou trois questions probables. Le reste "
            "de la préparation est plus utile :\n\n"
            "- l'adresse exacte, l'heure, le nom de la personne à demander à l'accueil ;\n"
            "- la tenue adaptée à ce métier ;\n"
            "- ce que l'employeur sait déjà, grâce au CRE qui a présenté la candidature.\n\n"
            "Une personne qui sait où elle va, et qui sait qu'on l'attend, parle plus librement "
            "qu'une personne entraînée à répondre."
        ),
    },
    {
        "key": "sms-puis-appels",
        "sources": ["retour-entretien"],
        "by": MATHIEU,
        "kind": GOOD,
        "sheets": [5],
        "public": True,
        "title": "Après un entretien : un SMS le soir, des appels le lendemain",
        "body": (
            "Une personne ne doit jamais apprendre par l'employeur qu'elle n'a pas été retenue. "
            "L'ordre des contacts après un entretien évite ce faux pas :\n\n"
            "1. **le soir même**, un SMS à la personne pour savoir comment cela s'est passé et "
            "annoncer un appel ;\n"
            "2. **le lendemain matin**, un appel à l'employeur pour recueillir son avis ;\n"
            "3. **juste après**, un appel à la personne, quelle que soit la réponse.\n\n"
            "En cas de refus, c'est le CRE qui l'annonce, avec les raisons données par "
            "l'employeur, et qui fixe aussitôt une rencontre pour la suite. Dans l'équipe dont "
            "vient cette entrée, tous les SMS partent du 06 45 12 78 30, le portable d'équipe : "
            "les personnes savent qui leur écrit.\n\n"
            "La même séquence, SMS puis appel puis rencontre, vaut pour toute nouvelle "
            "importante."
        ),
        "mask": {"06 45 12 78 30": "même numéro"},
    },
    {
        "key": "refus-point-de-depart",
        "sources": ["refus-entreprise"],
        "by": ANSA,
        "kind": CASE,
        "sheets": [5, 9],
        "title": "Un refus d'embauche, point de départ d'une meilleure relation",
        "body": (
            "Situation : une entreprise de nettoyage écarte la personne présentée sans vraiment "
            "expliquer pourquoi. Le réflexe de l'équipe est de se faire oublier quelque temps.\n\n"
            "C'est l'inverse qui fonctionne. Le CRE rappelle dans la semaine, non pour discuter "
            "la décision mais pour comprendre : horaires réels, niveau attendu, façon de "
            "travailler de l'équipe en place. Ici, il apprend que le travail de nuit avait été "
            "mal décrit au départ, et en tire une description du poste plus juste que l'offre "
            "initiale.\n\n"
            "Quelques jours plus tard, l'entreprise confie un nouveau poste à la structure. Pour "
            "l'employeur, l'appel qui a suivi son refus montrait que la structure tenait à la "
            "relation, et pas seulement au placement d'une personne."
        ),
    },
    {
        "key": "parcours-insertion",
        "sources": ["dire-rsa"],
        "by": ANSA,
        "kind": FAQ,
        "sheets": [6],
        "comment": (
            ANSA,
            "Relu : rien ne permet de reconnaître la personne ni l'employeur, l'entrée peut "
            "partir en relecture.",
        ),
        "title": "L'employeur doit-il savoir d'où vient la personne ?",
        "body": (
            "Oui, et c'est une condition de la confiance entre l'entreprise et le CRE : "
            "l'employeur sait toujours que la personne qu'on lui présente vient d'un parcours "
            "d'insertion. Il ne reçoit en revanche aucun détail sur ses allocations, sa situation "
            "familiale ou sa santé.\n\n"
            "Certaines personnes craignent d'être jugées. Le plus simple est d'en parler dès "
            "l'accueil :\n\n"
            "- ce que le CRE dira : un parcours accompagné, et un suivi qui continue après "
            "l'embauche ;\n"
            "- ce qu'il ne dira pas : tout ce qui relève de la vie privée.\n\n"
            "Beaucoup de personnes sont soulagées de savoir que l'employeur les a acceptées en "
            "connaissance de cause. Elles n'ont pas de secret à garder, et le CRE peut intervenir "
            "franchement si une difficulté apparaît dans les premières semaines."
        ),
    },
    {
        "key": "prise-de-poste-projet",
        "sources": ["transport-horaires"],
        "by": MATHIEU,
        "kind": GOOD,
        "sheets": [6],
        "title": "Préparer la prise de poste comme un petit projet",
        "body": (
            "Entre la signature et le premier jour, il reste souvent une dizaine de jours : "
            "c'est le temps de régler tout ce qui ferait échouer la prise de poste.\n\n"
            "Montarvèze n'a pas de car avant 7 heures ; le poste commençait à 5 heures, à vingt "
            "kilomètres. L'équipe a procédé dans cet ordre :\n\n"
            "- demander à l'entreprise si des salariés font déjà le trajet : deux venaient du "
            "même village ;\n"
            "- regarder les aides à la mobilité du Département et de France Travail ;\n"
            "- prévoir une solution de secours pour la première semaine.\n\n"
            "Trajet, horaires, garde des enfants, tenue de travail, déroulé du premier jour : ce "
            "qui n'est pas réglé avant l'embauche se transforme souvent en abandon dans le "
            "premier mois."
        ),
        "mask": {"Montarvèze": "Le bourg"},
    },
    {
        "key": "demission-rebond",
        "sources": ["demission-trois-semaines"],
        "by": MATHIEU,
        "kind": CASE,
        "sheets": [7],
        "title": "Une démission après trois semaines n'est pas la fin du parcours",
        "body": (
            "Situation : un jeune homme recruté pour un CDD par une menuiserie de "
            "Villefranche-d'Aubre quitte son poste au bout de trois semaines. L'employeur est "
            "déçu, et l'équipe se demande si la proposition n'était pas prématurée.\n\n"
            "La méthode admet qu'un échec puisse précéder une réussite. L'équipe a fait trois "
            "choses :\n\n"
            "1. revoir avec lui ce qui n'a pas fonctionné : le rythme, l'ambiance, le trajet, le "
            "métier lui-même ;\n"
            "2. appeler l'employeur pour le remercier et entendre son point de vue, ce qui a "
            "préservé la relation ;\n"
            "3. signer une nouvelle PER qui tient compte de ce qu'elle avait appris.\n\n"
            "Elle en a tiré une leçon pour la suite : les premiers jours en poste demandent un "
            "suivi plus serré, avec un contact dès la fin de la première semaine."
        ),
        "mask": {"Villefranche-d'Aubre": "la vallée"},
    },
    {
        "key": "jusqu-ou-suivre",
        "sources": ["suivi-fin"],
        "by": SOPHIE,
        "kind": FAQ,
        "sheets": [7],
        "title": "Jusqu'où suivre une personne une fois en emploi ?",
        "body": (
            "Le suivi vise l'emploi durable, pas la signature du contrat. Tant que la personne "
            "est en CDD court, le CRE reste présent :\n\n"
            "- un contact dès la première semaine ;\n"
            "- au moins un contact par mois ensuite ;\n"
            "- un point avec l'employeur avant la fin du contrat, pour préparer la suite : "
            "renouvellement, autre poste dans l'entreprise ou nouvelle recherche.\n\n"
            "Quand la personne obtient un CDI ou un CDD de plus de six mois et que tout se passe "
            "bien, le suivi s'espace sans rompre le lien : un message de temps en temps, une "
            "porte ouverte en cas de difficulté.\n\n"
            "Ce suivi fait partie de la file active de chaque CRE. Le compter comme un travail à "
            "part entière évite de le sacrifier quand de nouvelles personnes arrivent."
        ),
    },
    {
        "key": "un-secteur-piege",
        "sources": ["un-seul-secteur"],
        "by": NADIA,
        "kind": PITFALL,
        "sheets": [8],
        "public": True,
        "title": "Concentrer la prospection sur le secteur qui recrute le plus",
        "body": (
            "Sur beaucoup de territoires, un secteur recrute en permanence (aide à domicile, "
            "logistique, restauration) et il est tentant d'y concentrer toute la prospection, "
            "d'autant que les élus le demandent parfois.\n\n"
            "C'est un piège : on finit par orienter vers ce secteur des personnes qui n'en ont "
            "pas envie, et les abandons suivent. La méthode prospecte sans filtre de secteur, "
            "pour trouver des postes qui correspondent aux goûts et aux compétences des "
            "personnes.\n\n"
            "Gardez ce secteur dans votre liste, à sa place. Visitez aussi le garage, la scierie, "
            "la supérette, le cabinet de géomètre. En milieu rural notamment, les petites "
            "entreprises qui recrutent une ou deux personnes par an représentent, ensemble, bien "
            "plus d'offres que le secteur le plus visible."
        ),
    },
    {
        "key": "matinee-a-deux",
        "sources": ["prospection-a-deux"],
        "by": NADIA,
        "kind": GOOD,
        "sheets": [8],
        "title": "Lancer la prospection : une matinée par semaine, à deux",
        "body": (
            "Des conseillers venus du travail social savent accompagner, mais pousser la porte "
            "d'une entreprise les intimide. Les visites sont repoussées de semaine en semaine.\n\n"
            "Ce qui débloque la situation, c'est la régularité et le collectif :\n\n"
            "- une matinée fixe chaque semaine, la même pour toute l'équipe ;\n"
            "- des visites à deux au début ;\n"
            "- une première tournée courte : cinq commerces ou artisans d'une même rue ;\n"
            "- une seule question : l'entreprise a-t-elle des besoins de recrutement, maintenant "
            "ou dans les mois à venir ?\n\n"
            "Au retour, chacun raconte ce qu'il a entendu. Lors de la première matinée, l'équipe "
            "a fait neuf visites et recueilli deux offres. Comme le répètent les CRE d'A.CO.R, "
            "la peur disparaît avec la répétition, et l'on découvre que la connaissance des "
            "personnes est exactement ce que les employeurs attendent."
        ),
        "keep": {"A.CO.R": KEEP_ACOR},
    },
    {
        "key": "grands-employeurs",
        "sources": ["grands-groupes"],
        "by": NADIA,
        "kind": FAQ,
        "sheets": [8],
        "public": True,
        "title": "Faut-il démarcher les grands employeurs de la zone d'activités ?",
        "body": (
            "Rarement, et jamais en priorité. Les grands groupes disposent de services de "
            "ressources humaines qui recrutent très bien par leurs propres canaux et par "
            "l'intérim. Une structure d'insertion n'y est qu'un fournisseur de candidatures "
            "parmi d'autres, sans lien avec la personne qui décide.\n\n"
            "Le temps de prospection est mieux employé auprès de leurs sous-traitants et "
            "prestataires : transport, nettoyage, maintenance, restauration collective. Ce sont "
            "des PME qui recrutent pour servir ces grands sites et qui ont besoin d'un "
            "interlocuteur connaissant les candidats.\n\n"
            "Si un grand employeur vient de lui-même vers la structure, il faut bien sûr lui "
            "répondre. Mais la démarche « aller vers » s'adresse d'abord aux TPE et PME du "
            "territoire, là où une relation suivie change vraiment les recrutements."
        ),
    },
    {
        "key": "premier-cdd",
        "sources": ["cdd-d-abord"],
        "by": NADIA,
        "kind": GOOD,
        "sheets": [9],
        "public": True,
        "title": "Un premier CDD pour tester la relation avec l'entreprise",
        "body": (
            "Une entreprise qui propose surtout des contrats de deux ou trois mois n'est pas à "
            "écarter. Le premier CDD est souvent le début d'une relation durable : l'employeur "
            "vérifie qu'il peut faire confiance à la structure, et la personne reprend le rythme "
            "du travail.\n\n"
            "La condition est de ne pas s'arrêter au contrat :\n\n"
            "- suivre la personne pendant toute sa durée ;\n"
            "- préparer la suite avec l'employeur bien avant l'échéance ;\n"
            "- proposer la même personne pour la saison suivante ou pour un poste permanent.\n\n"
            "Face à un conseil d'administration qui redoute le « placement précaire », un "
            "indicateur suffit souvent à rassurer : la part de ces CDD qui débouchent, dans "
            "l'année, sur un emploi durable."
        ),
    },
    {
        "key": "garder-le-contact",
        "sources": ["pas-de-recrutement"],
        "by": NADIA,
        "kind": GOOD,
        "sheets": [9],
        "title": "Rester en contact avec une entreprise qui ne recrute pas",
        "body": (
            "« Je n'ai besoin de personne en ce moment » n'est pas une porte fermée. Dans une "
            "petite entreprise, les besoins changent vite : un départ à la retraite, un gros "
            "chantier, un congé maternité.\n\n"
            "Après chaque visite, notez ce que le chef d'entreprise a dit de son activité, de "
            "ses saisons et de son équipe. Rappelez au moment qui a du sens pour lui, par exemple "
            "avant la haute saison ou à la fin d'un chantier, et sinon tous les deux ou trois "
            "mois. Quand vous passez dans le secteur, arrêtez-vous cinq minutes, sans "
            "rendez-vous.\n\n"
            "Laissez toujours un numéro qui répond, et proposez l'application « J'ai une offre » "
            "si votre structure l'utilise : le jour où un besoin apparaît, c'est vers vous que "
            "l'employeur se tourne."
        ),
    },
    {
        "key": "cafe-bourg-rural",
        "sources": ["cafe-rural", "cafe-rural-transport"],
        "by": AMAIA,
        "kind": CASE,
        "sheets": [10],
        "public": True,
        "title": "Un café de l'emploi à la mesure d'un bourg rural",
        "body": (
            "Situation : une communauté de communes rurale veut organiser son premier café de "
            "l'emploi ; les employeurs sont dispersés et une personne invitée sur deux n'a pas "
            "de voiture.\n\n"
            "Montarvèze a choisi un format réduit :\n\n"
            "- quatre employeurs, tous à moins de vingt minutes ;\n"
            "- un matin de marché, à la salle des fêtes ;\n"
            "- une douzaine de personnes invitées une à une par téléphone, avec un SMS de rappel "
            "la veille ;\n"
            "- l'horaire calé sur le car du matin, des covoiturages organisés entre participants "
            "et un CRE à l'arrêt pour accueillir.\n\n"
            "Céline Quéré a rappelé chaque employeur dans la semaine : deux immersions ont été "
            "décidées. Les employeurs ont salué l'effort des personnes venues de loin, et trois "
            "d'entre eux demandent déjà une deuxième édition."
        ),
        "mask": {
            "Montarvèze": "La communauté de communes",
            "Céline Quéré": "Une conseillère de l'équipe",
        },
    },
    {
        "key": "cafe-forum-piege",
        "sources": ["cafe-forum"],
        "by": AMAIA,
        "kind": PITFALL,
        "sheets": [10],
        "comment": (
            HEAD,
            "Très juste. Gardons le chiffre des quatre-vingts personnes : il parle plus qu'un "
            "long discours.",
        ),
        "title": "Le café de l'emploi qui tourne au forum",
        "body": (
            "Diffuser largement l'invitation paraît une bonne idée. Résultat observé : "
            "quatre-vingts personnes venues avec leur CV pour six entreprises, des employeurs "
            "épuisés et aucun recrutement.\n\n"
            "Un café de l'emploi n'est pas un salon. Il repose sur des échanges à petite table, "
            "où les employeurs parlent de leur métier et où les personnes posent leurs questions "
            "sans enjeu. Quelques repères :\n\n"
            "- une vingtaine de personnes au plus pour six entreprises ;\n"
            "- des invitations faites par les CRE, à des personnes intéressées par ces métiers ;\n"
            "- pas de CV : le lien se fait ensuite, par le CRE.\n\n"
            "Si le café a déjà dérapé, rappelez chaque employeur dans la semaine et proposez-lui "
            "une ou deux personnes repérées ce jour-là. La relation se rattrape vite quand on "
            "revient avec une proposition précise."
        ),
    },
    {
        "key": "pmsmp-mode-d-emploi",
        "sources": ["pmsmp-duree"],
        "by": AMAIA,
        "kind": FAQ,
        "sheets": [11],
        "title": "Organiser une PMSMP : prescription, durée, suivi",
        "body": (
            "La période de mise en situation en milieu professionnel permet à une personne de "
            "découvrir un métier ou de confirmer un projet dans une entreprise, avant une "
            "embauche.\n\n"
            "- **Qui prescrit ?** France Travail, les missions locales, Cap emploi, ou une "
            "structure habilitée par convention. Une structure qui ne l'est pas passe par le "
            "conseiller France Travail de la personne.\n"
            "- **Combien de temps ?** Un mois au plus, renouvelable une fois si l'objectif le "
            "justifie. Pour une découverte avant embauche, une à deux semaines suffisent "
            "souvent.\n"
            "- **Qui suit ?** La convention désigne un tuteur dans l'entreprise ; la personne "
            "garde son statut et sa protection sociale. Le CRE passe au moins une fois pendant "
            "l'immersion, puis fait le point avec l'employeur et la personne.\n\n"
            "L'immersion se prépare comme une prise de poste : horaires, trajet, tenue et "
            "consignes de sécurité."
        ),
    },
    {
        "key": "visite-sans-selection",
        "sources": ["visite-decouverte"],
        "by": AMAIA,
        "kind": GOOD,
        "sheets": [11],
        "public": True,
        "title": "Présenter la visite d'entreprise comme une découverte, pas une sélection",
        "body": (
            "Une visite d'entreprise en groupe inquiète souvent : certaines personnes y voient un "
            "entretien déguisé et préfèrent ne pas venir.\n\n"
            "Annoncez-la pour ce qu'elle est : la découverte d'un métier et d'un lieu de "
            "travail, sans engagement. Quelques précautions aident :\n\n"
            "- demander que la visite soit guidée par un salarié de l'atelier plutôt que par la "
            "direction ;\n"
            "- montrer les vrais postes, avec leur bruit, leurs gestes et leurs horaires ;\n"
            "- ne demander ni CV ni présentation des parcours.\n\n"
            "À la fin, le CRE pose une seule question : qui aimerait revenir passer une journée ? "
            "C'est souvent de là que naît une immersion, puis une embauche, parce que la personne "
            "a choisi l'entreprise avant que l'entreprise ne la choisisse."
        ),
    },
    {
        "key": "un-seul-tableau",
        "sources": ["tableau-lundi"],
        "by": JULIEN,
        "kind": GOOD,
        "sheets": [12, 13],
        "title": "Croiser offres et personnes le lundi, avec un seul tableau",
        "body": (
            "Nul besoin d'un logiciel pour commencer à croiser les offres et les personnes en "
            "équipe. Un tableau partagé suffit :\n\n"
            "- en colonnes, les offres ouvertes : entreprise, poste, CRE qui l'a recueillie ;\n"
            "- en lignes, les personnes prêtes, avec leurs trois postes visés.\n\n"
            "Chaque lundi, l'équipe passe en revue les nouvelles offres une à une ; chacun dit "
            "quelle personne pourrait convenir, et la décision se prend ensemble. Le CRE qui a "
            "capté l'offre présente ensuite la candidature à l'entreprise.\n\n"
            "Ce rituel compte plus que l'outil. Il rend visible le principe selon lequel les "
            "personnes sont suivies par l'équipe, et non par un conseiller qui garderait « son » "
            "fichier. Il permet aussi de repérer les personnes à qui aucune offre n'a été "
            "proposée depuis longtemps."
        ),
    },
    {
        "key": "a-competences-egales",
        "sources": ["competences-egales"],
        "by": JULIEN,
        "kind": FAQ,
        "sheets": [12],
        "public": True,
        "title": "Deux personnes pour une même offre : qui proposer ?",
        "body": (
            "À compétences et motivation égales, la méthode donne la priorité à la personne la "
            "plus éloignée de l'emploi : c'est elle qui aurait le moins de chances de trouver "
            "seule.\n\n"
            "La décision se prend en équipe, lors du croisement des offres, et s'explique aux "
            "deux personnes. Celle qui n'est pas retenue repart avec une perspective concrète : "
            "une visite d'entreprise, une immersion, ou un employeur que le CRE va démarcher "
            "pour elle dans la semaine.\n\n"
            "Ce qu'il ne faut jamais faire : présenter les deux candidates à l'employeur pour "
            "qu'il choisisse. Ce serait les mettre en concurrence, à l'opposé du principe « une "
            "offre = une personne », et reporter sur l'entreprise une décision qui appartient à "
            "l'équipe."
        ),
    },
    {
        "key": "profil-cre",
        "sources": ["recruter-cre"],
        "by": SOPHIE,
        "kind": FAQ,
        "sheets": [13],
        "title": "Quel profil pour un chargé de relation entreprises ?",
        "body": (
            "Le réflexe, dans une structure d'insertion ou une collectivité, est de recruter un "
            "profil du travail social. La méthode recommande l'inverse : des CRE venus du "
            "secteur privé, souvent du commerce, choisis pour leur motivation et leur aisance "
            "avec les employeurs. La méthode s'apprend ensuite, avec le référentiel et "
            "l'équipe.\n\n"
            "Pour le jury :\n\n"
            "- prévoyez une mise en situation de cinq minutes : l'appel à un chef "
            "d'entreprise ;\n"
            "- interrogez la motivation plutôt que le diplôme ;\n"
            "- regardez aussi en interne : un agent qui a travaillé dans la vente peut devenir "
            "un très bon CRE.\n\n"
            "Nadia Etcheverry, qui anime le module sur la prospection, conseille d'observer "
            "comment le candidat réagit à un refus pendant l'appel simulé : c'est ce qu'il vivra "
            "chaque semaine."
        ),
        "keep": {
            "Nadia Etcheverry": (
                "Experte de la tête de réseau, citée avec son accord pour un conseil qu'elle "
                "donne en formation."
            )
        },
    },
    {
        "key": "agents-devenus-cre",
        "sources": ["agents-volontaires", "agents-volontaires-elus"],
        "by": SOPHIE,
        "kind": CASE,
        "sheets": [13],
        "title": "Une collectivité constitue son équipe de CRE avec des agents volontaires",
        "body": (
            "Situation : une communauté de communes rurale ne peut pas recruter. Elle forme son "
            "équipe de CRE avec des agents volontaires de son service insertion, et doit "
            "convaincre ses élus.\n\n"
            "Trois conditions ont fait la différence :\n\n"
            "1. des agents réellement volontaires, rencontrés un par un ;\n"
            "2. une lettre de mission décrivant le nouveau métier et ses objectifs, signée par "
            "la direction ;\n"
            "3. du temps vraiment libéré des anciennes tâches : sans cela, la prospection passe "
            "toujours après les dossiers.\n\n"
            "Devant le conseil communautaire, l'équipe a d'abord rappelé ce qui ne change pas : "
            "le suivi social reste assuré par les travailleurs sociaux du Département. Elle a "
            "ensuite présenté, chaque trimestre, des chiffres simples : entreprises rencontrées, "
            "offres recueillies, personnes en emploi. Les élus y ont reconnu les entreprises de "
            "leurs communes. Le modèle de lettre de mission est disponible auprès de "
            "insertion@monts-arveze.fr."
        ),
        "mask": {"insertion@monts-arveze.fr": "la communauté de communes"},
    },
    {
        "key": "objectifs-partages",
        "sources": ["lettre-mission"],
        "by": ANSA,
        "kind": GOOD,
        "sheets": [13],
        "title": "Des objectifs de résultat dans la lettre de mission, discutés en équipe",
        "body": (
            "La lettre de mission d'un CRE est signée par la direction et par le CRE lui-même : "
            "c'est un engagement partagé, pas une grille d'évaluation individuelle.\n\n"
            "Elle fixe un objectif de résultat clair, compris de toute l'équipe, par exemple la "
            "part des personnes accompagnées qui sont en emploi un an après leur accueil. Elle "
            "le complète par des indicateurs d'activité que chacun maîtrise :\n\n"
            "- le nombre d'entreprises rencontrées ;\n"
            "- les offres recueillies ;\n"
            "- les personnes présentées sur ces offres.\n\n"
            "Pour que les chiffres ne deviennent pas une menace, faites le point chaque trimestre "
            "en équipe, sur ce qui a aidé et ce qui a freiné. Une équipe qui sait pourquoi ses "
            "résultats montent ou baissent s'approprie ses objectifs ; une équipe jugée sans "
            "explication les subit."
        ),
    },
    {
        "key": "logiciel-trop-tot",
        "sources": ["logiciel"],
        "by": ANSA,
        "kind": PITFALL,
        "sheets": [13],
        "title": "Attendre le logiciel idéal avant de commencer",
        "body": (
            "Paramétrer un outil de gestion de la relation client avant d'avoir pratiqué la "
            "méthode retarde le démarrage de plusieurs mois, et fige des habitudes qui ne sont "
            "pas encore les bonnes.\n\n"
            "Commencez avec un tableur partagé et la réunion du lundi. En quelques mois, l'équipe "
            "saura quelles informations lui servent vraiment : contacts avec les entreprises, "
            "offres, rendez-vous, résultats. Elle pourra alors écrire un cahier des charges "
            "réaliste, fondé sur sa pratique et non sur les promesses d'un éditeur.\n\n"
            "A.CO.R a elle-même fait évoluer trois outils de suivi successifs au fil des années : "
            "l'outil suit la méthode, jamais l'inverse. Une équipe qui a tenu six mois avec un "
            "tableur sait exactement ce qu'elle attend d'un logiciel."
        ),
        "keep": {"A.CO.R": KEEP_ACOR},
    },
]

# --- After « Édition 2025 » was published -----------------------------------------------------

#: A reader of last season says an entry no longer holds; its owner rewrites it, the head of
#: network approves the new text (the next edition will differ) and the report is closed.
UPDATED = {
    "entry": "pmsmp-mode-d-emploi",
    "reporter": REFERENT_2025,
    "report": (
        "Notre structure a obtenu cet automne, par convention, le droit de prescrire des PMSMP. "
        "L'entrée laisse penser qu'un opérateur doit toujours passer par France Travail."
    ),
    "replace": (
        "Une structure qui ne l'est pas passe par le conseiller France Travail de la personne.",
        "Plusieurs opérateurs ont obtenu cette habilitation en cours de saison : renseignez-vous "
        "auprès de votre prescripteur avant de passer par le conseiller France Travail de la "
        "personne.",
    ),
    "note": "Précision sur l'habilitation à prescrire",
    "response": (
        "Merci : l'entrée précise désormais qu'une structure peut obtenir l'habilitation par "
        "convention. La nouvelle version est approuvée pour la prochaine édition."
    ),
}

#: An entry completed after publication, back in review.
REVISED = {
    "entry": "matinee-a-deux",
    "append": (
        "\n\nAjout de la saison 2026 : préparez la tournée la veille, avec une liste de dix "
        "adresses et l'itinéraire. Les équipes qui le font passent leur matinée dans les "
        "entreprises plutôt que sur la route."
    ),
    "note": "Conseil ajouté après la saison 2026",
    "comment": (
        HEAD,
        "L'ajout est utile. Je relis l'ensemble de la fiche 8 avant d'approuver.",
    ),
}

#: An entry taken out of the guide: the next edition will not hold it.
RETIRED = {
    "entry": "trop-repeter",
    "reason": (
        "Fusionnée avec « Préparer l'entretien sans CV : trois histoires à raconter », qui dit "
        "désormais l'essentiel sur la préparation."
    ),
}

#: A report still open on the guide's page.
OUTDATED = {
    "entry": "garder-le-contact",
    "reporter": tutoring.KARIM,
    "reason": (
        "Toutes les structures de la saison 2026 ont maintenant accès à l'application « J'ai "
        "une offre ». La fin de l'entrée pourrait expliquer comment la présenter aux artisans "
        "plutôt que de la citer en passant."
    ),
}

#: The periodic review: entries an expert checked still hold for « Saison 2026 ».
CHECKED = [
    ("accueil-jour-meme", JULIEN),
    ("echange-a-trois", JULIEN),
    ("trois-candidats", NADIA),
    ("un-secteur-piege", NADIA),
    ("sms-puis-appels", MATHIEU),
    ("cafe-bourg-rural", AMAIA),
    ("profil-cre", SOPHIE),
]

# --- « Édition 2026 », in preparation ---------------------------------------------------------

EDITION_2026 = {
    "name": "Édition 2026",
    "note": (
        "En préparation : les entrées issues des questions de la saison 2026 et les mises à jour "
        "des entrées de l'édition 2025."
    ),
}

#: Entries from the questions of « Saison 2026 » (keys of tutoring/demo_content.py), in the
#: state each reached: `approved` (and `public`), `in_review`, `sent_back`, `draft` (rewritten
#: but with personal data left in it), `promoted` (the pre-filled text, untouched).
CURRENT_ENTRIES = [
    {
        "key": "jai-une-offre-moment",
        "sources": ["jai-une-offre"],
        "by": NADIA,
        "state": "approved",
        "public": True,
        "kind": GOOD,
        "sheets": [9],
        "title": "Proposer « J'ai une offre » au bon moment de la relation",
        "body": (
            "L'application « J'ai une offre » permet à un employeur de signaler un besoin de "
            "recrutement en quelques secondes. Présentée trop tôt, elle passe pour un gadget de "
            "plus ; au bon moment, elle prolonge une relation qui fonctionne.\n\n"
            "- **Pas à la première visite** : l'employeur ne connaît pas encore la structure.\n"
            "- **Après une première embauche réussie**, quand l'entreprise est satisfaite : "
            "l'application devient le moyen le plus simple de recommencer.\n"
            "- **Installée avec le dirigeant**, sur son propre téléphone, en deux minutes, "
            "pendant la visite.\n"
            "- **Un rappel dans la semaine** qui suit le premier signalement : c'est ce rappel "
            "qui donne confiance dans l'outil.\n\n"
            "L'application ne remplace ni les visites ni les appels. Elle évite simplement qu'un "
            "besoin soit oublié entre deux passages du CRE."
        ),
    },
    {
        "key": "per-montee-en-charge",
        "sources": ["per-en-parallele"],
        "by": JULIEN,
        "state": "in_review",
        "kind": FAQ,
        "sheets": [2],
        "comment": (
            HEAD,
            "Je relis cette entrée avec celle sur les PER de quatre pages : elles se répondent.",
        ),
        "title": "Passer à la PER quand chaque conseiller suit déjà quatre-vingt-dix personnes",
        "body": (
            "Une équipe dont chaque conseiller suit près de quatre-vingt-dix personnes ne peut "
            "pas passer tout son fichier en PER du jour au lendemain. La montée en charge se fait "
            "progressivement :\n\n"
            "- la PER est signée avec les personnes nouvellement accueillies, pas avec "
            "l'ensemble du fichier ;\n"
            "- une rencontre au moins par période de deux mois reste le minimum qui fait vivre "
            "l'engagement ;\n"
            "- le nombre de personnes qui tiennent leur premier engagement est un bon indicateur "
            "de la dynamique.\n\n"
            "Pour les personnes déjà suivies, un tri avec le prescripteur s'impose : lesquelles "
            "relèvent vraiment d'un accompagnement vers l'emploi à court terme ? Une file active "
            "de soixante à soixante-dix personnes par CRE est un repère atteint au bout de "
            "plusieurs mois, pas un point de départ."
        ),
    },
    {
        "key": "revenir-apres-un-non",
        "sources": ["relancer-un-refus"],
        "by": AMAIA,
        "state": "draft",
        "kind": GOOD,
        "sheets": [8],
        "comment": (
            ANSA,
            "Trois données à anonymiser avant la relecture : je m'en occupe.",
        ),
        "title": "Revenir vers une entreprise qui a dit non",
        "body": (
            "Un refus lors d'une première visite veut souvent dire « pas maintenant ». Samir "
            "Haddad l'a vérifié auprès d'un fabricant de menuiseries de Vienne qui l'avait reçu "
            "poliment avant de décliner.\n\n"
            "Pour revenir sans insister :\n\n"
            "- laissez passer un à deux mois, et notez la date de relance dans le tableau de "
            "suivi ;\n"
            "- revenez avec quelque chose à offrir : une invitation au prochain café de "
            "l'emploi, une information sur une aide à l'embauche, des nouvelles d'une personne "
            "recrutée chez un voisin ;\n"
            "- ne parlez pas de CV : parlez de l'activité de l'entreprise et de ses projets.\n\n"
            "L'employeur peut rappeler directement le CRE au 04 74 31 52 86. Une entreprise qui "
            "a dit non une fois, et que l'on revoit avec une proposition utile, devient souvent "
            "une entreprise partenaire."
        ),
    },
    {
        "key": "jobdatings-autrement",
        "sources": ["jobdating"],
        "by": NADIA,
        "state": "sent_back",
        "kind": FAQ,
        "sheets": [3, 10],
        "sent_back": (
            "Bonne base. Ajoutez un exemple de la façon d'en parler au Département sans le "
            "froisser : c'est ce que les structures demanderont."
        ),
        "title": "Jobdatings : rester fidèle à « une offre = une personne »",
        "body": (
            "Quand un partenaire organise des jobdatings où dix candidats se succèdent devant "
            "chaque employeur pour le même poste, la structure n'a pas à refuser d'y "
            "participer. Elle peut y aller autrement :\n\n"
            "- le CRE s'y rend pour rencontrer les entreprises et recueillir leurs offres ;\n"
            "- il propose ensuite une seule personne par offre, en dehors de l'événement ;\n"
            "- il suggère au partenaire d'essayer un café de l'emploi : mêmes entreprises, même "
            "public, sans mise en concurrence.\n\n"
            "Les entreprises rencontrées ainsi deviennent des contacts de prospection comme les "
            "autres, à rappeler dans la semaine pour donner suite."
        ),
    },
    {
        "key": "reunion-du-lundi-pre-remplie",
        "sources": ["reunion-du-lundi"],
        "by": ANSA,
        "state": "promoted",
        "kind": GOOD,
        "sheets": [13],
        "title": "Tenir la réunion du lundi en une heure",
    },
]

#: A question of « Saison 2026 » with an accepted answer, left for a promotion in the browser.
PROMOTABLE_QUESTION = "premier-cafe"


# --- French typography --------------------------------------------------------------------------

_BEFORE = re.compile(r" ([:;!?])")


def _typeset(value):
    """A no-break space before « : ; ! ? » and inside guillemets, in every string of `value`."""
    if isinstance(value, str):
        text = _BEFORE.sub(" \\1", value)
        return text.replace("« ", "« ").replace(" »", " »")
    if isinstance(value, list):
        return [_typeset(item) for item in value]
    if isinstance(value, tuple):
        return tuple(_typeset(item) for item in value)
    if isinstance(value, dict):
        # Keys stay as typed (question keys, passages to mask are matched without spaces).
        return {key: _typeset(item) for key, item in value.items()}
    return value


PAGE = _typeset(PAGE)
QUESTIONS = _typeset(QUESTIONS)
EDITION_2025 = _typeset(EDITION_2025)
ENTRIES = _typeset(ENTRIES)
UPDATED = _typeset(UPDATED)
REVISED = _typeset(REVISED)
RETIRED = _typeset(RETIRED)
OUTDATED = _typeset(OUTDATED)
EDITION_2026 = _typeset(EDITION_2026)
CURRENT_ENTRIES = _typeset(CURRENT_ENTRIES)
