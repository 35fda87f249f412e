from .admin import *  # noqa: F403
