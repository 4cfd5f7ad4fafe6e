"""Page furniture that is not the article: prompts, comment boxes, footers, chrome, ads.

Every unit claimed here goes to ``Document.removed`` with a reason, so it is out of the
text that summaries and glossaries read but still accounted for. Three kinds of rule:

* whole-line patterns that mean the same on any site (``全部评论 (0)``, ``发表评论:``,
  ``题图来自…``, ``赞赏``, ``N 评论 N 浏览 N 收藏 N 分钟``, share links, QR codes);
* the tail: after a footer marker (``推荐阅读``, ``关注我们``, ``更多精彩内容…``, a comment
  box) near the end, the remaining short lines are channel blurbs and link rows;
* reader prompts: questions to the reader (``你更看好…?为什么?``) closing the article.
"""

from __future__ import annotations

import re

from .units import Unit, han_count

_LINE_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^(?:全部|最新|热门|精彩)?评论\s*[(（\[]?\s*\d*\s*[)）\]]?$|^全部评论|^共\s*\d+\s*条评论|^暂无评论|^(?:查看|加载)更多评论|^写评论$|^发表(?:评论|你的看法|您的看法)[:：]?$"), "comments"),
    (re.compile(r"^[◎●※]?\s*欢迎(?:参与讨论|在评论区|留言|评论)"), "comments"),
    (re.compile(r"^\d+\s*评论\s*\d+\s*浏览\s*\d+\s*收藏\s*\d+\s*分钟$"), "navigation"),
    (re.compile(r"^(?:题图|封面图?|头图|首图|配图|图片|插图|图源|图片来源|题图来源)\s*(?:来自|来源于?|源自|由|[:：/|])\s*.{0,40}$"), "image_credit"),
    (re.compile(r"基于\s*CC\s*0\s*协议"), "image_credit"),
    (re.compile(r"^(?:给作者打赏|赞赏|打赏|点赞|在看|分享|收藏)[,，！!。\s]*(?:鼓励TA抓紧创作[！!]?)?$|^赞赏\s*收藏|^给作者打赏"), "tip_button"),
    (re.compile(r"^该文观点仅代表作者本人|^(?:本文)?仅代表作者(?:个人)?观点|^声明[:：].{0,80}(?:立场|观点)"), "rights"),
    (re.compile(r"^更多精彩内容|^(?:推荐阅读|相关阅读|延伸阅读|热门推荐|往期推荐|往期回顾|经典栏目|精彩专题|关注我们|扫码关注|长按(?:识别)?二维码|点击阅读原文|阅读原文)\b.{0,40}$"), "footer"),
    (re.compile(r"^(?:微信扫一扫|分享到(?:微博|微信|QQ|朋友圈).{0,400}|扫一扫.{0,20}|分享|转发)$"), "share"),
    (re.compile(r"^[-—=\s(（]*(?:(?:THE\s+)?END|完|全文完)[)）\-—=\s]*$", re.I), "footer"),
    (re.compile(r"^(?:点击|戳)(?:上方|下方|文末|左下角)?.{0,6}(?:蓝字|关注|阅读原文)|^[↓↑👇]+\s*.{0,20}$|^(?:点个|点亮)?(?:在看|点赞|转发|分享|收藏)(?:[、，,\s]*(?:在看|点赞|转发|分享|收藏))+$|^(?:点个|点亮)在看"), "share"),
    (re.compile(r"^免责声明[:：]"), "rights"),
    (re.compile(r"^(?=.{0,300}$).*🔗"), "ad"),
    (re.compile(r"^查看详情\s*[>》]?$"), "ad"),
    (re.compile(r"^\]\(https?://[^)]*\)$"), "ad"),
    (re.compile(r"^(?:\[[^\]]{1,30}\]\(https?://[^)]+\)\s*){2,}$"), "navigation"),
    (re.compile(r"^(?:\S{1,30}\s+)?(?:!\[\]\([^)]*\)\s*)*[+＋]?\s*关注$"), "navigation"),
    (re.compile(r"^\*\*(?:Category|Author|Published|Stats|Tags|Original):\*\*", re.I), "front_matter"),
]
#: markers after which (near the end of an article) the rest is site furniture
#: (not rights or image credits: a photo credit under a late image must not eat the conclusion)
_TAIL_MARKERS = {"footer", "comments", "share", "tip_button"}
#: a question asking the reader's opinion (not any rhetorical question ending the article)
_PROMPT = re.compile(
    r"(?:你|您|大家|各位|读者|朋友们).{0,30}(?:看好|认为|觉得|怎么看|如何看|会选|选择|支持|更喜欢|更倾向|有什么|有哪些|遇到过|怎么想|同意)"
    r".{0,60}[?？]\s*(?:为什么[?？]?)?\s*$"
    r"|[?？]\s*(?:欢迎)?(?:在)?(?:评论区|留言)|(?:欢迎|一起)(?:在)?(?:评论区|留言)"
)
_QR = re.compile(r"二维码|qrcode", re.I)
_SVG = re.compile(r"<svg\b", re.I)


def _mark(u: Unit, reason: str) -> None:
    u.role, u.reason = "removed", reason


_DATE_LINE = re.compile(r"^\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$")
#: author avatars and badges: named so, or served as thumbnails of at most 199 px
_CHROME_IMAGE = re.compile(r"avatar|/tag/|/icon|logo|/w/1?\d{1,2}/h/1?\d{1,2}\b|/both/1?\d{1,2}x1?\d{1,2}\b", re.I)


def mark(units: list[Unit], meta: dict | None = None) -> None:
    """Claim boilerplate units (see the module docstring for the three kinds of rule)."""
    for u in units:
        if u.role:
            continue
        if u.kind == "image":
            src = (u.raw.src if u.raw else "") or ""
            if _QR.search(u.key or "") or _QR.search(src):
                _mark(u, "share")
            elif _CHROME_IMAGE.search(src):
                _mark(u, "navigation")  # author avatars and badges of the page header
            continue
        if u.kind not in ("line", "quote", "heading"):
            continue
        text = u.key.strip()
        if _SVG.search(text):
            _mark(u, "svg")
            continue
        if u.kind == "heading" and len(text) > 30:
            continue
        for rule, reason in _LINE_RULES:
            if rule.search(text):
                _mark(u, reason)
                break
    _ad_cards(units)
    _header(units, meta or {})
    _tail(units)
    _prompts(units)


def _header(units: list[Unit], meta: dict) -> None:
    """The page header around the title: the author's name alone, the date alone."""
    authors = {a.strip() for a in meta.get("authors") or ()}
    for u in units[:20]:
        if u.role or u.kind != "line":
            continue
        text = u.text.strip()
        if _DATE_LINE.match(u.key.strip()):
            _mark(u, "navigation")
            if not meta.get("date"):
                nums = re.findall(r"\d+", text)
                meta["date"] = f"{int(nums[0]):04d}-{int(nums[1]):02d}-{int(nums[2]):02d}"
        elif text in authors:
            _mark(u, "navigation")


def _ad_cards(units: list[Unit]) -> None:
    """A course card: '[' + image + title + blurb + '查看详情 >' + '](link)' units."""
    for i, u in enumerate(units):
        if u.role == "removed" and u.reason == "ad" and u.key.strip().startswith("查看详情"):
            for j in range(i - 1, max(-1, i - 6), -1):
                v = units[j]
                if v.role and v.role != "removed":
                    break
                if v.kind in ("line", "image") and not v.role:
                    _mark(v, "ad")
                if v.kind == "line" and v.text.strip().startswith("["):
                    break


def _tail(units: list[Unit]) -> None:
    """After the first footer marker near the end, the remaining lines are furniture.

    "Near the end": what follows the marker is at most 30 % of the article's Han text
    (or under 300 characters) and holds no heading, so a ``推荐阅读`` box in the middle of
    an article does not swallow its second half. Suffix sums keep this linear.
    """
    n = len(units)
    all_counts = [han_count(u.text) for u in units]
    counts = [c if (u.kind in _TEXT_KINDS and not u.role) else 0 for u, c in zip(units, all_counts, strict=True)]
    total = sum(all_counts) or 1
    rest_after = [0] * (n + 1)  # open Han text after position i
    heading_after = [False] * (n + 1)  # an unclaimed heading after position i
    for i in range(n - 1, -1, -1):
        rest_after[i] = rest_after[i + 1] + (counts[i + 1] if i + 1 < n else 0)
        nxt = units[i + 1] if i + 1 < n else None
        heading_after[i] = heading_after[i + 1] or bool(nxt is not None and nxt.kind == "heading" and not nxt.role)
    start = None
    for i, u in enumerate(units):
        if u.role == "removed" and u.reason in _TAIL_MARKERS:
            near_end = rest_after[i] <= 0.3 * total or (rest_after[i] <= 300 and i >= n // 2)
            if near_end and not heading_after[i]:
                start = i
                break
    if start is None:
        return
    for v in units[start + 1 :]:
        if not v.role and v.kind in ("line", "list_item", "quote", "image"):
            if v.kind == "line" and re.match(r"^\s*\[\d+\]", v.text):
                continue  # reference entries are handled by the back matter pass
            _mark(v, "footer")


_TEXT_KINDS = ("line", "list_item", "quote", "image", "heading")


def _prompts(units: list[Unit]) -> None:
    """Questions to the reader that close the article (before any comment box)."""
    for u in reversed(units):
        if u.role == "removed" or u.kind == "image":
            continue
        if u.role or u.kind != "line":
            break
        text = u.key.strip()
        if len(text) <= 120 and _PROMPT.search(text):
            _mark(u, "reader_prompt")
            continue
        break
