"""The format registry and what every caller needs: subject lines, rendering, saving.

Adding a format is one module with a `FORMAT` (see `html.py`) plus one line in `FORMATS`.
"""

from __future__ import annotations

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


@dataclass(frozen=True)
class Rendered:
    """A mail's subject and both bodies, rendered from the same data."""

    subject: str
    text: str
    html: str


def digest_subject(digest: Digest) -> str:
    t = texts(digest.language)
    title = t[f"title_{digest.period.kind}"]
    if digest.all_clear:
        summary = t["all_clear_subject"]
    else:
        summary = t["summary"].format(new=digest.new_total, open=digest.open_total)
    prefix = f"{digest.school}: " if digest.school else ""
    return f"{prefix}{title} {digest.period.label}: {summary}"


def alert_subject(alert: Alert) -> str:
    prefix = f"{alert.school}: " if alert.school else ""
    return prefix + texts(alert.language)["alert_subject"].format(n=alert.total)


def render_digest(digest: Digest) -> Rendered:
    return Rendered(
        digest_subject(digest), FORMATS["text"].render(digest), FORMATS["html"].render(digest)
    )


def render_alert(alert: Alert) -> Rendered:
    return Rendered(
        alert_subject(alert),
        FORMATS["text"].render_alert(alert),
        FORMATS["html"].render_alert(alert),
    )


def digest_stem(digest: Digest) -> str:
    """File name without suffix: "digest-week-2026-W48"."""
    return f"digest-{digest.period.kind}-{digest.period.label}"


def save(rendered: Rendered, out_dir: Path, stem: str) -> list[Path]:
    """Write the HTML and text bodies as `<stem>.html` and `<stem>.txt` in `out_dir`."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        paths = []
        for suffix, body in ((".html", rendered.html), (".txt", rendered.text)):
            path = out_dir / f"{stem}{suffix}"
            tmp = path.with_name(path.name + ".tmp")
            tmp.write_text(body, encoding="utf-8")
            tmp.replace(path)
            paths.append(path)
        return paths
    except OSError as exc:
        raise AuditorError(f"{out_dir}: cannot write the digest ({exc.strerror or exc})") from None
