"""The HTML digest as a phone shows it: a headless Chromium screenshot (skipped without one)."""

from __future__ import annotations

import struct
import subprocess
from pathlib import Path

import pytest
from mailseed import seed_week

from auditor.report.digest import build_digest
from auditor.report.period import period_ending
from auditor.report.render import render_digest

CHROMIUM = Path("/usr/bin/chromium")
PHONE = (412, 1800)


@pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed")
@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
def test_html_digest_renders_in_a_phone_sized_browser(store, now, tmp_path):
    seed_week(store, now)
    with store.session() as session:
        digest = build_digest(session, period_ending("week", now), now, "nl", "OBS De Regenboog")
    page = tmp_path / "digest.html"
    page.write_text(render_digest(digest).html, encoding="utf-8")
    shot = tmp_path / "digest.png"
    subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            f"--window-size={PHONE[0]},{PHONE[1]}",
            f"--screenshot={shot}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    header = shot.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", header[16:24])
    assert (width, height) == PHONE
    assert shot.stat().st_size > 20_000  # a rendered page, not a blank one
