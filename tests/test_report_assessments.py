"""The report's commentary parts (issue 7): lines, triangle, disagreements, absence, escaping."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from tripolar.model import Assessment, CodedDocument, Document, Event, Sentence
from tripolar.report.render import ReportOptions, render_report
from tripolar.store import Store

FAST = ReportOptions(n_boot=30)
DAY = dt.date(2022, 2, 15)


def judgement_doc(
    doc_id: str, day: dt.date, subject: str, polarity: float, sentence: str, holder: str, cue: str
) -> CodedDocument:
    start = 10  # the sentence does not open the document: offsets must be made relative
    text = "Opinion. " + " " + sentence
    cue_start = start + sentence.index(cue)
    record = Assessment(
        doc_id=doc_id,
        sentence_index=1,
        start=start,
        end=start + len(sentence),
        sentence=sentence,
        subject=subject,
        scope="triad" if subject.count("-") == 2 else "dyad",
        polarity=polarity,
        intensity=0.8,
        dimension="political",
        time="present",
        modality="fact",
        holder=holder,
        published=day,
        cues=(cue.lower(),),
        cue_start=cue_start,
        cue_end=cue_start + len(cue),
    )
    document = Document(
        doc_id=doc_id, text=text, title=f"Column {doc_id}", published=day,
        url=f"https://example.org/{doc_id}",
    )  # fmt: skip
    sentences = (
        Sentence(doc_id, 0, 0, 8, "Opinion."),
        Sentence(doc_id, 1, start, len(text), sentence),
    )
    return CodedDocument(document, sentences, (), assessments=(record,))


def news_doc(day: dt.date) -> CodedDocument:
    """Cooperation on all sides but Russia-USA: a romantic triangle with China the pivot."""
    pairs = (
        [("CHN", "RUS", 6.0, 2)] * 3 + [("CHN", "USA", 6.0, 2)] * 3 + [("RUS", "USA", -6.0, 4)] * 3
    )
    text = "Beijing signed a deal with Moscow."
    events = tuple(
        Event("news1", i, 0, len(text), text, f"{a}GOV", f"{b}GOV", "057", "05", g, q, day,
              "text", "t", trigger_start=8, trigger_end=14)
        for i, (a, b, g, q) in enumerate(pairs)
    )  # fmt: skip
    document = Document(doc_id="news1", text=text, title="News", published=day)
    return CodedDocument(document, (Sentence("news1", 0, 0, len(text), text),), events)


def commentary_docs() -> list[CodedDocument]:
    docs = []
    for i in range(2):
        docs.append(judgement_doc(f"cr{i}", DAY, "CHN-RUS", 0.7,
                                  "Trust between Beijing and Moscow has deepened.",
                                  "One Moscow-based analyst", "Trust"))  # fmt: skip
        docs.append(judgement_doc(f"cu{i}", DAY, "CHN-USA", -0.6,
                                  "The rivalry between Beijing and Washington is hardening.",
                                  "author", "rivalry"))  # fmt: skip
    docs.append(judgement_doc("tri", DAY, "CHN-RUS-USA", -0.7,
                              "The three powers are locked in mutual suspicion.",
                              "a veteran negotiator", "suspicion"))  # fmt: skip
    docs.append(judgement_doc("ru", DAY, "RUS-USA", -0.8,
                              "Hostility between Moscow and Washington keeps growing.",
                              "author", "Hostility"))  # fmt: skip
    return docs


def render(tmp_path: Path, docs: list[CodedDocument]) -> str:
    store = Store.open(":memory:")
    store.add(docs)
    page = render_report(store, tmp_path / "report.html", options=FAST)
    store.close()
    return page.read_text(encoding="utf-8")


def test_report_assessments_sections_with_data(tmp_path: Path) -> None:
    html = render(tmp_path, [news_doc(DAY), *commentary_docs()])
    for slug in ("CHNRUS", "CHNUSA", "RUSUSA"):
        assert f'id="fig-dyad-{slug}-commentary"' in html
        assert f'id="as-{slug}-2022Q1"' in html  # the sentences behind the point
    assert 'id="fig-triangle-commentary"' in html
    assert html.count('class="chart"') == 7 + 3 + 1  # the event charts, 3 lines, 1 triangle
    # events: romantic triangle (CHN-USA +); commentary: CHN-USA negative
    assert "events say +, commentary says −" in html
    assert "Where events and commentary disagree (1)" in html
    assert 'id="tas-CHNUSA-2022Q1"' in html and 'href="#tas-CHNUSA-2022Q1"' in html
    # the cue is marked at its place in the sentence (document offsets made relative)
    assert "<mark>Trust</mark> between Beijing and Moscow has deepened." in html
    assert "The three powers are locked in mutual <mark>suspicion</mark>." in html
    assert "One Moscow-based analyst" in html
    block = html[html.index('id="as-CHNUSA-2022Q1"') :]
    block = block[: block.index("</details>")]
    assert block.count("<tr>") == 1 + 3  # header, the two columns and the triad sentence
    assert "3 judgements in 3 documents" in block


def test_report_assessments_absent_say_so(tmp_path: Path) -> None:
    html = render(tmp_path, [news_doc(DAY)])
    assert "commentary" not in "".join(re.findall(r'data-figure="([^"]+)"', html))
    assert html.count("this store holds no assessments") == 3  # one line per dyad
    assert "No assessments among these actors in this store" in html
    assert "no judgements in commentary stored" in html
    assert 'id="as-' not in html and 'id="tas-' not in html


def test_report_assessments_one_dyad_only(tmp_path: Path) -> None:
    docs = [news_doc(DAY), commentary_docs()[0]]
    html = render(tmp_path, docs)
    assert 'id="fig-dyad-CHNRUS-commentary"' in html
    assert 'id="fig-dyad-CHNUSA-commentary"' not in html
    assert "Commentary: no judgement about CHN-USA in the stored assessments." in html


@pytest.mark.parametrize("where", ["sentence", "holder"])
def test_report_assessments_escape_hostile_text(tmp_path: Path, where: str) -> None:
    payload = '<img src=x onerror="alert(1)"><script>alert(2)</script>'
    sentence = "Trust between Beijing and Moscow is deep " + (
        payload if where == "sentence" else ""
    )
    holder = payload + "Analyst" if where == "holder" else "author"
    hostile = judgement_doc("evil", DAY, "CHN-RUS", 0.7, sentence, holder, "Trust")
    html = render(tmp_path, [news_doc(DAY), hostile])
    body = html[html.index("<body>") :]
    assert "<script>alert(2)" not in body
    assert not re.search(r"<img[^>]*onerror", body)
    assert (
        "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;&lt;script&gt;alert(2)&lt;/script&gt;" in body
    )
