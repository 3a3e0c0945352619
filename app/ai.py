"""Model drafts wired to an OpenAI-compatible endpoint through the `openai` SDK: a hosted
service, or a local Ollama, vLLM or LM Studio. The only module that imports the SDK; with
AI_DRAFTS off nothing is built and nothing is sent anywhere."""
from __future__ import annotations

from dataclasses import dataclass

from bot.settings import Settings, SettingsError
from desk.advice.ai.brief import Messages
from desk.advice.ai.endpoint import Endpoint
from desk.advice.ai.guard import ModelFailed
from desk.advice.ai.privacy import hosted
from desk.advice.ai.settings import AiSettings

# A local server needs no key, but the SDK insists on one.
NO_KEY = "unused"


@dataclass(frozen=True)
class EndpointSettings:
    """The SDK's own variables, read like every section so a `.env` file sets them too."""

    base_url: str = ""  # OPENAI_BASE_URL, e.g. http://localhost:11434/v1 for Ollama
    api_key: str = ""  # OPENAI_API_KEY


SECTIONS = {"ai": AiSettings, "openai": EndpointSettings}


def configured(endpoint: EndpointSettings) -> bool:
    return bool(endpoint.base_url or endpoint.api_key)


def check(settings: Settings) -> None:
    """Refuse AI_DRAFTS=on with no endpoint, before anything starts."""
    endpoint = settings.section("openai", EndpointSettings)
    if settings.section("ai", AiSettings).on and not configured(endpoint):
        raise SettingsError("AI_DRAFTS=on needs OPENAI_BASE_URL (a server of your own) or "
                            "OPENAI_API_KEY (the hosted OpenAI service)")


def model_writer(settings: Settings, *, needed: bool = False) -> Endpoint | None:
    """The configured model, or None when model drafts are off (`needed`: asked for by hand,
    e.g. `suggest --ai`, so only the endpoint and the model's name must be set)."""
    ai, endpoint = settings.section("ai", AiSettings), settings.section("openai", EndpointSettings)
    if not (ai.on or needed and ai.model and configured(endpoint)):
        return None
    check(settings)
    import openai

    # No retries of the SDK's own: the composer's draft is there, and the job must not
    # keep the scheduler's other work waiting through back-offs.
    client = openai.OpenAI(base_url=endpoint.base_url or None,
                           api_key=endpoint.api_key or NO_KEY, timeout=ai.timeout, max_retries=0)

    def write(messages: Messages) -> str:
        try:
            answer = client.chat.completions.create(model=ai.model, messages=messages)
        except openai.APITimeoutError:
            raise ModelFailed("timeout") from None
        except openai.RateLimitError:
            raise ModelFailed("http_429") from None
        except openai.APIStatusError as err:
            raise ModelFailed("http_5xx" if err.status_code >= 500 else "http_4xx") from None
        except openai.APIConnectionError:
            raise ModelFailed("unreachable") from None
        except (openai.APIError, ValueError):
            raise ModelFailed("malformed") from None
        choices = getattr(answer, "choices", None)
        content = choices[0].message.content if choices else None
        if not isinstance(content, str) or not content.strip():
            raise ModelFailed("malformed")
        return content

    return Endpoint(write, private=ai.private(hosted(endpoint.base_url)),
                    daily_cap=ai.requests_per_day)
