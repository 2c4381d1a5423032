"""Two coordinators ship the last shirt at the same time: one wins, stock never goes below
zero, and the levels still agree with the movement log. Real PostgreSQL row locks."""

import threading
import time

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, transaction

from members.models import StockLevel, StockMovement, SwagRequest
from members.program import selectors, services
from tests import factories

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def _two_approved_requests_for_the_last_shirt(coordinator, member_user):
    variant = factories.SwagVariantFactory(label="M")
    room = factories.StockLocationFactory(name="Corrie's room")
    services.stock_record(user=coordinator, variant=variant, kind="in", quantity=1, to_location=room)
    requests = []
    for name in ("Booth at KubeCon", "Speaker at FOSDEM"):
        request = services.swag_request_create(
            user=member_user,
            recipient_name=name,
            address="1 Road",
            reason="booth",
            lines=[(variant, 1)],
        )
        services.swag_request_approve(request=request, user=coordinator)
        requests.append(request)
    return variant, room, requests


def _in_thread(target, results, key):
    def run():
        try:
            results[key] = target()
        except ValidationError as error:
            results[key] = error
        finally:
            connection.close()

    return threading.Thread(target=run)


def test_second_coordinator_waits_for_the_lock_and_is_refused(coordinator, member_user):
    variant, room, (first, second) = _two_approved_requests_for_the_last_shirt(coordinator, member_user)
    first_shipped = threading.Event()
    results = {}

    def ship_first_and_hold_the_transaction():
        with transaction.atomic():
            services.swag_request_ship(request=first, user=coordinator)
            first_shipped.set()
            time.sleep(0.5)  # the second shipment must wait for this commit
        return "shipped"

    def ship_second_while_first_is_open():
        first_shipped.wait(5)
        started = time.monotonic()
        try:
            services.swag_request_ship(request=second, user=coordinator)
        finally:
            results["waited"] = time.monotonic() - started
        return "shipped"

    threads = [
        _in_thread(ship_first_and_hold_the_transaction, results, "first"),
        _in_thread(ship_second_while_first_is_open, results, "second"),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)

    assert results["first"] == "shipped"
    assert isinstance(results["second"], ValidationError)
    assert results["waited"] >= 0.3  # it blocked on the row lock, then saw 0 left
    assert StockLevel.objects.get(variant=variant, location=room).quantity == 0
    assert StockMovement.objects.filter(kind="out").count() == 1
    statuses = sorted(SwagRequest.objects.values_list("status", flat=True))
    assert statuses == ["approved", "shipped"]
    assert selectors.stock_mismatches() == {}


def test_many_simultaneous_shipments_never_oversell(coordinator, member_user):
    variant = factories.SwagVariantFactory(label="S")
    room = factories.StockLocationFactory(name="Warehouse")
    services.stock_record(user=coordinator, variant=variant, kind="in", quantity=3, to_location=room)
    requests = []
    for number in range(8):
        request = services.swag_request_create(
            user=member_user,
            recipient_name=f"R{number}",
            address="x",
            reason="booth",
            lines=[(variant, 1)],
        )
        services.swag_request_approve(request=request, user=coordinator)
        requests.append(request)
    barrier = threading.Barrier(len(requests))
    results = {}

    def shipper(request):
        def run():
            barrier.wait(5)
            services.swag_request_ship(request=request, user=coordinator)
            return "shipped"

        return run

    threads = [_in_thread(shipper(r), results, r.pk) for r in requests]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(20)

    shipped = [key for key, value in results.items() if value == "shipped"]
    refused = [key for key, value in results.items() if isinstance(value, ValidationError)]
    assert (len(shipped), len(refused)) == (3, 5)
    assert StockLevel.objects.get(variant=variant, location=room).quantity == 0
    assert StockMovement.objects.filter(kind="out").count() == 3
    assert selectors.stock_mismatches() == {}
