"""Report formats and `auditor findings` formats come from registries that drive everything."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from mailseed import seed_week, write_config

from auditor.cli import build_parser, main
from auditor.report import render
from auditor.report.findings_formats import (
    FINDINGS_FORMATS,
    FindingsFormat,
    check_findings_formats,
)


@pytest.mark.parametrize("name", sorted(render.FORMATS))
def test_every_report_format_is_complete(name: str) -> None:
    fmt = render.FORMATS[name]
    assert fmt.name == name and fmt.suffix.startswith(".")
    assert callable(fmt.render) and callable(fmt.render_alert)


def test_the_mail_parts_are_registered_formats() -> None:
    assert set(render.MAIL_PARTS) <= set(render.FORMATS)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"name": "other"}, "its name must be"),
        ({"suffix": "txt"}, "suffix must look like"),
        ({"suffix": ".html"}, "used twice"),
    ],
)
def test_an_incomplete_report_format_is_refused(change: dict[str, str], message: str) -> None:
    broken = replace(render.FORMATS["text"], **change)
    with pytest.raises(render.ReportRegistryError, match=message):
        render.check_formats({**render.FORMATS, "text": broken})


def test_the_mail_cannot_lose_a_part() -> None:
    formats = {k: v for k, v in render.FORMATS.items() if k != "text"}
    with pytest.raises(render.ReportRegistryError, match="mail needs the 'text'"):
        render.check_formats(formats)


def test_digest_format_option_offers_the_registered_formats() -> None:
    parser = build_parser()
    args = parser.parse_args(["digest", *[f"--format={n}" for n in render.FORMATS]])
    assert args.formats == list(render.FORMATS)
    with pytest.raises(SystemExit):
        parser.parse_args(["digest", "--format", "pdf"])


def test_digest_format_saves_and_writes_only_that_format(store, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    seed_week(store, datetime.now(UTC))
    write_config(tmp_path / "auditor.toml", database={"url": store.url})
    assert main(["digest", "--format", "text", "--output", "out/week.html"]) == 0
    out = capsys.readouterr().out
    saved = sorted(p.suffix for p in (tmp_path / "reports" / "out").iterdir())
    assert saved == [".txt"]
    assert Path("out/week.txt").exists() and not Path("out/week.html").exists(), out
    assert "written out/week.txt" in out


# -- auditor findings --format ----------------------------------------------------------------

ROWS = [
    {
        "id": 7,
        "rule": "personal-data.phone",
        "category": "personal_data",
        "article": "2a",
        "severity": "high",
        "status": "open",
        "excerpt": "bel 06-****-**78",
        "reason": "privé-telefoonnummer",
        "span": {"start": 4, "end": 15},
        "media": None,
        "post": {
            "platform": "twitter",
            "external_id": "1790",
            "created_at": "2026-03-12T08:15:02+00:00",
            "url": None,
            "kind": "post",
        },
        "detected_at": "2026-03-13T03:30:00+00:00",
        "review_note": None,
        "reviewed_at": None,
    }
]


@pytest.mark.parametrize("name", sorted(FINDINGS_FORMATS))
def test_every_findings_format_writes_every_row(name: str) -> None:
    out = io.StringIO()
    FINDINGS_FORMATS[name].write(ROWS, out)
    assert "06-****-**78" in out.getvalue()


def test_findings_json_is_the_contract_array() -> None:
    out = io.StringIO()
    FINDINGS_FORMATS["json"].write(ROWS, out)
    assert out.getvalue() == json.dumps(ROWS, ensure_ascii=False, indent=2) + "\n"


def test_findings_format_option_offers_the_registered_formats() -> None:
    args = build_parser().parse_args(["findings", "--format", "csv"])
    assert args.format == "csv"
    with pytest.raises(SystemExit):
        build_parser().parse_args(["findings", "--format", "xml"])


def test_an_incomplete_findings_format_is_refused() -> None:
    json_format = FINDINGS_FORMATS["json"]
    broken = FindingsFormat("ndjson", "", json_format.write, json_format.write_history)
    with pytest.raises(TypeError, match="'ndjson' is incomplete"):
        check_findings_formats({**FINDINGS_FORMATS, "ndjson": broken})
