"""Document reading quality: word F1 of text read back from .docx, .odt and .pdf files.

Each article text (the bundled examples, tests/data texts, and the articles in
../shared/data/news-pairs when present, read at run time and never saved) is written as a
.docx (python-docx), an .odt (odfpy) and PDFs (Qt's PDF writer) in a temporary folder: one-
column PDFs, and two-column PDFs with a running header, page-number footers and words
hyphenated at line ends. Each file is read with ``core.reading.dispatch.read_path``; the text
of every paragraph that is not boilerplate is scored against the original words as bags of words
(precision, recall, F1 over lower-cased word tokens). Running headers and page numbers must be
marked boilerplate, or they cost precision.

    .venv/bin/python benchmarks/document_quality.py [--limit N] [--show NAME]
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from core.model import Role  # noqa: E402
from core.reading.dispatch import read_path  # noqa: E402
from tests.doc_factory import Article, PdfLayout, write_docx, write_odt, write_pdf  # noqa: E402

TARGETS = {"docx": 0.97, "odt": 0.97, "pdf": 0.95, "pdf-2col": 0.95}
_TOKEN = re.compile(r"\w+(?:[.,'’-]\w+)*")


def tokens(text: str) -> Counter[str]:
    return Counter(t.casefold() for t in _TOKEN.findall(text))


def prf(got: Counter[str], want: Counter[str]) -> tuple[float, float, float]:
    overlap = sum((got & want).values())
    p = overlap / max(1, sum(got.values()))
    r = overlap / max(1, sum(want.values()))
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def texts(limit: int) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for path in sorted((ROOT / "resources" / "examples").glob("*.txt")):
        found.append((path.stem, path.read_text(encoding="utf-8")))
    for path in sorted((ROOT / "tests" / "data" / "pairs").glob("*.txt")):
        found.append((path.stem, path.read_text(encoding="utf-8")))
    for path in sorted((ROOT / "tests" / "data" / "html").glob("*.expected.txt")):
        found.append((path.name.split(".")[0], path.read_text(encoding="utf-8")))
    shared = ROOT.parent / "shared" / "data" / "news-pairs"
    if shared.is_dir():
        for path in sorted(shared.glob("*/*.txt"))[:limit]:
            found.append((f"shared/{path.parent.name[:24]}/{path.stem}", path.read_text("utf-8")))
    return [(n, t) for n, t in found if len(t.split()) >= 40]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=20, help="articles taken from ../shared")
    parser.add_argument("--show", help="print the read paragraphs of this article")
    args = parser.parse_args()
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841  (Qt's PDF writer)
    scores: dict[str, list[tuple[str, float, float, float]]] = defaultdict(list)
    whole: dict[str, list[float]] = defaultdict(list)  # share of paragraphs read back whole
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for n, (name, text) in enumerate(texts(args.limit)):
            article = Article.from_text(text)
            want = tokens(" ".join(article.words()))
            two_col = PdfLayout(
                columns=2,
                header="The Example Gazette · Regional news",
                footer=True,
                hyphenate=True,
                justify=True,
                body_size=9.0,
            )
            files = {
                "docx": write_docx(article, folder / f"{n}.docx"),
                "odt": write_odt(article, folder / f"{n}.odt"),
                "pdf": write_pdf(article, folder / f"{n}.pdf", PdfLayout(footer=n % 2 == 0)),
                "pdf-2col": write_pdf(article, folder / f"{n}-2.pdf", two_col),
            }
            for kind, path in files.items():
                doc = read_path(path)
                got = " ".join(
                    p.span.of(doc.text) for p in doc.paragraphs if p.role is not Role.BOILERPLATE
                )
                p, r, f = prf(tokens(got), want)
                scores[kind].append((name, p, r, f))
                read = {" ".join(p.span.of(doc.text).split()) for p in doc.paragraphs}
                written = [article.title, *(t for _k, t in article.paragraphs)]
                whole[kind].append(sum(t in read for t in written) / len(written))
                if args.show and args.show in name:
                    print(f"--- {kind} {name}")
                    for para in doc.paragraphs:
                        print(f"  [{para.role.value}] {para.span.of(doc.text)[:200]}")
    print(
        f"{'format':<10} {'docs':>5} {'precision':>10} {'recall':>8} {'F1':>8} {'min F1':>8}"
        f" {'target':>7} {'whole paragraphs':>17}"
    )
    ok = True
    for kind, rows in scores.items():
        mean = [sum(r[i] for r in rows) / len(rows) for i in (1, 2, 3)]
        worst = min(rows, key=lambda r: r[3])
        met = mean[2] >= TARGETS[kind]
        ok &= met
        print(
            f"{kind:<10} {len(rows):>5} {mean[0]:>10.3f} {mean[1]:>8.3f} {mean[2]:>8.3f} "
            f"{worst[3]:>8.3f} {TARGETS[kind]:>7.2f} {'ok' if met else 'BELOW':>5}"
            f" {sum(whole[kind]) / len(whole[kind]):>11.3f}"
        )
    for kind, rows in scores.items():
        worst = sorted(rows, key=lambda r: r[3])[:2]
        print(f"  worst {kind}: " + ", ".join(f"{n} {f:.3f}" for n, _p, _r, f in worst))
    print(f"({time.perf_counter() - started:.1f} s)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
