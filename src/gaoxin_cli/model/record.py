"""Immutable records compared by value: the base of the model's classes.

Plain slots classes: a dataclass costs about a millisecond to define at
each start, a named tuple a tenth of that, a plain class a hundredth. A
subclass lists its `__slots__` and `_fields` and sets each field in its
`__init__` with `set_field(self, name, value)`.
"""

from typing import Any, TypeVar

_R = TypeVar("_R", bound="Record")


#: How a record's __init__ sets its fields: a record refuses `record.x = …`.
set_field = object.__setattr__


class Record:
    """A record compared and hashed by value, like a named tuple (which costs
    far more to define at every start); immutable: setting or deleting a
    field raises AttributeError (`_replace` makes a changed copy)."""

    __slots__ = ()
    _fields: tuple[str, ...] = ()

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable: use _replace({name}=...)")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable")

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self._fields)

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        pairs = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{type(self).__name__}({pairs})"

    def _replace(self: _R, **changes: Any) -> _R:
        """A copy with some fields changed."""
        values = {name: getattr(self, name) for name in self._fields}
        values.update(changes)
        return type(self)(**values)
