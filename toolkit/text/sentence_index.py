"""The sentences of a document with where they sit: the common input of the summary,
section digests, key points and key figures.

Built once per document so the splitting and jieba tokenisation are paid once however
many of those results are asked for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Document, ListBlock, Paragraph, Quote, Section
from . import similarity
from .scripts import both_scripts
from .sentences import split_sentences

#: sentences that only frame the article or talk to the reader: never summary material
_FRAMING = re.compile(
    both_scripts(
        r"""
      (?:本文|本篇|本报告|本简报|笔者|小编|这篇文章)(?:将|会|为|是|主要|从|就|旨在|试图|尝试|通过|对|以|想|来|希望|整理|梳理|分享|介绍|探讨|分析|概述|简要|带你|为你|聚焦|围绕|结合)
    | ^(?:下面|接下来|以下|下文|今天)(?:我们|就|将|让我们|小编|笔者|和大家|跟大家|为大家|来)
    | ^(?:下面|接下来|下文|以下|最后)[^。！？!?]{0,30}(?:谈谈|聊聊|说说|讲讲|看看|介绍一下|分析一下|梳理一下)
    | (?:一起|我们)来看(?:看|一下)?(?:吧|。|！|$)
    | 来看看吧 | 一起看看 | 一起来(?:看|聊|了解|探讨)
    | (?:欢迎|敬请)(?:大家|各位)?(?:在评论区|留言|关注|转发|点赞|讨论|参与|分享)
    | 点赞|在看|关注我们|扫码|二维码|戳(?:这里|链接)|点击(?:阅读原文|下方|链接)
    | ^(?:图片?|题图|封面|配图|头图|插图)(?:来源|来自|源|由|\s*[:：])
    | (?:图片|题图|配图|封面图?)(?:来自|来源于?)
    | ^(?:来源|出处|作者|编辑|责编|责任编辑|校对|审核|排版|原标题|本文来源)\s*[:：]
    | 感兴趣的(?:读者|朋友|同学|小伙伴)|(?:此前|之前|往期|上一篇)(?:的)?文章|(?:可以|欢迎)(?:阅读|参考|查看|点击)
    | (?:原创发布于|本文由.{0,20}(?:原创|授权|发布)|未经(?:许可|授权)|禁止转载|转载请)
    """
    ),
    re.VERBOSE,
)

_QUESTION_END = re.compile(r"[?？][”’\"'」』）)]*$")
_URL_ONLY = re.compile(r"^(?:!\[[^\]]*\]\([^)]*\)|\[[^\]]*\]\([^)]*\)|https?://\S+|\s)+$")
_HAS_HAN_OR_WORD = re.compile(r"[\u4e00-\u9fff]|[A-Za-z]{2,}")


def is_framing(text: str) -> bool:
    """True for sentences that frame the article instead of saying something.

    Questions are included: in an article they are rhetorical set-ups or prompts to
    the reader, never a finding an analyst can quote. So are image credits, bare links
    and sentences introducing a list (ending in a colon).
    """
    t = text.strip()
    if not _HAS_HAN_OR_WORD.search(t) or _URL_ONLY.match(t):
        return True
    if _QUESTION_END.search(t) or t.endswith((":", "：")):
        return True
    return bool(_FRAMING.search(t))


@dataclass
class Sent:
    """One sentence of the document and its place in it."""

    text: str
    index: int
    section: Section | None
    #: position of the section among the document's sections (-1: before any section)
    section_no: int
    para_no: int
    #: position inside its paragraph (0 = paragraph lead)
    pos: int
    #: position among the sentences of its section (0 = section lead)
    pos_in_section: int
    words: list[str] = field(default_factory=list)
    vec: dict[str, float] = field(default_factory=dict)
    framing: bool = False

    @property
    def heading(self) -> str | None:
        return section_label(self.section)


def section_label(section: Section | None) -> str | None:
    """How results name a section: its heading, or its number when the heading is
    only a number (01, 02 ...); None for text before any section."""
    if section is None:
        return None
    return section.heading or section.number or ""


def _block_texts(block: object) -> list[str]:
    if isinstance(block, (Paragraph, Quote)):
        return [block.text]
    if isinstance(block, ListBlock):
        return [item.text for item in block.items]
    return []  # tables and figures are not prose: no sentence to quote


def document_sentences(doc: Document) -> list[Sent]:
    """All running-text sentences of ``doc`` in reading order, tokenised.

    Tables and figure captions are left out: a summary quotes prose.
    """
    out: list[Sent] = []
    section_ids: dict[int, int] = {}
    per_section: dict[int, int] = {}
    para_no = 0
    simplify = similarity.needs_simplifying(doc.meta.script)
    for section, block in doc.iter_blocks():
        sec_no = -1 if section is None else section_ids.setdefault(id(section), len(section_ids))
        for text in _block_texts(block):
            for pos, sentence in enumerate(split_sentences(text)):
                k = per_section.get(sec_no, 0)
                per_section[sec_no] = k + 1
                words = similarity.words(sentence, simplify=simplify)
                out.append(
                    Sent(
                        text=sentence,
                        index=len(out),
                        section=section,
                        section_no=sec_no,
                        para_no=para_no,
                        pos=pos,
                        pos_in_section=k,
                        words=words,
                        vec=similarity.vector(words),
                        framing=is_framing(sentence),
                    )
                )
            para_no += 1
    return out
