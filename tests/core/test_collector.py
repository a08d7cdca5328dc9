"""The garbage collector's one manager: pauses nest and overlap, the collector runs again after the last."""
from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from reader.core import collector


@pytest.fixture(autouse=True)
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    gc.enable() if was else gc.disable()


def test_a_pause_stops_the_collector_and_ends_it() -> None:
    with collector.paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_nested_pauses_keep_it_off_until_the_outer_one_ends() -> None:
    with collector.paused():
        with collector.paused():
            pass
        assert not gc.isenabled(), "the inner pause must not switch the collector back on"
    assert gc.isenabled()


def test_overlapping_pauses_in_two_threads() -> None:
    """The first pause ends while another thread's pause still runs: the collector stays off until both end."""
    inside, release = threading.Event(), threading.Event()

    def other() -> None:
        with collector.paused():
            inside.set()
            release.wait(10)

    outer = collector.paused()
    outer.__enter__()
    worker = threading.Thread(target=other)
    worker.start()
    assert inside.wait(10)
    outer.__exit__(None, None, None)
    assert not gc.isenabled(), "the other thread's pause still runs"
    release.set()
    worker.join(10)
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off() -> None:
    gc.disable()
    with collector.paused(freeze=True):
        pass
    assert not gc.isenabled()


def test_freeze_keeps_what_was_made_out_of_collections() -> None:
    with collector.paused():
        plain = [[i] for i in range(1000)]
    unfrozen = gc.get_freeze_count()
    with collector.paused(freeze=True):
        kept = [[i] for i in range(1000)]
    assert gc.get_freeze_count() >= unfrozen + len(kept)
    assert len(plain) == len(kept)


def test_without_freeze_nothing_is_frozen() -> None:
    before = gc.get_freeze_count()
    with collector.paused():
        made = [[i] for i in range(1000)]
    assert gc.get_freeze_count() == before and made


def test_an_error_inside_still_ends_the_pause() -> None:
    with pytest.raises(ValueError), collector.paused():
        raise ValueError("inside")
    assert gc.isenabled()
