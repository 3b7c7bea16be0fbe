"""The gateway: API keys, token budgets, rate limits and the admission queue in front of
generation (Redis-backed, with an in-process fallback). FastAPI pieces are in `deps.py`; the
admin CLI is `cli.py` (`ragdesk keys ...`)."""
