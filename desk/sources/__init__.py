"""Review sites the team connects: what the desk needs of one (`contract`), and the sync and
post-back flows built on it."""
