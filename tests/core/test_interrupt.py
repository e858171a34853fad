"""A stop signal unwinds the command as `Stopped`, but never from inside a held driver call."""

from __future__ import annotations

import os
import signal

import pytest

from auditor.interrupt import Stopped, held, stop_cleanly


def test_a_stop_signal_raises_stopped_at_once() -> None:
    with pytest.raises(Stopped) as stopped, stop_cleanly():
        os.kill(os.getpid(), signal.SIGTERM)

    assert stopped.value.exit_code == 128 + signal.SIGTERM


def test_a_stop_signal_inside_a_held_block_waits_for_its_end() -> None:
    reached_end_of_block = False
    with pytest.raises(Stopped), stop_cleanly():
        with held():
            os.kill(os.getpid(), signal.SIGTERM)
            reached_end_of_block = True
        pytest.fail("Stopped was not raised when the held block ended")

    assert reached_end_of_block


def test_a_held_block_without_a_signal_raises_nothing() -> None:
    with stop_cleanly(), held():
        pass
