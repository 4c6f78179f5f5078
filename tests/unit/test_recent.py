"""services/recent.py: the bounded map the adapters remember recent texts' answers in."""

from services.recent import Recent


def test_the_least_recently_used_key_goes_first_when_full():
    recent: Recent[str, int] = Recent(2)
    recent.put("a", 1)
    recent.put("b", 2)
    assert recent.get("a") == 1  # "a" is now the most recent
    recent.put("c", 3)
    assert ("a" in recent, "b" in recent, "c" in recent, len(recent)) == (True, False, True, 2)
    assert recent.get("b") is None
    recent.clear()
    assert len(recent) == 0 and recent.get("a") is None
