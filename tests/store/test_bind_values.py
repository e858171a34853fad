"""Values a bulk insert binds itself are those SQLAlchemy would bind."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy.dialects import sqlite

from auditor.store.models import UTCDateTime, sqlite_utc_text

AMSTERDAM_SUMMER = timezone(timedelta(hours=2))


@pytest.mark.parametrize(
    "value",
    [
        datetime(2025, 9, 1, 8, 30, tzinfo=UTC),
        datetime(2025, 9, 1, 8, 30, 5, 123456, tzinfo=UTC),
        datetime(2025, 3, 30, 1, 59, 59, 999999, tzinfo=AMSTERDAM_SUMMER),
        datetime(1, 1, 1, 0, 0, tzinfo=UTC),
        datetime(999, 12, 31, 23, 0, 1, 7, tzinfo=UTC),
        None,
    ],
)
def test_sqlite_utc_text_is_what_sqlalchemy_binds(value: datetime | None) -> None:
    process = UTCDateTime()._cached_bind_processor(sqlite.dialect())
    assert process is not None
    assert sqlite_utc_text(value) == process(value)


def test_sqlite_utc_text_refuses_a_naive_time() -> None:
    with pytest.raises(ValueError, match="naive"):
        sqlite_utc_text(datetime(2025, 9, 1, 8, 30))
