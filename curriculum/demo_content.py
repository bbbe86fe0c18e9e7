"""Demo content of the reference framework.

« Repères et outils pour créer des opportunités d'emploi », written fresh for Essaim from
the facts of the domain brief. The people in the examples are fictional. Pure data, no Django
imports.
"""

# Non-breaking spaces are written as \u00a0 (French typography).


def _entry(title: str, text: str) -> dict[str, str]:
    """A titled text: a step of the déroulé or an example of a work situation."""
    return {"title": title, "text": text}


def _tool(title: str, description: str) -> dict[str, str]:
    """A tool of a sheet; the demo loader generates the document itself."""
    return {"title": title, "description": description}


FRAMEWORK = {
    "title": "Repères et outils pour créer des opportunités d'emploi",
    "intro": (
        "Ce référentiel décrit, geste par geste, la méthode «\u00a0Opportunités emploi\u00a0» "
        "conçue par A.CO.R\u00a0: des chargés de relation entreprises qui vont chercher les "
        "offres auprès des entreprises du territoire et qui accompagnent chaque chercheur "
        "d'emploi jusqu'au poste, puis dans le poste. Il réunit quatre principes d'action et "
        "treize fiches, réparties entre le travail avec les personnes, le travail avec les "
        "entreprises et l'organisation de l'équipe."
    ),
    "access_text": (
        "Chacun peut consulter ici le résumé des fiches et les principes sur lesquels elles "
        "reposent. Le contenu complet (déroulés, postures, grilles d'entretien, modèles et "
        "exemples) est réservé aux structures engagées dans une saison d'essaimage du programme, "
        "ainsi qu'aux équipes d'A.CO.R et de l'Ansa. Pour y accéder, votre structure peut "
        "répondre à l'appel à territoires candidats de la prochaine saison."
    ),
}

FIRST_EDITION = {
    "name": "Édition 2026",
    "slug": "2026",
    "changelog": (
        "<p>Première édition mise en ligne dans Essaim, avant la saison d'essaimage 2027.</p>"
        "<ul><li>Les treize fiches sont rangées selon deux axes de travail et un volet "
        "transversal, chacune reliée aux principes d'action qu'elle mobilise.</li>"
        "<li>Chaque fiche comporte désormais un résumé public, des indicateurs de suivi et les "
        "outils à télécharger.</li>"
        "<li>Les exemples de situations de travail ont été réécrits à partir des questions "
        "posées pendant les saisons précédentes.</li></ul>"
    ),
}

PRINCIPLES = [
    {
        "letter": "A",
        "title": "«\u00a0Aller vers\u00a0» les entreprises",
        "summary": (
            "Les offres ne s'attendent pas\u00a0: les chargés de relation entreprises se "
            "déplacent, appellent et reviennent vers les employeurs du territoire. La relation se "
            "construit dans la durée, sur la confiance et la franchise."
        ),
        "strategic_impact": "strong",
        "operational_impact": "weak",
        "description": (
            "<p>Au quotidien, «\u00a0aller vers\u00a0» signifie que l'essentiel des offres "
            "traitées par l'équipe a été obtenu par un contact direct\u00a0: une visite, un "
            "appel, un passage chez un artisan ou dans une PME du bassin. Le chargé de relation "
            "entreprises écoute d'abord le besoin du dirigeant, comprend le poste, les horaires, "
            "l'ambiance de travail, et revient régulièrement, même lorsqu'aucun recrutement n'est "
            "en vue. Il ne cache jamais que les personnes qu'il présente viennent d'un parcours "
            "d'insertion\u00a0: c'est cette transparence qui rend la relation solide.</p>"
            "<p>Pour une structure qui adopte la méthode, ce principe engage surtout ses choix "
            "stratégiques\u00a0: il faut accepter que les professionnels passent une grande "
            "partie de leur temps hors du bureau, et que la valeur de la structure se mesure "
            "aussi à la qualité de son fichier d'entreprises.</p>"
            "<p>Le principe est rompu lorsque l'équipe se contente des offres déjà publiées, "
            "qu'elle envoie des courriels groupés en guise de prospection, qu'elle démarche "
            "directement les grands groupes dotés de leur propre service de recrutement, ou "
            "qu'elle tait le profil des candidats pour «\u00a0placer\u00a0» plus vite.</p>"
        ),
    },
    {
        "letter": "B",
        "title": "Une offre = une personne",
        "summary": (
            "Face à chaque poste, une seule candidature est présentée. Deux chercheurs d'emploi "
            "ne sont jamais mis en concurrence et aucun CV n'est transmis\u00a0: c'est le chargé "
            "de relation entreprises qui présente la personne."
        ),
        "strategic_impact": "strong",
        "operational_impact": "weak",
        "description": (
            "<p>Dans la pratique, lorsqu'une offre est captée, l'équipe choisit la personne dont "
            "les goûts et les compétences correspondent le mieux au poste, et elle seule est "
            "proposée. Tant que l'entretien n'a pas eu lieu et que la réponse n'est pas connue, "
            "l'offre est réservée\u00a0: personne d'autre ne se positionne dessus. Si la "
            "rencontre n'aboutit pas, une autre personne peut être présentée, jamais en même "
            "temps.</p>"
            "<p>Ce principe protège les personnes d'une sélection où elles partiraient perdantes, "
            "et il engage le chargé de relation entreprises\u00a0: en présentant une seule "
            "candidature, il met sa crédibilité en jeu auprès de l'employeur. Il suppose une "
            "décision claire de la direction, car il va à l'encontre des habitudes de nombreux "
            "services d'emploi.</p>"
            "<p>Le principe est rompu dès que plusieurs profils sont envoyés «\u00a0pour laisser "
            "le choix\u00a0», qu'un CV sert de porte d'entrée, qu'une offre est diffusée à tout "
            "le fichier, ou que deux collègues positionnent chacun une personne sur le même "
            "poste.</p>"
        ),
    },
    {
        "letter": "C",
        "title": "Une démarche réaliste, réactive et réalisable",
        "summary": (
            "Les objectifs d'emploi partent des goûts, des compétences et du parcours réel de "
            "chaque personne, confrontés aux offres du territoire. L'équipe répond vite, à chaque "
            "étape, pour que les occasions ne se perdent pas."
        ),
        "strategic_impact": "weak",
        "operational_impact": "weak",
        "description": (
            "<p>Réaliste, c'est viser des postes qui existent dans le bassin et qui sont "
            "cohérents avec ce que la personne a déjà fait ou sait faire\u00a0: dès l'accueil, au "
            "moins trois postes cibles sont identifiés. Réalisable, c'est fixer des actions que "
            "chacun peut tenir dans les deux mois d'une période d'engagement. Réactive, c'est "
            "informer dans la journée, relancer sans attendre après un entretien, et utiliser le "
            "SMS pour que rien ne reste en suspens.</p>"
            "<p>Ce principe touche peu l'organisation de la structure, mais il se joue dans "
            "chaque entretien et chaque échange\u00a0: c'est une discipline de tous les jours, "
            "qui ne demande pas de réforme mais de la constance.</p>"
            "<p>Il est rompu lorsque l'accompagnement s'enlise dans un projet idéal sans débouché "
            "local, lorsque l'on attend que tous les «\u00a0freins\u00a0» soient levés avant de "
            "parler d'emploi, ou lorsqu'un retour d'entretien reste plusieurs jours sans "
            "suite.</p>"
        ),
    },
    {
        "letter": "D",
        "title": "Une équipe de chargés de relation entreprises",
        "summary": (
            "La méthode est portée par une équipe de chargés de relation entreprises qui "
            "travaillent à la fois avec les personnes et avec les employeurs, mettent leurs "
            "contacts en commun et partagent une culture des résultats."
        ),
        "strategic_impact": "strong",
        "operational_impact": "strong",
        "description": (
            "<p>Chaque chargé de relation entreprises mène de front les deux axes\u00a0: il "
            "accompagne une file active de personnes et il prospecte les entreprises. Il n'existe "
            "ni portefeuille réservé, ni découpage par secteur\u00a0: les contacts, les offres et "
            "les situations sont partagés, notamment lors de la réunion d'équipe du lundi. Les "
            "recrutements se font sur la motivation, souvent parmi des profils issus du secteur "
            "privé, et chacun signe une lettre de mission qui fixe des objectifs de résultat.</p>"
            "<p>C'est le principe qui transforme le plus une structure\u00a0: il touche les "
            "fiches de poste, l'organisation du travail, les outils de suivi, le management et le "
            "dialogue avec le prescripteur. Il se prépare donc avec la direction et se suit dans "
            "la durée.</p>"
            "<p>Il est rompu lorsque l'on sépare des «\u00a0conseillers\u00a0» qui accompagnent "
            "et des «\u00a0chargés entreprises\u00a0» qui prospectent, lorsque chacun garde ses "
            "offres pour ses propres personnes, ou lorsque l'activité se mesure au nombre de "
            "rendez-vous tenus plutôt qu'aux retours à l'emploi.</p>"
        ),
    },
]

AXES = {
    "job_seeker": "Avec le chercheur d'emploi",
    "companies": "Avec les entreprises",
    "cross_cutting": "Transversal",
}

SHEETS = [
    {
        "number": 1,
        "slug": "accueil",
        "title": "L'accueil",
        "axis": "job_seeker",
        "principles": ["C", "D"],
        "summary": (
            "Toute personne qui pousse la porte est reçue sans délai par un chargé de relation "
            "entreprises. Ce premier entretien fait émerger au moins trois postes réalistes, "
            "présente clairement le cadre de l'accompagnement et se conclut par la signature "
            "d'une première période d'engagement réciproque."
        ),
        "objectives": [
            (
                "Recevoir chaque nouvelle personne le jour même, sans la renvoyer vers un "
                "rendez-vous ultérieur."
            ),
            (
                "Faire émerger, à partir des goûts et des compétences, au moins trois postes "
                "cibles cohérents avec le marché local."
            ),
            (
                "Expliquer le cadre de l'accompagnement pour que la personne s'y engage en "
                "connaissance de cause."
            ),
            "Conclure par la signature d'une première période d'engagement réciproque.",
        ],
        "steps": [
            _entry(
                "Recevoir sans attendre",
                "Le premier chargé disponible interrompt ce qu'il fait et accueille la personne. "
                "Aucune tâche n'est prioritaire sur un accueil, même en l'absence de standard ou "
                "d'agent d'accueil.",
            ),
            _entry(
                "Installer l'échange",
                "Dans un espace calme, le chargé se présente, explique qu'il travaille chaque "
                "jour avec des entreprises du territoire et demande à la personne ce qui l'amène. "
                "Le ton est direct et professionnel, centré sur l'emploi.",
            ),
            _entry(
                "Explorer goûts, compétences et expériences",
                "Par une écoute active, le chargé fait parler la personne de ce qu'elle a fait, "
                "de ce qu'elle aime faire et de ce qu'elle sait faire, y compris hors emploi "
                "salarié. Il note les contraintes réelles (mobilité, horaires, garde d'enfants) "
                "sans en faire un préalable.",
            ),
            _entry(
                "Arrêter au moins trois postes cibles",
                "Ensemble, ils retiennent au moins trois postes qui correspondent aux envies de "
                "la personne et qui existent dans le bassin d'emploi. Le chargé s'appuie sur sa "
                "connaissance des entreprises du fichier pour vérifier le réalisme de chaque "
                "piste.",
            ),
            _entry(
                "Présenter le cadre",
                "Le chargé explique le fonctionnement\u00a0: une offre proposée à une seule "
                "personne, pas de CV envoyé, des échanges fréquents par SMS, une période "
                "d'engagement de deux mois renouvelable. Il vérifie que la personne a compris et "
                "qu'elle adhère.",
            ),
            _entry(
                "Signer la première PER",
                "L'accueil se termine par la rédaction et la signature de la première période "
                "d'engagement réciproque, avec une première action pour chacun. La fiche de la "
                "personne est créée le jour même dans le logiciel de suivi.",
            ),
        ],
        "posture": (
            "<p>L'accueil donne le ton de tout l'accompagnement. La personne arrive souvent après "
            "de longues années de démarches sans résultat\u00a0: elle doit sentir, dès la "
            "première heure, que l'on parle ici de travail concret et que l'on s'engage avec "
            "elle.</p>"
            "<ul>"
            "<li>Ne pas commencer par un diagnostic des difficultés\u00a0: on part de ce que la "
            "personne sait et aime faire. Les obstacles sont notés, ils ne servent pas de "
            "filtre.</li><li>Ne pas demander de CV\u00a0: il n'est pas nécessaire pour travailler "
            "ensemble.</li><li>Rester réaliste sans décourager\u00a0: un projet éloigné du marché "
            "local peut être conservé comme horizon, mais les trois postes cibles doivent être "
            "accessibles rapidement.</li><li>Parler vrai sur le cadre, y compris sur ce qui est "
            "attendu de la personne.</li><li>Éviter de renvoyer vers «\u00a0le collègue qui "
            "s'occupe des accueils\u00a0»\u00a0: tout chargé de relation entreprises "
            "accueille.</li></ul>"
            "<p>Point de vigilance\u00a0: un accueil qui se termine sans PER signée est un "
            "accueil inachevé. Si la personne hésite, on fixe un nouveau rendez-vous dans la "
            "semaine plutôt que de laisser la démarche en suspens.</p>"
        ),
        "tools": [
            _tool(
                "Grille d'entretien d'accueil",
                "Une trame de questions ouvertes pour explorer expériences, goûts, compétences et "
                "contraintes, et arrêter les trois postes cibles.",
            ),
            _tool(
                "Fiche de présentation du cadre d'accompagnement",
                "Un document d'une page, remis à la personne, qui résume les règles du jeu et les "
                "engagements de chacun.",
            ),
        ],
        "situations": [
            _entry(
                "Un accueil un jour de réunion",
                "Nadia se présente un lundi matin, pendant la réunion d'équipe, orientée par sa "
                "référente RSA. Thomas quitte la réunion pour la recevoir. Au bout d'une heure, "
                "ils ont retenu trois postes (employée de restauration collective, agent de "
                "conditionnement, aide en cuisine) et signé une PER.",
            ),
            _entry(
                "Un projet éloigné du marché local",
                "Karim souhaite devenir moniteur d'équitation, sans expérience ni diplôme dans ce "
                "domaine. Léa garde ce souhait en perspective, mais l'aide à nommer des postes "
                "proches et disponibles localement\u00a0: soigneur en élevage, ouvrier agricole, "
                "agent d'entretien d'espaces verts. Karim accepte de commencer par ces pistes.",
            ),
        ],
        "indicators": [
            "Délai entre l'orientation de la personne et son premier accueil",
            "Part des accueils conclus par la signature d'une PER",
            "Délai entre l'accueil et le premier contrat de travail",
        ],
        "related": [2, 12],
    },
    {
        "number": 2,
        "slug": "periode-engagement-reciproque",
        "title": "La période d'engagement réciproque (PER)",
        "axis": "job_seeker",
        "principles": ["C", "D"],
        "summary": (
            "La PER est un plan d'action écrit et signé par la personne et son chargé de relation "
            "entreprises pour deux mois. Elle peut être renouvelée jusqu'à trois périodes, soit "
            "six mois au plus, et donne lieu à au moins une rencontre par période."
        ),
        "objectives": [
            (
                "Formaliser des engagements concrets et partagés, pour la personne comme pour le "
                "chargé."
            ),
            (
                "Donner un rythme à l'accompagnement sans l'enfermer dans un calendrier de "
                "rendez-vous."
            ),
            (
                "Rendre visible le travail fait pour la personne, notamment les entreprises "
                "contactées."
            ),
            (
                "Organiser un bilan tripartite avec le prescripteur si aucune solution n'a abouti "
                "au bout de six mois."
            ),
        ],
        "steps": [
            _entry(
                "Rédiger le plan d'action",
                "Le chargé et la personne écrivent ensemble les objectifs des deux mois à venir "
                "et les actions de chacun\u00a0: par exemple, pour la personne, repérer des "
                "entreprises dans ses secteurs cibles\u00a0; pour le chargé, en démarcher cinq en "
                "son nom.",
            ),
            _entry(
                "Signer et remettre un exemplaire",
                "Les deux signatures engagent réciproquement. La personne repart avec son "
                "exemplaire et la date limite de la période.",
            ),
            _entry(
                "Se prévenir de la première action accomplie",
                "Le premier des deux qui réalise une action engageante en informe l'autre, le "
                "plus souvent par SMS. Cette règle simple installe l'habitude d'échanger dans les "
                "deux sens.",
            ),
            _entry(
                "Se rencontrer dès qu'il y a du nouveau",
                "Chaque avancée (offre captée, contact obtenu, démarche réalisée) donne lieu à "
                "une rencontre. Il n'y a pas de rythme fixe, mais au moins un rendez-vous par "
                "période.",
            ),
            _entry(
                "Faire le point à l'échéance",
                "À la fin des deux mois, le chargé et la personne relisent le plan, regardent ce "
                "qui a été fait de part et d'autre, et signent une nouvelle PER si aucun emploi "
                "n'a été trouvé. Trois périodes au plus se succèdent.",
            ),
            _entry(
                "Organiser le bilan tripartite",
                "Si rien n'a abouti au terme des six mois, un échange réunit la personne, le "
                "chargé et un représentant du prescripteur pour comprendre ce qui bloque et "
                "décider de la suite.",
            ),
        ],
        "posture": (
            "<p>La PER n'est pas un contrat d'insertion de plus\u00a0: c'est un outil de travail "
            "court et concret, qui engage autant le professionnel que la personne. Sa force tient "
            "à la réciprocité.</p>"
            "<ul>"
            "<li>Écrire des actions précises, datées et vérifiables\u00a0; bannir les formules "
            "vagues comme «\u00a0rechercher activement un emploi\u00a0».</li><li>Inscrire aussi "
            "les engagements du chargé, et les tenir\u00a0: ce sont eux qui donnent sa valeur au "
            "document.</li><li>Rendre compte de ce qui a été fait\u00a0: nommer les entreprises "
            "démarchées, expliquer leurs réponses, même négatives.</li><li>Ne pas transformer la "
            "PER en agenda de rendez-vous obligatoires\u00a0: on se voit parce qu'il y a quelque "
            "chose à partager.</li><li>Préparer le bilan tripartite comme une recherche de "
            "solution, pas comme un constat d'échec de la personne.</li></ul>"
            "<p>Point de vigilance\u00a0: une PER renouvelée à l'identique signale un "
            "accompagnement qui tourne en rond. À chaque renouvellement, les postes cibles et les "
            "actions doivent être réinterrogés.</p>"
        ),
        "tools": [
            _tool(
                "Modèle de période d'engagement réciproque",
                "Un formulaire de deux pages\u00a0: postes cibles, engagements de la personne, "
                "engagements du chargé, dates de début et de fin, signatures.",
            ),
            _tool(
                "Trame du bilan tripartite",
                "Un déroulé de réunion avec le prescripteur\u00a0: rappel du parcours, actions "
                "menées, blocages identifiés et décision partagée sur la suite.",
            ),
        ],
        "situations": [
            _entry(
                "Le chargé prend les devants",
                "Dans la PER de Sylvie, Julien s'était engagé à contacter trois boulangeries du "
                "quartier. Dès le lendemain, l'une d'elles évoque un besoin de vendeuse le "
                "week-end. Julien envoie un SMS à Sylvie et la rencontre le jour suivant pour "
                "préparer la suite.",
            ),
            _entry(
                "Six mois sans résultat",
                "Après trois PER, Patrick n'a obtenu aucun entretien. Le bilan tripartite avec sa "
                "référente du département fait apparaître un problème de santé jamais évoqué. "
                "Ensemble, ils réorientent les postes cibles vers des emplois sans port de "
                "charges.",
            ),
        ],
        "indicators": [
            "Nombre moyen de PER signées avant le premier contrat",
            (
                "Part des personnes en emploi à l'issue de la première, de la deuxième et de la "
                "troisième PER"
            ),
            "Nombre de bilans tripartites organisés et suites décidées",
        ],
        "related": [1, 3, 12],
    },
    {
        "number": 3,
        "slug": "proposition-de-poste",
        "title": "La proposition de poste",
        "axis": "job_seeker",
        "principles": ["B", "A"],
        "summary": (
            "Chaque offre captée est proposée à une seule personne, sans CV et sans mise en "
            "concurrence. Le chargé de relation entreprises qui a obtenu l'offre la présente "
            "lui-même, et l'offre reste réservée le temps de l'entretien."
        ),
        "objectives": [
            "Appliquer strictement la règle «\u00a0une offre = une personne\u00a0».",
            "Présenter le poste avec précision, grâce à la connaissance directe de l'entreprise.",
            "Recueillir l'accord explicite de la personne avant toute présentation à l'employeur.",
            "Préserver la confiance de l'entreprise en lui présentant une candidature pertinente.",
        ],
        "steps": [
            _entry(
                "Choisir la personne",
                "À partir du croisement entre l'offre et les personnes suivies par toute "
                "l'équipe, une seule personne est retenue. À compétences égales, la priorité va à "
                "celle qui est la plus éloignée de l'emploi.",
            ),
            _entry(
                "Réserver l'offre",
                "L'offre est signalée comme réservée dans le logiciel de suivi\u00a0: aucun autre "
                "chargé ne peut la proposer tant que la réponse de l'entreprise n'est pas connue.",
            ),
            _entry(
                "Prévenir la personne",
                "Un SMS annonce qu'une offre l'attend, suivi d'un appel pour fixer une rencontre "
                "rapide avec le chargé qui a capté l'offre, même s'il n'est pas son interlocuteur "
                "habituel.",
            ),
            _entry(
                "Présenter le poste",
                "Le chargé décrit l'entreprise, le dirigeant, les missions, les horaires, le "
                "lieu, le type de contrat et ce qu'il a perçu de l'ambiance de travail. Il répond "
                "aux questions sans enjoliver.",
            ),
            _entry(
                "Recueillir l'accord",
                "La personne accepte ou refuse en connaissance de cause. Un refus argumenté n'est "
                "pas une faute\u00a0: il éclaire les prochaines propositions.",
            ),
            _entry(
                "Présenter la personne à l'employeur",
                "Le chargé appelle l'entreprise, présente la personne oralement, sans CV, en "
                "mettant en avant ses compétences et sa motivation, et convient d'une date "
                "d'entretien.",
            ),
        ],
        "posture": (
            "<p>Proposer un poste, c'est engager à la fois la personne et la crédibilité de "
            "l'équipe auprès de l'entreprise. La règle «\u00a0une offre = une personne\u00a0» ne "
            "souffre pas d'exception\u00a0: c'est elle qui distingue la méthode d'une diffusion "
            "d'offres.</p>"
            "<ul>"
            "<li>Ne jamais proposer la même offre à deux personnes, même «\u00a0au cas où\u00a0» "
            "la première ne se présenterait pas.</li><li>Ne pas envoyer de CV à l'employeur, même "
            "s'il le demande\u00a0: proposer à la place une rencontre, et expliquer "
            "pourquoi.</li><li>Dire à l'entreprise que la personne vient d'un parcours "
            "d'insertion, sans détailler sa situation personnelle.</li><li>Ne pas garder une "
            "offre pour «\u00a0ses\u00a0» personnes\u00a0: le chargé qui capte l'offre la "
            "présente, mais la personne retenue peut être suivie par un collègue.</li><li>Ne pas "
            "forcer une acceptation\u00a0: une prise de poste subie échoue souvent dans les "
            "premières semaines.</li></ul>"
            "<p>Point de vigilance\u00a0: la réservation de l'offre doit rester courte. Si "
            "l'entretien tarde, le chargé relance l'entreprise pour éviter qu'elle ne recrute par "
            "un autre canal.</p>"
        ),
        "tools": [
            _tool(
                "Fiche de poste captée",
                "Un modèle pour noter, lors de la captation, tout ce qui permettra de présenter "
                "le poste avec justesse\u00a0: missions, conditions, interlocuteur, attentes "
                "implicites.",
            ),
            _tool(
                "Trame de présentation téléphonique d'une candidature",
                "Quelques repères pour présenter oralement une personne à un employeur en deux "
                "minutes, sans CV.",
            ),
        ],
        "situations": [
            _entry(
                "Une offre captée par une collègue",
                "Camille a obtenu un poste de cariste dans une entreprise de négoce. Au "
                "croisement, l'équipe retient Mehdi, suivi par Antoine. Camille rencontre Mehdi "
                "le jour même, lui présente l'entreprise qu'elle connaît bien, puis appelle le "
                "gérant pour organiser l'entretien.",
            ),
            _entry(
                "L'employeur réclame des CV",
                "Un gérant de supérette demande trois CV pour choisir. Hugo lui explique qu'il ne "
                "présente qu'une personne, qu'il a choisie pour ce poste, et lui propose de la "
                "recevoir vingt minutes. Le gérant accepte et embauche Fatou en CDD.",
            ),
        ],
        "indicators": [
            "Nombre d'offres proposées selon la règle «\u00a0une offre = une personne\u00a0»",
            "Part des propositions suivies d'un entretien",
            "Part des propositions acceptées par l'entreprise",
        ],
        "related": [12, 4, 8],
    },
    {
        "number": 4,
        "slug": "preparation-entretien",
        "title": "La préparation à l'entretien",
        "axis": "job_seeker",
        "principles": ["B", "C"],
        "summary": (
            "Avant chaque rencontre avec un employeur, le chargé de relation entreprises prépare "
            "la personne\u00a0: ce qu'elle doit savoir de l'entreprise et du poste, ce qu'elle "
            "peut mettre en avant, et les aspects pratiques du rendez-vous. La rencontre remplace "
            "le CV."
        ),
        "objectives": [
            (
                "Permettre à la personne d'arriver à l'entretien en connaissant l'entreprise et "
                "le poste."
            ),
            (
                "L'aider à exprimer simplement ses compétences et sa motivation, sans support "
                "écrit obligatoire."
            ),
            (
                "Anticiper les questions délicates (périodes sans emploi, contraintes) et la "
                "manière d'y répondre."
            ),
            (
                "Sécuriser la logistique du rendez-vous pour qu'aucun empêchement matériel ne "
                "fasse échouer l'entretien."
            ),
        ],
        "steps": [
            _entry(
                "Fixer un temps de préparation",
                "Dès que la date d'entretien est connue, le chargé qui a présenté l'offre propose "
                "une rencontre de préparation, si possible dans les quarante-huit heures.",
            ),
            _entry(
                "Partager ce que l'on sait de l'entreprise",
                "Activité, taille, dirigeant ou recruteur, habitudes de la maison, tenue "
                "attendue\u00a0: le chargé transmet tout ce qu'il a appris lors de ses contacts "
                "avec l'employeur.",
            ),
            _entry(
                "Relier le parcours au poste",
                "Ensemble, ils repèrent deux ou trois expériences, professionnelles ou non, qui "
                "montrent que la personne saura tenir le poste, et ils les formulent avec ses "
                "propres mots.",
            ),
            _entry(
                "Préparer les questions difficiles",
                "Le chargé aide la personne à parler calmement d'une longue période sans emploi "
                "ou d'une contrainte d'horaires, en restant brève et tournée vers l'avenir.",
            ),
            _entry(
                "Régler la logistique",
                "Adresse, trajet, horaire, nom de l'interlocuteur, documents utiles\u00a0: tout "
                "est vérifié. Un SMS de rappel est programmé la veille du rendez-vous.",
            ),
        ],
        "posture": (
            "<p>La préparation n'est pas un coaching standardisé. Elle s'appuie sur la "
            "connaissance concrète que le chargé a de l'entreprise, qui est le vrai avantage de "
            "la méthode\u00a0: la personne arrive en sachant à qui elle va parler et pourquoi "
            "elle a été choisie.</p>"
            "<ul>"
            "<li>Partir de la façon dont la personne s'exprime, sans lui imposer un discours "
            "appris qui sonnerait faux.</li><li>Rappeler qu'elle est la seule candidate "
            "présentée\u00a0: l'enjeu est de confirmer une recommandation, pas de se battre "
            "contre d'autres profils.</li><li>Ne pas surcharger\u00a0: quelques messages clairs "
            "valent mieux qu'une longue simulation.</li><li>Rester honnête sur les exigences du "
            "poste, pour que la personne puisse encore renoncer si elle découvre un "
            "obstacle.</li></ul>"
            "<p>Point de vigilance\u00a0: le stress et les empêchements matériels sont les "
            "premières causes d'absence à un entretien. Un contact la veille et, si besoin, un "
            "accompagnement physique jusqu'à l'entreprise valent mieux qu'un rendez-vous "
            "manqué.</p>"
        ),
        "tools": [
            _tool(
                "Aide-mémoire de préparation à l'entretien",
                "Une fiche remplie avec la personne\u00a0: entreprise, interlocuteur, missions, "
                "points forts à mettre en avant, questions à poser, informations pratiques.",
            ),
            _tool(
                "Modèle de SMS de rappel",
                "Des formulations courtes pour rappeler la veille l'heure, l'adresse et le nom de "
                "l'interlocuteur.",
            ),
        ],
        "situations": [
            _entry(
                "Une longue période sans emploi",
                "Isabelle n'a pas travaillé depuis huit ans et redoute la question. Avec Romain, "
                "elle prépare une réponse courte sur les années passées à s'occuper de sa mère, "
                "puis parle de l'organisation et de la rigueur que cela lui a demandées.",
            ),
            _entry(
                "Un trajet incertain",
                "Kevin doit se rendre dans une zone d'activité mal desservie pour un entretien à "
                "8\u00a0h. Élodie vérifie avec lui les horaires de bus, repère qu'il arriverait "
                "en retard et obtient de l'employeur un décalage d'une demi-heure.",
            ),
        ],
        "indicators": [
            "Part des entretiens précédés d'une rencontre de préparation",
            "Taux de présence des personnes aux entretiens d'embauche",
            "Part des entretiens débouchant sur une embauche",
        ],
        "related": [3, 5],
    },
    {
        "number": 5,
        "slug": "suivi-entretien",
        "title": "Le suivi d'entretien",
        "axis": "job_seeker",
        "principles": ["C", "D"],
        "summary": (
            "Juste après l'entretien, le chargé de relation entreprises recueille les impressions "
            "de la personne et de l'employeur\u00a0: un SMS d'abord, puis un appel, puis une "
            "rencontre. Ce retour rapide permet de décider vite de la suite, qu'elle soit une "
            "embauche ou une nouvelle proposition."
        ),
        "objectives": [
            "Obtenir le ressenti de la personne dans les heures qui suivent l'entretien.",
            "Recueillir la réponse de l'entreprise et ses motifs, quelle que soit l'issue.",
            "Libérer ou confirmer l'offre réservée sans laisser de temps mort.",
            "Tirer de chaque entretien des enseignements pour la suite du parcours.",
        ],
        "steps": [
            _entry(
                "Envoyer un SMS à la personne",
                "Le jour même, un message court lui demande comment s'est passé l'entretien et "
                "annonce un appel.",
            ),
            _entry(
                "Appeler la personne",
                "L'appel permet de recueillir ses impressions à chaud\u00a0: accueil, poste, "
                "conditions, envie d'y aller. Le chargé note les points qui méritent d'être "
                "vérifiés auprès de l'employeur.",
            ),
            _entry(
                "Joindre l'employeur",
                "Dans les vingt-quatre à quarante-huit heures, le chargé appelle l'entreprise "
                "pour connaître sa décision ou son délai de réponse, et pour comprendre ce qui a "
                "convaincu ou non.",
            ),
            _entry(
                "Rencontrer la personne",
                "Une rencontre permet de lui restituer la réponse de l'entreprise, avec tact et "
                "précision, et de décider ensemble de la suite.",
            ),
            _entry(
                "Mettre à jour l'offre et le plan",
                "En cas d'embauche, l'offre est clôturée et la préparation à la prise de poste "
                "commence. Sinon, l'offre est rendue à l'équipe et la PER est ajustée à la "
                "lumière de ce qui a été appris.",
            ),
        ],
        "posture": (
            "<p>Le suivi d'entretien est le moment où la réactivité de l'équipe se voit le plus. "
            "Pour la personne, attendre une réponse sans nouvelles est décourageant\u00a0; pour "
            "l'entreprise, un chargé qui rappelle vite est un partenaire sérieux.</p>"
            "<ul>"
            "<li>Respecter l'ordre\u00a0: SMS, appel, rencontre. Le SMS ouvre le contact, il ne "
            "remplace pas l'échange de vive voix.</li><li>Restituer un refus avec les motifs "
            "réels, formulés de façon utile, sans les adoucir au point de les rendre "
            "inutiles.</li><li>Ne pas prendre parti contre l'employeur ni contre la "
            "personne\u00a0: chercher à comprendre ce qui s'est passé.</li><li>Remercier "
            "l'entreprise pour sa réponse, même négative\u00a0: la relation continue.</li></ul>"
            "<p>Point de vigilance\u00a0: une offre restée réservée plusieurs jours après "
            "l'entretien bloque toute l'équipe. La clôture ou la libération de l'offre doit être "
            "notée dans le logiciel de suivi dès que la réponse est connue.</p>"
        ),
        "tools": [
            _tool(
                "Grille de retour d'entretien",
                "Deux colonnes pour noter les impressions de la personne et celles de "
                "l'employeur, avec la décision et les suites convenues.",
            ),
            _tool(
                "Modèles de SMS après entretien",
                "Des messages types pour prendre des nouvelles, annoncer un appel ou fixer une "
                "rencontre.",
            ),
        ],
        "situations": [
            _entry(
                "Une réponse qui tarde",
                "Trois jours après l'entretien de Sonia dans une entreprise de nettoyage, "
                "l'employeur n'a pas répondu. Marc le rappelle, apprend que la responsable "
                "d'équipe est absente et obtient une réponse pour le lendemain. Il en informe "
                "Sonia par SMS dans l'heure.",
            ),
            _entry(
                "Un refus riche d'enseignements",
                "Le garage qui a reçu Dylan le trouve motivé mais trop peu disponible le samedi. "
                "Avec Aurélie, Dylan mesure que cette contrainte revient souvent dans la "
                "mécanique rapide\u00a0; ils décident de cibler aussi les ateliers de poids "
                "lourds, fermés le week-end.",
            ),
        ],
        "indicators": [
            "Délai moyen entre l'entretien et le retour à la personne",
            "Délai moyen entre l'entretien et la clôture ou la libération de l'offre",
            "Part des entretiens suivis d'une embauche",
        ],
        "related": [4, 6, 9],
    },
    {
        "number": 6,
        "slug": "preparation-prise-de-poste",
        "title": "La préparation à la prise de poste",
        "axis": "job_seeker",
        "principles": ["A", "C"],
        "summary": (
            "Entre l'embauche et le premier jour, le chargé de relation entreprises aide la "
            "personne à lever les obstacles pratiques et à savoir ce qui l'attend. L'entreprise, "
            "qui sait toujours qu'elle recrute une personne issue d'un parcours d'insertion, est "
            "associée à cette préparation."
        ),
        "objectives": [
            (
                "Faire en sorte que la personne soit présente, à l'heure et équipée dès le "
                "premier jour."
            ),
            "Lui donner une image concrète de son poste, de ses horaires et de ses interlocuteurs.",
            "Convenir avec l'employeur des modalités d'accueil et d'un premier point de suivi.",
            (
                "Anticiper les difficultés pratiques (transport, garde d'enfants, démarches "
                "administratives)."
            ),
        ],
        "steps": [
            _entry(
                "Confirmer les conditions d'embauche",
                "Le chargé vérifie avec l'employeur la date de début, le type et la durée du "
                "contrat, les horaires, la rémunération et le nom du tuteur ou du responsable "
                "direct.",
            ),
            _entry(
                "Faire le point avec la personne",
                "Lors d'une rencontre, ils repassent en revue le premier jour heure par "
                "heure\u00a0: trajet, tenue, documents à apporter, personne à demander à "
                "l'arrivée.",
            ),
            _entry(
                "Lever les obstacles pratiques",
                "Transport, garde d'enfants, équipement, ouverture de droits\u00a0: le chargé "
                "mobilise les solutions connues et, si nécessaire, le travailleur social qui suit "
                "la personne.",
            ),
            _entry(
                "Préparer l'accueil avec l'entreprise",
                "Sans dévoiler la vie privée de la personne, le chargé signale à l'employeur ce "
                "qui peut faciliter ses débuts et convient d'un point téléphonique à la fin de la "
                "première semaine.",
            ),
            _entry(
                "Rester joignable",
                "La veille du premier jour, un SMS d'encouragement rappelle l'heure et le lieu. "
                "La personne sait qu'elle peut joindre son chargé en cas d'imprévu.",
            ),
        ],
        "posture": (
            "<p>Beaucoup de prises de poste échouent avant même d'avoir commencé, pour une "
            "question de transport, de garde d'enfant ou d'appréhension. Cette étape courte "
            "demande une attention particulière.</p>"
            "<ul>"
            "<li>Être transparent avec l'entreprise\u00a0: elle sait d'emblée que la personne "
            "vient d'un parcours d'insertion, ce qui évite les malentendus si une difficulté "
            "apparaît plus tard.</li><li>Respecter la confidentialité\u00a0: on partage avec "
            "l'employeur ce qui sert le travail, jamais l'histoire "
            "personnelle.</li><li>Coordonner sans se substituer\u00a0: l'accompagnement social "
            "reste assuré par le travailleur social référent, en parallèle.</li><li>Valoriser la "
            "réussite\u00a0: la signature d'un contrat, même court, est une étape importante pour "
            "la personne.</li></ul>"
            "<p>Point de vigilance\u00a0: ne pas attendre le premier jour pour découvrir qu'une "
            "solution de garde ou de transport manque. Le point pratique se fait dès que "
            "l'embauche est confirmée.</p>"
        ),
        "tools": [
            _tool(
                "Liste de vérification avant la prise de poste",
                "Une liste des points à valider avec la personne et avec l'employeur avant le "
                "premier jour de travail.",
            ),
        ],
        "situations": [
            _entry(
                "Une garde d'enfant à trouver",
                "Marine est embauchée en CDD dans une blanchisserie, avec une prise de poste à "
                "6\u00a0h. Elle n'a pas de solution pour ses deux enfants. Yann contacte sa "
                "référente sociale, qui active une aide à la garde\u00a0; Marine commence le "
                "lundi prévu.",
            ),
            _entry(
                "Un employeur qui s'inquiète",
                "Le dirigeant d'une entreprise de menuiserie demande s'il doit «\u00a0faire "
                "quelque chose de particulier\u00a0» pour Bruno. Clara lui conseille de lui "
                "présenter un collègue de référence et convient avec lui d'un appel le vendredi "
                "suivant.",
            ),
        ],
        "indicators": [
            "Part des embauches effectivement suivies d'une prise de poste",
            "Nombre de prises de poste reportées ou annulées, et leurs motifs",
        ],
        "related": [5, 7],
    },
    {
        "number": 7,
        "slug": "suivi-dans-le-poste",
        "title": "Le suivi dans le poste",
        "axis": "job_seeker",
        "principles": ["A", "C"],
        "summary": (
            "Une fois la personne en poste, souvent en CDD pour commencer, le chargé de relation "
            "entreprises reste en contact avec elle et avec l'employeur. L'objectif est l'emploi "
            "durable, en acceptant qu'un échec puisse précéder une réussite."
        ),
        "objectives": [
            "Consolider les premières semaines dans le poste et prévenir les ruptures.",
            "Préparer, avec l'employeur, le renouvellement ou la transformation du contrat.",
            "Viser l'emploi durable (CDI ou CDD de plus de six mois).",
            "Rebondir rapidement en cas de fin de contrat ou de rupture.",
        ],
        "steps": [
            _entry(
                "Faire un point à la fin de la première semaine",
                "Le chargé appelle séparément la personne et l'employeur pour recueillir leurs "
                "impressions et traiter sans attendre les premiers ajustements.",
            ),
            _entry(
                "Maintenir un contact régulier",
                "Pendant le contrat, des échanges courts, par SMS ou téléphone, permettent de "
                "repérer tôt une difficulté. La personne sait qu'elle peut appeler à tout moment.",
            ),
            _entry(
                "Anticiper la fin du contrat",
                "Un mois avant l'échéance, le chargé aborde avec l'employeur la possibilité d'un "
                "renouvellement, d'un contrat plus long ou d'une embauche en CDI.",
            ),
            _entry(
                "Préparer la suite si le contrat s'arrête",
                "Si le poste n'est pas reconduit, une nouvelle PER est signée sans délai, en "
                "valorisant l'expérience acquise et, si possible, une recommandation de "
                "l'employeur.",
            ),
            _entry(
                "Clore l'accompagnement",
                "Lorsque la personne occupe un emploi durable et n'a plus besoin d'appui, "
                "l'accompagnement se termine par un dernier échange et la mise à jour du dossier.",
            ),
        ],
        "posture": (
            "<p>Le premier contrat est souvent court\u00a0: il permet à l'entreprise et à la "
            "personne de s'apprivoiser. Le suivi dans le poste fait de ce premier pas un tremplin "
            "vers l'emploi durable.</p>"
            "<ul>"
            "<li>Rester disponible sans être intrusif\u00a0: l'employeur doit sentir un appui, "
            "pas une surveillance.</li><li>Traiter vite les tensions naissantes (retards, "
            "incompréhensions, horaires) avant qu'elles ne conduisent à une rupture.</li><li>Ne "
            "pas dramatiser un échec\u00a0: une rupture apprend beaucoup sur le poste qui "
            "conviendra mieux. On repart aussitôt avec une nouvelle proposition.</li><li>Garder "
            "en tête qu'un employeur préfère recruter une personne déjà en emploi\u00a0: un "
            "contrat court est un atout pour la suite du parcours.</li></ul>"
            "<p>Point de vigilance\u00a0: chaque suivi dans le poste est aussi un contact avec "
            "l'entreprise. C'est l'occasion d'apprendre ses besoins à venir et de nourrir la "
            "fidélisation.</p>"
        ),
        "tools": [
            _tool(
                "Grille de suivi dans l'emploi",
                "Un support pour noter, à chaque échange, la situation dans le poste, les "
                "éventuelles difficultés et les perspectives de prolongation.",
            ),
            _tool(
                "Trame d'échange de fin de contrat avec l'employeur",
                "Quelques questions pour préparer avec l'entreprise le renouvellement, la "
                "transformation du contrat ou une recommandation.",
            ),
        ],
        "situations": [
            _entry(
                "Un CDD transformé",
                "Stéphane occupe depuis trois mois un CDD d'agent de quai. Lors d'un appel, "
                "Nathalie apprend qu'un départ en retraite est prévu. Elle en parle au "
                "responsable, qui propose à Stéphane un CDI à la fin de son contrat.",
            ),
            _entry(
                "Une rupture pendant la période d'essai",
                "Au bout de dix jours, Laura quitte un poste en restauration dont les coupures "
                "d'horaires lui sont intenables. Pierre la reçoit le lendemain\u00a0; ils signent "
                "une nouvelle PER centrée sur des postes en journée continue, et un entretien a "
                "lieu deux semaines plus tard.",
            ),
        ],
        "indicators": [
            "Part des personnes encore en poste trois mois après l'embauche",
            "Part des premiers contrats renouvelés ou transformés en emploi durable",
            "Part des personnes en emploi durable (CDI ou CDD de plus de six mois)",
        ],
        "related": [6, 9],
    },
    {
        "number": 8,
        "slug": "prospection-captation-offres",
        "title": "La prospection et la captation des offres",
        "axis": "companies",
        "principles": ["A", "D"],
        "summary": (
            "Capter des offres est la première mission du chargé de relation entreprises. Il "
            "prospecte le marché local de l'emploi, surtout les TPE et les PME du territoire, "
            "sans filtre de secteur, et ne démarche jamais directement les grands groupes."
        ),
        "objectives": [
            (
                "Faire connaître la structure auprès des employeurs du bassin et obtenir des "
                "offres, publiées ou non."
            ),
            "Construire un fichier d'entreprises large, sans présélection de secteur.",
            "Recueillir, à chaque captation, une description précise du poste et du besoin.",
            "Partager chaque contact et chaque offre avec toute l'équipe.",
        ],
        "steps": [
            _entry(
                "Définir les cibles de la semaine",
                "Lors de la réunion du lundi, l'équipe répartit les entreprises à contacter en "
                "tenant compte des postes cibles des personnes suivies et des relances à faire.",
            ),
            _entry(
                "Prendre contact",
                "Appel, visite spontanée ou rendez-vous\u00a0: le chargé se présente, explique en "
                "quelques phrases ce que fait la structure et précise d'emblée qu'il accompagne "
                "des personnes issues de parcours d'insertion.",
            ),
            _entry(
                "Écouter le besoin",
                "Le chargé s'intéresse à l'activité, aux métiers présents, aux recrutements "
                "passés et à venir, aux difficultés rencontrées. Il ne cherche pas à "
                "«\u00a0vendre\u00a0» une personne dès le premier échange.",
            ),
            _entry(
                "Capter l'offre",
                "Lorsqu'un besoin existe, il le décrit avec précision\u00a0: missions, horaires, "
                "contrat, date souhaitée, interlocuteur, qualités attendues. Il s'engage sur un "
                "délai de proposition.",
            ),
            _entry(
                "Enregistrer et partager",
                "Le contact et l'offre sont saisis le jour même dans le logiciel de suivi, pour "
                "que toute l'équipe puisse procéder au croisement.",
            ),
            _entry(
                "Revenir vers l'entreprise",
                "Même sans offre immédiate, le chargé prévoit une nouvelle prise de contact. "
                "Chaque entreprise rencontrée entre dans le fichier et dans le cycle de "
                "fidélisation.",
            ),
        ],
        "posture": (
            "<p>Le «\u00a0marché local de l'emploi\u00a0» comprend toutes les offres qui existent "
            "sur le territoire, y compris celles qui ne sont jamais publiées\u00a0: un départ non "
            "remplacé, un surcroît d'activité, un besoin que le dirigeant n'a pas encore formulé. "
            "On y accède par la présence et la régularité.</p>"
            "<ul>"
            "<li>Viser d'abord les TPE et PME, y compris les sous-traitants des grandes "
            "entreprises\u00a0; ne pas démarcher directement les grands groupes, qui disposent de "
            "leurs propres services de recrutement.</li><li>Ne pas trier les entreprises par "
            "secteur\u00a0: une opportunité peut venir de partout.</li><li>Dire toujours qui l'on "
            "accompagne\u00a0: la franchise est la condition de la confiance.</li><li>Adopter les "
            "codes de l'entreprise\u00a0: langage direct, rendez-vous courts, promesses "
            "tenues.</li><li>Accepter les refus\u00a0: un «\u00a0pas maintenant\u00a0» est le "
            "début d'une relation.</li></ul>"
            "<p>Repère de volume\u00a0: à A.CO.R, une équipe de vingt chargés réalise environ "
            "1\u00a0800 contacts d'entreprises par mois et s'appuie sur un fichier de 3\u00a0600 "
            "entreprises. Chaque structure fixe ses propres repères en fonction de sa taille.</p>"
        ),
        "tools": [
            _tool(
                "Trame de premier contact avec une entreprise",
                "Les repères d'un premier appel ou d'une première visite\u00a0: présentation, "
                "questions d'écoute, proposition de suite.",
            ),
            _tool(
                "Fiche entreprise",
                "Un modèle de fiche pour le fichier commun\u00a0: activité, interlocuteurs, "
                "métiers, historique des contacts et des recrutements.",
            ),
        ],
        "situations": [
            _entry(
                "Une offre qui n'existait pas encore",
                "En passant dans une entreprise de maçonnerie, Sébastien apprend que le gérant "
                "envisage d'embaucher un manœuvre «\u00a0à la rentrée\u00a0». Il lui propose de "
                "présenter une personne dès maintenant\u00a0; un CDD de trois mois est signé "
                "quinze jours plus tard.",
            ),
            _entry(
                "La tentation du grand groupe",
                "Une nouvelle plateforme logistique d'un grand groupe s'installe sur la zone. "
                "Plutôt que de solliciter son service des ressources humaines, Julie prospecte "
                "les transporteurs et les entreprises de nettoyage qui vont travailler pour elle.",
            ),
        ],
        "indicators": [
            "Nombre de contacts d'entreprises par mois et par chargé",
            "Nombre d'offres captées par mois",
            "Nombre d'entreprises dans le fichier et nombre de nouvelles entreprises contactées",
        ],
        "related": [9, 12, 13],
    },
    {
        "number": 9,
        "slug": "fidelisation-entreprises",
        "title": "La fidélisation des entreprises",
        "axis": "companies",
        "principles": ["A", "D"],
        "summary": (
            "Une entreprise fidèle revient d'elle-même vers l'équipe lorsqu'elle recrute. La "
            "fidélisation repose sur des contacts répétés, des premiers recrutements souvent en "
            "CDD pour tester la relation, et des outils simples comme l'application «\u00a0J'ai "
            "une offre\u00a0»."
        ),
        "objectives": [
            "Transformer un premier recrutement en relation durable avec l'entreprise.",
            "Être le premier interlocuteur auquel l'employeur pense lorsqu'un poste se libère.",
            "Passer progressivement de contrats courts à des emplois durables.",
            "Donner aux entreprises partenaires un moyen simple de signaler leurs besoins.",
        ],
        "steps": [
            _entry(
                "Réussir le premier recrutement",
                "La fidélisation commence par une première mise en relation réussie, souvent sur "
                "un CDD, qui permet à l'entreprise de tester le sérieux de l'équipe.",
            ),
            _entry(
                "Faire le bilan avec l'employeur",
                "À la fin du premier contrat, le chargé recueille l'avis de l'entreprise sur la "
                "personne et sur l'accompagnement, et s'informe des besoins à venir.",
            ),
            _entry(
                "Planifier des contacts réguliers",
                "Chaque entreprise partenaire reçoit un appel ou une visite à intervalle "
                "régulier, même sans offre en cours. Ces contacts sont notés dans la fiche "
                "entreprise.",
            ),
            _entry(
                "Proposer l'application «\u00a0J'ai une offre\u00a0»",
                "Le chargé présente l'application gratuite qui permet de signaler un poste vacant "
                "en quelques secondes, et aide le dirigeant à l'installer.",
            ),
            _entry(
                "Répondre vite à chaque signalement",
                "Une offre signalée est rappelée dans la journée. La rapidité de la réponse est "
                "ce qui fait durer la relation.",
            ),
            _entry(
                "Élargir la relation",
                "Une entreprise fidèle peut accueillir une visite collective, une immersion ou "
                "participer à un café de l'emploi.",
            ),
        ],
        "posture": (
            "<p>Fidéliser ne veut pas dire solliciter sans cesse. C'est être utile à "
            "l'entreprise, disponible quand elle a besoin de recruter, et fiable dans la "
            "durée.</p>"
            "<ul>"
            "<li>Tenir chaque engagement pris, même modeste\u00a0: un rappel promis, un délai "
            "annoncé.</li><li>Accepter que les premiers contrats soient courts\u00a0: ils "
            "permettent de construire la confiance avant de parler d'emploi "
            "durable.</li><li>Continuer à présenter une seule personne par offre, y compris avec "
            "une entreprise fidèle qui demanderait plus de choix.</li><li>Faire de l'entreprise "
            "un partenaire de l'équipe, pas le client d'un chargé\u00a0: les contacts sont "
            "partagés et un collègue peut prendre le relais.</li></ul>"
            "<p>Point de vigilance\u00a0: un échec de recrutement mal géré peut faire perdre une "
            "entreprise. Après une rupture, le chargé rappelle l'employeur, reconnaît la "
            "difficulté et propose une nouvelle candidature mieux ajustée.</p>"
        ),
        "tools": [
            _tool(
                "Plan de contacts des entreprises partenaires",
                "Un tableau de suivi qui fixe, pour chaque entreprise partenaire, la fréquence et "
                "le responsable des prochains contacts.",
            ),
            _tool(
                "Guide de présentation de l'application «\u00a0J'ai une offre\u00a0»",
                "Une fiche pour expliquer aux employeurs comment signaler un besoin en quelques "
                "gestes et ce qui se passe ensuite.",
            ),
        ],
        "situations": [
            _entry(
                "Un signalement un vendredi soir",
                "Le responsable d'une conserverie signale par l'application un besoin de deux "
                "agents de production pour le lundi. Olivier le rappelle le soir même\u00a0; deux "
                "personnes différentes sont proposées sur les deux postes et commencent le mardi.",
            ),
            _entry(
                "Renouer après un échec",
                "Une première embauche dans une entreprise de paysage s'est arrêtée au bout d'une "
                "semaine. Sandrine rend visite au gérant, écoute ses griefs et revient un mois "
                "plus tard avec une autre proposition, qui aboutit à un contrat de six mois.",
            ),
        ],
        "indicators": [
            "Nombre d'entreprises ayant recruté plusieurs fois par l'intermédiaire de l'équipe",
            "Nombre d'offres signalées par les entreprises elles-mêmes, dont via l'application",
            "Part des emplois durables parmi les recrutements des entreprises partenaires",
        ],
        "related": [8, 7],
    },
    {
        "number": 10,
        "slug": "cafes-emploi",
        "title": "Les cafés de l'emploi",
        "axis": "companies",
        "principles": ["A", "C"],
        "summary": (
            "Le café de l'emploi réunit, dans un cadre convivial, des employeurs du territoire et "
            "des chercheurs d'emploi. Sans CV ni entretien formel, il permet de se rencontrer, de "
            "parler métiers et de faire tomber les préjugés de part et d'autre."
        ),
        "objectives": [
            (
                "Créer des rencontres directes entre employeurs et chercheurs d'emploi, hors du "
                "cadre de l'entretien."
            ),
            (
                "Sensibiliser des entreprises encore réticentes à recruter des personnes "
                "éloignées de l'emploi."
            ),
            (
                "Faire découvrir des métiers et des entreprises auxquels les personnes ne "
                "pensaient pas."
            ),
            "Faire émerger des offres et des premières mises en relation.",
        ],
        "steps": [
            _entry(
                "Choisir un thème et un lieu",
                "Un secteur, un bassin ou un public (par exemple les plus de cinquante ans) donne "
                "son thème au café. Le lieu est neutre et accessible\u00a0: salle municipale, "
                "tiers-lieu, locaux d'une entreprise partenaire.",
            ),
            _entry(
                "Inviter les entreprises",
                "Les chargés sollicitent des employeurs de leur fichier, en mêlant des "
                "entreprises qui recrutent et d'autres qui souhaitent simplement mieux connaître "
                "la démarche.",
            ),
            _entry(
                "Préparer les participants",
                "Les personnes sont invitées selon leurs postes cibles. Le chargé leur explique "
                "le déroulement et les aide à préparer une courte présentation d'elles-mêmes.",
            ),
            _entry(
                "Animer la rencontre",
                "Après un mot d'accueil bref, les échanges se font en petits groupes autour des "
                "tables. Les chargés facilitent les rencontres et repèrent les affinités.",
            ),
            _entry(
                "Assurer les suites",
                "Dans les jours qui suivent, chaque piste est reprise\u00a0: offre à capter, "
                "entretien à organiser selon la règle «\u00a0une offre = une personne\u00a0», "
                "visite à programmer.",
            ),
        ],
        "posture": (
            "<p>Le café de l'emploi n'est pas un forum de recrutement. Sa valeur tient à "
            "l'informalité\u00a0: chacun peut parler librement, sans enjeu immédiat de "
            "sélection.</p>"
            "<ul>"
            "<li>Garder un format court et chaleureux\u00a0: une heure trente suffit, autour d'un "
            "café.</li><li>Éviter les estrades et les présentations longues\u00a0: ce sont les "
            "conversations qui comptent.</li><li>Ne pas demander de CV et ne pas organiser "
            "d'entretiens sur place\u00a0; les suites passent par l'équipe, qui présente ensuite "
            "une personne par offre.</li><li>Veiller à l'équilibre entre employeurs et chercheurs "
            "d'emploi pour que personne ne se sente en situation d'examen.</li></ul>"
            "<p>Point de vigilance\u00a0: sans suites rapides, un café de l'emploi laisse une "
            "impression sympathique mais sans effet. Le relevé des pistes est fait le jour même, "
            "en fin de rencontre.</p>"
        ),
        "tools": [
            _tool(
                "Trame d'organisation d'un café de l'emploi",
                "Un rétroplanning, une liste de tâches et un déroulé minute par minute pour "
                "préparer et animer la rencontre.",
            ),
            _tool(
                "Modèle d'invitation aux entreprises",
                "Un courrier court, adaptable, qui présente le principe du café et ce qu'il "
                "apporte à un employeur.",
            ),
        ],
        "situations": [
            _entry(
                "Un café consacré aux seniors",
                "L'antenne organise un café réunissant six employeurs et quinze personnes de plus "
                "de cinquante ans. Un dirigeant d'entreprise de transport, réservé au départ, "
                "échange longuement avec Gérard, ancien chauffeur. Une semaine plus tard, il "
                "signale une offre à Mathilde.",
            ),
            _entry(
                "Un café en territoire rural",
                "Dans un bourg éloigné de la préfecture, le café se tient dans les locaux de la "
                "maison des solidarités. Quatre artisans viennent\u00a0; l'un d'eux propose à "
                "Agnès une visite de son atelier pour trois personnes intéressées.",
            ),
        ],
        "indicators": [
            (
                "Nombre de cafés de l'emploi organisés et nombre de participants (entreprises et "
                "personnes)"
            ),
            "Nombre d'offres captées et d'entretiens obtenus dans le mois suivant",
        ],
        "related": [11, 8],
    },
    {
        "number": 11,
        "slug": "visites-entreprises-immersions",
        "title": "Les visites d'entreprises et les immersions (PMSMP)",
        "axis": "companies",
        "principles": ["A", "C"],
        "summary": (
            "Les visites collectives d'entreprises font découvrir un métier et un lieu de "
            "travail, sans pression sur les participants. Les périodes de mise en situation en "
            "milieu professionnel (PMSMP) permettent ensuite d'essayer un poste quelques jours et "
            "ouvrent souvent la voie à un premier contrat."
        ),
        "objectives": [
            "Faire découvrir concrètement des métiers et des entreprises du territoire.",
            "Permettre aux personnes de vérifier leur intérêt pour un poste avant de s'engager.",
            (
                "Donner à l'employeur l'occasion de voir une personne à l'œuvre, au-delà d'un "
                "entretien."
            ),
            "Faire d'une immersion réussie la première étape d'un recrutement.",
        ],
        "steps": [
            _entry(
                "Proposer une visite à une entreprise partenaire",
                "Le chargé sollicite une entreprise qu'il connaît bien et convient avec elle du "
                "format\u00a0: durée, parcours dans les locaux, intervention d'un salarié ou du "
                "dirigeant.",
            ),
            _entry(
                "Constituer le groupe",
                "Cinq à dix personnes sont invitées, en fonction de leurs postes cibles ou de "
                "leur curiosité pour le métier. La visite est présentée comme une découverte, "
                "sans obligation.",
            ),
            _entry(
                "Vivre la visite",
                "Le chargé accompagne le groupe, encourage les questions et observe l'intérêt de "
                "chacun. Un court échange a lieu à la sortie pour recueillir les impressions.",
            ),
            _entry(
                "Proposer une immersion",
                "Pour une personne intéressée, le chargé propose à l'entreprise une PMSMP de "
                "quelques jours, avec des objectifs clairs\u00a0: découvrir le poste, confirmer "
                "un projet ou amorcer un recrutement.",
            ),
            _entry(
                "Formaliser la PMSMP",
                "La convention est établie avec l'organisme prescripteur habilité, l'entreprise "
                "et la personne. Le chargé prépare la personne comme pour une prise de poste.",
            ),
            _entry(
                "Faire le bilan",
                "À la fin de l'immersion, un bilan à trois réunit la personne, le tuteur dans "
                "l'entreprise et le chargé. Si l'expérience est concluante, il pose la question "
                "d'une embauche.",
            ),
        ],
        "posture": (
            "<p>La visite et l'immersion sont des outils de découverte, au service de la personne "
            "autant que de l'entreprise. Elles perdent leur sens si elles deviennent une épreuve "
            "de sélection déguisée ou une main-d'œuvre gratuite.</p>"
            "<ul>"
            "<li>Présenter la visite comme une occasion de voir, jamais comme un test\u00a0: "
            "personne n'est évalué, personne n'est tenu de postuler.</li><li>Réserver l'immersion "
            "à un objectif précis et partagé\u00a0; elle ne remplace pas une embauche lorsque "
            "l'employeur a un besoin immédiat.</li><li>Respecter la règle «\u00a0une offre = une "
            "personne\u00a0»\u00a0: si une visite fait naître un poste, une seule personne est "
            "proposée.</li><li>Rester présent pendant l'immersion\u00a0: un appel au deuxième "
            "jour permet d'ajuster.</li></ul>"
            "<p>Point de vigilance\u00a0: une succession d'immersions sans embauche doit alerter. "
            "Le chargé interroge alors la pertinence des postes cibles ou la relation avec "
            "l'entreprise.</p>"
        ),
        "tools": [
            _tool(
                "Trame d'organisation d'une visite collective",
                "Les étapes pour préparer une visite avec l'entreprise, inviter le groupe et en "
                "assurer les suites.",
            ),
            _tool(
                "Grille de bilan d'immersion",
                "Un support pour le bilan à trois\u00a0: tâches réalisées, points forts, points à "
                "travailler, suite envisagée.",
            ),
        ],
        "situations": [
            _entry(
                "Une visite qui change les idées",
                "Huit personnes visitent une fromagerie industrielle. Farida, qui pensait ne pas "
                "supporter le froid, découvre un poste d'étiquetage qui lui plaît. Vincent "
                "propose une immersion de cinq jours, suivie d'un CDD de deux mois.",
            ),
            _entry(
                "Une immersion qui confirme un doute",
                "Après trois jours en maison de retraite, Jonathan constate que le métier d'agent "
                "de service ne lui convient pas. Avec Claire, il en tire les conséquences dans sa "
                "PER et s'oriente vers la restauration collective.",
            ),
        ],
        "indicators": [
            "Nombre de visites collectives organisées et nombre de participants",
            "Nombre de PMSMP réalisées",
            "Part des PMSMP suivies d'une embauche dans l'entreprise d'accueil",
        ],
        "related": [10, 2],
    },
    {
        "number": 12,
        "slug": "croisement-offres-personnes",
        "title": "Le croisement des offres et des personnes",
        "axis": "companies",
        "principles": ["B", "C", "D"],
        "summary": (
            "Le croisement rapproche chaque offre captée des personnes suivies par toute "
            "l'équipe, à partir de leurs goûts et de leurs compétences plutôt que de leurs CV. À "
            "compétences égales, la chance est donnée à la personne la plus éloignée de l'emploi."
        ),
        "objectives": [
            "Trouver, pour chaque offre, la personne qui correspond le mieux au poste.",
            "Faire profiter chaque personne des offres captées par tous les membres de l'équipe.",
            "Donner leur chance aux personnes les plus éloignées de l'emploi.",
            "Rendre le choix explicable, à la personne comme à l'entreprise.",
        ],
        "steps": [
            _entry(
                "Décrire l'offre",
                "Le chargé qui a capté l'offre la saisit dans le logiciel de suivi avec les "
                "éléments utiles au croisement\u00a0: tâches, conditions, savoir-faire attendus, "
                "contraintes.",
            ),
            _entry(
                "Rechercher dans toute la file active",
                "La recherche porte sur l'ensemble des personnes suivies par l'équipe, en "
                "s'appuyant sur les postes cibles, les goûts et les compétences notés à l'accueil "
                "et au fil des PER.",
            ),
            _entry(
                "Confronter les regards",
                "Si plusieurs personnes conviennent, les chargés concernés en discutent, en "
                "réunion du lundi ou le jour même si l'offre est urgente.",
            ),
            _entry(
                "Départager",
                "À compétences égales, l'équipe retient la personne qui a le moins de chances de "
                "trouver un emploi par elle-même. Le choix et ses raisons sont notés.",
            ),
            _entry(
                "Lancer la proposition",
                "L'offre est réservée pour la personne retenue et le chargé qui l'a captée engage "
                "la proposition de poste. Les autres personnes pressenties restent en attente de "
                "la prochaine opportunité.",
            ),
        ],
        "posture": (
            "<p>Le croisement est le seul moment où l'on «\u00a0choisit\u00a0»\u00a0: il n'y a "
            "pas de sélection à l'entrée de l'accompagnement. Ce choix engage l'équipe entière et "
            "doit pouvoir être expliqué.</p>"
            "<ul>"
            "<li>Raisonner en goûts et en compétences, y compris acquises hors emploi, plutôt "
            "qu'en diplômes ou en intitulés de CV.</li><li>Refuser les portefeuilles\u00a0: aucun "
            "chargé ne réserve les offres qu'il capte aux personnes qu'il suit.</li><li>Ne pas "
            "écarter une personne à cause de ses difficultés supposées\u00a0: les obstacles se "
            "vérifient avec elle, ils ne se présument pas.</li><li>Faire vite\u00a0: une offre "
            "qui attend le croisement est une offre qui risque d'être pourvue ailleurs.</li></ul>"
            "<p>Point de vigilance\u00a0: le logiciel aide à repérer les profils, il ne décide "
            "pas. La connaissance directe que les chargés ont des personnes et des entreprises "
            "reste déterminante.</p>"
        ),
        "tools": [
            _tool(
                "Grille de croisement offre-personne",
                "Un tableau qui met en regard les exigences du poste et les goûts, compétences et "
                "contraintes des personnes pressenties.",
            ),
        ],
        "situations": [
            _entry(
                "Deux profils pour un poste",
                "Pour un poste d'agent d'entretien dans une résidence, Émilie et Frédéric "
                "proposent chacun une personne aux compétences proches. L'équipe retient Josiane, "
                "sans emploi depuis six ans, plutôt que Rémi, sorti récemment d'un contrat, et "
                "garde Rémi en tête pour la prochaine offre.",
            ),
            _entry(
                "Une compétence qui ne figure sur aucun CV",
                "Une épicerie fine cherche un vendeur à l'aise avec la clientèle. Le croisement "
                "fait ressortir Ahmed, qui tenait bénévolement la buvette de son club de "
                "football. Il est présenté et embauché à l'essai pour la saison.",
            ),
        ],
        "indicators": [
            "Délai entre la captation d'une offre et sa proposition à une personne",
            "Part des offres captées proposées à une personne suivie par un autre chargé",
            "Part des offres captées non pourvues par l'équipe",
        ],
        "related": [3, 8, 13],
    },
    {
        "number": 13,
        "slug": "organisation-equipe",
        "title": "L'organisation de l'équipe",
        "axis": "cross_cutting",
        "principles": ["D", "A", "B"],
        "summary": (
            "La méthode repose sur une équipe de chargés de relation entreprises recrutés sur "
            "leur motivation, qui mettent en commun leurs contacts, se retrouvent chaque lundi et "
            "suivent des objectifs de résultat. Un logiciel de suivi partagé et le SMS comme "
            "canal pivot soutiennent cette organisation."
        ),
        "objectives": [
            (
                "Organiser le travail pour que chaque chargé mène de front l'accompagnement et la "
                "prospection."
            ),
            "Mettre en commun l'expertise, les contacts d'entreprises et les offres.",
            "Piloter l'activité par des objectifs de résultat connus de tous.",
            (
                "Outiller l'équipe pour qu'elle soit réactive\u00a0: logiciel de suivi partagé, "
                "SMS, application pour les entreprises."
            ),
        ],
        "steps": [
            _entry(
                "Recruter les chargés",
                "Les recrutements privilégient la motivation et l'aisance avec le monde de "
                "l'entreprise\u00a0; de nombreux chargés viennent du secteur privé. La formation "
                "au référentiel suit l'embauche.",
            ),
            _entry(
                "Signer une lettre de mission",
                "Chaque chargé signe avec la direction une lettre de mission qui fixe des "
                "objectifs chiffrés, par exemple 60\u00a0% des personnes accompagnées en emploi "
                "dans l'année.",
            ),
            _entry(
                "Tenir la réunion du lundi",
                "Chaque lundi matin, l'équipe partage les contacts d'entreprises de la semaine "
                "passée, les offres en cours, les recrutements en vue, et arrête la stratégie de "
                "prospection et de relance de la semaine.",
            ),
            _entry(
                "Partager un outil de suivi",
                "Un logiciel commun (à A.CO.R, il s'appelle GEADE) rassemble fiches des "
                "personnes, fiches entreprises, offres et historique des contacts, et permet le "
                "croisement.",
            ),
            _entry(
                "Faire du SMS le canal pivot",
                "Toute information nouvelle part d'abord par SMS, puis donne lieu à un appel et, "
                "si besoin, à une rencontre. Les professionnels disposent d'un téléphone adapté.",
            ),
            _entry(
                "Suivre les résultats",
                "Les indicateurs de chaque chargé et de l'équipe sont consultés régulièrement et "
                "discutés collectivement, pour ajuster l'organisation plutôt que pour sanctionner.",
            ),
        ],
        "posture": (
            "<p>Adopter la méthode transforme l'organisation bien plus que les pratiques "
            "individuelles. L'équipe fonctionne sans découpage par secteur ni par territoire, "
            "avec une hiérarchie légère et une règle simple\u00a0: toute question reçoit une "
            "réponse dans la journée.</p>"
            "<ul>"
            "<li>Un seul métier opérationnel\u00a0: chaque chargé accompagne des personnes et "
            "prospecte des entreprises.</li><li>Une file active de taille maîtrisée\u00a0: à "
            "A.CO.R, chaque chargé suit 60 à 70 personnes.</li><li>Des locaux qui favorisent "
            "l'échange\u00a0: espace ouvert, salle de réunion, bureaux d'entretien, lieu de "
            "convivialité.</li><li>Une culture des résultats partagée, qui se discute en équipe "
            "et ne devient jamais une pression sur les personnes accompagnées.</li><li>Un "
            "dialogue régulier avec le prescripteur, qui doit connaître et soutenir les principes "
            "de la méthode.</li></ul>"
            "<p>Point de vigilance\u00a0: la réunion du lundi est le premier rituel à disparaître "
            "quand l'activité s'intensifie, et le premier dont l'absence se fait sentir. Elle se "
            "protège dans les agendas de la direction comme des chargés.</p>"
        ),
        "tools": [
            _tool(
                "Modèle de lettre de mission du chargé de relation entreprises",
                "Un modèle à adapter qui précise les missions sur les deux axes et les objectifs "
                "de résultat de l'année.",
            ),
            _tool(
                "Trame de la réunion d'équipe du lundi",
                "Un ordre du jour type, minuté, pour passer en revue contacts, offres, "
                "recrutements en cours et stratégie de la semaine.",
            ),
            _tool(
                "Tableau de bord de l'équipe",
                "Une sélection d'indicateurs à suivre chaque mois\u00a0: contacts, offres, "
                "propositions, embauches, file active.",
            ),
        ],
        "situations": [
            _entry(
                "Une structure qui réunifie ses métiers",
                "Une association candidate comptait trois conseillers d'insertion et deux chargés "
                "entreprises. Sa directrice, Hélène, fait évoluer les cinq fiches de poste vers "
                "un seul métier de chargé de relation entreprises et installe une réunion chaque "
                "lundi.",
            ),
            _entry(
                "Une offre sauvée en réunion",
                "Un lundi, Baptiste mentionne une boulangerie qui cherche un livreur. Inès suit "
                "Ludovic, titulaire du permis et disponible tôt le matin. Le croisement se fait "
                "autour de la table, et Ludovic passe l'entretien le mercredi.",
            ),
        ],
        "indicators": [
            "Part des personnes accompagnées en emploi dans l'année, par chargé et pour l'équipe",
            "Taille de la file active par chargé",
            "Nombre de contacts d'entreprises par mois pour l'équipe",
            "Tenue de la réunion d'équipe hebdomadaire",
        ],
        "related": [12, 8, 2],
    },
]
