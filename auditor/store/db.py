"""Opening the database and keeping its schema current with Alembic.

A new SQLite database is created and migrated on first use without asking. A PostgreSQL
database must be migrated explicitly (`auditor db upgrade`) unless it is empty, in which case
it is migrated too: production operators should not find half a schema.
"""

from __future__ import annotations

import os
import re
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, create_engine, event, inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, InternalError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from auditor.errors import StoreError
from auditor.store.models import Meta

if TYPE_CHECKING:
    from alembic.config import Config as AlembicConfig
    from alembic.script import ScriptDirectory

MIGRATIONS = Path(__file__).parent / "migrations"
FINGERPRINT_KEY_ENV = "AUDITOR_SECRET_KEY"
SCHEMA_LOCK_KEY = 0x61756469746F72  # "auditor": pg_advisory_xact_lock key of migrations


REVISION_LINE = re.compile(r"^(down_)?revision\s*=\s*(?:None|[\"']([^\"']+)[\"'])", re.MULTILINE)


@cache
def head_of_files() -> str | None:
    """The head revision, read from the migration files without importing Alembic (a third
    of a second of every command's start-up): the one revision no other revision follows.
    None when the files do not say it plainly; Alembic then decides."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        found = {bool(m.group(1)): m.group(2) for m in REVISION_LINE.finditer(path.read_text())}
        if found.get(False) is None:
            return None
        revisions.add(found[False])
        if found.get(True):
            parents.add(found[True])
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def alembic_config(engine: Engine) -> AlembicConfig:
    from alembic.config import Config as AlembicConfig

    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    url = engine.url.render_as_string(hide_password=False)
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))  # configparser syntax
    return cfg


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    # deleted and overwritten data (purged texts) is zeroed in the file, not just unlinked
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


class Store:
    """The database: engine, sessions, schema state and the fingerprint key."""

    def __init__(self, url: str) -> None:
        self.url = url
        try:
            parsed = make_url(url)
        except ArgumentError:
            raise StoreError(f"[database].url: not a database URL: {url!r}") from None
        if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
            folder = Path(sqlite_path(parsed.database)).parent
            if not folder.exists():
                raise StoreError(f"{parsed.database}: folder {folder} does not exist")
            if parsed.query.get("mode") != "ro":
                private_sqlite_file(Path(sqlite_path(parsed.database)))
        if parsed.get_backend_name() == "postgresql" and parsed.get_driver_name() in (
            "",
            "psycopg2",
        ):
            parsed = parsed.set(drivername="postgresql+psycopg")
        try:
            # hide_parameters: no post text in SQLAlchemy's logs and error messages
            self.engine = create_engine(parsed, pool_pre_ping=True, hide_parameters=True)
        except (ArgumentError, ImportError) as exc:
            raise StoreError(f"[database].url: {exc}") from None
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._key: bytes | None = None

    @property
    def label(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session in one transaction: committed on success, rolled back on any error."""
        with self.sessions() as session:
            try:
                with session.begin():
                    yield session
            except (OperationalError, InternalError) as exc:  # down, full, read-only, locked
                raise StoreError(f"{self.label}: {_first_line(exc)}") from None

    # -- schema ---------------------------------------------------------------------------

    def current_revision(self) -> str | None:
        from alembic.runtime.migration import MigrationContext

        with self.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    def script(self) -> ScriptDirectory:
        from alembic.script import ScriptDirectory

        return ScriptDirectory.from_config(alembic_config(self.engine))

    def head_revision(self) -> str | None:
        return self.script().get_current_head()

    def refuse_newer(self, current: str | None) -> None:
        """A database migrated by a newer auditor: say so instead of failing in Alembic."""
        if current is None:
            return
        known = {revision.revision for revision in self.script().walk_revisions()}
        if current not in known:
            raise StoreError(
                f"{self.label}: the database schema ({current}) is newer than this auditor "
                f"(which knows up to {self.head_revision()}): install the auditor version that "
                "upgraded it"
            )

    def upgrade(self) -> tuple[str | None, str | None]:
        """Apply every pending migration; return (before, after) revisions.

        One migration at a time: the schema is read again under a lock (PostgreSQL: an advisory
        transaction lock; SQLite: BEGIN IMMEDIATE), so two first runs racing on an empty
        database do not both create the tables: the second waits and finds them there.
        """
        from alembic import command
        from alembic.runtime.migration import MigrationContext

        try:
            with self.engine.connect() as conn:
                self._lock_schema(conn)
                before = MigrationContext.configure(conn).get_current_revision()
                self.refuse_newer(before)
                if before != self.head_revision():
                    cfg = alembic_config(self.engine)
                    cfg.attributes["connection"] = conn
                    command.upgrade(cfg, "head")
                after = MigrationContext.configure(conn).get_current_revision()
                conn.commit()
            return before, after
        except SQLAlchemyError as exc:
            raise StoreError(f"{self.label}: cannot migrate: {_first_line(exc)}") from None

    def _lock_schema(self, conn: Connection) -> None:
        if self.engine.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SCHEMA_LOCK_KEY})
        elif self.engine.dialect.name == "sqlite":
            conn.exec_driver_sql("BEGIN IMMEDIATE")

    def ensure_schema(self) -> None:
        """Migrate an empty database on first use; refuse to run on an outdated one."""
        if self._at_head():
            return
        try:
            current = self.current_revision()
            empty = not inspect(self.engine).get_table_names()
            if current is None and not empty:
                # a first run racing this one may have committed its schema between the two reads
                current = self.current_revision()
        except SQLAlchemyError as exc:
            raise StoreError(f"{self.label}: cannot open database: {_first_line(exc)}") from None
        if current is None and empty:
            self.upgrade()
            return
        self.refuse_newer(current)
        head = self.head_revision()
        if current != head:
            if self.engine.dialect.name == "sqlite":
                self.upgrade()
                return
            raise StoreError(
                f"{self.label}: schema is at {current}, this auditor needs {head}: "
                "run `auditor db upgrade`"
            )

    def _at_head(self) -> bool:
        """The common case, told by one plain query: the schema is at this auditor's head."""
        head = head_of_files()
        if head is None:
            return False
        try:
            with self.engine.connect() as conn:
                rows = conn.exec_driver_sql("SELECT version_num FROM alembic_version").all()
        except SQLAlchemyError:
            return False  # no such table (a new database) or unreadable: the full check says
        return [row[0] for row in rows] == [head]

    # -- fingerprint key ------------------------------------------------------------------

    def fingerprint_key(self) -> bytes:
        """HMAC key for fingerprints: $AUDITOR_SECRET_KEY, else a random key kept in the DB."""
        if self._key is None:
            from_env = os.environ.get(FINGERPRINT_KEY_ENV)
            if from_env:
                self._key = from_env.encode("utf-8")
            else:
                self._key = self._stored_key().encode("ascii")
        return self._key

    def _stored_key(self) -> str:
        with self.session() as session:
            row = session.get(Meta, "fingerprint_key")
            if row is not None:
                return row.value
        candidate = secrets.token_hex(32)
        try:
            with self.session() as session:
                session.add(Meta(key="fingerprint_key", value=candidate))
        except SQLAlchemyError:
            pass  # another process created it first: read theirs
        with self.session() as session:
            return session.scalars(select(Meta.value).where(Meta.key == "fingerprint_key")).one()


def private_sqlite_file(path: Path) -> None:
    """The database and its -journal/-wal/-shm files readable by their owner only (0600),
    whatever the umask. SQLite gives the journal files the database file's mode, so the file
    is created here, 0600, before SQLite opens it."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)
    except FileExistsError:
        pass
    except OSError as exc:
        raise StoreError(f"{path}: cannot create the database ({exc.strerror or exc})") from None
    for file in (path, *(path.with_name(path.name + s) for s in ("-journal", "-wal", "-shm"))):
        try:
            if file.stat().st_mode & 0o077:
                os.chmod(file, 0o600)
        except FileNotFoundError:
            pass
        except PermissionError:
            pass  # not ours to change (a shared, read-only database): opening it will say so


def sqlite_path(database: str) -> str:
    """The file of a SQLite database name, also when given as a URI (`file:x.db?mode=ro`)."""
    return database.removeprefix("file:").split("?", 1)[0]


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc)
    return text.strip().splitlines()[0] if text.strip() else type(exc).__name__


def open_store(url: str, *, migrate: bool = True) -> Store:
    store = Store(url)
    if migrate:
        store.ensure_schema()
    return store
