from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = _("Members and ambassador program")

    def ready(self):
        from django.db.models.signals import post_migrate

        from .roles import ensure_standard_groups

        post_migrate.connect(ensure_standard_groups, sender=self)
