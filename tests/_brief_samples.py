"""Hand-made briefing content for the briefing tests (written for this project).

Built from the model dataclasses directly, so the writer tests do not depend on the
summariser or the glossary and their golden files change only when a writer does.
"""

from __future__ import annotations

from toolkit.briefing import ArticleBrief, assemble
from toolkit.model import GlossaryEntry, KeyFigure, KeyPoint, Reference, SectionDigest

GLOSSARY = (
    GlossaryEntry(term="跨境电商", hant="跨境電商", pinyin="kuà jìng diàn shāng", english="cross-border e-commerce",
                  definition="通过互联网向境外消费者销售商品的贸易方式", frequency=6, origin="termbase"),
    GlossaryEntry(term="独立站", hant="獨立站", pinyin="dú lì zhàn", english="independent online store",
                  definition="品牌自建的网上商店，不依赖第三方平台", frequency=4, origin="termbase"),
    GlossaryEntry(term="软件", hant="軟件", tw="軟體", pinyin="ruǎn jiàn", english="software",
                  definition="计算机程序及其文档", frequency=2, origin="termbase"),
)


def article_one(index: int = 1) -> ArticleBrief:
    return ArticleBrief(
        title="小家电品牌出海的三个阶段",
        source="示例周刊",
        authors=("王小明", "李华"),
        date="2024-03-18",
        origin="examples/appliance.md",
        takeaway="小家电出海正从铺货转向品牌，独立站和本地化服务是关键。",
        summary="过去五年，小家电企业的出海路径经历了铺货、平台和品牌三个阶段。"
        "去年行业出口额达到 2.63 万亿元，同比增长 12%。企业普遍认为，独立站和本地化服务是下一步的关键。",
        key_points=(
            KeyPoint(text="铺货阶段依靠价格优势，利润很薄", section="第一阶段：铺货", kind="enumeration"),
            KeyPoint(text="平台阶段要面对规则变化与流量成本", section="第二阶段：平台", kind="enumeration"),
            KeyPoint(text="品牌阶段需要独立站与售后网络", section="第三阶段：品牌", kind="enumeration"),
        ),
        key_figures=(
            KeyFigure(text="去年行业出口额达到 2.63 万亿元", value="2.63万亿元", section="第一阶段：铺货", subject="出口额"),
            KeyFigure(text="同比增长 12%", value="12%", section="第一阶段：铺货", subject="同比增长"),
            KeyFigure(text="物流时效缩短到 12-17 天，退货率下降", value="12-17天", section="第三阶段：品牌"),
        ),
        sections=(
            SectionDigest(heading="第一阶段：铺货", digest="企业把国内爆款直接搬上海外平台，靠低价取胜。", level=1),
            SectionDigest(heading="第二阶段：平台", digest="平台规则收紧后，广告费用上涨，这个阶段的利润被压缩。", level=1),
            SectionDigest(heading="售后网络", digest="在主要市场设立维修点，说明品牌愿意长期经营。", level=2, inferred=True),
        ),
        glossary=GLOSSARY,
        references=(
            Reference(label="[1]", text="海关总署：2023年进出口数据", url="https://example.com/customs"),
            Reference(label=None, text="某研究院《跨境电商发展报告》", url=None),
        ),
        chars=200,
        summary_chars=95,
        anchor=f"a{index}",
    )


def article_two() -> ArticleBrief:
    return ArticleBrief(
        title="东南亚市场里的软件服务",
        source=None,
        authors=(),
        date=None,
        origin="examples/saas.txt",
        takeaway="东南亚的中小企业开始为软件付费。",
        summary="东南亚的中小企业开始为软件付费，本地支付与多语言支持是门槛。",
        key_points=(KeyPoint(text="本地支付方式决定转化率", section=None, kind="list"),),
        key_figures=(),
        sections=(),
        glossary=(GLOSSARY[2],),
        references=(),
        summary_chars=31,
        anchor="a2",
    )


def single(**options):
    return assemble([article_one()], generated="2024-01-01", **options)


def combined(**options):
    return assemble([article_one(), article_two()], combined=True, generated="2024-01-01", **options)
