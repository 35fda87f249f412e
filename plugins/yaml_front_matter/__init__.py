from .yaml_front_matter import *  # noqa: F403
