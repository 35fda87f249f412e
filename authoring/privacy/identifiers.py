"""Layer 1: identifiers that are checked, not guessed.

Phone numbers are parsed by ``phonenumbers`` and NHS numbers checked by
``python-stdnum``; the rest follow the published formats (National Insurance
numbers as HMRC issues them, postcodes by their areas, number plates by the
DVLA's age identifiers).
"""

from __future__ import annotations

import re

import phonenumbers
from stdnum.gb import nhs

from .finding import Hit
from .public import PublicList

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_AT = r"\s*(?:\(at\)|\[at\]|\{at\}|\bat\b)\s*"
_DOT = r"\s*(?:\(dot\)|\[dot\]|\{dot\}|\bdot\b)\s*"
_SPOKEN_EMAIL = re.compile(
    rf"\b[a-z0-9][\w.+-]*(?:{_DOT}[\w-]+)*{_AT}[\w-]+(?:{_DOT}[a-z]{{2,}})+\b"
    rf"|\b[\w.+-]+\s*(?:\(at\)|\[at\]|\{{at\}})\s*[\w-]+(?:\s*(?:\.|\(dot\)|\[dot\]|\{{dot\}})\s*[a-z]{{2,}})+",
    re.I,
)
_HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{1,29}[A-Za-z0-9_])?\b")
_PHONE = re.compile(
    r"(?<![\w./-])(?:\+\s?44\s?(?:\(0\)\s?)?|\(?0)\d[\d\s.()-]{7,15}\d(?![\w/])",
)
_NHS = re.compile(r"(?<![\w/.-])\d{3}[\s-]?\d{3}[\s-]?\d{4}(?![\w/-]|\.\d)")
_NHS_WORD = re.compile(r"\bNHS\b", re.I)
# HMRC: no D, F, I, Q, U or V in the prefix, no O second, and never BG, GB,
# KN, NK, NT, TN or ZZ; the suffix is A to D.
_NINO_STRICT = re.compile(
    r"\b(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b"
)
_NINO_LOOSE = re.compile(
    r"\b(?:N\.?I\.?|national insurance)(?:\s+(?:no\.?|number|num))?(?:\s+(?:is|was))?\s*[:\-]?\s*"
    r"(?P<n>[A-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]?)\b",
    re.I,
)
_AREAS = (  # noqa: SIM905
    "AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY E "
    "EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD LE LL "
    "LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM SN "
    "SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE "
).split()
_AREA = "(?:" + "|".join(sorted(_AREAS, key=len, reverse=True)) + ")"
_POSTCODE = re.compile(rf"\b{_AREA}\d[A-Z\d]?\s*\d[ABD-HJLNP-UW-Z]{{2}}\b", re.I)
POSTCODE = _POSTCODE
# An outward code alone ("the LS28 area", "now in BD7") is a district of a
# few thousand homes: found when written as a place, not as "section 20".
# The sector digit after it ("a flat in M14 7", "the LS9 8 area") narrows a
# district to a few streets; a count of miles, minutes or times after a road
# number ("the M1 3 miles on") is not one.
_SECTOR = (
    r"(?:\s\d(?![\w.,:/]\d|\s*(?:miles?|mi|km|kilometres?|metres?|yards?|minutes?|mins?|hours?|hrs?"
    r"|times|lanes?|junctions?|exits?|%|per|st|nd|rd|th|am|pm)\b))"
)
_DISTRICT = re.compile(
    rf"(?:\b(?:in|to|from|near|around|at|postcode|district|sector|(?:starting|beginning)(?:\s+with)?)\s+"
    rf"(?:the\s+)?)(?P<d>{_AREA}\d{{1,2}}[A-Z]?{_SECTOR}?)\b"
    rf"(?!\s*(?:motorway|junction|road|\d))"
    rf"|\b(?:the\s+)?(?P<d2>{_AREA}\d{{1,2}}[A-Z]?{_SECTOR}?)\s+(?:area|postcode|district|sector)\b"
)
# "from LS1 to LS29" spans a whole city.
_DISTRICT_RANGE = re.compile(
    rf"\b{_AREA}\d{{1,2}}[A-Z]?\s*(?:to|-|–|and|or|through)\s*$"
    rf"|^\s*(?:to|-|–|and|or|through)\s*(?:the\s+)?{_AREA}\d{{1,2}}[A-Z]?\b"
)
# Current plates: two letters, an age identifier (02-29, 51-79), three letters.
_PLATE = re.compile(r"\b[A-HJ-PR-Y][A-HJ-PR-Y]\s?(?:0[2-9]|1\d|2[0-9]|5[1-9]|6\d|7[0-9])\s?[A-HJ-PR-Z]{3}\b")
_PLATE_WORD = re.compile(
    r"\b(?:reg(?:istration)?(?:\s+(?:no\.?|number|plate))?|number\s?plate|plate)\s*[:\-]?\s*"
    r"(?P<p>[A-Z0-9]{1,4}\s?[A-Z0-9]{1,4})\b",
    re.I,
)
STREET_TYPES = (
    "Road|Rd|Street|St|Lane|Ln|Avenue|Ave|Close|Grove|Drive|Dr|Way|Crescent|Court|Place|Terrace|Gardens|"
    "Walk|Rise|View|Hill|Row|Square|Mews|Parade|Green|Croft|Fold|Gate|Park|Vale|Bank|Mount|Wynd|Yard"
)
_ADDRESS = re.compile(
    rf"\b(?:(?:Flat|Apartment|Apt|Unit)\s+\d+[A-Za-z]?,?\s+)?\d{{1,4}}[A-Za-z]?,?\s+"
    rf"(?:[A-Z][a-z'’]+\s+){{1,3}}(?:{STREET_TYPES})\b\.?"
    rf"|\b(?:Flat|Apartment|Apt)\s+\d+[A-Za-z]?\b"
)
# Case-management systems and reference words, then a number within a few words.
_REF = re.compile(
    r"\b(?:case|ref(?:erence)?|file|client|child|person|referral|record|ID|Mosaic|LCS|Liquidlogic|Eclipse|"
    r"CareFirst|Frameworki|ICS|EHM|Azeus|Paris|Protocol|logged|number|no\.)"
    r"(?:\W+\w+){0,3}?\W+(?<!\d[\s-])(?P<id>(?:[A-Z]{1,5}[-/]?)?\d[\d/-]{3,}\d|\d{4,})\b",
    re.I,
)
_CODE = re.compile(r"\b[A-Z]{1,5}[-/]\d{2,4}[-/]\d{3,}\b")
# The family court's case numbers run together a court code, the year, a
# letter for the kind of case and a serial ("MA18C00217", "LS21P00123"): no
# word or phrase in English has that shape, so no cue word is needed.
_COURT_CASE = re.compile(r"\b[A-Z]{2,3}\d{2}[A-Z]{1,2}\d{3,6}\b")
# A letter or two run into seven digits or more: a pupil's UPN, a Home Office or police
# reference ("K823456711042", "S1148823"); no word has that shape either.
_LETTERED_NUMBER = re.compile(r"\b[A-Z]{1,2}\d{7,13}\b")
_YEARISH = re.compile(r"^(?:1[89]|20)\d\d(?:[-/](?:\d\d|(?:1[89]|20)\d\d))?$")


# Non-geographic numbers (03, 080x, 084x, 087x) belong to organisations;
# people are rung on mobiles (07) and home lines (01, 02).
_ORGANISATION_NUMBER = re.compile(r"^0(?:3|8)")
_ORGANISATION_WORDS = re.compile(
    r"\b(?:helpline|advice line|office line|enquiries|switchboard|reception|association|council|service|"
    r"charity|trust|network|department|court|centre|society|foundation|ofsted|office)\b",
    re.I,
)
_PERSONAL_WORDS = re.compile(
    r"\b(?:mum|mother|dad|father|carer|nan|gran|grandad|aunt\w*|uncle|his|her|their|my|mobile|landline|"
    r"home|boyfriend|girlfriend|partner|family|child|girls?|boys?|twins|siblings|sons?|daughters?"
    r"|bab(?:y|ies)|brothers?|sisters?|teenagers?|toddlers?)\b",
    re.I,
)
_HOUSE_NUMBER = re.compile(
    r"\b(?:from|at|to|outside|of|in)\s+(?:no\.?|number)\s+(?P<n>\d{1,4}[a-z]?)\b(?!\s*(?:%|per|of|in))", re.I
)
_PERSONAL_NEAR = re.compile(
    r"\b(?:mum|mother|dad|father|nan|gran|grandad|baby|child|children|kids|boy|girl|son|daughter|family|"
    r"neighbours?|next door|police|carers?|twins|siblings)\b",
    re.I,
)


_FLOOR = re.compile(
    r"\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\s(?:Tower|House|Court|Heights|Point|Block|Flats|Mansions|Lodge),?\s+"
    r"(?:on\s+)?(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)|top|first|second|third|fourth|fifth|sixth|seventh|eighth"
    r"|ninth|tenth|eleventh|twelfth)[- ]floor\b"
)


def _sentence_of(text: str, start: int) -> str:
    """The sentence of ``text`` that ``start`` falls in."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    right = text.find(". ", start)
    return text[left : right if right != -1 else len(text)]


_ROLE_MAILBOX = re.compile(
    r"^(?:editor|editors|info|admin|enquiries|enquiry|contact|hello|office|press|media|team|help|support|"
    r"comments|letters|news|webmaster|feedback|duty|mash|referrals|safeguarding|fostering|adoption|"
    r"recruitment|jobs|careers|events|training|bookings|membership|volunteering|volunteers|donations)[@.]",
    re.I,
)
_PLATFORMS = (
    # Written as people write them in a hurry too: "her insta", "on snapchat".
    r"(?:TikTok|Snapchat|Snap|Instagram|Insta|Facebook|Twitter|YouTube|Discord|WhatsApp|Roblox|"
    r"Xbox|PlayStation|PSN|Twitch|Threads|Telegram|Kik|Bluesky|Fortnite|Minecraft|Steam|"
    r"tiktok|snapchat|snap|instagram|insta|facebook|twitter|youtube|discord|whatsapp|roblox|xbox|twitch|telegram)"
)
_PLATFORM_NAME = re.compile(
    rf"\b(?:{_PLATFORMS}|X)\b[^.;\n]{{0,30}}?\b(?:as|name\s+is|called|username|handle|user|"
    r"profile|account|gamertag|tag)\b\s*(?:is\s+)?['‘\"“]?(?P<h>(?=[\w.]*[._\d])[\w.]{3,30}[\w]|[A-Z][a-z]+(?:\s[A-Z][a-z]+){1,3})"
)
# Words joined by underscores are nobody's prose: a username, with or without
# a platform beside it ("jade_rose_xo posted the pictures").
_UNDERSCORED = re.compile(
    r"(?<![\w@./:#=?&%~-])[A-Za-z][A-Za-z0-9]*(?:_+[A-Za-z0-9]+)+_*(?![\w@/-]|\.[A-Za-z0-9])"
)
# A handle written without its @ is told from a word by its shape: a dot,
# underscore or digit inside ("imranbeats_07", "lily.rose.x"), and a letter.
_HANDLE_SHAPE = r"(?=[\w.]*[A-Za-z])(?=[\w.]*[._\d])[A-Za-z0-9_][\w.]{1,28}[A-Za-z0-9_]"
# Such a handle stands right after a platform ("His Snapchat was ...", "her
# TikTok, ...", "on Snapchat: ...", "TikTok account ..."), before one ("search
# 'x' on Instagram"), or after "goes by".
_PLATFORM_HANDLE = re.compile(
    rf"\b{_PLATFORMS}(?:['’]s)?(?:\s+(?:account|channel|page|profile|username|user\s?name|handle|gamertag|"
    rf"tag|id|name))?(?:\s*[:,]\s*|\s+(?:is|was|=)\s+(?:just\s+|simply\s+|still\s+)?|(?<=[a-z])\s+(?=[\w.]*[._\d]))['‘\"“]?(?P<h>{_HANDLE_SHAPE})\b"
    rf"|['‘\"“](?P<q>{_HANDLE_SHAPE})['’\"”]\s+(?:on|in|into)\s+{_PLATFORMS}\b"
    rf"|\b(?:search(?:ed)?(?:\s+for)?|look(?:ed)?\s+up|add(?:ed)?|follow(?:s|ed)?)\s+(?P<s>{_HANDLE_SHAPE})"
    rf"\s+(?:on|in)\s+{_PLATFORMS}\b"
    rf"|\b(?:goes|went|going)\s+by\s+['‘\"“]?(?P<g>{_HANDLE_SHAPE})\b"
)
_OWN_HANDLE = re.compile(
    r"\b(?:guest post by|about the author|written by|follow (?:me|us|the blog)|find (?:me|us))\b", re.I
)
_INSTITUTION = re.compile(
    r"\b(?:[A-Z][\w'’]+\s+)*(?:Court|Courts|Council|Ofsted|Department|Tribunal|Office|Centre|House|Gate|"
    r"Parliament|Hall|Ministry|Headquarters)\b"
)


# An address given as an organisation's: "Coram's offices at", "the court at",
# "the charity's headquarters at", "the council moved its services to",
# "the Fostering Network, whose office is at".
_OWNER = re.compile(
    r"\b(?:charity|charities|council|court|courts|tribunal|school|academy|trust|offices?|headquarters|HQ|"
    r"organisation|organization|network|society|foundation|association|services?|department|library|"
    r"hospital|clinic|surgery|college|university|chambers|church|mosque|synagogue|temple|museum|"
    r"town hall|civic centre|registry|inspectorate|regulator|commission|agency|ministry|institute|"
    # A service open to everyone: "the new family hub on Union Street", "the police station on …".
    r"hub|(?:children['’]s|community|health|leisure|job|resource|youth|civic|sports)\s+cent(?:re|er)|jobcentre|"
    r"(?:police|fire|ambulance|bus|railway|train)\s+station|"
    r"cafcass|ofsted|nspcc|barnardo['’]?s|coram)(?:['’]s)?\b"
    r"(?:[^.;:!?]{0,60}?\b(?:at|to|on|in|is|are|was|were)|\s*,?)\s*$",
    re.I,
)
# Where a child lives or stays is never an organisation's public address.
_PRIVATE_PLACE = re.compile(
    r"\b(?:children['’]s home|home|homes|house|flat|placement|unit|refuge|hostel|safe house|respite|"
    r"foster\s+(?:carers?|homes?|placements?|famil\w+|parents?|mum|dad|mother|father)|"
    r"supported lodgings?|semi-independent|bedsit|lives?|living|lived|stays?|staying|moved in)\b",
    re.I,
)


def _public_place(text: str, start: int) -> bool:
    """An address or postcode in a sentence about a court, council or office, and no family."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    sentence = _sentence_of(text, start)
    if _INSTITUTION.search(sentence) and not _PERSONAL_WORDS.search(sentence):
        return True
    return is_public_address(text[max(left, start - 90) : start])


def is_public_address(before: str) -> bool:
    """Whether the words ``before`` an address give it as an organisation's."""
    before = re.sub(r"\b\d{1,4}[A-Za-z]?,?\s*$", "", before)  # the house number
    # "the family court" is a court; "the Fostering Network" an organisation.
    plain = re.sub(r"\bfamily\s+(?=court|proceedings|centre|hub|justice|drug)", "", before, flags=re.I)
    plain = re.sub(r"(?<=[\w,]\s)[A-Z][\w'’-]*", "", plain)
    return bool(
        _OWNER.search(before) and not _PERSONAL_WORDS.search(plain) and not _PRIVATE_PLACE.search(plain)
    )


def _phone(text: str, public: PublicList) -> list[Hit]:
    hits = []
    for match in _PHONE.finditer(text):
        raw = match.group(0).rstrip(").- ")
        digits = re.sub(r"\D", "", raw)
        if digits.startswith("44"):
            digits = "0" + digits[2:]
        if not 10 <= len(digits) <= 11 or public.is_helpline(raw) or _ORGANISATION_NUMBER.match(digits):
            continue
        before = text[max(0, match.start() - 80) : match.start()]
        if _ORGANISATION_WORDS.search(before) and not _PERSONAL_WORDS.search(before):
            continue
        if re.fullmatch(r"[\d.]+", raw) and raw.count(".") == 1:
            continue  # a decimal
        try:
            number = phonenumbers.parse(raw, "GB")
        except phonenumbers.NumberParseException:
            continue
        if not phonenumbers.is_possible_number(number):
            continue
        if raw.startswith("(") and match.group(0).count(")") == 0:
            raw = raw[1:]
        hits.append(
            Hit(match.start(), match.start() + len(match.group(0).rstrip(".- ")), "phone number",
                "a UK phone number (not one of the national helplines on the public list)")
        )  # fmt: skip
    return hits


def scan(text: str, public: PublicList) -> list[Hit]:
    hits: list[Hit] = []

    def add(match: re.Match, kind: str, why: str, group: int | str = 0) -> None:
        hits.append(Hit(match.start(group), match.end(group), kind, why))

    for match in _EMAIL.finditer(text):
        if not public.is_public_email(match.group(0)) and not _ROLE_MAILBOX.match(match.group(0)):
            add(match, "email address", "an email address (not a public organisation's)")
    for match in _SPOKEN_EMAIL.finditer(text):
        add(match, "email address", "an email address written out with 'at' and 'dot'")
    for match in _HANDLE.finditer(text):
        own = _OWN_HANDLE.search(text[max(0, match.start() - 120) : match.start()])
        if not public.is_public_handle(match.group(0)) and not own:
            add(match, "social media handle", "a social media handle (not on the public list)")
    for match in _PLATFORM_NAME.finditer(text):
        own = _OWN_HANDLE.search(text[max(0, match.start() - 120) : match.start()])
        if not public.is_public_handle("@" + match.group("h")) and not own:
            add(match, "social media handle", "a name on a social media platform", "h")
    for match in _PLATFORM_HANDLE.finditer(text):
        group = next(g for g in ("h", "q", "s", "g") if match.group(g))
        own = _OWN_HANDLE.search(text[max(0, match.start() - 120) : match.start()])
        if not public.is_public_handle("@" + match.group(group)) and not own:
            add(match, "social media handle", "a username near a social media platform", group)
    for match in _UNDERSCORED.finditer(text):
        own = _OWN_HANDLE.search(text[max(0, match.start() - 120) : match.start()])
        if not public.is_public_handle("@" + match.group(0)) and not own:
            add(match, "social media handle", "a username (words joined by underscores)")
    hits += _phone(text, public)
    for match in _NHS.finditer(text):
        digits = re.sub(r"\D", "", match.group(0))
        near = text[max(0, match.start() - 40) : match.start()]
        if nhs.is_valid(digits):
            add(match, "NHS number", "ten digits with a valid NHS check digit")
        elif _NHS_WORD.search(near) or (re.search(r"\d[\s-]\d", match.group(0)) and digits[0] != "0"):
            add(match, "NHS number", "ten digits written as an NHS number (3-3-4)")
    for match in _NINO_STRICT.finditer(text):
        add(match, "National Insurance number", "a National Insurance number in HMRC's format")
    for match in _NINO_LOOSE.finditer(text):
        if re.search(r"\d{2}\s?\d{2}\s?\d{2}", match.group("n")):
            add(match, "National Insurance number", "a National Insurance number", "n")
    for match in _POSTCODE.finditer(text):
        if not _public_place(text, match.start()):
            add(match, "UK postcode", "a full UK postcode")
    for match in _DISTRICT.finditer(text):
        group = "d" if match.group("d") else "d2"
        ranged = _DISTRICT_RANGE.search(text[max(0, match.start(group) - 12) : match.start(group)]) or (
            _DISTRICT_RANGE.match(text[match.end(group) : match.end(group) + 16])
        )
        if match.group(group).isupper() and not ranged:
            add(match, "UK postcode", "a postcode district, a small area", group)
    for match in _PLATE.finditer(text):
        add(match, "vehicle registration", "a car's number plate")
    for match in _PLATE_WORD.finditer(text):
        plate = match.group("p")
        if re.search(r"\d", plate) and re.search(r"[A-Z]", plate):
            add(match, "vehicle registration", "a number plate", "p")
    for match in _HOUSE_NUMBER.finditer(text):
        # "Mrs Kowalczyk from number 12": a house on the family's street. Not "Number 10".
        if match.group("n") not in ("10", "11") and _PERSONAL_NEAR.search(_sentence_of(text, match.start())):
            add(match, "street address", "a house by its number, beside a family")
    for match in _ADDRESS.finditer(text):
        # No court or council has its offices in a flat.
        flat = re.match(r"(?:Flat|Apartment|Apt)\b", match.group(0))
        if flat or not _public_place(text, match.start()):
            add(match, "street address", "a house number and street")
    for match in _FLOOR.finditer(text):
        # "Hallam Tower, 8th floor": the block and the floor leave a few doors to knock on.
        if _PERSONAL_NEAR.search(_sentence_of(text, match.start())):
            add(match, "street address", "a named block of flats and its floor, beside a family")
    for match in _REF.finditer(text):
        ident = match.group("id")
        if _YEARISH.match(ident) or re.fullmatch(r"\d{1,3}(?:,\d{3})+", ident):
            continue
        add(match, "case or reference number", "a case, file or system reference", "id")
    for match in _COURT_CASE.finditer(text):
        add(match, "case or reference number", "a family court case number")
    for match in _CODE.finditer(text):
        add(match, "case or reference number", "a reference code")
    for match in _LETTERED_NUMBER.finditer(text):
        add(match, "case or reference number", "a pupil, Home Office or police reference")
    return hits
