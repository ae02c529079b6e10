import { DiscontentReasonEntity } from './discontent-reason.entity';
import { EvaluationAreaMonth } from './evaluation-area-month.entity';
import { EvaluationItemEntity } from './evaluation-item.entity';
import { EvaluationReasonMonth } from './evaluation-reason-month.entity';
import { OwnerEvaluationAnswer } from './owner-evaluation-answer.entity';
import { OwnerEvaluation } from './owner-evaluation.entity';
import { RankStreak } from './rank-streak.entity';

export { DiscontentReasonEntity, EvaluationAreaMonth, EvaluationItemEntity, EvaluationReasonMonth, OwnerEvaluation, OwnerEvaluationAnswer, RankStreak };

export const OWNER_EVALUATION_ENTITIES = [EvaluationItemEntity, DiscontentReasonEntity, OwnerEvaluation, OwnerEvaluationAnswer, EvaluationAreaMonth, EvaluationReasonMonth, RankStreak];
