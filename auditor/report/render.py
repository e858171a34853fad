"""The report format registry and what every caller needs: subject lines, rendering, saving.

Adding a format is one module with a `FORMAT` (see `html.py`: a name, a file suffix, a
`render(digest)` and a `render_alert(alert)`) plus one line in `FORMATS`. Everything else follows
from the registry: `render_digest` renders every format, `save` writes each with its suffix, and
`auditor digest --format` offers the names. A mail carries the `MAIL_PARTS` formats (its
text/plain and text/html parts).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from auditor.errors import AuditorError
from auditor.report import html, text
from auditor.report.digest import Alert, Digest
from auditor.report.templating import ReportFormat
from auditor.report.texts import texts

FORMATS: dict[str, ReportFormat] = {
    "html": html.FORMAT,
    "text": text.FORMAT,
}
MAIL_PARTS = ("text", "html")


class ReportRegistryError(TypeError):
    """A registered report format is incomplete: a programming error, raised at import."""


def check_formats(formats: dict[str, ReportFormat]) -> None:
    """Raise ReportRegistryError naming the first incomplete format (also used by the tests)."""
    suffixes: set[str] = set()
    for key, fmt in formats.items():
        if getattr(fmt, "name", None) != key:
            raise ReportRegistryError(f"report format {key!r}: its name must be {key!r}")
        suffix = getattr(fmt, "suffix", "")
        if not (isinstance(suffix, str) and suffix.startswith(".") and len(suffix) > 1):
            raise ReportRegistryError(f"report format {key!r}: suffix must look like '.ext'")
        if suffix in suffixes:
            raise ReportRegistryError(f"report format {key!r}: suffix {suffix} is used twice")
        suffixes.add(suffix)
        for method in ("render", "render_alert"):
            if not callable(getattr(fmt, method, None)):
                raise ReportRegistryError(f"report format {key!r} has no {method}()")
    missing = [part for part in MAIL_PARTS if part not in formats]
    if missing:
        raise ReportRegistryError(f"the mail needs the {missing[0]!r} report format")


check_formats(FORMATS)


@dataclass(frozen=True)
class Rendered:
    """A subject and one body per report format, all rendered from the same data."""

    subject: str
    bodies: dict[str, str]

    @property
    def text(self) -> str:
        """The mail's text/plain part."""
        return self.bodies["text"]

    @property
    def html(self) -> str:
        """The mail's text/html part."""
        return self.bodies["html"]


def digest_subject(digest: Digest) -> str:
    t = texts(digest.language)
    title = t[f"title_{digest.period.kind}"]
    if digest.all_clear:
        summary = t["all_clear_subject"]
    else:
        summary = t["summary"].format(new=digest.new_total, waiting=digest.waiting_total)
    prefix = f"{digest.school}: " if digest.school else ""
    return f"{prefix}{title} {digest.period.label}: {summary}"


def alert_subject(alert: Alert) -> str:
    prefix = f"{alert.school}: " if alert.school else ""
    return prefix + texts(alert.language)["alert_subject"].format(n=alert.total)


MAX_HTML_BYTES = 100_000  # Gmail clips a message above 102 KB
LIST_LIMITS = (30, 20, 10, 5, 2, 0)  # findings per section, tried in turn when too large


def render_digest(digest: Digest, max_html_bytes: int = MAX_HTML_BYTES) -> Rendered:
    """The digest in every registered format; when the HTML is over `max_html_bytes`, each
    section lists fewer findings (the rest counted as "en nog N", linking to the review site
    when it is configured), in every format alike."""
    html_body = FORMATS["html"].render(digest)
    for limit in LIST_LIMITS:
        if len(html_body.encode("utf-8")) <= max_html_bytes:
            break
        digest = digest.trimmed(limit)
        html_body = FORMATS["html"].render(digest)
    bodies = {
        name: html_body if name == "html" else fmt.render(digest) for name, fmt in FORMATS.items()
    }
    return Rendered(digest_subject(digest), bodies)


def render_alert(alert: Alert) -> Rendered:
    """The alert in every registered format."""
    bodies = {name: fmt.render_alert(alert) for name, fmt in FORMATS.items()}
    return Rendered(alert_subject(alert), bodies)


def digest_stem(digest: Digest) -> str:
    """File name without suffix: "digest-week-2026-W48"."""
    return f"digest-{digest.period.kind}-{digest.period.label}"


def save(
    rendered: Rendered, out_dir: Path, stem: str, formats: Sequence[str] | None = None
) -> list[Path]:
    """Write each body (or those of `formats`, in that order) as `<stem><suffix>` in `out_dir`;
    the registry's order is html, then text."""
    names = list(formats) if formats is not None else list(FORMATS)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        paths = []
        for name in names:
            suffix, body = FORMATS[name].suffix, rendered.bodies[name]
            path = out_dir / f"{stem}{suffix}"
            tmp = path.with_name(path.name + ".tmp")
            tmp.write_text(body, encoding="utf-8")
            tmp.replace(path)
            paths.append(path)
        return paths
    except OSError as exc:
        raise AuditorError(f"{out_dir}: cannot write the digest ({exc.strerror or exc})") from None
