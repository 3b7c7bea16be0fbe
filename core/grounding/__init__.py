"""The grounding guard: checks every claim of an answer against the retrieved passages.

    from core.grounding import GroundingChecker, GroundingResult, ClaimVerdict

No web framework or orchestration imports here: the API, the CLI and the pipelines all use it.
"""

from core.grounding.checker import ClaimVerdict, GroundingChecker, GroundingResult

__all__ = ["ClaimVerdict", "GroundingChecker", "GroundingResult"]
