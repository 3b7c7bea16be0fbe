"""Research side of the grounding guard: training data builders and the verifier's training
recipe. Nothing here is imported by the runtime (core/grounding loads only the shipped head)."""
