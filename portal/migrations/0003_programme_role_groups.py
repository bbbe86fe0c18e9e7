"""One Django group per programme role (portal.roles.PROGRAMME_ROLES), created with the schema."""

from django.db import migrations

# Frozen here: a migration must not change when portal.roles does.
PROGRAMME_ROLE_GROUPS = ["ansa", "head_of_network", "expert", "steering", "editor"]


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in PROGRAMME_ROLE_GROUPS:
        Group.objects.get_or_create(name=name)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0002_structures_notifications_audit"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
