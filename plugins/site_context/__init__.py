from .site_context import *  # noqa: F403
