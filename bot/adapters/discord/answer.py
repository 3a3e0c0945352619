"""What the router answered to one interaction, said on Discord.

Discord takes one response per interaction, within 3 seconds: a modal, an update of the
clicked card, or an ephemeral message. Whatever comes after is a follow-up (ephemeral, for
the person) or a post in a channel or thread (for the team).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

import discord

from bot.adapters.discord.components import FormButton
from bot.adapters.discord.forms import FormModal, OpenForm
from bot.adapters.discord.markdown import MESSAGE_LIMIT, allowed, clip, render
from bot.messages import Card, Form, FormErrors, MessageRef, Notice, Outbound
from bot.text import Rich, join

if TYPE_CHECKING:
    from bot.adapters.discord.client import DeskClient

UPDATES_A_MESSAGE = (discord.InteractionType.component, discord.InteractionType.modal_submit)
PERSONAL = (Notice, Form, FormErrors)  # said to the person, not posted for the team


class Answer:
    def __init__(self, client: "DeskClient", interaction: discord.Interaction, lang: str) -> None:
        self.client, self.interaction, self.lang = client, interaction, lang
        self.spoke = False

    def text(self, key: str, **values: object) -> Rich:
        return self.client.texts.text(self.lang, key, **values)

    @property
    def responded(self) -> bool:
        return self.interaction.response.is_done()

    @property
    def can_open_modal(self) -> bool:
        """A modal can be the response, except to a submitted modal."""
        return not self.responded and self.interaction.type is not discord.InteractionType.modal_submit

    @property
    def updates_a_message(self) -> bool:
        return self.interaction.type in UPDATES_A_MESSAGE and self.interaction.message is not None

    async def defer(self) -> None:
        """Buy time for slow work: a clicked card waits silently, a command shows "thinking"."""
        if self.updates_a_message:
            await self.interaction.response.defer()
        else:
            await self.interaction.response.defer(ephemeral=True, thinking=True)

    async def privately(self, text: Rich, view: discord.ui.View | None = None) -> None:
        """An ephemeral message: the response when none was given yet, else a follow-up."""
        content = clip(render(text), MESSAGE_LIMIT)
        extra = {"view": view} if view is not None else {}
        if self.responded:
            await self.interaction.followup.send(content, ephemeral=True,
                                                 allowed_mentions=allowed(text), **extra)
        else:
            await self.interaction.response.send_message(content, ephemeral=True,
                                                         allowed_mentions=allowed(text), **extra)
        self.spoke = True

    async def open_form(self, state: OpenForm, token: str) -> None:
        choose = self.client.texts.raw(self.lang, "discord.form.choose")
        await self.interaction.response.send_modal(FormModal(token, state, choose))
        self.spoke = True

    async def deliver(self, replies: Sequence[Outbound], refs: dict[str, MessageRef | None],
                      submitted: str | None = None) -> None:
        """Say everything in `replies`; `submitted` is the token of the form they answer."""
        forms = [m for m in replies if isinstance(m, Form)]
        errors = [m for m in replies if isinstance(m, FormErrors)]
        private = [m.text for m in replies if isinstance(m, Notice)]
        if len(forms) == 1 and not (errors or private) and self.can_open_modal:
            token = self.client.forms.add(forms[0])
            await self.open_form(self.client.forms.get(token), token)
            forms = []
        clicked = None if self.responded else self._clicked_card(replies, refs)
        if clicked is not None and self.client.poster.versions.current(clicked):
            # the update of the clicked card is the response (unless a newer one was shown)
            shown, _ = self.client.poster.render_card(clicked)
            await self.interaction.response.edit_message(**shown)
        view = discord.ui.View(timeout=None)
        for error in errors:
            private.append(self._problems(error, submitted))
            if submitted and self.client.forms.get(submitted):
                view.add_item(FormButton(submitted, str(self.text("discord.form.fix"))))
        for form in forms:  # a form that cannot be the response is opened by a button
            token = self.client.forms.add(form)
            view.add_item(FormButton(token, str(self.text("discord.form.open"))))
        if private:
            await self.privately(join(private, "\n"), view if view.children else None)
        elif view.children:
            await self.privately(self.text("discord.form.open"), view)
        await self._acknowledge()
        if submitted and not errors:
            self.client.forms.drop(submitted)
        await self.client.poster.deliver(
            [m for m in replies if m is not clicked and not isinstance(m, PERSONAL)], refs)

    def _clicked_card(self, replies: Sequence[Outbound], refs: dict[str, MessageRef | None]) -> Card | None:
        """The card shown by the message whose button was clicked, if the answer has it."""
        if not self.updates_a_message:
            return None
        message = str(self.interaction.message.id)
        return next((m for m in replies if isinstance(m, Card)
                     and (ref := refs.get(m.key)) is not None and ref.message == message), None)

    def _problems(self, errors: FormErrors, submitted: str | None) -> Rich:
        state = self.client.forms.get(submitted) if submitted else None
        labels = {i.name: i.label for i in state.form.inputs} if state else {}
        if state:
            state.page = state.first_page_with(set(errors.errors))
        lines = [self.text("discord.form.problems")]
        lines += [self.text("discord.form.problem", field=labels.get(name, name), problem=problem)
                  for name, problem in errors.errors.items()]
        return join(lines, "\n")

    async def _acknowledge(self) -> None:
        """Every interaction is answered: a click silently, a command with a word."""
        if not self.responded and self.updates_a_message:
            await self.interaction.response.defer()
        elif not self.spoke and not self.updates_a_message:
            await self.privately(self.text("discord.done"))
