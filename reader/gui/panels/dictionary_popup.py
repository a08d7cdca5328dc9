"""The dictionary popup (gui layer): a word's script forms, coloured reading, senses and HSK level.

A child widget of the reading view's viewport (so it works offscreen and never leaves the window). It is
placed below the line of the word it explains, or above that line when there is no room below, so it never
covers the word. Esc closes it; Left/Right ask for the previous/next word. Its buttons show where the word
stands in the reader's list: "Add to vocabulary" or "In vocabulary ✓" (which shows it in the list), and its
status (reader.core.word_status) as a row of buttons 1 2 3 4 5 ✓ Ignore — clicking the status the word has
sets it back to new. While the popup has the focus, keys 1–5, K and I do the same (in the reading view
1–9 stay tag shortcuts), and E opens the editor of your own translation. Above the senses comes the reader's own translation, note and parent word
(panels.glossary_box), edited in place; the parent and the words under it are links that show that word
here, with a link back.
"""
from __future__ import annotations

import html
import re
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from reader.core.dictionary import HSK_BAND, Entry
from reader.core.glossary import Gloss
from reader.core.pipeline.readings import render, tone_of
from reader.core.reading_options import ReadingOptions, written_reading
from reader.core.vocabulary import WordState
from reader.core.word_status import LEARNING
from reader.gui.options import Palette, tone_colour
from reader.gui.panels.glossary_box import GlossBox

_SYLLABLE = re.compile(r"[a-zv]+[1-5]")
GAP = 4  # pixels between the word's line and the popup
WIDTH = 380
MAX_HEIGHT = 420
SENSES_MIN = 48  # the senses' area scrolls; it never shrinks below this
STATUS_BUTTONS = (*LEARNING, "known", "ignored")  # the popup's status row, in this order
_STATUS_KEYS = {key.value: status for key, status in (
    (Qt.Key.Key_1, "learning1"), (Qt.Key.Key_2, "learning2"), (Qt.Key.Key_3, "learning3"),
    (Qt.Key.Key_4, "learning4"), (Qt.Key.Key_5, "learning5"), (Qt.Key.Key_K, "known"), (Qt.Key.Key_I, "ignored"))}


def hsk_label(level: int | None) -> str:
    """'HSK 4', 'HSK 7–9' (the band), '' for a word not in the list."""
    if level is None or level <= 0:
        return ""
    return "HSK 7–9" if level >= HSK_BAND else f"HSK {level}"


def reading_html(reading: str, style: str, scheme: str, palette: Palette) -> str:
    """A TONE3 reading in a display style, each syllable in its tone colour (other tokens as written)."""
    style = style if style in ("marks", "numbers", "zhuyin") else "marks"
    parts = []
    for syllable in reading.split():
        if _SYLLABLE.fullmatch(syllable):
            shown = render(syllable, style) or syllable
            colour = tone_colour(scheme, tone_of(syllable), palette, reading=True)
            parts.append(f'<span style="color:{colour.name()}">{html.escape(shown)}</span>')
        else:
            parts.append(html.escape(syllable))
    return " ".join(parts)


_VARIANT = re.compile(r"^(?:\([^)]*\) )?(?:[\w-]+ ){0,3}variant of\b|^see (?:also )?\S|^used in\b")


def _rank(entry: Entry) -> int:
    if entry.senses and all(_VARIANT.search(s) for s in entry.senses):
        return 2
    return 1 if entry.proper_noun else 0


def ordered_entries(entries: Sequence[Entry]) -> list[Entry]:
    """Common words first, then proper nouns, then variant and cross-reference entries."""
    return sorted(entries, key=_rank)


class DictionaryPopup(QFrame):
    """Shows one dictionary word; emits what the reader asks for (add, copy, step, close)."""

    addRequested = Signal()
    showInVocabularyRequested = Signal()  # the word is in the list: show it there
    statusRequested = Signal(str)  # give the word this status (reader.core.word_status.STATUSES)
    copyRequested = Signal()
    stepRequested = Signal(int)  # -1 previous word, +1 next word
    glossSaveRequested = Signal(str, str, str)  # the reader's own translation, note, parent for the word
    lookUpRequested = Signal(str)  # show this word (a parent, or a word under it) in the popup
    backRequested = Signal()  # back to the word shown before a looked-up one
    closed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("dictionaryPopup")
        self.setProperty("i18n_own", True)  # retranslates itself (see retranslate)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.span: tuple[int, int] | None = None
        self.word = ""
        self.entries: list[Entry] = []
        self.readings: list[str] = []  # each entry's reading as written (reading options applied)
        self.hsk: int | None = None
        self.state = WordState(False, False)
        self.trail: list[tuple[str, list[Entry], int | None]] = []  # words shown before a looked-up one
        self._look: dict[str, object] = {}  # how the last word was shown (script, style, scheme, palette)
        self.gloss_box = GlossBox(self, WIDTH - 20)  # the layout's margins: 10 + 10
        self.gloss_box.saveRequested.connect(self.glossSaveRequested)
        self.gloss_box.lookUpRequested.connect(self.lookUpRequested)
        self.back_link = QLabel(self)
        self.back_link.setObjectName("popupBack")
        self.back_link.setTextFormat(Qt.TextFormat.RichText)
        self.back_link.setOpenExternalLinks(False)
        self.back_link.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.back_link.linkActivated.connect(lambda _href: self.backRequested.emit())
        self.back_link.hide()
        self.status_label = QLabel(self)
        self.status_label.setObjectName("popupStatusLabel")
        self.status_buttons: dict[str, QPushButton] = {}
        for status in STATUS_BUTTONS:
            button = self.status_buttons[status] = QPushButton(self)
            button.setObjectName(f"popupStatus_{status}")
            button.setCheckable(True)
            button.clicked.connect(lambda _checked=False, s=status: self._status_clicked(s))
            if status != "ignored":
                button.setFixedWidth(30 if status in LEARNING else 36)
        self.known_button = self.status_buttons["known"]
        self.header = QLabel(self)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.badge = QLabel(self)
        self.badge.setObjectName("hskBadge")
        self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body = QLabel(self)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setWordWrap(True)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(self.body)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.viewport().setAutoFillBackground(False)  # the popup's own background, however tall
        self.scroll.setMinimumHeight(SENSES_MIN)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.add_button = QPushButton(self)
        self.copy_button = QPushButton(self)
        self.add_button.setObjectName("popupVocabulary")
        self.add_button.clicked.connect(self._vocabulary_clicked)
        self.copy_button.clicked.connect(self.copyRequested)
        for button in (self.add_button, self.copy_button, *self.status_buttons.values()):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAutoDefault(False)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.header, 1)
        top.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        statuses = QHBoxLayout()
        statuses.setContentsMargins(0, 0, 0, 0)
        statuses.setSpacing(2)
        statuses.addWidget(self.status_label, 1)
        for button in self.status_buttons.values():
            statuses.addWidget(button)
        col = QVBoxLayout(self)
        col.setContentsMargins(10, 8, 10, 8)
        col.setSpacing(6)
        col.addWidget(self.back_link)
        col.addLayout(top)
        col.addWidget(self.gloss_box)
        col.addWidget(self.scroll, 1)
        col.addLayout(statuses)
        col.addLayout(buttons)
        self.setFixedWidth(WIDTH)
        self.retranslate()
        self.hide()

    # ---- text ------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        if self.state.in_vocabulary:
            self.add_button.setText(self.tr("In vocabulary ✓"))
            self.add_button.setToolTip(self.tr("This word is in your vocabulary list: click to show it there"))
        else:
            self.add_button.setText(self.tr("Add to vocabulary"))
            self.add_button.setToolTip(self.tr("Keep this word, its sentence and the article in your vocabulary list"))
        names = self.status_names()
        current = self.state.status
        self.status_label.setText(names[current])
        self.status_label.setToolTip(self.tr("How well you know this word; click the popup, then press 1–5, K or I"))
        for status, button in self.status_buttons.items():
            button.setText(self.tr("Ignore") if status == "ignored" else "✓" if status == "known" else status[-1])
            button.setChecked(status == current)
            if status == current:  # tooltips: the interface's own words only
                button.setToolTip(self.tr("The word is %1: click to make it new again").replace("%1", names[status].lower()))
            elif status == "known":
                button.setToolTip(self.tr("Known (K): no reading above it when readings are shown only above your level"))
            elif status == "ignored":
                button.setToolTip(self.tr("Ignore (I): not a word to learn, such as a name; no reading above it either"))
            else:
                button.setToolTip(self.tr("Learning %1 (key %1): its reading stays").replace("%1", status[-1]))
        self.copy_button.setText(self.tr("Copy"))
        self.copy_button.setToolTip(self.tr("Copy the word, its reading and its meanings"))
        self.setToolTip(self.tr("Esc closes; ← and → step to the previous and next word"))
        if self.entries:
            self.badge.setText(self._badge_text())
        self._fill_back_link()

    def status_names(self) -> dict[str, str]:
        """Each status as the popup names it, in the interface language."""
        names = {"new": self.tr("New"), "known": self.tr("Known"), "ignored": self.tr("Ignored")}
        for status in LEARNING:
            names[status] = self.tr("Learning %1").replace("%1", status[-1])
        return names

    def _status_clicked(self, status: str) -> None:
        self.statusRequested.emit("new" if status == self.state.status else status)
        self.retranslate()  # the checked button follows the stored status, not the click

    def set_state(self, state: WordState) -> None:
        """Show whether the word is in the vocabulary list and whether it is known."""
        self.state = state
        self.retranslate()

    def _vocabulary_clicked(self) -> None:
        if self.state.in_vocabulary:
            self.showInVocabularyRequested.emit()
        else:
            self.addRequested.emit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _badge_text(self) -> str:
        label = hsk_label(self.hsk)
        return label.replace("HSK", self.tr("HSK")) if label else ""

    @property
    def editing(self) -> bool:
        """True while the reader is writing their own translation here (hovering must not replace the word)."""
        return self.gloss_box.editing

    def set_gloss(self, gloss: Gloss | None, children: list[str]) -> None:
        """Show the reader's own translation, note and parent of the word, and the words under it."""
        palette = self._look.get("palette")
        colour = ""
        if isinstance(palette, Palette):  # the accent, dimmed to read as text on either background
            accent = QColor(palette.find_current)
            colour = (accent.lighter(115) if palette.dark else accent.darker(150)).name()
        self.gloss_box.set_gloss(gloss, children, link_colour=colour)

    def _fill_back_link(self) -> None:
        if not self.trail:
            self.back_link.clear()
            self.back_link.hide()
            return
        word = html.escape(self.trail[-1][0])
        self.back_link.setText(self.tr("← Back to %1").replace("%1", f'<a href="back">{word}</a>'))
        self.back_link.show()

    def show_related(self, word: str, entries: Sequence[Entry], hsk: int | None) -> None:
        """Show another word (a parent, or a word under it) in place of this one; the back link returns."""
        if not self._look or self.span is None:
            return
        self.gloss_box.stop_editing()
        self.trail.append((self.word, list(self.entries), self.hsk))
        self._fill(word, entries, hsk)
        self._fill_back_link()

    def go_back(self) -> bool:
        """Show the word shown before the looked-up one; False when there is none."""
        if not self.trail:
            return False
        self.gloss_box.stop_editing()
        word, entries, hsk = self.trail.pop()
        self._fill(word, entries, hsk)
        self._fill_back_link()
        return True

    def set_word(
        self, word: str, entries: Sequence[Entry], hsk: int | None, span: tuple[int, int], *,
        first_script: str, style: str, scheme: str, palette: Palette,
        readings: ReadingOptions | None = None, script: str = "original",
    ) -> None:
        """Fill the popup: `first_script` ('simplified'/'traditional') decides which form is shown first;
        each entry's reading is written as `readings` ask, in the view's `script` (Taiwan readings, spoken
        tones, neutral tones), like the readings above the text."""
        self.gloss_box.stop_editing()
        self.trail.clear()
        self.span = span
        self._look = {"first_script": first_script, "style": style, "scheme": scheme, "palette": palette,
                      "readings": readings or ReadingOptions(), "script": script}
        self._fill(word, entries, hsk)
        self._fill_back_link()

    def _fill(self, word: str, entries: Sequence[Entry], hsk: int | None) -> None:
        first_script = str(self._look["first_script"])
        style, scheme = str(self._look["style"]), str(self._look["scheme"])
        palette = self._look["palette"]
        assert isinstance(palette, Palette)
        options = self._look.get("readings") or ReadingOptions()
        assert isinstance(options, ReadingOptions)
        script = str(self._look.get("script", "original"))
        self.word, self.hsk = word, hsk
        self.entries = ordered_entries(entries)
        self.readings = [written_reading(e.simplified or e.traditional, e.reading, options, script) for e in self.entries]
        forms: list[str] = []
        for entry in self.entries:
            pair = [entry.simplified, entry.traditional]
            if first_script == "traditional":
                pair.reverse()
            for form in pair:
                if form and form not in forms:
                    forms.append(form)
        text, muted = palette.text.name(), palette.muted.name()
        main = html.escape(forms[0] if forms else word)
        others = " ".join(html.escape(f) for f in forms[1:])
        head = f'<span style="font-size:22pt; color:{text}">{main}</span>'
        if others:
            head += f'&nbsp;&nbsp;<span style="font-size:16pt; color:{muted}">{others}</span>'
        self.header.setText(head)
        self.badge.setText(self._badge_text())
        self.badge.setVisible(bool(self.badge.text()))
        accent = QColor(palette.find_current)
        self.badge.setStyleSheet(
            f"QLabel#hskBadge {{ background: {accent.name()}; color: #1b1b1b; border-radius: 4px;"
            " padding: 1px 6px; font-weight: bold; }"
        )
        blocks = []
        for entry, written in zip(self.entries, self.readings, strict=True):
            reading = reading_html(written, style, scheme, palette)
            label = ""
            if entry.proper_noun:
                name = self.tr("name")
                label = f' <span style="color:{muted}">({html.escape(name)})</span>'
            forms_note = ""
            if len(self.entries) > 1 and (entry.simplified != entry.traditional):
                shown = entry.traditional if first_script == "traditional" else entry.simplified
                if shown != (forms[0] if forms else ""):
                    forms_note = f' <span style="color:{muted}">{html.escape(shown)}</span>'
            senses = "".join(f"<li>{html.escape(s)}</li>" for s in entry.senses if s)
            blocks.append(
                f'<p style="margin:0; font-size:13pt">{reading}{forms_note}{label}</p>'
                f'<ol style="margin-top:2px; margin-bottom:6px; margin-left:-16px">{senses}</ol>'
            )
        self.body.setText("".join(blocks))
        self.setStyleSheet(
            f"QFrame#dictionaryPopup {{ background: {palette.background.name()}; color: {text};"
            f" border: 1px solid {palette.muted.name()}; border-radius: 6px; }}"
            f" QFrame#dictionaryPopup QLabel {{ color: {text}; background: transparent; }}"
        )

    def copy_text(self) -> str:
        """What Copy puts on the clipboard: `联合国 聯合國 [lián hé guó] United Nations` per entry."""
        from reader.core.vocabulary import reading_with_marks

        lines = []
        for entry, written in zip(self.entries, self.readings, strict=True):
            forms = entry.simplified if entry.simplified == entry.traditional else f"{entry.simplified} {entry.traditional}"
            lines.append(f"{forms} [{reading_with_marks(written)}] {'; '.join(entry.senses)}")
        return "\n".join(lines) or self.word

    # ---- placement -------------------------------------------------------------------------------
    def place(self, word_rects: Sequence[QRectF], area: QRectF) -> None:
        """Below the word's rectangles (glyphs and readings), or above them when there is no room;
        shrunk to the larger side when neither has room, so the word always stays visible."""
        if not word_rects:
            return
        top = min(r.top() for r in word_rects)
        bottom = max(r.bottom() for r in word_rects)
        left = min(r.left() for r in word_rects)
        wanted = min(MAX_HEIGHT, self.natural_height())
        room_below = area.bottom() - bottom - 2 * GAP
        room_above = top - area.top() - 2 * GAP
        if wanted <= room_below:
            height, y = wanted, bottom + GAP
        elif wanted <= room_above:
            height, y = wanted, top - GAP - wanted
        elif room_below >= room_above:
            height, y = max(60.0, room_below), bottom + GAP
        else:
            height = max(60.0, room_above)
            y = top - GAP - height
        x = max(area.left() + GAP, min(left - 12, area.right() - self.width() - GAP))
        self.setFixedHeight(int(height))
        self.move(int(x), int(y))

    def natural_height(self) -> int:
        """Height that shows everything without scrolling."""
        margins = self.layout().contentsMargins()
        inner = WIDTH - margins.left() - margins.right() - 4
        spacing = self.layout().spacing()
        return (
            margins.top() + margins.bottom() + self.header.sizeHint().height() + spacing
            + (self.back_link.sizeHint().height() + spacing if self.trail else 0)
            + self.gloss_box.natural_height() + spacing
            + max(self.body.heightForWidth(inner), SENSES_MIN) + spacing + self.known_button.sizeHint().height() + spacing
            + self.add_button.sizeHint().height() + 4
        )

    # ---- keys ------------------------------------------------------------------------------------
    def handle_key(self, event: QKeyEvent) -> bool:
        """Esc, Left and Right while the popup is shown (also called for keys pressed in the view)."""
        key = event.key()
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        if key == Qt.Key.Key_Escape:
            self.close_popup()
            return True
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.stepRequested.emit(-1 if key == Qt.Key.Key_Left else 1)
            return True
        return False

    def status_key(self, event: QKeyEvent) -> bool:
        """1–5, K and I set the status: only while the popup itself has the focus (see the module note)."""
        status = self._status_for(event)
        if status is None:
            return False
        self._status_clicked(status)
        return True

    @staticmethod
    def _status_for(event: QKeyEvent) -> str | None:
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return None
        key = event.key()
        return _STATUS_KEYS.get(key.value if isinstance(key, Qt.Key) else int(key))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        # A click on the popup is the popup's: it takes the focus (for the status keys) and never reaches
        # the text under it, where it would look up another word.
        event.accept()
        self.setFocus(Qt.FocusReason.MouseFocusReason)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        event.accept()

    @staticmethod
    def _is_edit_key(event: QKeyEvent) -> bool:
        """E (no modifier): write your own translation of the word."""
        return event.key() == Qt.Key.Key_E and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier

    def event(self, event: QEvent) -> bool:
        # With the focus here, 1–5, K, I and E are the popup's keys: the window's shortcuts must not take them.
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and (self._status_for(event) is not None or self._is_edit_key(event))):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.handle_key(event) or self.status_key(event):
            event.accept()
            return
        if self._is_edit_key(event) and not self.gloss_box.editing:
            event.accept()
            self.gloss_box.start_editing()
            return
        super().keyPressEvent(event)

    def close_popup(self) -> None:
        self.gloss_box.stop_editing()  # an edit not saved is left, as Cancel leaves it
        if self.isVisible():
            self.hide()
            self.closed.emit()
