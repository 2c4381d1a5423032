"""The ambassador program: points per kind of contribution, where the swag is kept, and the
T-shirt with its sizes."""

from members.models import PointRule, StockLocation, SwagItem, SwagVariant

POINT_RULES = {
    "translated_article": 10,
    "original_article": 15,
    "talk_translation": 8,
    "social_post": 2,
    "interview": 12,
    "event_support": 5,
}


def load_program(members):
    for kind, points in POINT_RULES.items():
        # TODO(one-door): members program service point_rule_set (get_or_create: keeps a
        # coordinator's change of points)
        PointRule.objects.get_or_create(kind=kind, defaults={"points": points})
    # TODO(one-door): members program service stock_location_set
    StockLocation.objects.update_or_create(
        name="Corrie 的房间",
        defaults={"holder": members["Corrie"], "address": ""},
    )
    # TODO(one-door): members program services swag_item_set / swag_variant_add
    shirt, _ = SwagItem.objects.update_or_create(
        name_en="T-shirt", defaults={"name_zh": "T 恤", "description": "译道师 / 大使的纪念品"}
    )
    for size in ("S", "M", "L", "XL"):
        SwagVariant.objects.get_or_create(item=shirt, label=size)
