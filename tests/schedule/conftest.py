"""Puts tests/report on sys.path for the shared helpers (mailseed) and registers its fixtures."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "report"))

from mailseed import now, reports_dir, smtp_server  # noqa: E402,F401
