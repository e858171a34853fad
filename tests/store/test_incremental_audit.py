"""Incremental re-audits: a post whose input and rule set are unchanged is not analysed again,
and what a re-audit stores and reports equals a full audit's (issue 17)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from sqlalchemy import select

from auditor import config as config_module
from auditor.audit_key import ruleset_digest
from auditor.engine import Engine, select_rules
from auditor.evaluation import load_corpus
from auditor.pipeline import AuditSummary, audit_posts, finish_run, start_run
from auditor.rules import all_rules
from auditor.store import open_store
from auditor.store.models import FindingRow, PostRow
from tests.factories import ACCOUNT

CONFIG = Path(__file__).resolve().parents[1] / "golden" / "shared-corpus.toml"


def corpus_posts(shared: Path) -> list:  # type: ignore[type-arg]
    return [item.post for item in load_corpus(shared / "corpus" / "posts.jsonl")]


def make_engine(store, config) -> Engine:  # type: ignore[no-untyped-def]
    rules = select_rules(all_rules(), config.rules.enable, config.rules.disable)
    return Engine(rules, config.rule_context(), store.fingerprint_key(), config.severities())


def audit(store, posts, config) -> AuditSummary:  # type: ignore[no-untyped-def]
    run_id = start_run(store, "corpus", [])
    with store.engine.begin() as conn:
        summary = audit_posts(
            conn, ACCOUNT, posts, make_engine(store, config), run_id=run_id, analyser=None
        )
    finish_run(store, run_id, summary, None)
    return summary


def stored_findings(store) -> list[tuple]:  # type: ignore[no-untyped-def, type-arg]
    """Stored findings without their excerpt: a finding keeps the excerpt it was first found
    with (an allow-list change may unmask a neighbour in a fresh audit's excerpt)."""
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(
                PostRow.external_id,
                FindingRow.rule,
                FindingRow.article,
                FindingRow.severity,
                FindingRow.span_start,
                FindingRow.span_end,
                FindingRow.reason,
                FindingRow.status,
            ).join(PostRow, FindingRow.post_id == PostRow.id)
        )
        return sorted(tuple(row) for row in rows)


def without_allowed_phones(config):  # type: ignore[no-untyped-def]
    return dataclasses.replace(config, allow=dataclasses.replace(config.allow, phones=()))


def test_reaudit_of_unchanged_posts_runs_no_rule(store, shared) -> None:  # type: ignore[no-untyped-def]
    posts = corpus_posts(shared)
    config = config_module.load(CONFIG, env={})
    first = audit(store, posts, config)
    again = audit(store, posts, config)
    assert first.posts_audited == len(posts) and first.posts_unchanged == 0
    assert again.posts_audited == 0 and again.posts_unchanged == len(posts)
    assert again.findings_new == 0
    assert again.per_article == first.per_article and again.open_high == first.open_high
    assert sorted(again.allowed) == sorted(first.allowed)


def test_changed_allow_list_reaudits_and_matches_a_fresh_database(  # type: ignore[no-untyped-def]
    store, shared, tmp_path
) -> None:
    posts = corpus_posts(shared)
    config = config_module.load(CONFIG, env={})
    audit(store, posts, config)
    changed = without_allowed_phones(config)
    reaudit = audit(store, posts, changed)
    assert reaudit.posts_audited == len(posts) and reaudit.findings_new > 0

    fresh_store = open_store(f"sqlite:///{tmp_path / 'fresh.db'}")
    try:
        fresh = audit(fresh_store, posts, changed)
        assert stored_findings(store) == stored_findings(fresh_store)
    finally:
        fresh_store.engine.dispose()
    assert reaudit.per_article == fresh.per_article and reaudit.open_high == fresh.open_high
    assert audit(store, posts, changed).posts_audited == 0


def test_changed_post_text_reaudits_only_that_post(store, shared) -> None:  # type: ignore[no-untyped-def]
    posts = corpus_posts(shared)
    config = config_module.load(CONFIG, env={})
    audit(store, posts, config)
    edited = [
        *posts[:-1],
        dataclasses.replace(posts[-1], text=posts[-1].text + " Bel 06-12345678."),
    ]
    again = audit(store, edited, config)
    assert (again.posts_audited, again.posts_unchanged) == (1, len(posts) - 1)


def test_rule_set_digest_follows_what_changes_findings(store) -> None:  # type: ignore[no-untyped-def]
    config = config_module.load(CONFIG, env={})
    base = ruleset_digest(make_engine(store, config))
    assert ruleset_digest(make_engine(store, config)) == base
    assert ruleset_digest(make_engine(store, without_allowed_phones(config))) != base
    severe = dataclasses.replace(
        config, rules=dataclasses.replace(config.rules, severity={"commercial.*": "high"})
    )
    assert ruleset_digest(make_engine(store, severe)) != base
    fewer = dataclasses.replace(
        config, rules=dataclasses.replace(config.rules, disable=("commercial.*",))
    )
    assert ruleset_digest(make_engine(store, fewer)) != base
    engine = make_engine(store, config)
    engine.rules[0] = dataclasses.replace(engine.rules[0], version=2)
    assert ruleset_digest(engine) != base
    assert ruleset_digest(make_engine(store, config), detector="faces-v2") != base


def test_a_schools_own_word_list_changes_the_rule_set_digest(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from auditor.nlp.lexicon import use_school_lexicons

    engine = make_engine(store, config_module.load(CONFIG, env={}))
    base = ruleset_digest(engine)
    folder = tmp_path / "onze-woorden"
    folder.mkdir()
    (folder / "public_figures.txt").write_text("Marieke Smit\n", encoding="utf-8")
    try:
        use_school_lexicons(folder)
        with_list = ruleset_digest(engine)
        (folder / "public_figures.txt").write_text("Marieke Smit\nJan Visser\n", encoding="utf-8")
        edited = ruleset_digest(engine)
    finally:
        use_school_lexicons(None)
    assert len({base, with_list, edited}) == 3
    assert ruleset_digest(engine) == base


def test_reaudit_of_unchanged_posts_writes_no_post_media_or_finding(store, shared) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import event

    posts = corpus_posts(shared)
    config = config_module.load(CONFIG, env={})
    audit(store, posts, config)
    writes: list[str] = []

    def seen(conn, cursor, statement, parameters, context, executemany) -> None:  # type: ignore[no-untyped-def]
        words = statement.split()
        if words[0].upper() in {"INSERT", "UPDATE", "DELETE"}:
            writes.append(" ".join(words[:3]).lower())

    event.listen(store.engine, "before_cursor_execute", seen)
    try:
        audit(store, posts, config)
    finally:
        event.remove(store.engine, "before_cursor_execute", seen)
    touched = {w for w in writes if any(t in w for t in ("posts", "media", "findings"))}
    assert touched == set()


def audit_with_engine(store, posts, engine) -> AuditSummary:  # type: ignore[no-untyped-def]
    run_id = start_run(store, "corpus", [])
    with store.engine.begin() as conn:
        summary = audit_posts(conn, ACCOUNT, posts, engine, run_id=run_id, analyser=None)
    finish_run(store, run_id, summary, None)
    return summary


@pytest.mark.parametrize(
    ("rule_id", "reaudited"),
    [("whatsapp.essential-info", 0), ("personal-data.phone", 300)],
    ids=["rule-of-another-platform", "rule-of-every-post"],
)
def test_a_rules_new_version_reaudits_exactly_the_posts_it_applies_to(  # type: ignore[no-untyped-def]
    store, shared, rule_id: str, reaudited: int
) -> None:
    posts = corpus_posts(shared)  # 300 Facebook and X posts
    config = config_module.load(CONFIG, env={})
    audit(store, posts, config)
    engine = make_engine(store, config)
    index = next(i for i, r in enumerate(engine.rules) if r.id == rule_id)
    rule = engine.rules[index]
    engine.rules[index] = dataclasses.replace(rule, version=rule.version + 1)
    again = audit_with_engine(store, posts, engine)
    assert again.posts_audited == reaudited == sum(rule.applies_to(p) for p in posts)
    assert again.findings_new == 0
