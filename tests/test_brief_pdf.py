"""Word briefings of the seed articles survive LibreOffice: the PDF text holds what matters.

Converts one briefing per seed in ../shared/corpus/seeds with ``soffice --headless
--convert-to pdf`` and reads the PDF back with ``pdftotext``: the title, every key
point and every glossary term must be there (so no glyph was lost and no part of the
document was dropped by the converter). Skips with a message when LibreOffice or
poppler is not installed (``.ci/run`` installs them) or ../shared is absent.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")

pytestmark = pytest.mark.skipif(
    not (SOFFICE and PDFTOTEXT),
    reason="LibreOffice (soffice) or pdftotext is not installed: apt-get install libreoffice-writer-nogui fonts-noto-cjk poppler-utils",
)


def squeeze(text: str) -> str:
    """Text without any white space: PDF line breaks fall anywhere in Chinese lines."""
    return re.sub(r"\s+", "", text)


@pytest.fixture
def seed_pdfs(shared: Path, tmp_path: Path):
    from toolkit.briefing import brief
    from toolkit.writers import write

    seeds = sorted((shared / "corpus" / "seeds").glob("*.txt"))
    if not seeds:
        pytest.skip("no seed articles in ../shared/corpus/seeds")
    out = tmp_path
    briefings = {}
    for seed in seeds:
        briefing = brief(seed)
        write(briefing, out / f"{seed.stem}.docx")
        briefings[seed.stem] = briefing
    profile = out / "lo-profile"  # a private profile: never collide with another soffice
    cmd = [SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
           "--outdir", str(out), *(str(out / f"{s}.docx") for s in briefings)]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    texts = {}
    for stem in briefings:
        pdf = out / f"{stem}.pdf"
        assert pdf.exists(), f"soffice made no PDF for {stem}: {done.stderr.strip()[-300:]}"
        texts[stem] = subprocess.run([PDFTOTEXT, "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                                     text=True, check=True).stdout
    return briefings, texts


def test_every_seed_briefing_converts_to_pdf_with_its_content(seed_pdfs):
    briefings, texts = seed_pdfs
    assert len(briefings) >= 5
    for stem, briefing in briefings.items():
        pdf = squeeze(texts[stem])
        article = briefing.articles[0]
        assert squeeze(article.title) in pdf, f"{stem}: title missing from the PDF"
        missing_points = [k.text for k in article.key_points if squeeze(k.text) not in pdf]
        assert not missing_points, f"{stem}: key points missing from the PDF: {missing_points[:3]}"
        missing_terms = [g.term for g in briefing.glossary if squeeze(g.term) not in pdf]
        assert not missing_terms, f"{stem}: glossary terms missing from the PDF: {missing_terms[:5]}"
        assert "摘要" in pdf and "术语表" in pdf
