"""The Discord client: interactions in, neutral events to the router, answers out.

It only translates. Every interaction becomes one event for `runtime.router.dispatch`, run on
a worker thread so the event loop never waits for the database; when that takes longer than
`defer_after` seconds the interaction is deferred first, so Discord's 3-second limit holds.

Nothing acknowledged is lost: the event is kept in the inbox (bot/inbox.py) under the
interaction's id before any response, and worked at once by the process that received it,
which holds it for a lease. What that process leaves unfinished (it died, or was stopped
first) is worked by inbox workers, here or in the next process, and answered late
(kept.py). A re-delivered interaction is the same row: no new work.

Intents: only `guilds` (channels, threads and roles in the cache). Slash commands, the
message menu, buttons and modals reach a bot without any intent, and the message menu gets
the message's text with the interaction, so the privileged message-content intent is not
needed: drafts are written with the "Write draft" button, not by replying in the thread.
"""
from __future__ import annotations

import asyncio
import io
import logging
import signal
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from functools import partial

import discord
from discord import app_commands

from bot.adapters.discord.answer import Answer
from bot.adapters.discord.commands import CatalogTranslator, add_commands
from bot.adapters.discord.components import CaseButton, FormButton
from bot.adapters.discord.endpoints import use_endpoints
from bot.adapters.discord.forms import ModalId, OpenForms, part_values, read_modal_id, typed
from bot.adapters.discord.inbound import PLATFORM, actor, place
from bot.adapters.discord.kept import Kept, LateAnswer
from bot.adapters.discord.posting import Poster, failure
from bot.delivery.contract import SendTable
from bot.delivery.dispatcher import Dispatcher, log_result
from bot.delivery.results import Failed
from bot.events import ButtonClick, Completion, Event, FormSubmit
from bot.inbox import Delivery, Workers
from bot.messages import (Card, File, Form, FormErrors, Home, MessageRef, Notice, Outbound, Outbox,
                          Say, ThreadPost)
from bot.runtime import Runtime
from bot.scheduler import Scheduler
from bot.adapters.discord.config import DiscordSettings

DEFER_AFTER = 2.0  # seconds of work before an interaction is deferred (Discord allows 3)
SEND_TIMEOUT = 300.0  # seconds the scheduler waits for one outbox to be delivered
CLOSE_WAIT = 10.0  # seconds a closing client lets the answers under way finish
KEEPERS = 2  # threads that only keep interactions: never queued behind the work
# An answer's posts for the team end within this share of the outbox's grace, waits for
# Discord's rate limits included (discord.py's own can outlast it): the outbox job posts what
# is left once the grace is over, so a post still waiting then would appear twice.
ANSWER_SHARE = 0.8

log = logging.getLogger(__name__)


class DeskClient(discord.Client):
    platform = PLATFORM

    def __init__(self, runtime: Runtime, *, defer_after: float = DEFER_AFTER, **options) -> None:
        super().__init__(intents=discord.Intents(guilds=True),
                         allowed_mentions=discord.AllowedMentions.none(), **options)
        self.runtime = runtime
        self.texts = runtime.texts
        self.defer_after = defer_after
        self.forms = OpenForms()
        self.poster = Poster(self, runtime.refs, self.texts, self.texts.pick(runtime.settings.language),
                             runtime.team_language)
        self.dispatcher = Dispatcher(self, texts=self.texts, language=runtime.settings.language,
                                     record=runtime.record or log_result)
        self.tree = app_commands.CommandTree(self)
        self.scheduler: Scheduler | None = None
        self._answering: set[asyncio.Task] = set()
        inbox = runtime.inbox
        self.workers = None if inbox is None else \
            Workers(inbox, PLATFORM, self.work_kept, threads=inbox.workers)
        self._held: set[int] = set()  # inbox rows this process is working on the event loop
        self._keeper = ThreadPoolExecutor(KEEPERS, thread_name_prefix="discord-keep")
        self.closing = False
        self.answer_within = runtime.settings.outbox_grace * ANSWER_SHARE

    # -- the contract's senders and failures ------------------------------------------
    def senders(self) -> SendTable:
        poster = self.poster
        return {Card: poster.card, ThreadPost: poster.thread_post, Say: poster.say,
                File: poster.file, Notice: Answer.notice, Form: Answer.form,
                FormErrors: Answer.form_errors, Home: Answer.home}

    def failure(self, error: Exception) -> Failed | None:
        return failure(error)

    # -- start and stop ------------------------------------------------------------------
    async def login(self, token: str) -> None:
        settings = self.runtime.settings.section("discord", DiscordSettings)
        use_endpoints(settings.api_base_url, settings.gateway_url)
        await super().login(token)

    async def setup_hook(self) -> None:
        self.add_dynamic_items(CaseButton, FormButton)
        add_commands(self.tree, self)
        await self.tree.set_translator(CatalogTranslator(self.texts))
        guild = self.runtime.settings.section("discord", DiscordSettings).guild_id
        if guild:  # a test server gets the commands at once; global ones take a while
            self.tree.copy_global_to(guild=discord.Object(int(guild)))
            await self.tree.sync(guild=discord.Object(int(guild)))
        else:
            await self.tree.sync()
        if self.runtime.jobs:
            loop = asyncio.get_running_loop()
            self.scheduler = Scheduler(
                self.runtime.jobs, interval=self.runtime.settings.scheduler_interval,
                send=lambda outbox: asyncio.run_coroutine_threadsafe(
                    self.send(outbox), loop).result(SEND_TIMEOUT))
            self.scheduler.start()

    async def on_ready(self) -> None:
        if self.workers is not None:
            self.workers.start()  # first what a stopped process left behind, then what comes

    async def settle(self) -> None:
        """Wait for the answers under way, so that none is cut off (and no card's place lost),
        and for the ones that come meanwhile (kept and acknowledged for the next process)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + CLOSE_WAIT
        while self._answering and loop.time() < deadline:
            await asyncio.wait(set(self._answering), timeout=deadline - loop.time())

    async def close(self) -> None:
        """Stop working new interactions (they are kept for the next process), finish what is
        under way, hand back what does not finish in time, then disconnect."""
        if not self.closing:
            self.closing = True
            if self.scheduler:
                await asyncio.to_thread(self.scheduler.stop)
            if self.workers is not None:
                await asyncio.to_thread(self.workers.stop)
            await self.settle()
            for receipt in list(self._held):
                await asyncio.to_thread(self.runtime.inbox.release, receipt)
        await super().close()
        self._keeper.shutdown(wait=False)

    # -- interactions --------------------------------------------------------------------
    def lang(self, interaction: discord.Interaction) -> str:
        return self.texts.pick(str(interaction.locale), self.runtime.settings.language)

    async def answer(self, interaction: discord.Interaction, event: Event, *,
                     opener: Event | None = None, submitted: str | None = None) -> None:
        """Keep `event` in the inbox, dispatch it and say what comes back. `opener` is the
        event that opens the form a command stands for, to reopen it when the command's values
        had problems. No response before the event is kept."""
        said = Answer(self, interaction, self.lang(interaction))
        task = asyncio.current_task()
        self._answering.add(task)
        receipt = None
        worked = False  # once the work is done, a failure to say so changed nothing back
        try:
            started = asyncio.get_running_loop().time()
            if self.runtime.inbox is not None:
                hand_back = self.closing  # to the next process, which answers it
                receipt = await asyncio.get_running_loop().run_in_executor(self._keeper, partial(
                    self.keep, interaction, event, opener, said.lang, held=not hand_back))
                if receipt is None:
                    log.info("interaction %s was delivered before: its first delivery answers it",
                             interaction.id)
                    return
                if hand_back:
                    await said.defer()
                    return
                self._held.add(receipt)
                event = replace(event, receipt=receipt)
            work = asyncio.ensure_future(asyncio.to_thread(self._prepare, event, opener))
            waited = asyncio.get_running_loop().time() - started
            done, _ = await asyncio.wait({work}, timeout=max(0.0, self.defer_after - waited))
            if not done:
                await said.defer()
            replies, refs, form = await work
            worked = True
            await self._say(said, event, replies, refs, form, submitted=submitted)
        except Exception:
            if receipt is not None:  # tried again by a worker, and answered late
                await asyncio.to_thread(self.runtime.inbox.release, receipt)
                self.workers.wake()
            if not said.spoke:  # the person hears something went wrong; the log gets the rest
                await asyncio.shield(self._sorry(said, worked))
            raise
        else:
            if receipt is not None:
                await asyncio.to_thread(self.runtime.inbox.finish, [receipt])
        finally:
            self._answering.discard(task)
            self._held.discard(receipt)

    def keep(self, interaction: discord.Interaction, event: Event, opener: Event | None,
             lang: str, *, held: bool) -> int | None:
        """Store the event under the interaction's id (`held`: worked here at once); None when
        that interaction was kept before."""
        kept = Kept.of(interaction, event, opener, lang, self.runtime.clock.now())
        return self.runtime.inbox.put(PLATFORM, str(interaction.id), type(event).__name__,
                                      kept.dump(), held=held)

    def work_kept(self, delivery: Delivery) -> None:
        """On an inbox worker: an interaction its process left unfinished, answered late."""
        kept = Kept.load(delivery.body)
        event = replace(kept.event, receipt=delivery.id)
        replies, refs, form = self._prepare(event, kept.opener)
        asyncio.run_coroutine_threadsafe(
            self._say(LateAnswer(self, kept.reply), event, replies, refs, form),
            self.loop).result(SEND_TIMEOUT)

    async def _say(self, said: Answer, event: Event, replies: list[Outbound],
                   refs: dict[str, MessageRef | None], form: Form | None, *,
                   submitted: str | None = None) -> None:
        if form is not None and isinstance(event, FormSubmit):
            submitted = self.forms.add(form, dict(event.values))
        await said.deliver(replies, refs, submitted)

    async def complete(self, interaction: discord.Interaction, event: Completion
                       ) -> list[tuple[str, str]]:
        """Values (and their labels) to offer while an option is typed, from the router."""
        choices = await asyncio.to_thread(self.runtime.router.complete, event)
        return [(c.value, c.label) for c in choices]

    def _prepare(self, event: Event, opener: Event | None
                 ) -> tuple[list[Outbound], dict[str, MessageRef | None], Form | None]:
        """On a worker thread: the answer, where its cards live, and the form to reopen."""
        replies = self.runtime.router.dispatch(event)
        refs = {m.key: self.runtime.refs.get(PLATFORM, m.key) for m in replies if isinstance(m, Card)}
        form = None
        if opener is not None and any(isinstance(m, FormErrors) for m in replies):
            form = next((m for m in self.runtime.router.dispatch(opener) if isinstance(m, Form)), None)
        return replies, refs, form

    @staticmethod
    async def _sorry(said: Answer, worked: bool) -> None:
        try:
            await said.privately(said.text("delivery.unexpected" if worked
                                           else "error.unexpected"))
        except discord.HTTPException:
            pass

    async def button_clicked(self, interaction: discord.Interaction, action: str, value: str) -> None:
        await self.answer(interaction, ButtonClick(actor(interaction), place(interaction),
                                                   raw=interaction, action=action, value=value))

    async def open_form(self, interaction: discord.Interaction, token: str) -> None:
        said = Answer(self, interaction, self.lang(interaction))
        state = self.forms.get(token)
        if state is None:
            await said.privately(said.text("discord.form.expired"))
        else:
            await said.open_form(state, token)

    async def form_part_submitted(self, interaction: discord.Interaction, token: str,
                                  values: dict[str, str]) -> None:
        """Keep a part's values; after the last part, the form goes to the router."""
        said = Answer(self, interaction, self.lang(interaction))
        state = self.forms.get(token)
        if state is None:
            await said.privately(said.text("discord.form.expired"))
            return
        state.values.update(values)
        pages = len(state.pages)
        if state.page + 1 < pages:
            state.page += 1
            label = str(said.text("discord.form.next", page=state.page + 1, pages=pages))
            await said.privately(said.text("discord.form.saved_part", page=state.page, pages=pages),
                                 discord.ui.View(timeout=None).add_item(FormButton(token, label)))
            return
        form = state.form
        await self.answer(interaction, FormSubmit(actor(interaction), place(interaction), raw=interaction,
                                                  form=form.form, values=dict(state.values),
                                                  context=form.context), submitted=token)

    async def on_interaction(self, interaction: discord.Interaction) -> None:
        """discord.py drops a modal's submission once it forgot the modal (a restart, or open
        over an hour) with only a debug line: answer ours, and keep what was typed."""
        if interaction.type is not discord.InteractionType.modal_submit:
            return
        modal = read_modal_id((interaction.data or {}).get("custom_id", ""))
        state = self.forms.get(modal.token) if modal else None
        if modal is None or (state is not None and not state.timed_out):
            return  # one of ours that discord.py still knows answers itself
        raw = typed((interaction.data or {}).get("components", []))
        if state is not None and state.page == modal.page:
            await self.form_part_submitted(interaction, modal.token, part_values(state, raw))
        elif modal.form:
            await self.answer(interaction, FormSubmit(
                actor(interaction), place(interaction), raw=interaction, form=modal.form,
                values=raw, context=modal.context))
        else:
            await self.typed_back(interaction, modal, raw)

    async def typed_back(self, interaction: discord.Interaction, modal: ModalId,
                         raw: dict[str, str]) -> None:
        """Nothing can be done with a forgotten form's part: give the person back what they
        typed (up to 4,000 characters an input, so as a file, never rendered) and what to do."""
        said = Answer(self, interaction, self.lang(interaction))
        text = "\n\n".join(f"{name}:\n{value}" for name, value in raw.items() if value.strip())
        await said.privately(said.text("forms.lost" if text else "discord.form.expired"),
                             file=discord.File(io.BytesIO(text.encode()), "form.txt")
                             if text else None)

    # -- messages the bot starts ---------------------------------------------------------
    async def send(self, outbox: Outbox) -> None:
        """Deliver what a scheduled job produced; raises when something could not be placed
        (a thread post for a card not shown here, a platform error), so that the job keeps
        the work and tries again."""
        await self.dispatcher.send_async(outbox)


class DiscordAdapter:
    """The Discord adapter of the contract (bot/delivery/contract.py): the client does the
    work, this starts and stops it."""

    platform = PLATFORM

    def __init__(self, runtime: Runtime, **options) -> None:
        self.client = DeskClient(runtime, **options)

    def senders(self) -> SendTable:
        return self.client.senders()

    def failure(self, error: Exception) -> Failed | None:
        return failure(error)

    def start(self) -> None:
        """Run until `stop()` (discord.py handles Ctrl+C and reconnects)."""
        self.client.run(self.client.runtime.settings.section("discord", DiscordSettings).token,
                        log_handler=None)

    def stop(self) -> None:
        try:
            loop = self.client.loop
        except AttributeError:  # not started
            return
        asyncio.run_coroutine_threadsafe(self.client.close(), loop)


def run(runtime: Runtime) -> None:
    """Run until SIGTERM (what a deploy sends) or Ctrl+C: then what is under way finishes or is
    handed back to the next start (`DeskClient.close`)."""
    adapter = DiscordAdapter(runtime)
    signal.signal(signal.SIGTERM, lambda *_: adapter.stop())
    adapter.start()
