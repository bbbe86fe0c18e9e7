"""Create or complete Essaim's demo: page tree, people, and what each app contributes."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from portal.registry import demo_loaders


class Command(BaseCommand):
    help = "Charge les données de démonstration (idempotent ; refusé en production)."

    def handle(self, *args, **options):
        if settings.ESSAIM_ENVIRONMENT == "production" or not settings.ESSAIM_DEMO_PASSWORD:
            raise CommandError(
                "load_demo refuse de s'exécuter avec les réglages de production : "
                "les comptes de démonstration ont un mot de passe connu."
            )
        with transaction.atomic():
            for loader in demo_loaders():
                self.stdout.write(f"· {loader.name}")
                loader.load(self.stdout)
        self.stdout.write(self.style.SUCCESS("Données de démonstration prêtes."))
