"""The pipeline's fast paths give the answers of the plain ones: segmentation, batched readings, bulk import."""
from __future__ import annotations

import random

from testdata import SEED_SIMP, SEED_TRAD

from reader.core.importers import parse_path
from reader.core.library import BULK_INDEX_PARAGRAPHS
from reader.core.pipeline import analyse, analyse_many
from reader.core.pipeline.polyphone import predict, predict_many
from reader.core.pipeline.segment import _get_tokenizer, segment

ALPHABET = ("的一是了我不人在他有这个上们来到时大地为子中你说生国年着就那和要她出也得里后自以会家可下而过天去能对小多然于"
            "心学么之都好看起发当没成只如事把还用第样道想作种开美总从无情己面最女但现前些所同日手又行意动方期它头经长儿回"
            "位分爱老因很给名法间斯知世什两次使身者被高已亲其进此话常与活正感乐重还觉藏ab1 2.%#\r\n\t，。？！“”、（）")


def seed_paragraphs() -> list[str]:
    return [p.text for path in (SEED_TRAD, SEED_SIMP) for p in parse_path(path).paragraphs]


def test_segment_gives_jiebas_words() -> None:
    tokenizer = _get_tokenizer()
    rng = random.Random(7)
    texts = seed_paragraphs() + ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 60))) for _ in range(3000)]
    for text in texts:
        assert segment(text) == list(tokenizer.cut(text, HMM=True)), text


def test_reading_many_paragraphs_at_once_reads_each_as_alone() -> None:
    texts = seed_paragraphs()
    batched = analyse_many(texts, list(range(0, 1000 * len(texts), 1000)))
    for k, text in enumerate(texts):
        assert batched[k] == analyse(text, 1000 * k)
    words = [segment(t) for t in texts[:12]]
    assert predict_many(words) == [predict(w) for w in words]
    assert predict_many([]) == []


def test_a_long_import_is_indexed_for_search_like_a_short_one(tmp_path, empty_library) -> None:  # noqa: ANN001
    lines = [f"第{n}段：联合国安理会召开紧急会议，讨论第{n}号决议。" for n in range(BULK_INDEX_PARAGRAPHS + 50)]
    path = tmp_path / "long.txt"
    path.write_text("\n\n".join(lines), encoding="utf-8")
    lib = empty_library
    result = lib.import_file(path)
    assert len(lib.paragraphs(result.revision_id)) == len(lines)
    (indexed,) = lib.conn.execute(
        "SELECT COUNT(*) FROM paragraphs_fts WHERE paragraphs_fts MATCH '\"紧急会议\"'").fetchone()
    assert indexed == len(lines)
    trigger = lib.conn.execute("SELECT sql FROM sqlite_master WHERE name = 'paragraphs_ai'").fetchone()
    assert trigger is not None, "the per-row index trigger is back for later inserts"
    from reader.core import health

    assert health.check(lib.path).ok
