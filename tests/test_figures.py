"""Key figures: values as written with their unit, changes with both ends, no dates."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.model import Document, Paragraph, Section, Table
from toolkit.text.numbers import find_quantities
from toolkit.transforms.figures import key_figures

#: (sentence, values that must be found, values that must not)
CASES = [
    ("营收达2.63万亿元，同比增长10.8%。", ["2.63万亿元", "10.8%"], []),
    ("1-10月累计出口78.9万辆，占总销量的21%。", ["78.9万辆", "21%"], ["10月"]),
    ("美国订单妥投时效12-17天，退货率高达8%。", ["12-17天", "8%"], []),
    ("用户停留时长仅28分钟(Instagram为96分钟)。", ["28分钟(Instagram为96分钟)"], ["96分钟"]),
    ("美区DAU从峰值120万骤降至90万。", ["120万 → 90万"], ["120万", "90万"]),
    ("2025年11月，工厂在3月19日投产。", [], ["2025年", "3月"]),
    ("2018-2023年间推出6款应用，过去30年变化巨大。", ["6款", "30年"], ["2018-2023年"]),
    ("5G标准和3GPP文稿，TOP3品牌，参考文献[1]。", [], ["5G", "3", "1"]),
    ("香港数据中心建设延迟6个月，接入率不足40%。", ["6个月", "40%"], ["6个"]),
    ("一场直播收获超1600万次曝光和近30万人次观看。", ["1600万次", "30万人次"], []),
]


@pytest.mark.parametrize(("text", "present", "absent"), CASES)
def test_quantities(text: str, present: list[str], absent: list[str]) -> None:
    values = [q.value for q in find_quantities(text)]
    for v in present:
        assert v in values, (v, values)
    for v in absent:
        assert v not in values, (v, values)


def test_subject_is_the_words_before_the_figure() -> None:
    (q,) = find_quantities("退货纠纷率高达8%。")
    assert q.subject == "退货纠纷率"
    (q,) = find_quantities("AI翻译准确率仅82%。")
    assert q.subject == "AI翻译准确率"


def test_key_figures_keep_sentence_and_section_and_dedupe() -> None:
    doc = Document(sections=(
        Section(number=None, heading="物流", level=1, body=(
            Paragraph(text="丢件率高达3%。后来丢件率高达3%。"),
            Paragraph(text="配送时效缩短到5天。"),
        )),
    ))
    figures = key_figures(doc)
    assert [(f.value, f.section) for f in figures] == [("3%", "物流"), ("5天", "物流")]
    assert figures[0].text == "丢件率高达3%。"
    assert figures[0].subject == "丢件率"


def test_no_figures_in_plain_prose() -> None:
    assert key_figures(Document(body=(Paragraph(text="出海是一道生存题。"),))) == []


def test_years_are_masked_so_changes_keep_both_ends() -> None:
    (q,) = find_quantities("占外贸的比重从2021年的4.9%增长到2024年的6%。")
    assert q.value == "4.9% → 6%"
    assert q.subject == "占外贸的比重"


def test_subject_drops_time_words_and_example_lists() -> None:
    (q,) = find_quantities("2025年1-10月，比亚迪累计出口78.9万辆。")
    assert q.subject == "比亚迪累计出口"
    (q,) = find_quantities("Uniik、Spark等6款应用相继停止运营。")
    assert q.subject and q.subject.startswith("应用")


def test_traditional_script_figures() -> None:
    values = [q.value for q in find_quantities("美區DAU從峰值120萬驟降至90萬，營收達2.63萬億元，停留時長僅28分鐘，2025年出口78.9萬輛。")]
    assert values == ["120萬 → 90萬", "2.63萬億元", "28分鐘", "78.9萬輛"]


#: Chinese-numeral statistics: (sentence, the value as written). Written for these tests.
CN_POSITIVE = [
    ("跨境包裹三天送达。", "三天"),
    ("近四成用户选择退货。", "四成"),
    ("海运通常要十天以上。", "十天"),
    ("售价是国内的两倍。", "两倍"),
    ("五成商家仍在亏损。", "五成"),
    ("三分之一的订单来自海外。", "三分之一"),
    ("超过一半的卖家没有盈利。", "一半"),
    ("平台已有百万级用户。", "百万级"),
    ("园区聚集了上千家工厂。", "上千家"),
    ("公司去年融资数十亿元。", "数十亿元"),
    ("业务覆盖十二个国家。", "十二个国家"),
    ("线上渠道占比百分之三十。", "百分之三十"),
    ("团队花了七年试错。", "七年"),
    ("退货率下降了百分之三点五。", "百分之三点五"),
    ("单日订单突破两万单。", "两万"),
    ("门店数量翻了四到五倍。", "四到五倍"),
    ("每次直播只有十几个人观看。", "十几个"),
    ("工厂雇了三百名工人。", "三百名"),
    ("这笔订单耗时三个月才完成。", "三个月"),
    ("月活过亿。", "过亿"),
    ("单场成交额破百万。", "破百万"),
    ("用户规模接近五千万。", "五千万"),
    ("广告收入占营收的七成以上。", "七成"),
    ("会议持续了三四个小时。", "三四个小时"),
    ("配送只需二十分钟。", "二十分钟"),
    ("销售额增长了一倍。", "一倍"),
    ("不到一年就实现了盈利。", "一年"),
    ("退货处理一小时内完成。", "一小时"),
    ("市值缩水三分之二。", "三分之二"),
    ("已有四十余年历史。", "四十余年"),
    ("營收是去年的兩倍，近四成用戶來自海外，覆蓋十二個國家。", "十二個國家"),
    ("市場規模達數十億元。", "數十億元"),
    ("月流水只有几万美金。", "几万美金"),
]

#: ordinary words and phrases that contain numerals but state no figure
CN_NEGATIVE = [
    "一些卖家还在观望。",
    "我们一起看看这个市场。",
    "一方面成本上升，另一方面需求下降。",
    "第一，要找准定位。",
    "三大归因值得注意。",
    "一带一路沿线国家。",
    "这件事十分重要。",
    "万一出现问题怎么办。",
    "一定要重视本地化。",
    "他做事三心二意。",
    "九成新的二手手机很受欢迎。",
    "这两年变化很大。",
    "每一天都很难熬。",
    "三天两头出问题。",
    "产品走进千家万户。",
    "行业百家争鸣。",
    "千万别这样做。",
    "两家公司达成合作。",
    "有三个问题需要回答。",
    "二〇二四年是关键一年。",
    "九十年代的工厂。",
    "过去两年行业内卷严重。",
    "未来三年是窗口期。",
    "上一个时代已经结束。",
    "以上三项准备就绪。",
    "算不上一个好生意。",
    "双十一当天销量大涨。",
    "一成不变的打法行不通。",
    "另一半的想法不同。",
    "成本控制是第三个难点。",
    "十年来行业变化很大。",
    "他们制定了三年计划。",
    "事情十万火急。",
    "一年四季都有需求。",
    "星期三开会。",
    "我们要做到百分之百满意。",
    "一级市场的融资变难了。",
    "这是十年未有之变局。",
    "前三名都是老牌企业。",
]


@pytest.mark.parametrize(("text", "value"), CN_POSITIVE)
def test_chinese_numeral_figures_found(text: str, value: str) -> None:
    values = [q.value for q in find_quantities(text)]
    assert value in values, (value, values)


@pytest.mark.parametrize("text", CN_NEGATIVE)
def test_numeral_words_are_not_figures(text: str) -> None:
    assert find_quantities(text) == [], text


def test_chinese_figures_keep_subject_and_mix_with_arabic() -> None:
    qs = find_quantities("退货率高达三成，物流时效为12-17天。")
    assert [(q.value, q.subject) for q in qs] == [("三成", "退货率"), ("12-17天", "物流时效")]
    (q,) = find_quantities("超过一半的卖家没有盈利。")
    assert q.subject == "卖家没有盈利"


def test_approximators_stay_out_of_value_unless_the_number_needs_them() -> None:
    # 近 qualifies 四成 (kept out, as with 近30万人次); 上千 and 破亿 mean nothing without it
    assert [q.value for q in find_quantities("近四成用户，上千家工厂，销量破亿。")] == ["四成", "上千家", "破亿"]


def _table_doc() -> Document:
    return Document(body=(
        Paragraph(text="各市场的物流表现如下。"),
        Table(
            rows=(
                ("市场", "妥投时效", "退货率", "备注"),
                ("美国", "12-17天", "8%", "清关较慢，旺季通常需要两周以上才能完成"),
                ("英国", "约10天", "三成", "2024"),
            ),
            caption="表1 物流",
        ),
        Paragraph(text="总体丢件率约为3%。"),
    ))


def test_table_cells_with_a_unit_are_figures_in_reading_order() -> None:
    figures = key_figures(_table_doc())
    assert [(f.value, f.subject) for f in figures] == [
        ("12-17天", "美国 妥投时效"),
        ("8%", "美国 退货率"),
        ("10天", "英国 妥投时效"),
        ("三成", "英国 退货率"),
        ("3%", "总体丢件率"),
    ]
    assert figures[0].text.startswith("表1 物流: 美国 | 12-17天")


def test_table_prose_cells_years_and_bare_numbers_are_not_figures() -> None:
    values = [f.value for f in key_figures(_table_doc())]
    assert "两周" not in values and "2024" not in values
    doc = Document(body=(Table(rows=(("年份", "出口"), ("2024", "1200"))),))
    assert key_figures(doc) == []


def test_table_without_header_uses_the_row_label() -> None:
    doc = Document(body=(Table(rows=(("美国", "8%"), ("英国", "5%"))),))
    assert [(f.value, f.subject) for f in key_figures(doc)] == [("8%", "美国"), ("5%", "英国")]


def test_limit_counts_table_figures() -> None:
    assert len(key_figures(_table_doc(), limit=2)) == 2


_CN_ALPHABET = "一二两三四五六七八九十百千万亿几数上近超破天年成倍家个月元%分之半的第这过去，。"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=_CN_ALPHABET, max_size=30))
def test_values_are_text_spans_and_never_overlap(text: str) -> None:
    found = find_quantities(text)
    for q in found:
        assert text[q.start : q.end].startswith(q.value.split(" → ")[0].split("(")[0])
    for a, b in zip(found, found[1:], strict=False):
        assert a.end <= b.start


def test_changes_with_chinese_numeral_ends_keep_both_ends() -> None:
    assert [(q.value, q.subject) for q in find_quantities("配送时间从十天缩短到三天。")] == [("十天 → 三天", "配送时间")]
    assert [q.value for q in find_quantities("退货率从三成降至一成。")] == ["三成 → 一成"]
    assert [q.value for q in find_quantities("时效从12天缩短至三天，成本下降两成。")] == ["12天 → 三天", "两成"]
    # two figures in one clause without 从 are not a change
    assert [q.value for q in find_quantities("三天送达，退货率三成。")] == ["三天", "三成"]
