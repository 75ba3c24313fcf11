"""Documents produced from a clsm folder: bilan annuel, convention, compte rendu, programme
SISM, agenda.

Each document is computed first as plain typed data (:mod:`.bilan`), then rendered to .docx
(python-docx), .xlsx (openpyxl) or .ics (icalendar). The renderers import their heavy library
inside their functions, so that importing this package costs nothing.
"""

from __future__ import annotations
