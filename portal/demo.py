"""Demo people: one account per role of the programme (fictional names)."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import Group

from portal.models import User
from portal.roles import Role


@dataclass(frozen=True)
class DemoPerson:
    email: str
    first_name: str
    last_name: str
    role: Role
    is_staff: bool = False


DEMO_PEOPLE = [
    DemoPerson("ansa@essaim.test", "Clémence", "Vidal", Role.ANSA, is_staff=True),
    DemoPerson("tete-de-reseau@essaim.test", "Bernard", "Lassalle", Role.HEAD_OF_NETWORK),
    DemoPerson("expert1@essaim.test", "Nadia", "Etcheverry", Role.EXPERT),
    DemoPerson("expert2@essaim.test", "Julien", "Carrère", Role.EXPERT),
    DemoPerson("expert3@essaim.test", "Sophie", "Larrieu", Role.EXPERT),
    DemoPerson("expert4@essaim.test", "Mathieu", "Hourcade", Role.EXPERT),
    DemoPerson("expert5@essaim.test", "Amaia", "Duhalde", Role.EXPERT),
    DemoPerson("referent1@essaim.test", "Karim", "Benali", Role.REFERENT),
    DemoPerson("referent2@essaim.test", "Élodie", "Marchand", Role.REFERENT),
    # Referent of last season's structure (the guide's demo, tutoring/guide/demo.py).
    DemoPerson("referent2025@essaim.test", "Sandrine", "Aubertin", Role.REFERENT),
    DemoPerson("participant1@essaim.test", "Thomas", "Nguyen", Role.PARTICIPANT),
    DemoPerson("candidat@essaim.test", "Aurélie", "Fontaine", Role.APPLICANT),
    DemoPerson("prescripteur@essaim.test", "Marc", "Dubreuil", Role.COSIGNER),
    DemoPerson("president@essaim.test", "Hélène", "Rouvier", Role.COSIGNER),
    DemoPerson("copil@essaim.test", "François", "Albert", Role.STEERING),
    DemoPerson("editeur@essaim.test", "Inès", "Moreau", Role.EDITOR, is_staff=True),
]


def ensure_role_groups() -> dict[Role, Group]:
    return {role: Group.objects.get_or_create(name=role.value)[0] for role in Role}


def load_people(stdout) -> None:
    from allauth.account.models import EmailAddress

    groups = ensure_role_groups()
    for person in DEMO_PEOPLE:
        user, created = User.objects.get_or_create(
            email=person.email,
            defaults={
                "first_name": person.first_name,
                "last_name": person.last_name,
                "is_staff": person.is_staff,
            },
        )
        if created:
            user.set_password(settings.ESSAIM_DEMO_PASSWORD)
            user.save(update_fields=["password"])
        user.groups.add(groups[person.role])
        EmailAddress.objects.update_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
    stdout.write(f"  {len(DEMO_PEOPLE)} comptes de démonstration")
