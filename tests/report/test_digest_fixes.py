"""The digest as the account manager reads it (issue 15): counts that agree with the lists,
human rule titles, no file-name artefacts, unchecked media said so, a way to every finding,
at most 100 KB of HTML."""

from __future__ import annotations

import re
from datetime import timedelta

from mailseed import RAW_NAME, RAW_PHONE, add_account, add_finding, add_post, seed_week

from auditor.models import MediaKind
from auditor.report.digest import build_digest
from auditor.report.period import period_ending
from auditor.report.render import FORMATS, MAX_HTML_BYTES, render_digest
from auditor.store.models import MediaRow


def digest_of(store, now, language="nl", base_url=""):
    period = period_ending("week", now, "Europe/Amsterdam")
    with store.session() as session:
        return build_digest(session, period, now, language, "OBS De Regenboog", base_url)


def section_count(html: str, section: str) -> int:
    block = html.split(f'data-section="{section}"')[1].split("data-section=")[0]
    return len(re.findall(r"#\d+</span>", block))


def test_summary_counts_are_the_counts_of_the_lists(store, now):
    seed_week(store, now)
    digest = digest_of(store, now)
    html = render_digest(digest).html
    summary = html.split('data-section="summary"')[1].split("</p>")[0]
    assert f"{digest.new_total} nieuw" in summary
    assert f"{digest.waiting_total} van eerder" in summary
    assert f"Nieuwe bevindingen ({digest.new_total})" in html
    assert f"wachten nog op beoordeling ({digest.waiting_total})" in html
    assert section_count(html, "new") == digest.new_total
    assert section_count(html, "waiting") == digest.waiting_total


def test_rules_are_named_by_human_titles_not_ids(store, now):
    seed_week(store, now)
    rendered = render_digest(digest_of(store, now))
    for body in (rendered.html, rendered.text):
        assert "Privé telefoonnummer" in body
        assert "personal-data.phone" not in body


def test_english_titles_with_mail_language_en(store, now):
    seed_week(store, now)
    html = render_digest(digest_of(store, now, language="en")).html
    assert "Private phone number" in html


def _photo_finding(store, now, rule, media_status, excerpt):
    with store.session() as s:
        post = add_post(s, add_account(s), created_at=now - timedelta(days=2), text="Sportdag!")
        media = MediaRow(
            post_id=post.id,
            position=0,
            kind=MediaKind.PHOTO.value,
            name="103_n.jpg",
            status=media_status,
        )
        s.add(media)
        s.flush()
        finding = add_finding(
            s,
            post,
            detected_at=now - timedelta(days=1),
            article="1c",
            rule=rule,
            excerpt=excerpt,
            reason="foto 1 kon niet op gezichten gecontroleerd worden",
        )
        finding.media_id = media.id
        finding.category = "image"


def test_no_photo_file_name_artefacts(store, now):
    _photo_finding(
        store, now, "image.recognisable-faces", "analysed", "[photo 1: 103_n.jpg] Sportdag!"
    )
    rendered = render_digest(digest_of(store, now))
    for body in (rendered.html, rendered.text):
        assert "[photo 1" not in body and "103_n.jpg" not in body
        assert "Sportdag!" in body


def test_media_not_analysed_say_niet_gecontroleerd(store, now):
    _photo_finding(store, now, "image.unanalysed", "pending", "[photo 1: 103_n.jpg]")
    rendered = render_digest(digest_of(store, now))
    for body in (rendered.html, rendered.text):
        assert "niet gecontroleerd" in body
        assert "0 herkenbare gezichten" not in body


def test_findings_without_a_link_show_date_and_masked_first_words(store, now):
    with store.session() as s:
        post = add_post(s, add_account(s), created_at=now - timedelta(days=2), url=None)
        finding = add_finding(s, post, detected_at=now - timedelta(days=1))
        finding.span_start = post.text.index(RAW_PHONE)
        finding.span_end = finding.span_start + len(RAW_PHONE)
        name = add_finding(s, post, detected_at=now - timedelta(days=1), rule="personal-data.name")
        name.span_start = post.text.index(RAW_NAME)
        name.span_end = name.span_start + len(RAW_NAME)
    digest = digest_of(store, now)
    [item, _] = [f for g in digest.new_groups for f in g.findings]
    assert item.first_words and "juf S*** V***" in item.first_words  # masked, as excerpts are
    rendered = render_digest(digest)
    for body in (rendered.html, rendered.text):
        assert item.first_words in body  # with the date: how to find the post
        assert RAW_NAME not in body and RAW_PHONE not in body
        assert "geen link" not in body


def test_base_url_links_every_finding_to_its_review_page(store, now):
    ids = seed_week(store, now)
    digest = digest_of(store, now, base_url="https://auditor.example.nl/")
    rendered = render_digest(digest)
    assert f"https://auditor.example.nl/findings/{ids['phone']}" in rendered.html
    assert f"https://auditor.example.nl/findings/{ids['phone']}" in rendered.text
    for group in digest.new_groups:
        assert all(f.link for f in group.findings)


def _many(store, now, n):
    with store.session() as s:
        account = add_account(s)
        for i in range(n):
            post = add_post(
                s, account, created_at=now - timedelta(days=3), text=f"Bericht {i} " * 20
            )
            add_finding(s, post, detected_at=now - timedelta(days=1, minutes=i))


def test_html_stays_under_100_kb_with_the_rest_counted_and_linked(store, now):
    _many(store, now, 400)
    digest = digest_of(store, now, base_url="https://auditor.example.nl")
    html = render_digest(digest).html
    assert len(html.encode("utf-8")) <= MAX_HTML_BYTES
    match = re.search(r"en nog (\d+): bekijk ze op de beoordelingssite", html)
    assert match
    listed = section_count(html, "new")
    assert listed + int(match.group(1)) == 400
    assert 'href="https://auditor.example.nl/findings"' in html


def test_a_small_digest_is_not_trimmed(store, now):
    seed_week(store, now)
    digest = digest_of(store, now)
    assert render_digest(digest).html == FORMATS["html"].render(digest)


def test_preview_so_far_covers_this_week_from_monday_midnight():
    from datetime import UTC, datetime

    from auditor.report.period import period_so_far

    wednesday = datetime(2026, 12, 2, 10, 0, tzinfo=UTC)
    period = period_so_far("week", wednesday)
    assert period.label == "2026-W49"
    assert period.start == datetime(2026, 11, 29, 23, 0, tzinfo=UTC)  # Monday 00:00 local
    assert period.end == wednesday
