"""The labelled corpus of tests/data/advice/ and the figures measured on it.

Lines are split once by a stable hash: about 30 % are held out and only evaluated, never
used to tune rules. Replies are assembled (seeded) from the hand-written sentences of one
split only, so a held-out reply contains no sentence the rules were tuned on.
"""
from __future__ import annotations

import random
import re
import zlib
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

DATA = Path(__file__).resolve().parent / "data" / "advice"
HELD_OUT_TENTHS = 3
SPLITS = ("tuning", "held_out")
# Sentences written after a round of tuning (below "#@round N" in coach.LANG.txt): their
# tuning part joins the tuning split, their held-out part is a held-out split of its own.
COACH_SPLITS = ("tuning", "held_out", "held_out_2", "held_out_3")
LANGUAGES = ("en", "nl")
REPLIES = {"tuning": 320, "held_out": 140, "held_out_2": 140, "held_out_3": 140}
# Replies written whole (repliesN.LANG.txt): round 4 was evaluated once after rounds 1-3 were
# tuned and has been tuning material since; a later round (round_5, ...) is evaluated as soon
# as its files are there, once, and never tuned on.
WHOLE_SPLITS = tuple(f"round_{n}" for n in range(4, 32)
                     if all((DATA / f"replies{n}.{lang}.txt").exists() for lang in LANGUAGES))
ELEMENTS = ("thanks", "empathy", "apology", "offline")
CHECKED = ("name", *ELEMENTS, "signature", "defensive", "contradicts", "small_print", "belittles",
           "no_comment", "length", "change_review", "promise", "placeholder", "personal_data",
           "repeats")
CUSTOMERS = {
    "en": [("Sam", "Carter"), ("Priya", "Shah"), ("Tom", "Walsh"), ("Aisha", "Okafor"), ("Ben", "Hughes"),
           ("Chloe", "Martin"), ("Liam", "Byrne"), ("Grace", "Evans"), ("Noah", "Price"), ("Zoë", "Adams")],
    "nl": [("Sanne", "de Vries"), ("Jeroen", "Bakker"), ("Lotte", "Janssens"), ("Wout", "Peeters"),
           ("Fatima", "El Amrani"), ("Bram", "van Dijk"), ("Ilse", "Maes"), ("Daan", "Visser"),
           ("Eline", "Claes"), ("Joris", "de Smet")],
}
SIGNERS = {"en": ["Anna", "Mark Ellis", "Jo", "Rachel Green", "Dev"],
           "nl": ["Anouk", "Pieter de Wit", "Lies", "Koen Wouters", "Mila"]}
TEMPLATES = ("greet", "greet_generic", "sign", "sign_bad")
REVIEW = {"en": "Really disappointed with how this went, not what I expected at all.",
          "nl": "Echt teleurgesteld over hoe dit ging, helemaal niet wat ik verwachtte."}


def held_out(line: str) -> bool:
    """By the sentence or review itself, so correcting a line's labels never moves it."""
    text = line.partition(" || ")[0] if not line.startswith(("respond", "ignore")) else line.partition(" || ")[2]
    return zlib.crc32(text.strip().encode()) % 10 < HELD_OUT_TENTHS


def split_of(line: str) -> str:
    return "held_out" if held_out(line) else "tuning"


@dataclass(frozen=True)
class Sentence:
    text: str
    provides: frozenset[str] = frozenset()
    breaks: frozenset[str] = frozenset()
    review: str = ""


@dataclass
class Reply:
    text: str
    customer: str
    signer: str | None
    review: str
    recent: list[str]
    expected: set[str]
    sentences: list[Sentence] = field(default_factory=list)


def sections(language: str, split: str) -> dict[str, list[Sentence]]:
    out: dict[str, list[Sentence]] = {}
    current, round_ = None, 1
    for raw in (DATA / f"coach.{language}.txt").read_text(encoding="utf-8").splitlines():
        if raw.startswith("#@round "):
            round_ = int(raw.split()[1])
            continue
        if raw.startswith("## "):
            current = raw[3:].strip()
            out.setdefault(current, [])
            continue
        # Greetings and sign-offs are templates, shared by both splits.
        if not raw.strip() or raw.startswith("#") or (
                current not in TEMPLATES and _coach_split(raw, round_) != split):
            continue
        text, _, extra = raw.partition(" || ")
        if current == "pd_given":
            tags, _, review = extra.rpartition(" || ")
            out[current].append(Sentence(text, provides=frozenset(t[1:] for t in tags.split(",") if t),
                                         review=review))
            continue
        tags = [t.strip() for t in extra.split(",") if t.strip()]
        rule = current.split(":", 1)[1] if current.startswith("bad:") else None
        out[current].append(Sentence(
            text.replace("/", "\n") if current in ("sign", "sign_bad") else text,
            provides=frozenset({current} | {t[1:] for t in tags if t[0] == "+"}),
            breaks=frozenset(({rule} if rule else set()) | {t[1:] for t in tags if t[0] == "!"})))
    return out


def _coach_split(line: str, round_: int) -> str:
    return f"held_out_{round_}" if round_ > 1 and held_out(line) else split_of(line)


def _words(text: str) -> int:
    from desk.advice.coach import word_count

    return word_count(text)


def whole_replies(language: str, split: str = "round_4") -> list[Reply]:
    """Replies written whole: `--- findings | customer | signer [| review [| recent]]`, then the
    text; `recent` lists the team's recent public replies, separated by ` || `."""
    out: list[Reply] = []
    path = DATA / f"replies{split.rpartition('_')[2]}.{language}.txt"
    for block in re.split(r"^--- ", path.read_text(encoding="utf-8"), flags=re.MULTILINE)[1:]:
        header, _, text = block.partition("\n")
        labels, customer, signer, *rest = (p.strip() for p in header.split(" | "))
        review = rest[0] if rest else REVIEW[language]
        recent = rest[1].split(" || ") if len(rest) > 1 else []
        expected = {r.strip() for r in labels.split(",")} - {"good"}
        out.append(Reply(text.strip(), customer, signer, review, recent, expected))
    return out


def replies(language: str, split: str) -> list[Reply]:
    if split in WHOLE_SPLITS:
        return whole_replies(language, split)
    pools = sections(language, split)
    bad = sorted(k for k in pools if k.startswith("bad:") and pools[k])
    made: list[Reply] = []
    for i in range(REPLIES[split]):
        rng = random.Random(f"{language}-{split}-{i}")
        first, last = rng.choice(CUSTOMERS[language])
        expected: set[str] = set()
        body: list[Sentence] = []
        def pick(section: str) -> list[Sentence]:
            return [rng.choice(pools[section])] if pools.get(section) else []

        for element in ELEMENTS[:3]:
            if rng.random() < 0.85:
                body += pick(element)
        if rng.random() < 0.3:
            rng.shuffle(body)
        for _ in range(rng.choice((0, 1, 1, 2))):
            body += pick("story")
        extras = [rng.choice(pools[rng.choice(bad)]) for _ in range(
            rng.choices((0, 1, 2), weights=(45, 45, 10))[0]) if bad]
        if rng.random() < 0.35:
            extras += pick("trap")
        review = REVIEW[language]
        if rng.random() < 0.12 and pools.get("pd_given"):
            given = rng.choice(pools["pd_given"])
            extras.append(given)
            review = given.review + " " + review
        for sentence in extras:
            body.insert(rng.randint(1 if body else 0, len(body)), sentence)
        if rng.random() < 0.85:
            body += pick("offline")
        if rng.random() < 0.4:
            body += pick("close")
        recent: list[str] = []
        if made and body and rng.random() < 0.15:
            other = rng.choice(made)
            body[0] = other.sentences[0]
            recent.append(other.text)
            expected.add("repeats")
        elif body:
            recent = [r.text for r in made[-6:] if r.sentences
                      and r.sentences[0].text != body[0].text and r.sentences[-1].text != body[-1].text][:3]
        if rng.random() < 0.12:
            greeting = rng.choice(pools["greet_generic"]).text
            expected.add("name")
        else:
            greeting = rng.choice(pools["greet"]).text.format(first=first, last=last)
        signer = rng.choice(SIGNERS[language])
        if rng.random() < 0.1:
            sign = rng.choice(pools["sign_bad"]).text
            expected.add("signature")
        else:
            sign = rng.choice(pools["sign"]).text.format(signer=signer)
        drafter = rng.random()
        signer_param = None if drafter < 0.1 else rng.choice(SIGNERS[language]) if drafter < 0.3 else signer
        paragraphs, chunk = [], []
        for sentence in body:
            chunk.append(sentence.text)
            if rng.random() < 0.3:
                paragraphs.append(" ".join(chunk))
                chunk = []
        if chunk:
            paragraphs.append(" ".join(chunk))
        text = greeting + "\n\n" + "\n\n".join(paragraphs) + "\n\n" + sign
        provided = set().union(*(s.provides for s in body)) if body else set()
        expected |= {e for e in ELEMENTS if e not in provided}
        expected |= set().union(*(s.breaks for s in body)) if body else set()
        if _words(text) > 150:
            expected.add("length")
        made.append(Reply(text, f"{first} {last}", signer_param, review, recent, expected, body))
    return made


# --- triage and snooze --------------------------------------------------------------

@dataclass(frozen=True)
class Review:
    text: str
    label: str
    after_team_reply: bool


def _labelled_lines(name: str, suffix: str, split: str) -> list[str]:
    """The lines of a split: by hash from `NAME.SUFFIX` (tuning, held out), or every line of a
    round written later and evaluated once as a whole (`round_2`: `NAME2.SUFFIX`)."""
    if split.startswith("round_"):
        path = DATA / f"{name}{split.rpartition('_')[2]}.{suffix}"
        return [raw for raw in path.read_text(encoding="utf-8").splitlines()
                if raw.strip() and not raw.startswith("#")]
    return [raw for raw in (DATA / f"{name}.{suffix}").read_text(encoding="utf-8").splitlines()
            if raw.strip() and not raw.startswith("#") and split_of(raw) == split]


def reviews(language: str, split: str) -> list[Review]:
    out = []
    for raw in _labelled_lines("triage", f"{language}.txt", split):
        label, _, text = raw.partition(" || ")
        out.append(Review(text, label.split()[0], "after" in label.split()[1:]))
    return out


@dataclass(frozen=True)
class Phrase:
    phrase: str
    now: datetime
    expected: str  # ISO moment, or "refuse:LANG"

    @property
    def language(self) -> str:
        return self.expected.partition(":")[2]


def phrases(split: str) -> list[Phrase]:
    out = []
    for raw in _labelled_lines("when", "txt", split):
        phrase, now, expected = (p.strip() for p in raw.split(" || "))
        out.append(Phrase(phrase, datetime.fromisoformat(now), expected))
    return out


# --- figures ---------------------------------------------------------------------------

@dataclass
class CoachFigures:
    replies: int = 0
    violations: int = 0
    caught: int = 0
    decisions: int = 0
    false_alarms: int = 0
    replies_with_false_alarm: int = 0
    good: int = 0
    good_flagged: int = 0
    misses: dict[str, int] = field(default_factory=dict)
    alarms: dict[str, int] = field(default_factory=dict)

    @property
    def recall(self) -> float:
        return self.caught / self.violations if self.violations else 1.0

    @property
    def false_alarm_rate(self) -> float:
        return self.false_alarms / self.decisions if self.decisions else 0.0


def coach_figures(language: str, split: str, *, failures: list | None = None) -> CoachFigures:
    from desk.advice.coach import check_reply

    figures = CoachFigures()
    for reply in replies(language, split):
        result = check_reply(reply.text, customer=reply.customer, signer=reply.signer,
                             review=reply.review, recent=reply.recent)
        found = set(result.rules) & set(CHECKED)
        figures.replies += 1
        figures.violations += len(reply.expected)
        figures.caught += len(found & reply.expected)
        figures.decisions += len(CHECKED) - len(reply.expected)
        wrong = found - reply.expected
        figures.false_alarms += len(wrong)
        figures.replies_with_false_alarm += bool(wrong)
        for rule in reply.expected - found:
            figures.misses[rule] = figures.misses.get(rule, 0) + 1
        for rule in wrong:
            figures.alarms[rule] = figures.alarms.get(rule, 0) + 1
        if not reply.expected:
            figures.good += 1
            figures.good_flagged += bool(found)
        if failures is not None and found != reply.expected:
            failures.append((reply, result))
    return figures


def triage_agreement(language: str, split: str, *, failures: list | None = None) -> tuple[int, int]:
    from desk.advice.triage import triage

    agreed = total = 0
    for review in reviews(language, split):
        got = triage(review.text, after_team_reply=review.after_team_reply).suggestion
        total += 1
        agreed += got == review.label
        if failures is not None and got != review.label:
            failures.append(review)
    return agreed, total


def snooze_accuracy(split: str, *, failures: list | None = None) -> tuple[int, int]:
    from desk.reminders.when import WhenError, parse_when

    right = total = 0
    for p in phrases(split):
        try:
            got = parse_when(p.phrase, now=p.now, tz="Europe/Amsterdam").isoformat(timespec="minutes")
        except WhenError as err:
            got = f"refuse:{err.language}"
        total += 1
        ok = got == p.expected or (p.expected.startswith("refuse") and got == p.expected)
        right += ok
        if failures is not None and not ok:
            failures.append((p, got))
    return right, total


# --- the trained models ------------------------------------------------------------------

@contextmanager
def untrained(module, monkeypatch):
    """`module` (the coach's roles, the triage hint) as it reads when its model file is missing."""
    monkeypatch.setattr(module, "MODEL", Path("/nonexistent") / module.MODEL.name)
    module.model.cache_clear()
    yield
    module.model.cache_clear()


def assert_trains_to(training, committed: Path, tmp_path: Path, monkeypatch) -> None:
    """`training` (a module of training/) run on the corpus writes the model committed at
    `committed`: the corpus changed without a retrain, or the model without the corpus, fails."""
    import numpy as np

    fresh = tmp_path / committed.name
    monkeypatch.setattr(training, "MODEL", fresh)
    monkeypatch.setattr(training, "ROOT", tmp_path)
    training.train()
    with np.load(committed) as kept, np.load(fresh) as trained:
        assert str(trained["features"]) == str(kept["features"]), f"retrain: python -m {training.__name__}"
        assert np.allclose(trained["thresholds"], kept["thresholds"], atol=0.011)
        assert np.allclose(trained["weights"].astype(np.float32), kept["weights"].astype(np.float32), atol=0.01)
