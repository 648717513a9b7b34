"""The one test for an empty cell, shared by the importers, the exports and the minutes."""

from datetime import date

import numpy as np
import pandas as pd
import pytest

from scoring.validation import is_missing


@pytest.mark.parametrize("value", [None, float("nan"), np.float64("nan"), pd.NA, pd.NaT])
def test_empty_cells_as_pandas_and_openpyxl_give_them(value):
    assert is_missing(value)


@pytest.mark.parametrize("value", ["", "x", 0, 0.0, 1.5, date(2025, 4, 15), [None], np.array([np.nan])])
def test_values_and_lists_are_not_empty_cells(value):
    # "" is a cell someone typed nothing into but it is text: the callers clean and check it themselves
    assert not is_missing(value)
