from .safe_html import *  # noqa: F403
