import { CreditInfoKind, CreditSubjectType, OwnerOffice } from '@szpm/contract';
import { DataSource, EntityManager } from 'typeorm';
import { CreditRecord } from '../modules/credit/entities/credit-record.entity';
import { Owner } from '../modules/regions/entities/owner.entity';
import { OwnerOfficeHolder } from '../modules/regions/entities/owner-office-holder.entity';
import { SeededAccounts } from './accounts';
import { BulkInserter } from './bulk-insert';
import { IdentityFactory } from './names';
import { Organisation, SEED_REFERENCE_DATE, shanghaiDay } from './organisation';
import { SeededRandom } from './random';
import { SeedTargetNotEmptyError, nonEmptyTables } from './seed-writer';
import { DISTRICTS, FUTIAN_ID } from './shenzhen';

type OwnerRow = Omit<Owner, 'createdAt'>;
type OfficeHolderRow = Omit<OwnerOfficeHolder, 'createdAt'>;
type CreditRecordRow = Omit<CreditRecord, 'createdAt'>;

/** What the credit information of the demo is made of: per subject type, the share with good / bad information and its wording. */
interface RecordTemplate {
  title: string;
  content: string;
  /** who decides it; {district} is the subject's district name, {street} a street of it */
  issuedBy: string;
  /** months it counts for; null: no validity of its own */
  validMonths: number | null;
}

const TEMPLATES: Record<CreditSubjectType, { share: { good: number; bad: number }; good: RecordTemplate[]; bad: RecordTemplate[] }> = {
  [CreditSubjectType.PROPERTY_COMPANY]: {
    share: { good: 0.3, bad: 0.3 },
    good: [
      { title: '获评深圳市物业管理优秀项目', content: '所管项目经市物业管理行业协会考评，获评年度优秀项目。', issuedBy: '深圳市物业管理行业协会', validMonths: 24 },
      { title: '纳税信用A级纳税人', content: '经税务机关评定为A级纳税人。', issuedBy: '国家税务总局深圳市{district}税务局', validMonths: 12 },
      { title: '防汛防台工作表现突出', content: '台风期间组织应急值守、排查隐患，受到通报表扬。', issuedBy: '{district}三防指挥部办公室', validMonths: null },
    ],
    bad: [
      { title: '价格违法行为行政处罚', content: '未按规定明码标价收取停车服务费，被处以罚款。', issuedBy: '深圳市市场监督管理局{district}监管局', validMonths: 36 },
      { title: '消防安全隐患责令限期整改', content: '所管项目消防通道堵塞、消防设施未保持完好有效，被责令限期整改。', issuedBy: '{district}消防救援大队', validMonths: 12 },
      { title: '拖欠员工工资被劳动监察处理', content: '拖欠保安、保洁人员工资，经劳动保障监察责令支付。', issuedBy: '{district}人力资源局', validMonths: 24 },
    ],
  },
  [CreditSubjectType.PROJECT_MANAGER]: {
    share: { good: 0.25, bad: 0.25 },
    good: [
      { title: '优秀物业项目经理', content: '年度考评中被评为优秀物业项目经理。', issuedBy: '深圳市物业管理行业协会', validMonths: 24 },
      { title: '安全生产工作先进个人', content: '在安全生产月活动中组织隐患排查成效显著。', issuedBy: '{district}应急管理局', validMonths: null },
    ],
    bad: [
      { title: '安全生产事故被通报批评', content: '所负责项目发生电梯困人事故，应急处置不及时，被通报批评。', issuedBy: '{district}住房和建设局', validMonths: 12 },
      { title: '未按规定公示物业服务信息', content: '未在项目显著位置公示物业服务事项、收费标准，被责令改正。', issuedBy: '{street}街道办事处', validMonths: 12 },
    ],
  },
  [CreditSubjectType.COMMITTEE_CHAIR]: {
    share: { good: 0.2, bad: 0.25 },
    good: [{ title: '优秀业委会主任', content: '依法组织召开业主大会、公开账目，获街道表彰。', issuedBy: '{street}街道办事处', validMonths: 24 }],
    bad: [
      { title: '未按规定公开共有资金收支情况', content: '业主委员会未按季度公开共有资金收支情况，被责令改正。', issuedBy: '{street}街道办事处', validMonths: 24 },
      { title: '未依法组织换届', content: '任期届满前未按规定组织换届选举。', issuedBy: '{street}街道办事处', validMonths: 24 },
    ],
  },
  [CreditSubjectType.OWNER]: {
    share: { good: 0.08, bad: 0.1 },
    good: [
      { title: '热心参与小区公共事务', content: '积极参与业主大会表决和小区志愿服务，获社区表扬。', issuedBy: '{street}街道办事处', validMonths: null },
      { title: '平安建设志愿者', content: '参加平安巡逻志愿服务满一年。', issuedBy: '{street}街道办事处', validMonths: 12 },
    ],
    bad: [
      { title: '拒不执行法院生效判决', content: '拖欠物业服务费经法院判决后仍拒不履行。', issuedBy: '深圳市{district}人民法院', validMonths: 36 },
      { title: '违法搭建被责令拆除', content: '在屋顶平台违法搭建构筑物，被责令限期拆除。', issuedBy: '{street}街道办事处', validMonths: 24 },
      { title: '高空抛物被行政处罚', content: '从高层住宅抛掷物品，被公安机关予以治安处罚。', issuedBy: '深圳市公安局{district}分局', validMonths: 36 },
    ],
  },
  [CreditSubjectType.EXECUTIVE_SECRETARY]: {
    share: { good: 0.15, bad: 0.2 },
    good: [{ title: '业主大会会议组织规范', content: '规范完成业主大会会议筹备、计票和记录，被街道通报表扬。', issuedBy: '{street}街道办事处', validMonths: 12 }],
    bad: [{ title: '未按规定保管业委会印章和档案', content: '擅自使用业主委员会印章，档案资料保管不善。', issuedBy: '{street}街道办事处', validMonths: 24 }],
  },
  [CreditSubjectType.OWNER_SUPERVISOR]: {
    share: { good: 0.2, bad: 0.15 },
    good: [{ title: '履行监督职责成效显著', content: '对共有资金使用和业委会履职开展监督，发现并督促纠正问题。', issuedBy: '{street}街道办事处', validMonths: null }],
    bad: [{ title: '不履行监督职责', content: '无正当理由多次不参加监事会会议、不履行监督职责，被业主大会罢免。', issuedBy: '{street}街道办事处', validMonths: null }],
  },
};

const DISTRICT_NAME = new Map(DISTRICTS.map((d) => [d.id, d.name]));
const STREETS = new Map(DISTRICTS.map((d) => [d.id, d.streets]));
const CREDIT_TABLES = [Owner, OwnerOfficeHolder, CreditRecord];

function addMonths(day: string, months: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + months);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

/**
 * The people of chapter 8 and their credit information, for the demo: owners of every property
 * area (the committee chairs among them), executive secretaries and owner supervisors of the
 * areas with a committee, and registered good and bad information for all six kinds of subject.
 * The demo units (demo.company, demo.manager, demo.committee) and the first 福田区 subject of each
 * kind always have both kinds of information. Runs in the demo seed's transaction, after it.
 */
export async function seedCredit(dataSource: DataSource, manager: EntityManager, org: Organisation, seeded: SeededAccounts, rng: SeededRandom, people: IdentityFactory): Promise<void> {
  const found = await nonEmptyTables(dataSource, manager, CREDIT_TABLES.map((entity) => dataSource.getMetadata(entity).tableName));
  if (found.length) throw new SeedTargetNotEmptyError(found);
  const areaById = new Map(org.areas.map((a) => [a.id, a]));
  const houseRows = (await manager.query('SELECT id, propertyAreaId FROM houses ORDER BY id')) as Array<{ id: number | string; propertyAreaId: number | string }>;
  const housesOf = new Map<number, number[]>();
  for (const h of houseRows) {
    const list = housesOf.get(Number(h.propertyAreaId)) ?? [];
    list.push(Number(h.id));
    housesOf.set(Number(h.propertyAreaId), list);
  }

  const owners: OwnerRow[] = [];
  const ownerRng = rng.fork('owners');
  const addOwner = (areaId: number, name: string, phone: string): OwnerRow => {
    const area = areaById.get(areaId)!;
    const houses = housesOf.get(areaId) ?? [];
    const owner: OwnerRow = { id: owners.length + 1, name, idNumber: people.idNumber(), phone, propertyAreaId: areaId, districtId: area.districtId, houseId: houses.length ? ownerRng.pick(houses) : null };
    owners.push(owner);
    return owner;
  };
  for (const area of org.areas) for (let i = ownerRng.int(4, 8); i > 0; i--) addOwner(area.id, people.personName(), people.mobile());

  const holders: OfficeHolderRow[] = [];
  const officeRng = rng.fork('offices');
  const addHolder = (row: Omit<OfficeHolderRow, 'id'>) => holders.push({ id: holders.length + 1, ...row });
  for (const committee of org.committees) {
    const term = { termStart: committee.termStart, termEnd: committee.termEnd, propertyAreaId: committee.propertyAreaId, districtId: committee.districtId };
    // the chair is an owner of the area
    const chair = addOwner(committee.propertyAreaId, committee.chairName, committee.chairPhone);
    addHolder({ ...term, office: OwnerOffice.COMMITTEE_CHAIR, name: chair.name, idNumber: chair.idNumber, phone: chair.phone, ownersCommitteeId: committee.id, ownerId: chair.id });
    if (committee.executiveSecretaryName) {
      // an executive secretary is engaged by the committee and need not own a house there
      addHolder({ ...term, office: OwnerOffice.EXECUTIVE_SECRETARY, name: committee.executiveSecretaryName, idNumber: people.idNumber(), phone: people.mobile(), ownersCommitteeId: committee.id, ownerId: null });
    }
    const areaOwners = owners.filter((o) => o.propertyAreaId === committee.propertyAreaId && o.id !== chair.id);
    for (const supervisor of officeRng.shuffle(areaOwners).slice(0, officeRng.int(1, 3))) {
      addHolder({ ...term, office: OwnerOffice.OWNER_SUPERVISOR, name: supervisor.name, idNumber: supervisor.idNumber, phone: supervisor.phone, ownersCommitteeId: null, ownerId: supervisor.id });
    }
  }

  const demoUnit = (username: string) => seeded.accounts.find((a) => a.username === username)?.unitId ?? null;
  const demoCommittee = demoUnit('demo.committee');
  const subjects: Record<CreditSubjectType, Array<{ id: number; name: string; districtId: number; forced: boolean }>> = {
    [CreditSubjectType.PROPERTY_COMPANY]: org.companies.map((c) => ({ id: c.id, name: c.name, districtId: c.registeredDistrictId, forced: c.id === demoUnit('demo.company') })),
    [CreditSubjectType.PROJECT_MANAGER]: org.projectManagers.map((m) => ({ id: m.id, name: m.name, districtId: m.districtId, forced: m.id === demoUnit('demo.manager') })),
    [CreditSubjectType.OWNER]: owners.map((o) => ({ id: o.id, name: o.name, districtId: o.districtId, forced: false })),
    [CreditSubjectType.COMMITTEE_CHAIR]: holders
      .filter((h) => h.office === OwnerOffice.COMMITTEE_CHAIR)
      .map((h) => ({ id: h.id, name: h.name, districtId: h.districtId, forced: h.ownersCommitteeId === demoCommittee })),
    [CreditSubjectType.EXECUTIVE_SECRETARY]: holders
      .filter((h) => h.office === OwnerOffice.EXECUTIVE_SECRETARY)
      .map((h) => ({ id: h.id, name: h.name, districtId: h.districtId, forced: false })),
    [CreditSubjectType.OWNER_SUPERVISOR]: holders
      .filter((h) => h.office === OwnerOffice.OWNER_SUPERVISOR)
      .map((h) => ({ id: h.id, name: h.name, districtId: h.districtId, forced: false })),
  };

  const records: CreditRecordRow[] = [];
  const recordRng = rng.fork('records');
  const since = new Date(SEED_REFERENCE_DATE.getTime() - 2 * 365 * 24 * 3600 * 1000);
  for (const subjectType of Object.values(CreditSubjectType)) {
    const templates = TEMPLATES[subjectType];
    const firstInFutian = subjects[subjectType].find((s) => s.districtId === FUTIAN_ID);
    for (const subject of subjects[subjectType]) {
      const forced = subject.forced || subject === firstInFutian;
      for (const kind of [CreditInfoKind.GOOD, CreditInfoKind.BAD]) {
        if (!forced && !recordRng.chance(kind === CreditInfoKind.GOOD ? templates.share.good : templates.share.bad)) continue;
        const template = recordRng.pick(kind === CreditInfoKind.GOOD ? templates.good : templates.bad);
        const district = DISTRICT_NAME.get(subject.districtId) ?? '';
        const recordDate = shanghaiDay(recordRng.dateBetween(since, SEED_REFERENCE_DATE));
        records.push({
          id: records.length + 1,
          subjectType,
          subjectId: subject.id,
          subjectName: subject.name,
          districtId: subject.districtId,
          kind,
          title: template.title,
          content: template.content,
          issuedBy: template.issuedBy.replace('{district}', district).replace('{street}', recordRng.pick(STREETS.get(subject.districtId) ?? [''])),
          documentNo: kind === CreditInfoKind.BAD ? `${district.slice(0, 2)}信〔${recordDate.slice(0, 4)}〕${recordRng.int(1, 999)}号` : null,
          recordDate,
          validUntil: template.validMonths === null ? null : addMonths(recordDate, template.validMonths),
          createdById: null,
        });
      }
    }
  }

  const inserter = new BulkInserter(dataSource, manager);
  await inserter.insert(Owner, owners);
  await inserter.insert(OwnerOfficeHolder, holders);
  await inserter.insert(CreditRecord, records);
}
