from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BudgetConfig(AppConfig):
    name = "budget"
    verbose_name = _("Budget")

    def ready(self):
        from django.db.models.signals import post_migrate

        from members.roles import ensure_standard_groups

        # Budget is installed after members: on a fresh database the budget (and events)
        # permissions exist only once this app has migrated, so grant them again here.
        post_migrate.connect(ensure_standard_groups, sender=self)
