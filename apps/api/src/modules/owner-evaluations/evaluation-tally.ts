import { EntityManager } from 'typeorm';
import { EvaluationAreaMonth, EvaluationReasonMonth, OwnerEvaluation } from './entities';

type AreaMonthDelta = Partial<Record<'records' | 'firstInYear' | 'scoreHundredthsSum' | 'star1' | 'star2' | 'star3' | 'star4' | 'star5' | 'lowStar' | 'replied' | 'lowStarReplied' | 'otherReasons', number>>;

const regionOf = (e: OwnerEvaluation) => ({
  propertyAreaId: e.propertyAreaId,
  target: e.target,
  month: e.month,
  districtId: e.districtId,
  streetId: e.streetId,
  communityId: e.communityId,
});

/** Relative updates (col = col + d) so that concurrent evaluations of one area add up; only integers computed here are inlined. */
function increments(manager: EntityManager, delta: Record<string, number>): Record<string, () => string> {
  const set: Record<string, () => string> = {};
  for (const [column, value] of Object.entries(delta)) if (value) set[column] = () => `${manager.connection.driver.escape(column)} + (${Math.trunc(value)})`;
  return set;
}

async function moveAreaMonth(manager: EntityManager, e: OwnerEvaluation, delta: AreaMonthDelta): Promise<void> {
  // eslint-disable-next-line szpm/no-raw-scoped-access -- the month's sums of the area of an evaluation being written (its own region columns)
  await manager
    .createQueryBuilder()
    .insert()
    .into(EvaluationAreaMonth)
    .values({ ...regionOf(e), companyId: e.companyId, committeeId: e.committeeId })
    .orIgnore()
    .execute();
  // eslint-disable-next-line szpm/no-raw-scoped-access -- the month's sums of the area of an evaluation being written
  await manager
    .createQueryBuilder()
    .update(EvaluationAreaMonth)
    .set(increments(manager, delta))
    .where('propertyAreaId = :areaId AND target = :target AND month = :month', { areaId: e.propertyAreaId, target: e.target, month: e.month })
    .execute();
}

/** Adds a new evaluation to its area's month (and its reasons' counts), in the evaluation's transaction. */
export async function tallyEvaluation(manager: EntityManager, e: OwnerEvaluation, opts: { firstInYear: boolean; reasonIds: number[]; hasOther: boolean }): Promise<void> {
  await moveAreaMonth(manager, e, {
    records: 1,
    firstInYear: opts.firstInYear ? 1 : 0,
    scoreHundredthsSum: e.scoreHundredths,
    [`star${e.stars}`]: 1,
    lowStar: e.lowStar ? 1 : 0,
    otherReasons: opts.hasOther ? 1 : 0,
  });
  const counts = new Map<number, number>();
  for (const id of opts.reasonIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  for (const [reasonId, count] of counts) {
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the reason counts of the area of an evaluation being written
    await manager.createQueryBuilder().insert().into(EvaluationReasonMonth).values({ ...regionOf(e), reasonId }).orIgnore().execute();
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the reason counts of the area of an evaluation being written
    await manager
      .createQueryBuilder()
      .update(EvaluationReasonMonth)
      .set(increments(manager, { count }))
      .where('propertyAreaId = :areaId AND target = :target AND month = :month AND reasonId = :reasonId', { areaId: e.propertyAreaId, target: e.target, month: e.month, reasonId })
      .execute();
  }
}

/** Counts a first reply of an evaluation in its area's month. */
export function tallyReply(manager: EntityManager, e: OwnerEvaluation): Promise<void> {
  return moveAreaMonth(manager, e, { replied: 1, lowStarReplied: e.lowStar ? 1 : 0 });
}
