from .incremental import *  # noqa: F403
