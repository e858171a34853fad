"""The digest: what it holds (build_digest) and how it reads (HTML and text, Dutch and English)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from mailseed import (
    MASKED_EXCERPT,
    POST_TEXT,
    RAW_NAME,
    RAW_PHONE,
    add_account,
    add_finding,
    add_post,
    seed_week,
)

from auditor.report.digest import build_alert, build_digest, safe_url, source_name
from auditor.report.period import period_ending
from auditor.report.render import FORMATS, digest_subject, render_alert, render_digest


def digest_of(store, now, language="nl", kind="week"):
    period = period_ending(kind, now, "Europe/Amsterdam")
    with store.session() as session:
        return build_digest(session, period, now, language, "OBS De Regenboog")


@pytest.mark.parametrize(
    ("kind", "moment", "label", "start", "end"),
    [
        # the Monday 07:00 digest covers the week that just ended, Monday 00:00 to Sunday 24:00
        (
            "week",
            datetime(2026, 11, 30, 6, 0, tzinfo=UTC),
            "2026-W48",
            datetime(2026, 11, 22, 23, 0, tzinfo=UTC),
            datetime(2026, 11, 29, 23, 0, tzinfo=UTC),
        ),
        # asked for on a Wednesday: still the last complete week
        (
            "week",
            datetime(2026, 12, 2, 10, 0, tzinfo=UTC),
            "2026-W48",
            datetime(2026, 11, 22, 23, 0, tzinfo=UTC),
            datetime(2026, 11, 29, 23, 0, tzinfo=UTC),
        ),
        # Sunday 23:30 UTC is already Monday in Amsterdam: week 48 has ended
        (
            "week",
            datetime(2026, 11, 29, 23, 30, tzinfo=UTC),
            "2026-W48",
            datetime(2026, 11, 22, 23, 0, tzinfo=UTC),
            datetime(2026, 11, 29, 23, 0, tzinfo=UTC),
        ),
        # the week summer time starts has 167 hours (CET to CEST on Sunday 29 March)
        (
            "week",
            datetime(2026, 3, 30, 5, 0, tzinfo=UTC),
            "2026-W13",
            datetime(2026, 3, 22, 23, 0, tzinfo=UTC),
            datetime(2026, 3, 29, 22, 0, tzinfo=UTC),
        ),
        (
            "day",
            datetime(2026, 11, 25, 23, 30, tzinfo=UTC),
            "2026-11-25",
            datetime(2026, 11, 24, 23, 0, tzinfo=UTC),
            datetime(2026, 11, 25, 23, 0, tzinfo=UTC),
        ),
    ],
)
def test_period_is_the_last_complete_local_week_or_day(kind, moment, label, start, end):
    period = period_ending(kind, moment, "Europe/Amsterdam")
    assert period.label == label
    assert period.key == f"digest:{kind}:{label}"
    assert (period.start, period.end) == (start, end)


def test_new_findings_are_grouped_by_protocol_article(store, now):
    ids = seed_week(store, now)
    digest = digest_of(store, now)
    assert [(g.label, [f.id for f in g.findings]) for g in digest.new_groups] == [
        ("Artikel 1a", [ids["phone"]]),
        ("Artikel 1c", [ids["photo"]]),
        ("Artikel 1f", [ids["shop"]]),
    ]
    assert digest.new_total == 3
    assert digest.new_high == 2


def test_open_findings_from_before_the_period_wait_with_their_age(store, now):
    ids = seed_week(store, now)
    digest = digest_of(store, now)
    assert [(f.id, f.age_days) for f in digest.waiting] == [(ids["old"], 20)]
    assert digest.open_total == 4  # three new ones plus the old one


def test_findings_reviewed_in_the_period_are_listed_with_their_decision(store, now):
    ids = seed_week(store, now)
    digest = digest_of(store, now)
    assert [(f.id, f.status) for f in digest.reviewed] == [(ids["dismissed"], "dismissed")]


def test_accounts_audited_come_from_the_runs_in_the_period(store, now):
    seed_week(store, now)
    digest = digest_of(store, now)
    assert [(r.source, r.runs, r.posts_seen) for r in digest.runs] == [
        ("facebook", 1, 12),
        ("twitter-2026.zip", 1, 40),  # an archive's folders are left out
    ]


def test_trend_counts_findings_per_local_week_for_eight_weeks(store, now):
    seed_week(store, now)
    digest = digest_of(store, now)
    assert [w.label for w in digest.trend] == [f"W{n}" for n in range(41, 49)]
    counts = {w.label: w.count for w in digest.trend}
    assert counts["W48"] == 3  # two detected on Sunday 29, one on Saturday 28 November
    assert counts["W46"] == 1  # the old open one, 20 days ago
    assert counts["W44"] == 1  # the dismissed one still counts in the week it was found
    assert sum(counts.values()) == 5
    assert max(w.percent for w in digest.trend) == 100


def test_photo_findings_show_a_face_count_only(store, now):
    ids = seed_week(store, now)
    digest = digest_of(store, now)
    photo = next(f for g in digest.new_groups for f in g.findings if f.id == ids["photo"])
    assert photo.faces == 3
    html = FORMATS["html"].render(digest)
    assert "3 herkenbare gezichten" in html
    assert "<img" not in html


def test_html_digest_has_every_section_and_links_to_the_posts(store, now):
    seed_week(store, now)
    html = FORMATS["html"].render(digest_of(store, now))
    for section in ("summary", "new", "waiting", "reviewed", "accounts", "trend"):
        assert f'data-section="{section}"' in html
    assert '<html lang="nl">' in html
    assert "Artikel 1a" in html and "Artikel 1f" in html
    assert '<a href="https://www.facebook.com/obsderegenboog/posts/1001"' in html
    assert "20 dagen oud" in html
    assert "afgewezen" in html
    assert "<style" not in html  # mail clients drop style blocks: inline CSS only
    assert not re.search(r"<img|src=\"http", html)  # no external images, bars are tables


def test_digest_never_repeats_the_raw_personal_data_of_the_post(store, now):
    seed_week(store, now)
    digest = digest_of(store, now)
    rendered = render_digest(digest)
    for body in (rendered.html, rendered.text, rendered.subject):
        assert RAW_PHONE not in body
        assert RAW_NAME not in body
        assert POST_TEXT not in body
    assert "06-****-**78" in rendered.html and "06-****-**78" in rendered.text


@pytest.mark.parametrize(
    ("language", "expected", "absent"),
    [
        (
            "nl",
            ["Weekoverzicht social media", "Nieuwe bevindingen", "Artikel 1c", "november"],
            ["New findings"],
        ),
        (
            "en",
            ["Weekly social media digest", "New findings", "Article 1c", "November"],
            ["Nieuwe bevindingen"],
        ),
    ],
)
def test_digest_speaks_the_configured_language(store, now, language, expected, absent):
    seed_week(store, now)
    rendered = render_digest(digest_of(store, now, language))
    for body in (rendered.html, rendered.text):
        for text in expected:
            assert text in body
        for text in absent:
            assert text not in body
    assert f'<html lang="{language}">' in rendered.html


@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("nl", "Alles in orde: geen nieuwe bevindingen en niets wacht op beoordeling."),
        ("en", "All clear: no new findings and nothing waiting for review."),
    ],
)
def test_an_empty_week_is_one_all_clear_line(store, now, language, line):
    digest = digest_of(store, now, language)
    assert digest.all_clear
    rendered = render_digest(digest)
    assert line in rendered.html and line in rendered.text
    assert 'data-section="all-clear"' in rendered.html
    assert 'data-section="new"' not in rendered.html  # one line, no empty sections
    assert 'data-section="trend"' in rendered.html
    assert digest_subject(digest).endswith("alles in orde" if language == "nl" else "all clear")


def test_excerpts_are_escaped_in_html(store, now):
    with store.session() as s:
        post = add_post(s, add_account(s), created_at=now - timedelta(days=1))
        add_finding(
            s,
            post,
            detected_at=now - timedelta(hours=12),
            excerpt='<script>alert("x")</script> & <b>',
            reason="<i>waarom</i>",
        )
    html = FORMATS["html"].render(digest_of(store, now))
    assert "<script>" not in html and "<b>" not in html and "<i>waarom" not in html
    assert "&lt;script&gt;" in html and "&amp; &lt;b&gt;" in html


def test_text_twin_holds_the_same_findings_as_the_html(store, now):
    ids = seed_week(store, now)
    rendered = render_digest(digest_of(store, now))
    for finding_id in ids.values():
        if finding_id == ids["run"]:
            continue
        assert f"#{finding_id} " in rendered.text
        assert re.search(rf"#{finding_id}\b", rendered.html)
    assert "https://www.facebook.com/obsderegenboog/posts/1001" in rendered.text
    assert "<td" not in rendered.text and "<p " not in rendered.text  # plain text, no markup


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_every_format_renders_a_digest_and_an_alert(store, now, name):
    ids = seed_week(store, now)
    fmt = FORMATS[name]
    assert fmt.render(digest_of(store, now)).strip()
    with store.session() as session:
        alert = build_alert(session, ids["run"], now, "nl", "OBS De Regenboog")
    assert alert is not None
    assert MASKED_EXCERPT in fmt.render_alert(alert)


def test_alert_lists_only_the_runs_new_high_findings(store, now):
    ids = seed_week(store, now)
    with store.session() as session:
        alert = build_alert(session, ids["run"], now, "en")
    assert alert is not None and alert.total == 2
    assert {f.id for g in alert.groups for f in g.findings} == {ids["phone"], ids["photo"]}
    rendered = render_alert(alert)
    assert rendered.subject == "Attention: 2 new high-severity finding(s)"
    assert RAW_PHONE not in rendered.html + rendered.text


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("https://x.com/obsderegenboog/status/1", "https://x.com/obsderegenboog/status/1"),
        ("javascript:alert(1)", None),
        ("file:///etc/passwd", None),
        (None, None),
    ],
)
def test_only_web_links_reach_a_mail(url, shown):
    assert safe_url(url) == shown


@pytest.mark.parametrize(
    ("source", "shown"),
    [
        ("facebook, twitter", "facebook, twitter"),
        ("/home/j.devries/Downloads/twitter-2026.zip", "twitter-2026.zip"),
        ("C:\\Users\\jdevries\\facebook.zip", "facebook.zip"),
    ],
)
def test_run_sources_hide_the_folders_of_an_archive(source, shown):
    assert source_name(source) == shown


def test_text_trend_has_one_line_per_week(store, now):
    seed_week(store, now)
    text = render_digest(digest_of(store, now)).text
    lines = [line for line in text.splitlines() if re.match(r"W\d\d ", line)]
    assert [line.split()[0] for line in lines] == [f"W{n}" for n in range(41, 49)]
    assert lines[-1] == "W48    3 " + "#" * 30
    assert lines[0] == "W41    0"
