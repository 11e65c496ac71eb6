"""Paragraph roles: telling page chrome (captions, bylines, share buttons...) from the article.

Why: text copied from a news page carries lines that are not the report — an image stub, a
photo credit, the author and agencies, a source URL, "Comment (0)", "Share this article", an
update stamp. Aligning them would link "Photo: Reuters" across articles and inflate the shared
figures, so they get a non-content role; the panes still show them. The rules are general
patterns over short paragraphs (chrome is short; a long paragraph is always body), never a
list of one example's strings. The first paragraph is the title when it reads like a headline
(short, no full stop); short unpunctuated lines inside are headings (standfirst subheads).

Imports: standard library, core.model.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from core.model import Role

_MAX_CHROME_WORDS = 30  # chrome lines are short; anything longer is article text
_MAX_TITLE_WORDS = 35
_MAX_HEADING_WORDS = 10

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday|\.)?"
_ZONE = (
    r"(?:gmt|utc|bst|cet|cest|est|edt|cst|cdt|mst|mdt|pst|pdt|et|pt|ct|ict|jst|ist|aest|"
    r"[+-]\d{2}:?\d{2})"
)
# What a date/time stamp is made of; a line that is nothing else is a stamp.
_STAMP_TOKEN = re.compile(
    r"(?<!\w)(?:\d{1,2}[:.h]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?|\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{1,4})?|"
    rf"{_WEEKDAY}|{_MONTH}|{_ZONE}|\d{{1,4}}(?:st|nd|rd|th)?|[ap]\.?m\.?|at|on|of|"
    r"updated|last|published|posted|modified|edited|revised|first|created|date|time|ago|"
    r"hours?|mins?|minutes?|"
    r"days?|yesterday|today)(?!\w)|[-|,:•·—–()/@]+",
    re.IGNORECASE,
)
_HAS_DATE = re.compile(
    rf"\b{_MONTH}(?!\w)|\b\d{{1,4}}[/.-]\d{{1,2}}(?:[/.-]\d{{1,4}})?\b|\b\d{{1,2}}[:h]\d{{2}}\b|"
    r"\b\d+\s+(?:hours?|minutes?|days?|mins?)\s+ago\b",
    re.IGNORECASE,
)
_STAMP_LEAD = re.compile(
    r"^\s*(?:last\s+)?(?:updated|published|posted|modified|edited|created|first\s+published|"
    r"updated\s+on|date)\b",
    re.IGNORECASE,
)

_IMAGE_MARKUP = re.compile(
    r"^\s*(?:!\[[^\]]*\]\([^)]*\)|<img\b[^>]*>|\[(?:image|photo|picture|video|graphic)[^\]]*\])"
    r"[\s|]*",
    re.IGNORECASE,
)
_CREDIT = re.compile(
    r"(?:^|[(|/.—–-])\s*(?:photos?|photograph|image|picture|pic|illustration|video|graphic|"
    r"footage|credit|screenshot)s?(?:\s+credit)?\s*(?::|by\b|/|©)",
    re.IGNORECASE,
)
_AGENCY_PHOTO = re.compile(
    r"\b(?:AP|AFP|Reuters|Getty|EPA|Shutterstock|Alamy|PA|Xinhua|Sputnik|TASS|Bloomberg)"
    r"(?:\s+(?:Photos?|Images?|via Getty Images))?\s*/",
)
_TRAILING_PIPE = re.compile(r"\|\s*$")

_BY = re.compile(
    r"^\s*(?i:(?:(?:story|words|text|reporting|written|edited|additional reporting|writing|"
    r"editing|compiled|translated|posted)\s+)?by)\s+[^\W\d_a-z]",
)
_AGENCY = (
    r"(?:AFP|Reuters|AP|Associated Press|Bloomberg|dpa|DPA|Xinhua|TASS|Interfax|EFE|ANSA|Kyodo|"
    r"Yonhap|PA|PTI|UPI|ANI|AAP|CNA|RIA|Sputnik|BBC|CNN|Agencies|agencies|wire services)"
)
_AGENCY_CREDIT = re.compile(
    r"\((?:[^()]*\b(?:according to|sources?|via|with|from|theo)\b[^()]*|"
    rf"[^()]*\b{_AGENCY}\b[^()]*)\)\s*$",
    re.IGNORECASE,
)
_AGENCY_ONLY = re.compile(
    rf"^\s*(?:[-—–(]\s*)?(?:source|sources|credit|via|theo)?\s*:?\s*{_AGENCY}"
    rf"(?:\s*(?:[,/&]|and)\s*{_AGENCY})*\s*\)?\s*$",
    re.IGNORECASE,
)
_ROLE_WORDS = re.compile(
    r"\b(?:correspondent|reporter|staff writer|contributor|editor|columnist|bureau chief)\b",
    re.IGNORECASE,
)
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_SOURCE_LEAD = re.compile(
    r"^\s*(?:source|sources|nguồn|quelle|fuente|via|originally published|read the original|"
    r"read more at|first published|article from|link)\s*(?:at|on|in)?\s*:?",
    re.IGNORECASE,
)
_COMMENTS = re.compile(
    r"^\s*(?:\d+\s+)?(?:comments?|responses?|replies|reactions?)\s*(?:\(\s*\d+\s*\)|:\s*\d+|\d+)?\s*$|"
    r"^\s*(?:view|show|read|see|load|add|post|leave|write|hide|join)\s+(?:all\s+|more\s+|the\s+|a\s+|your\s+)?"
    r"(?:\d+\s+)?(?:comments?|discussion|conversation)\b",
    re.IGNORECASE,
)
_SHARE = re.compile(
    r"^\s*(?:share(?:\s+this|\s+on|\s+via|\s*:|\s*$)|tweet\b|subscribe\b|sign up\b|"
    r"read more\b|related(?:\s+(?:articles?|stories|news|content|coverage|topics))?\s*:?\s*$|"
    r"related\s*:|also read\b|read also\b|see also\b|more on this\b|more from\b|"
    r"recommended(?:\s+for you)?\s*:?\s*$|most (?:read|popular|viewed)\s*:?\s*$|"
    r"follow us\b|follow\s+\S+\s+on\b|click here\b|advertisement\s*$|sponsored(?:\s+content)?\s*$|"
    r"story continues\b|continue reading\b|back to top\b|skip to\b|print(?:\s+this)?\s*$|"
    r"email(?:\s+this)?\s*$|copy link\b|newsletter\b|get the latest\b|download (?:our|the) app\b|"
    r"tags?\s*:|topics?\s*:|filed under\b|listen to (?:this|the) article\b|"
    r"(?:©|\(c\)|copyright\b)|all rights reserved\b|we use cookies\b|accept (?:all )?cookies\b)",
    re.IGNORECASE,
)
_SOCIAL_ONLY = re.compile(
    r"^[\s|•·/,]*(?:(?:facebook|twitter|x|linkedin|whatsapp|telegram|reddit|email|e-mail|print|"
    r"copy link|messenger|pinterest|share|this (?:story|article|page))[\s|•·/,]*)+$",
    re.IGNORECASE,
)
# A menu bar: three or more short items separated by pipes or bullets.
_MENU = re.compile(r"^\s*[^|•·.!?]{1,30}(?:\s*[|•·]\s*[^|•·.!?]{1,30}){2,}\s*$")
_RIGHTS = re.compile(r"©|\(c\)\s*\d{4}|all rights reserved", re.IGNORECASE)
_TERMINAL = re.compile(r"[.!?…:;,]['\"”’)\]]*\s*$")
_QUOTED = re.compile(r"[\"'“‘](.+)[\"'”’]")
_ABBREV_END = re.compile(r"(?:\b[A-Za-z]\.){2,}$")


def _words(text: str) -> int:
    return len(text.split())


def is_stamp(text: str) -> bool:
    """A date/time line ("Last updated: Tuesday, 14 March 2023, 09:12 GMT")."""
    if not _HAS_DATE.search(text):
        return False
    rest = _STAMP_TOKEN.sub(" ", text).strip(" .")
    if not rest:
        return True
    # "Published 15 March 2024, 08:30 | Reuters" : a lead word and little else.
    return bool(_STAMP_LEAD.match(text)) and _words(rest) <= 3


def chrome_role(text: str) -> Role | None:
    """The non-content role of a paragraph that is page chrome, or None for article text."""
    words = _words(text)
    if words > _MAX_CHROME_WORDS:
        return None
    if _IMAGE_MARKUP.match(text):
        return Role.CAPTION
    if _COMMENTS.search(text) or _SOCIAL_ONLY.match(text):
        return Role.BOILERPLATE
    if _SHARE.match(text) and words <= 15:
        return Role.BOILERPLATE
    if (_RIGHTS.search(text) and words <= 20) or _MENU.match(text):
        return Role.BOILERPLATE
    urls = _URL.findall(text)
    if urls and (
        _SOURCE_LEAD.match(text) or sum(map(len, urls)) * 2 >= len(text.strip()) or words <= 4
    ):
        return Role.BOILERPLATE
    if _CREDIT.search(text) or _AGENCY_PHOTO.search(text):
        return Role.CAPTION
    if _BY.match(text) and words <= 20 and not _TERMINAL.search(text):
        return Role.BYLINE
    if _AGENCY_CREDIT.search(text) and words <= 15 and not _TERMINAL.search(text[:-1]):
        return Role.BYLINE
    if _AGENCY_ONLY.match(text) or (
        _ROLE_WORDS.search(text) and words <= 8 and not _TERMINAL.search(text)
    ):
        return Role.BYLINE
    if is_stamp(text) and words <= 15:
        return Role.BYLINE if _BY.search(text) else Role.BOILERPLATE
    if _TRAILING_PIPE.search(text) and words <= _MAX_CHROME_WORDS:
        return Role.CAPTION  # table-cell residue of a photo box copied from a page
    return None


def looks_like_title(text: str) -> bool:
    """A headline: one short line, no full stop at the end, not a sentence run."""
    stripped = text.strip()
    if "\n" in stripped or not stripped:
        return False
    words = _words(stripped)
    if not 2 <= words <= _MAX_TITLE_WORDS:
        return False
    if stripped[-1] in ",;:" or (stripped[-1] == "." and not _ABBREV_END.search(stripped)):
        return False  # a full stop ends a sentence, unless it ends "K.C." or "U.S."
    return stripped[0].isupper() or stripped[0].isdigit() or not stripped[0].isalpha()


def looks_like_heading(text: str) -> bool:
    """A subheading inside the article: a few words, capitalized, no closing punctuation."""
    stripped = text.strip()
    if not stripped or "\n" in stripped or _words(stripped) > _MAX_HEADING_WORDS:
        return False
    # A quoted phrase is a heading too ('Completely false'); a quoted sentence is not.
    quoted = _QUOTED.fullmatch(stripped)
    if quoted:
        stripped = quoted.group(1)
    if not stripped or _TERMINAL.search(stripped) or stripped[-1] in "\"”’'":
        return False
    return stripped[0].isupper()


def _title_index(paragraphs: Sequence[str], chrome: Sequence[Role | None]) -> int | None:
    """The headline among the first lines: chrome and a menu word or two may come before it."""
    n = len(paragraphs)
    for i in range(min(3, n - 1)):
        if chrome[i] is not None:
            continue
        if looks_like_title(paragraphs[i]):
            return i
        if _words(paragraphs[i]) > 2:
            return None
    return None


def assign_roles(paragraphs: Sequence[str], *, first_is_title: bool | None = None) -> list[Role]:
    """One role per paragraph text.

    ``first_is_title`` forces the decision for the first paragraph (a reader that knows the
    headline, e.g. from HTML metadata); None lets the text decide.
    """
    n = len(paragraphs)
    chrome = [chrome_role(text) for text in paragraphs]
    title = _title_index(paragraphs, chrome) if first_is_title is None else None
    if first_is_title:
        title = next((i for i, r in enumerate(chrome) if r is None), None)
    roles: list[Role] = []
    for i, text in enumerate(paragraphs):
        role = chrome[i]
        if role is None and i == title:
            role = Role.TITLE
        elif role is None and (title or 0) < i < n - 1 and looks_like_heading(text):
            role = Role.HEADING
        roles.append(role or Role.BODY)
    # A caption often follows the image stub on its own line: the line right after an image
    # markup paragraph is a caption when it is short and not a heading.
    for i in range(1, n):
        if (
            roles[i - 1] is Role.CAPTION
            and _IMAGE_MARKUP.match(paragraphs[i - 1])
            and roles[i] in (Role.BODY, Role.HEADING)
            and _words(paragraphs[i]) <= 25
        ):
            roles[i] = Role.CAPTION
    return roles
