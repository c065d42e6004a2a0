from . import aux_training_enrol_unit
