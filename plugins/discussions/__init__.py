from .discussions import *  # noqa: F403
