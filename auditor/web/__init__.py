"""The review site (`auditor serve`): check a draft, review findings, from a phone.

Server-rendered Jinja2 on Flask, no front-end build. Everything behind a login (the password in
`$AUDITOR_WEB_PASSWORD`); sessions in signed HttpOnly SameSite=Strict cookies; every form
carries a CSRF token and a post without it is refused; wrong passwords are slowed down. Drafts
and photos are checked in memory and a temporary folder that is removed at once: never stored,
never logged. Reviews go through the same store function as `auditor review`.
"""

from __future__ import annotations

import base64
import tempfile
import time
from collections import OrderedDict
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from flask import Flask, abort, flash, redirect, render_template, request, session, url_for
from sqlalchemy import select
from werkzeug.wrappers import Response

from auditor import protocol
from auditor.models import Platform, Status
from auditor.web import security
from auditor.web.texts import texts
from auditor.web.views import history, marked_draft, post_context

OPEN_PAGES = {"login", "static"}
MAX_UPLOAD_BYTES = 25 * 1024 * 1024
MAX_LISTED = 200
PHOTO_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".bmp"}
DRAFT_PLATFORMS = {"facebook", "twitter", "whatsapp"}
DECISIONS = {"dismiss": Status.DISMISSED, "resolve": Status.RESOLVED, "reopen": Status.OPEN}


def create_app(config: Any, store: Any, password: str, checker: Any = None) -> Flask:
    """The site for one config and store. `password` may be empty only on loopback (the
    caller, `auditor serve`, refuses other addresses without one)."""
    app = Flask(__name__, template_folder="templates", static_folder="static")
    app.config.update(
        SECRET_KEY=security.session_secret(store.fingerprint_key()),
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Strict",
        SESSION_COOKIE_SECURE=config.web.base_url.startswith("https://"),
        SESSION_COOKIE_NAME="auditor_session",
        PERMANENT_SESSION_LIFETIME=timedelta(hours=12),
        MAX_CONTENT_LENGTH=MAX_UPLOAD_BYTES,
    )
    app.jinja_env.autoescape = True
    language = config.mail.language
    t = texts(language)
    throttle = security.Throttle()
    if checker is None:
        from auditor.draft import DraftChecker

        checker = DraftChecker(config)
    app.extensions["auditor"] = {"config": config, "store": store, "checker": checker}

    @app.context_processor
    def common() -> dict[str, Any]:
        return {
            "t": t,
            "csrf_token": session.get("csrf", ""),
            "csrf_field": security.CSRF_FIELD,
            "reviewer": session.get("reviewer", ""),
            "logged_in": bool(session.get("in")),
            "rule_title": lambda rule: protocol.rule_title(rule, language),
            "article_title": lambda article: protocol.title(article, language),
            "local": _local_time,
        }

    @app.before_request
    def guard() -> Response | None:
        if "csrf" not in session:
            session["csrf"] = security.new_token()
        if request.method == "POST" and not security.token_matches(
            request.form.get(security.CSRF_FIELD), session.get("csrf")
        ):
            return Response(t["refused"], status=403, mimetype="text/plain")
        if request.endpoint not in OPEN_PAGES and not session.get("in"):
            return redirect(url_for("login"))
        return None

    @app.after_request
    def headers(response: Response) -> Response:
        response.headers["Content-Security-Policy"] = security.CONTENT_SECURITY_POLICY
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Cache-Control"] = "no-store"
        return response

    @app.route("/login", methods=["GET", "POST"])
    def login() -> Any:
        error = ""
        if request.method == "POST":
            client = request.remote_addr or "?"
            wait = throttle.wait_seconds(client)
            if wait:
                error = t["too_many"].format(seconds=wait)
                return render_template("login.html.j2", error=error), 429
            given = request.form.get("password", "")
            if not password or security.password_matches(given, password):
                throttle.succeeded(client)
                session.clear()
                session.permanent = True
                session["in"] = True
                session["csrf"] = security.new_token()  # a fresh token after login
                session["reviewer"] = request.form.get("name", "").strip()[:80]
                return redirect(url_for("check"))
            throttle.failed(client)
            time.sleep(security.FAILURE_DELAY_SECONDS)
            error = t["wrong_password"]
            return render_template("login.html.j2", error=error), 401
        return render_template("login.html.j2", error=error)

    @app.post("/logout")
    def logout() -> Any:
        session.clear()
        return redirect(url_for("login"))

    @app.route("/", methods=["GET", "POST"])
    def check() -> Any:
        if request.method == "GET":
            return render_template("check.html.j2", result=None, platform="facebook")
        text = request.form.get("text", "")
        platform = request.form.get("platform", "facebook")
        if platform not in DRAFT_PLATFORMS:
            platform = "facebook"
        upload = request.files.get("photo")
        if not text.strip() and not (upload and upload.filename):
            flash(t["empty_draft"])
            return render_template("check.html.j2", result=None, platform=platform)
        photo: dict[str, Any] | None = None
        with tempfile.TemporaryDirectory(prefix="auditor-draft-") as folder:
            images: list[Path] = []
            if upload and upload.filename:
                suffix = Path(upload.filename).suffix.lower()
                if suffix not in PHOTO_SUFFIXES:
                    flash(t["bad_photo"])
                    return render_template("check.html.j2", result=None, platform=platform)
                path = Path(folder) / f"foto{suffix}"
                upload.save(path)
                images.append(path)
            blurred_dir = Path(folder) / "blurred" if images else None
            try:
                result = checker.check(text, Platform(platform), images, blurred_dir)
            except Exception:  # an unreadable photo must not show a traceback
                flash(t["bad_photo"])
                return render_template("check.html.j2", result=None, platform=platform)
            if images:
                photo = _photo_view(result, t)
        return render_template(
            "check.html.j2",
            result=result,
            platform=platform,
            segments=marked_draft(text, result.findings),
            photo=photo,
        )

    @app.get("/findings")
    def findings() -> Any:
        from auditor.store.models import FindingRow
        from auditor.store.queries import FindingFilter, count_findings, list_findings

        args = request.args
        status = args.get("status", "open")
        flt = FindingFilter(
            status=(status,) if status in {s.value for s in Status} else (),
            rule=(args["rule"],) if args.get("rule") else (),
            article=(args["article"],) if args.get("article") else (),
            platform=(args["platform"],) if args.get("platform") else (),
            since=_date(args.get("since")),
            until=_date(args.get("until"), end=True),
            limit=MAX_LISTED,
        )
        with store.session() as db:
            rows = list_findings(db, flt)
            total = count_findings(db, FindingFilter(**{**flt.__dict__, "limit": None}))
            post_ids = {r.post_id for r in rows}
            siblings: dict[int, list[Any]] = {}
            if post_ids:
                for other in db.scalars(select(FindingRow).where(FindingRow.post_id.in_(post_ids))):
                    siblings.setdefault(other.post_id, []).append(other)
            groups: OrderedDict[str, list[dict[str, Any]]] = OrderedDict()
            for row in sorted(rows, key=lambda r: (r.article, r.post.created_at, r.id)):
                groups.setdefault(row.article, []).append(
                    {
                        "row": row,
                        "context": post_context(row.post, siblings.get(row.post_id, []), t),
                    }
                )
            articles, rules, platforms = _choices(db)
        return render_template(
            "findings.html.j2",
            groups=groups,
            total=total,
            shown=len(rows),
            args=args,
            status=status,
            articles=articles,
            rules=rules,
            platforms=platforms,
        )

    @app.post("/findings/review")
    def review_many() -> Any:
        ids = [int(v) for v in request.form.getlist("ids") if v.isdigit()]
        action = request.form.get("action", "")
        one = request.form.get("one", "")
        if one:  # a button on one finding: "12:dismiss"
            fid, _, action = one.partition(":")
            ids = [int(fid)] if fid.isdigit() else []
        if action not in DECISIONS or not ids:
            flash(t["nothing_selected"])
        else:
            _review(ids, DECISIONS[action], request.form.get("note", ""))
            flash(t["reviewed"].format(n=len(ids)))
        target = request.form.get("next", "")
        return redirect(target if target.startswith("/findings") else url_for("findings"))

    @app.get("/findings/<int:finding_id>")
    def finding(finding_id: int) -> Any:
        from auditor.store.models import FindingRow

        with store.session() as db:
            row = db.get(FindingRow, finding_id)
            if row is None:
                abort(404)
            siblings = list(db.scalars(select(FindingRow).where(FindingRow.post_id == row.post_id)))
            context = post_context(row.post, siblings, t)
            entries = history(row, t)
            return render_template("finding.html.j2", row=row, context=context, history=entries)

    @app.post("/findings/<int:finding_id>/review")
    def review_one(finding_id: int) -> Any:
        action = request.form.get("action", "")
        if action in DECISIONS:
            _review([finding_id], DECISIONS[action], request.form.get("note", ""))
            flash(t["reviewed"].format(n=1))
        return redirect(url_for("finding", finding_id=finding_id))

    @app.errorhandler(404)
    def not_found(_exc: Exception) -> Any:
        return render_template("message.html.j2", message=t["not_found"]), 404

    @app.errorhandler(413)
    def too_large(_exc: Exception) -> Any:
        return render_template("message.html.j2", message=t["bad_photo"]), 413

    def _review(ids: list[int], status: Status, note: str) -> None:
        """The same review service as `auditor review`; the logged-in name goes into the
        review trail."""
        from auditor.store.reviews import review

        by = session.get("reviewer") or "web"
        with store.session() as db:
            for fid in ids:
                review(db, fid, status, by=by, note=note.strip() or None)

    return app


def _photo_view(result: Any, t: dict[str, str]) -> dict[str, Any]:
    faces = [f for f in result.findings if f.category.value == "image"]
    recognisable = sum(int(f.details.get("faces", 0)) for f in faces if "faces" in f.rule)
    unchecked = any(f.rule == "image.unanalysed" for f in faces)
    view: dict[str, Any] = {
        "status": t["not_checked"]
        if unchecked
        else (t["faces"].format(n=recognisable) if recognisable else t["no_faces"]),
        "recognisable": recognisable,
        "download": None,
    }
    for path in result.anonymised:
        if path.is_file():
            data = base64.b64encode(path.read_bytes()).decode("ascii")
            mime = "image/png" if path.suffix.lower() == ".png" else "image/jpeg"
            view["download"] = f"data:{mime};base64,{data}"
            view["filename"] = f"vervaagd{path.suffix.lower()}"
    return view


def _choices(db: Any) -> tuple[list[str], list[str], list[str]]:
    from auditor.store.models import FindingRow, PostRow

    articles = sorted(db.scalars(select(FindingRow.article).distinct()))
    rules = sorted(db.scalars(select(FindingRow.rule).distinct()))
    platforms = sorted(db.scalars(select(PostRow.platform).distinct()))
    return articles, rules, platforms


def _date(value: str | None, end: bool = False) -> datetime | None:
    if not value:
        return None
    try:
        day = datetime.strptime(value, "%Y-%m-%d").replace(tzinfo=UTC)
    except ValueError:
        return None
    return day + timedelta(days=1) if end else day


def _local_time(value: datetime | None) -> str:
    if value is None:
        return ""
    from zoneinfo import ZoneInfo

    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(ZoneInfo("Europe/Amsterdam")).strftime("%d-%m-%Y %H:%M")
