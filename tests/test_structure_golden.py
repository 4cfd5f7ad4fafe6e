"""Whole-document golden files for two articles written for these tests.

The JSON of each parse is compared with tests/golden/structure/<name>.json; after an
intended change run ``pytest --update-golden`` and review the diff.
"""

from __future__ import annotations

import pytest

from toolkit.readers import read_text
from toolkit.readers.audit import lost_text
from toolkit.writers.document import document_json

ACADEMIC = """1. 引言
近年来，跨境电商企业加快出海步伐，海外仓与本地化运营成为竞争焦点[1]。
2. 研究设计
2.1. 样本选择
本文选取二十家跨境电商企业作为样本，覆盖东南亚、中东与拉美市场。
Table 1. Sample by region
表1. 样本区域分布
区域 |
企业数 |
东南亚 |
9 |
中东 |
6 |
拉美 |
5 |
2.2. 指标构建
本文从履约时效、退货率和本地支付覆盖率三个维度构建指标。
2.2.1. 履约时效
2024年样本企业的平均履约时效为7.5天，较上年缩短1.2天。
Figure 1. Average delivery time
图1. 平均履约时效(单位:天)
3. 结论
本地化程度越高的企业，退货率越低，复购率越高。
参考文献:
[1] 王明. 跨境电商本地化研究[J]. 商业经济,2023(4):10-15.
[2] 某研究院. 出海白皮书[EB/OL].(2024-05-01).https://example.org/report.html.
NOTES
1本文数据来自企业公开年报。
"""

COMMENTARY = """海外仓的下一个十年
(作者简介:林一,某大学教授;周二,某大学研究生。)
过去几年，海外仓从卖家的备选项变成了必选项。
一、为什么是海外仓
1. 时效的“硬约束”2023年以来,平台对配送时效的考核越来越严格,卖家不得不把库存前移。
但实际问题不少：
①仓租上涨；
②库存周转慢；
③退货处理难。
2. 成本的再平衡
海外仓把干线运输从空运转向海运，单件成本明显下降。
二、卖家怎么选
第一，看仓库的区位，离主要消费人群越近越好。
第二，看系统的对接能力，能否与平台和物流商打通。
写在最后
海外仓不是终点，而是本地化运营的起点。
你更看好自建仓还是第三方仓?为什么?
全部评论 (0)
"""


@pytest.mark.parametrize(("name", "text"), [("academic", ACADEMIC), ("commentary", COMMENTARY)])
def test_golden_document(name: str, text: str, golden) -> None:  # noqa: ANN001 - pytest fixture
    doc = read_text(text, format="txt")
    assert lost_text(text, doc) == ""
    golden(f"structure/{name}.json", document_json(doc))
