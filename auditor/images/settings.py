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
    - `min_detect_side` (int, 512): a smaller photo is enlarged to this long side (at most 4x)
      for detection only, so that the faces of a thumbnail are found; verdicts and boxes stay in
      the photo's own pixels.
    - `score_threshold` (float, 0.4): CenterFace score from which a detection counts as a face.
      Lower finds more covered or turned faces and more false ones (a motorcycle headlight
      scores 0.3).

    Recognisability (a face failing any check is reported but not counted as recognisable)
    - `min_face_px` (int, 12): faces whose shorter box side, in pixels of the published image, is
      below this are too small to identify ...
    - `min_face_share` (float, 0.03) and `min_face_px_small` (int, 6): ... unless the photo itself
      is small: a face of at least `min_face_px_small` px that spans at least this share of the
      photo's long side is a subject of the photo, shown enlarged, not a far-away passer-by (the
      faces of a 128 px thumbnail of a class).
    - `background_face_share` (float, 0.4): in a photo whose faces were blurred or pixelated by
      someone (an anonymised photo), an unblurred face smaller than this share of the largest
      anonymised face and below `2 * min_face_px` px is a head far in the background that the
      anonymising left, not a subject.
    - `far_face_share` (float, 0.025) and `crowd_faces` (int, 3): in a photo with fewer than
      `crowd_faces` faces, a face smaller than this share of the photo's long side (and below
      `2 * min_face_px` px) is a passer-by far away, not a subject (a street scene whose people
      another tool blurred beyond detection, one head far behind left as it was); in a class,
      team or crowd photo small faces are the subjects and stay recognisable.
    - `min_sharpness_ratio` (float, 0.2): Laplacian variance of the inner face region divided by
      that of the whole image; below it the face is treated as blurred.
    - `min_sharpness` (float, 8.0): absolute Laplacian-variance floor for the inner face region;
      below it the face is blurred whatever the rest of the image looks like.
    - `max_grid_share` (float, 0.7): share of the face's gradient energy lying on a regular block
      grid; above it the face is treated as pixelated.
    - `max_flat_share` (float, 0.3): share of the inner face region without texture; above it
      the "face" is drawn (a cartoon, an emoji or sticker over a face, a toy): real skin always
      has grain (at most 0.12 on the dev photos), flat paint has none.

    Videos and GIFs
    - `frames_per_second` (float, 1.0): frames sampled per second of video.
    - `max_frames` (int, 30): at most this many frames are analysed per video.

    Throughput
    - `workers` (int, 0): photos analysed at the same time (threads sharing one model); 0 means
      one per CPU core.

    Anonymising
    - `anonymise_score_threshold` (float, 0.3): detections from this score are blurred (lower
      than `score_threshold`: when in doubt, blur).
    - `anonymise_padding` (float, 0.25): each box grows by this share of its width/height on
      every side before it is treated.
    - `anonymise_style` (str, "blur"): "blur" (strong Gaussian blur) or "pixelate" (mosaic).
    """

    max_side: int = 1024
    min_detect_side: int = 512
    score_threshold: float = 0.4
    min_face_px: int = 12
    min_face_share: float = 0.03
    min_face_px_small: int = 6
    background_face_share: float = 0.4
    far_face_share: float = 0.025
    crowd_faces: int = 3
    min_sharpness_ratio: float = 0.2
    min_sharpness: float = 5.0
    max_grid_share: float = 0.4
    max_flat_share: float = 0.3
    frames_per_second: float = 1.0
    max_frames: int = 30
    workers: int = 0
    anonymise_score_threshold: float = 0.3
    anonymise_padding: float = 0.25
    anonymise_style: str = "blur"
