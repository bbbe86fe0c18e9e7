"""Views of the evaluation, one module per concern; `evaluation/urls.py` names them all."""

from evaluation.views.catalogue import (
    catalogue,
    catalogue_publish,
    indicator_add,
    indicator_edit,
    season_settings,
)
from evaluation.views.dashboard import dashboard, export_csv, export_xlsx, open_data_csv
from evaluation.views.reports import (
    home,
    matrix,
    report_detail,
    report_edit,
    report_file,
    report_phone,
    report_review,
    report_submit,
)
from evaluation.views.structures import (
    label_decide,
    labels_public,
    report_counter_rate,
    structure_bilan_pdf,
    structure_detail,
)

__all__ = [
    "catalogue", "catalogue_publish", "dashboard", "export_csv", "export_xlsx", "home",
    "indicator_add", "indicator_edit", "label_decide", "labels_public", "matrix",
    "open_data_csv", "report_counter_rate", "report_detail", "report_edit", "report_file",
    "report_phone", "report_review", "report_submit", "season_settings", "structure_bilan_pdf",
    "structure_detail",
]  # fmt: skip
