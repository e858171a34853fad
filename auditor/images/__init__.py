"""Photo audit: are pupils recognisable on a photo or video (protocol articles 1c/2c)?

Faces are found by CenterFace (MIT model shipped in this package, run by OpenCV's dnn module);
each face is then judged recognisable or not by size, sharpness against the rest of the image,
pixelation and flatness (stickers, drawings). Only counts and boxes leave this package: never
pixels or face crops.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from auditor.images.settings import ImageSettings

if TYPE_CHECKING:
    from auditor.images.analyse import (
        DETECTOR_VERSION,
        MediaAnalyser,
        analyse_file,
        analyse_image,
        cache_version,
        media_analyser,
    )
    from auditor.images.anonymise import anonymise_file
    from auditor.images.frames import ImageError, is_media_file

# OpenCV and numpy load on first use: the config names `ImageSettings`, and an audit without
# images or a draft check should not pay their half second of start-up
_LAZY = {
    "DETECTOR_VERSION": "analyse",
    "MediaAnalyser": "analyse",
    "analyse_file": "analyse",
    "analyse_image": "analyse",
    "cache_version": "analyse",
    "media_analyser": "analyse",
    "anonymise_file": "anonymise",
    "ImageError": "frames",
    "is_media_file": "frames",
}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"auditor.images.{_LAZY[name]}"), name)
    globals()[name] = value
    return value


__all__ = [
    "DETECTOR_VERSION",
    "ImageError",
    "ImageSettings",
    "MediaAnalyser",
    "analyse_file",
    "analyse_image",
    "anonymise_file",
    "cache_version",
    "is_media_file",
    "media_analyser",
]
