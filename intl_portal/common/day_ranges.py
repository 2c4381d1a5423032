"""A span of days as a reader writes it: "Dec 8 – Dec 10" in English, "12月8日–10日" in
Chinese (Django's month names gave "十二月 8 – 十二月 10"), across months "11月30日–12月2日",
across years "2025年12月30日–2026年1月2日"."""

from django.utils import formats
from django.utils.translation import get_language


def _chinese(day, *, year):
    return (f"{day.year}年" if year else "") + f"{day.month}月{day.day}日"


def day_range(start, end=None, *, year=False):
    """The days from start to end (inclusive); with the year when `year` (or when the span
    crosses into another year). Empty when there is no start."""
    if start is None:
        return ""
    same_day = end is None or end == start
    year = year or (not same_day and end.year != start.year)
    if (get_language() or "").startswith("zh"):
        text = _chinese(start, year=year)
        if same_day:
            return text
        if end.year != start.year:
            return f"{text}–{_chinese(end, year=True)}"
        if end.month != start.month:
            return f"{text}–{end.month}月{end.day}日"
        return f"{text}–{end.day}日"
    shape = "DATE_FORMAT" if year else "M j"
    text = formats.date_format(start, shape)
    return text if same_day else f"{text} – {formats.date_format(end, shape)}"
