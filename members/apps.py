from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = _("Members and ambassador program")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in
        from django.db.models.signals import post_migrate

        from .groups import ensure_standard_groups
        from .menu import remember_menu

        # After every app's migrate, so the permissions of all apps exist to be granted.
        post_migrate.connect(ensure_standard_groups, dispatch_uid="members_standard_groups")
        # The menu's choices, kept in the session at log-in (members/menu.py); writes no row.
        user_logged_in.connect(remember_menu, dispatch_uid="members_remember_menu")
