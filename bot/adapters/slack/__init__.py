"""The Slack adapter: slack-bolt in Socket Mode or over HTTP, Block Kit out.

It only translates: Slack payloads become neutral events for the router, and the neutral
messages that come back become Block Kit, modals, ephemeral messages and thread posts.
"""
