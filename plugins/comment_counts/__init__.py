from .comment_counts import *  # noqa: F403
