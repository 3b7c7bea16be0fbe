"""One command retrains the shipped verifier: the model and its thresholds (train.py), then the
contradiction gate chosen on out-of-fold development claims (gate.py), both written beside the model.

    SHARED_DATA_DIR=../shared/data python -m evaluation.grounding_training.retrain [train.py's options]
"""

from __future__ import annotations

import sys

from evaluation.grounding_training import gate, train


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    code = train.main(args)
    if code != 0 or "--protocol-only" in args:
        return code
    out = args[args.index("--out") + 1] if "--out" in args else str(train.MODEL_DIR)
    return gate.main(["--meta", f"{out}/verifier.json"]) or 0


if __name__ == "__main__":
    raise SystemExit(main())
