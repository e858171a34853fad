"""`auditor digest` without mail: saved under reports/out/, and --output writes HTML + text."""

from __future__ import annotations

from pathlib import Path

from mailseed import seed_week, write_config

from auditor.cli import main
from auditor.report.period import period_ending


def test_digest_is_saved_under_reports_out_and_written_to_output(store, tmp_path, capsys):
    from datetime import UTC, datetime, timedelta

    last_week = period_ending("week", datetime.now(UTC))
    seed_week(store, last_week.end + timedelta(hours=6))  # as if it were Monday 07:00
    write_config(
        tmp_path / "auditor.toml",
        database={"url": store.url},
        storage={"reports_dir": "verslagen"},
        mail={"language": "en"},
    )
    assert main(["digest", "--output", "out/week.html"]) == 0
    out = capsys.readouterr().out
    assert "digest:week:" in out and "3 new in this period, 1 earlier ones waiting" in out
    saved = sorted(p.name for p in (tmp_path / "verslagen" / "out").iterdir())
    assert len(saved) == 2 and saved[0].endswith(".html") and saved[1].endswith(".txt")
    html = Path("out/week.html").read_text(encoding="utf-8")
    text = Path("out/week.txt").read_text(encoding="utf-8")
    assert "Article 1a" in html and "Article 1a" in text


def test_day_digest_covers_the_last_24_hours(store, tmp_path, capsys):
    write_config(tmp_path / "auditor.toml", database={"url": store.url})
    assert main(["digest", "--period", "day"]) == 0
    out = capsys.readouterr().out
    assert "digest:day:" in out and "alles in orde" in out
    [html] = (tmp_path / "reports" / "out").glob("digest-day-*.html")
    assert "Alles in orde" in html.read_text(encoding="utf-8")
