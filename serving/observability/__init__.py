"""Observability of the API: Prometheus metrics (`metrics`), the request id and per-request record
(`context`), the ASGI middleware that ties them to each HTTP request (`middleware`), the request
log table (`request_log`), JSON log lines (`logs`) and MLflow traces (`tracing`). The app wires
them in once (`serving.api.observability.install_observability`)."""
