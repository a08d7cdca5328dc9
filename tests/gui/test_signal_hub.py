"""The signal hub: an edit is shown at once by the feature that made it, announced with what changed and who
changed it; the maker skips its own broadcast, every other change (another program) refreshes the views."""
from __future__ import annotations

from PySide6.QtCore import Qt

from reader.core.annotations import Annotations


def test_a_highlight_is_shown_once_and_announced_with_its_maker(window, qtbot) -> None:  # noqa: ANN001
    window.open_article(1, offset=0)
    c, view = window.annotator, window.view
    refreshes: list[object] = []
    refresh = c.refresh
    c.refresh = lambda hint=None: (refreshes.append(hint), refresh(hint))[1]
    heard: list[tuple[int, object]] = []
    window.hub.annotationsChanged.connect(lambda aid, change: heard.append((aid, change)))
    start = c.text.index("聯合國")
    view.set_selection(start, start + 3)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_H)
    stored = [(a.start, a.end) for a in Annotations(window.lib).list_for_article(1, kind="highlight")]
    assert stored == [(start, start + 3)]
    assert [(s, e) for s, e, _colour, _key in view._highlights] == [(start, start + 3)], "shown at once"
    assert len(refreshes) == 1, "the maker redraws once, not again for its own broadcast"
    assert refreshes[0] is not None, "from what the edit changed, not everything"
    assert [(aid, change.initiator) for aid, change in heard] == [(1, c)]
    assert heard[0][1].changed is not None and heard[0][1].changed.articles == {1}

    # positive control: a change from elsewhere (no initiator) refreshes the view in full
    other = Annotations(window.lib).create(1, start + 4, start + 6, note="from the command line")
    window.hub.annotations_changed(1)
    assert refreshes[1:] == [None]
    assert other.annotation.id in c.by_id
    assert (start + 4, start + 6) in [(s, e) for s, e, _colour, _key in view._highlights]


def test_option_and_library_changes_name_who_made_them(window, qtbot, tmp_path) -> None:  # noqa: ANN001
    settings: list[tuple[str, object]] = []
    articles: list[object] = []
    window.hub.settingsChanged.connect(lambda key, initiator: settings.append((key, initiator)))
    window.hub.articlesChanged.connect(articles.append)
    window.set_option(pinyin="numbers")
    assert settings == [("display", window)]
    assert window.view.options.pinyin == "numbers"
    before = window.sidebar.count()
    text = tmp_path / "new.txt"
    text.write_text("新的文章\n\n第一段。\n", encoding="utf-8")
    window.import_files([text])
    # the import and any readings computed for it are finished: their writes are all in before the polls below
    qtbot.waitUntil(lambda: window.sidebar.count() == before + 1 and not window._workers, timeout=20000)
    assert articles and articles[0] is window, "the sidebar lists the import, announced by the window"
    window.guard.poll()  # the import was written through the worker's own connection: seen as from elsewhere
    assert articles[1:] == [None], "another connection's change is announced without an initiator"
    assert window.guard.poll() is False and len(articles) == 2, "nothing new: nothing announced"
