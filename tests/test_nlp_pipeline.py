from __future__ import annotations

import subprocess
import sys

import pytest

from tripolar.errors import ModelError
from tripolar.nlp import MODEL_NAME, load_pipeline

OFFLINE_LOAD = f"""
import socket

def refuse(*args, **kwargs):
    raise OSError("network disabled for this test")

socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse

from tripolar.nlp import load_pipeline
nlp = load_pipeline({MODEL_NAME!r})
doc = nlp("Russia and China signed a gas deal in Beijing.")
print(len(list(doc.sents)), doc[0].dep_ != "")
"""


@pytest.mark.slow
def test_pipeline_loads_with_network_unavailable() -> None:
    result = subprocess.run(
        [sys.executable, "-c", OFFLINE_LOAD], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["1", "True"]


def test_pipeline_has_parser_and_no_statistical_ner(nlp) -> None:
    assert "parser" in nlp.pipe_names
    assert "ner" not in nlp.pipe_names


def test_pipeline_unknown_model_raises_model_error() -> None:
    with pytest.raises(ModelError, match="not installed"):
        load_pipeline("no_such_pipeline_xyz")


def test_pipeline_multiplies_with_numpy_not_blis(nlp) -> None:
    from thinc.api import Model, NumpyOps

    nodes = [
        node
        for _, component in nlp.pipeline
        if isinstance(getattr(component, "model", None), Model)
        for node in component.model.walk()
    ]
    assert len(nodes) > 10
    assert all(isinstance(n.ops, NumpyOps) and not n.ops.use_blis for n in nodes)


def test_pipeline_one_blas_thread_only_inside_the_block() -> None:
    from threadpoolctl import threadpool_info, threadpool_limits

    from tripolar.nlp import one_blas_thread

    def blas_threads() -> list[int]:
        return [i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"]

    # two threads first, whatever this machine's default: one thread must then be a change
    with threadpool_limits(limits=2, user_api="blas"):
        before = blas_threads()
        assert before and all(n == 2 for n in before)  # numpy's OpenBLAS is loaded
        with one_blas_thread():
            assert blas_threads() == [1] * len(before)
        assert blas_threads() == before
