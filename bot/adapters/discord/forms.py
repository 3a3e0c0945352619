"""Forms as Discord modals.

A modal holds at most five inputs, so a longer form is shown in parts joined by a
"Continue" button. A modal cannot show problems next to its inputs, so they come back as an
ephemeral list with a button that reopens the form with what was typed. The form being
filled in is kept here, in memory, under a token that the modal's and the buttons' custom
ids carry; after a restart an old button says the form is no longer open.

A modal submitted after discord.py forgot it (a restart, or open over an hour) is answered
too: a one-part form that may come late (a draft) names itself and its context in its custom
id, so it is worked as usual; of any other, the person gets back what they typed.
"""
from __future__ import annotations

import secrets
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

import discord

from bot.text import ROLE
from bot.messages import Form, Input

ROWS = 5  # inputs per modal
TEXT_LIMIT = 4_000  # characters in a modal's text input
SELECT_LIMIT = 25  # options in a select
TITLE, LABEL, HINT = 45, 45, 100
KEEP = 500  # forms being filled in, the oldest forgotten first
OPEN_FOR = 3_600.0  # seconds a modal waits for its submission
MODAL = "rd-modal"
CUSTOM_ID = 100  # characters in a custom id


@dataclass
class OpenForm:
    form: Form
    values: dict[str, str] = field(default_factory=dict)
    page: int = 0
    timed_out: bool = False  # its modal waited too long: discord.py forgot it

    @property
    def pages(self) -> list[list[Input]]:
        inputs = list(self.form.inputs)
        return [inputs[i:i + ROWS] for i in range(0, len(inputs), ROWS)] or [[]]

    def first_page_with(self, names: set[str]) -> int:
        return next((i for i, page in enumerate(self.pages) if names & {x.name for x in page}), 0)


class OpenForms:
    def __init__(self, keep: int = KEEP) -> None:
        self.keep = keep
        self._forms: OrderedDict[str, OpenForm] = OrderedDict()

    def add(self, form: Form, values: dict[str, str] | None = None) -> str:
        token = secrets.token_hex(8)
        start = {i.name: i.value for i in form.inputs}
        self._forms[token] = OpenForm(form, {**start, **(values or {})})
        while len(self._forms) > self.keep:
            self._forms.popitem(last=False)
        return token

    def get(self, token: str) -> OpenForm | None:
        return self._forms.get(token)

    def drop(self, token: str) -> None:
        self._forms.pop(token, None)


class FormModal(discord.ui.Modal):
    """One part of a form; the client decides what its submission leads to."""

    def __init__(self, token: str, state: OpenForm, choose: str) -> None:
        pages = state.pages
        title = state.form.title if len(pages) == 1 else \
            f"{state.form.title} ({state.page + 1}/{len(pages)})"
        super().__init__(title=title[:TITLE], custom_id=modal_id(token, state), timeout=OPEN_FOR)
        self.token, self.state = token, state
        state.timed_out = False
        self.inputs = pages[state.page]
        self.fields: dict[str, discord.ui.Item] = {}
        for item in self.inputs:
            component, hint = _component(item, state.values.get(item.name, ""), choose)
            self.fields[item.name] = component
            self.add_item(discord.ui.Label(text=item.label[:LABEL], description=hint[:HINT] or None,
                                           component=component))

    def values(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for item in self.inputs:
            component = self.fields[item.name]
            if isinstance(component, discord.ui.TextInput):
                out[item.name] = _choice_value(item, component.value)
                continue
            picked = component.values[0] if component.values else None
            out[item.name] = str(getattr(picked, "id", picked or ""))
            if isinstance(picked, discord.Role):
                out[item.name] = f"{ROLE}{picked.id}"
            if isinstance(component, (discord.ui.UserSelect, discord.ui.MentionableSelect)):
                out[f"{item.name}_name"] = getattr(picked, "display_name",
                                                   getattr(picked, "name", ""))
        return out

    async def on_submit(self, interaction: discord.Interaction) -> None:
        await interaction.client.form_part_submitted(interaction, self.token, self.values())

    async def on_timeout(self) -> None:
        self.state.timed_out = True


@dataclass(frozen=True)
class ModalId:
    token: str
    page: int
    form: str = ""  # set when the form may come late: then it is worked with no state here
    context: str = ""


def modal_id(token: str, state: OpenForm) -> str:
    plain = f"{MODAL}:{token}:{state.page}"
    late = f"{plain}:{state.form.form}:{state.form.context}"
    return late if state.form.late and len(state.pages) == 1 and len(late) <= CUSTOM_ID else plain


def read_modal_id(custom_id: str) -> ModalId | None:
    """The parts of one of our modals' custom ids; None for anyone else's."""
    parts = custom_id.split(":", 4)
    if len(parts) < 3 or parts[0] != MODAL or not parts[2].isdigit():
        return None
    return ModalId(parts[1], int(parts[2]), *parts[3:5]) if len(parts) == 5 else \
        ModalId(parts[1], int(parts[2]))


def typed(components: list[dict[str, Any]]) -> dict[str, str]:
    """What a modal submission carries, by input, read from the payload itself (the modal it
    belonged to is gone): a text input's text, a select's first value."""
    out: dict[str, str] = {}
    for component in components:
        if "custom_id" in component and ("value" in component or "values" in component):
            values = component.get("values")
            out[component["custom_id"]] = str(values[0]) if values else \
                str(component.get("value") or "")
        nested = component.get("components") or ([component["component"]]
                                                 if "component" in component else [])
        out.update(typed(nested))
    return out


def part_values(state: OpenForm, raw: dict[str, str]) -> dict[str, str]:
    """A forgotten modal's typed values as the modal would have read them."""
    return {item.name: _choice_value(item, raw[item.name]) if item.choices else raw[item.name]
            for item in state.pages[state.page] if item.name in raw}


def _component(item: Input, value: str, choose: str) -> tuple[discord.ui.Item, str]:
    """The modal component for an input, and the hint to show under its label."""
    least = 1 if item.required else 0
    if item.kind == "select" and 0 < len(item.choices) <= SELECT_LIMIT:
        options = [discord.SelectOption(label=c.label[:100], value=c.value, default=c.value == value)
                   for c in item.choices]
        return discord.ui.Select(custom_id=item.name, options=options, required=item.required,
                                 min_values=least, max_values=1), item.hint
    if item.kind == "user":
        chosen = [discord.Object(int(value))] if value.isdigit() else []
        return discord.ui.UserSelect(custom_id=item.name, required=item.required, min_values=least,
                                     max_values=1, default_values=chosen), item.hint
    if item.kind == "person_or_role":
        role = value.startswith(ROLE)
        number = value[len(ROLE):] if role else value
        chosen = [discord.Object(int(number), type=discord.Role if role else discord.Member)] \
            if number.isdigit() else []
        return discord.ui.MentionableSelect(custom_id=item.name, required=item.required,
                                            min_values=least, max_values=1,
                                            default_values=chosen), item.hint
    # Everything else, and a select with more choices than Discord shows, is typed in; a
    # select's choices are listed in the hint and checked by the handler as always.
    hint = item.hint or (choose.format(choices=", ".join(c.label for c in item.choices))
                         if item.choices else "")
    style = discord.TextStyle.paragraph if item.kind == "long" else discord.TextStyle.short
    limit = min(item.max_length or TEXT_LIMIT, TEXT_LIMIT)
    return discord.ui.TextInput(custom_id=item.name, style=style, default=value[:limit] or None,
                                required=item.required, max_length=limit), hint


def _choice_value(item: Input, text: str) -> str:
    """A typed choice's value, whether its label or its value was typed."""
    typed = text.strip().lower()
    return next((c.value for c in item.choices if typed in (c.value.lower(), c.label.lower())), text)
