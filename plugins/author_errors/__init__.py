from .author_errors import *  # noqa: F403
