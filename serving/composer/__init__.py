"""The answer composer (grounded by construction) and the texts it answers with."""

from serving.composer.compose import Composer, ComposerConfig, Composition, QuestionCues
from serving.composer.status import stale_reason

__all__ = ["Composer", "ComposerConfig", "Composition", "QuestionCues", "stale_reason"]
