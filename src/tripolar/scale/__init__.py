"""Scaling tripolar: the sentence pre-filter and distributed coding with Dask.

`tripolar.scale.prefilter` is used by every `Pipeline`; `tripolar.scale.cluster` (which
imports dask.distributed) only when `ingest` is given `workers > 1` or a `dask` address.
"""
