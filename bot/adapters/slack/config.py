"""The Slack adapter's settings: SLACK_BOT_TOKEN, SLACK_APP_TOKEN, SLACK_SIGNING_SECRET and
SLACK_API_BASE_URL (a loopback fake in tests, a staging proxy elsewhere)."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SlackSettings:
    bot_token: str = ""
    app_token: str = ""
    signing_secret: str = ""
    api_base_url: str = "https://slack.com/api/"

    def configured(self) -> bool:
        return bool(self.bot_token)
