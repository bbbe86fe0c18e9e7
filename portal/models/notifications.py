"""In-app notifications and each person's e-mail preferences."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.enums import DeliveryMode, NotificationCategory


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("destinataire"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    category = models.CharField(_("catégorie"), max_length=20, choices=NotificationCategory.choices)
    kind = models.SlugField(_("type d'évènement"), max_length=60)
    title = models.CharField(_("titre"), max_length=250)
    body = models.TextField(_("texte"), blank=True)
    url = models.CharField(_("lien"), max_length=500, blank=True)
    content_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.CharField(max_length=64, blank=True)
    target = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(_("créée le"), default=timezone.now, db_index=True)
    read_at = models.DateTimeField(_("lue le"), null=True, blank=True)
    #: How this notification reaches the mailbox, fixed when it is created.
    delivery = models.CharField(
        _("envoi par courriel"), max_length=20, choices=DeliveryMode.choices
    )
    emailed_at = models.DateTimeField(_("envoyée par courriel le"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "read_at"], name="notification_unread_idx"),
            models.Index(fields=["delivery", "emailed_at"], name="notification_digest_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


class NotificationPreference(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("personne"),
        on_delete=models.CASCADE,
        related_name="notification_preferences",
    )
    category = models.CharField(_("catégorie"), max_length=20, choices=NotificationCategory.choices)
    delivery = models.CharField(
        _("envoi par courriel"),
        max_length=20,
        choices=DeliveryMode.choices,
        default=DeliveryMode.IMMEDIATE,
    )

    class Meta:
        verbose_name = _("préférence de notification")
        verbose_name_plural = _("préférences de notification")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "category"], name="notification_preference_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_category_display()} : {self.get_delivery_display()}"
