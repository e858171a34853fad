"""Photos of pupils (articles 1c/2c): no recognisable pupils on the school's photos or videos.

Both rules only read `media.analysis`, which the image pipeline fills in before the rules run
(see `auditor.images`). They never open files. `analysis is None` means the pipeline did not look
at images at all (images switched off): then neither rule says anything.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from auditor.models import Category, Hit, Media, MediaKind, Platform, Post, Severity
from auditor.rules.base import RuleContext, rule

KIND_NL = {
    MediaKind.PHOTO: "foto",
    MediaKind.VIDEO: "video",
    MediaKind.GIF: "GIF",
    MediaKind.OTHER: "bijlage",
}


def _label(media: Media, index: int) -> str:
    return f"{KIND_NL.get(media.kind, 'bijlage')} {index + 1}"


@rule(
    "image.recognisable-faces",
    category=Category.IMAGE,
    clause="c",
    severity=Severity.HIGH,
)
def recognisable_faces(post: Post, ctx: RuleContext) -> Iterator[Hit]:
    """Photos or videos with recognisable faces (pupils may only appear unrecognisable).

    Why: the protocol allows no photos of pupils, or only with pupils unrecognisable. A face
    detector (CenterFace) finds faces; each face is then judged by size, sharpness compared with
    the rest of the photo, pixelation and whether it is covered by a sticker or drawing.

    Flagged: a photo, video or GIF with at least one face that is large and sharp enough to
    recognise, including small faces in a group photo, faces in profile and partly covered faces.
    One hit per media file, with the number of faces and their boxes.

    Fine: photos without people, people far away or seen from behind, faces that are blurred,
    pixelated, covered by an emoji, or too small to identify; drawings, logos, animals.
    """
    return face_hits(post, lambda media, index, faces: f"{faces} op {_label(media, index)}")


def face_hits(post: Post, reason: Callable[[Media, int, str], str]) -> Iterator[Hit]:
    """One hit per photo or video with recognisable faces: counts and boxes, never pixels.

    `reason(media, index, faces)` words the finding; `faces` reads "2 herkenbare gezichten".
    """
    for index, media in enumerate(post.media):
        analysis = media.analysis
        if analysis is None or analysis.status != "analysed" or analysis.recognisable <= 0:
            continue
        count = analysis.recognisable
        noun = "herkenbaar gezicht" if count == 1 else "herkenbare gezichten"
        boxes = [[b.x, b.y, b.w, b.h] for b in analysis.boxes if b.recognisable]
        yield Hit(
            span=None,
            value="",
            reason=reason(media, index, f"{count} {noun}"),
            kind="image",
            media_index=index,
            details={"faces": count, "boxes": boxes},
        )


@rule(
    "image.unanalysed",
    category=Category.IMAGE,
    clause="c",
    severity=Severity.MEDIUM,
    # an unchecked photo matters wherever it was shared; WhatsApp has its own (3e)
    platforms=tuple(p for p in Platform if p != Platform.WHATSAPP),
)
def unanalysed(post: Post, ctx: RuleContext) -> Iterator[Hit]:
    """Photos or videos that could not be checked for faces: a person must look at them.

    Why: a photo the auditor cannot read may still show pupils; saying nothing would let it
    escape review.

    Flagged: media missing from the export, and media whose analysis failed (corrupt or empty
    file, unsupported type); the reason says which.

    Fine: media that were analysed (with or without faces), and every media file when image
    analysis is switched off (then nothing was looked at, and the run says so).
    """
    for index, media in enumerate(post.media):
        label = _label(media, index)
        if media.missing:
            reason = f"{label} ontbreekt in de export: niet op gezichten gecontroleerd"
        elif media.analysis is None or media.analysis.status == "analysed":
            continue
        else:
            why = media.analysis.error or "onbekende fout"
            reason = f"{label} kon niet op gezichten gecontroleerd worden: {why}"
        yield Hit(span=None, value="", reason=reason, kind="image", media_index=index)
