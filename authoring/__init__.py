"""Tools for the blog's authors: a new post, and a check that finds every problem at once.

``frontmatter`` reads a post with line numbers, ``checks`` applies the content
rules, ``privacy`` is the safeguarding scan, ``sitecheck`` serves a built site
on loopback and crawls it, ``newpost`` writes a new post, ``cli`` runs them.
"""
