from .moved_posts import *  # noqa: F403
