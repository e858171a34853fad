"""`auditor anonymise`: write copies of photos with every face strongly blurred."""

from __future__ import annotations

import argparse
from pathlib import Path

from auditor.errors import AuditorError
from auditor.images import ImageError, ImageSettings, analyse_file, anonymise_file
from auditor.images.frames import IMAGE_SUFFIXES, VIDEO_SUFFIXES

NAME = "anonymise"
HELP = "Write a copy of a photo or video (or of every one in a folder) with all faces blurred."
SUFFIX = ".anonymised"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "image",
        type=Path,
        metavar="IMAGE",
        help="a photo or video, or a folder: every one directly in it (not in subfolders)",
    )
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="OUT",
        help="output file (for one photo) or folder (for a folder); "
        f"default: <name>{SUFFIX}<ext> beside each photo",
    )
    parser.epilog = (
        "Every detected face is blurred (recognisable or not); each copy is checked again.\n"
        "Videos (.mp4, .mov, .m4v, .avi, .mkv) are treated frame by frame, without sound;\n"
        "a GIF or WebM video becomes an .mp4 copy. examples:\n"
        "  auditor anonymise klassenfoto.jpg\n"
        "  auditor anonymise sportdag.mp4\n"
        "  auditor anonymise uitje/ -o uitje-anoniem/"
    )


def run(args: argparse.Namespace, app) -> int:
    settings = app.image_settings if app is not None else ImageSettings()
    source: Path = args.image
    if source.is_dir():
        photos = sorted(
            p
            for p in source.iterdir()
            if p.is_file()
            and p.suffix.lower() in IMAGE_SUFFIXES | VIDEO_SUFFIXES
            and SUFFIX not in p.suffixes
        )
        if not photos:
            raise AuditorError(f"{source}: no photos or videos in this folder")
        pairs = [(p, _target(p, args.output, folder=True)) for p in photos]
    elif source.is_file():
        pairs = [(source, _target(source, args.output, folder=False))]
    else:
        raise AuditorError(f"{source}: no such file or folder")
    for src, dst in pairs:
        try:
            count = anonymise_file(src, dst, settings)
        except ImageError as exc:
            raise AuditorError(str(exc)) from exc
        if src.suffix.lower() in VIDEO_SUFFIXES:
            line = f"{src}: faces blurred in every frame ({count} detections) -> {dst}"
        else:
            line = f"{src}: {count} faces blurred -> {dst}"
        check = analyse_file(dst, settings)
        if check.status != "analysed":
            line += f" (check failed: {check.error})"
        elif check.recognisable:
            line += f" (WARNING: {check.recognisable} faces still recognisable)"
        print(line)
    return 0


def _target(src: Path, output: Path | None, *, folder: bool) -> Path:
    suffix = ".mp4" if src.suffix.lower() in {".gif", ".webm", ".3gp"} else src.suffix
    default_name = f"{src.stem}{SUFFIX}{suffix}"
    if output is None:
        return src.with_name(default_name)
    if folder or output.is_dir():
        same_folder = output.resolve() == src.parent.resolve()
        return output / (default_name if same_folder or not folder else f"{src.stem}{suffix}")
    if output.resolve() == src.resolve():
        raise AuditorError(f"{output}: would overwrite the original photo; choose another name")
    return output
