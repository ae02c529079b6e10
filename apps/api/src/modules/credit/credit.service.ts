import { Injectable } from '@nestjs/common';
import {
  CREDIT_SUBJECT_TYPE_LABELS,
  CreditBasicField,
  CreditErrorCode,
  CreditInfoItem,
  CreditSubjectDetail,
  CreditSubjectListItem,
  CreditSubjectType,
  OwnerOffice,
  Page,
} from '@szpm/contract';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { Actor } from '../../access/actor';
import { DistrictScope } from '../../access/district-scope';
import { AppException } from '../../common/errors/app.exception';
import { maskIdNumber, maskPhone } from '../../common/http/masking';
import { pageWindow, toPage } from '../../common/http/pagination.dto';
import { shanghaiDate } from '../../common/http/shanghai-time';
import { House } from '../regions/entities/house.entity';
import { Owner } from '../regions/entities/owner.entity';
import { OwnerOfficeHolder } from '../regions/entities/owner-office-holder.entity';
import { OwnersCommittee } from '../regions/entities/owners-committee.entity';
import { ProjectManager } from '../regions/entities/project-manager.entity';
import { PropertyArea } from '../regions/entities/property-area.entity';
import { PropertyCompany } from '../regions/entities/property-company.entity';
import { isCompanyOfDistrict, whereCompanyOfDistrict } from '../regions/district-companies';
import { Region, RegionLevel } from '../regions/entities/region.entity';
import { CreditInformation, creditRecordItem } from './credit-information';
import { CreditException } from './credit.exception';
import { CreateCreditRecordDto, CreditSubjectQueryDto } from './dto/credit.dto';
import { CreditRecord } from './entities/credit-record.entity';

/** The office an office-holder subject type stands for. */
const OFFICE_OF: Partial<Record<CreditSubjectType, OwnerOffice>> = {
  [CreditSubjectType.COMMITTEE_CHAIR]: OwnerOffice.COMMITTEE_CHAIR,
  [CreditSubjectType.EXECUTIVE_SECRETARY]: OwnerOffice.EXECUTIVE_SECRETARY,
  [CreditSubjectType.OWNER_SUPERVISOR]: OwnerOffice.OWNER_SUPERVISOR,
};

/** A subject as lists show it, before the good and bad counts are added. */
interface SubjectRow {
  id: number;
  name: string;
  identifier: string;
  districtId: number;
  propertyAreaName: string | null;
  companyName: string | null;
}

/** A subject as the detail and the registration need it. */
interface Subject {
  name: string;
  districtId: number;
  basic: CreditBasicField[];
}

const escapeLike = (text: string) => text.replace(/[!%_]/g, (c) => `!${c}`);

/**
 * 信用信息 (chapter 8): search the six kinds of subject by name, show one with its basic, good and
 * bad information, and register information (诚信登记). People are reached through DistrictScope
 * (their district); a company belongs to a district where it is registered or manages an area.
 */
@Injectable()
export class CreditService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: DistrictScope,
    private readonly information: CreditInformation,
  ) {}

  async search(actor: Actor, query: CreditSubjectQueryDto): Promise<Page<CreditSubjectListItem>> {
    const window = pageWindow(query);
    const qb = this.subjectQuery(actor, query.subjectType, query.districtId);
    if (query.search) qb.andWhere(`s.name LIKE :search ESCAPE '!'`, { search: `%${escapeLike(query.search)}%` });
    const total = Number((await qb.clone().select('COUNT(*)', 'n').getRawOne<{ n: number | string }>())?.n ?? 0);
    const rows = (await qb.orderBy('s.id', 'ASC').offset(window.skip).limit(window.take).getRawMany<SubjectRow>()).map((r) => ({ ...r, id: Number(r.id), districtId: Number(r.districtId) }));
    const counts = await this.information.counts(
      query.subjectType,
      rows.map((r) => r.id),
    );
    return toPage(
      rows.map((r) => ({
        subjectType: query.subjectType,
        subjectTypeLabel: CREDIT_SUBJECT_TYPE_LABELS[query.subjectType],
        subjectId: r.id,
        name: r.name,
        identifier: query.subjectType === CreditSubjectType.PROPERTY_COMPANY ? r.identifier : maskIdNumber(r.identifier),
        districtId: r.districtId,
        propertyAreaName: r.propertyAreaName ?? null,
        companyName: r.companyName ?? null,
        goodCount: counts.get(r.id)?.good ?? 0,
        badCount: counts.get(r.id)?.bad ?? 0,
      })),
      total,
      window,
    );
  }

  async detail(actor: Actor, subjectType: CreditSubjectType, subjectId: number): Promise<CreditSubjectDetail> {
    const subject = await this.visibleSubject(actor, subjectType, subjectId);
    const districtNames = await this.districtNames();
    const { good, bad } = await this.information.of(subjectType, subjectId, districtNames);
    return {
      subjectType,
      subjectTypeLabel: CREDIT_SUBJECT_TYPE_LABELS[subjectType],
      subjectId,
      name: subject.name,
      districtId: subject.districtId,
      districtName: districtNames.get(subject.districtId) ?? null,
      basic: subject.basic,
      good,
      bad,
    };
  }

  /** 诚信登记: the record belongs to the registering bureau's district (the subject's, when the city registers). */
  async register(actor: Actor, dto: CreateCreditRecordDto): Promise<CreditInfoItem> {
    if (dto.recordDate > shanghaiDate(new Date())) throw new CreditException(CreditErrorCode.RECORD_DATE_IN_FUTURE);
    if (dto.validUntil !== undefined && dto.validUntil < dto.recordDate) throw new CreditException(CreditErrorCode.VALID_UNTIL_BEFORE_RECORD_DATE);
    const subject = await this.visibleSubject(actor, dto.subjectType, dto.subjectId);
    // eslint-disable-next-line szpm/no-raw-scoped-access -- writes a new record in the actor's district (the subject's for the city) about a subject visibleSubject just checked
    const repository = this.dataSource.getRepository(CreditRecord);
    const record = await repository.save(
      repository.create({
        subjectType: dto.subjectType,
        subjectId: dto.subjectId,
        subjectName: subject.name,
        districtId: this.scope.districtFilter(actor) ?? subject.districtId,
        kind: dto.kind,
        title: dto.title.trim(),
        content: dto.content.trim(),
        issuedBy: dto.issuedBy.trim(),
        documentNo: dto.documentNo?.trim() || null,
        recordDate: dto.recordDate,
        validUntil: dto.validUntil ?? null,
        createdById: actor.accountId,
      }),
    );
    return creditRecordItem(record);
  }

  /** The list query of one kind of subject, as raw rows aliased like SubjectRow, over alias `s`. */
  private subjectQuery(actor: Actor, subjectType: CreditSubjectType, requestedDistrictId: number | undefined): SelectQueryBuilder<object> {
    switch (subjectType) {
      case CreditSubjectType.PROPERTY_COMPANY: {
        const districtId = this.scope.districtFilter(actor, requestedDistrictId);
        const qb = this.dataSource
          .getRepository(PropertyCompany)
          .createQueryBuilder('s')
          .select(['s.id AS id', 's.name AS name', 's.creditCode AS identifier', 's.registeredDistrictId AS districtId', 'NULL AS propertyAreaName', 'NULL AS companyName']);
        return whereCompanyOfDistrict(qb, 's.id', districtId) as SelectQueryBuilder<object>;
      }
      case CreditSubjectType.PROJECT_MANAGER: {
        const managers = this.scope.repository(actor, ProjectManager, '项目负责人');
        const districtId = managers.resolveDistrictFilter(requestedDistrictId);
        const qb = managers
          .query('s')
          .leftJoin(PropertyCompany, 'c', 'c.id = s.companyId')
          .select(['s.id AS id', 's.name AS name', 's.idNumber AS identifier', 's.districtId AS districtId', 'NULL AS propertyAreaName', 'c.name AS companyName']);
        if (districtId !== null && managers.districtId === null) qb.andWhere('s.districtId = :districtId', { districtId });
        return qb as unknown as SelectQueryBuilder<object>;
      }
      case CreditSubjectType.OWNER: {
        const owners = this.scope.repository(actor, Owner, '业主');
        const districtId = owners.resolveDistrictFilter(requestedDistrictId);
        // eslint-disable-next-line szpm/no-raw-scoped-access -- joins only the area name of owners already scoped by the door
        const qb = owners
          .query('s')
          .leftJoin(PropertyArea, 'a', 'a.id = s.propertyAreaId')
          .select(['s.id AS id', 's.name AS name', 's.idNumber AS identifier', 's.districtId AS districtId', 'a.name AS propertyAreaName', 'NULL AS companyName']);
        if (districtId !== null && owners.districtId === null) qb.andWhere('s.districtId = :districtId', { districtId });
        return qb as unknown as SelectQueryBuilder<object>;
      }
      default: {
        const holders = this.scope.repository(actor, OwnerOfficeHolder, CREDIT_SUBJECT_TYPE_LABELS[subjectType]);
        const districtId = holders.resolveDistrictFilter(requestedDistrictId);
        // eslint-disable-next-line szpm/no-raw-scoped-access -- joins only the area name of office holders already scoped by the door
        const qb = holders
          .query('s')
          .andWhere('s.office = :office', { office: OFFICE_OF[subjectType] })
          .leftJoin(PropertyArea, 'a', 'a.id = s.propertyAreaId')
          .select(['s.id AS id', 's.name AS name', 's.idNumber AS identifier', 's.districtId AS districtId', 'a.name AS propertyAreaName', 'NULL AS companyName']);
        if (districtId !== null && holders.districtId === null) qb.andWhere('s.districtId = :districtId', { districtId });
        return qb as unknown as SelectQueryBuilder<object>;
      }
    }
  }

  /** The subject with its basic information, if the actor may see it (404 / OUT_OF_DISTRICT otherwise). */
  private async visibleSubject(actor: Actor, subjectType: CreditSubjectType, subjectId: number): Promise<Subject> {
    const manager = this.dataSource.manager;
    // eslint-disable-next-line szpm/no-raw-scoped-access -- the name of the area of a subject the door has just returned
    const areaName = async (id: number) => (await manager.findOne(PropertyArea, { where: { id }, select: { id: true, name: true } }))?.name ?? '';
    switch (subjectType) {
      case CreditSubjectType.PROPERTY_COMPANY: {
        const districtId = this.scope.districtFilter(actor);
        const company = await manager.findOne(PropertyCompany, { where: { id: subjectId } });
        if (!company) throw AppException.notFound('物业服务企业');
        // eslint-disable-next-line szpm/no-raw-scoped-access -- counts the company's areas within the district districtFilter just resolved (every district for the city)
        const areasHere = await manager.count(PropertyArea, { where: districtId === null ? { companyId: subjectId } : { companyId: subjectId, districtId } });
        if (districtId !== null && !(await isCompanyOfDistrict(manager, subjectId, districtId))) throw AppException.outOfDistrict();
        const districtNames = await this.districtNames();
        return {
          name: company.name,
          districtId: company.registeredDistrictId,
          basic: [
            { label: '企业名称', value: company.name },
            { label: '统一社会信用代码', value: company.creditCode },
            { label: '法定代表人', value: company.legalRepresentative },
            { label: '联系电话', value: maskPhone(company.contactPhone) },
            { label: '注册地址', value: company.address },
            { label: '注册所在区', value: districtNames.get(company.registeredDistrictId) ?? '' },
            { label: districtId === null ? '在管物业区域' : '本区在管物业区域', value: `${areasHere}个` },
          ],
        };
      }
      case CreditSubjectType.PROJECT_MANAGER: {
        const m = await this.scope.repository(actor, ProjectManager, '项目负责人').findById(subjectId);
        const company = await manager.findOne(PropertyCompany, { where: { id: m.companyId }, select: { id: true, name: true } });
        // eslint-disable-next-line szpm/no-raw-scoped-access -- names the areas of a project manager the door has just returned
        const areas = await manager.find(PropertyArea, { where: { projectManagerId: m.id }, select: { id: true, name: true }, order: { id: 'ASC' } });
        return {
          name: m.name,
          districtId: m.districtId,
          basic: [
            { label: '姓名', value: m.name },
            { label: '身份证号码', value: maskIdNumber(m.idNumber) },
            { label: '手机号码', value: maskPhone(m.phone) },
            { label: '所属企业', value: company?.name ?? '' },
            { label: '从业证书编号', value: m.certificateNo },
            { label: '负责物业区域', value: areas.map((a) => a.name).join('、') || '无' },
          ],
        };
      }
      case CreditSubjectType.OWNER: {
        const o = await this.scope.repository(actor, Owner, '业主').findById(subjectId);
        // eslint-disable-next-line szpm/no-raw-scoped-access -- the house of an owner the door has just returned
        const house = o.houseId === null ? null : await manager.findOne(House, { where: { id: o.houseId } });
        return {
          name: o.name,
          districtId: o.districtId,
          basic: [
            { label: '姓名', value: o.name },
            { label: '身份证号码', value: maskIdNumber(o.idNumber) },
            { label: '手机号码', value: maskPhone(o.phone) },
            { label: '物业区域', value: await areaName(o.propertyAreaId) },
            { label: '房屋', value: house ? `${house.building}${house.unitNo}${house.roomNo}（${house.floorArea}㎡）` : '未登记' },
          ],
        };
      }
      default: {
        const label = CREDIT_SUBJECT_TYPE_LABELS[subjectType];
        const h = await this.scope.repository(actor, OwnerOfficeHolder, label).findById(subjectId);
        if (h.office !== OFFICE_OF[subjectType]) throw AppException.notFound(label);
        // eslint-disable-next-line szpm/no-raw-scoped-access -- the committee name of an office holder the door has just returned
        const committee = h.ownersCommitteeId === null ? null : await manager.findOne(OwnersCommittee, { where: { id: h.ownersCommitteeId }, select: { id: true, name: true } });
        const basic: CreditBasicField[] = [
          { label: '姓名', value: h.name },
          { label: '身份证号码', value: maskIdNumber(h.idNumber) },
          { label: '手机号码', value: maskPhone(h.phone) },
          { label: '物业区域', value: await areaName(h.propertyAreaId) },
        ];
        if (committee) basic.push({ label: '业主委员会', value: committee.name });
        basic.push({ label: '任期', value: `${h.termStart} 至 ${h.termEnd}` }, { label: '是否业主', value: h.ownerId === null ? '否' : '是' });
        return { name: h.name, districtId: h.districtId, basic };
      }
    }
  }

  private async districtNames(): Promise<Map<number, string>> {
    // eslint-disable-next-line szpm/no-raw-scoped-access -- district names, city-wide reference data, label the deciding bureau
    const rows = await this.dataSource.getRepository(Region).find({ where: { level: RegionLevel.DISTRICT }, select: { id: true, name: true } });
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}

