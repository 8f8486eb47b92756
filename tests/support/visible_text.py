"""Test helper: a chapter module whose functions return the text a reader sees (number spans removed).

The sentence builders return Markdown in which every number is a provenance span
(``[63,1%]{.num data-kind=…}``); tests about wording compare the visible text, tests about provenance use the
module itself.
"""

from __future__ import annotations

import dataclasses

import pandas as pd

from quartieri_erp.presentation.markup import visible


def shown(value):
    """``value`` with number spans reduced to their visible text (strings, frames, tuples, lists, dataclasses)."""
    if isinstance(value, str):
        return visible(value)
    if isinstance(value, pd.DataFrame):
        return value.map(lambda v: visible(v) if isinstance(v, str) else v)
    if isinstance(value, tuple):
        return tuple(shown(v) for v in value)
    if isinstance(value, list):
        return [shown(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {
            f.name: shown(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if isinstance(getattr(value, f.name), str)
        }
        return dataclasses.replace(value, **fields) if fields else value
    return value


class Visible:
    """Proxy of a module: functions return ``shown`` results; everything else is the module's own."""

    def __init__(self, module):
        self._module = module

    def __getattr__(self, name):
        attr = getattr(self._module, name)
        if callable(attr) and not isinstance(attr, type):

            def wrapped(*args, **kwargs):
                return shown(attr(*args, **kwargs))

            wrapped.__name__ = name
            return wrapped
        return attr
