"""WhatsApp exports as article 3 reads them: staff vs parents, the group, its maker, local time."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from auditor.models import AuthorRole, PostKind
from auditor.sources.whatsapp_export import (
    StaffMatcher,
    WhatsAppExportSource,
    WhatsAppSettings,
    local_to_utc,
    parse_creation,
    phone_digits,
    renamed_to,
)

STAFF = ("Juf Marloes", "Meester Ruben", "Teacher Sam", "+31 6 12 34 56 78")
AMS = ZoneInfo("Europe/Amsterdam")


def chat(tmp_path: Path, text: str, name: str = "WhatsApp-chat met Ouders groep 5b.txt", **kw):  # type: ignore[no-untyped-def]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    settings = WhatsAppSettings(**{"staff": STAFF, **kw})
    source = WhatsAppExportSource(path, settings=settings)
    posts = list(source.collect())
    return source, [p for p in posts if p.kind != PostKind.GROUP], posts[-1]


# -- who is staff ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "author",
    [
        "Juf Marloes",
        "juf marloes",
        "JUF MARLOES ",
        "~ Juf Marloes",
        "~\u202fJuf Marloes",
        "\u202aJuf Marloes\u202c",
        "Juf  Marloes",
        "+31 6 12 34 56 78",
        "+31 6 12345678",
        "\u202a+31 6 12 34 56 78\u202c",
        "0612345678",
        "0031 6 1234 5678",
    ],
)
def test_staff_match_ignoring_case_decorations_and_phone_layout(author):
    assert StaffMatcher(STAFF).is_staff(author)


@pytest.mark.parametrize(
    "author",
    [
        "Marloes Hendriks",  # a parent called Marloes is not "Juf Marloes"
        "Marloes",
        "Juf Marloes Jansen",
        "Ruben Meester",
        "Meester Ruben Fanclub",
        "Sam",
        "Sam Peters",
        "+31 6 12 34 56 79",
        "",
    ],
)
def test_parents_whose_names_resemble_staff_are_not_staff(author):
    assert not StaffMatcher(STAFF).is_staff(author)


@pytest.mark.parametrize(
    ("value", "digits"),
    [("+31 6 12 34 56 78", "31612345678"), ("06-12345678", "31612345678"), ("Juf Anne", None)],
)
def test_phone_numbers_compare_digit_wise(value, digits):
    assert phone_digits(value) == digits


def test_without_staff_everyone_is_unknown():
    assert StaffMatcher(()).role("Juf Marloes") == AuthorRole.UNKNOWN


# -- parents' messages are counted, never yielded -------------------------------------------------

PARENTS_GROUP = (
    '02-09-2024 19:02 - Marloes Hendriks heeft groep "Ouders groep 5b" aangemaakt\n'
    "02-09-2024 19:03 - Marloes Hendriks heeft Juf Marloes toegevoegd\n"
    "02-09-2024 19:05 - Marloes Hendriks: Welkom! Bel me op 06-23456789\n"
    "02-09-2024 19:06 - Marloes Hendriks: IMG-20240902-WA0001.jpg (bestand bijgevoegd)\n"
    "02-09-2024 19:20 - Juf Marloes: Hallo allemaal!\n"
    "03-09-2024 08:12 - Ruben de Boer: Sem is ziek\n"
)


def test_only_staff_messages_are_yielded_and_parents_are_counted(tmp_path):
    source, messages, group = chat(tmp_path, PARENTS_GROUP)
    assert [m.text for m in messages] == ["Hallo allemaal!"]
    assert messages[0].chat.author == AuthorRole.STAFF
    assert (group.chat.staff_messages, group.chat.parent_messages) == (1, 3)
    assert "1 messages of staff audited, 3 parents' messages counted, not kept" in source.info[0]


def test_the_group_record_says_who_made_the_group_and_nothing_of_the_messages(tmp_path):
    _, _, group = chat(tmp_path, PARENTS_GROUP)
    assert group.kind == PostKind.GROUP and group.text == "" and not group.media
    assert group.chat.created_by == AuthorRole.PARENT and not group.chat.work_group
    assert group.chat.first_staff_at == "02-09-2024"
    assert group.source_ref.endswith("#group") and group.external_id.startswith("wa-group-")


def test_without_staff_nothing_is_yielded_but_the_group_and_a_warning(tmp_path):
    source, messages, group = chat(tmp_path, PARENTS_GROUP, staff=())
    assert messages == [] and not group.chat.staff_known
    [warning] = source.warnings
    assert "staff are unknown" in warning and "[whatsapp] staff" in warning


# -- the group: name, maker, work group -----------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "who", "exporter", "group"),
    [
        (
            'Marloes Hendriks heeft groep "Ouders 5b" aangemaakt',
            "Marloes Hendriks",
            False,
            "Ouders 5b",
        ),
        ("Juf Marloes heeft deze groep aangemaakt", "Juf Marloes", False, None),
        ("U hebt groep 'Groep 7 info' aangemaakt", "", True, "Groep 7 info"),
        ("Je hebt de groep aangemaakt", "", True, None),
        (
            "Sam Peters created group \u201cClass 4 Parents\u201d",
            "Sam Peters",
            False,
            "Class 4 Parents",
        ),
        ('You created group "Kerstmarkt"', "", True, "Kerstmarkt"),
    ],
)
def test_creation_lines_name_the_maker_and_the_group(line, who, exporter, group):
    made = parse_creation(line)
    assert (made.who, made.by_exporter, made.group) == (who, exporter, group)


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ('Juf Anne heeft het onderwerp gewijzigd van "Groep 5" naar "Groep 5b"', "Groep 5b"),
        ('Sam changed the subject from "Class 4" to "Class 4 Parents"', "Class 4 Parents"),
        ("Juf Anne heeft de groepsafbeelding gewijzigd", None),
    ],
)
def test_renames_give_the_new_name(line, name):
    assert renamed_to(line) == name


def test_you_created_the_group_counts_as_staff_because_exports_come_from_staff_phones(tmp_path):
    text = 'Then: 11/28/24, 7:00 PM - You created group "Kerstmarkt"\n'.removeprefix("Then: ")
    text += "11/28/24, 7:02 PM - Teacher Sam: Hi all\n"
    _, _, group = chat(tmp_path, text, "WhatsApp Chat with Kerstmarkt.txt")
    assert group.chat.created_by == AuthorRole.STAFF and group.chat.created_by_exporter


def test_group_name_comes_from_the_system_lines_when_the_file_does_not_say(tmp_path):
    text = (
        "[22-05-19 19:08:14] Werkgroep Schoolreis: \u200e"
        "Juf Marloes heeft deze groep aangemaakt\r\n"
        "[22-05-19 19:10:02] Juf Marloes: Welkom!\r\n"
    )
    source, _, group = chat(tmp_path, text, "_chat.txt", work_groups=("werkgroep schoolreis",))
    assert source.chat_name == "Werkgroep Schoolreis" and group.account == "Werkgroep Schoolreis"
    assert group.chat.work_group and group.chat.created_by == AuthorRole.STAFF


def test_a_later_rename_names_the_group(tmp_path):
    text = (
        '01-09-2024 10:00 - Juf Marloes heeft groep "Groep 5" aangemaakt\n'
        "02-09-2024 10:00 - Juf Marloes heeft het onderwerp gewijzigd naar "
        '"Werkgroep Sinterklaas"\n'
        "02-09-2024 10:01 - Juf Marloes: Welkom\n"
    )
    source, _, group = chat(tmp_path, text, "_chat.txt", work_groups=("Werkgroep Sinterklaas",))
    assert source.chat_name == "Werkgroep Sinterklaas" and group.chat.work_group


def test_the_file_name_wins_over_the_system_lines(tmp_path):
    text = '01-09-2024 10:00 - Juf Marloes heeft groep "Oude naam" aangemaakt\n'
    source, _, _ = chat(tmp_path, text, "WhatsApp Chat - Groep 6.txt")
    assert source.chat_name == "Groep 6"


# -- local time -----------------------------------------------------------------------------------


def test_the_autumn_hour_that_happens_twice_runs_forward():
    first = local_to_utc(datetime(2024, 10, 27, 2, 50), AMS)  # summer time, 00:50 UTC
    again = local_to_utc(datetime(2024, 10, 27, 2, 5), AMS, after=first)  # winter time, 01:05 UTC
    assert first == datetime(2024, 10, 27, 0, 50, tzinfo=UTC)
    assert again == datetime(2024, 10, 27, 1, 5, tzinfo=UTC)
    assert local_to_utc(datetime(2024, 10, 27, 2, 5), AMS) == datetime(
        2024, 10, 27, 0, 5, tzinfo=UTC
    )


def test_export_times_stay_in_order_across_the_fall_back_hour(tmp_path):
    text = "".join(
        f"27/10/2024, {hhmm} - +31 6 12 34 56 78: bericht {n}\n"
        for n, hhmm in enumerate(["01:55", "02:30", "02:50", "02:05", "02:20", "03:10"])
    )
    _, messages, _ = chat(tmp_path, text)
    times = [m.created_at for m in messages]
    assert times == sorted(times) and len(set(times)) == 6
    assert times[3] == datetime(2024, 10, 27, 1, 5, tzinfo=UTC)


def test_the_timezone_comes_from_the_settings(tmp_path):
    text = "12-03-2024 09:15 - Juf Marloes: Hallo\n"
    _, [message], _ = chat(tmp_path, text, timezone="Europe/London")
    assert message.created_at == datetime(2024, 3, 12, 9, 15, tzinfo=UTC)


def test_ios_english_twelve_hour_clock_with_narrow_space(tmp_path):
    text = "[3/13/24, 7:45:00\u202fAM] Teacher Sam: School is closed on Friday.\r\n"
    _, [message], _ = chat(tmp_path, text, "_chat.txt")
    assert message.created_at == datetime(2024, 3, 13, 6, 45, tzinfo=UTC)
