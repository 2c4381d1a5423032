"""Factories for the program models."""

import factory

from members.models import (
    Contribution,
    Enrolment,
    Reward,
    SwagRequestLine,
)

from .members import MemberFactory


class EnrolmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enrolment

    member = factory.SubFactory(MemberFactory)
    track = "translator"


class ContributionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contribution

    member = factory.SubFactory(MemberFactory)
    kind = Contribution.Kind.TRANSLATED_ARTICLE
    title_en = factory.Sequence(lambda n: f"Article {n}")


class PointRuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "members.PointRule"
        django_get_or_create = ("kind",)

    kind = Contribution.Kind.TRANSLATED_ARTICLE
    points = 10


class SwagItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "members.SwagItem"
        django_get_or_create = ("name_en",)

    name_en = factory.Sequence(lambda n: f"T-shirt {n}")
    name_zh = "T恤"


class SwagVariantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "members.SwagVariant"

    item = factory.SubFactory(SwagItemFactory)
    label = factory.Sequence(lambda n: f"L{n}")


class StockLocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "members.StockLocation"

    name = factory.Sequence(lambda n: f"Store room {n}")


class SwagRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "members.SwagRequest"

    requested_by = factory.SubFactory(MemberFactory)
    recipient_name = "Li Lei"
    address = "Room 101, 1 Example Road, Beijing"
    reason = "reward"


class SwagRequestLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SwagRequestLine

    request = factory.SubFactory(SwagRequestFactory)
    variant = factory.SubFactory(SwagVariantFactory)
    quantity = 1


class RewardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reward

    member = factory.SubFactory(MemberFactory)
    kind = Reward.Kind.HONOUR
    title = factory.Sequence(lambda n: f"Translator of the month {n}")
