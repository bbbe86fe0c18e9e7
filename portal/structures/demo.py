"""Demo structures and who belongs to them (fictional organisations, except Ansa and A.CO.R)."""

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from portal.enums import InvitationStatus, MembershipRole, StructureKind
from portal.models import Invitation, Membership, Structure, User
from portal.structures.tokens import VALIDITY


@dataclass(frozen=True)
class DemoStructure:
    name: str
    kind: StructureKind
    city: str
    postal_code: str
    departement: str
    address: str = ""
    website: str = ""


ANSA = "Ansa — Agence nouvelle des solidarités actives"
ACOR = "A.CO.R"
TREMPLIN = "Association Tremplin Béarn"
VAL_DE_LOIRE = "Communauté d'agglomération du Val de Loire"
PASSERELLES = "Passerelles Emploi Cévennes"
PLIE = "PLIE des Hautes Cévennes"
RESEAU = "Réseau Inclusion Grand Sud-Ouest"

DEMO_STRUCTURES = [
    DemoStructure(ANSA, StructureKind.ANSA, "Paris", "75011", "75"),
    DemoStructure(ACOR, StructureKind.ACOR, "Pau", "64000", "64"),
    DemoStructure(
        TREMPLIN, StructureKind.OPERATOR, "Orthez", "64300", "64", "12 rue des Tisserands"
    ),
    DemoStructure(
        VAL_DE_LOIRE, StructureKind.COLLECTIVITE, "Blois", "41000", "41", "3 quai de la Loire"
    ),
    DemoStructure(PASSERELLES, StructureKind.OPERATOR, "Alès", "30100", "30", "8 place des Mines"),
    DemoStructure(PLIE, StructureKind.PRESCRIBER, "Le Vigan", "30120", "30"),
    DemoStructure(RESEAU, StructureKind.PARTNER, "Toulouse", "31000", "31"),
]

# (e-mail of a demo account from portal/demo.py, structure, function, manages the structure)
DEMO_MEMBERSHIPS = [
    ("ansa@essaim.test", ANSA, MembershipRole.OTHER, True),
    ("tete-de-reseau@essaim.test", ACOR, MembershipRole.DIRECTOR, True),
    ("expert1@essaim.test", ACOR, MembershipRole.CRE, False),
    ("expert2@essaim.test", ACOR, MembershipRole.CRE, False),
    ("expert3@essaim.test", ACOR, MembershipRole.CRE, False),
    ("referent1@essaim.test", TREMPLIN, MembershipRole.REFERENT, True),
    ("participant1@essaim.test", TREMPLIN, MembershipRole.EMPLOYEE, False),
    ("referent2@essaim.test", VAL_DE_LOIRE, MembershipRole.REFERENT, True),
    ("candidat@essaim.test", PASSERELLES, MembershipRole.DIRECTOR, True),
    ("president@essaim.test", PASSERELLES, MembershipRole.PRESIDENT, False),
    ("prescripteur@essaim.test", PLIE, MembershipRole.DIRECTOR, True),
]

#: A pending invitation, so the structure page shows one (no e-mail is sent).
DEMO_INVITATIONS = [("nouvelle-cre@essaim.test", TREMPLIN, MembershipRole.CRE, False)]


def load_structures(stdout) -> None:
    """Create the demo structures and memberships; running it again changes nothing."""
    structures = {}
    for item in DEMO_STRUCTURES:
        structures[item.name], _created = Structure.objects.get_or_create(
            name=item.name,
            defaults={
                "kind": item.kind,
                "city": item.city,
                "postal_code": item.postal_code,
                "departement": item.departement,
                "address": item.address,
                "website": item.website,
            },
        )
    # Demo memberships began a while ago, so ending one in the demo leaves a past member.
    start = timezone.localdate() - timedelta(days=120)
    users = {
        user.email: user for user in User.objects.filter(email__in=[m[0] for m in DEMO_MEMBERSHIPS])
    }
    count = 0
    for email, name, role, is_admin in DEMO_MEMBERSHIPS:
        user = users.get(email)
        if user is None:
            continue
        Membership.objects.get_or_create(
            user=user,
            structure=structures[name],
            end_date=None,
            defaults={"role": role, "is_admin": is_admin, "start_date": start},
        )
        count += 1
    inviter = users.get("referent1@essaim.test")
    for email, name, role, is_admin in DEMO_INVITATIONS:
        now = timezone.now()
        Invitation.objects.get_or_create(
            structure=structures[name],
            email=email,
            defaults={
                "role": role,
                "is_admin": is_admin,
                "invited_by": inviter,
                "status": InvitationStatus.PENDING,
                "sent_at": now,
                "expires_at": now + VALIDITY,
            },
        )
    stdout.write(f"  {len(DEMO_STRUCTURES)} structures, {count} appartenances")
