"""The words of the briefing frame (headings, column names, the footer line).

They live in one table, Chinese and English side by side, so ``--labels zh|en|bilingual``
is a lookup and not a branch in every writer, and so a user template gets the same
words the built-in ones use.
"""

from __future__ import annotations

from ..errors import UsageError

LABEL_MODES = ("zh", "en", "bilingual")

#: key -> (Chinese, English). Chinese is simplified: the script conversion turns it
#: into the edition's script together with the content.
LABELS: dict[str, tuple[str, str]] = {
    "briefing": ("简报", "Briefing"),
    "combined_title": ("综合简报", "Combined briefing"),
    "contents": ("目录", "Contents"),
    "articles": ("收录文章", "Articles"),
    "source": ("来源", "Source"),
    "authors": ("作者", "Authors"),
    "date": ("日期", "Date"),
    "origin": ("原文", "Original"),
    "takeaway": ("一句话要点", "Takeaway"),
    "summary": ("摘要", "Summary"),
    "key_points": ("关键要点", "Key points"),
    "key_figures": ("关键数据", "Key figures"),
    "figure": ("数据", "Figure"),
    "measures": ("含义", "What it measures"),
    "section": ("章节", "Section"),
    "sections": ("分节摘要", "Section digests"),
    "inferred": ("推断分节", "inferred section"),
    "glossary": ("术语表", "Glossary"),
    "term": ("术语", "Term"),
    "traditional": ("繁体", "Traditional"),
    "pinyin": ("拼音", "Pinyin"),
    "english": ("英文", "English"),
    "definition": ("释义", "Definition"),
    "references": ("参考资料", "References"),
    "none": ("无", "none"),
    "colon": ("：", ": "),
    "untitled": ("无标题文章", "Untitled article"),
    "note": ("注", "Note"),
    "title_derived": ("标题由 toolkit 生成，并非原文标题", "Title derived by toolkit, not the author's"),
    "page": ("页", "Page"),
    "toc_hint": ("打开文档时更新目录；如未更新，请右键单击并选择“更新域”。",
                 "The contents update when the document opens; otherwise right-click and choose Update Field."),
    "made_by": ("由 toolkit {version} 于 {date} 生成；摘要 {chars} 字。",
                "Made by toolkit {version} on {date}; summary {chars} characters."),
}

#: labels that are sentences: in bilingual mode they are joined with " / ", not a space
_SENTENCES = {"toc_hint", "made_by", "title_derived"}
#: punctuation: bilingual mode uses the Chinese form alone
_PUNCTUATION = {"colon"}


def labels(mode: str = "zh") -> dict[str, str]:
    """The label table for one mode: ``zh``, ``en`` or ``bilingual`` ("摘要 Summary").

    Raises:
        UsageError: an unknown mode.
    """
    if mode not in LABEL_MODES:
        raise UsageError(f"unknown labels '{mode}' (known: {', '.join(LABEL_MODES)})")
    out: dict[str, str] = {}
    for key, (zh, en) in LABELS.items():
        if mode == "zh":
            out[key] = zh
        elif mode == "en":
            out[key] = en
        elif key in _PUNCTUATION:
            out[key] = zh
        else:
            out[key] = f"{zh} / {en}" if key in _SENTENCES else f"{zh} {en}"
    return out
