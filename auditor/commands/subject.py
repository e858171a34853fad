"""`auditor subject NAME`: what did we publish about this person?"""

from __future__ import annotations

import argparse
import json
import sys

NAME = "subject"
HELP = (
    "List every stored post whose text names a person (whole word, any case, also inside "
    "hashtags and handles), for a parent's request or withdrawn consent: platform, id, date, "
    "link and a masked excerpt, so the posts can be removed on the platform."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", metavar="NAME", help='the name to look for, e.g. "Lieke"')
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.epilog = (
        "examples:\n"
        "  auditor subject Lieke                # also finds #welkomjufLieke and @lieke_j\n"
        '  auditor subject "Daan de Vries" --format json\n\n'
        "JSON (stable): an array of {platform, external_id, created_at (ISO-8601 UTC), url,\n"
        "excerpt (masked)}, plus text_kept, findings (ids) and, for posts whose text retention\n"
        "removed, a note: those are found by their findings only."
    )


def run(args: argparse.Namespace, app) -> int:
    from auditor.errors import AuditorError
    from auditor.store.subjects import find_subject
    from auditor.subject import name_words

    if not name_words(args.name):
        raise AuditorError(f"subject: {args.name!r} holds no name to look for")
    from auditor.nlp.lexicon import lexicon

    common = lexicon().common_words
    key = app.store.fingerprint_key()
    with app.store.session() as session:
        hits = find_subject(session, args.name, key, is_word=common.__contains__)
    out = sys.stdout
    if args.format == "json":
        json.dump([hit.as_json() for hit in hits], out, ensure_ascii=False, indent=2)
        out.write("\n")
        return 0
    if not hits:
        out.write("No stored post names this person.\n")
        return 0
    for hit in hits:
        marker = "" if hit.text_kept else "  [text no longer kept: found by its findings]"
        out.write(f"{(hit.created_at or '')[:10]}  {hit.platform:<8} {hit.external_id}{marker}\n")
        if hit.url:
            out.write(f"            {hit.url}\n")
        out.write(f"            {hit.excerpt}\n")
    purged = sum(not hit.text_kept for hit in hits)
    out.write(f"{len(hits)} post(s)")
    if purged:
        out.write(
            f"; {purged} of them no longer have their text stored ([retention]): they are "
            "listed by their findings, open the link to check the post itself"
        )
    out.write("\n")
    return 0
