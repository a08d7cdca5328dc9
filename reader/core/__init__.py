"""Core layer: text model, pipeline, storage and operations. Pure Python; never imports Qt."""
