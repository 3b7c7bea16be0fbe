"""Observability of the API: Prometheus metrics (`metrics`), the request id and per-request record
(`context`), the ASGI middleware that ties them to each HTTP request (`middleware`), the request
log table (`request_log`), JSON log lines (`logs`) and MLflow traces (`tracing`).

    install_observability(app)      # once, in create_app: middleware, /metrics, /v1/requests
"""

from serving.observability.install import install_observability

__all__ = ["install_observability"]
