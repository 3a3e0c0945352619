"""Every command, shortcut, button and form the desk answers, registered once for all platforms."""
from __future__ import annotations

from bot.events import Event
from bot.router import Router
from bot.text import Rich
from desk.cases import claim, draft, followup, forward, lesson, vote
from desk.reminders import remind
from desk.reporting import report
from desk.team import commands, home, templates
from desk.turn import Desk, handle, team_language

COMMAND = "review"
SHORTCUT_FORWARD = "forward_message"


def build_router(desk: Desk) -> Router[Desk]:
    def translate(event: Event, key: str, values: dict) -> Rich:
        """For errors no handler could answer: the person's locale, else the team's language."""
        lang = desk.texts.pick(event.actor.locale, team_language(desk, event),
                               desk.team_defaults.get("language"))
        return desk.texts.text(lang, key, **values)

    router: Router[Desk] = Router(desk, translate)
    subcommands = {
        "help": commands.Subcommand(commands.show_help),
        "list": commands.Subcommand(commands.list_cases),
        "setup": commands.Subcommand(commands.setup),
        "remind": commands.Subcommand(remind.remind_command, remind.REMIND_ARGS),
        "report": commands.Subcommand(report.report_command, report.PERIOD_ARGS),
        "templates": commands.Subcommand(templates.command),
    }
    router.command(COMMAND, handle(commands.review_command(subcommands)))
    router.shortcut(SHORTCUT_FORWARD, handle(forward.from_shortcut))
    router.form(forward.FORM, handle(forward.from_form))
    router.form(commands.SETUP_FORM, handle(commands.setup_submitted))
    router.form(templates.FORM, handle(templates.submitted))

    router.action("vote_respond", handle(vote.vote_respond))
    router.action("vote_ignore", handle(vote.vote_ignore))
    router.form(vote.IGNORE_FORM, handle(vote.ignore_submitted))
    router.action("override", handle(vote.override))
    router.form(vote.OVERRIDE_FORM, handle(vote.override_submitted))
    router.action("reopen", handle(vote.reopen))

    router.action("claim", handle(claim.claim))
    router.action("release", handle(claim.release))
    router.action("hand_over", handle(claim.hand_over))
    router.form(claim.HANDOVER_FORM, handle(claim.hand_over_submitted))

    router.action("draft", handle(draft.write))
    router.action("holding", handle(draft.write_holding))
    router.form(draft.DRAFT_FORM, handle(draft.submitted))
    router.action("posted", handle(draft.mark_posted))
    router.form(draft.POSTED_FORM, handle(draft.posted_submitted))
    router.thread_reply(handle(draft.from_thread))
    router.home(handle(home.show))

    router.action("followup", handle(followup.log_followup))
    router.form(followup.FOLLOWUP_FORM, handle(followup.followup_submitted))
    router.action("close", handle(followup.close))
    router.form(followup.CLOSE_FORM, handle(followup.close_submitted))
    router.action(lesson.ACTION, handle(lesson.ask))
    router.form(lesson.LESSON_FORM, handle(lesson.submitted))

    router.action("remind_me", handle(remind.remind_me))
    router.form(remind.REMIND_FORM, handle(remind.remind_submitted))
    for action in remind.REACTION_ACTIONS:
        router.action(action, handle(remind.reaction))
    return router
