"""Patterns that match simplified and traditional Chinese alike.

The toolkit reads articles in both scripts (and mixed), but the cue words of the
summariser, the figure finder and the section inference (本文将, 万亿, 个月, 这些 ...)
are written once, in simplified. ``both_scripts`` widens a regular expression so each
of those characters also matches its traditional forms (将 -> [将將], 万 -> [万萬]),
without a run-time OpenCC call. The table covers the characters our patterns use; it
was made with OpenCC's s2t, s2tw and s2hk, plus 钟 -> 鐘 for 分鐘.
"""

from __future__ import annotations

from typing import Iterable

#: simplified character -> its traditional forms
_PAIRS = (
    "万萬与與个個为為爲举舉么麼书書于於亩畝亿億仅僅从從们們伙夥会會余餘关關兴興内內况況减減击擊创創区區单單"
    "占佔卢盧压壓参參发發台臺号號后後吗嗎吨噸听聽围圍图圖块塊处處够夠头頭学學实實审審对對将將尝嘗尽盡层層币幣"
    "带帶并並应應张張当當总總户戶扫掃报報据據断斷无無时時权權条條来來标標样樣欢歡欧歐没沒涨漲点點现現着著码碼"
    "种種笔筆简簡类類红紅约約级級绍紹经經结結绕繞维維综綜编編缩縮营營虽雖见見计計认認讨討让讓讲講许許论論评評"
    "试試该該语語说說説请請诸諸读讀谈談责責赞贊跃躍转轉载載较較辆輛辑輯达達过過还還这這进進里裏裡钟鍾鐘链鏈镑鎊"
    "长長问問间間阅閱閲阶階际際随隨韩韓项項颗顆题題飙飆骤驟"
)


def _table() -> dict[str, str]:
    table: dict[str, str] = {}
    current = ""
    for ch in _PAIRS:
        # a simplified character is one not yet seen as anyone's traditional form
        if current and ch in _TRAD_ONLY:
            table[current] += ch
        else:
            current = ch
            table[current] = ""
    return table


#: characters that occur in _PAIRS only as traditional forms
_TRAD_ONLY = frozenset(
    "萬與個為爲舉麼書於畝億僅從們夥會餘關興內況減擊創區單佔盧壓參發臺號後嗎噸聽圍圖塊處夠頭學實審對將嘗盡層幣"
    "帶並應張當總戶掃報據斷無時權條來標樣歡歐沒漲點現著碼種筆簡類紅約級紹經結繞維綜編縮營雖見計認討讓講許論評"
    "試該語說説請諸讀談責贊躍轉載較輛輯達過還這進裏裡鍾鐘鏈鎊長問間閱閲階際隨韓項顆題飆驟"
)
TRADITIONAL: dict[str, str] = _table()


def both_scripts(pattern: str) -> str:
    """``pattern`` with every simplified character also matching its traditional forms.

    Outside a character class 将 becomes ``[将將]``; inside one (``[将来]``) the
    traditional forms are added to the class. Escapes are copied as they are.
    """
    out: list[str] = []
    in_class = False
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern):
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if ch == "[" and not in_class:
            in_class = True
        elif ch == "]" and in_class:
            in_class = False
        trad = TRADITIONAL.get(ch)
        if trad:
            out.append(ch + trad if in_class else f"[{ch}{trad}]")
        else:
            out.append(ch)
        i += 1
    return "".join(out)


def traditional_forms(words: Iterable[str]) -> set[str]:
    """Each word and its character-by-character traditional form(s) (first form)."""
    out: set[str] = set()
    for word in words:
        out.add(word)
        out.add("".join(TRADITIONAL.get(c, c)[:1] or c for c in word))
    return out
