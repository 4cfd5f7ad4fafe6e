"""Who wrote it, who owns it, how the editor introduced it: bylines, bios, rights, lead.

These lines are about the article rather than part of it, so they leave the body (into
``removed`` with a reason, so no character is lost) and what they say goes to the
metadata: author names from bios, the rights line, the editor's lead without its label.
The patterns are the forms Chinese web and journal articles use again and again:
``(作者简介:郭全中,…;黄昊漪,…)``, ``#专栏作家# 孟永辉，…``, ``作者/十里``, ``作者：X，编辑：Y``,
``编辑导语：…``, ``本文由@X 原创发布于Y，未经许可，禁止转载``.
"""

from __future__ import annotations

import re

from .units import Unit

_BIO_PAREN = re.compile(r"^[(（\[【]\s*作者简介\s*[:：]\s*(?P<body>.+?)\s*[)）\]】]?\s*$")
_BIO_PLAIN = re.compile(r"^作者简介\s*[:：]\s*(?P<body>.+)$")
#: 作者/十里, 作者：X，编辑：Y, 文/X, 文 | X, 撰文：X (short byline lines)
_BYLINE = re.compile(r"^(?:原创\s*)?(?:作者|文|撰文|文字|作者丨|来源作者)\s*[/|｜丨:：]\s*(?P<body>.{1,80})$")
_BYLINE_SOURCE = re.compile(r"^(?:(?:文章)?来源(?:公众号)?|(?:微信)?公众号|出品|编译|译者|责编|责任编辑|编辑|原标题|原文标题)\s*[:：/|｜丨].{1,120}$")
#: 记者 张三 / 本报记者：张三 李四 (news bylines)
_REPORTER = re.compile(r"^(?:本报|新华社|特约)?记者\s*[:：/|丨]?\s*(?P<body>[\u4e00-\u9fff·]{2,5}(?:[、\s]+[\u4e00-\u9fff·]{2,5}){0,3})$")
#: the role and separator of one credit of a credits line: ``主笔 / ``, ``排版：``, ``编辑丨``
_CREDIT = re.compile(
    r"(?P<role>主笔|作者|撰文|文字|文|责任编辑|责编|主编|编辑|编|出品|策划|统筹|排版|设计|视觉|校对|审校|审核|监制|"
    r"文章架构师|美编|插画|制图|摄影|运营|翻译|编译|数据支持|数据)\s*[/｜|丨:：]\s*"
)
_AUTHOR_ROLES = {"主笔", "作者", "撰文", "文字", "文"}
_COLUMN_WORDS = r"(?:专栏作[家者]|專欄作[家者]|特约作者|特約作者|关于作者|關於作者)"
_COLUMN = re.compile(rf"^(?:[#＃]|\*\*)?\s*{_COLUMN_WORDS}\s*(?:[#＃]|\*\*)?\s*[:：]?$")
_COLUMN_INLINE = re.compile(rf"^[#＃]\s*{_COLUMN_WORDS}\s*[#＃]\s*(?P<body>.+)$")
_LEAD = re.compile(r"^(?P<label>(?:编辑导语|编者按|导语|导读|摘要|内容提要)\s*[:：]\s*)(?P<body>.+)$", re.S)
_RIGHTS = re.compile(
    r"(未经(?:作者)?(?:许可|授权|允许)[，,]?\s*(?:禁止|不得|谢绝|严禁)(?:任何形式的)?转载"
    r"|版权归.{1,30}所有|版权所有|转载请(?:注明|联系)|禁止转载|©|Copyright\s|All rights reserved"
    r"|(?:原创|授权)?发布于.{1,20}[，,]\s*未经)",
    re.I,
)
#: 关键词：跨境电商；出海 (journal articles): the author's own tags
_KEYWORDS = re.compile(r"^(?:关键词|关键字|Key\s*words?)\s*[:：]\s*(?P<body>.{2,200})$", re.I)
_NAME_END = re.compile(r"[,，;；、:：\s(（]")


def _names_from_bio(body: str) -> list[str]:
    """Names at the head of each ';'-separated bio: 郭全中,教授…;黄昊漪,硕士… -> both names."""
    names: list[str] = []
    for part in re.split(r"[;；]", body):
        part = part.strip(" 。.")
        if not part:
            continue
        name = _NAME_END.split(part, maxsplit=1)[0].strip()
        if 1 < len(name) <= 20:
            names.append(name)
    return names


def _names_from_byline(body: str) -> list[str]:
    """作者：X，编辑：Y / 作者/十里 / 作者：A、B -> the author names only."""
    head = re.split(r"[，,;；|｜丨]\s*(?:编辑|责编|出品|来源|校对|审核|排版|译者|图片)", body, maxsplit=1)[0]
    head = re.split(r"[，,;；。]", head, maxsplit=1)[0]
    names = [n.strip() for n in re.split(r"[、/&和]|\s+", head) if n.strip()]
    return [n for n in names if 1 < len(n) <= 20]


def _credits(text: str) -> list[tuple[str, str]] | None:
    """``文 | 甲 乙 编辑 | 丙 出品 /某财经`` -> its (role, name) pairs, one per name.

    A line that is nothing but two or more credits is the masthead of a media account,
    not text of the article. ``None`` when anything else is on the line: it must start
    with a credit and each role must be followed by a few short names.
    """
    marks = list(_CREDIT.finditer(text))
    if len(marks) < 2 or marks[0].start() != 0:
        return None
    found: list[tuple[str, str]] = []
    for m, nxt in zip(marks, [*marks[1:], None], strict=True):
        segment = text[m.end() : nxt.start() if nxt else len(text)]
        names = [n for n in re.split(r"[\s、，,；;/]+", segment) if n]
        if not names or len(names) > 4 or any(len(n) > 20 for n in names):
            return None
        found.extend((m.group("role"), n) for n in names)
    return found


def _original(u: Unit, m: re.Match[str], group: str) -> str:
    """A matched group, cut from the original text (the match ran on ``u.key``)."""
    original, key = u.text.strip(), u.key.strip()
    if len(original) == len(key):
        return original[m.start(group) : m.end(group)]
    return m.group(group)


def extract(units: list[Unit], meta: dict) -> None:
    """Claim byline, bio, rights and lead units; fill ``meta`` (authors, rights, lead)."""
    authors: list[str] = list(meta.get("authors") or [])
    n = len(units)
    for i, u in enumerate(units):
        # source and rights lines sit at the head or the tail of an article; in the middle
        # "来源：国家统计局" is a data source and "禁止转载" is what the article is about
        edge = i < 10 or i >= n - max(15, n * 2 // 5)
        if u.role or u.kind not in ("line", "heading", "quote"):
            continue
        text = u.key.strip()
        m = _BIO_PAREN.match(text) or _BIO_PLAIN.match(text)
        if m:
            u.role, u.reason = "removed", "author_bio"
            authors.extend(_names_from_bio(_original(u, m, "body")))
            continue
        m = _COLUMN_INLINE.match(text)
        if m:
            u.role, u.reason = "removed", "author_bio"
            authors.extend(_names_from_bio(_original(u, m, "body"))[:1])
            continue
        if _COLUMN.match(text):
            u.role, u.reason = "removed", "author_bio"
            nxt = next((v for v in units[i + 1 : i + 3] if not v.role and v.kind == "line"), None)
            if nxt is not None:
                nxt.role, nxt.reason = "removed", "author_bio"
                authors.extend(_names_from_bio(nxt.text.strip())[:1])
            continue
        if u.kind == "line" and len(text) <= 100:
            credits = _credits(text) if edge else None
            if credits:
                roles = {role for role, _ in credits}
                u.role, u.reason = "removed", ("author_bio" if roles & _AUTHOR_ROLES else "byline")
                authors.extend(name for role, name in credits if role in _AUTHOR_ROLES)
                continue
            m = _BYLINE.match(text)
            if m:
                u.role, u.reason = "removed", "author_bio"
                authors.extend(_names_from_byline(_original(u, m, "body")))
                continue
            m = _REPORTER.match(text)
            if edge and m:
                u.role, u.reason = "removed", "author_bio"
                authors.extend(n for n in re.split(r"[、\s]+", _original(u, m, "body")) if n)
                continue
            if edge and _BYLINE_SOURCE.match(text):
                u.role, u.reason = "removed", "byline"
                continue
        if u.kind in ("line", "quote"):
            m = _LEAD.match(text)
            if m and not meta.get("lead") and i < max(8, len(units) // 5):
                u.role, u.reason = "lead", "lead"
                u.data["label"] = _original(u, m, "label")
                meta["lead"] = _original(u, m, "body").strip()
                continue
        m = _KEYWORDS.match(text) if (u.kind == "line" and i < max(10, n // 6)) else None
        if m:
            u.role, u.reason = "removed", "keywords"
            if not meta.get("tags"):
                meta["tags"] = [k.strip() for k in re.split(r"[;；,，、\s]+", _original(u, m, "body").strip(" 。.")) if k.strip()]
            continue
        if edge and u.kind == "line" and len(text) <= 160 and _RIGHTS.search(text):
            u.role, u.reason = "removed", "rights"
            if not meta.get("rights"):
                meta["rights"] = u.text.strip()
    seen: set[str] = set()
    meta["authors"] = [a for a in authors if not (a in seen or seen.add(a))]
