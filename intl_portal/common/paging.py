"""Windows onto lists that grow with the years: one page of rows and the list's total in the
same query (a COUNT(*) OVER () beside each row), with the links to the pages before and after
that keep the rest of the query string (filters, other lists' pages).

A list whose length nobody needs exactly (a member's plan: "1–20 of more than 100") is counted
only up to a bound, so its page costs the same whether the list holds 150 rows or 5,000."""

from urllib.parse import urlencode

from django.db.models import Count, Subquery, Window


def page_number(query, param):
    """The page asked for in `query` (a QueryDict) under `param`: 1 when absent or not a
    positive whole number (a bad page shows the first, not an error)."""
    value = query.get(param, "")
    return int(value) if value.isdigit() and 0 < int(value) < 100_000 else 1


class ListWindow(list):
    """One page of a list's rows (it is that list), with the list's total and the links to
    the pages before and after."""

    def __init__(self, items, *, total, page, size, param, query, anchor="", more_than=False):
        super().__init__(items)
        self.total, self.page, self.size = total, page, size
        # Counted up to a bound: the list holds more than `total` rows.
        self.more_than = more_than
        self.param, self.query, self.anchor = param, query, anchor

    @property
    def items(self):
        return list(self)

    @property
    def first_index(self):
        return (self.page - 1) * self.size + 1 if self.items else 0

    @property
    def last_index(self):
        return (self.page - 1) * self.size + len(self.items)

    @property
    def has_next(self):
        return self.more_than or (self.total is not None and self.last_index < self.total)

    @property
    def has_previous(self):
        return self.page > 1

    @property
    def is_partial(self):
        """Whether the page shows fewer than all the rows (the navigation is worth showing)."""
        return self.page > 1 or self.has_next

    def _url(self, page):
        items = [(key, value) for key, values in self.query.lists() if key != self.param for value in values]
        if page > 1:
            items.append((self.param, page))
        suffix = f"#{self.anchor}" if self.anchor else ""
        return f"?{urlencode(items)}{suffix}"

    @property
    def next_url(self):
        return self._url(self.page + 1)

    @property
    def previous_url(self):
        return self._url(self.page - 1)

    @property
    def first_url(self):
        return self._url(1)


def total_of(rows, *, up_to=None):
    """The number of `rows` as a scalar subquery (NULL when there are none), to annotate
    another query with: the count costs no query of its own. With `up_to`, at most
    `up_to` + 1 rows are counted (a number above `up_to` means "more than `up_to`"), and the
    count stops there instead of reading every row. Which rows are counted does not change
    the number: `rows`' order, if any, only tells the database how to find them (along the
    index of that order); unordered, it takes the quickest way."""
    if up_to is not None:
        rows = rows.model._base_manager.filter(pk__in=rows.values("pk")[: up_to + 1])
    return Subquery(rows.order_by().annotate(window_total=Window(Count("pk"))).values("window_total")[:1])


def count_bound(*, page, size, up_to):
    """How far to count a list shown `size` rows a page when `up_to` rows are enough to
    count: never less than the end of the page asked, so the page knows whether one follows."""
    return None if up_to is None else max(up_to, page * size)


def window_of(items, counted_total, *, page, size, param, query, anchor="", bound=None):
    """The ListWindow of page `page`'s `items`, whose rows carried `counted_total` (a
    `total_of(…, up_to=bound)`): "more than `bound`" when the count reached past it. A page
    past the end has no row to carry the total: it has none (None) and only links back to
    the first."""
    more_than = False
    if items:
        total = counted_total or 0
        if bound is not None and total > bound:
            total, more_than = bound, True
    else:
        total = None if page > 1 else 0
    return ListWindow(
        items, total=total, page=page, size=size, param=param, query=query, anchor=anchor, more_than=more_than
    )


def list_window(rows, *, query, param, size, anchor="", count_up_to=None):
    """Page `query[param]` of the ordered queryset `rows`, `size` rows a page, and the total:
    one query. The page is picked by its ids in a narrow subquery (an index or a top-N sort,
    never a sort of every full row), then read whole; a page past the end has no total (None).
    With `count_up_to`, the rows are counted only that far (or to the end of the page asked):
    beyond it the window says "more than"."""
    page = page_number(query, param)
    offset = (page - 1) * size
    bound = count_bound(page=page, size=size, up_to=count_up_to)
    picked = rows.values("pk")[offset : offset + size]
    # The count needs no order (a computed one would sort every row to count a hundred).
    counted = total_of(rows.order_by(), up_to=bound)
    items = list(rows.filter(pk__in=Subquery(picked)).annotate(window_total=counted))
    return window_of(
        items,
        items[0].window_total if items else None,
        page=page,
        size=size,
        param=param,
        query=query,
        anchor=anchor,
        bound=bound,
    )
