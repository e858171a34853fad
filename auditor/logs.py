"""Logging set-up for the CLI and the worker: one stderr handler, and never personal data.

Our own log lines hold counts, ids, file names and settings, never a post's text or a token.
The libraries are held back where they would log data: SQLAlchemy logs its statements at most
(the engine is created with `hide_parameters=True`; its DEBUG level would log result rows),
HTTP libraries log nothing below WARNING (URLs can carry an access token).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager

LEVELS = ("debug", "info", "warning", "error")
QUIET = ("urllib3", "requests", "apscheduler", "asyncio", "mail.log", "PIL", "waitress")
CLI_FORMAT = "auditor: %(levelname)s: %(message)s"
DETAILED_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class StderrHandler(logging.StreamHandler):
    """Writes to whatever `sys.stderr` is when a record is emitted (tests swap it)."""

    def __init__(self) -> None:
        super().__init__(sys.stderr)

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, _value) -> None:
        pass


def level_of(name: str | None, default: int = logging.WARNING) -> int:
    return getattr(logging, name.upper()) if name and name.lower() in LEVELS else default


TOUCHED = ("", "sqlalchemy", "sqlalchemy.engine", "alembic", "psycopg", *QUIET)


@contextmanager
def configured(level: int, fmt: str | None = None) -> Iterator[None]:
    """`configure` for the block, then logging as it was (main() also runs inside tests)."""
    levels = {name: logging.getLogger(name).level for name in TOUCHED}
    handlers = list(logging.getLogger().handlers)
    configure(level, fmt)
    try:
        yield
    finally:
        root = logging.getLogger()
        for handler in [h for h in root.handlers if h not in handlers]:
            root.removeHandler(handler)
        for name, old in levels.items():
            logging.getLogger(name).setLevel(old)


def configure(level: int, fmt: str | None = None) -> None:
    """Route log records of `level` and up to stderr, replacing an earlier `configure`."""
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, StderrHandler)]:
        root.removeHandler(handler)
    handler = StderrHandler()
    handler.setFormatter(
        logging.Formatter(fmt or (DETAILED_FORMAT if level <= logging.INFO else CLI_FORMAT))
    )
    handler.setLevel(level)
    root.addHandler(handler)
    root.setLevel(level)
    debug = level <= logging.DEBUG
    logging.getLogger("sqlalchemy").setLevel(logging.WARNING)
    logging.getLogger("sqlalchemy.engine").setLevel(logging.INFO if debug else logging.WARNING)
    logging.getLogger("alembic").setLevel(logging.INFO if debug else logging.WARNING)
    # psycopg warns while it tears down a pipeline that an interrupted import aborted on purpose;
    # the error that matters reaches us as an exception, so its own warnings only show in debug
    logging.getLogger("psycopg").setLevel(logging.WARNING if debug else logging.ERROR)
    for name in QUIET:
        logging.getLogger(name).setLevel(logging.WARNING)
