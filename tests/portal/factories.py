import factory
from django.contrib.auth.models import Group

from portal.models import User
from portal.roles import Role

PASSWORD = "un-mot-de-passe-solide-2027"


class UserFactory(factory.django.DjangoModelFactory):
    """`UserFactory(roles=[Role.EXPERT])`, or a trait: `UserFactory(ansa=True)`."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    class Params:
        ansa = factory.Trait(is_staff=True, roles=[Role.ANSA])
        editor = factory.Trait(is_staff=True, roles=[Role.EDITOR])
        expert = factory.Trait(roles=[Role.EXPERT])
        referent = factory.Trait(roles=[Role.REFERENT])

    email = factory.Sequence(lambda n: f"personne{n}@essaim.test")
    first_name = factory.Faker("first_name", locale="fr_FR")
    last_name = factory.Faker("last_name", locale="fr_FR")
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def roles(user, create, extracted, **kwargs):
        for role in extracted or ():
            user.groups.add(Group.objects.get_or_create(name=Role(role).value)[0])
