from .people import Member, Role, RoleAssignment
from .program import Contribution, ContributionPublication, Enrolment, PointRule, Reward, Track
from .swag import (
    StockLevel,
    StockLocation,
    StockMovement,
    SwagItem,
    SwagRequest,
    SwagRequestLine,
    SwagVariant,
)

__all__ = [
    "Contribution",
    "ContributionPublication",
    "Enrolment",
    "Member",
    "PointRule",
    "Reward",
    "Role",
    "RoleAssignment",
    "StockLevel",
    "StockLocation",
    "StockMovement",
    "SwagItem",
    "SwagRequest",
    "SwagRequestLine",
    "SwagVariant",
    "Track",
]
