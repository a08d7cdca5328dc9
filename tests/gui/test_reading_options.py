"""View options for readings: Spoken Tones and the Reading Standard menu change what the view draws and are
remembered with the other display options."""
from __future__ import annotations

from reader.gui.options import load_options


def _readings_of(window, word: str) -> list[str | None]:  # noqa: ANN001
    """The readings the view draws over the first occurrence of `word` in the open article."""
    doc = window.view.doc
    for idx in range(len(window.view.paragraphs)):
        disp = doc.display_of(idx)
        at = disp.text.find(word)
        if at < 0:
            continue
        flat = [r for token in disp.tokens for r in token.readings]
        return flat[at : at + len(word)]
    raise AssertionError(f"{word} not in the article")


def _choose(group, value: str) -> None:  # noqa: ANN001
    next(act for act in group.actions() if act.data() == value).trigger()


def test_spoken_tones_option_changes_the_view_and_is_saved(window) -> None:  # noqa: ANN001
    window.open_article(2, offset=0)
    assert not window.act_spoken.isChecked()
    assert _readings_of(window, "不再")[0] == "bu4"  # citation tones by default
    window.act_spoken.trigger()
    assert window.options.spoken_tones and window.act_spoken.isChecked()
    assert _readings_of(window, "不再")[0] == "bu2"  # bú before a 4th tone
    assert load_options(window.store).spoken_tones
    window.act_spoken.trigger()
    assert _readings_of(window, "不再")[0] == "bu4"


def test_reading_standard_follows_the_script_or_is_set_apart(window) -> None:  # noqa: ANN001
    window.open_article(2, offset=0)
    assert _readings_of(window, "研究")[1] == "jiu1"  # Mainland readings in the original script
    _choose(window.script_group, "taiwan")
    assert _readings_of(window, "研究")[1] == "jiu4"  # the Taiwan script brings Taiwan readings
    _choose(window.standard_group, "mainland")
    assert _readings_of(window, "研究")[1] == "jiu1"
    assert load_options(window.store).standard == "mainland"
    _choose(window.script_group, "original")
    _choose(window.standard_group, "taiwan")
    assert _readings_of(window, "研究")[1] == "jiu4"
    _choose(window.standard_group, "auto")
