"""Count bar charts for the review, drawn on the server as SVG (geometry only; the template
draws it, like budget.charts). A row may have two bars: wanted (thin) and won (thick)."""

from dataclasses import dataclass

LABEL_WIDTH = 200
BAR_WIDTH = 420
VALUE_WIDTH = 80
ROW_HEIGHT = 30
TOP = 10


@dataclass
class CountRow:
    label: str
    y: int
    value: int
    width: float
    wanted: int | None
    wanted_width: float
    value_x: float


@dataclass
class CountChart:
    rows: list
    width: int
    height: int
    label_width: int


def count_chart(*, rows):
    """rows: [(label, value)] or [(label, won, wanted)]."""
    rows = list(rows)
    maximum = max([1] + [max(row[1], row[2] if len(row) > 2 else 0) for row in rows])
    drawn = []
    for index, row in enumerate(rows):
        label, value = str(row[0]), row[1]
        wanted = row[2] if len(row) > 2 else None
        drawn.append(
            CountRow(
                label=label if len(label) <= 28 else label[:27] + "…",
                y=TOP + index * ROW_HEIGHT,
                value=value,
                width=round(value / maximum * BAR_WIDTH, 1),
                wanted=wanted,
                wanted_width=round((wanted or 0) / maximum * BAR_WIDTH, 1),
                value_x=LABEL_WIDTH + BAR_WIDTH + 8,
            )
        )
    return CountChart(
        rows=drawn,
        width=LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH,
        height=TOP + max(1, len(drawn)) * ROW_HEIGHT + 6,
        label_width=LABEL_WIDTH,
    )
