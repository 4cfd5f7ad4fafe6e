"""Finding out what a file is: its encoding and its real format, from its content.

Articles arrive as whatever people saved: UTF-8 with or without a BOM, UTF-16 from
Windows tools, GB18030/GBK from mainland editors, Big5 from Taiwan, HTML saved as
``.txt``, front matter + HTML bodies scraped from blogs, images renamed by mistake.
The extension is only a hint; the bytes decide. Everything a user can get wrong ends
as one ``ToolkitError`` line naming the file and the problem.

GB18030 and Big5 both decode most short Chinese byte strings without error, and
charset-normalizer (like every statistical detector) is unreliable on a sentence or
two, so when both decode we let the text decide: real text is made of common
characters, a wrong decoding of rare ones.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Union

from ..errors import CorruptDocument, UnreadableInput

_EXT = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html",
        ".xhtml": "html", ".docx": "docx"}

#: refuse anything bigger: nobody's article, and it would only eat memory
MAX_BYTES = 256 * 1024 * 1024
#: how much of the file the detectors look at (decoding always covers all of it)
SAMPLE = 64 * 1024
#: a .docx must not expand beyond this, nor any member by more than this ratio
DOCX_MAX_UNCOMPRESSED = 512 * 1024 * 1024
DOCX_MAX_RATIO = 200

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)

#: signatures of files people rename to .txt/.md by mistake; checked before decoding
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "an image (PNG)"),
    (b"\xff\xd8\xff", "an image (JPEG)"),
    (b"GIF87a", "an image (GIF)"),
    (b"GIF89a", "an image (GIF)"),
    (b"II*\x00", "an image (TIFF)"),
    (b"MM\x00*", "an image (TIFF)"),
    (b"\x00\x00\x01\x00", "an image (ICO)"),
    (b"%PDF-", "a PDF file"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office file (.doc/.xls); save it as .docx"),
    (b"\x7fELF", "a program (ELF)"),
    (b"{\\rtf", "an RTF file; save it as .docx or .txt"),
)

#: the ~800 most frequent characters (simplified and traditional forms), from word
#: frequencies of jieba's dictionary; used to tell a right decoding from a wrong one
_COMMON = frozenset(
    "一万三上下不与专且世业东两严並个中为主举么义之乐也乡书了争事二于五亚些亞交产京亲人什今从他代令以们件价任企众会传但位低住"
    "体佔何余作你使來便保信個們倒候值做備傳像價儿元先光克兒党入內全兩八公六共关兴兵其具内再军农决况准几出击分切划列则创初別利"
    "别到制則前副創力办功加务动势動務勢包化北区區十千半华单南占即却卻历原去县参參又及双反发取受变口古另只叫可台史号司吃各合同"
    "名后向听告员周命和品响員商問喫單器嚴四回因团国图國圖團土在地场均型城基報場境增士声处备复外多大天太夫央失头女她好如始委子"
    "字存学學它安完官定宝实客宫宮家容富察實寶对导将將專對導小少尔就局居展属屬山州工左己已巴市布师帝带師帶常干平年并幹幾广应底"
    "府度廣建开式引张張強强当形影往很律後得從復德心必志快怎思性总息情想意愛感應成我或战戰房所手才打批技把投护报拉持指按据採接"
    "推提擊據支收改放政故教数整數文斗料断斯新斷方於施族无日早时明易星是显時更書曾最會月有服望朝期木未本术机权李村条来東极构林"
    "果查标校样根格案條業極構樂標樣機權次正此步武歷死段每比民气氣水求汉江決沒没河治況法洲活派流济海消深清游湖源準满滿漢濟火点"
    "為热無然照熱營爭爱爲爾片物特率王环现現球理環甚生產用由电界當病發白百的皇目直相省看真眼眾着知石研确確示社神离种科积称程種"
    "稱積究空突立站笑第等算管節米类精系紀約紅級素組結給統經維網線編縣總織红约级纪线组织经结给统维编网罗置羅美羣群義老考者而职"
    "联聯聲職聽股育能自至臺與興舉般色节花若英药華营萬落著藥處號虽衆行術表被装裏裝裡西要見規視親覺觀见观规视觉解言計記設許試話"
    "該認語說調請論證識議護變讓计认让议记许论设证识试话该语说请调象責費資質责质费资走起越足跟路身車軍較輕轉车转轻较辦農边达过"
    "运近还这进远连选這通速造連進遊運過道達遠選還邊那部都鄉采里重量金鐵铁長长門開間關门问间队防阳际院除陽隊随際隨难集雖雙離難"
    "電需青非面革音響項領頭題類顯项领题風风飛飞食餘首馬马體高鬥魚鱼麼黃黄黑點黨龍龙"
)

#: C0 control bytes that never occur in text (tab, newlines, form feed, escape do)
_CONTROL_BYTES = bytes(b for b in range(0x20) if b not in (0x09, 0x0A, 0x0C, 0x0D, 0x1B))
#: punctuation of Chinese text; a wrong decoding turns it into symbols or Hangul
_CJK_PUNCTUATION = frozenset("，。、；：？！“”‘’「」『』（）《》〈〉【】…—·")

_UTF8_DECLARATION = re.compile(
    rb"""<meta[^>]{0,200}charset\s*=\s*["']?\s*utf-?8|<\?xml[^>]{0,100}encoding\s*=\s*["']utf-?8|^\s*(?:#\s*-\*-\s*)?(?:encoding|charset)\s*[:=]\s*["']?utf-?8""",
    re.IGNORECASE | re.MULTILINE,
)
_FRONT_MATTER = re.compile(r"\A\s*---[ \t]*\r?\n.*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_HTML_START = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])", re.IGNORECASE | re.DOTALL)
_ATX = re.compile(r"^#{1,6}[ \t]+\S", re.MULTILINE)
_HINT_TAG = re.compile(r"^\{%-?\s*hint\b", re.MULTILINE)
_HTML_TAG = re.compile(r"<(?:p|div|h[1-6]|br|table|ul|ol|li|blockquote|section|article|span|img)(?:\s[^>]*)?/?>", re.IGNORECASE)


@dataclass(frozen=True)
class Loaded:
    """A file's content ready for a reader: text (bytes for docx), format, encoding."""

    content: Union[str, bytes]
    format: str
    encoding: str | None


def load(path: Path, *, format: str | None = None) -> Loaded:
    """Read ``path`` and decide its encoding and real format.

    Raises:
        UnreadableInput: empty, too big, binary, an image, or undecodable text.
        CorruptDocument: a .docx that is truncated, damaged or a zip bomb.
    """
    name = str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UnreadableInput(f"cannot read ({exc.strerror or exc})", path=name) from None
    if size == 0:
        raise UnreadableInput("empty file", path=name)
    if size > MAX_BYTES:
        raise UnreadableInput(f"file is {size / 2**20:.0f} MB; articles larger than {MAX_BYTES // 2**20} MB are refused", path=name)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableInput(f"cannot read ({exc.strerror or exc})", path=name) from None
    fmt = format or _EXT.get(path.suffix.lower())
    if fmt == "docx" or data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return Loaded(check_docx(data, name=name, expected=fmt == "docx"), "docx", None)
    text, encoding = decode_bytes(data, path=name)
    if not text.strip():
        raise UnreadableInput("empty file (only whitespace)", path=name)
    if fmt is None or fmt == "txt":
        fmt = sniff_text_format(text)
    return Loaded(text, fmt, encoding)


def check_docx(data: bytes, *, name: str | None = None, expected: bool = True) -> bytes:
    """Make sure ``data`` is a .docx that is safe to open; return it unchanged.

    The zip directory is checked before python-docx (lxml) ever inflates a member, so
    a truncated download or a zip bomb renamed .docx is refused cheaply.
    """
    if not data.startswith(b"PK"):
        what = _magic(data)
        if what:
            raise CorruptDocument(f"not a .docx: the file is {what}", path=name)
        raise CorruptDocument("not a .docx (it is not a zip archive)", path=name)
    import io

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise CorruptDocument(f"truncated or damaged .docx ({exc})", path=name) from None
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > 10 * 2**20 and info.compress_size and info.file_size / info.compress_size > DOCX_MAX_RATIO:
            raise CorruptDocument(
                f"refused: '{info.filename}' would expand {info.file_size / info.compress_size:.0f}x to "
                f"{info.file_size / 2**20:.0f} MB (zip bomb?)", path=name)
    if total > DOCX_MAX_UNCOMPRESSED:
        raise CorruptDocument(f"refused: would expand to {total / 2**20:.0f} MB (zip bomb?)", path=name)
    names = {info.filename for info in infos}
    if "word/document.xml" not in names:
        if not expected:
            raise UnreadableInput("a zip archive, not an article", path=name)
        raise CorruptDocument("not a Word document (no word/document.xml in the archive)", path=name)
    bad = _first_bad_member(archive)
    if bad:
        raise CorruptDocument(f"truncated or damaged .docx ({bad})", path=name)
    return data


def _first_bad_member(archive: zipfile.ZipFile) -> str | None:
    """Check the members python-docx needs; None when they read back intact (CRC ok)."""
    for member in ("[Content_Types].xml", "word/document.xml"):
        try:
            with archive.open(member) as fh:
                while fh.read(1 << 20):
                    pass
        except KeyError:
            return f"missing {member}"
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
            return f"{member}: {exc}"
        except Exception as exc:  # noqa: BLE001 - zlib.error and friends
            return f"{member}: {exc}"
    return None


def _magic(data: bytes) -> str | None:
    for signature, what in _MAGIC:
        if data.startswith(signature):
            return what
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "an image (WebP)"
    if data[4:8] == b"ftyp":
        brand = data[8:12]
        return "an image (HEIC/AVIF)" if brand in (b"heic", b"heix", b"mif1", b"avif") else "a video or audio file"
    if data[:2] == b"BM" and len(data) > 26 and data[6:10] == b"\x00\x00\x00\x00":
        return "an image (BMP)"
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "a zip archive"
    return None


def decode_bytes(data: bytes, *, path: str | None = None) -> tuple[str, str]:
    """Decode article bytes; return ``(text, encoding name)``.

    Order: a BOM decides; known binary signatures and NUL-laden bytes are refused;
    valid UTF-8 is UTF-8; a file that declares UTF-8 (or is UTF-8 up to a bad byte)
    but has invalid bytes is an error that says where; otherwise GB18030 or Big5
    (by which decoding gives common characters), else charset-normalizer's guess.

    Raises:
        UnreadableInput: binary, an image, or no encoding fits.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec.replace("-sig", "")), codec
            except UnicodeDecodeError as exc:
                label = "UTF-8" if codec == "utf-8-sig" else codec.upper()
                raise UnreadableInput(f"starts with a {label} byte-order mark but has invalid bytes at "
                                      f"{_where(data, exc.start + len(bom))}", path=path) from None
    what = _magic(data)
    if what:
        raise UnreadableInput(f"not text: the file is {what}", path=path)
    head = data[:SAMPLE]
    if b"\x00" in head:
        utf16 = _utf16_without_bom(head)
        if utf16:
            try:
                return data.decode(utf16), utf16
            except UnicodeDecodeError:
                pass
        raise UnreadableInput("binary file, not text", path=path)
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if controls > len(head) // 10:
        raise UnreadableInput("binary file, not text", path=path)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        bad = exc
    declared = _UTF8_DECLARATION.search(data[: min(len(data), 4096)])
    if declared is not None:
        said = declared.group(0).decode("ascii", "replace").strip().lower()
        where = "in <meta charset>" if said.startswith("<meta") else "in its XML declaration" if said.startswith("<?xml") else "in an encoding line"
        raise UnreadableInput(f"declares UTF-8 ({where}) but has invalid UTF-8 at {_where(data, bad.start)}", path=path)
    if _looks_like_broken_utf8(data, bad.start):
        raise UnreadableInput(f"UTF-8 text with invalid bytes at {_where(data, bad.start)}", path=path)
    return _decode_legacy(data, path=path)


def _where(data: bytes, offset: int) -> str:
    """Where a bad byte is, as a person finds it: line and character column."""
    line = data.count(b"\n", 0, offset) + 1
    start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[start:offset].decode("utf-8", errors="replace")) + 1
    return f"line {line}, column {column} (byte {offset}: 0x{data[offset]:02X})"


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 without BOM: NULs on one side of most byte pairs (ASCII-heavy text)."""
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    pairs = max(1, len(head) // 2)
    if odd > pairs * 0.3 and even < pairs * 0.02:
        return "utf-16-le"
    if even > pairs * 0.3 and odd < pairs * 0.02:
        return "utf-16-be"
    return None


def _looks_like_broken_utf8(data: bytes, bad: int) -> bool:
    """True when the bytes before the first invalid one are clearly UTF-8 text.

    Legacy Chinese encodings almost never form long runs of valid multi-byte UTF-8,
    so 20+ multi-byte characters before the error mean a damaged UTF-8 file (better
    named as such than silently read as GB18030 mojibake).
    """
    prefix = data[max(0, bad - 4096): bad]
    text = prefix.decode("utf-8", errors="ignore")
    return sum(1 for ch in text if ord(ch) > 0x7F) >= 20


def _decode_legacy(data: bytes, *, path: str | None) -> tuple[str, str]:
    candidates: dict[str, str] = {}
    for name, codec in (("gb18030", "gb18030"), ("big5", "big5"), ("big5", "cp950")):
        if name in candidates:
            continue
        try:
            candidates[name] = data.decode(codec)
        except UnicodeDecodeError:
            continue
    scored = sorted(((_commonness(text), name) for name, text in candidates.items()), reverse=True)
    if scored and scored[0][0] >= 0.25:
        name = scored[0][1]
        return candidates[name], name
    from charset_normalizer import from_bytes

    best = from_bytes(data[:SAMPLE]).best()
    if best is not None:
        try:
            return data.decode(best.encoding), best.encoding.replace("_", "-")
        except (UnicodeDecodeError, LookupError):
            pass
    if scored:
        name = scored[0][1]
        return candidates[name], name
    raise UnreadableInput("cannot tell the text encoding (not UTF-8, UTF-16, GB18030 or Big5)", path=path)


def _commonness(text: str) -> float:
    """Share of Han characters (in the first 20k) that are common ones; 0 without Han."""
    han = common = 0
    for ch in text[:20000]:
        if "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff":
            han += 1
            common += ch in _COMMON
        elif ch in _CJK_PUNCTUATION:
            han += 1
            common += 1
        elif "\ue000" <= ch <= "\uf8ff":  # private use: never real text
            han += 1
    return common / han if han else 0.0


def sniff_text_format(text: str) -> str:
    """txt, md or html, from the content of a text file.

    Front matter means Markdown (its body may be raw HTML, which the Markdown reader
    hands to the HTML reader); a document that starts as HTML, or text dense with
    block tags, is HTML; text that opens with a ``# title`` line, or has several
    ``#`` headings or a ``{% hint %}`` block, is Markdown; anything else is plain text
    (plain-text articles never start lines with ``#``, so this cannot steal them).
    """
    head = text.lstrip("\ufeff")[:8192]
    if _FRONT_MATTER.match(head) or _HINT_TAG.search(head):
        return "md"
    if _ATX.match(head.lstrip()) or len(_ATX.findall(head)) >= 2:
        return "md"
    if _HTML_START.match(head):
        return "html"
    stripped = head.lstrip()
    if stripped.startswith("<"):
        lines = [line for line in head.splitlines() if line.strip()]
        tagged = sum(1 for line in lines if _HTML_TAG.search(line))
        if lines and tagged >= max(2, len(lines) // 3):
            return "html"
    return "txt"
