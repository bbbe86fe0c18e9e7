import factory
from django.contrib.auth.models import Group

from portal.models import User
from portal.roles import Role

PASSWORD = "un-mot-de-passe-solide-2027"


def add_roles(user: User, roles) -> None:
    for role in roles or ():
        user.groups.add(Group.objects.get_or_create(name=Role(role).value)[0])


def with_roles(*roles: Role) -> factory.PostGeneration:
    return factory.PostGeneration(lambda user, create, extracted, **kwargs: add_roles(user, roles))


class UserFactory(factory.django.DjangoModelFactory):
    """`UserFactory(roles=[Role.EXPERT])`, or a trait: `UserFactory(ansa=True)`."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    class Params:
        ansa = factory.Trait(is_staff=True, roles=with_roles(Role.ANSA))
        head_of_network = factory.Trait(roles=with_roles(Role.HEAD_OF_NETWORK))
        editor = factory.Trait(is_staff=True, roles=with_roles(Role.EDITOR))
        expert = factory.Trait(roles=with_roles(Role.EXPERT))
        referent = factory.Trait(roles=with_roles(Role.REFERENT))

    email = factory.Sequence(lambda n: f"personne{n}@essaim.test")
    first_name = factory.Faker("first_name", locale="fr_FR")
    last_name = factory.Faker("last_name", locale="fr_FR")
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def roles(user, create, extracted, **kwargs):
        add_roles(user, extracted)
