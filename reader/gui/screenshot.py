"""Screenshots (gui layer): render the real main window offscreen with given display options to a PNG."""
from __future__ import annotations

import json
from pathlib import Path

from reader.core.errors import NotFound, ReaderError
from reader.core.export import write_atomic
from reader.core.library import Library
from reader.core.reading_options import ReadingOptions
from reader.gui import i18n
from reader.gui.layout_report import visible_layout
from reader.gui.main_window import MainWindow
from reader.gui.options import DisplayOptions
from reader.gui.qapp import application


def render_screenshot(
    *, db: str | None, article_id: int | None, output: Path, size: tuple[int, int], script: str = "original",
    pinyin: str = "marks", tones: str = "none", theme: str = "light", select: tuple[int, int] | None = None,
    translation: bool = False, font_size: float | None = None, offset: int = 0, class_view: bool = False,
    ui_language: str | None = None, level: int | None = None, side_by_side: bool = False, popup: int | None = None,
    annotation: int | None = None, layout_json: Path | None = None, readings: ReadingOptions | None = None,
    statistics: bool = False,
    word_status: bool = False,
) -> Path:
    """Open the window offscreen (the user's saved options are not changed) and grab it to `output`;
    `layout_json`: also write every line drawn on the image, with its glyphs and readings (layout_report);
    `readings`: reading standard, spoken tones and neutral tones (default: the View menu's defaults)."""
    app = application([])
    with Library.open(db) as lib:
        lib.ensure_seeds()
        articles = lib.list_articles()
        if not articles:
            raise ReaderError("the library is empty: import a text first")
        aid = article_id if article_id is not None else articles[0].id
        info = lib.article(aid)  # raises NotFound with a clear message
        lib.tokens(info.revision_id)  # readings cached before the window opens
        language = i18n.ui_language()
        window = MainWindow(lib, restore=False)
        window.persist = False
        try:
            _render(window, app, aid, output, size, DisplayOptions(
                script=script, pinyin=pinyin, tones=tones, theme=theme, translations=translation,
                size=font_size if font_size else DisplayOptions().size,
                **({} if readings is None else {"standard": readings.standard, "spoken_tones": readings.spoken,
                                                "neutral_tones": readings.neutral}),
            ), offset=offset, class_view=class_view, ui_language=ui_language, level=level,
                side_by_side=side_by_side, popup=popup, annotation=annotation, select=select,
                layout_json=layout_json, statistics=statistics, word_status=word_status)
        finally:  # a bad argument found on the way leaves no window behind, nor another language
            window.close()
            window.deleteLater()
            app.processEvents()
            if i18n.ui_language() != language:
                i18n.set_language(language, save=False)
    return output


def _render(
    window: MainWindow, app, aid: int, output: Path, size: tuple[int, int], options, *, offset: int, class_view: bool,  # noqa: ANN001
    ui_language: str | None, level: int | None, side_by_side: bool, popup: int | None, annotation: int | None,
    select: tuple[int, int] | None, layout_json: Path | None = None, statistics: bool = False,
    word_status: bool = False,
) -> None:
    window.resize(*size)
    window.apply_options(options, save=False)
    window.word_status.set_enabled(word_status, save=False)  # as asked, whatever the user chose
    window.show()
    window.open_article(aid, offset=offset)
    if class_view:
        window.classroom.set_active(True)
    app.processEvents()
    if ui_language or level is not None or side_by_side or popup is not None:
        prepare_screenshot(window, ui_language=ui_language, level=level, side_by_side=side_by_side, popup=popup)
        app.processEvents()
    if annotation is not None:
        if annotation not in window.annotator.by_id:
            raise ReaderError(f"article {aid} has no annotation {annotation}: see `annotations {aid}`")
        window.annotator.select(annotation, jump=not offset)
        app.processEvents()
    if select:
        window.view.set_selection(*select)
        if not offset:
            window.view.ensure_offset_visible(select[0])
    window.reading_stats.settle()  # the sidebar's known shares, counted in the background
    app.processEvents()
    image = window.grab()
    if statistics:  # the Statistics window instead, over the same library
        window.reading_stats.show_statistics()
        app.processEvents()
        image = window.reading_stats.dialog.grab()  # type: ignore[union-attr]
    output.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(output), "PNG"):
        raise ReaderError(f"cannot write {output}")
    if layout_json is not None:
        report = visible_layout(window.view, window)
        report.update(width=size[0], height=size[1], script=options.script, pinyin=options.pinyin)
        write_atomic(layout_json, json.dumps(report, ensure_ascii=False, indent=1) + "\n")


def prepare_screenshot(
    window: MainWindow, *, ui_language: str | None = None, level: int | None = None, side_by_side: bool = False,
    popup: int | None = None,
) -> None:
    """Show the window as asked for a screenshot, saving nothing (language, level, side by side, popup)."""
    if ui_language:
        window.language.switch(ui_language, save=False)
    if level is not None:
        window.scaffolding.set_level(level, save=False)
    if side_by_side:
        window.apply_options(window.options.with_(translations=True, translation_mode="side"), save=False)
        window.translation.sync()
    if popup is not None:
        window.view.ensure_offset_visible(popup)
        if not window.bilingual.show_at(popup):
            raise ReaderError(f"there is no dictionary word at offset {popup}")


__all__ = ["render_screenshot", "prepare_screenshot", "NotFound"]
