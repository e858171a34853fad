"""Configuration: a TOML file turned into frozen dataclasses, validated once, passed down.

Where the config comes from, first match wins: `--config FILE`, `$AUDITOR_CONFIG`, `auditor.toml`
in the working directory, built-in defaults. A config with only some keys (or no file) is valid.
`$AUDITOR_DATABASE_URL` overrides `[database] url`. Secrets (tokens, SMTP passwords) are never
in the file: the file names the environment variable that holds them (`token_env`, ...).

A wrong setting raises `ConfigError` with one line naming the file and the key.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import logging
import os
import stat
import tomllib
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, get_type_hints
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from auditor.errors import ConfigError
from auditor.images import ImageSettings
from auditor.models import Severity
from auditor.nlp.lexicon import check_school_list, shipped_files, use_school_lexicons
from auditor.rules import all_rules
from auditor.rules.base import Allow, Rule, RuleContext

if TYPE_CHECKING:  # the sources load when [[accounts]] are read: `auditor check` needs none
    from auditor.sources.accounts import AccountSettings

log = logging.getLogger("auditor.config")

DEFAULT_FILE = "auditor.toml"
DEFAULT_DATABASE_URL = "sqlite:///auditor.db"


@dataclass(frozen=True)
class SchoolConfig:
    """`[school]`: who the school is. `handles` are its own account handles and page names."""

    name: str = ""
    handles: tuple[str, ...] = ()


# `[allow]`: details the school publishes on purpose, never findings (contract keys phones,
# emails, names, organisations; also ibans and handles). The rules read the same dataclass.
AllowConfig = Allow


@dataclass(frozen=True)
class RulesConfig:
    """`[rules]`: which rules run (fnmatch patterns over ids), severity overrides (by id or
    pattern) and `[rules.options."<rule id>"]`, the options a rule declares (see docs/rules.md).
    Every pattern must match a rule and every option must be one the rule declares."""

    enable: tuple[str, ...] = ("*",)
    disable: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)
    options: dict[str, dict[str, Any]] = field(default_factory=dict)


@dataclass(frozen=True)
class DatabaseConfig:
    """`[database]`: SQLAlchemy URL; SQLite file in the working directory by default."""

    url: str = DEFAULT_DATABASE_URL


@dataclass(frozen=True)
class StorageConfig:
    """`[storage]`: where media copies and rendered reports live."""

    data_dir: str = "auditor-data"
    reports_dir: str = "reports"


@dataclass(frozen=True)
class MailConfig:
    """`[mail]`: digest delivery (contract keys). Login comes from the named env variables."""

    host: str = ""
    port: int = 587
    security: str = "starttls"
    username_env: str = "AUDITOR_SMTP_USER"
    password_env: str = "AUDITOR_SMTP_PASSWORD"
    sender: str = ""
    to: tuple[str, ...] = ()
    language: str = "nl"
    timeout_seconds: float = 30.0
    alert_on_high: bool = True


@dataclass(frozen=True)
class ScheduleConfig:
    """`[schedule]`: cron expressions in the given timezone (contract keys), and how often the
    worker retries queued mail."""

    timezone: str = "Europe/Amsterdam"
    audit: str = "30 3 * * *"  # 03:30: outside the 02:00-03:00 hour that DST skips or repeats
    digest: str = "0 7 * * mon"
    purge: str = "0 5 * * sun"  # weekly: what is past [retention] is deleted
    flush_minutes: int = 15


@dataclass(frozen=True)
class WebConfig:
    """`[web]`: the review site (`auditor serve`). `base_url` is where reviewers reach it
    (e.g. "https://auditor.school.nl"); when set, the digest links each finding to its page.
    The password is never in the file: `password_env` names the variable that holds it."""

    base_url: str = ""
    password_env: str = "AUDITOR_WEB_PASSWORD"


@dataclass(frozen=True)
class RetentionConfig:
    """`[retention]` (contract keys): how long the auditor keeps what it stored, in days.

    `post_text_days`: full texts and media copies of audited posts, counted from publication; a
    post with an open finding keeps its text until the finding is reviewed. After that a post
    keeps only what its findings need (masked excerpt, fingerprint, dates, link).
    `closed_findings_days`: dismissed and resolved findings with their review trail, counted
    from the last review action. See docs/privacy.md.
    """

    post_text_days: int = 365
    closed_findings_days: int = 730


@dataclass(frozen=True)
class WhatsAppConfig:
    """`[whatsapp]` (contract keys): who is staff in WhatsApp exports, and the work groups.

    `staff`: display names of staff as the exports show them ("Juf Marloes"), or phone numbers
    ("+31 6 12 34 56 78"); matched exactly, ignoring case, "~ " and invisible marks.
    `work_groups`: names of registered work groups whose members all agreed (articles 3a, 3c).
    """

    staff: tuple[str, ...] = ()
    work_groups: tuple[str, ...] = ()


@dataclass(frozen=True)
class LexiconsConfig:
    """`[lexicons]`: `dir`, a folder of the school's own word lists (relative to the config
    file). Each file is named as a shipped list (e.g. `organisation_words.txt`, see
    auditor/lexicons/README.md) and adds its lines to it; the installed files stay untouched."""

    dir: str = ""


@dataclass(frozen=True)
class Config:
    source: str = "(no config file)"
    school: SchoolConfig = field(default_factory=SchoolConfig)
    allow: AllowConfig = field(default_factory=AllowConfig)
    rules: RulesConfig = field(default_factory=RulesConfig)
    lexicons: LexiconsConfig = field(default_factory=LexiconsConfig)
    database: DatabaseConfig = field(default_factory=DatabaseConfig)
    storage: StorageConfig = field(default_factory=StorageConfig)
    images: ImageSettings = field(default_factory=ImageSettings)
    # `[[accounts]]`: each entry is its platform's `AccountSettings` subclass (`FacebookAccount`,
    # `XAccount`, ...), chosen by its `platform` key through the live-source registry.
    accounts: tuple[AccountSettings, ...] = ()
    mail: MailConfig = field(default_factory=MailConfig)
    schedule: ScheduleConfig = field(default_factory=ScheduleConfig)
    web: WebConfig = field(default_factory=WebConfig)
    retention: RetentionConfig = field(default_factory=RetentionConfig)
    whatsapp: WhatsAppConfig = field(default_factory=WhatsAppConfig)

    @property
    def lexicons_dir(self) -> Path | None:
        """The school's own word lists, resolved against the config file's folder."""
        if not self.lexicons.dir:
            return None
        folder = Path(self.lexicons.dir)
        if not folder.is_absolute() and Path(self.source).is_file():
            folder = Path(self.source).parent / folder
        return folder

    def rule_context(self) -> RuleContext:
        use_school_lexicons(self.lexicons_dir)
        return RuleContext(
            school_name=self.school.name,
            allow=self.allow,
            account_handles=self.school.handles,
            options=self.rules.options,
        )

    def severities(self) -> dict[str, Severity]:
        """Severity per rule id; a key may be a pattern ("personal-data.*"), later keys win."""
        ids = [r.id for r in all_rules()]
        return {
            rule_id: Severity(value)
            for pattern, value in self.rules.severity.items()
            for rule_id in fnmatch.filter(ids, pattern)
        }

    @property
    def data_dir(self) -> Path:
        return Path(self.storage.data_dir)

    def account(self, name: str) -> AccountSettings:
        for account in self.accounts:
            if account.name == name:
                return account
        known = ", ".join(a.name for a in self.accounts) or "none configured"
        raise ConfigError(f"{self.source}: --account {name!r} is not in [[accounts]] ({known})")


SECTIONS: dict[str, type] = {
    "school": SchoolConfig,
    "allow": AllowConfig,
    "rules": RulesConfig,
    "database": DatabaseConfig,
    "storage": StorageConfig,
    "images": ImageSettings,
    "mail": MailConfig,
    "schedule": ScheduleConfig,
    "web": WebConfig,
    "retention": RetentionConfig,
    "whatsapp": WhatsAppConfig,
    "lexicons": LexiconsConfig,
}

T = TypeVar("T")


def _coerce(value: Any, annotation: Any, where: str) -> Any:
    origin = typing.get_origin(annotation)
    if annotation is str:
        if not isinstance(value, str):
            raise ConfigError(f"{where}: expected a string, got {value!r}")
        return value
    if annotation is bool:
        if not isinstance(value, bool):
            raise ConfigError(f"{where}: expected true or false, got {value!r}")
        return value
    if annotation is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ConfigError(f"{where}: expected a whole number, got {value!r}")
        return value
    if annotation is float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ConfigError(f"{where}: expected a number, got {value!r}")
        return float(value)
    if origin is tuple:
        if isinstance(value, str) or not isinstance(value, list):
            raise ConfigError(f'{where}: expected a list, e.g. ["..."], got {value!r}')
        (item_type, _ellipsis) = typing.get_args(annotation)
        return tuple(_coerce(v, item_type, f"{where}[{i}]") for i, v in enumerate(value))
    if origin is dict:
        if not isinstance(value, dict):
            raise ConfigError(f"{where}: expected a table, got {value!r}")
        _key_type, value_type = typing.get_args(annotation)
        return {k: _coerce(v, value_type, f"{where}.{k}") for k, v in value.items()}
    if origin in (typing.Union, types.UnionType):
        for option in typing.get_args(annotation):
            if option is type(None) and value is None:
                return None
        return _coerce(value, typing.get_args(annotation)[0], where)
    return value


def build(cls: type[T], table: Any, where: str) -> T:
    """Build a config dataclass from a TOML table; unknown keys and wrong types name the key."""
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: expected a table")
    hints = get_type_hints(cls)
    # T is any config dataclass; mypy cannot bound a TypeVar to "a dataclass"
    fields = {f.name: f for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    unknown = sorted(set(table) - set(fields))
    if unknown:
        raise ConfigError(f"{where}.{unknown[0]}: unknown setting (known: {', '.join(fields)})")
    values = {}
    for name, f in fields.items():
        if name in table:
            values[name] = _coerce(table[name], hints[name], f"{where}.{name}")
        elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            raise ConfigError(f"{where}.{name}: required setting is missing")
    return cls(**values)


def _rule_patterns(config: Config, rules: list[Rule]) -> None:
    """Every pattern in enable, disable and severity names at least one rule."""
    ids = [r.id for r in rules]
    where = {"enable": config.rules.enable, "disable": config.rules.disable}
    where["severity"] = tuple(config.rules.severity)
    for key, patterns in where.items():
        for pattern in patterns:
            if not fnmatch.filter(ids, pattern):
                raise ConfigError(
                    f"{config.source}: [rules] {key}: {pattern!r} matches no rule "
                    "(`auditor rules` lists them)"
                )


def _check_lexicons(config: Config) -> None:
    """`[lexicons] dir` is a folder whose .txt files are named as shipped word lists."""
    folder = config.lexicons_dir
    if folder is None:
        return
    where = f"{config.source}: [lexicons].dir"
    if not folder.is_dir():
        raise ConfigError(f"{where}: {folder} is not a folder")
    known = shipped_files()
    for file in sorted([*folder.glob("*.txt"), *folder.glob("*.toml")]):
        if file.name not in known:
            raise ConfigError(
                f"{where}: {file.name} is no shipped word list (see auditor/lexicons/README.md)"
            )
        if (problem := check_school_list(file)) is not None:
            raise ConfigError(f"{where}: {problem}")


def _rule_options(config: Config, rules: list[Rule]) -> dict[str, dict[str, Any]]:
    """`[rules.options."<id>"]` checked against the options each rule declares, typed."""
    by_id = {r.id: r for r in rules}
    checked: dict[str, dict[str, Any]] = {}
    for rule_id, table in config.rules.options.items():
        where = f'{config.source}: [rules.options."{rule_id}"]'
        rule = by_id.get(rule_id)
        if rule is None:
            raise ConfigError(f"{where}: no such rule (`auditor rules` lists them)")
        for name, value in table.items():
            if name not in rule.options:
                known = ", ".join(rule.options) or "none"
                raise ConfigError(f"{where}.{name}: unknown option (options: {known})")
            checked.setdefault(rule_id, {})[name] = _coerce(
                value, rule.options[name], f"{where}.{name}"
            )
    return checked


def _validate(config: Config) -> Config:
    src = config.source
    _check_lexicons(config)
    rules = all_rules()
    _rule_patterns(config, rules)
    options = _rule_options(config, rules)
    for rule_id, value in config.rules.severity.items():
        if value not in {s.value for s in Severity}:
            raise ConfigError(f"{src}: [rules.severity].{rule_id}: use low, medium or high")
    if config.images.anonymise_style not in {"blur", "pixelate"}:
        raise ConfigError(f"{src}: [images].anonymise_style: use blur or pixelate")
    if config.mail.security not in {"starttls", "ssl", "none"}:
        raise ConfigError(f"{src}: [mail].security: use starttls, ssl or none")
    if config.mail.language not in {"nl", "en"}:
        raise ConfigError(f"{src}: [mail].language: use nl or en")
    if config.web.base_url and not config.web.base_url.startswith(("http://", "https://")):
        raise ConfigError(f"{src}: [web].base_url: start it with https:// (or http://)")
    for key in ("post_text_days", "closed_findings_days"):
        if getattr(config.retention, key) < 1:
            raise ConfigError(f"{src}: [retention].{key}: use a number of days of at least 1")
    try:
        ZoneInfo(config.schedule.timezone)
    except (ValueError, ZoneInfoNotFoundError):
        raise ConfigError(
            f"{src}: [schedule].timezone: unknown time zone {config.schedule.timezone!r} "
            '(e.g. "Europe/Amsterdam")'
        ) from None
    for i, entry in enumerate(config.whatsapp.staff):
        if not entry.strip():
            raise ConfigError(f"{src}: [whatsapp].staff[{i}]: empty name")
    names: set[str] = set()
    for i, account in enumerate(config.accounts):
        where = f"{src}: [[accounts]] #{i + 1} ({account.name})"
        if account.name in names:
            raise ConfigError(f"{where}: name is used twice")
        names.add(account.name)
        account.check(where)
    return dataclasses.replace(config, rules=dataclasses.replace(config.rules, options=options))


def _build_account(table: Any, where: str) -> AccountSettings:
    """One `[[accounts]]` table as its platform's settings class (from the live registry)."""
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: expected a table")
    platform = table.get("platform")
    if platform is None:
        raise ConfigError(f"{where}.platform: required setting is missing")
    if not isinstance(platform, str):
        raise ConfigError(f"{where}.platform: expected a string, got {platform!r}")
    from auditor.sources import live_source_for

    named = f"{where} ({table.get('name', '?')})"
    return build(live_source_for(platform, named).settings, table, where)


def parse(data: dict[str, Any], source: str = "(no config file)") -> Config:
    """Turn parsed TOML into a validated `Config`."""
    known = set(SECTIONS) | {"accounts"}
    unknown = sorted(set(data) - known)
    if unknown:
        raise ConfigError(
            f"{source}: [{unknown[0]}]: unknown section (known: {', '.join(sorted(known))})"
        )
    sections: dict[str, Any] = {
        name: build(cls, data[name], f"{source}: [{name}]")
        for name, cls in SECTIONS.items()
        if name in data
    }
    accounts_table = data.get("accounts", [])
    if not isinstance(accounts_table, list):
        raise ConfigError(f"{source}: accounts: write each account as [[accounts]]")
    accounts = tuple(
        _build_account(table, f"{source}: [[accounts]] #{i + 1}")
        for i, table in enumerate(accounts_table)
    )
    return _validate(Config(source=source, accounts=accounts, **sections))


def check_file_mode(file: Path, data: dict[str, Any]) -> None:
    """Refuse a config anyone may change; warn when anyone may read a password written in it."""
    try:
        mode = file.stat().st_mode
    except OSError:
        return
    if mode & stat.S_IWOTH:
        raise ConfigError(
            f"{file}: refused: the file is writable by everyone (mode {stat.S_IMODE(mode):04o}), "
            f"so anyone could change what is audited and where mail goes; run `chmod o-w {file}`"
        )
    url = data.get("database", {}).get("url") if isinstance(data.get("database"), dict) else None
    if mode & stat.S_IROTH and isinstance(url, str) and _has_password(url):
        log.warning(
            "%s: [database].url holds a password and the file is readable by everyone: put the "
            "URL in $AUDITOR_DATABASE_URL instead, or run `chmod o-r %s`",
            file,
            file,
        )


def _has_password(url: str) -> bool:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return bool(make_url(url).password)
    except ArgumentError:
        return False


# Settings a container deployment sets in its environment (docker-compose.yml, .env): they win
# over the file, as $AUDITOR_DATABASE_URL does.
ENV_SETTINGS = {
    "AUDITOR_MAIL_HOST": ("mail", "host"),
    "AUDITOR_MAIL_PORT": ("mail", "port"),
    "AUDITOR_MAIL_SECURITY": ("mail", "security"),
    "AUDITOR_MAIL_SENDER": ("mail", "sender"),
    "AUDITOR_MAIL_TO": ("mail", "to"),
    "AUDITOR_MAIL_LANGUAGE": ("mail", "language"),
    "AUDITOR_SCHEDULE_TIMEZONE": ("schedule", "timezone"),
}


def env_settings(env: dict[str, str]) -> dict[str, dict[str, Any]]:
    """The `ENV_SETTINGS` that are set, as TOML-shaped tables (a list: comma-separated)."""
    tables: dict[str, dict[str, Any]] = {}
    for variable, (section, key) in ENV_SETTINGS.items():
        raw = env.get(variable, "").strip()
        if not raw:
            continue
        value: Any = raw
        if key == "port":
            if not raw.isdigit():
                raise ConfigError(f"${variable}: {raw!r} is not a port number")
            value = int(raw)
        elif key == "to":
            value = [address.strip() for address in raw.split(",") if address.strip()]
        tables.setdefault(section, {})[key] = value
    return tables


def with_env_settings(data: dict[str, Any], env: dict[str, str]) -> dict[str, Any]:
    merged = dict(data)
    for section, values in env_settings(env).items():
        table = merged.get(section)
        merged[section] = {**table, **values} if isinstance(table, dict) else values
    return merged


def load(path: str | os.PathLike[str] | None = None, env: dict[str, str] | None = None) -> Config:
    """Load the config from `path`, `$AUDITOR_CONFIG`, `./auditor.toml` or defaults."""
    env = dict(os.environ) if env is None else env
    chosen = (
        path or env.get("AUDITOR_CONFIG") or (DEFAULT_FILE if Path(DEFAULT_FILE).exists() else None)
    )
    if chosen:
        file = Path(chosen)
        try:
            data = tomllib.loads(file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"{file}: config file not found") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{file}: cannot read config file ({exc})") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{file}: not valid TOML ({exc})") from None
        check_file_mode(file, data)
        config = parse(with_env_settings(data, env), str(file))
    elif overrides := env_settings(env):
        config = parse(overrides, "(environment)")
    else:
        config = Config()
    url = env.get("AUDITOR_DATABASE_URL")
    if url:
        config = dataclasses.replace(config, database=DatabaseConfig(url=url))
    return config
