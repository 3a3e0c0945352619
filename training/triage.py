"""Train the triage hint's respond-or-ignore model (desk/advice/triage.py) and write triage.npz.

    .venv/bin/python -m training.triage [--report]

Reviews come from the labelled corpus in tests/data/advice, from the splits already read
(TUNED), never from one kept blind: the held-out part of triage.LANG.txt and every later
round stay out. One logistic regression over the review's words, word pairs and word pieces
and the signals the rules found (desk/advice/triage.py `features`), rows of unit length;
"ignore" from a probability of one half, classes weighted to their share.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_predict

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from desk.advice.triage import MODEL, _worth_answering, features, readable, rule_signals  # noqa: E402
from tests.advice_corpus import LANGUAGES, reviews  # noqa: E402
from training.linear import matrix, save  # noqa: E402

TUNED = ("tuning", "round_2", "round_3", "round_4", "round_5", "round_6")
C = 16.0
THRESHOLD = 0.5


def labelled() -> list[tuple[list[str], bool, bool]]:
    """(the review's features, whether it is to be ignored, whether the model may not overrule)."""
    out = []
    for language in LANGUAGES:
        for split in TUNED:
            for review in reviews(language, split):
                text, after = readable(review.text), review.after_team_reply
                found = rule_signals(text, after_team_reply=after)
                out.append((features(text, found, after), review.label == "ignore",
                            _worth_answering(found, text, None, after)))
    return out


def train(report: bool = False) -> None:
    data = labelled()
    x, names = matrix([f for f, _, _ in data])
    y = np.array([ignore for _, ignore, _ in data], dtype=int)
    fit = LogisticRegression(C=C, solver="liblinear", class_weight="balanced", max_iter=1000)
    if report:
        p = cross_val_predict(fit, x, y, cv=5, method="predict_proba")[:, 1]
        kept = np.array([worth for _, _, worth in data])
        for what, ignored in (("the model alone", p >= THRESHOLD), ("the hint", (p >= THRESHOLD) & ~kept)):
            print(f"{what}: five-fold agreement {(ignored == y).mean():.3f} over {len(y)} reviews, "
                  f"{int((ignored & (y == 0)).sum())} wrongly ignored")
    fit.fit(x, y)
    kept = save(MODEL, names, fit.coef_[0][:, None].astype(np.float32), fit.intercept_.astype(np.float32),
                np.array([THRESHOLD], dtype=np.float32))
    print(f"{len(data)} reviews, {kept} features: {MODEL.relative_to(ROOT)}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--report", action="store_true", help="cross-validated agreement")
    train(parser.parse_args().report)
