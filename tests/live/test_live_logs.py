"""No token in the logs at any level, also when the API rejects it and quotes it back."""

from __future__ import annotations

import pytest
import responses
from live_helpers import (
    FB_TOKEN,
    USER_ID,
    X_BASE,
    X_TOKEN,
    fb_account,
    graph_post,
    serve_rejected_page_token,
    x_account,
    x_page,
    x_post,
)

from auditor import cli


def test_a_live_audit_at_debug_logs_no_token(
    make_app, no_http: responses.RequestsMock, capsys: pytest.CaptureFixture[str], sleeps
) -> None:
    app = make_app(fb_account(), x_account())
    no_http.add("GET", f"{X_BASE}/users/{USER_ID}/tweets", json=x_page([x_post("1790", "Hoi")]))
    serve_rejected_page_token(no_http, [graph_post("1", "2026-03-10T08:00:00+0000", "Welkom")])
    code = cli.main(["--log-level", "debug", "audit", "--config", app.args.config, "--no-images"])
    out, err = capsys.readouterr()
    assert code == 2
    assert "DEBUG" in err  # the log ran at DEBUG
    assert FB_TOKEN not in out + err and X_TOKEN not in out + err
