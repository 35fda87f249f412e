from .safe_sources import *  # noqa: F403
