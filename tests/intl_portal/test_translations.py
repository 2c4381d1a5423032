"""English and Simplified Chinese throughout: the catalogue is complete and served."""

import re
from pathlib import Path

import polib
import pytest
from django.urls import reverse

from tests.factories import EventFactory

CATALOGUE = Path(__file__).resolve().parents[2] / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"


def test_every_string_has_a_chinese_translation():
    catalogue = polib.pofile(str(CATALOGUE))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert untranslated == []
    assert fuzzy == []


def _named(text):
    return sorted(re.findall(r"%\((\w+)\)", text))


def test_placeholders_survive_translation():
    """Every translation keeps its source's placeholders, by name (what `msgfmt -c` and
    translators' tools check): a name the source lacks would pass here only by luck."""
    catalogue = polib.pofile(str(CATALOGUE))
    broken = []
    for entry in catalogue.translated_entries():
        targets = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        sources = {*_named(entry.msgid), *_named(entry.msgid_plural or "")}
        for target in targets:
            if target.count("{") != entry.msgid.count("{") or set(_named(target)) != sources:
                broken.append(entry.msgid)
    assert broken == []


@pytest.mark.django_db
def test_admin_speaks_chinese(coordinator_client):
    EventFactory()
    coordinator_client.cookies["django_language"] = "zh-hans"
    response = coordinator_client.get(reverse("admin:events_event_changelist"))
    content = response.content.decode()
    assert "活动" in content
    assert "确认所选活动" in content


@pytest.mark.django_db
def test_language_switch_persists(client):
    response = client.post(reverse("set_language"), {"language": "zh-hans", "next": "/"})
    assert response.status_code == 302
    assert "国际接轨" in client.get("/").content.decode()


def test_form_labels_end_with_one_full_width_mark_in_chinese():
    from django import forms
    from django.utils import translation

    class Sample(forms.Form):
        name = forms.CharField(label="名称")
        goals = forms.CharField(label="我们可以在那里做什么？")

    with translation.override("zh-hans"):
        form = Sample()
        assert form["name"].label_tag() == '<label for="id_name">名称：</label>'
        assert form["goals"].label_tag() == '<label for="id_goals">我们可以在那里做什么？</label>'
    with translation.override("en"):
        assert Sample()["name"].label_tag() == '<label for="id_name">名称:</label>'
