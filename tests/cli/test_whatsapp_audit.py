"""`auditor audit --archive` on WhatsApp exports, as the account manager runs it (article 3).

The exports are the labelled ones of `bench/whatsapp/chats/` (every format and locale), built into
real `.txt`/`.zip` files. Whatever the chat: no finding on a parent's message or a system line,
nothing a parent wrote ends up in the database, and without `[whatsapp] staff` nothing is
audited per message.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text

from auditor.cli import main

REPO = Path(__file__).resolve().parents[2]
CONFIG = REPO / "bench" / "whatsapp" / "auditor.toml"


def _bench():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "whatsapp_quality", REPO / "bench" / "whatsapp_quality.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


bench = _bench()
CHATS = bench.load_chats()


@pytest.fixture
def run(
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("AUDITOR_DATABASE_URL", database_url)
    monkeypatch.chdir(tmp_path)  # media copies go to ./auditor-data

    def cli(config: Path, *argv: str) -> tuple[int, str, str]:
        code = main(["--config", str(config), *argv])
        out, err = capsys.readouterr()
        return code, out, err

    return cli


def export_of(chat, tmp_path: Path, shared: Path) -> Path:  # type: ignore[no-untyped-def]
    if chat.meta.get("media") and not (shared / "images").is_dir():
        pytest.skip("../shared/images absent")
    folder = tmp_path / "exports"
    folder.mkdir(exist_ok=True)
    return bench.build_export(chat, folder, shared / "images")


def stored_findings(database_url: str) -> list[tuple[str, str, str]]:
    engine = create_engine(database_url)
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT f.rule, f.article, p.source_ref FROM findings f "
                "JOIN posts p ON p.id = f.post_id"
            )
        ).all()
    engine.dispose()
    return [tuple(r) for r in rows]


def everything_stored(database_url: str) -> str:
    """Every row of every table, as one text (the database 'grepped')."""
    engine = create_engine(database_url)
    parts = []
    with engine.connect() as conn:
        for table in inspect(conn).get_table_names():
            parts.extend(repr(tuple(row)) for row in conn.execute(text(f'SELECT * FROM "{table}"')))
    engine.dispose()
    if database_url.startswith("sqlite:///"):
        parts.append(
            Path(database_url.removeprefix("sqlite:///")).read_bytes().decode("utf-8", "replace")
        )
    return "\n".join(parts)


def not_staff_texts(chat) -> list[str]:  # type: ignore[no-untyped-def]
    """What parents and system lines say (first line, after the sender), long enough to grep."""
    found = []
    for number in sorted(chat.messages - chat.staff):
        line = bench.HEADER.sub("", chat.lines[number - 1], count=1)
        line = re.sub(r"^[^\]]*\]\s*|^\s*-\s*", "", line)  # rest of the header
        body = line.split(": ", 1)[1] if ": " in line else line
        body = body.strip("\u200e ")
        placeholder = re.search(r"weggelaten|omitted|bijgevoegd|attached|^<Media", body)
        if len(body) >= 20 and not placeholder:
            found.append(body)
    return found


@pytest.mark.parametrize("chat", CHATS, ids=[c.name for c in CHATS])
def test_no_finding_on_a_parents_message_or_a_system_line(
    run, database_url, chat, tmp_path, shared
):  # type: ignore[no-untyped-def]
    export = export_of(chat, tmp_path, shared)
    code, out, err = run(CONFIG, "audit", "--archive", str(export))
    assert code in (0, 1), err
    rows = stored_findings(database_url)
    for rule, article, ref in rows:
        if ref.endswith("#group"):
            assert rule in {"whatsapp.group-created", "whatsapp.staff-in-parents-group"}
            continue
        line = int(ref.rsplit("#L", 1)[1])
        assert line in chat.staff, f"{rule} on line {line}: {chat.lines[line - 1]}"
        assert article.startswith("3")


@pytest.mark.parametrize("chat", CHATS, ids=[c.name for c in CHATS])
def test_nothing_a_parent_wrote_is_stored(run, database_url, chat, tmp_path, shared):  # type: ignore[no-untyped-def]
    export = export_of(chat, tmp_path, shared)
    run(CONFIG, "audit", "--archive", str(export))
    stored = everything_stored(database_url)
    texts = not_staff_texts(chat)
    assert texts, "every export has parents' messages or system lines"
    leaked = [t for t in texts if t in stored]
    assert not leaked


def test_parents_photos_are_not_copied(run, tmp_path, shared):  # type: ignore[no-untyped-def]
    [chat] = [c for c in CHATS if "werkgroep-sint" in c.name]
    export = export_of(chat, tmp_path, shared)
    run(CONFIG, "audit", "--archive", str(export))
    copies = {p.stat().st_size for p in (tmp_path / "auditor-data").rglob("*") if p.is_file()}
    parents_photo = (shared / "images" / chat.meta["media"]["IMG-20241118-WA0004.jpg"]).stat()
    assert copies and parents_photo.st_size not in copies


def test_a_dutch_zip_export_end_to_end_with_the_config(run, database_url, tmp_path, shared):  # type: ignore[no-untyped-def]
    [chat] = [c for c in CHATS if "ouders-5b" in c.name]
    export = export_of(chat, tmp_path, shared)
    code, out, err = run(CONFIG, "audit", "--archive", str(export))
    assert code == 1, err  # personal data of a pupil in a staff message is high
    assert "Ouders groep 5b" in out
    assert "whatsapp.staff-in-parents-group" in out and "whatsapp.essential-info" in out
    assert "parents' messages counted, not kept" in out
    rows = json.loads(run(CONFIG, "findings", "--format", "json")[1])
    assert {r["article"] for r in rows} == {"3", "3c", "3e", "3f"}
    assert all("AVG" in r["reason"] for r in rows if r["article"] == "3")
    [group] = [r for r in rows if r["rule"] == "whatsapp.staff-in-parents-group"]
    assert group["post"]["kind"] == "group" and "Ouders groep 5b" in group["excerpt"]


def test_without_staff_the_chat_is_audited_with_a_warning_and_no_message_finding(
    run, database_url, tmp_path, shared
):  # type: ignore[no-untyped-def]
    config = tmp_path / "no-staff.toml"
    config.write_text('[school]\nname = "OBS De Regenboog"\n', encoding="utf-8")
    for chat in CHATS:
        if chat.meta.get("package", "txt") == "txt":
            export = export_of(chat, tmp_path, shared)
            code, out, err = run(config, "audit", "--archive", str(export))
            assert code in (0, 1), err
            assert "staff are unknown" in out and "[whatsapp] staff" in out
    refs = [ref for _, _, ref in stored_findings(database_url)]
    assert all(ref.endswith("#group") for ref in refs)  # at most "You created the group" (3a)
    stored = everything_stored(database_url)
    assert "Juf Marloes:" not in stored and "studiedag" not in stored


def test_digest_shows_whatsapp_findings_per_group_and_never_a_parents_name(run, tmp_path, shared):  # type: ignore[no-untyped-def]
    chats = [c for c in CHATS if "ouders-5b" in c.name or "class4" in c.name]
    for chat in chats:
        run(CONFIG, "audit", "--archive", str(export_of(chat, tmp_path, shared)))
    code, _, err = run(CONFIG, "digest", "--so-far", "--output", str(tmp_path / "digest.html"))
    assert code == 0, err
    html = (tmp_path / "digest.html").read_text(encoding="utf-8")
    text = (tmp_path / "digest.txt").read_text(encoding="utf-8")
    for body in (html, text):
        assert "WhatsApp" in body and "Ouders groep 5b" in body and "Class 4 Parents" in body
        assert "3c 1x" in body
        for parent in ("Marloes Hendriks", "Ruben de Boer", "Sam Peters", "Priya Shah"):
            assert parent not in body


def test_an_android_zip_with_media_end_to_end(run, tmp_path, shared):  # type: ignore[no-untyped-def]
    [chat] = [c for c in CHATS if "werkgroep-sint" in c.name]
    export = export_of(chat, tmp_path, shared)
    assert export.name == "WhatsApp-chat met Werkgroep Sinterklaas.zip"
    code, out, err = run(CONFIG, "audit", "--archive", str(export))
    assert code == 1, err  # a staff photo with recognisable faces is high
    assert "(a registered work group)" in out and "whatsapp.pupil-photo" in out
    assert "whatsapp.group-created" not in out and "whatsapp.staff-in-parents-group" not in out
