"""Report stage: one self-contained HTML file from a store (render.py + templates/)."""

from tripolar.report.render import ReportOptions, render_report

__all__ = ["ReportOptions", "render_report"]
