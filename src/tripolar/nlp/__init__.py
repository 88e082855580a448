"""The language layer: building the spaCy pipeline."""

from tripolar.nlp.pipeline import MODEL_NAME, load_pipeline, one_blas_thread

__all__ = ["MODEL_NAME", "load_pipeline", "one_blas_thread"]
