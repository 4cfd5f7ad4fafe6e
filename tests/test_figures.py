"""Key figures: values as written with their unit, changes with both ends, no dates."""

from __future__ import annotations

import pytest

from toolkit.model import Document, Paragraph, Section
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
