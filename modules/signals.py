"""A person's place in a season also opens the restricted document collections.

Roles are derived from `SwarmedMember` (portal.roles), but Wagtail's collection privacy (the
framework's tools, the training's resources) only knows Django groups. So the referent and
participant groups follow season membership: joining adds the group, leaving the last season
place of that role removes it.
"""

from django.contrib.auth.models import Group
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from modules.models import SwarmedMember
from portal.roles import forget


@receiver(post_save, sender=SwarmedMember, dispatch_uid="modules_member_group_add")
def add_season_group(sender, instance: SwarmedMember, **kwargs) -> None:
    group, _ = Group.objects.get_or_create(name=instance.role)
    instance.user.groups.add(group)
    forget(instance.user)


@receiver(post_delete, sender=SwarmedMember, dispatch_uid="modules_member_group_remove")
def remove_season_group(sender, instance: SwarmedMember, **kwargs) -> None:
    if not SwarmedMember.objects.filter(user_id=instance.user_id, role=instance.role).exists():
        group = Group.objects.filter(name=instance.role).first()
        if group is not None:
            instance.user.groups.remove(group)
    forget(instance.user)
