"""Django's own admin texts that our catalogue words differently or that Django's zh_Hans
catalogue lacks. Listed here, never called, only so that makemessages keeps them in
locale/zh_Hans/LC_MESSAGES/django.po (our catalogue is read before Django's, so its
msgstr wins). The admin's JavaScript texts (the two-list picker) are in djangojs.po.
"""

from django.utils.translation import gettext_noop

DJANGO_ADMIN_TEXTS = (
    # Page titles: "选择要修改的活动" rather than Django's "选择 活动 来修改".
    gettext_noop("Select %s to change"),
    gettext_noop("Select %s to view"),
    gettext_noop("Add %s"),
    gettext_noop("Add %(name)s"),
    gettext_noop("Change %s"),
    gettext_noop("View %s"),
    gettext_noop("Change history: %s"),
    # The index's table headers, read by screen readers; missing from Django's catalogue.
    gettext_noop("Model name"),
    gettext_noop("Add link"),
    gettext_noop("Change or view list link"),
    # django-simple-history's history page.
    gettext_noop("Changes"),
)
