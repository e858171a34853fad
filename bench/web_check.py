"""Bench of the review site's draft check: warm answers over HTTP (waitress on 127.0.0.1).

Logs in, then posts every held-out draft of bench/drafts/drafts.jsonl to `/` three times and
prints the median and p95 answer time of the text check (target: p95 < 100 ms when warm).

    python bench/web_check.py
"""

from __future__ import annotations

import json
import re
import statistics
import tempfile
import threading
import time
from pathlib import Path

import requests

HERE = Path(__file__).parent
CORPUS = HERE / "drafts" / "drafts.jsonl"
CONFIG = HERE / "drafts" / "auditor.toml"
PASSWORD = "bench-password"


def main() -> None:
    from waitress.server import create_server

    from auditor import config as config_module
    from auditor.store import open_store
    from auditor.web import create_app

    drafts = [json.loads(line)["text"] for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    with tempfile.TemporaryDirectory() as folder:
        config = config_module.load(str(CONFIG))
        store = open_store(f"sqlite:///{folder}/bench.db")
        app = create_app(config, store, PASSWORD)
        server = create_server(app, host="127.0.0.1", port=0, threads=4)
        port = server.socket.getsockname()[1]  # type: ignore[union-attr]
        threading.Thread(target=server.run, daemon=True).start()
        base = f"http://127.0.0.1:{port}"
        http = requests.Session()
        token = re.search(r'name="csrf_token" value="([^"]+)"', http.get(f"{base}/login").text)
        assert token
        http.post(f"{base}/login", data={"csrf_token": token.group(1), "password": PASSWORD})
        page = http.get(f"{base}/").text
        token = re.search(r'name="csrf_token" value="([^"]+)"', page)
        assert token
        form = {"csrf_token": token.group(1), "platform": "facebook"}
        http.post(f"{base}/", data={**form, "text": drafts[0]})  # warm up
        timings = []
        for _ in range(3):
            for text in drafts:
                start = time.perf_counter()
                response = http.post(f"{base}/", data={**form, "text": text})
                timings.append(time.perf_counter() - start)
                assert response.status_code == 200, response.status_code
        server.close()
    ordered = sorted(timings)
    p95 = ordered[int(0.95 * (len(ordered) - 1))]
    print(
        f"draft check over HTTP, warm: {len(timings)} requests, median "
        f"{statistics.median(timings) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms "
        f"(target p95 < 100 ms: {'ok' if p95 < 0.1 else 'MISSED'})"
    )


if __name__ == "__main__":
    main()
