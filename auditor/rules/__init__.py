"""The rule registry. Each protocol concern is one module; importing it registers its rules.

Add a rule: write it in the concern's module with `@rule(...)` (see `auditor/rules/base.py`).
Add a concern: a new module here plus one line in `CONCERNS`.
"""

from __future__ import annotations

import importlib

from auditor.rules.base import REGISTRY, Rule

CONCERNS = (
    "auditor.rules.personal_data",
    "auditor.rules.commercial",
    "auditor.rules.personal_title",
    "auditor.rules.replies",
    "auditor.rules.images",
    "auditor.rules.whatsapp",
    "auditor.rules.other_platforms",
)


def all_rules() -> list[Rule]:
    for module in CONCERNS:
        importlib.import_module(module)
    return sorted(REGISTRY.values(), key=lambda r: r.id)
