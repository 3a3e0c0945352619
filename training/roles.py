"""Train the coach's sentence-role model (desk/advice/coach/roles.py) and write roles.npz.

    .venv/bin/python -m training.roles [--report] [--without round_5]

Sentences come from the labelled corpus in tests/data/advice, never from a split kept blind:
- coach.LANG.txt: every sentence with the roles of its section and its `+`/`!` tags;
- roles*.LANG.txt: sentences labelled by role (`roles || sentence`), written for it or taken
  from the whole replies of rounds already evaluated;
- the sentences of the good replies of the whole rounds already evaluated (WHOLE_TUNED): they
  play no violation's role (what elements they carry is not labelled, so they teach nothing
  about those).
One logistic regression per role over binary features, each row scaled to unit length (as
roles.py reads them). A role counts from the probability at which five-fold cross-validated
predictions reach PRECISION (ELEMENT_PRECISION for the elements a reply should carry: reading
one that is not there hides a finding); never below FLOOR. `--without round_N` leaves out every sentence
of that round's replies, so the model can be tried on them as on new wording.
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

from desk.advice.coach.roles import MODEL, ROLES, features  # noqa: E402
from desk.advice.coach.text import clean, sentences  # noqa: E402
from tests.advice_corpus import COACH_SPLITS, DATA, LANGUAGES, sections, whole_replies  # noqa: E402
from training.linear import matrix, save  # noqa: E402

WHOLE_TUNED = ("round_4", "round_5")
VIOLATIONS = frozenset(ROLES[4:])
SKIPPED = ("greet", "greet_generic", "sign", "sign_bad", "pd_given")
PRECISION = 0.85
ELEMENT_PRECISION = 0.85
FLOOR = 0.3
C = 16.0


def _sentences(text: str) -> list[str]:
    text = clean(text)
    return [" ".join(text[s:e].split()) for s, e in sentences(text)]


def labelled(without: str | None = None) -> list[tuple[str, set[str], frozenset[str]]]:
    """(sentence, its roles, the roles it says anything about)."""
    out: list[tuple[str, set[str], frozenset[str]]] = []
    everything = frozenset(ROLES)
    left_out = "\n".join(" ".join(clean(reply.text).split()) for language in LANGUAGES
                          for reply in (whole_replies(language, without) if without else ()))
    for language in LANGUAGES:
        for split in COACH_SPLITS:
            for section, items in sections(language, split).items():
                if section in SKIPPED:
                    continue
                for s in items:
                    out.append((s.text, set(s.provides | s.breaks) & everything, everything))
        for path in sorted(DATA.glob(f"roles*.{language}.txt")):
            for raw in path.read_text(encoding="utf-8").splitlines():
                if raw.strip() and not raw.startswith("#") and " || " in raw:
                    tags, _, text = raw.partition(" || ")
                    roles = {t.strip() for t in tags.split(",")} & everything
                    out.append((" ".join(text.split()), roles, everything))
        for split in WHOLE_TUNED:
            for reply in whole_replies(language, split):
                if not reply.expected:
                    out += [(s, set(), VIOLATIONS) for s in _sentences(reply.text)]
    return [item for item in out if not (left_out and item[0] in left_out)]


def threshold(y: np.ndarray, p: np.ndarray, precision: float) -> float:
    """The lowest probability from which cross-validated predictions reach `precision`."""
    for limit in np.arange(FLOOR, 0.99, 0.01):
        chosen = p >= limit
        if chosen.any() and y[chosen].mean() >= precision:
            return float(round(limit, 2))
    return 0.99


def train(report: bool = False, without: str | None = None) -> None:
    data = labelled(without)
    x, names = matrix([features(t) for t, _, _ in data])
    weights = np.zeros((len(names), len(ROLES)), dtype=np.float32)
    bias = np.zeros(len(ROLES), dtype=np.float32)
    limits = np.zeros(len(ROLES), dtype=np.float32)
    for j, role in enumerate(ROLES):
        rows = np.array([i for i, (_, _, known) in enumerate(data) if role in known])
        y = np.array([role in data[i][1] for i in rows], dtype=int)
        fit = LogisticRegression(C=C, solver="liblinear", class_weight="balanced", max_iter=1000)
        p = cross_val_predict(fit, x[rows], y, cv=5, method="predict_proba")[:, 1]
        fit.fit(x[rows], y)
        precision = PRECISION if role in VIOLATIONS else ELEMENT_PRECISION
        weights[:, j], bias[j], limits[j] = fit.coef_[0], fit.intercept_[0], threshold(y, p, precision)
        if report:
            chosen = p >= limits[j]
            print(f"{role:14} {y.sum():5} of {len(y):5}  from {limits[j]:.2f}: "
                  f"recall {(chosen & (y == 1)).sum() / max(y.sum(), 1):.2f}, "
                  f"false {(chosen & (y == 0)).sum()}")
    kept = save(MODEL, names, weights, bias, limits)
    print(f"{len(data)} sentences, {kept} features: {MODEL.relative_to(ROOT)}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--report", action="store_true", help="cross-validated figures per role")
    parser.add_argument("--without", help="a whole round to leave out, e.g. round_5")
    args = parser.parse_args()
    train(args.report, args.without)
