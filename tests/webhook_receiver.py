"""A helpdesk's inbound webhook for tests: a real HTTP server (http.server in a thread) on a free
loopback port that records each POST and answers 200; `down()` closes the port (connections are
refused), `up()` opens the same port again."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from tests.conftest import free_port


class WebhookReceiver:
    """A helpdesk's inbound URL: records each POST (headers and JSON body) and answers 200;
    `down()` closes the port (connections refused), `up()` opens it again."""

    def __init__(self) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/inbound"
        self.received: list[tuple[dict[str, str], bytes]] = []
        self.status = 200  # what it answers; e.g. 500 (retried) or 400 (given up)
        self.server: ThreadingHTTPServer | None = None
        self.thread: threading.Thread | None = None

    def up(self) -> None:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                receiver.received.append(({k.lower(): v for k, v in self.headers.items()}, body))
                self.send_response(receiver.status)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(b'{"ok": true}')

            def log_message(self, *_args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, name="webhook-receiver", daemon=True)
        self.thread.start()

    def down(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.server = None

    def bodies(self, item_id: int) -> list[dict[str, Any]]:
        found = [json.loads(body) for _, body in self.received]
        return [b for b in found if b.get("id") == item_id]
