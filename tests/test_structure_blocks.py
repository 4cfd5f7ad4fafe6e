"""Blocks: flattened tables, captions, lists and enumerations."""

from __future__ import annotations

from toolkit.model import Figure, ListBlock, Paragraph, Table
from toolkit.readers import read_text
from toolkit.readers.blocks import cn_number, infer_columns
from toolkit.readers.raw import Raw, RawArticle
from toolkit.readers.structure import build

PARA = "海外仓让卖家把备货前置到目标市场，缩短了配送时间。"


def blocks(text: str) -> list[object]:
    return [b for _, b in read_text(text, format="txt").iter_blocks()]


def test_cn_number() -> None:
    assert [cn_number(x) for x in ("一", "十", "十二", "二十三", "一百零五", "7", "甲")] == [1, 10, 12, 23, 105, 7, None]


def test_column_count_prefers_consistent_columns() -> None:
    two = ["平台", "模式", "亚马逊", "自营加第三方", "速卖通", "第三方", "独立站", "品牌自营"]
    assert infer_columns(two) == 2
    numeric = ["", "2023", "2024", "营收", "1,200", "1,500", "利润", "300", "420", "成本", "900", "1,080"]
    assert infer_columns(numeric) == 3


def test_flattened_table_with_bilingual_caption() -> None:
    cells = ["市场 |", "份额 |", "东南亚 |", "35% |", "中东 |", "20% |", "拉美 |", "15% |"]
    text = "\n".join([PARA, "Table 1. Market share", "表1. 市场份额", *cells, PARA])
    tables = [b for b in blocks(text) if isinstance(b, Table)]
    assert len(tables) == 1
    t = tables[0]
    assert (t.label, t.caption, t.caption_en) == ("表1", "市场份额", "Market share")
    assert t.rows == (("市场", "份额"), ("东南亚", "35%"), ("中东", "20%"), ("拉美", "15%"))


def test_empty_cells_are_kept() -> None:
    cells = ["|", "2023 |", "2024 |", "营收 |", "1,200 |", "1,500 |", "利润 |", "300 |", "420 |"]
    t = next(b for b in blocks("\n".join([PARA, *cells])) if isinstance(b, Table))
    assert t.rows[0] == ("", "2023", "2024") and len(t.rows) == 3


def test_pipe_rows_table() -> None:
    text = "\n".join([PARA, "| 国家 | 时效 |", "| --- | --- |", "| 美国 | 7天 |", "| 德国 | 5天 |"])
    t = next(b for b in blocks(text) if isinstance(b, Table))
    assert t.rows == (("国家", "时效"), ("美国", "7天"), ("德国", "5天"))


def test_bilingual_figure_caption_is_one_figure() -> None:
    text = "\n".join([PARA, "Figure 3. Logistics revenue (2019-2024)", "图3. 物流收入变化(2019-2024年)", PARA])
    figs = [b for b in blocks(text) if isinstance(b, Figure)]
    assert figs == [Figure(label="图3", caption="物流收入变化(2019-2024年)", caption_en="Logistics revenue (2019-2024)")]


def test_caption_after_image_labels_the_image() -> None:
    raw = RawArticle(items=[Raw(kind="image", src="a.png"), Raw(kind="line", text="图1 海外仓分布"), Raw(kind="line", text=PARA)])
    fig = build(raw).body[0]
    assert isinstance(fig, Figure) and (fig.label, fig.caption, fig.src) == ("图1", "海外仓分布", "a.png")


def test_circled_lists_group_and_keep_markers() -> None:
    text = "\n".join([PARA, "①本地化不足；", "②投入失衡；", "③定位错位。", PARA, "①流量依赖；", "②基建短板。"])
    lists = [b for b in blocks(text) if isinstance(b, ListBlock)]
    assert [len(b.items) for b in lists] == [3, 2]
    assert lists[0].items[0].marker == "①" and lists[0].items[0].text == "本地化不足；"
    assert all(b.ordered for b in lists)


def test_other_list_markers() -> None:
    text = "\n".join([PARA, "一是完善物流；", "二是优化支付。", PARA, "1) 选品", "2) 定价", PARA, "- 美国", "- 欧洲"])
    lists = [b for b in blocks(text) if isinstance(b, ListBlock)]
    assert [(b.items[0].marker, b.kind, b.ordered) for b in lists] == [("一是", "enumeration", True), ("1)", "list", True), ("-", "list", False)]


def test_enumerations_keep_whole_paragraph_and_restart() -> None:
    first = "第一，供应链从刚性走向柔性。" + PARA
    second = "第二，渠道从平台走向独立站。" + PARA
    text = "\n".join([PARA, first, second, "另一方面，情绪价值越来越重要。", "第一，内容要真实。", "第二，互动要及时。", "第三，售后要可靠。"])
    lists = [b for b in blocks(text) if isinstance(b, ListBlock)]
    assert [len(b.items) for b in lists] == [2, 3]
    assert lists[0].kind == "enumeration" and lists[0].items[0].marker == "第一"
    assert lists[0].items[0].text == first


def test_first_time_words_are_not_enumerations() -> None:
    text = "\n".join(["第一次出海的卖家往往低估合规成本。", "第一批海外仓已经投入运营。"])
    assert all(isinstance(b, Paragraph) for b in blocks(text))


def test_explicit_list_items_group() -> None:
    raw = RawArticle(items=[
        Raw(kind="list_item", text="美国", marker="-"),
        Raw(kind="list_item", text="德国", marker="-"),
        Raw(kind="line", text=PARA),
    ])
    first = build(raw).body[0]
    assert isinstance(first, ListBlock) and [i.text for i in first.items] == ["美国", "德国"] and not first.ordered


def test_numbered_lines_in_a_row_are_an_ordered_list() -> None:
    text = "\n".join(["一、准备工作", PARA, "1. 注册账号；", "2. 提交资料；", "3. 开通店铺。", "二、运营", PARA, "（1）选品", "（2）定价", PARA])
    lists = [b for b in blocks(text) if isinstance(b, ListBlock)]
    assert [[(i.marker, i.text) for i in b.items] for b in lists] == [
        [("1.", "注册账号；"), ("2.", "提交资料；"), ("3.", "开通店铺。")],
        [("（1）", "选品"), ("（2）", "定价")],
    ]
    assert all(b.ordered and b.kind == "list" for b in lists)


def test_semicolon_lines_after_a_colon_or_heading_are_a_list() -> None:
    text = "\n".join([
        "一、建议", "建立本地客服团队；", "接入本地支付方式；", "完善退货流程。",
        "二、风险", "主要风险包括：", "汇率波动；", "合规成本上升。", "这些风险需要提前评估。",
        "三、结论", "企业需要耐心：", "出海不是短跑。", "而是长跑。",
    ])
    lists = [b for b in blocks(text) if isinstance(b, ListBlock)]
    assert [[i.text for i in b.items] for b in lists] == [
        ["建立本地客服团队；", "接入本地支付方式；", "完善退货流程。"],
        ["汇率波动；", "合规成本上升。"],
    ]
    assert all(i.marker == "" and not b.ordered for b in lists for i in b.items)
