"""`review-desk suggest --ai`: the same JSON as `suggest`, written by the model through the
real `openai` client against the loopback fake, with the coach's findings on its first and
final attempt; the composer's draft with a line saying why when the model fails or is not
configured."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from app.cli import app as cli
from tests.fakes.openai_fake import Answer
from tests.test_model_drafts import DEFENSIVE, GOOD, HOLDING, PROMISE, REVIEW, answer, fake  # noqa: F401

ARGS = ["suggest", "--customer", "Sam Jansen", "--signer", "Ann", "--contact", "020 123 4567"]


@pytest.fixture(autouse=True)
def no_outside_settings(monkeypatch):
    for name in ("OPENAI_BASE_URL", "OPENAI_API_KEY", "AI_DRAFTS", "AI_MODEL", "AI_PRIVACY", "ADAPTER"):
        monkeypatch.delenv(name, raising=False)


def env_file(tmp_path, fake, **more) -> str:  # noqa: F811
    values = {"OPENAI_BASE_URL": fake.base_url, "AI_MODEL": "test-model", **more}
    path = tmp_path / ".env"
    path.write_text("".join(f"{k}={v}\n" for k, v in values.items()))
    return str(path)


def run(*args: str):
    result = CliRunner().invoke(cli, [*ARGS, *args], input=REVIEW)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout), result.stderr


def rules(found: dict, kind: str = "reply") -> list[str]:
    return [f["rule"] for f in found[kind]]


def test_a_good_answer_is_the_same_json_written_by_the_model_with_the_coach_on_it(tmp_path, fake):  # noqa: F811
    fake.answer(answer(GOOD))
    data, _ = run("--ai", "--env-file", env_file(tmp_path, fake))
    composed, _ = run()
    assert set(composed) <= set(data) and data["source"] == "model" and data["attempts"] == 1
    assert data["language"] == "en" and data["reply"] == GOOD.replace("[your own name]", "Ann")
    assert data["holding"] == HOLDING.replace("[your own name]", "Ann")
    assert data["gaps"] == ["story"]  # signed: only the business's own side is left
    assert data["findings"]["first"] == data["findings"]["final"]
    assert rules(data["findings"]["final"]) == ["signature", "placeholder"]
    assert all({"rule", "message", "fix"} <= set(f) for f in data["findings"]["final"]["reply"])
    assert len(fake.requests) == 1


@pytest.mark.parametrize("bad, rule", [(PROMISE, "promise"), (DEFENSIVE, "defensive")])
def test_a_draft_that_still_fails_is_printed_with_its_findings_on_both_attempts(
        tmp_path, fake, bad, rule):  # noqa: F811
    fake.answer(answer(bad), answer(bad))
    data, _ = run("--ai", "--env-file", env_file(tmp_path, fake))
    assert len(fake.requests) == 2 and data["attempts"] == 2 and data["source"] == "model"
    assert rule in rules(data["findings"]["first"]) and rule in rules(data["findings"]["final"])
    assert data["reply"] == bad.replace("[your own name]", "Ann")  # shown, never hidden


def test_a_second_try_that_passes_is_printed_with_what_the_first_got_wrong(tmp_path, fake):  # noqa: F811
    fake.answer(answer(DEFENSIVE), answer(GOOD))
    data, _ = run("--ai", "--env-file", env_file(tmp_path, fake))
    assert "defensive" in rules(data["findings"]["first"])
    assert "defensive" not in rules(data["findings"]["final"]) and "nobody else" not in data["reply"]


@pytest.mark.parametrize("failure, reason", [
    (Answer(status=500), "http_5xx"), (Answer(status=429), "http_429"),
    (Answer(raw=b"garbage"), "malformed")])
def test_a_failing_model_leaves_the_composers_json_and_a_line_saying_why(
        tmp_path, fake, failure, reason):  # noqa: F811
    fake.answer(failure)
    data, said = run("--ai", "--env-file", env_file(tmp_path, fake))
    composed, _ = run()
    assert {k: data[k] for k in composed} == composed
    assert data["source"] == "composer" and reason in data["fallback"]
    assert reason in said and "composer's draft" in said


def test_without_a_model_configured_nothing_is_sent_and_the_composer_says_so(tmp_path, fake):  # noqa: F811
    path = tmp_path / ".env"
    path.write_text("AI_MODEL=test-model\n")  # no endpoint
    data, said = run("--ai", "--env-file", str(path))
    composed, _ = run()
    assert {k: data[k] for k in composed} == composed and data["source"] == "composer"
    assert "no model configured" in said and fake.requests == []


def test_with_privacy_on_the_surname_and_phone_stay_here_and_come_back_in_the_draft(tmp_path, fake):  # noqa: F811
    fake.answer(answer(GOOD.replace("Dear Sam,", "Dear Mr. [SURNAME_1],")
                       .replace("020 123 4567", "[PHONE_1]")))
    data, _ = run("--customer", "Mr. Jansen", "--ai", "--env-file",
                  env_file(tmp_path, fake, AI_PRIVACY="on"))
    sent = json.dumps(fake.requests[0]["body"]["messages"])
    assert "Jansen" not in sent and "123 4567" not in sent
    assert "[SURNAME_1]" in sent and "[PHONE_1]" in sent
    assert data["reply"].startswith("Dear Mr. Jansen,") and "call me on 020 123 4567" in data["reply"]
