"""The event coder: lexicons, syntax view, modality, and the coder itself."""
