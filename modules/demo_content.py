"""Demo texts of the training-action: the five modules, their resources and the 2026 season.

Written for the demo, in French with English translations of the pages; every organisation and
person is fictional. Sheets are named by their number in curriculum/demo_content.py.
"""


def _resource(filename: str, fr: dict, en: dict, sections: list[tuple[str, str]]) -> dict:
    """A PDF handed out to the season's members: its titles and the text printed in it."""
    return {"filename": filename, "fr": fr, "en": en, "sections": sections}


MODULES = [
    {
        "number": 1,
        "slug": "prospection-des-entreprises",
        "sheets": [8, 10, 11],
        "fr": {
            "title": "La prospection des entreprises : la démarche « aller vers »",
            "summary": (
                "Aller au-devant des employeurs du territoire, surtout des TPE et des PME, pour "
                "capter des offres avant qu'elles ne soient publiées : préparer une tournée, "
                "réussir le premier contact, revenir avec une offre précise."
            ),
            "objectives": (
                "<ul><li>Cartographier les entreprises de son bassin d'emploi, sans filtre de "
                "secteur.</li><li>Préparer et conduire un premier contact qui parle des besoins "
                "de l'entreprise avant de parler des personnes.</li><li>Repartir d'une visite "
                "avec une fiche de poste précise et une date de rappel.</li><li>Utiliser les "
                "cafés de l'emploi et les visites collectives comme portes d'entrée.</li></ul>"
            ),
            "programme": (
                "<p><b>Matin</b> : ce que « aller vers » change pour l'équipe ; "
                "mise en situation d'un premier appel à une entreprise, avec retours des "
                "pairs.</p><p><b>Après-midi</b> : construire sa liste de prospection ; "
                "préparer une tournée d'une demi-journée ; présentation du travail "
                "d'intersession.</p>"
            ),
            "assignment_text": (
                "<p>Chaque structure établit la liste des trente entreprises qu'elle démarchera "
                "dans le mois, réalise au moins cinq visites et rapporte ce qu'elle en a "
                "retiré : offres captées, refus, surprises.</p>"
            ),
        },
        "en": {
            "title": "Prospecting companies: reaching out",
            "summary": (
                "Going out to the area's employers, especially very small and medium-sized "
                "companies, to secure vacancies before they are advertised: preparing a round of "
                "visits, making a good first contact, coming back with a precise vacancy."
            ),
            "objectives": (
                "<ul><li>Map the companies of one's labour market area, without filtering by "
                "sector.</li><li>Prepare and hold a first contact that talks about the company's "
                "needs before talking about people.</li><li>Leave a visit with a precise job "
                "description and a date to call back.</li><li>Use job cafés and group visits as "
                "ways in.</li></ul>"
            ),
            "programme": (
                "<p><b>Morning</b>: what reaching out changes for the team; role play of a first "
                "call to a company, with peer feedback.</p><p><b>Afternoon</b>: building one's "
                "prospecting list; preparing a half-day round of visits; presentation of the "
                "work between sessions.</p>"
            ),
            "assignment_text": (
                "<p>Each organisation lists the thirty companies it will approach during the "
                "month, makes at least five visits and reports what it learnt: vacancies "
                "secured, refusals, surprises.</p>"
            ),
        },
        "resources": [
            _resource(
                "module-1-liste-de-prospection.pdf",
                {
                    "title": "Tableau de suivi de la prospection",
                    "description": "Trente entreprises, trois relances, une colonne par issue.",
                },
                {
                    "title": "Prospecting follow-up table",
                    "description": "Thirty companies, three follow-ups, one column per outcome.",
                },
                [
                    (
                        "Pourquoi ce tableau",
                        "Il rend visible, semaine après semaine, le nombre d'entreprises "
                        "rencontrées et ce que chaque contact a donné. Il se remplit en réunion "
                        "d'équipe, pas seul à son bureau.",
                    ),
                    (
                        "Comment le remplir",
                        "Une ligne par entreprise : date du contact, interlocuteur, besoin "
                        "repéré, suite convenue. Une offre captée se note le jour même.",
                    ),
                ],
            ),
            _resource(
                "module-1-premier-contact.pdf",
                {
                    "title": "Aide-mémoire du premier contact",
                    "description": "Les cinq questions à poser avant de parler des personnes.",
                },
                {
                    "title": "First contact checklist",
                    "description": "The five questions to ask before talking about people.",
                },
                [
                    (
                        "Avant l'appel",
                        "Regarder ce que fait l'entreprise, qui la dirige, si elle a recruté "
                        "récemment. Préparer une phrase de présentation de la structure.",
                    ),
                    (
                        "Pendant l'échange",
                        "Parler de l'activité, des difficultés de recrutement, des métiers en "
                        "tension ; proposer un service, jamais un CV.",
                    ),
                ],
            ),
        ],
        "assignment": {
            "title": "Trente entreprises à rencontrer",
            "due_in_days": -58,
            "instructions": (
                "### Ce qui est attendu\n\n"
                "1. Dressez la liste des **trente entreprises** que votre équipe démarchera "
                "ce mois-ci (au moins deux tiers de TPE et de PME).\n"
                "2. Réalisez au moins **cinq visites**, à deux si possible.\n"
                "3. Racontez en une page ce que ces visites vous ont appris.\n\n"
                "Joignez le tableau de suivi de la prospection (modèle dans les ressources du "
                "module)."
            ),
        },
    },
    {
        "number": 2,
        "slug": "fidelisation-des-entreprises",
        "sheets": [9, 5, 7],
        "fr": {
            "title": "La fidélisation des entreprises",
            "summary": (
                "Faire d'une première embauche le début d'une relation durable : suivre "
                "l'entretien et la prise de poste, revenir vers l'employeur, et utiliser "
                "l'application « J'ai une offre » pour qu'il pense à l'équipe quand il "
                "recrute."
            ),
            "objectives": (
                "<ul><li>Organiser des contacts réguliers avec les entreprises "
                "partenaires.</li><li>Recueillir le retour de l'employeur après chaque entretien "
                "et pendant les premières semaines dans le poste.</li><li>Présenter "
                "l'application « J'ai une offre » et en suivre l'usage.</li><li>Repérer "
                "les entreprises qui reviennent d'elles-mêmes, et celles qu'on perd.</li></ul>"
            ),
            "programme": (
                "<p><b>Matin</b> : retour sur les visites du mois ; ce qui fait revenir une "
                "entreprise ; témoignage d'un chef d'entreprise partenaire d'A.CO.R.</p>"
                "<p><b>Après-midi</b> : démonstration de l'application « J'ai une "
                "offre » ; construire le plan de contacts de ses partenaires.</p>"
            ),
            "assignment_text": (
                "<p>Chaque structure choisit dix entreprises déjà rencontrées, planifie avec "
                "elles des contacts sur trois mois et rend compte des premiers retours.</p>"
            ),
        },
        "en": {
            "title": "Building lasting relations with companies",
            "summary": (
                "Turning a first hire into a lasting relationship: following up the interview "
                "and the start in the job, going back to the employer, and using the “J'ai une "
                "offre” application so that they think of the team when they recruit."
            ),
            "objectives": (
                "<ul><li>Organise regular contacts with partner companies.</li><li>Gather the "
                "employer's feedback after each interview and during the first weeks in the "
                "job.</li><li>Present the “J'ai une offre” application and follow its "
                "use.</li><li>Spot the companies that come back of their own accord, and those "
                "that drift away.</li></ul>"
            ),
            "programme": (
                "<p><b>Morning</b>: looking back on the month's visits; what makes a company come "
                "back; testimony of an employer partnering with A.CO.R.</p><p><b>Afternoon</b>: "
                "demonstration of the “J'ai une offre” application; building a contact plan for "
                "one's partners.</p>"
            ),
            "assignment_text": (
                "<p>Each organisation picks ten companies it has already met, plans contacts "
                "with them over three months and reports the first feedback.</p>"
            ),
        },
        "resources": [
            _resource(
                "module-2-plan-de-contacts.pdf",
                {
                    "title": "Plan de contacts sur trois mois",
                    "description": "Qui appeler, quand, et pour quoi faire.",
                },
                {
                    "title": "Three-month contact plan",
                    "description": "Whom to call, when, and what for.",
                },
                [
                    (
                        "Le principe",
                        "Une entreprise partenaire a un contact au moins chaque mois, même "
                        "sans offre en cours : un appel, une visite, une invitation.",
                    ),
                    (
                        "Les moments clés",
                        "Le lendemain d'un entretien, la première semaine dans le poste, la fin "
                        "d'un CDD : trois occasions de revenir vers l'employeur.",
                    ),
                ],
            ),
        ],
        "assignment": {
            "title": "Dix entreprises à fidéliser",
            "due_in_days": -28,
            "instructions": (
                "### Ce qui est attendu\n\n"
                "- Choisissez **dix entreprises** rencontrées depuis le début de la formation.\n"
                "- Pour chacune, planifiez les contacts des trois prochains mois.\n"
                "- Notez les premiers retours des employeurs, y compris les déceptions.\n\n"
                "Un tableau suffit ; ajoutez quelques lignes sur ce que vous changeriez."
            ),
        },
    },
    {
        "number": 3,
        "slug": "accompagnement-des-chercheurs-d-emploi",
        "sheets": [1, 2, 4, 6],
        "fr": {
            "title": "L'accompagnement des chercheurs d'emploi, notamment la PER",
            "summary": (
                "Recevoir sans délai, faire émerger des postes réalistes, s'engager "
                "réciproquement pour deux mois par la période d'engagement réciproque (PER), "
                "préparer l'entretien et la prise de poste."
            ),
            "objectives": (
                "<ul><li>Conduire un premier accueil qui débouche sur au moins trois postes "
                "réalistes.</li><li>Rédiger et signer une PER avec la personne, puis en faire le "
                "bilan.</li><li>Préparer la personne à un entretien précis, dans une entreprise "
                "précise.</li><li>Lever avec elle les obstacles pratiques avant le premier "
                "jour.</li></ul>"
            ),
            "programme": (
                "<p><b>Matin</b> : l'accueil, de la porte au premier poste proposé ; "
                "analyse d'enregistrements d'accueils (avec l'accord des personnes).</p>"
                "<p><b>Après-midi</b> : écrire une PER à deux ; le bilan tripartite ; "
                "préparer un entretien en trente minutes.</p>"
            ),
            "assignment_text": (
                "<p>Chaque structure rédige deux PER avec des personnes qu'elle accompagne et "
                "rend compte d'un premier accueil conduit selon la méthode.</p>"
            ),
        },
        "en": {
            "title": "Supporting job seekers, in particular through the PER",
            "summary": (
                "Welcoming people without delay, bringing out realistic jobs, committing to each "
                "other for two months through the reciprocal commitment period (PER), preparing "
                "the interview and the start in the job."
            ),
            "objectives": (
                "<ul><li>Hold a first welcome interview that leads to at least three realistic "
                "jobs.</li><li>Write and sign a PER with the person, then review it.</li><li>"
                "Prepare the person for a specific interview, in a specific company.</li><li>"
                "Remove practical obstacles with them before the first day.</li></ul>"
            ),
            "programme": (
                "<p><b>Morning</b>: the welcome, from the door to the first job offered; "
                "analysis of recorded welcome interviews (with the people's consent).</p><p><b>"
                "Afternoon</b>: writing a PER together; the three-way review; preparing an "
                "interview in thirty minutes.</p>"
            ),
            "assignment_text": (
                "<p>Each organisation writes two PERs with people it supports and reports on a "
                "first welcome interview held according to the method.</p>"
            ),
        },
        "resources": [
            _resource(
                "module-3-per-commentee.pdf",
                {
                    "title": "Une PER commentée",
                    "description": "Un exemple fictif, annoté par un expert d'A.CO.R.",
                },
                {
                    "title": "An annotated PER",
                    "description": "A fictional example, annotated by an A.CO.R expert.",
                },
                [
                    (
                        "La situation",
                        "Mme D., 47 ans, sans emploi depuis trois ans, cherche un poste "
                        "d'agente de production près de chez elle. Trois postes réalistes ont "
                        "émergé à l'accueil.",
                    ),
                    (
                        "Les engagements",
                        "Elle s'engage à venir chaque semaine et à accepter deux visites "
                        "d'entreprise ; le chargé de relation entreprises s'engage à lui "
                        "proposer au moins une offre par quinzaine.",
                    ),
                ],
            ),
            _resource(
                "module-3-preparer-un-entretien.pdf",
                {
                    "title": "Préparer un entretien en trente minutes",
                    "description": "Le déroulé d'une préparation, minute par minute.",
                },
                {
                    "title": "Preparing an interview in thirty minutes",
                    "description": "The course of a preparation, minute by minute.",
                },
                [
                    (
                        "Dix minutes sur l'entreprise",
                        "Ce qu'elle fait, qui recevra la personne, ce que le poste demande "
                        "vraiment.",
                    ),
                    (
                        "Vingt minutes sur la personne",
                        "Ce qu'elle peut mettre en avant, les questions qu'elle redoute, le "
                        "trajet et l'heure d'arrivée.",
                    ),
                ],
            ),
        ],
        "assignment": {
            "title": "Deux PER et un accueil",
            "due_in_days": 6,
            "instructions": (
                "### Ce qui est attendu\n\n"
                "1. Rédigez **deux PER** avec des personnes que vous accompagnez (anonymisées : "
                "initiales seulement).\n"
                "2. Racontez un **premier accueil** conduit selon la fiche 1 : combien de temps, "
                "quels postes ont émergé, ce qui a résisté.\n\n"
                "> Ne joignez aucun document d'identité ni aucune information de santé."
            ),
        },
    },
    {
        "number": 4,
        "slug": "croisement-des-offres-et-des-personnes",
        "sheets": [12, 3],
        "fr": {
            "title": "Le croisement des offres et des personnes",
            "summary": (
                "Rapprocher chaque offre captée des personnes suivies par toute l'équipe, à "
                "partir de leurs goûts et de leurs compétences plutôt que de leurs CV, puis "
                "proposer le poste à une seule personne."
            ),
            "objectives": (
                "<ul><li>Tenir un fichier commun des offres et des personnes.</li><li>Croiser "
                "en équipe, chaque semaine, à partir d'une grille partagée.</li><li>Proposer "
                "l'offre à une seule personne et la présenter soi-même à "
                "l'employeur.</li><li>Expliquer un choix à l'employeur comme à la "
                "personne.</li></ul>"
            ),
            "programme": (
                "<p><b>Matin</b> : atelier de croisement sur des offres et des profils "
                "fictifs ; ce que change « une offre = une personne ».</p>"
                "<p><b>Après-midi</b> : présenter une candidature par téléphone ; "
                "organiser le croisement dans la réunion du lundi.</p>"
            ),
            "assignment_text": (
                "<p>Chaque structure conduit quatre croisements en réunion d'équipe et rend "
                "compte des propositions faites et de leurs suites.</p>"
            ),
        },
        "en": {
            "title": "Matching vacancies and people",
            "summary": (
                "Bringing each vacancy secured together with the people supported by the whole "
                "team, based on their tastes and skills rather than their CVs, then offering the "
                "job to one person only."
            ),
            "objectives": (
                "<ul><li>Keep a shared file of vacancies and people.</li><li>Match as a team, "
                "every week, using a shared grid.</li><li>Offer the vacancy to one person only "
                "and present them to the employer oneself.</li><li>Explain a choice to the "
                "employer as well as to the person.</li></ul>"
            ),
            "programme": (
                "<p><b>Morning</b>: matching workshop on fictional vacancies and profiles; what "
                "“one vacancy = one person” changes.</p><p><b>Afternoon</b>: presenting a "
                "candidate by phone; organising matching in the Monday meeting.</p>"
            ),
            "assignment_text": (
                "<p>Each organisation carries out four matchings in its team meeting and reports "
                "the offers made and what came of them.</p>"
            ),
        },
        "resources": [
            _resource(
                "module-4-atelier-de-croisement.pdf",
                {
                    "title": "Cas pratiques pour l'atelier de croisement",
                    "description": "Six offres et dix personnes, toutes fictives.",
                },
                {
                    "title": "Case studies for the matching workshop",
                    "description": "Six vacancies and ten people, all fictional.",
                },
                [
                    (
                        "Les offres",
                        "Aide-boulangère à temps partiel, manutentionnaire en CDD de trois mois, "
                        "agent d'entretien des espaces verts, vendeuse en quincaillerie…",
                    ),
                    (
                        "La consigne",
                        "Pour chaque offre, une seule personne : dites pourquoi elle, et ce "
                        "que vous direz aux autres.",
                    ),
                ],
            ),
        ],
        "assignment": {
            "title": "Quatre croisements en équipe",
            "due_in_days": 24,
            "instructions": (
                "### Ce qui est attendu\n\n"
                "- Conduisez **quatre croisements** lors de vos réunions d'équipe du lundi.\n"
                "- Pour chacun : l'offre, la personne retenue, pourquoi elle, la suite donnée.\n"
                "- Dites ce que l'employeur et la personne ont répondu."
            ),
        },
    },
    {
        "number": 5,
        "slug": "transformation-de-la-structure",
        "sheets": [13, 12],
        "fr": {
            "title": "La transformation de la structure",
            "summary": (
                "Installer la méthode dans la durée : une équipe de chargés de relation "
                "entreprises qui partagent leurs contacts, une réunion chaque lundi, des "
                "objectifs de résultat, et une direction qui porte le changement."
            ),
            "objectives": (
                "<ul><li>Décrire l'organisation cible de l'équipe et les étapes pour y "
                "arriver.</li><li>Rédiger les lettres de mission des chargés de relation "
                "entreprises.</li><li>Installer la réunion du lundi et le tableau de bord de "
                "l'équipe.</li><li>Préparer avec la direction et les financeurs la suite de "
                "l'essaimage.</li></ul>"
            ),
            "programme": (
                "<p><b>Matin</b> : ce qui a déjà changé dans chaque structure ; les "
                "résistances rencontrées et comment les lever.</p><p><b>Après-midi</b> : "
                "construire sa feuille de route à neuf mois ; préparer l'évaluation à trois "
                "mois et la journée nationale d'échange.</p>"
            ),
            "assignment_text": (
                "<p>Chaque structure présente à sa direction une feuille de route à neuf mois "
                "et la partage avec les autres structures lors de la journée nationale "
                "d'échange.</p>"
            ),
        },
        "en": {
            "title": "Transforming the organisation",
            "summary": (
                "Making the method last: a team of company relations officers who share their "
                "contacts, a meeting every Monday, result targets, and a management that carries "
                "the change."
            ),
            "objectives": (
                "<ul><li>Describe the team's target organisation and the steps to get "
                "there.</li><li>Write the mission letters of the company relations "
                "officers.</li><li>Set up the Monday meeting and the team's dashboard.</li><li>"
                "Prepare the next stage of the swarming with management and funders.</li></ul>"
            ),
            "programme": (
                "<p><b>Morning</b>: what has already changed in each organisation; the "
                "resistance met and how to overcome it.</p><p><b>Afternoon</b>: building one's "
                "nine-month roadmap; preparing the three-month evaluation and the national "
                "exchange day.</p>"
            ),
            "assignment_text": (
                "<p>Each organisation presents a nine-month roadmap to its management and shares "
                "it with the other organisations at the national exchange day.</p>"
            ),
        },
        "resources": [
            _resource(
                "module-5-feuille-de-route.pdf",
                {
                    "title": "Trame de feuille de route à neuf mois",
                    "description": "Organisation cible, étapes, indicateurs et échéances.",
                },
                {
                    "title": "Nine-month roadmap template",
                    "description": "Target organisation, steps, indicators and deadlines.",
                },
                [
                    (
                        "L'organisation cible",
                        "Combien de chargés de relation entreprises, quel portefeuille "
                        "d'entreprises pour chacun, quelle place pour la réunion du lundi.",
                    ),
                    (
                        "Les étapes",
                        "Ce qui change dans les trois prochains mois, puis à six et neuf "
                        "mois ; qui décide, qui finance, qui suit.",
                    ),
                ],
            ),
        ],
        "assignment": None,
    },
]

RESOURCES_COLLECTION = "Ressources de la formation-action"

#: Fictional structures joining the 2026 season beside Tremplin Béarn and Val de Loire.
#: (name, kind, city, postal code, département, hypothesis, prescriber, people)
#: people: (e-mail, first name, last name, season role, joined days after the structure)
EXTRA_STRUCTURES = [
    (
        "Parcours Emploi Cornouaille",
        "operator",
        "Quimper",
        "29000",
        "29",
        "A",
        "Département du Finistère",
        [
            ("gaelle.le-goff@exemple.test", "Gaëlle", "Le Goff", "referent", 0),
            ("yannick.kerjean@exemple.test", "Yannick", "Kerjean", "participant", 0),
            ("maiwenn.tanguy@exemple.test", "Maïwenn", "Tanguy", "participant", 0),
        ],
    ),
    (
        "Communauté de communes des Hautes-Vignes",
        "collectivite",
        "Limoux",
        "11300",
        "11",
        "B",
        "",
        [
            ("denis.roques@exemple.test", "Denis", "Roques", "referent", 0),
            ("amandine.salvat@exemple.test", "Amandine", "Salvat", "participant", 0),
        ],
    ),
    (
        "Atout Emploi Rhône Sud",
        "operator",
        "Vienne",
        "38200",
        "38",
        "A",
        "Département de l'Isère",
        [
            ("samir.haddad@exemple.test", "Samir", "Haddad", "referent", 0),
            # Joined after the first session: not counted absent from it.
            ("lucie.perrin@exemple.test", "Lucie", "Perrin", "participant", 40),
        ],
    ),
    (
        "Ville de Bourg-Sainte-Aline",
        "collectivite",
        "Bourg-Sainte-Aline",
        "45300",
        "45",
        "B",
        "",
        [("odile.brunet@exemple.test", "Odile", "Brunet", "referent", 0)],
    ),
]

#: The season's sessions: (key, kind, module number, days from today, start, end, place,
#: address, online link, expert e-mails). Modules 1–3 are held; the rest is to come.
SESSIONS = [
    (
        "module-1",
        "collective",
        1,
        -80,
        "9:30",
        "17:00",
        "paris",
        "Maison des associations, 12 rue des Tanneurs, 75011 Paris",
        "",
        ["expert1@essaim.test"],
    ),
    (
        "module-2",
        "collective",
        2,
        -50,
        "9:30",
        "17:00",
        "pau",
        "A.CO.R, 8 avenue des Lauriers, 64000 Pau",
        "",
        ["expert1@essaim.test"],
    ),
    (
        "module-3",
        "collective",
        3,
        -20,
        "9:30",
        "12:30",
        "online",
        "",
        "https://visio.exemple.test/essaim-2026-module-3",
        ["expert2@essaim.test"],
    ),
    (
        "module-4",
        "collective",
        4,
        10,
        "9:30",
        "17:00",
        "paris",
        "Maison des associations, 12 rue des Tanneurs, 75011 Paris",
        "",
        ["expert2@essaim.test"],
    ),
    (
        "visite-tremplin",
        "site_visit",
        None,
        24,
        "10:00",
        "16:00",
        "territory",
        "Association Tremplin Béarn, 12 rue des Tisserands, 64300 Orthez",
        "",
        ["expert1@essaim.test", "expert3@essaim.test"],
    ),
    (
        "module-5",
        "collective",
        5,
        40,
        "9:30",
        "17:00",
        "paris",
        "Maison des associations, 12 rue des Tanneurs, 75011 Paris",
        "",
        ["expert3@essaim.test"],
    ),
]

SESSION_TITLES = {
    "visite-tremplin": "Visite de l'équipe de Tremplin Béarn à Orthez",
    "exchange-day": "Journée nationale d'échange de la saison",
}

EXCHANGE_DAY_ADDRESS = "Maison des associations, 12 rue des Tanneurs, 75011 Paris"

#: Module leads: expert e-mail → module numbers.
MODULE_LEADS = {
    "expert1@essaim.test": [1, 2],
    "expert2@essaim.test": [3, 4],
    "expert3@essaim.test": [5],
}
