"""Where an event is, as a reader of either language writes it: "Tokyo, Japan" / "东京，日本".

City names are typed in English (by coordinators, or as the public trackers give them);
the Chinese pages show the Chinese name where it is known: the cities of the group's plan
and of the trackers' conferences. A city not in the table keeps its English name.
"""

from django.utils.translation import get_language, pgettext

# English name (as stored, compared case-insensitively) → Chinese name.
CITY_NAMES_ZH = {
    # The plan (intl_portal/demo/events.py)
    "Bangkok": "曼谷",
    "Beijing": "北京",
    "Brussels": "布鲁塞尔",
    "Cannes": "戛纳",
    "Hangzhou": "杭州",
    "Kuala Lumpur": "吉隆坡",
    "London": "伦敦",
    "Raleigh": "罗利",
    "Raleigh, NC": "罗利（北卡罗来纳州）",
    "Seoul": "首尔",
    "Taipei": "台北",
    "Tokyo": "东京",
    # Conferences the trackers list often
    "Amsterdam": "阿姆斯特丹",
    "Antwerp": "安特卫普",
    "Barcelona": "巴塞罗那",
    "Berlin": "柏林",
    "Bordeaux": "波尔多",
    "Chicago": "芝加哥",
    "Chicago, IL": "芝加哥（伊利诺伊州）",
    "Denver": "丹佛",
    "Dublin": "都柏林",
    "Hong Kong": "香港",
    "Helsinki": "赫尔辛基",
    "Krakow": "克拉科夫",
    "Lisbon": "里斯本",
    "Lyon": "里昂",
    "Madrid": "马德里",
    "Melbourne": "墨尔本",
    "Milan": "米兰",
    "Munich": "慕尼黑",
    "Nantes": "南特",
    "New York": "纽约",
    "New York, NY": "纽约",
    "Osaka": "大阪",
    "Paris": "巴黎",
    "Prague": "布拉格",
    "San Francisco": "旧金山",
    "San Francisco, CA": "旧金山",
    "San Jose": "圣何塞",
    "Seattle": "西雅图",
    "Shanghai": "上海",
    "Shenzhen": "深圳",
    "Singapore": "新加坡",
    "Stockholm": "斯德哥尔摩",
    "Sydney": "悉尼",
    "Tel Aviv": "特拉维夫",
    "Toulouse": "图卢兹",
    "Vienna": "维也纳",
    "Yokohama": "横滨",
    "Zurich": "苏黎世",
}
_BY_KEY = {name.casefold(): chinese for name, chinese in CITY_NAMES_ZH.items()}


def _chinese():
    return (get_language() or "").startswith("zh")


def city_name(city):
    """The city in the reader's language: "Tokyo" → "东京" on a Chinese page."""
    city = (city or "").strip()
    if city and _chinese():
        return _BY_KEY.get(city.casefold(), city)
    return city


def place_text(city="", country="", venue=""):
    """Venue, city and country joined as the reader writes them, leaving out what is empty
    (no ", Belgium" without a city): "ULB, Brussels, Belgium"; in Chinese from the largest
    to the smallest, the country and city run together: "比利时布鲁塞尔，ULB"."""
    venue, city, country = (str(part or "").strip() for part in (venue, city_name(city), country))
    if not _chinese():
        return pgettext("place", ", ").join(part for part in (venue, city, country) if part)
    # A city with no Chinese name keeps a space from the country's characters.
    where = f"{country} {city}" if country and city and city.isascii() else f"{country}{city}"
    return "，".join(part for part in (where, venue) if part)
