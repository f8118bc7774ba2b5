"""common.bulk.few_collections: fewer collections during a bulk load, everything restored after."""

import gc
import threading

import pytest

from common import bulk


def test_collections_are_rarer_inside_and_restored_after_even_on_error():
    before = gc.get_threshold()
    with pytest.raises(RuntimeError), bulk.few_collections(threshold=12_345):
        assert gc.get_threshold()[0] == max(before[0], 12_345)
        assert gc.get_threshold()[1:] == before[1:]
        assert gc.get_freeze_count() > 0
        with bulk.few_collections():  # nested: the outer one restores
            pass
        assert gc.get_threshold()[0] == max(before[0], 12_345)
        raise RuntimeError
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_concurrent_loads_restore_the_original_state():
    before = gc.get_threshold()
    inside, release = threading.Event(), threading.Event()

    def load():
        with bulk.few_collections():
            inside.set()
            release.wait(5)

    thread = threading.Thread(target=load)
    thread.start()
    inside.wait(5)
    with bulk.few_collections():
        release.set()
        thread.join(5)
        assert gc.get_threshold() != before  # the other load ended; this one still runs
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0


def test_a_decorated_function_runs_inside():
    @bulk.few_collections(threshold=23_456)
    def work() -> int:
        return gc.get_threshold()[0]

    assert work() == max(gc.get_threshold()[0], 23_456)
    assert work() == max(gc.get_threshold()[0], 23_456)  # again: the decorator is reusable
