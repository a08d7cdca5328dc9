"""The reader's name in class: asked on the first highlight of a hand-out article (never the login name),
asked again at hand-in; a rename in Preferences keeps the vocabulary list."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer

from reader.core import identity
from reader.core import vocabulary as vocab
from reader.core.annotations import Annotations
from reader.core.classroom import make_handout, open_handout
from reader.core.library import Library


def span(window, quote: str) -> tuple[int, int]:  # noqa: ANN001
    s = window.annotator.text.index(quote)
    return s, s + len(quote)


def highlight(qtbot, window, quote: str) -> None:  # noqa: ANN001
    window.activateWindow()  # the window a dialog just left (shortcuts go to the active window)
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    window.view.set_selection(*span(window, quote))
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_H)


def answer(window, name: str | None) -> None:  # noqa: ANN001
    """Fill in the name dialog once it is open (None: cancel it)."""
    def fill() -> None:
        dialog = window.classroom.name_prompt.dialog
        if dialog is None:
            QTimer.singleShot(20, fill)
            return
        if name is None:
            dialog.reject()
        else:
            dialog.edit.setText(name)
            dialog.accept()

    QTimer.singleShot(20, fill)


def from_a_handout(window, tmp_path: Path) -> None:  # noqa: ANN001
    """Article 1 of the window's library is the one a teacher's hand-out carried."""
    with Library.open(tmp_path / "teacher.sqlite3") as teacher:
        teacher.ensure_seeds()
        handout = make_handout(teacher, [1], tmp_path / "week1.readerclass")
    open_handout(window.lib, handout)


def test_the_first_highlight_on_a_handout_article_asks_the_name_once(window, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    from_a_handout(window, tmp_path)
    window.open_article(1, offset=0)
    answer(window, None)  # cancelled: nothing is made, no name kept
    highlight(qtbot, window, "外交")
    assert Annotations(window.lib).list_for_article(1) == [] and identity.name_set(window.lib) is None
    answer(window, "  Li\tWei ")
    highlight(qtbot, window, "外交")
    (ann,) = Annotations(window.lib).list_for_article(1)
    assert ann.author == "Li Wei" and window.lib.reader_name == "Li Wei"
    highlight(qtbot, window, "閃電戰")  # asked once: the next highlight needs no answer
    assert [a.author for a in Annotations(window.lib).list_for_article(1)] == ["Li Wei", "Li Wei"]


def test_an_article_not_from_a_handout_asks_nothing(window, qtbot) -> None:  # noqa: ANN001
    window.open_article(1, offset=0)
    highlight(qtbot, window, "外交")
    (ann,) = Annotations(window.lib).list_for_article(1)
    assert ann.author == identity.UNNAMED and identity.name_set(window.lib) is None


def test_a_bad_name_is_explained_in_the_dialog(window, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    from reader.gui.name_prompt import NameDialog

    dialog = NameDialog("Hand in", "Your name:", "", window)
    qtbot.addWidget(dialog)
    dialog.edit.setText("王" * 101)
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted  # still open, explained
    assert "at most 100" in dialog.error.text() and dialog.name is None
    dialog.edit.setText("王芳")
    dialog.accept()
    assert dialog.name == "王芳"


def test_a_rename_in_preferences_keeps_the_vocabulary_panel(window, qtbot) -> None:  # noqa: ANN001
    from reader.gui.preferences import PreferencesDialog

    window.lib.set_reader_name("Lin")
    vocab.add(window.lib, "联合国")
    vocab.add(window.lib, "世界")
    panel = window.vocabulary_panel.panel
    panel.reload()
    assert panel.model.rowCount() == 2
    dialog = PreferencesDialog(window.lib, window)
    qtbot.addWidget(dialog)
    assert dialog.name.text() == "Lin"
    dialog.name.setText("Lin Mei")
    dialog.accept()
    assert window.lib.reader_name == "Lin Mei"
    panel.reload()
    assert panel.model.rowCount() == 2
    assert {e.simplified for e in vocab.list_words(window.lib)} == {"联合国", "世界"}
