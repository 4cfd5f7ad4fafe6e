"""Inferred sections: enumeration restarts, topic shifts, nothing lost or reordered."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.model import Document, ListBlock, ListItem, Paragraph, Section, block_text
from toolkit.readers import read, read_text
from toolkit.transforms.segment import infer_sections

P = Paragraph

#: an article written for these tests: an intro, then two enumerations, each introduced
ENUMERATED = [
    P(text="跨境电商正在改变全球零售格局，本文讨论渠道与品牌两个问题。"),
    P(text="第一，渠道正在从平台走向独立站。卖家通过独立站掌握用户数据，减少对平台流量的依赖。"),
    P(text="第二，独立站的获客成本不断上升。广告投放价格上涨，卖家需要更精细的投放策略。"),
    P(text="品牌建设是卖家出海的第二个难题，许多工厂型卖家缺少品牌经验。"),
    P(text="第一，品牌需要讲清楚自己的故事。消费者愿意为有故事的品牌支付溢价。"),
    P(text="第二，品牌需要长期投入。短期促销难以建立消费者的信任。"),
    P(text="总之，渠道和品牌决定了卖家能走多远。"),
]


def _flatten(doc: Document) -> list:
    return list(doc.body) + [b for s in doc.walk_sections() for b in s.body]


def test_enumeration_restart_starts_a_section_with_its_intro() -> None:
    doc = infer_sections(Document(body=tuple(ENUMERATED)))
    assert [s.body[0] for s in doc.sections] == [ENUMERATED[1], ENUMERATED[3]]
    assert doc.body == (ENUMERATED[0],)
    for s in doc.sections:
        assert s.inferred and s.number is None and s.level == 1 and s.heading
    assert doc.sections[0].heading == "渠道正在从平台走向独立站"


def test_enumeration_blocks_as_lists() -> None:
    items1 = (ListItem(marker="第一", text="第一，渠道变化。渠道很重要。"), ListItem(marker="第二", text="第二，成本上升。成本很高。"))
    items2 = (ListItem(marker="第一", text="第一，品牌故事。故事很重要。"), ListItem(marker="第二", text="第二，长期投入。投入很难。"))
    body = (
        P(text="导语：跨境电商的两个问题。"),
        ListBlock(ordered=True, items=items1, kind="enumeration"),
        P(text="品牌建设是第二个难题。"),
        ListBlock(ordered=True, items=items2, kind="enumeration"),
        P(text="总之，渠道和品牌决定了卖家能走多远。"),
        P(text="这是结尾。"),
    )
    doc = infer_sections(Document(body=body))
    assert len(doc.sections) == 2
    assert doc.sections[1].body[0] == body[2]
    assert _flatten(doc) == list(body)


def test_documents_with_sections_or_short_bodies_are_unchanged() -> None:
    with_sections = Document(sections=(Section(number="1", heading="引言", level=1, body=(P(text="正文。"),)),))
    assert infer_sections(with_sections) is with_sections
    short = Document(body=(P(text="一段。"), P(text="两段。")))
    assert infer_sections(short) is short


_PARAS = st.lists(
    st.sampled_from([
        "第一，渠道正在变化。", "第二，成本正在上升。", "第三，品牌更重要。", "新能源汽车出口快速增长，欧洲市场需求旺盛。",
        "电池企业在匈牙利建设工厂。", "短视频平台在东南亚增长迅速，直播电商兴起。", "支付和物流是跨境电商的基础设施。",
        "汇率波动影响卖家利润。", "一是合规，二是本地化。",
    ]).map(lambda t: Paragraph(text=t)),
    min_size=0, max_size=30,
)


@settings(max_examples=60, deadline=None)
@given(_PARAS)
def test_never_loses_or_reorders_blocks(paras: list[Paragraph]) -> None:
    doc = Document(body=tuple(paras))
    out = infer_sections(doc)
    assert _flatten(out) == paras
    assert all(s.inferred and s.body for s in out.sections)
    assert infer_sections(doc) == out  # deterministic


def test_read_adds_inferred_sections_to_flat_text() -> None:
    text = "\n".join(p.text for p in ENUMERATED)
    doc = read_text(text)
    assert [s.inferred for s in doc.sections] == [True, True]
    assert '"inferred": true' in json.dumps(doc.to_dict(), ensure_ascii=False)


# --- seeds ----------------------------------------------------------------------------


def _seed(shared, prefix: str) -> Document:
    return read(next((shared / "corpus" / "seeds").glob(prefix + "_*.txt")))


def _first_text(block) -> str:
    if isinstance(block, ListBlock):
        return block.items[0].text
    return block_text(block)[0]


def _normalise(text: str) -> str:
    return text.replace("，", ",").replace(" ", "")


def test_seed_003_sections_start_where_expected(shared) -> None:
    expected = json.loads((shared / "corpus" / "seeds" / "expected.json").read_text(encoding="utf-8"))
    starts = expected["003_c609a4907a715972.txt"]["should"]["inferred_section_starts"]
    doc = _seed(shared, "003")
    assert all(s.inferred for s in doc.sections)
    firsts = [_normalise(_first_text(s.body[0])) for s in doc.sections]
    for start in starts:
        assert _normalise(start) in [f[: len(_normalise(start))] for f in firsts], start
    assert len(doc.sections) >= 5


def test_seed_000_gets_three_inferred_sections(shared) -> None:
    doc = _seed(shared, "000")
    assert len(doc.sections) >= 3 and all(s.inferred for s in doc.sections)


def test_one_paragraph_text_is_left_alone() -> None:
    doc = Document(body=(P(text="新能源车企加快出海。" * 200),))
    assert infer_sections(doc) is doc


def test_topic_shift_splits_long_flat_text() -> None:
    cars = [P(text=f"新能源汽车出口第{i}次刷新纪录，电池与电机企业随整车厂在匈牙利和泰国建设工厂，整车出口和海外建厂同步推进。") for i in range(8)]
    pay = [P(text=f"跨境支付机构第{i}次下调汇款费率，卖家的收款、结汇和外汇风险管理成本随之下降，支付牌照竞争加剧。") for i in range(8)]
    doc = infer_sections(Document(body=tuple(cars + pay)))
    starts = []
    at = len(doc.body)
    for s in doc.sections:
        starts.append(at)
        at += len(s.body)
    assert 8 in starts  # the shift from cars to payments is a boundary
    assert _flatten(doc) == cars + pay


def test_seed_003_in_traditional_script_gets_the_same_sections(shared) -> None:
    import opencc

    path = next((shared / "corpus" / "seeds").glob("003_*.txt"))
    simplified = read(path)
    traditional = read_text(opencc.OpenCC("s2t").convert(path.read_text(encoding="utf-8")))
    assert traditional.meta.script == "hant"
    assert [len(s.body) for s in traditional.sections] == [len(s.body) for s in simplified.sections]
    convert = opencc.OpenCC("t2s").convert
    assert [convert(s.heading) for s in traditional.sections] == [convert(s.heading) for s in simplified.sections]


def test_key_term_heading_ignores_words_that_only_occur_in_urls() -> None:
    from toolkit.model import Paragraph
    from toolkit.text import similarity
    from toolkit.transforms.segment import _key_terms_heading

    url = "https://image.woshipm.com/files/2024/a.png"
    blocks = [
        Paragraph(text=f"海外仓的成本在上升，海外仓的租金也在上涨。{url}"),
        Paragraph(text=f"卖家把库存放进海外仓，租金成为海外仓卖家最大的成本。{url}"),
        Paragraph(text=f"成本和租金决定了海外仓的利润。{url}"),
    ]
    words = [similarity.words(b.text) for b in blocks]
    counts: dict[str, int] = {}
    for ws in words:
        for w in ws:
            counts[w] = counts.get(w, 0) + 1
    heading = _key_terms_heading(blocks, words, counts)
    assert heading and not any(part in heading.lower() for part in ("https", "woshipm", "com", "files", "image"))
