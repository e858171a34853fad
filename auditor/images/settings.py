"""The `[images]` config section: every threshold the photo audit uses, with its default."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ImageSettings:
    """Thresholds for face detection, recognisability, video sampling and anonymising.

    Each field is one key of the `[images]` config table (simple types only).

    Detection
    - `max_side` (int, 1024): a photo or frame is scaled down to this long side (pixels) before
      detection. Larger finds smaller faces but is slower (roughly quadratic).
    - `score_threshold` (float, 0.5): CenterFace score from which a detection counts as a face.
      Lower finds more covered or turned faces and more false ones (a motorcycle headlight
      scores 0.3).

    Recognisability (a face failing any check is reported but not counted as recognisable)
    - `min_face_px` (int, 12): faces whose shorter box side, in pixels of the published image, is
      below this are too small to identify.
    - `min_sharpness_ratio` (float, 0.12): Laplacian variance of the inner face region divided by
      that of the whole image; below it the face is treated as blurred.
    - `min_sharpness` (float, 8.0): absolute Laplacian-variance floor for the inner face region;
      below it the face is blurred whatever the rest of the image looks like.
    - `max_grid_share` (float, 0.7): share of the face's gradient energy lying on a regular block
      grid; above it the face is treated as pixelated.
    - `max_flat_share` (float, 0.85): share of the inner face region without texture; above it,
      together with hard edges, the "face" is an emoji, sticker or drawing over the face.

    Videos and GIFs
    - `frames_per_second` (float, 1.0): frames sampled per second of video.
    - `max_frames` (int, 30): at most this many frames are analysed per video.

    Anonymising
    - `anonymise_score_threshold` (float, 0.3): detections from this score are blurred (lower
      than `score_threshold`: when in doubt, blur).
    - `anonymise_padding` (float, 0.25): each box grows by this share of its width/height on
      every side before it is treated.
    - `anonymise_style` (str, "blur"): "blur" (strong Gaussian blur) or "pixelate" (mosaic).
    """

    max_side: int = 1024
    score_threshold: float = 0.4
    min_face_px: int = 12
    min_sharpness_ratio: float = 0.12
    min_sharpness: float = 5.0
    max_grid_share: float = 0.4
    max_flat_share: float = 0.6
    frames_per_second: float = 1.0
    max_frames: int = 30
    anonymise_score_threshold: float = 0.3
    anonymise_padding: float = 0.25
    anonymise_style: str = "blur"
