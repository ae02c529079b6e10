import { BadRecordCircumstance } from './bad-record-circumstance.entity';
import { BadRecordItem } from './bad-record-item.entity';
import { BadRecord } from './bad-record.entity';
import { EvaluationScore } from './evaluation-score.entity';
import { GoodRecordItem } from './good-record-item.entity';
import { GoodRecord } from './good-record.entity';
import { RiskListCircumstance } from './risk-list-circumstance.entity';
import { RiskListEntry } from './risk-list-entry.entity';
import { RiskListItem } from './risk-list-item.entity';
import { ScoringRules } from './scoring-rules.entity';

/** The module's tables (registered in database/entities.ts). */
export const SERVICE_EVALUATION_ENTITIES = [
  BadRecordItem,
  BadRecordCircumstance,
  RiskListItem,
  RiskListCircumstance,
  GoodRecordItem,
  ScoringRules,
  BadRecord,
  GoodRecord,
  RiskListEntry,
  EvaluationScore,
];
