"""Incremental re-audits: a post whose input and rule set are unchanged is not analysed again,
and what a re-audit stores and reports equals a full audit's (issue 17)."""

from __future__ import annotations

import dataclasses
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select

from auditor import config as config_module
from auditor.audit_key import ruleset_digest
from auditor.engine import Engine, select_rules
from auditor.evaluation import load_corpus
from auditor.media_store import MediaStore
from auditor.pipeline import AuditSummary, audit_posts, finish_run, start_run
from auditor.rules import all_rules
from auditor.sources.twitter_archive import TwitterArchiveSource
from auditor.store import open_store
from auditor.store.models import FindingRow, PostRow
from tests.factories import ACCOUNT, engine
from tests.sources.conftest import js, manifest_js, tweet

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


def test_a_finding_the_reaudit_no_longer_makes_is_removed_as_in_a_fresh_database(  # type: ignore[no-untyped-def]
    store, shared, tmp_path
) -> None:
    """The school's own numbers allowed after an audit that flagged them: their open findings
    go, and the store holds what a fresh audit with the new settings holds."""
    posts = corpus_posts(shared)
    allowed = config_module.load(CONFIG, env={})
    first = audit(store, posts, without_allowed_phones(allowed))
    reaudit = audit(store, posts, allowed)
    assert reaudit.posts_audited == len(posts) and reaudit.findings_withdrawn > 0
    assert reaudit.findings_withdrawn == first.open_high - reaudit.open_high

    fresh_store = open_store(f"sqlite:///{tmp_path / 'fresh.db'}")
    try:
        audit(fresh_store, posts, allowed)
        assert stored_findings(store) == stored_findings(fresh_store)
    finally:
        fresh_store.engine.dispose()


def test_a_reviewed_finding_stays_when_the_reaudit_no_longer_makes_it(store, shared) -> None:  # type: ignore[no-untyped-def]
    """A decision is the school's: its finding and trail stay, whatever the rules say now."""
    from auditor.store.reviews import review

    posts = corpus_posts(shared)
    allowed = config_module.load(CONFIG, env={})
    audit(store, posts, without_allowed_phones(allowed))
    before = {row[:-1] for row in stored_findings(store)}
    audit(store, posts, allowed)
    going = sorted(before - {row[:-1] for row in stored_findings(store)})
    assert going  # findings the allowed numbers take away
    audit(store, posts, without_allowed_phones(allowed))  # back, and reviewed this time
    kept = set()
    with store.session() as session:
        for (external_id, rule, *_), action in zip(
            going, ["dismissed", "resolved", "open"], strict=False
        ):
            row = session.scalars(
                select(FindingRow)
                .join(PostRow, FindingRow.post_id == PostRow.id)
                .where(PostRow.external_id == external_id, FindingRow.rule == rule)
            ).first()
            assert row is not None
            review(session, row.id, action, by="juf Anouk")
            kept.add((row.id, action))
        session.commit()
    audit(store, posts, allowed)
    with store.session() as session:
        ids = [row_id for row_id, _ in kept]
        after = session.execute(
            select(FindingRow.id, FindingRow.status).where(FindingRow.id.in_(ids))
        ).all()
    assert set(after) == kept


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


def test_the_rules_code_and_data_are_part_of_the_rule_set_digest(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A rule changed in code without a new `version`, or a retrained model, re-audits."""
    from auditor.audit_key import files_digest

    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "phone.py").write_text("PATTERN = r'06'\n", encoding="utf-8")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "model.msgpack").write_bytes(b"\x01")
    base = files_digest(tmp_path, ("rules", "data"))
    (tmp_path / "rules" / "__pycache__").mkdir()
    (tmp_path / "rules" / "__pycache__" / "phone.pyc").write_bytes(b"\x00")
    assert files_digest(tmp_path, ("rules", "data")) == base  # caches are no code
    (tmp_path / "rules" / "phone.py").write_text("PATTERN = r'06|\\+316'\n", encoding="utf-8")
    changed = files_digest(tmp_path, ("rules", "data"))
    (tmp_path / "data" / "model.msgpack").write_bytes(b"\x02")
    assert len({base, changed, files_digest(tmp_path, ("rules", "data"))}) == 3


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


# -- an export read again: unchanged items are not even built -----------------------------------

PHOTO_ID = "1790000000000000004"
PHOTO_FILE = f"data/tweets_media/{PHOTO_ID}-GxAbC.jpg"


def export_tweets() -> list[dict]:  # type: ignore[type-arg]
    photo = {
        "id_str": "9",
        "type": "photo",
        "url": "https://t.co/Ph0to",
        "media_url_https": "https://pbs.twimg.com/media/GxAbC.jpg",
        "indices": ["19", "37"],
    }
    return [
        tweet("1790000000000000001", "Sanne uit groep 5 las het mooiste voor."),
        tweet("1790000000000000002", "Kaarsen voor €3 per stuk."),
        tweet(
            "1790000000000000003",
            "@ouder_van_sanne Dank u, Sanne was er blij mee.",
            in_reply_to_status_id_str="1790000000000000099",
            in_reply_to_user_id_str="1500000000000000001",
            in_reply_to_screen_name="ouder_van_sanne",
        ),
        tweet(
            PHOTO_ID,
            "Het schoolplein! https://t.co/Ph0to",
            extended_entities={"media": [photo]},
        ),
    ]


def write_export(path: Path, tweets: list[dict], photo: bytes = b"\xff\xd8jpeg") -> Path:  # type: ignore[type-arg]
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("data/manifest.js", manifest_js())
        zf.writestr("data/tweets.js", js("YTD.tweets.part0", [{"tweet": t} for t in tweets]))
        zf.writestr(PHOTO_FILE, photo)
    return path


def audit_export(store, path: Path, media: Path, audit_engine=None):  # type: ignore[no-untyped-def]
    """The summary of an audit of the export, and the posts the source built for it."""
    built: list[str] = []
    with TwitterArchiveSource(path, MediaStore(media)) as source:
        build = source._post

        def counted(item, ref):  # type: ignore[no-untyped-def]
            built.append(ref)
            return build(item, ref)

        source._post = counted  # type: ignore[method-assign]
        run_id = start_run(store, "export", [])
        with store.engine.begin() as conn:
            summary = audit_posts(
                conn,
                source.account(),
                source.records(),
                audit_engine or engine(store.fingerprint_key()),
                run_id=run_id,
                analyser=None,
            )
        finish_run(store, run_id, summary, None)
    return summary, len(built)


def test_an_unchanged_export_read_again_builds_no_post(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = write_export(tmp_path / "x.zip", export_tweets())
    first, built_first = audit_export(store, path, tmp_path / "media")
    again, built_again = audit_export(store, path, tmp_path / "media")
    assert (built_first, built_again) == (4, 0)
    assert (again.posts_seen, again.posts_unchanged, again.findings_new) == (4, 4, 0)
    assert (again.per_article, again.open_high) == (first.per_article, first.open_high)


def with_text(tweets, text):  # type: ignore[no-untyped-def]
    tweets[1]["full_text"] = text
    return tweets


def with_reply_target(tweets, name):  # type: ignore[no-untyped-def]
    tweets[2]["in_reply_to_screen_name"] = name
    return tweets


def with_likes(tweets, count):  # type: ignore[no-untyped-def]
    tweets[0]["favorite_count"] = count
    return tweets


@pytest.mark.parametrize(
    ("change", "photo", "built", "audited"),
    [
        (lambda t: with_text(t, "Kaarsen voor €4 per stuk, bel 06-12345678."), None, 1, 1),
        (lambda t: with_reply_target(t, "juf_anouk"), None, 1, 1),
        (lambda t: t, b"\xff\xd8another photo", 1, 1),
        (lambda t: with_likes(t, "12"), None, 1, 0),
    ],
    ids=["text", "reply-target", "media-file", "like-count"],
)
def test_a_changed_item_is_built_and_audited_again_only_when_its_post_changed(  # type: ignore[no-untyped-def]
    store, tmp_path, change, photo: bytes | None, built: int, audited: int
) -> None:
    audit_export(store, write_export(tmp_path / "x.zip", export_tweets()), tmp_path / "media")
    path = tmp_path / "newer.zip"
    write_export(path, change(export_tweets()), *([photo] if photo else []))
    again, built_again = audit_export(store, path, tmp_path / "media")
    assert (built_again, again.posts_audited, again.posts_unchanged) == (
        built,
        audited,
        4 - audited,
    )
    assert audit_export(store, path, tmp_path / "media")[1] == 0  # its new item is recorded

    fresh_store = open_store(f"sqlite:///{tmp_path / 'fresh.db'}")
    try:
        fresh, _ = audit_export(fresh_store, path, tmp_path / "media")
        assert stored_findings(store) == stored_findings(fresh_store)
    finally:
        fresh_store.engine.dispose()
    assert (again.per_article, again.open_high) == (fresh.per_article, fresh.open_high)


def test_a_rules_new_version_builds_the_posts_it_applies_to_again(store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = write_export(tmp_path / "x.zip", export_tweets())
    audit_export(store, path, tmp_path / "media")
    changed = engine(store.fingerprint_key())
    changed.rules[1] = dataclasses.replace(changed.rules[1], version=2)
    again, built = audit_export(store, path, tmp_path / "media", changed)
    assert (built, again.posts_audited, again.findings_new) == (4, 4, 0)
