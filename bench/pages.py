"""Members' pages with a few hundred events: render time and query count per page.

Runs against a throw-away test database (the configured one's test_ twin).
Targets: every page under 10 queries; the month grid and the event page under 100 ms;
the CFP board and "my plan", which list all 300 upcoming deadlines, under 500 ms.
"""

import os
import statistics
import time

N_EVENTS = 300
ROUNDS = 10


def main():
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    from tests import factories
    from tests.events.pages_data import make_many_events

    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        user = factories.UserFactory(username="bench-member")
        member = factories.MemberFactory(user=user)
        events = make_many_events(N_EVENTS, member=member)
        client = Client()
        client.force_login(user)
        pages = {
            "calendar (month)": "/",
            "calendar (year list)": "/?view=list",
            "calendar (filtered)": "/?status=planned&tag=ai&mine=1",
            "CFP board": "/cfp/",
            "event page": f"/events/{events[N_EVENTS // 2].pk}/",
            "my plan": "/me/",
        }
        print(f"{N_EVENTS} events, {ROUNDS} rounds, database {connection.vendor}")
        for label, url in pages.items():
            client.get(url)  # warm up templates
            timings = []
            for _ in range(ROUNDS):
                with CaptureQueriesContext(connection) as queries:
                    started = time.perf_counter()
                    response = client.get(url)
                    timings.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200, (url, response.status_code)
            print(
                f"  {label:22} median {statistics.median(timings):7.1f} ms"
                f"  max {max(timings):7.1f} ms  {len(queries)} queries"
            )
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
