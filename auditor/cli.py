"""Command line: `auditor <command>`. Each command is a module in `auditor/commands/`.

A command module has `NAME`, `HELP`, `add_arguments(parser)` and `run(args, app) -> int`; adding
one is one new module plus one line in `COMMANDS`. Errors the user can fix (`AuditorError`) are
printed as one line on stderr with exit code 2; exit 1 means open high-severity findings.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from functools import cached_property
from types import ModuleType

from auditor import __version__, logs
from auditor.errors import AuditorError, describe_unexpected
from auditor.logs import LEVELS
from auditor.logs import configured as configured_logging

COMMANDS = (
    "audit",
    "findings",
    "review",
    "export",
    "subject",
    "purge",
    "rules",
    "db",
    "eval",
    "anonymise",
    "digest",
    "outbox",
    "mail",
    "health",
    "worker",
    "check",
    "serve",
)

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2


class App:
    """What commands share: the config and the store, both opened on first use."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args

    @cached_property
    def config(self):
        from auditor import config

        return config.load(getattr(self.args, "config", None))

    @cached_property
    def store(self):
        from auditor.store import open_store

        return open_store(self.config.database.url)

    @property
    def image_settings(self):
        return self.config.images

    def rule_context(self):
        return self.config.rule_context()

    def engine(self, extra_handles: tuple[str, ...] = (), extra_names: tuple[str, ...] = ()):
        """The rule engine with the configured rules, context and this database's key.

        `extra_handles` are the audited account's own handle and name (self-replies are fine);
        `extra_names` are staff names that are no finding in this audit (WhatsApp staff signing
        their own messages): each as given and without its title ("Juf Marloes", "Marloes").
        """
        import dataclasses

        from auditor.engine import Engine, select_rules
        from auditor.rules import all_rules

        rules = select_rules(all_rules(), self.config.rules.enable, self.config.rules.disable)
        ctx = self.rule_context()
        own = tuple(h for h in extra_handles if h and h not in ctx.account_handles)
        ctx = dataclasses.replace(ctx, account_handles=ctx.account_handles + own)
        if extra_names:
            from auditor.rules.base import staff_names

            names = ctx.allow.names + staff_names(extra_names)
            ctx = dataclasses.replace(ctx, allow=dataclasses.replace(ctx.allow, names=names))
        return Engine(rules, ctx, self.store.fingerprint_key(), self.config.severities())


def _load(name: str) -> ModuleType:
    return importlib.import_module(f"auditor.commands.{name}")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The CLI parser; with `only`, just that command is loaded (a fast start: `auditor check`
    must answer within a second and a half, and the other commands import the store and the
    image models)."""
    parser = argparse.ArgumentParser(
        prog="auditor",
        description=(
            "Audit a Dutch primary school's social media posts against its social media "
            "protocol: personal data, commercial content, personal opinions, replies to "
            "parents and photos with recognisable pupils."
        ),
        epilog=(
            "example:\n  auditor audit --archive examples/twitter-archive-sample.zip\n"
            "  auditor findings --status open --format json\n\n"
            "config: --config FILE, $AUDITOR_CONFIG or ./auditor.toml; database: "
            "$AUDITOR_DATABASE_URL.\nexit codes: 0 done, 1 open high-severity findings, "
            "2 bad input or config."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"auditor {__version__}")
    parser.add_argument("--config", metavar="FILE", help="config file (TOML)")
    parser.add_argument(
        "--log-level",
        choices=LEVELS,
        default=os.environ.get("AUDITOR_LOG_LEVEL", "").lower() or None,
        help="log on stderr from this level (default warning; $AUDITOR_LOG_LEVEL); "
        "logs never hold a post's text or a token",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS if only is None else (only,):
        module = _load(name)
        command = sub.add_parser(
            module.NAME,
            help=module.HELP,
            description=module.HELP,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        command.add_argument(
            "--config", metavar="FILE", help="config file (TOML)", default=argparse.SUPPRESS
        )
        module.add_arguments(command)
        command.set_defaults(_module=module)
    return parser


def _command_word(argv: Sequence[str]) -> str | None:
    """The command named on the command line, if it is one we know (options skipped)."""
    words = iter(argv)
    for word in words:
        if word == "--config":
            next(words, None)
        elif not word.startswith("-"):
            return word if word in COMMANDS else None
    return None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(_command_word(argv))
    args = parser.parse_args(argv)
    if getattr(args, "_module", None) is None:
        parser.print_help()
        return EXIT_BAD_INPUT
    app = App(args)
    with configured_logging(logs.level_of(args.log_level)):
        return _run(args, app)


def _run(args: argparse.Namespace, app: App) -> int:
    try:
        return int(args._module.run(args, app))
    except AuditorError as exc:
        print(f"auditor: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt as exc:
        code = getattr(exc, "exit_code", 130)
        why = str(exc) or "interrupted"
        print(f"auditor: {why}; nothing of the unfinished import was stored", file=sys.stderr)
        return int(code)
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:
        if os.environ.get("AUDITOR_DEBUG"):
            raise
        store = app.__dict__.get("store")
        where = store.label if store is not None else "database"
        print(f"auditor: error: {describe_unexpected(exc, where)}", file=sys.stderr)
        return EXIT_BAD_INPUT


def run() -> None:
    sys.exit(main())
