"""Read aloud (gui layer): speak the selection, the sentence at the cursor or the paragraph with QtTextToSpeech.

A Mandarin voice is looked for the first time the Read Aloud menu opens or one of its shortcuts is used
(speech-dispatcher with espeak-ng on Linux, the system voices on macOS and Windows). The first look runs in
a short-lived child process (`python -m reader.gui.speech --probe`) with a time limit, because a stuck
speech service can block the process that talks to it; only when it answers is the voice opened here.
Text is spoken sentence by sentence and the sentence being spoken is highlighted over the text. Where
there is no speech module, engine or Mandarin voice, the actions are disabled and their tooltip says why;
nothing ever raises a dialog.
"""
from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLocale,
    QObject,
    QProcess,
    QProcessEnvironment,
    QRectF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QMenu, QWidget, QWidgetAction

from reader.core.vocabulary import sentence_bounds, sentence_spans
from reader.gui.qtfix import keep_none_alive
from reader.gui.reading_view import ReadingView

PROBE_SECONDS = 10


class Voice(QObject):
    """What read-aloud needs from an engine: say one text, stop, and say when it finished."""

    finished = Signal()

    def say(self, text: str) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        raise NotImplementedError


class QtVoice(Voice):
    """A QTextToSpeech engine set to a Mandarin voice."""

    def __init__(self, tts, parent: QObject | None = None) -> None:  # noqa: ANN001 - QTextToSpeech
        super().__init__(parent)
        from PySide6.QtTextToSpeech import QTextToSpeech

        self._ready = QTextToSpeech.State.Ready
        self._error = QTextToSpeech.State.Error
        self.tts = tts
        self.tts.setParent(self)
        self._speaking = False
        tts.stateChanged.connect(self._state)

    def say(self, text: str) -> None:
        self._speaking = True
        self.tts.say(text)

    def stop(self) -> None:
        self._speaking = False
        self.tts.stop()

    def _state(self, state) -> None:  # noqa: ANN001
        if self._speaking and state in (self._ready, self._error):
            self._speaking = False
            self.finished.emit()


_MANDARIN_NAME = re.compile(r"mandarin|^chinese|\bcmn\b|普通话|普通話|國語|国语", re.IGNORECASE)
_CANTONESE_NAME = re.compile(r"cantonese|\byue\b|粤|粵", re.IGNORECASE)


def _is_mandarin(locale: QLocale) -> bool:
    return locale.language() == QLocale.Language.Chinese and locale.territory() not in (
        QLocale.Country.HongKong, QLocale.Country.Macau,  # Cantonese voices
    )


def find_voice() -> tuple[Voice | None, str]:
    """(a Mandarin voice, '') or (None, why there is none)."""
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError as exc:
        if "libpulse" in str(exc):  # Qt's speech module links the PulseAudio client library
            return None, QCoreApplication.translate("ReadAloud", "Read aloud is not available: the sound library it needs is missing "
                                                    "(on Debian or Ubuntu, install libpulse0, speech-dispatcher and espeak-ng).")
        return None, QCoreApplication.translate("ReadAloud", "Read aloud is not available: Qt's speech module cannot load (%1).").replace("%1", str(exc))
    engines = [e for e in QTextToSpeech.availableEngines() if e != "mock"]
    if not engines:
        return None, QCoreApplication.translate("ReadAloud", "Read aloud is not available: no speech engine is installed "
                         "(on Linux, install speech-dispatcher and espeak-ng).")
    for engine in engines:
        tts = QTextToSpeech(engine)
        if tts.state() == QTextToSpeech.State.Error:
            tts.deleteLater()
            continue
        voices = [v for v in tts.availableVoices() if _is_mandarin(v.locale())]
        if not voices:
            for locale in tts.availableLocales():
                if _is_mandarin(locale):
                    tts.setLocale(locale)
                    voices = [v for v in tts.availableVoices() if _is_mandarin(v.locale())]
                    if voices:
                        break
        if not voices:  # espeak-ng through speech-dispatcher: language "cmn", which has no QLocale
            voices = [v for v in tts.availableVoices() if _MANDARIN_NAME.search(v.name())
                      and not _CANTONESE_NAME.search(v.name())]
        if voices:
            voices.sort(key=lambda v: ("+" in v.name(), v.locale().territory() != QLocale.Country.China, v.name()))
            if voices[0].locale().language() == QLocale.Language.Chinese:
                tts.setLocale(voices[0].locale())
            tts.setVoice(voices[0])
            return QtVoice(tts), ""
        tts.deleteLater()
    return None, QCoreApplication.translate("ReadAloud", "Read aloud is not available: no Mandarin voice is installed "
                     "(on Linux, espeak-ng has one: install espeak-ng and speech-dispatcher-espeak-ng).")


class SpanOverlay(QWidget):
    """Paints translucent fills over canonical spans of the reading view (the sentence being spoken)."""

    def __init__(self, view: ReadingView) -> None:
        super().__init__(view.viewport())
        self.view = view
        self.spans: list[tuple[int, int]] = []
        self.colour = QColor(90, 180, 120, 70)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setGeometry(view.viewport().rect())
        view.viewport().installEventFilter(self)
        view.verticalScrollBar().valueChanged.connect(lambda _v: self.update())
        self.hide()

    def set_spans(self, spans: list[tuple[int, int]]) -> None:
        self.spans = list(spans)
        self.setVisible(bool(self.spans))
        self.update()

    def rects(self) -> list[QRectF]:
        """Viewport rectangles of the spans on the visible lines."""
        doc = self.view.doc
        scroll = float(self.view.verticalScrollBar().value())
        out = []
        for _idx, top, lay in doc.visible(scroll, scroll + self.height()):
            for start, end in self.spans:
                out += [r.translated(0, -scroll) for r in doc.span_rects(lay, top, start, end)]
        return out

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.setGeometry(self.view.viewport().rect())
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        keep_none_alive()
        painter = QPainter(self)
        painter.setPen(Qt.PenStyle.NoPen)
        for rect in self.rects():
            painter.fillRect(rect, self.colour)
        painter.end()


class ReadAloud(QObject):
    """View → Read Aloud: selection, sentence, paragraph, stop; one sentence highlighted at a time."""

    spoken = Signal(int, int)  # canonical span now being spoken

    def __init__(self, window: QWidget, view: ReadingView, menu: QMenu | None,
                 voice_finder: Callable[[], tuple[Voice | None, str]] | None = None) -> None:
        super().__init__(window)
        self.window = window  # owns the shortcuts; its LanguageChange retranslates the menu
        self.view = view
        self.voice: Voice | None = None
        self.reason = ""
        self.voice_finder = voice_finder  # None: the system's voices, checked in a child process first
        self.probed = False
        self._probe: QProcess | None = None
        self.queue: list[tuple[int, int]] = []
        self.current: tuple[int, int] | None = None
        self.cursor = -1  # the last clicked offset
        self.overlay = SpanOverlay(self.view)
        self.menu = QMenu(window)
        self.menu.menuAction().setProperty("i18n_own", True)
        self.act_selection = self._action(self.read_selection, "Ctrl+Alt+S")
        self.act_sentence = self._action(self.read_sentence, "Ctrl+Alt+R")
        self.act_paragraph = self._action(self.read_paragraph, "Ctrl+Alt+P")
        self.act_stop = self._action(self.stop, "Ctrl+Alt+.")
        self.reason_label = QLabel()  # why reading aloud is off, shown in the menu itself (wrapped, plain text)
        self.reason_label.setTextFormat(Qt.TextFormat.PlainText)
        self.reason_label.setWordWrap(True)
        self.reason_label.setMaximumWidth(420)
        self.reason_label.setContentsMargins(8, 4, 8, 4)
        self.reason_label.setEnabled(False)
        self.act_reason = QWidgetAction(self.window)
        self.act_reason.setDefaultWidget(self.reason_label)
        self.act_reason.setProperty("i18n_own", True)
        self.menu.insertAction(self.act_selection, self.act_reason)
        self.menu.insertSeparator(self.act_selection).setProperty("i18n_own", True)
        self.menu.aboutToShow.connect(self.ensure_voice)
        if menu is not None:
            menu.addMenu(self.menu)
        self.view.wordClicked.connect(self._clicked)
        window.installEventFilter(self)
        self.retranslate()

    def _action(self, slot, shortcut: str) -> QAction:  # noqa: ANN001
        act = QAction(self.window)
        act.setProperty("i18n_own", True)
        act.setShortcut(shortcut)
        act.triggered.connect(lambda _=False: slot() if self.ensure_voice() else None)
        self.window.addAction(act)
        self.menu.addAction(act)
        return act

    def retranslate(self) -> None:
        self.menu.setTitle(self.tr("Read &Aloud"))
        self.act_selection.setText(self.tr("Read the &Selection"))
        self.act_sentence.setText(self.tr("Read the Se&ntence"))
        self.act_paragraph.setText(self.tr("Read the &Paragraph"))
        self.act_stop.setText(self.tr("S&top Reading"))
        self._update_actions()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    # ---- voice ----------------------------------------------------------------------------------
    def ensure_voice(self) -> bool:
        """True when a voice is ready; the first call starts looking for one (in the background)."""
        if self.probed or self._probe is not None:
            return self.voice is not None
        if self.voice_finder is not None:
            return self.find()
        self.reason = self.tr("Looking for a Mandarin voice…")
        self._probe = QProcess(self)
        self._probe.setProgram(sys.executable)
        self._probe.setWorkingDirectory(str(Path(__file__).resolve().parents[2]))  # where `reader` is
        self._probe.setArguments(["-m", "reader.gui.speech", "--probe"])
        env = QProcessEnvironment.systemEnvironment()
        env.insert("QT_QPA_PLATFORM", "offscreen")
        self._probe.setProcessEnvironment(env)
        self._probe.finished.connect(self._probed)
        self._probe.errorOccurred.connect(lambda _e: self._probed(-1))
        QTimer.singleShot(PROBE_SECONDS * 1000, self._probe, self._probe_timeout)
        self._update_actions()
        self._probe.start()
        return False

    def _probe_timeout(self) -> None:
        if self._probe is not None and self._probe.state() != QProcess.ProcessState.NotRunning:
            self._probe.kill()
            self._finish_probe(QCoreApplication.translate("ReadAloud", "Read aloud is not available: the speech service does not answer."))

    def _probed(self, code: int, _status=None) -> None:  # noqa: ANN001
        if self._probe is None:
            return
        out = bytes(self._probe.readAllStandardOutput().data()).decode("utf-8", "replace").strip()
        if code == 0 and out == "ok":
            self._probe.deleteLater()
            self._probe = None
            self.voice_finder = find_voice
            self.find()
        else:
            self._finish_probe(out or QCoreApplication.translate("ReadAloud", "Read aloud is not available: the speech check failed."))

    def _finish_probe(self, reason: str) -> None:
        if self._probe is not None:
            self._probe.deleteLater()
            self._probe = None
        self.probed = True
        self.voice, self.reason = None, reason
        self._update_actions()

    def find(self) -> bool:
        """Look for a Mandarin voice now; enables or disables the actions. True when one was found."""
        self.probed = True
        if self.voice is not None:
            self.voice.stop()
        try:
            voice, reason = (self.voice_finder or find_voice)()
        except Exception as exc:  # noqa: BLE001 - a broken speech setup must never stop reading
            voice, reason = None, QCoreApplication.translate("ReadAloud", "Read aloud is not available: %1").replace("%1", str(exc))
        self.voice = voice
        self.reason = reason
        if voice is not None:
            voice.setParent(self)
            voice.finished.connect(self._next)
        self._update_actions()
        return voice is not None

    @property
    def available(self) -> bool:
        return self.voice is not None

    def _update_actions(self) -> None:
        tips = {
            self.act_selection: self.tr("Read the selected text aloud, sentence by sentence"),
            self.act_sentence: self.tr("Read aloud the sentence you last clicked"),
            self.act_paragraph: self.tr("Read aloud the paragraph you last clicked, from its start"),
            self.act_stop: self.tr("Stop reading aloud"),
        }
        unknown = not self.probed and self._probe is None  # not looked yet: try when asked
        for act, tip in tips.items():
            act.setEnabled((self.available or unknown) and (act is not self.act_stop or self.speaking))
            act.setToolTip(tip if self.available or unknown else self.reason)
        off = bool(self.reason) and not self.available and not unknown
        self.reason_label.setText(self.reason)
        self.act_reason.setVisible(off)
        self.menu.actions()[1].setVisible(off)  # the separator under it
        self.menu.setToolTipsVisible(True)

    # ---- what to read ---------------------------------------------------------------------------
    def _text(self) -> str:
        return "\n".join(p.text for p in self.view.paragraphs)

    def _clicked(self, offset: int) -> None:
        if offset >= 0:  # a click on blank space (-1) keeps the place last clicked
            self.cursor = offset

    def _cursor(self) -> int:
        if self.cursor >= 0:
            return self.cursor
        start, end = self.view.selection()
        return start if end > start else self.view.top_offset()

    def read_selection(self) -> bool:
        start, end = self.view.selection()
        if start >= end:
            return self.read_sentence()
        text = self._text()
        return self.speak([(start + a, start + b) for a, b in sentence_spans(text[start:end])])

    def read_sentence(self) -> bool:
        text = self._text()
        if not text:
            return False
        return self.speak([sentence_bounds(text, min(max(0, self._cursor()), len(text)))])

    def read_paragraph(self) -> bool:
        offset = self._cursor()
        for p in self.view.paragraphs:
            if p.start <= offset <= p.end:
                return self.speak([(p.start + a, p.start + b) for a, b in sentence_spans(p.text)])
        return False

    # ---- speaking -------------------------------------------------------------------------------
    @property
    def speaking(self) -> bool:
        return self.current is not None

    def speak(self, spans: list[tuple[int, int]]) -> bool:
        """Read canonical spans one after another; False (and nothing happens) without a voice."""
        spans = [(a, b) for a, b in spans if b > a]
        if self.voice is None or not spans:
            return False
        self.stop()
        self.queue = spans
        self._next()
        return True

    def _next(self) -> None:
        if not self.queue:
            self.current = None
            self.overlay.set_spans([])
            self._update_actions()
            return
        self.current = self.queue.pop(0)
        start, end = self.current
        self.overlay.set_spans([self.current])
        self.view.ensure_offset_visible(start)
        self._update_actions()
        self.spoken.emit(start, end)
        if self.voice is not None:
            self.voice.say(self._text()[start:end])

    def stop(self) -> None:
        self.queue = []
        was = self.current
        self.current = None
        if was is not None and self.voice is not None:
            self.voice.stop()
        self.overlay.set_spans([])
        self._update_actions()


def install(window: QWidget, view: ReadingView, menu: QMenu | None = None) -> ReadAloud:
    """Add View → Read Aloud for a reading view to a window (the voice is looked for when first needed)."""
    return ReadAloud(window, view, menu)


def _probe_main() -> int:
    """Child process: print 'ok' when a Mandarin voice can be opened, else the reason (exit code 1)."""
    from PySide6.QtCore import QCoreApplication as App

    _app = App.instance() or App([sys.argv[0]])
    voice, reason = find_voice()
    print("ok" if voice is not None else reason, flush=True)
    return 0 if voice is not None else 1


if __name__ == "__main__" and "--probe" in sys.argv:
    sys.exit(_probe_main())
