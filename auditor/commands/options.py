"""Argument types the commands share."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime


def parse_date(value: str) -> datetime:
    """`YYYY-MM-DD` as midnight UTC, or an argparse error saying the format."""
    try:
        return datetime.strptime(value, "%Y-%m-%d").replace(tzinfo=UTC)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r}: use YYYY-MM-DD") from None
