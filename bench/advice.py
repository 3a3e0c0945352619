"""The coach, the triage hint and the snooze parser: how well and how fast.

    .venv/bin/python bench/advice.py            # figures as markdown, for docs/advice-quality.md
    .venv/bin/python bench/advice.py --repeat 50
    .venv/bin/python bench/advice.py --failures round_4   # a split's failures, to read

Quality is measured on the labelled corpus in tests/data/advice (tuning and held-out
splits of assembled replies, and the rounds written whole: round 4, and round 5 once its files
are there, per language); speed per call on typical replies and reviews from that corpus and
on 10,000 characters of hostile text (long runs without punctuation, stacked brackets,
digits, negations and repeated phrases: what makes a regular expression backtrack).
Benchmarks print figures; they assert nothing about time.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import percentile  # noqa: E402
from desk.advice.coach import check_reply  # noqa: E402
from desk.advice.triage import triage  # noqa: E402
from tests.advice_corpus import (  # noqa: E402
    CHECKED, COACH_SPLITS, LANGUAGES, SPLITS, WHOLE_SPLITS, coach_figures, replies, reviews, snooze_accuracy, triage_agreement,
)

HOSTILE_CHARS = 10_000


def hostile_texts() -> dict[str, str]:
    """Inputs built to make patterns work hard, each cut to 10,000 characters."""
    pieces = {
        "one long sentence": "we did not really think that the food was so very bad but ",
        "brackets and digits": "[ons verhaal: 06-1234 5678 [naam] {x} <y> 19.30 uur #12345 ",
        "negations": "not not never niet geen nooit no hardly sorry if als maar but ",
        "a word repeated": "sorry ",
        "no spaces": "x" * 97 + ". ",
        "pasted twice": "Cheap followers and likes, order now at growfast.shop ",
    }
    return {name: (text * (HOSTILE_CHARS // len(text) + 1))[:HOSTILE_CHARS] for name, text in pieces.items()}


def timed(fn, texts: list[str], repeat: int) -> list[float]:
    """Milliseconds per text: the best of `repeat` calls, as timeit does, since on a shared
    machine the slower calls measure the neighbours rather than the code."""
    out = []
    for text in texts:
        best = float("inf")
        for _ in range(repeat):
            start = time.perf_counter()
            fn(text)
            best = min(best, time.perf_counter() - start)
        out.append(best * 1000)
    return out


def speed(repeat: int) -> list[str]:
    typical_replies = [r.text for lang in LANGUAGES for r in replies(lang, "tuning")[:100]]
    typical_reviews = [r.text for lang in LANGUAGES for r in reviews(lang, "tuning")]
    coach = lambda text: check_reply(text, customer="Sam de Vries", signer="Anna",  # noqa: E731
                                     review="It was awful. Order 4820193.", recent=typical_replies[:20])
    rows = ["| call | input (best of the repeats per text) | median ms | p99 ms | max ms |",
            "|---|---|---|---|---|"]

    def row(name: str, what: str, ms: list[float]) -> None:
        rows.append(f"| {name} | {what} | {statistics.median(ms):.2f} | {percentile(ms, 99):.2f} | {max(ms):.2f} |")

    row("coach (with 20 recent replies)", f"{len(typical_replies)} typical replies", timed(coach, typical_replies, repeat))
    row("triage", f"{len(typical_reviews)} typical reviews", timed(triage, typical_reviews, repeat))
    for name, text in hostile_texts().items():
        row("coach", f"10,000 chars: {name}", timed(coach, [text], repeat))
        row("triage", f"10,000 chars: {name}", timed(triage, [text], repeat))
    return rows


def quality() -> list[str]:
    rows = ["| language | split | replies | recall of violations | false alarms per rule decision | "
            "replies with a false alarm | good replies flagged | triage agreement |",
            "|---|---|---|---|---|---|---|---|"]
    for lang in LANGUAGES:
        for split in COACH_SPLITS + WHOLE_SPLITS:
            f = coach_figures(lang, split)
            agreed, total = triage_agreement(lang, split) if split in SPLITS else (0, 0)
            triaged = f"{agreed}/{total} = {agreed / total:.1%}" if total else "—"
            rows.append(f"| {lang} | {split} | {f.replies} | {f.caught}/{f.violations} = {f.recall:.1%} | "
                        f"{f.false_alarms}/{f.decisions} = {f.false_alarm_rate:.2%} | "
                        f"{f.replies_with_false_alarm} | {f.good_flagged}/{f.good} | {triaged} |")
    rows += ["", "| split | snooze phrases right |", "|---|---|"]
    for split in SPLITS:
        right, total = snooze_accuracy(split)
        rows.append(f"| {split} | {right}/{total} = {right / total:.1%} |")
    return rows


def failures(split: str) -> list[str]:
    """Each reply of a split whose findings differ from its labels: what was missed, what was
    flagged wrongly, and the sentence each finding names."""
    out = []
    for lang in LANGUAGES:
        wrong: list = []
        coach_figures(lang, split, failures=wrong)
        for reply, result in wrong:
            found = set(result.rules) & set(CHECKED)
            out.append(f"### {lang} missed {sorted(reply.expected - found)} flagged {sorted(found - reply.expected)}")
            out += [f"    {f.rule}: {f.sentence!r}" for f in result.findings if f.rule in found - reply.expected]
            out += ["", reply.text, ""]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="calls per typical text")
    parser.add_argument("--failures", metavar="SPLIT", help="list a split's failures instead")
    args = parser.parse_args()
    if args.failures:
        print("\n".join(failures(args.failures)))
        return
    print("## Quality\n")
    print("\n".join(quality()))
    print("\n## Speed\n")
    print("\n".join(speed(args.repeat)))


if __name__ == "__main__":
    main()
