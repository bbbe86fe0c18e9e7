"""A person's place in a season also opens the restricted document collections.

Roles are derived from `SwarmedMember` (portal.roles), but Wagtail's collection privacy (the
framework's tools, the training's resources) only knows Django groups. So the referent and
participant groups follow season membership: after any change to a person's season places,
they hold exactly the groups of the roles they have in some season.
"""

from django.contrib.auth.models import Group
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from modules.models import SeasonRole, SwarmedMember
from portal.roles import forget


def sync_season_groups(user) -> None:
    held = set(SwarmedMember.objects.filter(user=user).values_list("role", flat=True))
    for role in SeasonRole.values:
        group, _ = Group.objects.get_or_create(name=role)
        if role in held:
            user.groups.add(group)
        else:
            user.groups.remove(group)
    forget(user)


@receiver(post_save, sender=SwarmedMember, dispatch_uid="modules_member_group_add")
@receiver(post_delete, sender=SwarmedMember, dispatch_uid="modules_member_group_remove")
def season_groups_follow_membership(sender, instance: SwarmedMember, **kwargs) -> None:
    sync_season_groups(instance.user)
