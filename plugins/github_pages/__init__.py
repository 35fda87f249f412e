from .github_pages import *  # noqa: F403
