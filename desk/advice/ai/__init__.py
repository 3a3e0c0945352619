"""First drafts from a language model, guarded by the coach: written ahead of time by a
scheduled job, shown in the draft form like the composer's suggestion, never posted by it."""
