"""Which face model runs: the 8-bit copy only where its kernels compute exactly (VNNI)."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.images.detector import cpu_flags, int8_is_exact

X86_NO_VNNI = "fpu sse4_1 sse4_2 avx f16c fma avx2"


@pytest.mark.parametrize(
    ("flags", "exact"),
    [
        (X86_NO_VNNI, False),  # AMD EPYC (Zen 2/3), Intel Haswell-Skylake: 8-bit sums saturate
        (X86_NO_VNNI + " avx512f avx512bw avx512_vnni", True),  # Cascade Lake and later
        (X86_NO_VNNI + " avx_vnni", True),  # Alder Lake
        (X86_NO_VNNI + " amx_int8 amx_tile", True),  # Sapphire Rapids
    ],
    ids=["avx2", "avx512-vnni", "avx-vnni", "amx"],
)
def test_the_8_bit_model_runs_only_on_cpus_with_vnni(flags: str, exact: bool) -> None:
    assert int8_is_exact(frozenset(flags.split())) is exact


def test_unknown_cpu_flags_run_the_float_model() -> None:
    assert int8_is_exact(None) is False


@pytest.mark.parametrize(
    ("cpuinfo", "expected"),
    [
        ("processor\t: 0\nmodel name\t: AMD EPYC\nflags\t\t: fpu avx2\n\n", {"fpu", "avx2"}),
        ("processor\t: 0\nFeatures\t: fp asimd asimddp\n", {"fp", "asimd", "asimddp"}),
    ],
    ids=["x86", "arm"],
)
def test_cpu_flags_are_read_from_cpuinfo(tmp_path: Path, cpuinfo: str, expected: set[str]) -> None:
    path = tmp_path / "cpuinfo"
    path.write_text(cpuinfo, encoding="ascii")

    assert cpu_flags(path) == expected


def test_cpu_flags_of_an_unreadable_cpuinfo_are_unknown(tmp_path: Path) -> None:
    assert cpu_flags(tmp_path / "missing") is None
