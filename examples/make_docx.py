"""Build examples/dongnanya_brief.docx, the sample Word article (text written for this project).

It exercises what the docx reader must handle: core properties, a Title paragraph,
Heading 1/2 styles, bullet and numbered lists, and a table placed between paragraphs.
Run ``.venv/bin/python examples/make_docx.py``; the output is committed so tests and
``make demo`` need not run this. Core-property dates are fixed so rebuilding gives the
same content.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

TITLE = "东南亚市场进入简报：跨境电商卖家的选品与渠道"

SECTIONS = [
    ("一、市场概况", 1, [
        "东南亚拥有六亿多人口，年轻人占比高，移动互联网普及速度快。过去五年，区域电商GMV保持两位数增长，"
        "印度尼西亚、越南和菲律宾是增速最快的三个市场。对于中国跨境电商卖家来说，这里既是近在咫尺的新兴市场，"
        "也是检验本地化能力的试验场。",
        "与欧美市场相比，东南亚消费者的客单价较低，但对新品的接受速度很快，社交电商和直播带货的渗透率明显更高。",
    ]),
    ("1.1 消费特点", 2, [
        "价格敏感、偏好移动端购物、重视社交推荐，是东南亚消费者最突出的三个特点。节庆促销在全年销售中占有重要地位，"
        "各平台的大促活动往往带来数倍于平日的订单。",
    ]),
    ("1.2 各国差异", 2, []),
    ("二、选品建议", 1, [
        "卖家应优先考虑体积小、单价适中、适合热带气候的商品，并根据宗教与文化习惯调整设计。",
    ]),
    ("三、渠道选择", 1, [
        "进入方式主要有三种：入驻区域电商平台、借助全托管模式由平台负责运营、或自建独立站并配合社交媒体引流。"
        "对于初次出海的卖家，先用平台验证需求，再逐步建立自有品牌渠道，是风险较低的路径。",
        "物流方面，海外仓能够显著缩短配送时效，但需要控制备货量；跨境直发适合测款阶段。",
    ]),
    ("四、结论", 1, [
        "东南亚市场机会与挑战并存。卖家需要以柔性供应链应对快速变化的需求，以本地化运营赢得消费者信任，"
        "在小单快反中积累数据，再决定在哪个国家加大投入。",
        "建议卖家每季度复盘各国的转化率、退货率和物流成本，及时调整渠道组合与备货策略。",
    ]),
]

COUNTRIES = [
    ("国家", "人口特点", "主流渠道"),
    ("印度尼西亚", "人口最多，岛屿分散", "综合电商平台、直播"),
    ("越南", "年轻人口比例高", "社交电商、短视频"),
    ("菲律宾", "英语普及度高", "综合电商平台"),
    ("马来西亚", "消费力较强", "平台与独立站并重"),
]

BULLETS = ["家居收纳与小家电", "轻薄透气的服饰与鞋包", "手机配件与数码周边"]
STEPS = ["在一个国家测款，确认需求", "把热销商品备货到海外仓", "复制到相邻市场并本地化调整"]


def build(path: Path) -> Path:
    """Write the sample .docx to ``path`` and return it."""
    import docx

    document = docx.Document()
    props = document.core_properties
    props.title = TITLE
    props.author = "周安然"
    props.keywords = "东南亚, 跨境电商, 出海"
    props.subject = "市场进入"
    props.created = dt.datetime(2024, 5, 20, 9, 0, 0)
    props.modified = dt.datetime(2024, 5, 20, 9, 0, 0)
    props.last_modified_by = "周安然"
    document.add_paragraph(TITLE, style="Title")
    document.add_paragraph("本文为示例简报，概述中国跨境电商卖家进入东南亚市场时的选品与渠道问题。")
    for heading, level, paragraphs in SECTIONS:
        document.add_heading(heading, level=level)
        for text in paragraphs:
            document.add_paragraph(text)
        if heading.startswith("1.2"):
            document.add_paragraph("表1 东南亚主要市场概览")
            table = document.add_table(rows=0, cols=3)
            for row in COUNTRIES:
                cells = table.add_row().cells
                for cell, text in zip(cells, row, strict=True):
                    cell.text = text
            document.add_paragraph("各国在语言、支付习惯和物流条件上差异明显，不宜用一套方案覆盖全部市场。")
        if heading.startswith("二"):
            for text in BULLETS:
                document.add_paragraph(text, style="List Bullet")
            document.add_paragraph("进入新市场的节奏可以分为三步：")
            for text in STEPS:
                document.add_paragraph(text, style="List Number")
    document.save(path)
    return path


if __name__ == "__main__":
    print(build(Path(__file__).resolve().parent / "dongnanya_brief.docx"))
