import { Injectable } from '@nestjs/common';
import { EvaluationSubjectType, EvaluationSubjectView, Page, ServiceEvaluationErrorCode } from '@szpm/contract';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../../access/actor';
import { DistrictScope } from '../../../access/district-scope';
import { AppException } from '../../../common/errors/app.exception';
import { pageWindow, toPage } from '../../../common/http/pagination.dto';
import { ProjectManager } from '../../regions/entities/project-manager.entity';
import { PropertyCompany } from '../../regions/entities/property-company.entity';
import { isCompanyOfDistrict, whereCompanyOfDistrict } from '../../regions/district-companies';
import { SubjectQueryDto } from '../dto/subject-query.dto';
import { ServiceEvaluationException } from '../service-evaluation.exception';
import { escapeLike } from '../../../common/sql/like';
import { BasicInformation } from '../scoring/score-calculator';

/** A subject as scoring needs it: its name, home district and basic information. */
export interface SubjectFacts {
  subjectType: EvaluationSubjectType;
  subjectId: number;
  name: string;
  /** a project manager's district; a company's registered district */
  homeDistrictId: number;
  basicInformation: BasicInformation;
}

const filled = (value: string | null | undefined) => typeof value === 'string' && value.trim() !== '';

/** The required basic information of each kind of subject (基础信息), label → value. */
export function companyBasicInformation(c: Pick<PropertyCompany, 'name' | 'creditCode' | 'legalRepresentative' | 'contactPhone' | 'address'>): BasicInformation {
  return split({ 企业名称: c.name, 统一社会信用代码: c.creditCode, 法定代表人: c.legalRepresentative, 联系电话: c.contactPhone, 注册地址: c.address });
}

export function managerBasicInformation(m: Pick<ProjectManager, 'name' | 'idNumber' | 'phone' | 'certificateNo'>): BasicInformation {
  return split({ 姓名: m.name, 身份证号码: m.idNumber, 手机号码: m.phone, 从业证书编号: m.certificateNo });
}

function split(fields: Record<string, string | null | undefined>): BasicInformation {
  const entries = Object.entries(fields);
  return { filled: entries.filter(([, v]) => filled(v)).map(([k]) => k), missing: entries.filter(([, v]) => !filled(v)).map(([k]) => k) };
}

/**
 * The evaluated subjects (property companies and project managers) as chapter 7 sees them.
 * A project manager belongs to their district; a company to the districts `companyOfDistrictCondition`
 * (regions/district-companies.ts) names, the rule every list of a district's companies uses.
 */
@Injectable()
export class EvaluationSubjectsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly scope: DistrictScope,
  ) {}

  /** The subjects a district officer may enter records on, with search. */
  async selectable(actor: Actor, query: SubjectQueryDto): Promise<Page<EvaluationSubjectView>> {
    const districtId = this.scope.districtFilter(actor, query.districtId);
    const window = pageWindow(query);
    const search = query.search ? `%${escapeLike(query.search)}%` : null;
    if (query.subjectType === EvaluationSubjectType.PROJECT_MANAGER) {
      // eslint-disable-next-line szpm/no-raw-scoped-access -- filtered on the next lines by the district districtFilter just resolved for the actor
      const qb = this.dataSource
        .getRepository(ProjectManager)
        .createQueryBuilder('m')
        .leftJoin(PropertyCompany, 'c', 'c.id = m.companyId')
        .select(['m.id AS id', 'm.name AS name', 'm.certificateNo AS identifier', 'c.name AS companyName']);
      if (districtId !== null) qb.where('m.districtId = :districtId', { districtId });
      if (search) qb.andWhere(`m.name LIKE :search ESCAPE '!'`, { search });
      const total = await qb.clone().select('COUNT(*)', 'n').getRawOne<{ n: string | number }>();
      const rows = await qb.orderBy('m.id', 'ASC').offset(window.skip).limit(window.take).getRawMany<{ id: number; name: string; identifier: string; companyName: string | null }>();
      return toPage(
        rows.map((r) => ({ subjectType: EvaluationSubjectType.PROJECT_MANAGER, subjectId: Number(r.id), name: r.name, identifier: r.identifier, companyName: r.companyName ?? null })),
        Number(total?.n ?? 0),
        window,
      );
    }
    const qb = whereCompanyOfDistrict(this.dataSource.getRepository(PropertyCompany).createQueryBuilder('c').select(['c.id AS id', 'c.name AS name', 'c.creditCode AS identifier']), 'c.id', districtId);
    if (search) qb.andWhere(`c.name LIKE :search ESCAPE '!'`, { search });
    const total = await qb.clone().select('COUNT(*)', 'n').getRawOne<{ n: string | number }>();
    const rows = await qb.orderBy('c.id', 'ASC').offset(window.skip).limit(window.take).getRawMany<{ id: number; name: string; identifier: string }>();
    return toPage(
      rows.map((r) => ({ subjectType: EvaluationSubjectType.COMPANY, subjectId: Number(r.id), name: r.name, identifier: r.identifier, companyName: null })),
      Number(total?.n ?? 0),
      window,
    );
  }

  /** Whether a subject belongs to a district (see the class comment). */
  async belongsToDistrict(manager: EntityManager, type: EvaluationSubjectType, id: number, districtId: number): Promise<boolean> {
    if (type === EvaluationSubjectType.PROJECT_MANAGER) {
      // eslint-disable-next-line szpm/no-raw-scoped-access -- the district check itself, for the district the caller resolved
      return (await manager.getRepository(ProjectManager).count({ where: { id, districtId } })) > 0;
    }
    return isCompanyOfDistrict(manager, id, districtId);
  }

  /** The subject for a new record of `districtId`: it must exist and belong to that district. */
  async requireInDistrict(manager: EntityManager, type: EvaluationSubjectType, id: number, districtId: number): Promise<SubjectFacts> {
    const facts = await this.facts(manager, type, id);
    if (!facts || !(await this.belongsToDistrict(manager, type, id, districtId))) {
      throw new ServiceEvaluationException(ServiceEvaluationErrorCode.SUBJECT_NOT_IN_DISTRICT);
    }
    return facts;
  }

  async facts(manager: EntityManager, type: EvaluationSubjectType, id: number): Promise<SubjectFacts | null> {
    if (type === EvaluationSubjectType.PROJECT_MANAGER) {
      // eslint-disable-next-line szpm/no-raw-scoped-access -- facts of a subject by id: callers check its district (requireInDistrict, assertVisible) or act on a decided form
      const m = await manager.getRepository(ProjectManager).findOne({ where: { id } });
      return m ? { subjectType: type, subjectId: m.id, name: m.name, homeDistrictId: m.districtId, basicInformation: managerBasicInformation(m) } : null;
    }
    const c = await manager.getRepository(PropertyCompany).findOne({ where: { id } });
    return c ? { subjectType: type, subjectId: c.id, name: c.name, homeDistrictId: c.registeredDistrictId, basicInformation: companyBasicInformation(c) } : null;
  }

  /** May the actor see this subject's score? City actors always; district actors for subjects of their district. */
  async assertVisible(actor: Actor, type: EvaluationSubjectType, id: number): Promise<SubjectFacts> {
    const districtId = this.scope.districtFilter(actor);
    const facts = await this.facts(this.dataSource.manager, type, id);
    if (!facts) throw AppException.notFound('评价对象');
    if (districtId !== null && !(await this.belongsToDistrict(this.dataSource.manager, type, id, districtId))) throw AppException.outOfDistrict();
    return facts;
  }
}
