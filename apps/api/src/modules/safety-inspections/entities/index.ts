import { SafetyCheckIndicator } from './safety-check-indicator.entity';
import { SafetyCheckSubItem } from './safety-check-sub-item.entity';
import { SafetyCheckTemplate } from './safety-check-template.entity';
import { SafetyInspection } from './safety-inspection.entity';
import { SafetyInspectionItem } from './safety-inspection-item.entity';
import { SafetyInspectionPhoto } from './safety-inspection-photo.entity';
import { SafetyInspectionResult } from './safety-inspection-result.entity';
import { SafetyInspectionTarget } from './safety-inspection-target.entity';

export const SAFETY_INSPECTION_ENTITIES = [
  SafetyCheckTemplate,
  SafetyCheckIndicator,
  SafetyCheckSubItem,
  SafetyInspection,
  SafetyInspectionItem,
  SafetyInspectionTarget,
  SafetyInspectionResult,
  SafetyInspectionPhoto,
];
