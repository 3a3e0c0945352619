"""The adapter contract: what every platform delivers and reports back, and the one
dispatcher that delivers through it (see docs/adapters.md)."""
