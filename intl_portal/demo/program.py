"""The ambassador program: points per kind of contribution, where the swag is kept, and the
T-shirt with its sizes."""

from members.models import PointRule, StockLocation, SwagItem
from members.permissions import OPERATOR
from members.program.services import catalogue as swag
from members.program.services import contributions, stock

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
        # Set once: a coordinator's later change of points is kept.
        if not PointRule.objects.filter(kind=kind).exists():
            contributions.point_rule_set(user=OPERATOR, kind=kind, points=points)
    location = {"holder": members["Corrie"], "address": ""}
    existing = StockLocation.objects.filter(name="Corrie 的房间").first()
    if existing is None:
        stock.stock_location_create(user=OPERATOR, name="Corrie 的房间", **location)
    else:
        stock.stock_location_update(location=existing, user=OPERATOR, **location)
    shirt = {"name_zh": "T 恤", "description": "译道师 / 大使的纪念品"}
    sizes = ["S", "M", "L", "XL"]
    existing = SwagItem.objects.filter(name_en="T-shirt").first()
    if existing is None:
        swag.swag_item_create(user=OPERATOR, name_en="T-shirt", variant_labels=sizes, **shirt)
    else:
        swag.swag_item_update(item=existing, user=OPERATOR, variant_labels=sizes, **shirt)
