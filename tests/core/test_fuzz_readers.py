"""Random and malformed input never escapes the readers as anything but InputError."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz.check import check_file, check_pasted
from tests.fuzz.strategies import SUFFIXES, file_bytes, pasted_text

_BOUNDED = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=True,
)


@_BOUNDED
@given(data=file_bytes, suffix=st.sampled_from(SUFFIXES))
def test_files_read_or_refused_in_one_line(data: bytes, suffix: str) -> None:
    check_file(data, suffix)


@_BOUNDED
@given(text=pasted_text, fmt=st.sampled_from(["txt", "md", "html", "auto"]))
def test_pasted_text_read_or_refused_in_one_line(text: str, fmt: str) -> None:
    check_pasted(text, fmt)
