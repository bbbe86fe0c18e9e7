from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.enums import DeletionRequestStatus


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email: str, password: str | None = None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person; the e-mail address is the login."""

    email = models.EmailField(_("adresse électronique"), unique=True)
    first_name = models.CharField(_("prénom"), max_length=150, blank=True)
    last_name = models.CharField(_("nom"), max_length=150, blank=True)
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    is_staff = models.BooleanField(
        _("accès à l'administration"),
        default=False,
        help_text=_("Permet de se connecter à l'interface d'administration."),
    )
    is_active = models.BooleanField(_("actif"), default=True)
    login_code_by_email = models.BooleanField(
        _("code de connexion par courriel"),
        default=False,
        help_text=_(
            "Après le mot de passe, un code à usage unique est envoyé par courriel : "
            "une protection supplémentaire sans application d'authentification."
        ),
    )
    date_joined = models.DateTimeField(_("date d'inscription"), default=timezone.now)

    objects = UserManager()

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("utilisateur·rice")
        verbose_name_plural = _("utilisateur·rices")
        ordering = ["last_name", "first_name", "email"]

    def __str__(self) -> str:
        return self.get_full_name() or self.email

    def get_full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def get_short_name(self) -> str:
        return self.first_name or self.email


class AccountDeletionRequest(models.Model):
    """A person's request to erase their account (RGPD), handled by Ansa."""

    user = models.ForeignKey(
        User,
        verbose_name=_("personne"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="deletion_requests",
    )
    email = models.EmailField(_("adresse au moment de la demande"))
    reason = models.TextField(_("motif (facultatif)"), blank=True)
    status = models.CharField(
        _("état"),
        max_length=20,
        choices=DeletionRequestStatus.choices,
        default=DeletionRequestStatus.PENDING,
    )
    requested_at = models.DateTimeField(_("demandée le"), default=timezone.now)
    handled_at = models.DateTimeField(_("traitée le"), null=True, blank=True)

    class Meta:
        verbose_name = _("demande de suppression de compte")
        verbose_name_plural = _("demandes de suppression de compte")
        ordering = ["-requested_at"]

    def __str__(self) -> str:
        return f"{self.email} ({self.get_status_display()})"
