"""The Discord adapter (discord.py): slash commands, a message menu, persistent buttons,
modals and a thread per case. The only package that imports discord (in `client` and the
modules it uses; `config` stays free of it, so reading settings does not load discord.py)."""
