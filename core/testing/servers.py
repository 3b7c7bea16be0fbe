"""An ASGI app served by uvicorn in a thread of the calling process, on a free local port."""

from __future__ import annotations

import threading
import time
from typing import Any

from core.redis_server import free_port

__all__ = ["ThreadedUvicorn", "free_port"]

START_TIMEOUT_S = 120


class ThreadedUvicorn:
    """An ASGI app served by uvicorn in a thread of the test process."""

    def __init__(self, app: Any) -> None:
        import uvicorn

        self.app = app  # the app as given (uvicorn's config.app is typed as any ASGI app or import string)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="on")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, name="uvicorn-test", daemon=True)

    def __enter__(self) -> ThreadedUvicorn:
        self.thread.start()
        deadline = time.monotonic() + START_TIMEOUT_S
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the API did not start")
            time.sleep(0.1)
        return self

    def __exit__(self, *_exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)
