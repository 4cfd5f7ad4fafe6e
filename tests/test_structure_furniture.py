"""Furniture and apparatus: boilerplate, bylines, lead, rights, references, notes, script."""

from __future__ import annotations

import pytest

from toolkit.readers import read_text
from toolkit.readers.raw import Raw, RawArticle
from toolkit.readers.script import detect_script
from toolkit.readers.structure import build

PARA = "中东市场的消费者越来越习惯在线购物，本地支付方式是关键。"
BODY = "\n".join([PARA] * 6)


def removed(text: str) -> dict[str, str]:
    doc = read_text(text, format="txt")
    return {r.text: r.reason for r in doc.removed}


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("全部评论 (0)", "comments"),
        ("发表评论:", "comments"),
        ("◎欢迎参与讨论，请在这里发表您的看法、交流您的观点。", "comments"),
        ("题图来自Unsplash，基于CC0协议。", "image_credit"),
        ("本文由@某作者 原创发布于某某网，未经许可，禁止转载。", "rights"),
        ("该文观点仅代表作者本人，平台仅提供信息存储空间服务。", "rights"),
        ("赞赏 收藏已收藏5 点赞已赞3", "tip_button"),
        ("1 评论 3089 浏览 5 收藏 18 分钟", "navigation"),
        ("更多精彩内容，请关注我们的公众号", "footer"),
        ("微信扫一扫", "share"),
    ],
)
def test_furniture_lines_are_removed_with_reason(line: str, reason: str) -> None:
    out = removed(BODY + "\n" + line + "\n" + PARA)
    assert out.get(line) == reason


def test_reader_prompt_and_comment_box_at_the_end() -> None:
    prompt = "你更看好平台出海，还是品牌出海?为什么?"
    out = removed("\n".join([BODY, prompt, "全部评论 (0)"]))
    assert out == {prompt: "reader_prompt", "全部评论 (0)": "comments"}


def test_footer_after_marker_takes_the_channel_blurbs() -> None:
    tail = ["推荐阅读", "经典栏目", "关注我们", "行业社群平台，深度评论分析。", "视频产业的专业圈子，就等你来。"]
    out = removed("\n".join([BODY, *tail]))
    assert set(out) == set(tail) and set(out.values()) == {"footer"}


def test_footer_marker_in_the_middle_does_not_eat_the_article() -> None:
    text = "\n".join([PARA, "推荐阅读", BODY, BODY])
    doc = read_text(text, format="txt")
    assert sum(1 for _ in doc.paragraphs()) == 13


def test_author_bio_line_gives_authors() -> None:
    doc = read_text("(作者简介:王小明,某大学教授;李华,某大学硕士研究生。)\n" + BODY, format="txt")
    assert doc.meta.authors == ("王小明", "李华")
    assert doc.removed[0].reason == "author_bio"
    assert "作者简介" not in doc.plain_text()


@pytest.mark.parametrize(("line", "authors"), [("作者/十里", ("十里",)), ("作者：林一，编辑：陈二", ("林一",)), ("作者：甲乙、丙丁", ("甲乙", "丙丁"))])
def test_bylines(line: str, authors: tuple[str, ...]) -> None:
    doc = read_text(line + "\n" + BODY, format="txt")
    assert doc.meta.authors == authors


def test_column_author_heading_and_bio() -> None:
    raw = RawArticle(items=[Raw(kind="line", text=PARA), Raw(kind="heading", text="#专栏作家#", level=3), Raw(kind="line", text="张小满，微信公众号：abc，某网专栏作家。")])
    doc = build(raw)
    assert doc.meta.authors == ("张小满",) and doc.sections == ()
    assert [r.reason for r in doc.removed] == ["author_bio", "author_bio"]


def test_editor_lead_without_label() -> None:
    raw = RawArticle(items=[Raw(kind="quote", text="编辑导语：出海不是选择题，而是必答题。"), Raw(kind="line", text=PARA)])
    doc = build(raw)
    assert doc.meta.lead == "出海不是选择题，而是必答题。"
    assert [(r.text, r.reason) for r in doc.removed] == [("编辑导语：", "label")]


def test_leading_quote_is_the_lead_and_its_repeat_is_removed() -> None:
    lead = "本文介绍了跨境进口商品的税费计算方法。"
    raw = RawArticle(items=[Raw(kind="quote", text=lead), Raw(kind="line", text="2024-01-02"), Raw(kind="quote", text=lead), Raw(kind="line", text=PARA)])
    doc = build(raw)
    assert doc.meta.lead == lead
    assert [r.reason for r in doc.removed] == ["navigation", "duplicate_lead"]  # the date line is page chrome
    assert doc.meta.date == "2024-01-02"


def test_rights_line_goes_to_meta() -> None:
    line = "本文原创发布于某某网，未经许可，禁止转载。"
    doc = read_text(BODY + "\n" + line, format="txt")
    assert doc.meta.rights == line


def test_references_with_urls() -> None:
    text = "\n".join([BODY, "参考文献:", "[1] 张三. 跨境电商研究[J]. 某学刊,2020(1):66-77.", "[2] 某网. 某报告[EB/OL].(2024-10-17).https://example.com/a.html."])
    doc = read_text(text, format="txt")
    assert [r.label for r in doc.references] == ["1", "2"]
    assert doc.references[0].text.startswith("张三")
    assert doc.references[1].url == "https://example.com/a.html"


def test_notes() -> None:
    doc = read_text(BODY + "\nNOTES\n1本文数据来源于公司年报。", format="txt")
    assert [(n.label, n.text) for n in doc.notes] == [("1", "本文数据来源于公司年报。")]


@pytest.mark.parametrize(("text", "script"), [("这个软件的后台设计", "hans"), ("這個軟體的後台設計", "hant"), ("这个软件的後臺設計與網路", "mixed"), ("abc", None)])
def test_script(text: str, script: str | None) -> None:
    assert detect_script(text) == script


@pytest.mark.parametrize("line", ["这个问题值得关注", "你准备好迎接这个时代了吗？", "出海的窗口期还有多长？"])
def test_article_text_is_not_furniture(line: str) -> None:
    doc = read_text(BODY + "\n" + line, format="txt")
    assert doc.removed == ()


def test_traditional_articles_match_the_same_patterns() -> None:
    body = "\n".join(["東南亞的消費者越來越習慣在網路上購物，本地支付方式是關鍵。"] * 4)
    text = "\n".join([
        "(作者簡介:王曉明,某大學教授;陳華,某大學研究生。)",
        "一、市場概況", body, "二、通路選擇", body, "結語", body,
        "參考文獻:", "[1] 張三. 跨境電商研究[J]. 某學刊,2020(1):66-77.",
        "本文原創發佈於某某網，未經許可，禁止轉載。", "題圖來自Unsplash，基於CC0協議。", "全部評論 (0)", "發表評論:",
    ])
    doc = read_text(text, format="txt")
    assert doc.meta.script == "hant"
    assert doc.meta.authors == ("王曉明", "陳華")
    assert [s.heading for s in doc.sections] == ["市場概況", "通路選擇", "結語"]
    assert len(doc.references) == 1 and doc.meta.rights and doc.meta.rights.startswith("本文原創")
    assert [r.reason for r in doc.removed] == ["author_bio", "reference_label", "rights", "image_credit", "comments", "comments"]


def test_unnumbered_references_with_work_titles() -> None:
    text = "\n".join([BODY, "参考资料：", "某杂志，《海外仓的十年》", "某研究院，《出海白皮书》"])
    doc = read_text(text, format="txt")
    assert [r.text for r in doc.references] == ["某杂志，《海外仓的十年》", "某研究院，《出海白皮书》"]


def test_mid_article_source_and_rights_talk_stay_text() -> None:
    middle = ["来源：国家统计局，2024年数据。", "平台规定未经授权禁止转载他人作品。"]
    doc = read_text("\n".join([BODY, BODY, *middle, BODY, BODY, BODY]), format="txt")
    assert doc.removed == ()


def test_photo_credit_near_the_end_does_not_eat_the_conclusion() -> None:
    doc = read_text("\n".join([BODY, BODY, "图片来源：网络", PARA, PARA]), format="txt")
    assert [r.reason for r in doc.removed] == ["image_credit"]
    assert sum(1 for _ in doc.paragraphs()) == 14


@pytest.mark.parametrize(
    ("line", "reason"),
    [("点击上方蓝字关注我们", "share"), ("点个在看", "share"), ("分享、点赞、在看", "share"), ("（完）", "footer"), ("- THE END -", "footer"), ("免责声明：本文不构成投资建议。", "rights"), ("原标题：出海的下半场", "byline")],
)
def test_wechat_style_furniture(line: str, reason: str) -> None:
    assert removed(line + "\n" + BODY + "\n" + line).get(line) == reason


def test_reporter_byline() -> None:
    doc = read_text("本报记者 王小明 李华\n" + BODY, format="txt")
    assert doc.meta.authors == ("王小明", "李华")


def test_keywords_line_gives_tags() -> None:
    doc = read_text("摘要：本文讨论海外仓。\n关键词：跨境电商；海外仓；本地化\n" + BODY, format="txt")
    assert doc.meta.tags == ("跨境电商", "海外仓", "本地化")
    assert doc.meta.lead == "本文讨论海外仓。"
    assert [r.reason for r in doc.removed] == ["label", "keywords"]
