"""Jinja2 templates shipped inside the package (`auditor/report/templates/`), and the format seam.

Templates are read with `importlib.resources`, so an installed wheel (or a zipped package)
renders exactly what a source checkout renders.

HTML templates are autoescaped (an excerpt can never inject markup); text templates are not.
A format is anything with `name`, `suffix` and `render(digest) -> str`; `TemplateFormat` is the
one both built-in formats use.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from jinja2 import BaseLoader, Environment, StrictUndefined, TemplateNotFound
from markupsafe import Markup, escape

from auditor.errors import ConfigError
from auditor.report import texts
from auditor.report.digest import Alert, Digest

TEMPLATES: Traversable = files("auditor.report") / "templates"
CODE_STYLE = "font-family:Menlo,Consolas,'Courier New',monospace;font-size:13px;"


class ReportFormat(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def suffix(self) -> str: ...

    def render(self, digest: Digest) -> str: ...

    def render_alert(self, alert: Alert) -> str: ...


@dataclass(frozen=True)
class Formatter:
    """Dates, ages and labels in the mail's language and the school's timezone."""

    language: str
    tz: ZoneInfo

    def date(self, value: Any) -> str:
        return texts.format_date(value, self.language, self.tz)

    def datetime(self, value: Any) -> str:
        return texts.format_datetime(value, self.language, self.tz)

    def age(self, days: int) -> str:
        return texts.format_age(days, self.language)

    def severity(self, value: str) -> str:
        return texts.texts(self.language).get(f"sev_{value}", value)

    def status(self, value: str) -> str:
        return texts.texts(self.language).get(f"status_{value}", value)

    def code(self, value: str) -> Markup:
        """HTML: escape `value`, then show `backquoted` commands in a monospace font."""
        parts = str(escape(value)).split("`")
        for i in range(1, len(parts) - 1, 2):
            parts[i] = f'<code style="{CODE_STYLE}">{parts[i]}</code>'
        return Markup("".join(parts) if len(parts) % 2 else "`".join(parts))


class ResourceLoader(BaseLoader):
    """Loads templates from a package resource folder (a directory, or a zip when installed so)."""

    def __init__(self, folder: Traversable) -> None:
        self.folder = folder

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        resource = self.folder
        for part in template.split("/"):
            if part in ("", ".", ".."):
                raise TemplateNotFound(template)
            resource = resource / part
        if not resource.is_file():
            raise TemplateNotFound(template)
        # Package data does not change while the process runs: never reload.
        return resource.read_text(encoding="utf-8"), None, lambda: True

    def list_templates(self) -> list[str]:
        return sorted(entry.name for entry in self.folder.iterdir() if entry.is_file())


@cache
def environment(autoescape: bool, folder: Traversable = TEMPLATES) -> Environment:
    return Environment(
        loader=ResourceLoader(folder),
        autoescape=autoescape,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render_template(name: str, *, autoescape: bool, **context: Any) -> str:
    try:
        template = environment(autoescape).get_template(name)
    except TemplateNotFound:
        raise ConfigError(f"auditor/report/templates/{name}: template not found") from None
    return template.render(**context)


@dataclass(frozen=True)
class TemplateFormat:
    """A format rendered from one digest template and one alert template."""

    name: str
    suffix: str
    template: str
    alert_template: str
    autoescape: bool

    def render(self, digest: Digest) -> str:
        return render_template(
            self.template,
            autoescape=self.autoescape,
            d=digest,
            t=texts.texts(digest.language),
            f=Formatter(digest.language, digest.period.tz),
            lang=digest.language,
        )

    def render_alert(self, alert: Alert) -> str:
        return render_template(
            self.alert_template,
            autoescape=self.autoescape,
            a=alert,
            t=texts.texts(alert.language),
            f=Formatter(alert.language, ZoneInfo(alert.timezone)),
            lang=alert.language,
        )
