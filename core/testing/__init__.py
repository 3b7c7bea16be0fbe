"""Helpers that tests and benchmarks share: a fake OpenAI-compatible answer model and an ASGI app
served by uvicorn in a thread. Nothing in the product imports this package."""
