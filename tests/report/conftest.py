"""Registers the shared fixtures of mailseed (this folder is on sys.path for its tests)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from mailseed import now, reports_dir, smtp_server  # noqa: E402,F401
