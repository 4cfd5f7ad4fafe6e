"""One table of test vectors for the sample articles, shared by library and CLI tests.

Like markitdown's ``tests/_test_vectors.py``: each sample names metadata it must have,
text its body must contain, text its body must not contain (markup, widgets and
boilerplate), and text that must be kept in ``removed`` instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@dataclass(frozen=True)
class Vector:
    name: str
    meta: dict[str, object] = field(default_factory=dict)
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    headings: tuple[str, ...] = ()

    @property
    def path(self) -> Path:
        return EXAMPLES / self.name


VECTORS = (
    Vector(
        "haiwaicang_plain.txt",
        meta={"title": "海外仓之后：中小卖家出海的三道坎", "format": "txt", "encoding": "utf-8"},
        include=("海外仓不再是大卖家的专属配置", "先用少量爆款测试仓配链路"),
        exclude=("全部评论",),
        removed=("全部评论",),
        headings=("为什么海外仓成了标配", "时效决定转化", "库存压力"),
    ),
    Vector(
        "quantuoguan_frontmatter.md",
        meta={"title": "全托管模式三年：工厂卖家的得与失", "title_source": "front_matter", "date": "2024-04-15",
              "publisher": "出海观察", "format": "md"},
        include=("全托管的代价同样明显",),
        exclude=("<p>", "<svg", "赞赏", "编辑导语", "class="),
        removed=("给作者打赏",),
        headings=("得：把工厂的产能变成订单", "失：定价权与利润空间"),
    ),
    Vector(
        "xiaodan_academic.txt",
        meta={"title": "小单快反模式下跨境服装企业的柔性供应链建设", "format": "txt"},
        include=("小单快反与传统外贸模式对比", "100~500件"),
        headings=("引言", "概念界定", "对供应链的要求", "数字化协同"),
    ),
    Vector(
        "bendihua_gb18030.txt",
        meta={"title": "本地化不是翻译：出海企业的三门必修课", "encoding": "gb18030", "format": "txt"},
        include=("一家做智能家电的企业在进入中东市场时发现",),
        headings=("产品：从“能用”到“好用”", "营销：尊重当地的沟通方式"),
    ),
    Vector(
        "zaidihua_big5.txt",
        meta={"title": "在地化經營：臺灣品牌如何借跨境電商走向東南亞", "encoding": "big5", "format": "txt"},
        include=("東南亞並不是一個單一市場",),
        headings=("選對市場與品類", "物流與海外倉"),
    ),
    Vector(
        "zhibo_page.html",
        meta={"title": "直播出海：品牌如何在海外做好直播电商", "title_source": "html_h1", "authors": ["宋清和"],
              "date": "2024-03-08", "publisher": "出海观察", "format": "html"},
        include=("主播生态不同", "高频开播，培养本地主播"),
        exclude=("dataLayer", "font-family", "首页"),
        removed=("首页",),
        headings=("海外直播的三个差异", "本地化的三个抓手"),
    ),
    Vector(
        "dongnanya_brief.docx",
        meta={"title": "东南亚市场进入简报：跨境电商卖家的选品与渠道", "title_source": "docx_core", "authors": ["周安然"],
              "date": "2024-05-20", "format": "docx"},
        include=("印度尼西亚", "把热销商品备货到海外仓"),
        headings=("市场概况", "消费特点", "选品建议"),
    ),
)


def _block_texts(block: dict) -> list[str]:
    kind = block["type"]
    if kind in ("paragraph", "quote"):
        return [block["text"]]
    if kind == "list":
        return [f"{item['marker']} {item['text']}" for item in block["items"]]
    if kind == "table":
        return [c for c in (block["label"], block["caption"], block["caption_en"]) if c] + [
            cell for row in block["rows"] for cell in row]
    return [c for c in (block.get("label"), block.get("caption"), block.get("caption_en")) if c]


def body_text(doc: dict) -> tuple[str, list[str]]:
    """(all running text of a toolkit.document/1 dict, its section headings)."""
    texts: list[str] = []
    headings: list[str] = []

    def walk(section: dict) -> None:
        headings.append(section["heading"])
        texts.append(section["heading"])
        for block in section["body"]:
            texts.extend(_block_texts(block))
        for child in section["sections"]:
            walk(child)

    for block in doc["body"]:
        texts.extend(_block_texts(block))
    for section in doc["sections"]:
        walk(section)
    return "\n".join(texts), headings


def check(vector: Vector, doc: dict) -> None:
    """Assert that a parsed sample (as its JSON dict) matches its vector."""
    for key, value in vector.meta.items():
        assert doc["meta"][key] == value, (vector.name, key, doc["meta"][key])
    text, headings = body_text(doc)
    for needle in vector.include:
        assert needle in text, (vector.name, "missing", needle)
    for needle in vector.exclude:
        assert needle not in text, (vector.name, "should not be in the body", needle)
    removed = "\n".join(r["text"] for r in doc["removed"])
    for needle in vector.removed:
        assert needle in removed, (vector.name, "not in removed", needle)
    for heading in vector.headings:
        assert any(heading in h for h in headings), (vector.name, "no heading", heading, headings)
