"""`auditor serve`: the review site for the account manager (check drafts, review findings)."""

from __future__ import annotations

import argparse
import os

from auditor.errors import ConfigError

NAME = "serve"
HELP = "Serve the review site: check a draft and review findings from a phone or laptop."
THREADS = 4


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)"
    )
    parser.add_argument("--port", type=int, default=8080, help="port (default 8080)")
    parser.epilog = (
        "The password is read from $AUDITOR_WEB_PASSWORD (or the variable named by [web]\n"
        "password_env). Without one the site only runs on 127.0.0.1. Put it behind HTTPS\n"
        "(a reverse proxy) and set [web] base_url so the digest links to each finding.\n"
        "examples:\n"
        "  auditor serve\n"
        "  AUDITOR_WEB_PASSWORD=... auditor serve --host 0.0.0.0 --port 8080"
    )


def run(args: argparse.Namespace, app) -> int:
    from auditor.web import create_app
    from auditor.web.security import is_loopback

    config = app.config
    password = os.environ.get(config.web.password_env, "")
    if not password and not is_loopback(args.host):
        raise ConfigError(
            f"${config.web.password_env} is not set: refusing to serve on {args.host} without "
            "a password (set it, or serve on 127.0.0.1)"
        )
    if not 0 < args.port < 65536:
        raise ConfigError(f"--port {args.port}: use a port between 1 and 65535")
    store = app.store
    site = create_app(config, store, password)
    import waitress

    where = f"http://{args.host}:{args.port}/"
    print(f"auditor: review site on {where} (Ctrl-C stops)", flush=True)
    if not password:
        print("auditor: no password set: anyone on this machine can log in", flush=True)
    waitress.serve(site, host=args.host, port=args.port, threads=THREADS, ident="auditor")
    return 0
