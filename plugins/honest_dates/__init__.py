from .honest_dates import *  # noqa: F403
