"""The HTTP API behind `eventwire serve` (FastAPI): events, their evidence, statistics, coding and ingest."""
from .app import ApiError, ApiLimits, create_app

__all__ = ["ApiError", "ApiLimits", "create_app"]
