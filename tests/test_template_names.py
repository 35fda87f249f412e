"""What a template reads from its context, through the templates it uses."""

from __future__ import annotations

import jinja2

from plugins.incremental.template_names import EVERYTHING, TemplateNames


def _environment(templates: dict[str, str]) -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.DictLoader(templates))


TEMPLATES = {
    "base.html": "<title>{{ SITENAME }}</title>{% block content %}{% endblock %}{{ footer_note }}",
    "macros.html": "{% macro totals(articles) %}{{ articles|length }} of {{ site_total }}{% endmacro %}",
    "article.html": (
        '{% extends "base.html" %}{% from "macros.html" import totals with context %}'
        "{% block content %}{{ article.title }} {% for tag in article.tags %}{{ tag }}{% endfor %}"
        "{{ totals(article.related) }}{% endblock %}"
    ),
    "dynamic.html": "{% extends layout %}",
}


def test_names_come_from_the_template_and_every_template_it_uses():
    environment = _environment(TEMPLATES)
    names = TemplateNames().read(environment.get_template("article.html"))
    assert {"article", "SITENAME", "footer_note", "site_total"} <= names
    # An attribute, a loop variable and a macro's parameter are not read from the context.
    assert not {"tags", "tag", "related", "articles", "title"} & names


def test_a_template_chosen_at_render_time_reads_everything():
    environment = _environment(TEMPLATES)
    assert TemplateNames().read(environment.get_template("dynamic.html")) is EVERYTHING


def test_names_are_kept_by_the_template_s_text_and_worked_out_again_when_it_changes():
    names = TemplateNames()
    names.read(_environment(TEMPLATES).get_template("article.html"))
    kept = TemplateNames(names.known)
    changed = dict(TEMPLATES, **{"base.html": "{{ new_name }}{% block content %}{% endblock %}"})
    found = kept.read(_environment(changed).get_template("article.html"))
    assert "new_name" in found and "footer_note" not in found
    assert kept.known["article.html"] == names.known["article.html"]  # its own text is unchanged
