from . import aux_assessment_results_xlsx
