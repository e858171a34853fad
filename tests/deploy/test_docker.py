"""The container deployment: docker-compose.yml validated by `docker-compose config` (Debian's
docker-compose; no Docker engine needed), .env.example complete, the Dockerfile's final stage
non-root with a healthcheck, installed from wheels and without build tools."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import REPO

COMPOSE = shutil.which("docker-compose")
if COMPOSE is None and os.environ.get("AUDITOR_REQUIRE_COMPOSE"):
    raise RuntimeError("docker-compose is not installed (AUDITOR_REQUIRE_COMPOSE is set)")
needs_compose = pytest.mark.skipif(COMPOSE is None, reason="docker-compose is not installed")
SECRETS = {"POSTGRES_PASSWORD": "a-long-random-password", "AUDITOR_SECRET_KEY": "0f" * 32}


def _deployment(folder: Path, secrets: dict[str, str]) -> Path:
    """A copy of the compose file with `cp .env.example .env` and the secrets filled in."""
    shutil.copy2(REPO / "docker-compose.yml", folder / "docker-compose.yml")
    env = (REPO / ".env.example").read_text(encoding="utf-8")
    for name, value in secrets.items():
        env = re.sub(rf"(?m)^{name}=$", f"{name}={value}", env)
    (folder / ".env").write_text(env, encoding="utf-8")
    (folder / "auditor.toml").write_text("", encoding="utf-8")
    (folder / "exports").mkdir()
    return folder


def _compose(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert COMPOSE is not None
    return subprocess.run([COMPOSE, *args], cwd=folder, capture_output=True, text=True, timeout=120)


@needs_compose
def test_compose_config_accepts_the_file_with_the_secrets_filled_in(tmp_path: Path) -> None:
    done = _compose(_deployment(tmp_path, SECRETS), "config")
    assert done.returncode == 0, done.stderr
    assert "a-long-random-password@db:5432/auditor" in done.stdout
    services = _compose(tmp_path, "config", "--services").stdout.split()
    assert sorted(services) == ["cli", "db", "mail", "migrate", "worker"]


@needs_compose
@pytest.mark.parametrize("missing", sorted(SECRETS))
def test_compose_refuses_to_run_without_a_secret(tmp_path: Path, missing: str) -> None:
    secrets = {k: v for k, v in SECRETS.items() if k != missing}
    done = _compose(_deployment(tmp_path, secrets), "config")
    assert done.returncode != 0 and missing in done.stderr


def _services() -> dict[str, str]:
    """Each service's block of docker-compose.yml, by name (the file is plain YAML)."""
    text = (REPO / "docker-compose.yml").read_text(encoding="utf-8")
    body = text.split("\nservices:\n", 1)[1].split("\nvolumes:\n", 1)[0]
    parts = re.split(r"(?m)^  (\w+):\n", body)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def test_the_services_are_wired_as_a_deployment_needs() -> None:
    services = _services()
    assert "postgres:16" in services["db"] and "healthcheck" in services["db"]
    assert "pgdata:/var/lib/postgresql/data" in services["db"]
    assert '["db", "upgrade"]' in services["migrate"]
    assert "service_healthy" in services["migrate"]
    worker = services["worker"]
    assert '["worker"]' in worker and "service_completed_successfully" in worker
    assert '"auditor", "health"' in worker and "restart: unless-stopped" in worker
    assert "stop_grace_period" in worker
    assert "mailpit" in services["mail"] and ':8025"' in services["mail"]
    assert 'profiles: ["cli"]' in services["cli"] and "./exports:/exports:ro" in services["cli"]
    assert sum('["worker"]' in block for block in services.values()) == 1  # one scheduler


def test_env_example_lists_every_setting_of_the_compose_file_with_a_comment() -> None:
    compose = (REPO / "docker-compose.yml").read_text(encoding="utf-8")
    used = set(re.findall(r"\$\{(\w+)", compose))
    lines = (REPO / ".env.example").read_text(encoding="utf-8").splitlines()
    listed = {line.split("=", 1)[0]: i for i, line in enumerate(lines) if re.match(r"\w+=", line)}
    assert used <= set(listed), used - set(listed)
    for name, index in listed.items():
        above = lines[index - 1] if index else ""
        assert above.startswith("#") or re.match(r"\w+=", above), f"{name} has no comment"
    assert all(not lines[listed[name]].split("=", 1)[1] for name in SECRETS)  # no real secret


def _final_stage() -> list[str]:
    text = (REPO / "Dockerfile").read_text(encoding="utf-8")
    joined = re.sub(r"\\\n\s*", " ", text)
    lines = [line.strip() for line in joined.splitlines() if line.strip()]
    stages = [i for i, line in enumerate(lines) if line.upper().startswith("FROM ")]
    assert len(stages) >= 2, "a multi-stage build"
    return lines[stages[-1] :]


def test_the_final_stage_runs_as_a_user_with_a_healthcheck() -> None:
    final = _final_stage()
    assert "slim" in final[0]
    users = [line.split()[1] for line in final if line.upper().startswith("USER ")]
    assert users and users[-1] not in ("root", "0")
    [check] = [line for line in final if line.upper().startswith("HEALTHCHECK ")]
    assert '"auditor", "health"' in check


def test_the_final_stage_installs_the_wheel_without_build_tools() -> None:
    final = " ".join(_final_stage())
    assert "--no-index" in final and "/wheels" in final and " -e " not in final
    for tool in ("gcc", "g++", "build-essential", "make ", "git ", "python3-dev", "COPY auditor"):
        assert tool not in final, tool


def test_the_build_context_leaves_secrets_and_data_out() -> None:
    patterns = (REPO / ".dockerignore").read_text(encoding="utf-8").split()
    assert patterns[patterns.index("*")] == "*"  # everything out, then only the sources in
    assert {"!pyproject.toml", "!README.md", "!auditor/"} <= set(patterns)
