"""The safeguarding scan: what it finds, what it leaves alone, and how it is measured.

Every name, number and place in these sentences is invented.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from authoring.checks import check_content
from authoring.frontmatter import read_post
from authoring.privacy import fingerprint, scan, scan_hits
from authoring.privacy.people import nlp
from authoring.privacy.public import PUBLIC_FILE, public_list
from authoring.privacy.review import ScanCache, problems, unpublished_keys
from authoring.privacy.score import load_corpus, score
from authoring.problems import Severity

CORPORA = Path(__file__).parent / "privacy_corpus"


def kinds(text: str) -> list[str]:
    return [f.kind for f in scan(text)]


def test_own_corpus_meets_the_goal():
    result = score(load_corpus(CORPORA / "own"))
    assert result.risky >= 100 and result.safe >= 100
    missed = [c.text for c in result.misses]
    alarms = [c.text for c, _ in result.false_alarms]
    assert result.recall >= 0.95, missed
    assert result.false_alarm_rate <= 0.05, alarms


def test_own_corpus_has_a_third_of_its_risky_cases_without_digits():
    risky = [c for c in load_corpus(CORPORA / "own") if c.label == "risky"]
    assert sum(1 for c in risky if not any(ch.isdigit() for ch in c.text)) * 3 >= len(risky)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Her mobile is 07700 900315.", "phone number"),
        ("Call 07700.900.316 after tea.", "phone number"),
        ("Nan's number is +44 1632 960 482.", "phone number"),
        ("The letter had NHS 401 023 2137 on it.", "NHS number"),
        ("Reference 4010232137 was written in pen.", "NHS number"),
        ("His NI number: JK 48 12 97 B.", "National Insurance number"),
        ("They live near ls6 2qt these days.", "UK postcode"),
        ("She is somewhere in the HX3 area.", "UK postcode"),
        ("Dad drives a van, reg NX68 PLU.", "vehicle registration"),
        ("He is @tazzer_2011 on everything.", "social media handle"),
        ("Her Snapchat name is mollzz.x and she posts daily.", "social media handle"),
        ("Write to kev dot brindle at gmail dot com.", "email address"),
        ("Mail janine.oduya@example.net today.", "email address"),
        ("The visit was at 47 Quarry Bank Road.", "street address"),
        ("It went on the system as ref EH-2022-3318.", "case or reference number"),
        ("Her Mosaic number is 5512093.", "case or reference number"),
        ("Date of birth: 2012-05-17.", "date of birth"),
        ("She was born on the 3rd of August 2014.", "date of birth"),
        ("D.O.B. 09.11.19", "date of birth"),
        ("Ayden's birthday is on 4 July and he'll be six.", "date of birth"),
    ],
)
def test_identifiers_and_dates_in_their_many_forms(text, kind):
    assert kind in kinds(text)


@pytest.mark.parametrize(
    "text",
    [
        "Our carer Wendy Albright in Pocklington has the boys.",
        "Riley is eight and loves trains.",
        "Jodie, then only five, was placed with her aunt.",
        "My colleague Imran Sadiq was dismissed after the hearing.",
        "Pictured: Keeley at the summer fair.",
        "The Year 2 girl at Fernbank Primary who was found wandering the ring road is safe.",
        "The only boy with Batten disease in Little Marsby is in hospital again.",
        "His mum works at the Co-op in Holmbridge and cannot do daytime meetings.",
        "I sat with the Okonjo\nfamily's solicitor before the hearing.",
    ],
)
def test_people_and_context_without_digits(text):
    assert scan(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Childline is on 0800 1111, day and night.",
        "Victoria Climbié, aged 8, died in 2000.",
        "Siblings aged 5 and 7 are often split up.",
        "Scotland, aged 16 is when many rights begin.",
        "A child I will call B, aged 9, is a composite of several children.",
        "Spending in NI 2022/23 fell again.",
        "Eileen Munro argued that children need relationships, not forms.",
        "Care leavers aged 18 to 25 keep a personal adviser.",
    ],
)
def test_what_is_public_or_general_stays_quiet(text):
    assert scan(text) == [], text


def test_a_composite_marker_quiets_only_its_own_paragraph():
    composite = "A boy I will call Leo, aged 10, is a composite of several boys."
    real = "Tiana, aged 6, moved to her nan's."
    assert scan(composite) == []
    found = scan(composite + "\n\n" + real)
    assert [f.text for f in found] == ["Tiana, aged 6"]
    assert found[0].line == 3


def test_a_phrase_wrapped_across_lines_is_found_on_its_first_line():
    text = "First line.\nHer date of\nbirth is 14/02/2013; ring her mum on 07700\n900461 after tea."
    found = scan(text, first_line=20)
    assert [(f.kind, f.text, f.line) for f in found] == [
        ("date of birth", "14/02/2013", 22),
        ("phone number", "07700 900461", 22),
    ]


def test_the_model_comes_from_the_installed_package():
    meta = nlp().meta
    assert meta["lang"] == "en" and meta["version"] == "3.8.0" and "ner" in nlp().pipe_names


POST = """---
title: "{title}"
date: 2020-01-02T12:00:00+00:00
summary: "{summary}"
author: "Sam Jones"
category: "Practice"
tags: ["fostering", "{tag}"]
slug: "{slug}"
{extra}legacy_comments:
  - author: "Ann"
    date: 2012-03-04
    text: "{comment}"
---

Some text.
{body}"""


def _post(tmp_path: Path, name: str = "p.md", **fields) -> Path:
    values = {"title": "A day", "summary": "A day at work", "tag": "courts", "slug": "a-day", "extra": ""}
    values |= {"comment": "Lovely post.", "body": ""} | fields
    path = tmp_path / "content" / "posts" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(POST.format(**values), encoding="utf-8")
    return path


def _problems(path: Path) -> list:
    return problems(read_post(path), ScanCache(None))


def test_front_matter_is_scanned_and_reported_on_its_keys_line(tmp_path):
    path = _post(
        tmp_path,
        tag="jamie-thompson-aged-7",
        title="Tyrese, aged 9, and the judge",
        summary="Call 07700 900871",
        comment="I am her mum, ring 07700 900872",
    )
    found = {(p.line, p.message.split(":")[0].split(" in the ")[-1]) for p in _problems(path)}
    assert found == {(2, "title"), (4, "summary"), (7, "tags"), (9, "legacy comments")}


def test_each_finding_is_acknowledged_by_its_own_fingerprint(tmp_path):
    path = _post(tmp_path, body="Kerys, aged 8, was placed with her gran.\n")
    [warning] = _problems(path)
    assert warning.severity is Severity.WARNING and warning.line == 16
    assert "a name followed by an age" in warning.message
    print_ = fingerprint("first name next to an age", "Kerys, aged 8")
    assert f"[{print_}]" in warning.message and f'privacy_reviewed: ["{print_}"]' in warning.fix

    _post(
        tmp_path, body="Kerys, aged 8, was placed with her gran.\n", extra=f'privacy_reviewed: ["{print_}"]\n'
    )
    [note] = _problems(path)
    assert note.severity is Severity.NOTE

    # Something added after the review is a warning again; the reviewed finding stays a note.
    body = "Kerys, aged 8, was placed with her gran.\nHer DOB is 02/03/2012 and mum is on 07700 900123.\n"
    _post(tmp_path, body=body, extra=f'privacy_reviewed: ["{print_}"]\n')
    severities = sorted(p.severity.value for p in _problems(path))
    assert severities == ["note", "warning", "warning"]


JAMIE = fingerprint("first name next to an age", "Jamie, aged 7")


def _severities(path: Path) -> list[tuple[int, str, str]]:
    return [(p.line, p.severity.value, p.message.rsplit("[", 1)[1].rstrip("]")) for p in _problems(path)]


def test_an_acknowledgement_covers_one_copy_of_a_finding_not_the_copies_added_later(tmp_path):
    first = "I met Jamie, aged 7, at the contact centre on Tuesday.\n"
    reviewed = f'privacy_reviewed: ["{JAMIE}"]\n'
    path = _post(tmp_path, body=first, extra=reviewed)
    # The first copy keeps the fingerprint it always had.
    assert _severities(path) == [(17, "note", JAMIE)]

    _post(tmp_path, body=first + "\nLater, Jamie, aged 7, came back.\n", extra=reviewed)
    [note, warning] = _severities(path)
    assert note == (17, "note", JAMIE)
    assert warning[:2] == (19, "warning") and warning[2] != JAMIE
    later = warning[2]

    # Once that copy is checked too, both are notes.
    both = f'privacy_reviewed: ["{JAMIE}", "{later}"]\n'
    _post(tmp_path, body=first + "\nLater, Jamie, aged 7, came back.\n", extra=both)
    assert [s for _, s, _ in _severities(path)] == ["note", "note"]

    # A copy added between them is new: a warning. The copy checked before keeps
    # its own acknowledgement rather than handing it to the newcomer.
    body = first + "\nThen Jamie, aged 7, rang.\n\nLater, Jamie, aged 7, came back.\n"
    _post(tmp_path, body=body, extra=both)
    assert [(line, s) for line, s, _ in _severities(path)] == [(17, "note"), (19, "warning"), (21, "note")]

    # Removing a checked copy does not pass its acknowledgement to an unchecked one.
    body = first + "\nThen Jamie, aged 7, rang.\n"
    _post(tmp_path, body=body, extra=both)
    assert [(line, s) for line, s, _ in _severities(path)] == [(17, "note"), (19, "warning")]


def test_two_copies_on_one_line_are_two_findings_with_two_fingerprints(tmp_path):
    body = "Jamie, aged 7, said hello; Jamie, aged 7, said goodbye.\n"
    path = _post(tmp_path, body=body, extra=f'privacy_reviewed: ["{JAMIE}"]\n')
    [(_, first, one), (_, second, two)] = _severities(path)
    assert (first, second) == ("note", "warning") and one == JAMIE and two != JAMIE


def test_the_same_finding_in_the_title_and_the_body_is_two_copies(tmp_path):
    path = _post(tmp_path, title="Jamie, aged 7, at court", body="Jamie, aged 7, at court.\n")
    [(title_line, _, in_title), (body_line, _, in_body)] = _severities(path)
    # The first in the file (the title) keeps the plain fingerprint.
    assert (title_line, in_title) == (2, JAMIE) and body_line == 16 and in_body != JAMIE


PUBLISHED = """---
title: "A repost"
date: 2020-01-02T12:00:00+00:00
source: "Call 0113 496 0000 for the details"
source_title: "Kayden, aged 9, at St Anne's"
date_evidence: "born 03/04/2014"
suggested_tags: ["courts", "jamie-thompson-aged-7"]
subtitle: "Mum is on 07700 900872"
author: "Kerys, aged 8"
category: "Call 07700 900873"
legacy_comments:
  - author: "Ann, aged 6"
    text: "Fine."
---

Nothing here.
"""


def test_every_front_matter_text_the_site_publishes_is_scanned_on_its_keys_line(tmp_path):
    path = tmp_path / "content" / "posts" / "p.md"
    path.parent.mkdir(parents=True)
    path.write_text(PUBLISHED, encoding="utf-8")
    found = {(p.line, p.message.split(":")[0].split(" in the ")[-1]) for p in _problems(path)}
    assert found == {
        (4, "source"),
        (5, "source title"),
        (6, "date evidence"),
        (7, "suggested tags"),
        # A key the front-matter description does not know still reaches the templates.
        (8, "subtitle"),
        (9, "author"),
        (10, "category"),
        (11, "legacy comments"),
    }


def test_the_keys_left_unscanned_are_read_from_the_front_matter_description():
    skipped = unpublished_keys()
    # Dates, switches, choices and the importer's own records the theme never reads.
    assert {"date", "modified", "status", "discussion", "privacy_reviewed", "imported_from"} <= skipped
    # Shown by the theme (the page, the feeds, the JSON-LD) or read by a plugin.
    published = {"title", "summary", "tags", "suggested_tags", "slug", "author", "category"}
    assert not (published | {"source", "source_title", "date_evidence", "legacy_comments"}) & skipped


def test_privacy_reviewed_true_no_longer_silences_a_post(tmp_path):
    path = _post(
        tmp_path, body="Kerys, aged 8, was placed with her gran.\n", extra="privacy_reviewed: true\n"
    )
    [warning] = _problems(path)
    assert warning.severity is Severity.WARNING
    assert "privacy_reviewed: true no longer covers every finding" in warning.fix


def test_the_check_rescans_only_what_changed(tmp_path):
    one = _post(tmp_path, "one.md", slug="one", body="Kerys, aged 8, was placed with her gran.\n")
    _post(tmp_path, "two.md", slug="two", body="Nothing to see.\n")
    content = tmp_path / "content"

    def found() -> list[str]:
        return [p.message for p in check_content(content) if p.message.startswith("possible")]

    assert len(found()) == 1
    cache_file = tmp_path / "cache" / "privacy-scan.json"
    data = json.loads(cache_file.read_text(encoding="utf-8"))
    # The stored result is what a second check reports: it was not scanned again.
    for key, entries in data["entries"].items():
        if entries:
            data["entries"][key] = [[1, "phone number", "stored result", "from the cache"]]
    cache_file.write_text(json.dumps(data), encoding="utf-8")
    assert ["stored result" in m for m in found()] == [True]
    # A changed post is scanned afresh.
    one.write_text(one.read_text(encoding="utf-8").replace("Kerys", "Kiera"), encoding="utf-8")
    assert ["Kiera, aged 8" in m for m in found()] == [True]


def test_an_editor_extends_the_public_list_without_touching_code(tmp_path):
    text = "Ring Marcus Bellweather on 01632 960555 about his son, aged 9."
    listed = tmp_path / "public.yaml"
    listed.write_text(PUBLIC_FILE.read_text(encoding="utf-8"), encoding="utf-8")
    before = {h.kind for h in scan_hits(text, public_list(listed))}
    assert {"phone number", "name with identifying context"} <= before
    data = yaml.safe_load(listed.read_text(encoding="utf-8"))
    data["helplines"].append("01632 960555")
    data["public_figures"].append("Marcus Bellweather")
    listed.write_text(yaml.safe_dump(data), encoding="utf-8")
    public_list.cache_clear()
    assert scan_hits(text, public_list(listed)) == []


@pytest.mark.parametrize(
    "text",
    [
        "The night Brandon set the skip alight behind Upperthorpe Methodist Church, the carers rang me.",
        "Maisie ran off from the Thornleigh respite unit three times before Easter.",
        "Kacey threw a brick through the window of the Ravenswood Co-op.",
        "Nobody at Kelbrook swimming baths has forgotten the day Aurora locked herself in the plant room.",
    ],
)
def test_a_first_name_with_a_one_off_act_in_a_local_place_is_found(text):
    assert "name with identifying context" in kinds(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Bronwen from the edge of care team has been off since March; occupational health want to see her.",
        "Our practice manager Tariq is back on a phased return after his burnout.",
        "Yusuf in the locality team has a capability meeting with HR on Friday.",
        "Carys on the duty team has been absent for three weeks with the menopause.",
    ],
)
def test_a_named_colleague_with_a_team_and_an_absence_or_process_is_found(text):
    assert "name with identifying context" in kinds(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Practice changed for ever after the papers called him Baby P.",
        "A whole generation of us trained in the shadow of the boy known as Baby Peter.",
        "The girl known as Child Q was searched at school, and the review was published in 2022.",
        "The review of the death of the infant known as Baby T set out what every agency missed.",
        "Reading about the children referred to as Family A, I thought of every chronology I have written.",
        "Child S, 14, was groomed for two years before anyone listened.",
    ],
)
def test_a_public_case_alias_is_not_a_nickname(text):
    assert scan(text) == [], text


def test_an_editor_lists_a_public_case_alias_with_its_case(tmp_path):
    text = "Everyone in practice then remembered the little girl known as Bonnie."
    listed = tmp_path / "public.yaml"
    listed.write_text(PUBLIC_FILE.read_text(encoding="utf-8"), encoding="utf-8")
    assert scan_hits(text, public_list(listed))
    data = yaml.safe_load(listed.read_text(encoding="utf-8"))
    data["public_case_aliases"]["Bonnie"] = "Bonita Marsh"
    listed.write_text(yaml.safe_dump(data), encoding="utf-8")
    public_list.cache_clear()
    assert scan_hits(text, public_list(listed)) == []


@pytest.mark.parametrize(
    "marker",
    [
        "Names and details have been changed and merged.",
        "She is not one child but three, stitched together.",
        "This is a composite drawn from several families.",
        "Think of her as an amalgam.",
        "Some details have been altered to protect the family.",
        "Jess is not her real name.",
        "I have changed all the names.",
        "Every detail here is invented.",
        "These are not real children.",
        "She is a mix of several girls I have known.",
    ],
)
def test_a_composite_marker_in_other_words_quiets_only_its_own_paragraph(marker):
    child = "Jess, aged 11, was excluded from her school in Year 7."
    assert scan(child)
    assert scan(marker + " " + child) == []
    found = scan(marker + " " + child + "\n\nTiana, aged 6, moved to her nan's.")
    assert [f.text for f in found] == ["Tiana, aged 6"]


@pytest.mark.parametrize(
    "text",
    [
        "Her contact details have changed since the hearing, and Kelsey, aged 9, is with her dad.",
        "Kelsey, aged 9, was put together with her brother in one placement.",
    ],
)
def test_a_change_that_is_not_a_disguise_marks_nothing_composite(text):
    assert kinds(text), text


@pytest.mark.parametrize(
    "text",
    [
        "The training day is at Barnardo's offices at 14 Lanyard Square.",
        "The hearing was listed at the family court at 3 Quayside Row.",
        "Drop the forms at the charity's headquarters at 12 High Street.",
        "The council moved its fostering service to 40 Ledger Lane last spring.",
        "The Kinship Carers Network, whose office is at 9 Tannery Walk, runs the group.",
        "The academy trust runs the school at 5 Millbrook Road.",
    ],
)
def test_an_organisations_address_is_public(text):
    assert scan(text) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "The trust runs the children's home at 8 Linden Grove where she lives now.",
        "The charity found her a refuge room at 7 Laurel Close.",
        "The council moved the family to 22 Brook Street last spring.",
        "The school posted the letter to his mum at 31 Orchard Way.",
    ],
)
def test_where_a_child_or_family_lives_is_never_an_organisations_address(text):
    assert "street address" in kinds(text), text


def test_the_patterns_corpus_is_found_without_false_alarms():
    result = score(load_corpus(CORPORA / "patterns3"))
    assert result.risky >= 64 and result.safe >= 64
    assert result.recall >= 0.95, [c.text for c in result.misses]
    assert result.false_alarms == [], [c.text for c, _ in result.false_alarms]


def test_the_third_unseen_corpus_keeps_what_tuning_reached():
    result = score(load_corpus(CORPORA / "unseen3"))
    assert result.risky >= 60 and result.safe >= 60
    assert result.recall >= 0.85, [c.text for c in result.misses]
    assert len(result.false_alarms) <= 4, [c.text for c, _ in result.false_alarms]


@pytest.mark.parametrize(
    "text",
    [
        "His UPN, K823456711042, followed him to his third school in a year.",
        "The Home Office reference on his age-assessment letter is S1148823.",
    ],
)
def test_a_lettered_reference_number_is_found(text):
    assert "case or reference number" in kinds(text), text


@pytest.mark.parametrize(
    "text",
    [
        "The only male fostering assessor in Redcar was taken off his cases while the police look into it.",
        "Our one Welsh-speaking family support worker in the Ammanford office is off sick with stress again.",
    ],
)
def test_the_only_one_in_a_place_to_hold_a_job_is_found(text):
    assert "identifying details together" in kinds(text), text


@pytest.mark.parametrize(
    ("corpus", "risky", "safe"),
    [
        # Names in lower case, usernames without an @.
        ("patterns6", 10, 8),
        # An initial with an age, a parent, a flat, a word used as a name, a colleague, a business.
        ("patterns7", 6, 6),
        # A house number, a foster child's school, one hearing's order, a spokesperson.
        ("patterns8", 6, 7),
        # A fight at a named place, a double-barrelled family, a crash, a rare condition in a
        # small place, a relative's case in the local paper, a child on a ward.
        ("patterns9", 7, 7),
        # A lower-case name after a word for the child, a specialty, a one-of-a-kind role, a uniform.
        ("patterns10", 5, 5),
        # Hurried ages, a letter for a child, the one parent with a job in a town, a floor of a
        # block, siblings placed from a town, a language and faith, a nickname, a tag, the news.
        ("patterns11", 19, 19),
    ],
)
def test_each_pattern_corpus_is_found_in_full(corpus, risky, safe):
    result = score(load_corpus(CORPORA / corpus))
    assert result.risky >= risky and result.safe >= safe
    assert result.recall == 1.0, [c.text for c in result.misses]


def test_one_hearing_or_one_public_moment_is_found_without_a_name():
    result = score(load_corpus(CORPORA / "patterns5"))
    assert result.risky >= 10 and result.safe >= 10
    assert result.recall == 1.0, [c.text for c in result.misses]


@pytest.mark.parametrize(
    "corpus",
    [
        "own",
        "fresh",
        "heldout",
        "unseen1",
        "unseen2",
        "patterns3",
        "patterns4",
        "patterns5",
        "patterns6",
        "patterns7",
        "patterns8",
        "patterns9",
        "patterns10",
        "patterns11",
    ],
)
def test_no_safe_sentence_in_any_corpus_is_flagged(corpus):
    result = score(load_corpus(CORPORA / corpus))
    assert result.false_alarms == [], [(c.text, [f.text for f in fs]) for c, fs in result.false_alarms]


@pytest.mark.parametrize(
    "text",
    [
        "The baby's new home is in WF1 4, near his nan.",
        "Mum says she is somewhere in the S2 3 area but will not say more.",
        "She told the police she was staying in HU5 2 with a friend.",
        "They would only give a postcode beginning with DN4 0.",
    ],
)
def test_a_postcode_sector_is_found(text):
    assert "UK postcode" in kinds(text), text


@pytest.mark.parametrize(
    "text",
    [
        "We sat in traffic near the M1 3 miles from the junction.",
        "Our patch runs from LS1 to LS29, the whole of the city.",
        "Postcode areas such as BD and HX each cover a whole town.",
    ],
)
def test_a_road_a_distance_or_a_whole_city_is_no_postcode_sector(text):
    assert "UK postcode" not in kinds(text), text


@pytest.mark.parametrize(
    "text",
    [
        "The court file for PO20P00431 is three lever arch files thick.",
        "Ref: BS23C00914 - final hearing listed next month.",
        "Her appeal in KH19C00602 was refused.",
    ],
)
def test_a_family_court_case_number_is_found(text):
    assert "case or reference number" in kinds(text), text


@pytest.mark.parametrize(
    "text",
    [
        "A case number is printed on the top right of every order.",
        "The C110A form and the PLO were explained at training.",
        "Re B-S (Children) [2013] EWCA Civ 1146 is worth reading twice.",
    ],
)
def test_a_court_form_or_a_published_judgment_is_no_case_number(text):
    assert scan(text) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "His Insta is jaydenx_official and he posts where he is.",
        "Look up 'keeleyyy__x' on TikTok and you'll see what I mean.",
        "His Discord username, shadowwolf_777, is how the group found him.",
        "Her TikTok handle was just mia.jxo and it was public.",
        "On Minecraft he goes by creeperkid.09 and talks to anyone.",
    ],
)
def test_a_handle_without_an_at_sign_near_a_platform_is_found(text):
    assert "social media handle" in kinds(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Snapchat, TikTok and Instagram are the apps most children ask about.",
        "Follow me on TikTok as swdiary.uk for short videos about practice.",
        "Find me on Instagram: swdiary.uk, where I post about practice.",
        "Search 'foster care fortnight' on Instagram to find carers' stories.",
    ],
)
def test_a_platform_named_without_a_handle_or_the_blogs_own_handle_is_quiet(text):
    assert scan(text) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "Care proceedings for the baby of Tunde and Kemi Bakare start on Monday.",
        "Gwilym and Nia Pritchard did not turn up to the core group again.",
        "The parenting assessment of Chukwudi and Amaka Eze went to court in May.",
    ],
)
def test_two_parents_with_a_shared_surname_are_found(text):
    assert "name with identifying context" in kinds(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Barack and Michelle Obama visited a primary school in London in 2011.",
        "Parents on a child protection plan often say they feel judged before they speak.",
        "Leeds and Bradford councils ran a joint care proceedings pilot.",
    ],
)
def test_public_couples_and_places_joined_by_and_are_not_parents(text):
    assert scan(text) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "Chukwuemeka Nwosu, in year 6 at Ysgol Maes y Coed, wets himself most afternoons.",
        "Ebere Nnamdi is in Year 3 at Ysgol Gwaun Gynfi and hides under the table.",
        "Yaw ran onto the motorway bridge behind Deanfield Academy after his exclusion.",
        "A complaint to the HCPC about Ifeoluwa Bankole, the team manager, is still open.",
        "Social Work England has opened a case against Chiamaka Obi from our duty team.",
        "The fitness to practise panel heard that Olamide Ajayi IRO never met the child.",
    ],
)
def test_a_name_no_dictionary_holds_is_found_with_a_school_or_a_regulator(text):
    assert "name with identifying context" in kinds(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Dr Chidi Okonkwo leads the research on Year 9 exclusions at the university.",
        "Social Work England has struck off fewer than a hundred social workers a year.",
        "Most children in Year 11 at a comprehensive like Moorside High sit nine GCSEs.",
        "Estyn inspected Ysgol y Graig last term and praised its Year 6 reading.",
    ],
)
def test_a_researcher_a_regulator_or_a_school_alone_stays_quiet(text):
    assert scan(text) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "The lad from the chippy whose brother was jailed for the arson at the school is back in care.",
        "The only Somali family in the village, whose son went missing last year, asked us for help.",
        "She is the only girl at the village school whose dad is in prison.",
        "The children in the cottage behind the pub, whose father died in the crash, are with their aunt.",
        "We placed the girl from the flat above the chippy after her mum was arrested for the robbery.",
        "The twins at the caravan park lost their dad in the crash on the level crossing.",
    ],
)
def test_a_household_known_in_a_small_place_is_found_without_a_name(text):
    assert "identifying details together" in kinds(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Families whose dads are in prison often feel watched in small villages.",
        "A pub fire is the kind of story that follows a family around a village for years.",
        "The village school has only forty pupils and one teacher.",
        "The children at the village school planted a garden for the care home.",
        "The only child at the village school in our training video is played by an actor.",
        "The family above the post office is a composite of several I have known.",
    ],
)
def test_a_small_place_in_general_names_no_household(text):
    assert scan(text) == [], text


def test_a_first_name_written_with_its_accents_is_a_first_name():
    text = "Siân from the fostering team was signed off with stress for a month."
    assert [f.text for f in scan(text)] == ["Siân"]


@pytest.mark.parametrize(
    "text",
    [
        "I reported Howard Tillotson to Social Work England for what he wrote.",
        "Karen Dobbs was referred to Social Care Wales after the audit.",
    ],
)
def test_a_colleague_reported_to_a_regulator_is_found(text):
    assert "name with identifying context" in kinds(text), text


def test_named_researchers_stay_quiet():
    assert scan("Research by Sue White and David Wastell looked hard at child protection systems.") == []


def test_a_one_word_name_that_did_something_at_a_school_is_found():
    text = "Nobody at Kirkstall Academy has forgotten how Tobiasz climbed the roof."
    assert "name with identifying context" in kinds(text)


def test_a_child_who_shares_a_public_figures_surname_is_still_found():
    text = "Lowri Haf Jones is in Year 4 at Ysgol Gymraeg Llwyncelyn and her mum drinks."
    assert "name with identifying context" in kinds(text)


def test_letters_of_public_office_after_a_name_make_it_public():
    assert scan("Sarah Jones MP asked about the fitness to practise backlog in Parliament.") == []


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("The Hartleys on Mill Lane have had the police round twice since Easter.", "family name"),
        ("Sparky, as the lads at the hostel call him, went missing again last week.", "nickname"),
        ("Her uncle owns the pub by the green in Kirkby Stephen, so word went round fast.",
         "identifying details together"),
    ],
)  # fmt: skip
def test_a_household_a_nickname_put_first_and_a_family_business_are_found(sentence, kind):
    assert kind in [finding.kind for finding in scan(sentence)]


def test_a_paper_named_within_a_sentence_is_no_family():
    assert [f.kind for f in scan("Her report for The Times was read in every team in the county.")] == []


def test_a_surname_alone_stands_for_a_public_person_not_an_organisation_or_a_place():
    public = public_list()
    assert public.is_public_name("Laming") and public.is_public_name("Munro")
    assert not public.is_public_name("Street") and not public.is_public_name("Office")
    text = "The carers in the end terrace on Tithebarn Street have had three of our newborns this year."
    assert "street name" in kinds(text)


@pytest.mark.parametrize(
    ("text", "found", "why"),
    [
        (
            "His dad is the only lollipop man in Mablethorpe, so half the town knew by teatime.",
            "the only lollipop man",
            "the only one in a named place",
        ),
        ("Took D back to the walk-in centre in Selby for his dressings again.", "D", "initial"),
        ("Mum is now in Carlton Heights, 11th floor, with the baby.", "Carlton Heights, 11th floor", "floor"),
        (
            "Our new placement is the toddler found alone in the car park on Boxing Day – "
            "it was all over the news.",
            "was all over the news",
            "news",
        ),
    ],
)
def test_each_new_pattern_names_what_it_found_and_why(text, found, why):
    findings = scan(text)
    assert any(f.text == found and why in f.why for f in findings), [(f.text, f.why) for f in findings]
