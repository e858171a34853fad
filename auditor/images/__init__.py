"""Photo audit: are pupils recognisable on a photo or video (protocol articles 1c/2c)?

Faces are found by CenterFace (MIT model shipped in this package, run by OpenCV's dnn module);
each face is then judged recognisable or not by size, sharpness against the rest of the image,
pixelation and flatness (stickers, drawings). Only counts and boxes leave this package: never
pixels or face crops.
"""

from __future__ import annotations

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
from auditor.images.settings import ImageSettings

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
