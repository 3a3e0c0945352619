"""The Discord adapter (discord.py): slash commands, a message menu, persistent buttons,
modals and a thread per case. The only package that imports discord."""
from bot.adapters.discord.client import DeskClient, run

__all__ = ["DeskClient", "run"]
