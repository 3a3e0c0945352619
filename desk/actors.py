"""Who does something to a case: a person of the team, the review desk itself (a scheduled
job), or an integration (a review site delivering a review). History and rights read this,
so work nobody in the chat started has a name of its own."""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ActorKind(StrEnum):
    PERSON = "person"
    DESK = "desk"
    INTEGRATION = "integration"


@dataclass(frozen=True)
class Actor:
    kind: ActorKind
    member_id: int | None = None  # a person's member row; None for the desk and integrations
    is_lead: bool = False
    name: str = ""

    @classmethod
    def person(cls, member_id: int, *, name: str = "", is_lead: bool = False) -> "Actor":
        return cls(ActorKind.PERSON, member_id, is_lead, name)

    @classmethod
    def integration(cls, name: str) -> "Actor":
        return cls(ActorKind.INTEGRATION, name=name)

    def label(self) -> str | None:
        """What the history says for an actor with no member row: "desk", "integration:google"."""
        if self.kind == ActorKind.PERSON:
            return None
        return self.kind.value if self.kind == ActorKind.DESK else f"{self.kind}:{self.name}"


DESK = Actor(ActorKind.DESK, name="review-desk")
