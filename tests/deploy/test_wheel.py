"""A built wheel, installed outside the source tree, audits an export and renders the digest.

Offline and fast: the wheel is built without build isolation, installed with `--no-deps` into a
fresh venv, and that venv finds the dependencies in this test venv's site-packages through a
`.pth` line (a plain path: the editable install of the checkout is not picked up).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from tests.conftest import REPO

SOURCES = ("pyproject.toml", "README.md", "auditor")


def _copy_sources(target: Path) -> None:
    target.mkdir()
    for name in SOURCES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A venv with only the wheel installed; returns its `bin/` folder."""
    root = tmp_path_factory.mktemp("wheel")
    _copy_sources(root / "src")
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run(
        [*pip, "wheel", "--no-deps", "--no-build-isolation", "--no-index"]
        + ["-w", str(root / "dist"), str(root / "src")],
        check=True,
        capture_output=True,
    )
    [wheel] = (root / "dist").glob("auditor-*.whl")
    venv.EnvBuilder(with_pip=False).create(root / "venv")
    python = root / "venv" / "bin" / "python"
    subprocess.run(
        [*pip, "--python", str(python), "install", "--no-deps", "--no-index", str(wheel)],
        check=True,
        capture_output=True,
    )
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    ours = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    Path(purelib, "test-deps.pth").write_text("\n".join(sorted(ours)) + "\n", encoding="utf-8")
    return root / "venv" / "bin"


def _run(bin_dir: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(bin_dir / "auditor"), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        env={"PATH": "/usr/bin:/bin", "HOME": str(cwd)},
    )


def test_the_installed_package_comes_from_the_wheel_not_the_checkout(installed: Path) -> None:
    where = subprocess.run(
        [str(installed / "python"), "-c", "import auditor.report as r; print(r.__file__)"],
        cwd=installed.parent,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert where.startswith(str(installed.parent)) and str(REPO) not in where


def test_an_installed_wheel_audits_the_sample_and_renders_the_digest(
    installed: Path, tmp_path: Path
) -> None:
    shutil.copy2(REPO / "examples" / "twitter-archive-sample.zip", tmp_path / "sample.zip")
    (tmp_path / "auditor.toml").write_text(
        '[database]\nurl = "sqlite:///auditor.db"\n[mail]\nlanguage = "en"\n', encoding="utf-8"
    )
    audit = _run(installed, tmp_path, "audit", "--archive", "sample.zip")
    assert audit.returncode in (0, 1), audit.stderr
    digest = _run(installed, tmp_path, "digest", "--so-far", "--output", "week.html")
    assert digest.returncode == 0, digest.stderr
    html = (tmp_path / "week.html").read_text(encoding="utf-8")
    text = (tmp_path / "week.txt").read_text(encoding="utf-8")
    assert "<html" in html and "Article 2a" in html
    assert "Article 2a" in text
