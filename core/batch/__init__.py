"""Batch runs: many pairs or clusters of articles from a manifest, one JSON line per item.

``manifest`` reads the list of items (CSV or JSONL), ``items`` runs one item (never raises: a
failure becomes a result line with its message), ``results`` knows what an output file already
holds (so a run resumes) and appends to it, ``local`` runs items on worker processes of this
machine and ``cluster`` on an existing Dask distributed cluster, ``progress`` says how far a
run is, how fast it goes and when it will end.

Imports: standard library, core (dask.distributed only in ``cluster``, when asked for).
"""
