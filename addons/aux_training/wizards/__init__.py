from . import aux_training_enrol_unit
from . import aux_situation_pack
from . import aux_training_exam_record
