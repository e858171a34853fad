"""The `cli` fixture of test_audit_command for every CLI test module."""

from tests.cli.test_audit_command import cli  # noqa: F401 - a fixture, used by name
