import { BadRecordListItem, EvaluationRecordStatus, EvaluationSubjectType, Page } from '@szpm/contract';
import { BadRecord } from '../src/modules/service-evaluation/entities/bad-record.entity';
import { BadRecordsService } from '../src/modules/service-evaluation/records/bad-records.service';
import { escapeLike } from '../src/common/sql/like';
import { FUTIAN_ID, NANSHAN_ID } from '../src/seed/shenzhen';
import { startTestApp, TestApp } from './support/test-app';

jest.setTimeout(120_000);

const NAMES = [
  '深圳市福田区万象物业管理有限公司',
  '深圳市南山区万象城物业服务有限公司',
  '张伟',
  '张伟明',
  '李张伟',
  'ABC物业',
  'abc Property',
  '100%满意物业',
  '下划线_物业',
  '王小明',
  '王明小',
];

/**
 * 不良信息汇总's name search runs on the n-gram index of subject names; it must answer exactly what
 * a contains-search (LIKE '%…%') answers, in the same order, with the same totals, on both dialects.
 */
describe('bad-record search (n-gram names, counts, keyset pages)', () => {
  let t: TestApp;
  let cityAdmin: string;
  let futianHandler: string;
  const records = () => t.dataSource.getRepository(BadRecord);

  const search = async (token: string, query: Record<string, string | number>) => {
    const qs = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)])).toString();
    const response = await t.http().get(`/api/service-evaluation/bad-records?${qs}`).set('Authorization', `Bearer ${token}`);
    expect(response.status).toBe(200);
    return response.body as Page<BadRecordListItem>;
  };

  /** what a contains-search answers, straight from the table */
  const containing = async (text: string, districtId?: number) => {
    const qb = records()
      .createQueryBuilder('r')
      .select(['r.id'])
      .where(`r.subjectName LIKE :text ESCAPE '!'`, { text: `%${escapeLike(text)}%` })
      .orderBy('r.factDate', 'DESC')
      .addOrderBy('r.id', 'DESC');
    if (districtId) qb.andWhere('r.districtId = :districtId', { districtId });
    return (await qb.getMany()).map((r) => r.id);
  };

  beforeAll(async () => {
    t = await startTestApp();
    const rows = Array.from({ length: 220 }, (_, i) => ({
      subjectType: i % 2 ? EvaluationSubjectType.COMPANY : EvaluationSubjectType.PROJECT_MANAGER,
      subjectId: 1 + (i % NAMES.length),
      subjectName: NAMES[i % NAMES.length],
      districtId: i % 3 ? FUTIAN_ID : NANSHAN_ID,
      itemId: 1,
      itemName: '未按规定履行物业服务合同',
      countOncePerYear: false,
      circumstanceId: 1,
      circumstanceDescription: '情形',
      level: 1,
      points: 2,
      publicityMonths: 3,
      factDate: `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      documentNo: `深住建罚〔2025〕${i + 1}号`,
      description: '经查实',
      status: i % 10 === 0 ? EvaluationRecordStatus.REVOKED : EvaluationRecordStatus.EFFECTIVE,
      published: true,
      publicityStart: '2025-01-01',
      publicityEnd: '2099-12-31',
      linkedRecordIds: [],
      countOnceGroupId: null,
      determinationCaseId: i + 1,
    }));
    await records().insert(rows);
    // rows written around the service (as an import or the benchmark's generator does) are indexed on start
    await t.app.get(BadRecordsService).onApplicationBootstrap();
    cityAdmin = await t.login('city.admin');
    futianHandler = await t.login('futian.handler');
  });

  afterAll(async () => {
    await t?.close();
  });

  const SEARCHES = ['张', '张伟', '伟明', '万象', '万象城', '物业服务有限公司', '深圳市福田区万象物业管理有限公司', 'abc', 'ABC', 'Abc P', '%', '100%', '_', '线_物', '小明', '明小', '不存在的名字', '张伟明x'];

  it.each(SEARCHES)('answers a contains-search for %p city-wide and in the district', async (text) => {
    const city = await search(cityAdmin, { search: text, pageSize: 100 });
    const expected = await containing(text);
    expect(city.total).toBe(expected.length);
    expect(city.items.map((r) => r.id)).toEqual(expected.slice(0, 100));
    const district = await search(futianHandler, { search: text, pageSize: 100 });
    const expectedInDistrict = await containing(text, FUTIAN_ID);
    expect(district.total).toBe(expectedInDistrict.length);
    expect(district.items.map((r) => r.id)).toEqual(expectedInDistrict.slice(0, 100));
  });

  it.each(['张伟', '万象', 'abc', '%'])('searches the public 信息公示 by name %p as a contains-search does', async (text) => {
    const answer = await t.http().get(`/api/service-evaluation/publicity/bad-records?search=${encodeURIComponent(text)}&pageSize=100`).expect(200);
    const today = new Date().toISOString().slice(0, 10);
    const expected = await records()
      .createQueryBuilder('r')
      .where(`r.subjectName LIKE :text ESCAPE '!'`, { text: `%${escapeLike(text)}%` })
      .andWhere('r.published = :published AND r.publicityEnd >= :today', { published: true, today })
      .getCount();
    expect((answer.body as Page<unknown>).total).toBe(expected);
  });

  it('pages by cursor through the same rows as by page number', async () => {
    const byPage: number[] = [];
    for (let page = 1; page <= 8; page++) byPage.push(...(await search(futianHandler, { page, pageSize: 20 })).items.map((r) => r.id));
    const byCursor: number[] = [];
    let cursor: string | undefined;
    do {
      const answer = await search(futianHandler, { pageSize: 20, ...(cursor ? { cursor } : {}) });
      byCursor.push(...answer.items.map((r) => r.id));
      cursor = answer.nextCursor;
    } while (cursor);
    expect(byCursor).toEqual(byPage);
    expect(new Set(byCursor).size).toBe(byCursor.length);
    const bad = await t.http().get('/api/service-evaluation/bad-records?cursor=yesterday').set('Authorization', `Bearer ${futianHandler}`);
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('cursor');
  });

  it('counts a filter once and counts again after a record is written', async () => {
    const before = (await search(futianHandler, { search: '王小明' })).total;
    expect((await search(futianHandler, { search: '王小明' })).total).toBe(before);
    const [template] = await records().find({ where: { subjectName: '王小明', districtId: FUTIAN_ID }, take: 1 });
    const { id: _id, createdAt: _createdAt, updatedAt: _updatedAt, ...copy } = template;
    await records().save(records().create({ ...copy, determinationCaseId: 9_999 }));
    expect((await search(futianHandler, { search: '王小明' })).total).toBe(before + 1);
    await records().update({ determinationCaseId: 9_999 }, { status: EvaluationRecordStatus.REVOKED });
    expect((await search(futianHandler, { search: '王小明', status: EvaluationRecordStatus.REVOKED })).total).toBe((await containing('王小明', FUTIAN_ID)).length - (await records().countBy({ subjectName: '王小明', districtId: FUTIAN_ID, status: EvaluationRecordStatus.EFFECTIVE })));
  });
});
