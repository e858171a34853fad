"""A Facebook export split over several zips audits in one command: the zips passed one by one,
or the folder that holds them, without unpacking by hand."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from sqlalchemy import create_engine, select

from auditor.sources import archive_groups
from auditor.store.models import MediaRow, PostRow
from tests.cli.test_audit_command import FACEBOOK, TWITTER


def split(folder: Path, parts: int = 3) -> list[Path]:
    """The sample export as Facebook splits a large one: the data files in the first zip, the
    media spread over all of them, the same folder tree in each."""
    folder.mkdir(exist_ok=True)
    with zipfile.ZipFile(FACEBOOK) as whole:
        names = [n for n in whole.namelist() if not n.endswith("/")]
        data = [n for n in names if n.endswith(".json")]
        media = [n for n in names if n not in data]
        assert media, "the sample export has media"
        paths = [
            folder / f"facebook-obsdevlinder-2025-03-02-part{i}.zip" for i in range(1, parts + 1)
        ]
        for i, path in enumerate(paths):
            with zipfile.ZipFile(path, "w") as part:
                for name in (data if i == 0 else []) + media[i::parts]:
                    part.writestr(name, whole.read(name))
    return paths


def photos() -> list[str]:
    with zipfile.ZipFile(FACEBOOK) as whole:
        return [n for n in whole.namelist() if not n.endswith((".json", "/"))]


def stored(database_url: str) -> tuple[int, list[str]]:
    engine = create_engine(database_url)
    with engine.connect() as conn:
        posts = len(conn.execute(select(PostRow.id)).all())
        statuses = list(conn.execute(select(MediaRow.status)).scalars())
    engine.dispose()
    return posts, statuses


def findings(cli) -> list[dict]:  # type: ignore[no-untyped-def]
    code, out, _ = cli("findings", "--format", "json")
    assert code == 0
    return json.loads(out)


def test_the_zips_passed_one_by_one_audit_as_one_export(cli, tmp_path, database_url) -> None:  # type: ignore[no-untyped-def]
    parts = split(tmp_path / "download")
    args = [a for p in parts for a in ("--archive", str(p))]

    code, out, err = cli("audit", *args)

    assert code == 1, err
    assert out.count("Audit #") == 1 and " + " in out.splitlines()[0]
    posts, media = stored(database_url)
    assert posts > 0 and media.count("analysed") == len(photos())  # each photo found in its part


def test_the_folder_holding_the_zips_audits_like_the_whole_export(
    cli, tmp_path, database_url
) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "download"
    split(folder)

    code, _, err = cli("audit", "--archive", str(folder), "--no-images")
    assert code == 1, err
    split_findings = {(f["rule"], f["excerpt"]) for f in findings(cli)}
    split_posts, split_media = stored(database_url)
    assert len(split_media) - split_media.count("missing") == len(photos())

    cli("audit", "--archive", str(FACEBOOK), "--no-images")  # the same export, whole
    assert {(f["rule"], f["excerpt"]) for f in findings(cli)} == split_findings
    assert stored(database_url) == (split_posts, split_media)


def test_two_whole_exports_stay_two(tmp_path) -> None:
    first, second = tmp_path / "a.zip", tmp_path / "b.zip"
    first.write_bytes(FACEBOOK.read_bytes())
    second.write_bytes(FACEBOOK.read_bytes())
    assert archive_groups([first, second]) == [[first], [second]]


def test_other_exports_are_not_grouped_with_the_parts(tmp_path) -> None:
    parts = split(tmp_path / "download", parts=2)
    assert archive_groups([TWITTER, *parts]) == [[TWITTER], parts]


def test_a_media_only_part_alone_is_refused_naming_the_file(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    parts = split(tmp_path / "download", parts=2)
    code, _, err = cli("audit", "--archive", str(parts[1]), "--no-images")
    assert code == 2 and str(parts[1]) in err and err.count("\n") == 1
