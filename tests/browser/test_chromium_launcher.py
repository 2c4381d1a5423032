"""The launcher's own rules, without a browser: where it finds Chromium, and that a missing
one skips on a developer's machine but fails under CI."""

import pytest

from tests import chromium, machine


def _executable(path):
    path.write_text("#!/bin/sh\n")
    path.chmod(0o755)
    return str(path)


def test_chromium_path_prefers_CHROMIUM_PATH(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setenv("CHROMIUM_PATH", _executable(tmp_path / "my-chromium"))
    assert chromium.chromium_path() == str(tmp_path / "my-chromium")


def test_a_CHROMIUM_PATH_pointing_nowhere_finds_none(monkeypatch, tmp_path):
    _executable(tmp_path / "chromium")
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setenv("CHROMIUM_PATH", str(tmp_path / "nowhere"))
    assert chromium.chromium_path() is None


def test_without_CHROMIUM_PATH_chromium_is_looked_up_on_the_PATH(monkeypatch, tmp_path):
    monkeypatch.delenv("CHROMIUM_PATH", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert chromium.chromium_path() is None
    _executable(tmp_path / "chromium")
    assert chromium.chromium_path() == str(tmp_path / "chromium")


@pytest.mark.parametrize(
    ("in_ci", "outcome"), [(False, pytest.skip.Exception), (True, pytest.fail.Exception)]
)
def test_a_missing_service_skips_except_under_CI(monkeypatch, in_ci, outcome):
    monkeypatch.setattr(machine, "IN_CI", in_ci)
    with pytest.raises(outcome, match="needs Chromium"):
        machine.require_service(False, "needs Chromium")
    assert machine.require_service(True, "needs Chromium") is None


def test_tests_using_the_browser_are_marked_and_run_last(request):
    items = request.session.items
    uses_browser = ["browser" in item.fixturenames for item in items]
    assert uses_browser == sorted(uses_browser)  # every browser test after every other test
    assert all(item.get_closest_marker("browser") for item in items if "browser" in item.fixturenames)
