"""The plain-text digest: the same data as the HTML one, for the text/plain part of the mail."""

from __future__ import annotations

from auditor.report.templating import TemplateFormat

FORMAT = TemplateFormat(
    name="text",
    suffix=".txt",
    template="digest.txt.j2",
    alert_template="alert.txt.j2",
    autoescape=False,
)
