"""Read aloud: sentence by sentence with the spoken sentence highlighted; disabled with a reason without a voice."""
from __future__ import annotations

from PySide6.QtCore import Qt

from reader.gui.speech import ReadAloud, Voice, find_voice


class FakeVoice(Voice):
    def __init__(self) -> None:
        super().__init__()
        self.said: list[str] = []
        self.stopped = 0

    def say(self, text: str) -> None:
        self.said.append(text)

    def stop(self) -> None:
        self.stopped += 1


def _actions(reader: ReadAloud) -> list:
    return [reader.act_selection, reader.act_sentence, reader.act_paragraph, reader.act_stop]


def test_without_a_voice_the_actions_are_disabled_and_say_why(window, no_dialogs) -> None:  # noqa: ANN001
    reader = window.read_aloud
    reader.voice_finder = lambda: (None, "Read aloud is not available: no Mandarin voice is installed")
    assert not reader.find()
    for act in _actions(reader):
        assert not act.isEnabled()
        assert act.toolTip() == "Read aloud is not available: no Mandarin voice is installed"
    assert not reader.read_paragraph()
    reader.act_sentence.trigger()
    assert no_dialogs == []


def test_the_menu_itself_says_why_reading_aloud_is_off(window) -> None:  # noqa: ANN001
    reader = window.read_aloud
    assert not reader.act_reason.isVisible(), "not looked for yet: nothing to explain"
    reader.voice_finder = lambda: (None, "Read aloud is not available: no Mandarin voice is installed")
    reader.find()
    shown = [a for a in reader.menu.actions() if a.isVisible()]
    assert shown[0] is reader.act_reason
    assert reader.reason_label.text() == "Read aloud is not available: no Mandarin voice is installed"
    reader.voice_finder = lambda: (FakeVoice(), "")
    reader.find()
    assert not reader.act_reason.isVisible() and reader.act_paragraph.isEnabled()


def test_a_missing_sound_library_names_the_packages_to_install(monkeypatch) -> None:  # noqa: ANN001
    import builtins

    real_import = builtins.__import__

    def failing(name, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        if name == "PySide6.QtTextToSpeech":
            raise ImportError("libpulse.so.0: cannot open shared object file: No such file or directory")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", failing)
    voice, reason = find_voice()
    assert voice is None and "libpulse0" in reason and "espeak-ng" in reason


def test_without_the_speech_module_there_is_a_reason_not_an_error(monkeypatch) -> None:  # noqa: ANN001
    import sys

    monkeypatch.setitem(sys.modules, "PySide6.QtTextToSpeech", None)  # import fails as without libpulse
    voice, reason = find_voice()
    assert voice is None and reason.startswith("Read aloud is not available")


def test_voice_is_looked_for_only_when_asked(window, monkeypatch) -> None:  # noqa: ANN001
    reader = window.read_aloud
    assert not reader.probed and reader.voice is None
    assert reader.act_sentence.isEnabled(), "not looked for yet: the action is there to try"
    calls = []
    reader.voice_finder = lambda: (calls.append(1), (None, "Read aloud is not available: test"))[1]
    reader.act_sentence.trigger()
    assert calls == [1] and reader.probed
    assert not reader.act_sentence.isEnabled() and reader.act_sentence.toolTip().endswith("test")


def test_reads_sentence_by_sentence_and_highlights_the_one_spoken(window, qtbot) -> None:  # noqa: ANN001
    reader = window.read_aloud
    voice = FakeVoice()
    reader.voice_finder = lambda: (voice, "")
    assert reader.find()
    assert reader.act_paragraph.isEnabled() and not reader.act_stop.isEnabled()
    assert "paragraph" in reader.act_paragraph.toolTip()
    window.open_article(2, offset=0)
    view = window.view
    par = view.paragraphs[1]
    view.ensure_offset_visible(par.start + 3)
    rect = view.glyph_rect(par.start + 3)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    window.bilingual.popup.close_popup()
    assert reader.read_paragraph()
    first = voice.said[0]
    assert par.text.startswith(first) and first.endswith("。")
    assert reader.overlay.isVisible() and reader.overlay.spans == [(par.start, par.start + len(first))]
    assert reader.overlay.rects(), "the spoken sentence is highlighted on screen"
    assert reader.act_stop.isEnabled()
    voice.finished.emit()
    assert len(voice.said) == 2 and voice.said[1] in par.text
    assert reader.overlay.spans[0][0] > par.start
    reader.act_stop.trigger()
    assert not reader.overlay.isVisible() and not reader.speaking
    assert voice.stopped >= 1


def test_read_selection_and_sentence(window) -> None:  # noqa: ANN001
    reader = window.read_aloud
    voice = FakeVoice()
    reader.voice_finder = lambda: (voice, "")
    reader.find()
    window.open_article(1, offset=0)
    text = "\n".join(p.text for p in window.view.paragraphs)
    start = text.index("聯合國安理會")
    window.view.set_selection(start, start + 6)
    assert reader.read_selection()
    assert voice.said == ["聯合國安理會"]
    voice.finished.emit()
    assert not reader.speaking and not reader.overlay.isVisible()
    reader.cursor = start
    assert reader.read_sentence()
    assert "聯合國安理會" in voice.said[-1] and voice.said[-1].endswith("。")
