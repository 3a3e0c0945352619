"""What the router answered to one interaction, said on Discord.

Discord takes one response per interaction, within 3 seconds: a modal, an update of the
clicked card, or an ephemeral message. Whatever comes after is a follow-up (ephemeral, for
the person) or a post in a channel or thread (for the team).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

import discord

from bot.adapters.discord.components import FormButton, card_view
from bot.adapters.discord.forms import FormModal, OpenForm
from bot.adapters.discord.markdown import MESSAGE_LIMIT, allowed, clip, render
from bot.delivery.contract import PERSONAL
from bot.messages import Card, Form, FormErrors, Home, MessageRef, Notice, Outbound, ThreadPost
from bot.text import Rich, Strong, join

if TYPE_CHECKING:
    from bot.adapters.discord.client import DeskClient

UPDATES_A_MESSAGE = (discord.InteractionType.component, discord.InteractionType.modal_submit)


class Answer:
    def __init__(self, client: "DeskClient", interaction: discord.Interaction | None,
                 lang: str, guild_id: int | None = None) -> None:
        self.client, self.interaction, self.lang = client, interaction, lang
        self.guild_id = interaction.guild_id if interaction else guild_id
        self.spoke = False
        self.refs: dict[str, MessageRef | None] = {}  # where the answer's cards live
        self.submitted: str | None = None  # the token of the form this answers
        self.clicked: Card | None = None
        self.buttoned: list[Form] = []  # forms opened by a button, not as the response
        self.carrier: Outbound | None = None  # what is said last before them: has their buttons
        self.forms_shown = False
        self.posted: list[tuple[Outbound, MessageRef]] = []  # cards and thread posts it made

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

    async def privately(self, text: Rich, view: discord.ui.View | None = None, *,
                        file: discord.File | None = None) -> None:
        """An ephemeral message: the response when none was given yet, else a follow-up."""
        content = clip(render(text), MESSAGE_LIMIT)
        extra: dict = {"view": view} if view is not None else {}
        if file is not None:
            extra["file"] = file
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

    def in_order(self, replies: Sequence[Outbound]) -> list[Outbound]:
        """The one response first: a form's modal when the form is all the person is told,
        else the update of the clicked card; then what is said to the person, forms last (a
        form that cannot be the response is opened by a button under the last thing said);
        then the rest."""
        personal = [m for m in replies if isinstance(m, PERSONAL)]
        modal = personal if len(personal) == 1 and isinstance(personal[0], Form) else []
        self.clicked = self._clicked_card(replies)
        said = sorted((m for m in personal if m not in modal), key=lambda m: isinstance(m, Form))
        self.buttoned = [m for m in said if isinstance(m, Form)]
        self.carrier = next((m for m in reversed(said) if isinstance(m, (Notice, FormErrors))), None)
        rest = [m for m in replies if m is not self.clicked and not isinstance(m, PERSONAL)]
        return [*modal, *([self.clicked] if self.clicked else []), *said, *rest]

    async def deliver(self, replies: Sequence[Outbound], refs: dict[str, MessageRef | None],
                      submitted: str | None = None) -> None:
        """Say everything in `replies`; `submitted` is the token of the form they answer."""
        self.refs, self.submitted = refs, submitted
        await self.client.dispatcher.deliver_async(self.in_order(replies), self, locale=self.lang,
                                                   within=self.client.answer_within)
        await self._acknowledge()
        if submitted and not any(isinstance(m, FormErrors) for m in replies):
            self.client.forms.drop(submitted)

    async def update_clicked(self, card: Card) -> bool:
        """Update the clicked card as the response (unless a newer one was shown); False when
        this is not the clicked card or the response was given already."""
        if card is not self.clicked or self.responded:
            return False
        if self.client.poster.versions.current(card):
            poster = self.client.poster
            shown, _ = poster.render_card(card, await poster.lang_of(card.channel))
            await self.interaction.response.edit_message(**shown)
        return True

    # -- the senders of what is said to the person (`said` is this answer) ----------------
    @staticmethod
    async def notice(notice: Notice, said: "Answer") -> None:
        await said.privately(notice.text, said._buttons_under(notice))
        said.forms_shown |= notice is said.carrier

    @staticmethod
    async def form_errors(errors: FormErrors, said: "Answer") -> None:
        view = said._buttons_under(errors)
        if said.submitted and said.client.forms.get(said.submitted):
            view = view or discord.ui.View(timeout=None)
            view.add_item(FormButton(said.submitted, str(said.text("discord.form.fix"))))
        await said.privately(said._problems(errors, said.submitted), view)
        said.forms_shown |= errors is said.carrier

    @staticmethod
    async def form(form: Form, said: "Answer") -> None:
        if said.forms_shown:
            return  # its button is under what was said before it
        token = said.client.forms.add(form)
        if said.can_open_modal:
            await said.open_form(said.client.forms.get(token), token)
        else:
            label = str(said.text("discord.form.open"))
            await said.privately(said.text("discord.form.open"),
                                 discord.ui.View(timeout=None).add_item(FormButton(token, label)))

    def _buttons_under(self, message: Outbound) -> discord.ui.View | None:
        """The buttons that open this answer's forms, under the last thing said before them
        (the forms count as shown once that message is sent)."""
        if message is not self.carrier or not self.buttoned:
            return None
        view = discord.ui.View(timeout=None)
        label = str(self.text("discord.form.open"))
        for form in self.buttoned:
            view.add_item(FormButton(self.client.forms.add(form), label))
        return view

    @staticmethod
    async def home(home: Home, said: "Answer") -> None:
        """Discord has no home page: the overview is said privately, its buttons under it."""
        lines: list[Rich] = []
        for section in home.sections:
            lines.append(Rich([Strong(str(section.title))]))
            lines += [line.text for line in section.lines] or ([section.empty] if section.empty else [])
        buttons = [line.button for section in home.sections for line in section.lines if line.button]
        await said.privately(join(lines, "\n"), card_view(buttons) if buttons else None)

    def _clicked_card(self, replies: Sequence[Outbound]) -> Card | None:
        """The card shown by the message whose button was clicked, if the answer has it."""
        if not self.updates_a_message:
            return None
        message = str(self.interaction.message.id)
        return next((m for m in replies if isinstance(m, Card)
                     and (ref := self.refs.get(m.key)) is not None and ref.message == message), None)

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
            await self.privately(self.confirmation())

    def confirmation(self) -> Rich:
        """What happened, with a link to where the team sees it; "Done." only when the
        answer posted nothing."""
        base = f"https://discord.com/channels/{self.guild_id}"
        for message, ref in reversed(self.posted):
            if isinstance(message, ThreadPost) and ref.thread:
                what = clip(str(message.text).strip().splitlines()[0], 300)
                return self.text("discord.done_thread", what=what, link=f"{base}/{ref.thread}")
            if isinstance(message, Card):
                return self.text("discord.done_card", number=message.number or "?",
                                 link=f"{base}/{ref.channel}/{ref.message}")
        return self.text("discord.done")
