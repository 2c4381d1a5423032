"""Program records as the page tests need them: an active enrolment, an accepted contribution."""

import datetime as dt

from django.utils import timezone

from members.models import Enrolment
from members.program import services
from tests import factories


def enrolled(member, *, public, track="translator"):
    return factories.EnrolmentFactory(
        member=member,
        track=track,
        status=Enrolment.Status.ACTIVE,
        term_start=timezone.localdate() - dt.timedelta(days=30),
        show_publicly=public,
    )


def accepted(member, coordinator, *, public, title):
    contribution = factories.ContributionFactory(member=member, title_en=title, show_publicly=public)
    services.contribution_accept(contribution=contribution, user=coordinator)
    return contribution
