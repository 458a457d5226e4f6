"""Runners map `Pipeline.process_batch` over inputs: `local` (a process pool) writes to the store."""
