import shutil
from pathlib import Path

import pytest

from core.settings import REPO_ROOT

DEMO_CORPUS = REPO_ROOT / "corpus" / "lumen-market"


@pytest.fixture(scope="session")
def embedder():
    from core.clients import make_embedder
    from core.settings import Settings

    return make_embedder(Settings())


@pytest.fixture()
def small_corpus(tmp_path: Path) -> Path:
    """A copy of a handful of demo documents (markdown, html, pdf) that a test may edit."""
    target = tmp_path / "docs"
    picks = [
        "helpcentre/returns/electronics-returns.md",
        "helpcentre/returns/return-policy-overview.md",
        "helpcentre/shipping/shipping-options-and-costs.md",
        "helpcentre/gift-cards/lost-gift-cards.md",
    ]
    picks += [str(p.relative_to(DEMO_CORPUS)) for p in sorted(DEMO_CORPUS.rglob("*.html"))[:2]]
    picks += [str(p.relative_to(DEMO_CORPUS)) for p in sorted(DEMO_CORPUS.rglob("*.pdf"))[:1]]
    for rel in picks:
        source = DEMO_CORPUS / rel
        if source.exists():
            (target / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / rel)
    assert any(target.rglob("*")), "demo corpus documents not found"
    return target
