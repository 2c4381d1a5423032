"""Lines proposed when a trip was confirmed stored their description in the language of
whoever confirmed ("Trip of Richard to COSCUP 2025 (proposed when confirmed)"); they now
store none and BudgetLine.shown_description says it in the reader's language. Clear the
generated descriptions of existing rows (a coordinator's own text is kept)."""

from django.db import migrations
from django.db.models import Q

GENERATED = (
    Q(description__endswith="(proposed when confirmed)")
    | Q(description__endswith="时提议）")  # the Chinese words, old and new
    | Q(description__endswith="时建议）")
)


def clear_generated(apps, schema_editor):
    BudgetLine = apps.get_model("budget", "BudgetLine")
    BudgetLine.objects.filter(GENERATED, participation__isnull=False, category__in=["travel", "visa"]).update(
        description=""
    )


class Migration(migrations.Migration):
    dependencies = [("budget", "0005_bounded_texts")]

    operations = [migrations.RunPython(clear_generated, migrations.RunPython.noop)]
