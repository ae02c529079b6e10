import { Injectable } from '@nestjs/common';
import {
  ModuleKey,
  ownersFirstWarning,
  Page,
  PARKING_COUNT_FIELDS,
  PARKING_DISPUTE_TYPE_LABELS,
  ParkingAreaTab,
  ParkingDisputeType,
  ParkingDisputeView,
  ParkingFilingView,
  parkingRatio,
  UnitCategory,
} from '@szpm/contract';
import { DataSource, EntityManager, In } from 'typeorm';
import { Actor } from '../../access/actor';
import { AppException } from '../../common/errors/app.exception';
import { rowLock } from '../../common/sql/row-lock';
import { pageWindow, toPage } from '../../common/http/pagination.dto';
import { PropertyAreasService } from '../property-areas/areas/property-areas.service';
import { PropertyAreaProfile } from '../property-areas/entities/property-area-profile.entity';
import { PropertyArea } from '../regions/entities/property-area.entity';
import { ParkingFilingDto, ParkingHistoryQueryDto } from './dto/parking.dto';
import { ParkingDisputeReport, ParkingFiling } from './entities';
import { ParkingException } from './parking.exception';
import { parkingProblem } from './parking-rules';


export function toDisputeView(r: Pick<ParkingDisputeReport, 'disputeType' | 'caseCount' | 'note'>): ParkingDisputeView {
  return { type: r.disputeType, typeLabel: PARKING_DISPUTE_TYPE_LABELS[r.disputeType] ?? r.disputeType, caseCount: Number(r.caseCount), note: r.note ?? null };
}

const DISPUTE_ORDER = Object.values(ParkingDisputeType);
const byCatalogueOrder = (a: ParkingDisputeView, b: ParkingDisputeView) => DISPUTE_ORDER.indexOf(a.type) - DISPUTE_ORDER.indexOf(b.type);

export function toFilingView(f: ParkingFiling, disputes: ParkingDisputeReport[]): ParkingFilingView {
  const counts = Object.fromEntries(PARKING_COUNT_FIELDS.map((field) => [field, Number(f[field])])) as Record<(typeof PARKING_COUNT_FIELDS)[number], number>;
  return {
    id: f.id,
    propertyAreaId: f.propertyAreaId,
    ...counts,
    monthlyFee: f.monthlyFee,
    hourlyFee: f.hourlyFee,
    remarks: f.remarks,
    current: f.currentAreaId !== null,
    filedAt: new Date(f.filedAt).toISOString(),
    filedByName: f.filedByName,
    supersededAt: f.supersededAt ? new Date(f.supersededAt).toISOString() : null,
    disputes: disputes.map(toDisputeView).sort(byCatalogueOrder),
  };
}

/**
 * 车位信息 of one property area: the tab (the current filing with its dispute reports), the
 * history of filings, and the project manager's new filing, which supersedes the current one.
 * Officers read through the scoped door with the parking view grant, counterparts their own areas
 * (PropertyAreasService.readableArea); only the area's project manager files.
 */
@Injectable()
export class ParkingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly areas: PropertyAreasService,
  ) {}

  async tab(actor: Actor, areaId: number): Promise<ParkingAreaTab> {
    const area = await this.areas.readableArea(actor, areaId, ModuleKey.PARKING);
    return this.tabOf(this.dataSource.manager, area);
  }

  async history(actor: Actor, areaId: number, query: ParkingHistoryQueryDto): Promise<Page<ParkingFilingView>> {
    const area = await this.areas.readableArea(actor, areaId, ModuleKey.PARKING);
    const window = pageWindow(query);
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the filings of an area readableArea() has just admitted the actor to
    const [filings, total] = await this.dataSource.getRepository(ParkingFiling).findAndCount({ where: { propertyAreaId: area.id }, order: { id: 'DESC' }, skip: window.skip, take: window.take });
    const disputes = await this.disputesOf(this.dataSource.manager, filings.map((f) => f.id));
    return toPage(
      filings.map((f) => toFilingView(f, disputes.get(f.id) ?? [])),
      total,
      window,
    );
  }

  /**
   * 车位信息填报 by the area's project manager: the counts checked (parking-rules.ts: a 400 naming
   * the field, nothing written), then in one transaction the current filing superseded and the new
   * one written with its dispute reports. The area's row is locked on MySQL, so two filings at once
   * follow each other (SQLite transactions run one at a time).
   */
  async file(actor: Actor, areaId: number, dto: ParkingFilingDto): Promise<ParkingAreaTab> {
    if (actor.unitCategory !== UnitCategory.PROJECT_MANAGER || actor.unitId === null) throw AppException.forbidden('只有项目负责人账号可以填报车位信息');
    await this.areas.readableArea(actor, areaId, ModuleKey.PARKING);
    const disputes = dto.disputes ?? [];
    const problem = parkingProblem(dto, disputes);
    if (problem) throw new ParkingException(problem.code, { field: problem.field, message: problem.message });
    return this.dataSource.transaction(async (manager) => {
      // eslint-disable-next-line szpm/no-raw-scoped-access -- the actor's own area (readableArea() admitted it), locked so that filings of it follow each other
      const area = await manager.findOne(PropertyArea, { where: { id: areaId }, ...rowLock(manager, 'pessimistic_write') });
      if (!area || area.projectManagerId !== actor.unitId) throw AppException.forbidden('只能填报本人负责的物业项目的车位信息');
      const now = new Date();
      // eslint-disable-next-line szpm/no-raw-scoped-access -- supersedes the current filing of that same area
      await manager.createQueryBuilder().update(ParkingFiling).set({ currentAreaId: null, supersededAt: now }).where('currentAreaId = :areaId', { areaId }).execute();
      // eslint-disable-next-line szpm/no-raw-scoped-access -- the new filing of that same area, its region copied from the locked row
      const filings = manager.getRepository(ParkingFiling);
      const filing = await filings.save(
        filings.create({
          districtId: area.districtId,
          streetId: area.streetId,
          communityId: area.communityId,
          propertyAreaId: area.id,
          currentAreaId: area.id,
          ...Object.fromEntries(PARKING_COUNT_FIELDS.map((field) => [field, dto[field]])),
          monthlyFee: dto.monthlyFee ?? null,
          hourlyFee: dto.hourlyFee ?? null,
          remarks: dto.remarks?.trim() || null,
          filedById: actor.accountId,
          filedByName: [...actor.name].slice(0, 32).join(''),
          supersededAt: null,
        }),
      );
      if (disputes.length) {
        // eslint-disable-next-line szpm/no-raw-scoped-access -- the dispute reports of the filing just written
        await manager.getRepository(ParkingDisputeReport).insert(
          disputes.map((d) => ({
            filingId: filing.id,
            districtId: area.districtId,
            streetId: area.streetId,
            propertyAreaId: area.id,
            disputeType: d.type,
            caseCount: d.caseCount,
            note: d.note?.trim() || null,
          })),
        );
      }
      return this.tabOf(manager, area);
    });
  }

  /** The tab of an admitted area: its current filing and reports, households, 车位配比 and the 业主优先 flag. */
  private async tabOf(manager: EntityManager, area: PropertyArea): Promise<ParkingAreaTab> {
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the current filing of an area the caller has admitted the actor to
    const current = await manager.findOne(ParkingFiling, { where: { currentAreaId: area.id } });
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the profile (总户数) of that same area
    const profile = await manager.findOne(PropertyAreaProfile, { select: { id: true, totalHouseholds: true }, where: { propertyAreaId: area.id } });
    // eslint-disable-next-line szpm/no-raw-scoped-access -- how many filings that same area has
    const filingCount = await manager.count(ParkingFiling, { where: { propertyAreaId: area.id } });
    const households = Number(profile?.totalHouseholds ?? area.houseCount);
    const disputes = current ? ((await this.disputesOf(manager, [current.id])).get(current.id) ?? []) : [];
    return {
      propertyAreaId: area.id,
      households,
      current: current ? toFilingView(current, disputes) : null,
      ratio: current ? parkingRatio(current.total, households) : null,
      ownersFirstWarning: current ? ownersFirstWarning(current.total, current.publicOpen, households) : false,
      filingCount,
    };
  }

  private async disputesOf(manager: EntityManager, filingIds: number[]): Promise<Map<number, ParkingDisputeReport[]>> {
    const byFiling = new Map<number, ParkingDisputeReport[]>();
    if (!filingIds.length) return byFiling;
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the reports of filings of an area the caller has admitted the actor to
    const rows = await manager.find(ParkingDisputeReport, { where: { filingId: In(filingIds) }, order: { id: 'ASC' } });
    for (const row of rows) byFiling.set(row.filingId, [...(byFiling.get(row.filingId) ?? []), row]);
    return byFiling;
  }
}
