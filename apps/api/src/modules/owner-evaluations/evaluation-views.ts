import { EvaluationAnswerView, EvaluationRecordView, OwnerEvaluationView } from '@szpm/contract';
import { OwnerEvaluation, OwnerEvaluationAnswer } from './entities';

/** The names an evaluation's views show besides its own columns. */
export interface EvaluationNames {
  propertyAreaName: string;
  houseLabel: string;
  companyName: string | null;
  committeeName: string | null;
  repliedByName: string | null;
}

export function answerViews(answers: OwnerEvaluationAnswer[], reasonNames: Map<number, string>): EvaluationAnswerView[] {
  return answers.map((a) => ({
    itemId: a.itemId,
    itemName: a.itemName,
    star: a.star,
    reasons: a.reasonIds ? a.reasonIds.split(',').map((id) => reasonNames.get(Number(id)) ?? '') .filter(Boolean) : [],
    otherReason: a.otherReason,
  }));
}

export function ownerEvaluationView(e: OwnerEvaluation, answers: EvaluationAnswerView[], names: Pick<EvaluationNames, 'propertyAreaName' | 'houseLabel'>): OwnerEvaluationView {
  return {
    id: e.id,
    target: e.target,
    month: e.month,
    propertyAreaName: names.propertyAreaName,
    houseLabel: names.houseLabel,
    score: e.scoreHundredths / 100,
    stars: e.stars,
    answers,
    comment: e.comment,
    anonymous: e.anonymous,
    submittedAt: e.submittedAt.toISOString(),
    reply: e.reply,
    repliedAt: e.repliedAt?.toISOString() ?? null,
  };
}

/** The surname and a star (张*): officers never read an owner's full name in a list. */
export const maskName = (name: string): string => (name.length <= 1 ? '*' : `${name[0]}${'*'.repeat(name.length - 1)}`);

/**
 * An evaluation for officers (`reader: 'officer'`: the owner's name masked, also when anonymous —
 * anonymity is towards the company) or for the evaluated side (`'counterpart'`: an anonymous one
 * without the owner's name and house).
 */
export function recordView(e: OwnerEvaluation, answers: EvaluationAnswerView[], names: EvaluationNames, reader: 'officer' | 'counterpart'): EvaluationRecordView {
  const hidden = reader === 'counterpart' && e.anonymous;
  return {
    ...ownerEvaluationView(e, answers, names),
    propertyAreaId: e.propertyAreaId,
    companyName: names.companyName,
    committeeName: names.committeeName,
    ownerName: hidden ? null : maskName(e.ownerName),
    houseLabel: hidden ? null : names.houseLabel,
    lowStar: e.lowStar,
    repliedByName: names.repliedByName,
  };
}
