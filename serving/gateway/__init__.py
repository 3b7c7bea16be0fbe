"""The gateway: API keys, token budgets, rate limits and the admission queue in front of
generation, kept in Redis. FastAPI pieces are in `deps.py`; the admin CLI is `cli.py`
(`ragdesk keys ...`)."""
