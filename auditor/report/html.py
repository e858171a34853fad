"""The HTML digest: inline CSS and tables only, so it survives mail clients and reads on a phone."""

from __future__ import annotations

from auditor.report.templating import TemplateFormat

FORMAT = TemplateFormat(
    name="html",
    suffix=".html",
    template="digest.html.j2",
    alert_template="alert.html.j2",
    autoescape=True,
)
