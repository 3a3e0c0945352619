"""Every command, shortcut, button and form the desk answers, registered once for all platforms
under the names `desk.catalogue` describes."""
from __future__ import annotations

from bot.events import Event
from bot.router import Router
from bot.text import Rich
from desk.cases import claim, draft, followup, forward, lesson, show, vote
from desk.reminders import remind
from desk.reporting import report
from desk.sources import post
from desk.catalogue import CATALOGUE, REVIEW, Completions, Forms, Shortcuts, Sub
from desk.team import commands, home, review, templates
from desk.turn import Desk, handle, team_language


def build_router(desk: Desk) -> Router[Desk]:
    def translate(event: Event, key: str, values: dict) -> Rich:
        """For errors no handler could answer: the person's locale, else the team's language."""
        lang = desk.texts.pick(event.actor.locale, team_language(desk, event),
                               desk.team_defaults.get("language"))
        return desk.texts.text(lang, key, **values)

    router: Router[Desk] = Router(desk, translate, CATALOGUE)
    router.command(REVIEW, handle(review.review_command(CATALOGUE.command(REVIEW), {
        Sub.HELP: review.show_help,
        Sub.LIST: commands.list_cases,
        Sub.SETUP: commands.setup,
        Sub.REMIND: remind.remind_command,
        Sub.REPORT: report.report_command,
        Sub.TEMPLATES: templates.command,
    })))
    router.completion(Completions.OPEN_CASES, handle(review.case_choices))
    router.shortcut(Shortcuts.FORWARD_MESSAGE, handle(forward.from_shortcut))
    router.form(Forms.FORWARD, handle(forward.from_form), check=forward.form_problems)
    router.form(Forms.SETUP, handle(commands.setup_submitted))
    router.form(Forms.TEMPLATES, handle(templates.submitted))

    router.action("vote_respond", handle(vote.vote_respond))
    router.action("vote_ignore", handle(vote.vote_ignore))
    router.form(Forms.IGNORE, handle(vote.ignore_submitted), check=vote.ignore_problems)
    router.action("override", handle(vote.override))
    router.form(Forms.OVERRIDE, handle(vote.override_submitted),
                check=vote.override_problems)
    router.action("reopen", handle(vote.reopen))
    router.action(show.ACTION, handle(show.show))

    router.action("claim", handle(claim.claim))
    router.action("release", handle(claim.release))
    router.action("hand_over", handle(claim.hand_over))
    router.form(Forms.HAND_OVER, handle(claim.hand_over_submitted),
                check=claim.hand_over_problems)

    router.action("draft", handle(draft.write))
    router.action("holding", handle(draft.write_holding))
    router.form(Forms.DRAFT, handle(draft.submitted))
    router.action("posted", handle(draft.mark_posted))
    router.form(Forms.POSTED, handle(draft.posted_submitted))
    router.action("post_site", handle(post.ask))
    router.form(Forms.POST_SITE, post.submitted)
    router.thread_reply(handle(draft.from_thread))
    router.home(handle(home.show))

    router.action("followup", handle(followup.log_followup))
    router.form(Forms.FOLLOWUP, handle(followup.followup_submitted),
                check=followup.followup_problems)
    router.action("close", handle(followup.close))
    router.form(Forms.CLOSE, handle(followup.close_submitted), check=followup.close_problems)
    router.action(lesson.ACTION, handle(lesson.ask))
    router.form(Forms.LESSON, handle(lesson.submitted), check=lesson.problems_of)

    router.action("remind_me", handle(remind.remind_me))
    router.form(Forms.REMIND, handle(remind.remind_submitted))
    for action in remind.REACTION_ACTIONS:
        router.action(action, handle(remind.reaction))
    return router
