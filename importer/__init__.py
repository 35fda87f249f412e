"""Turn the blog's legacy text dumps into Markdown posts with YAML front matter.

The steps, one module each, in the order they run: ``normalise`` (bytes to
lines), ``chrome`` (drop page furniture), ``segment`` (find the posts),
``extract`` with ``metadata`` (titles, dates, authors, tags, comment counts),
``body`` with ``escape`` (Markdown that shows the text as it reads),
``chronology`` (dates for undated posts), ``naming`` (tags and slugs) and
``render`` (the file). ``pipeline`` runs them; ``cli`` is the command line.
"""
