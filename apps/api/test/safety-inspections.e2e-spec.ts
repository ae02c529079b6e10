import {
  AccountStatus,
  CampaignKind,
  DeliveryChannel,
  InboxMessage,
  Page,
  Role,
  SafetyAreaCandidate,
  SafetyAreaStatsItem,
  SafetyCheckKind,
  SafetyCheckOutcome,
  SafetyCompanyStatsItem,
  SafetyFacilityStatsItem,
  SafetyInspectionDetail,
  SafetyInspectionListItem,
  SafetyRegionStats,
  SafetyTargetForm,
  SafetyTargetStatus,
  SafetyTaskItem,
  SafetyTemplateDetail,
  SafetyTemplateListItem,
  UnitCategory,
} from '@szpm/contract';
import ExcelJS from 'exceljs';
import { In } from 'typeorm';
import { Account } from '../src/access/entities/account.entity';
import { shanghaiDate } from '../src/common/http/shanghai-time';
import { NotificationDelivery } from '../src/modules/notifications/entities/notification-delivery.entity';
import { PropertyArea } from '../src/modules/regions/entities/property-area.entity';
import { Region, RegionLevel } from '../src/modules/regions/entities/region.entity';
import { SafetyInspectionTarget } from '../src/modules/safety-inspections/entities/safety-inspection-target.entity';
import { FUTIAN_ID, NANSHAN_ID } from '../src/seed/shenzhen';
import { NOTIFICATION_QUEUES } from '../src/modules/notifications/notifications.service';
import { FakeWechatServer } from './fakes/fake-wechat-server';
import { PNG_BYTES } from './support/workflow-test-forms';
import { binaryBody } from './support/binary-body';
import { startTestApp, TestApp } from './support/test-app';

jest.setTimeout(120_000);

const OA = { appId: 'wx-oa-safety-0001', secret: 'oa-secret-safety-0001' };
const MINI = { appId: 'wx-mini-safety-0001', secret: 'mini-secret-safety-0001' };

/** The notification pipeline with WeChat configured against the local fake WeChat server. */
const wechatEnv = (wechat: FakeWechatServer): Record<string, string> => ({
  WECHAT_API_BASE: wechat.url,
  WECHAT_OA_APPID: OA.appId,
  WECHAT_OA_SECRET: OA.secret,
  WECHAT_MINI_APPID: MINI.appId,
  WECHAT_MINI_SECRET: MINI.secret,
  WECHAT_TEMPLATE_ID_SUBSCRIBE: 'SUBSCRIBE-safety_00001-abcdefghijkl',
  WECHAT_TEMPLATE_ID_OA: 'OA-safety_00001-abcdefghijklmnopqrs',
  NOTIFY_RETRY_BASE_MS: '50',
  NOTIFY_RETRY_MAX_MS: '400',
});

const MANAGER_OPENID = 'oOA-demo-manager-safety';

const inDays = (days: number) => shanghaiDate(new Date(Date.now() + days * 24 * 3600_000));

type Answer = { itemId: number; outcome: SafetyCheckOutcome; note?: string; photoAttachmentIds?: number[] };

describe('safety inspections (chapter 16)', () => {
  let t: TestApp;
  let wechat: FakeWechatServer;
  const tokens: Record<string, string> = {};
  const auth = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  const get = (user: string, path: string) => t.http().get(path).set(auth(user));
  const post = (user: string, path: string, body?: object) => t.http().post(path).set(auth(user)).send(body ?? {});
  const put = (user: string, path: string, body: object) => t.http().put(path).set(auth(user)).send(body);
  const accounts = () => t.dataSource.getRepository(Account);
  const areas = () => t.dataSource.getRepository(PropertyArea);

  let manager: Account;
  let managerAreas: PropertyArea[];
  /** a second Futian project manager with an account, running other areas */
  let other: Account;
  let otherAreas: PropertyArea[];

  async function login(username: string) {
    tokens[username] = await t.login(username);
  }

  const allItems = (form: SafetyTargetForm) => form.indicators.flatMap((i) => i.items);
  const passAll = (form: SafetyTargetForm): Answer[] => allItems(form).map((i) => ({ itemId: i.id, outcome: SafetyCheckOutcome.PASS }));
  const launch = (user: string, body: object) => post(user, '/api/safety-inspections', { deadline: inDays(14), instructions: '请逐项自查，不合格项拍照说明。', ...body });

  beforeAll(async () => {
    wechat = await FakeWechatServer.start({ oa: OA, mini: MINI });
    t = await startTestApp({ env: wechatEnv(wechat) });
    for (const user of ['futian.handler', 'futian.lead', 'futian.supervisor', 'nanshan.handler', 'city.admin', 'demo.manager']) await login(user);
    // demo.manager follows the official account: launches and 催办 reach it as template messages too
    await accounts().update({ username: 'demo.manager' }, { wechatOpenId: MANAGER_OPENID, boundAt: new Date() });
    manager = await accounts().findOneByOrFail({ username: 'demo.manager' });
    managerAreas = await areas().find({ where: { projectManagerId: manager.unitId! }, order: { id: 'ASC' } });
    const futianManagers = await accounts().find({
      where: { role: Role.PROJECT_MANAGER, unitCategory: UnitCategory.PROJECT_MANAGER, districtId: FUTIAN_ID, status: AccountStatus.ACTIVE },
      order: { id: 'ASC' },
    });
    other = futianManagers.find((a) => a.id !== manager.id && a.unitId !== manager.unitId)!;
    otherAreas = await areas().find({ where: { projectManagerId: other.unitId! }, order: { id: 'ASC' } });
    expect(otherAreas.length).toBeGreaterThan(0);
    await login(other.username);
  });
  afterAll(async () => {
    await t?.close();
    await wechat?.close();
  });

  describe('the rule library (安全生产检查库)', () => {
    it('starts with the default routine and special checklists', async () => {
      const library: SafetyTemplateListItem[] = (await get('futian.handler', '/api/safety-inspections/templates').expect(200)).body;
      const routine = library.find((x) => x.kind === SafetyCheckKind.ROUTINE)!;
      expect(routine).toMatchObject({ districtId: null, kindLabel: '常规检查', version: 1 });
      expect(library.filter((x) => x.kind === SafetyCheckKind.SPECIAL).length).toBeGreaterThanOrEqual(2);
      const detail: SafetyTemplateDetail = (await get('futian.handler', `/api/safety-inspections/templates/${routine.id}`).expect(200)).body;
      expect(detail.indicators.map((i) => i.name)).toEqual(['专项监督', '基础管理', '消防保卫', '物业管理', '设备设施']);
      const contents = detail.indicators.flatMap((i) => i.subItems.map((s) => s.content)).join('|');
      for (const typical of ['备案', '应急预案', '消防车通道', '有限空间', '电梯', '排水泵', '新能源汽车充电']) expect(contents).toContain(typical);
      expect(detail.subItemCount).toBe(detail.indicators.reduce((n, i) => n + i.subItems.length, 0));
    });

    it('adds, edits with a version check, copies and deletes templates of the district', async () => {
      const created: SafetyTemplateDetail = (
        await post('futian.handler', '/api/safety-inspections/templates', {
          name: '福田区高层住宅消防专项检查',
          kind: SafetyCheckKind.SPECIAL,
          indicators: [
            { name: '消防保卫', subItems: [{ content: '消防控制室24小时双人值守', facility: '消防控制室' }, { content: '防火门常闭，闭门器完好', facility: '防火门' }] },
            { name: '基础管理', subItems: [{ content: '微型消防站人员器材到位' }] },
          ],
        }).expect(201)
      ).body;
      expect(created).toMatchObject({ districtId: FUTIAN_ID, version: 1, indicatorCount: 2, subItemCount: 3 });
      const edited: SafetyTemplateDetail = (
        await put('futian.handler', `/api/safety-inspections/templates/${created.id}`, {
          name: created.name,
          kind: created.kind,
          version: 1,
          indicators: [{ name: '消防保卫', subItems: [{ content: '消防控制室24小时双人值守', facility: '消防控制室' }] }],
        }).expect(200)
      ).body;
      expect(edited).toMatchObject({ version: 2, indicatorCount: 1, subItemCount: 1 });
      const stale = await put('futian.handler', `/api/safety-inspections/templates/${created.id}`, { name: 'x', kind: created.kind, version: 1, indicators: [{ name: 'a', subItems: [{ content: 'b' }] }] }).expect(409);
      expect(stale.body.code).toBe('CONFLICT');
      // another district neither sees nor edits it; a district cannot edit the city's templates
      const nanshanLibrary: SafetyTemplateListItem[] = (await get('nanshan.handler', '/api/safety-inspections/templates').expect(200)).body;
      expect(nanshanLibrary.some((x) => x.id === created.id)).toBe(false);
      await get('nanshan.handler', `/api/safety-inspections/templates/${created.id}`).expect(403);
      const cityTemplate = nanshanLibrary.find((x) => x.districtId === null)!;
      await put('futian.handler', `/api/safety-inspections/templates/${cityTemplate.id}`, { name: 'x', kind: cityTemplate.kind, version: 1, indicators: [{ name: 'a', subItems: [{ content: 'b' }] }] }).expect(403);
      const copy: SafetyTemplateDetail = (await post('futian.handler', `/api/safety-inspections/templates/${cityTemplate.id}/copy`, { name: '福田区防汛检查' }).expect(201)).body;
      expect(copy).toMatchObject({ districtId: FUTIAN_ID, name: '福田区防汛检查', version: 1, subItemCount: cityTemplate.subItemCount });
      await t.http().delete(`/api/safety-inspections/templates/${copy.id}`).set(auth('futian.handler')).expect(204);
      await get('futian.handler', `/api/safety-inspections/templates/${copy.id}`).expect(404);
      // the supervisor reads, does not maintain
      await post('futian.supervisor', '/api/safety-inspections/templates', { name: 'x', kind: 'ROUTINE', indicators: [{ name: 'a', subItems: [{ content: 'b' }] }] }).expect(403);
    });

    it('answers malformed templates with 400 naming the field', async () => {
      const cases: Array<[object, string]> = [
        [{ kind: 'ROUTINE', indicators: [{ name: 'a', subItems: [{ content: 'b' }] }] }, 'name'],
        [{ name: 'x', kind: 'WEEKLY', indicators: [{ name: 'a', subItems: [{ content: 'b' }] }] }, 'kind'],
        [{ name: 'x', kind: 'ROUTINE', indicators: [] }, 'indicators'],
        [{ name: 'x', kind: 'ROUTINE', indicators: [{ name: 'a', subItems: [] }] }, 'indicators.0.subItems'],
        [{ name: 'x', kind: 'ROUTINE', indicators: [{ name: 'a', subItems: [{ facility: '电梯' }] }] }, 'indicators.0.subItems.0.content'],
      ];
      for (const [body, field] of cases) {
        const response = await post('futian.handler', '/api/safety-inspections/templates', body).expect(400);
        expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
      }
    });
  });

  describe('an inspection from launch to ledger', () => {
    let template: SafetyTemplateDetail;
    let inspection: SafetyInspectionDetail;
    let futianAreaCount: number;

    beforeAll(async () => {
      template = (
        await post('futian.handler', '/api/safety-inspections/templates', {
          name: '福田区汛前安全检查',
          kind: SafetyCheckKind.SPECIAL,
          indicators: [
            { name: '专项监督', subItems: [{ content: '地下车库挡水板到位', facility: '地下车库' }, { content: '排水泵试机正常', facility: '排水泵' }] },
            { name: '消防保卫', subItems: [{ content: '消防车通道畅通', facility: '消防车通道' }, { content: '24小时值班' }] },
          ],
        }).expect(201)
      ).body;
      futianAreaCount = await areas().countBy({ districtId: FUTIAN_ID });
      inspection = (await launch('futian.handler', { templateId: template.id, title: '2026年汛前安全检查' }).expect(201)).body;
    });

    it('goes to every area of the district, and the project managers are told', async () => {
      expect(inspection).toMatchObject({ targets: futianAreaCount, submitted: 0, outstanding: futianAreaCount, templateVersion: 1, districtName: '福田区', kind: SafetyCheckKind.SPECIAL });
      expect(inspection.indicators.map((i) => i.items.length)).toEqual([2, 2]);
      const inbox: Page<InboxMessage> = (await get('demo.manager', '/api/inbox').expect(200)).body;
      expect(inbox.items[0]).toMatchObject({ kind: CampaignKind.NOTICE, title: '安全检查：2026年汛前安全检查', link: `/packages/safety/tasks/index?inspectionId=${inspection.id}` });
      expect(inbox.items[0].content).toContain(inspection.deadline);
      for (const queue of NOTIFICATION_QUEUES) await t.queue.drained(queue, 30_000);
      expect(wechat.messagesTo(MANAGER_OPENID)).toEqual([expect.objectContaining({ api: 'template' })]);
      const tasks: Page<SafetyTaskItem> = (await get('demo.manager', '/api/safety-inspections/my-tasks').expect(200)).body;
      expect(tasks.items.filter((x) => x.inspectionId === inspection.id).map((x) => x.propertyAreaId).sort((a, b) => a - b)).toEqual(managerAreas.map((a) => a.id));
    });

    it('keeps the launched items when the template is edited afterwards', async () => {
      await put('futian.handler', `/api/safety-inspections/templates/${template.id}`, {
        name: '福田区汛前安全检查（修订）',
        kind: SafetyCheckKind.SPECIAL,
        version: template.version,
        indicators: [{ name: '专项监督', subItems: [{ content: '地下车库挡水板到位且高度不低于60厘米', facility: '地下车库' }] }],
      }).expect(200);
      const after: SafetyInspectionDetail = (await get('futian.handler', `/api/safety-inspections/${inspection.id}`).expect(200)).body;
      expect(after.templateVersion).toBe(1);
      expect(after.templateName).toBe('福田区汛前安全检查');
      expect(after.indicators).toEqual(inspection.indicators);
      const task = ((await get('demo.manager', '/api/safety-inspections/my-tasks').expect(200)).body as Page<SafetyTaskItem>).items.find((x) => x.inspectionId === inspection.id)!;
      const form: SafetyTargetForm = (await get('demo.manager', `/api/safety-inspections/my-tasks/${task.targetId}`).expect(200)).body;
      expect(allItems(form).map((i) => i.content)).toEqual(['地下车库挡水板到位', '排水泵试机正常', '消防车通道畅通', '24小时值班']);
      expect((await get('futian.handler', `/api/safety-inspections/templates/${template.id}`).expect(200)).body.version).toBe(2);
    });

    it('lets the project manager fill, save and submit, with checks', async () => {
      const targets = await t.dataSource.getRepository(SafetyInspectionTarget).find({ where: { inspectionId: inspection.id, projectManagerId: manager.unitId! }, order: { id: 'ASC' } });
      const [first, ...rest] = targets;
      const form: SafetyTargetForm = (await get('demo.manager', `/api/safety-inspections/my-tasks/${first.id}`).expect(200)).body;
      expect(form).toMatchObject({ status: SafetyTargetStatus.PENDING, statusLabel: '未填报', title: '2026年汛前安全检查', overdue: false });
      const [garage, pump, lane, duty] = allItems(form);
      const photo = await t.http().post('/api/attachments').set(auth('demo.manager')).attach('file', PNG_BYTES, '消防车通道.png').expect(201);

      const saved: SafetyTargetForm = (
        await put('demo.manager', `/api/safety-inspections/my-tasks/${first.id}/results`, {
          results: [
            { itemId: garage.id, outcome: SafetyCheckOutcome.PASS },
            { itemId: lane.id, outcome: SafetyCheckOutcome.FAIL, photoAttachmentIds: [photo.body.id] },
          ],
        }).expect(200)
      ).body;
      expect(saved).toMatchObject({ status: SafetyTargetStatus.DRAFT, passCount: 1, failCount: 1 });
      expect(allItems(saved)[2].result.photos).toEqual([expect.objectContaining({ id: photo.body.id, fileName: '消防车通道.png' })]);

      const incomplete = await post('demo.manager', `/api/safety-inspections/my-tasks/${first.id}/submit`).expect(400);
      expect(incomplete.body).toMatchObject({ code: 'SAFETY_RESULTS_INCOMPLETE', details: [{ field: 'results' }] });
      const unexplained = await post('demo.manager', `/api/safety-inspections/my-tasks/${first.id}/submit`, {
        results: [
          { itemId: pump.id, outcome: SafetyCheckOutcome.NOT_APPLICABLE },
          { itemId: duty.id, outcome: SafetyCheckOutcome.PASS },
        ],
      }).expect(400);
      expect(unexplained.body.code).toBe('SAFETY_FAIL_NEEDS_NOTE');
      // the refused submission rolled back: the two answers it carried are not saved
      expect(((await get('demo.manager', `/api/safety-inspections/my-tasks/${first.id}`).expect(200)).body as SafetyTargetForm).notApplicableCount).toBe(0);

      const submitted: SafetyTargetForm = (
        await post('demo.manager', `/api/safety-inspections/my-tasks/${first.id}/submit`, {
          results: [
            { itemId: lane.id, outcome: SafetyCheckOutcome.FAIL, note: '消防车通道被私家车占用，已通知车主挪车并设置隔离桩', photoAttachmentIds: [photo.body.id] },
            { itemId: pump.id, outcome: SafetyCheckOutcome.NOT_APPLICABLE },
            { itemId: duty.id, outcome: SafetyCheckOutcome.PASS },
          ],
        }).expect(200)
      ).body;
      expect(submitted).toMatchObject({ status: SafetyTargetStatus.SUBMITTED, passCount: 2, failCount: 1, notApplicableCount: 1, submittedByName: manager.name });
      const again = await put('demo.manager', `/api/safety-inspections/my-tasks/${first.id}/results`, { results: [{ itemId: lane.id, outcome: SafetyCheckOutcome.PASS }] }).expect(409);
      expect(again.body.code).toBe('SAFETY_ALREADY_SUBMITTED');
      await post('demo.manager', `/api/safety-inspections/my-tasks/${first.id}/submit`).expect(409);
      const file = await get('demo.manager', `/api/safety-inspections/my-tasks/${first.id}/photos/${photo.body.id}`).expect(200);
      expect(Buffer.compare(file.body as Buffer, PNG_BYTES)).toBe(0);
      await get('futian.supervisor', `/api/safety-inspections/${inspection.id}/areas/${first.id}/photos/${photo.body.id}`).expect(200);

      // the manager's other areas and the second manager pass everything
      for (const target of rest) {
        const f: SafetyTargetForm = (await get('demo.manager', `/api/safety-inspections/my-tasks/${target.id}`).expect(200)).body;
        await post('demo.manager', `/api/safety-inspections/my-tasks/${target.id}/submit`, { results: passAll(f) }).expect(200);
      }
      const otherTarget = await t.dataSource.getRepository(SafetyInspectionTarget).findOneByOrFail({ inspectionId: inspection.id, propertyAreaId: otherAreas[0].id });
      const otherForm: SafetyTargetForm = (await get(other.username, `/api/safety-inspections/my-tasks/${otherTarget.id}`).expect(200)).body;
      await post(other.username, `/api/safety-inspections/my-tasks/${otherTarget.id}/submit`, { results: passAll(otherForm) }).expect(200);
      // nobody else's area
      await get(other.username, `/api/safety-inspections/my-tasks/${first.id}`).expect(404);
      await put(other.username, `/api/safety-inspections/my-tasks/${first.id}/results`, { results: [{ itemId: lane.id, outcome: 'PASS' }] }).expect(404);
    });

    it('answers malformed results with 400 naming the field', async () => {
      // a small inspection of the second manager's first area, left open for these attempts
      const small: SafetyInspectionDetail = (await launch('futian.handler', { templateId: template.id, propertyAreaIds: [otherAreas[0].id] }).expect(201)).body;
      const target = await t.dataSource.getRepository(SafetyInspectionTarget).findOneByOrFail({ inspectionId: small.id });
      const path = `/api/safety-inspections/my-tasks/${target.id}/results`;
      const item = small.indicators[0].items[0].id;
      const cases: Array<[object, string]> = [
        [{}, 'results'],
        [{ results: [] }, 'results'],
        [{ results: [{ itemId: item, outcome: 'GOOD' }] }, 'results.0.outcome'],
        [{ results: [{ itemId: 'one', outcome: 'PASS' }] }, 'results.0.itemId'],
        [{ results: [{ itemId: item, outcome: 'PASS', note: 'x'.repeat(501) }] }, 'results.0.note'],
        [{ results: [{ itemId: item, outcome: 'PASS', photoAttachmentIds: ['a'] }] }, 'results.0.photoAttachmentIds'],
        // an item of another inspection
        [{ results: [{ itemId: inspection.indicators[0].items[0].id, outcome: 'PASS' }] }, 'results.0.itemId'],
        [{ results: [{ itemId: item, outcome: 'PASS' }, { itemId: item, outcome: 'FAIL' }] }, 'results.1.itemId'],
      ];
      for (const [body, field] of cases) {
        const response = await put(other.username, path, body).expect(400);
        expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
      }
      expect((await put(other.username, path, cases[6][0]).expect(400)).body.code).toBe('SAFETY_ITEM_NOT_IN_INSPECTION');
      // somebody else's upload is not a photo of this area
      const foreign = await t.http().post('/api/attachments').set(auth('demo.manager')).attach('file', PNG_BYTES, 'x.png').expect(201);
      const refused = await put(other.username, path, { results: [{ itemId: item, outcome: 'FAIL', photoAttachmentIds: [foreign.body.id] }] }).expect(400);
      expect(refused.body).toMatchObject({ code: 'ATTACHMENT_NOT_USABLE', details: [{ field: 'results.0.photoAttachmentIds' }] });
      expect((await get(other.username, `/api/safety-inspections/my-tasks/${target.id}`).expect(200)).body.status).toBe(SafetyTargetStatus.PENDING);
      const launchCases: Array<[object, string]> = [
        [{ templateId: template.id, deadline: '2026-13-01' }, 'deadline'],
        [{ templateId: template.id, deadline: '2020-01-01' }, 'deadline'],
        [{ deadline: inDays(3) }, 'templateId'],
        [{ templateId: template.id, propertyAreaIds: [] }, 'propertyAreaIds'],
        [{ templateId: template.id, propertyAreaIds: [99999999] }, 'propertyAreaIds'],
      ];
      for (const [body, field] of launchCases) {
        const response = await launch('futian.handler', body).expect(400);
        expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
      }
      expect((await launch('futian.handler', { templateId: template.id, deadline: '2020-01-01' }).expect(400)).body.code).toBe('SAFETY_DEADLINE_IN_PAST');
      expect((await launch('city.admin', { templateId: template.id }).expect(400)).body).toMatchObject({ code: 'SAFETY_DISTRICT_REQUIRED', details: [{ field: 'districtId' }] });
    });

    it('shows the statistics by property area and by company as the results come in', async () => {
      const submittedCount = managerAreas.length + 1;
      const done: Page<SafetyAreaStatsItem> = (await get('futian.handler', `/api/safety-inspections/${inspection.id}/areas?done=true&pageSize=100`).expect(200)).body;
      expect(done.total).toBe(submittedCount);
      expect(done.items.map((x) => x.propertyAreaId).sort((a, b) => a - b)).toEqual([...managerAreas.map((a) => a.id), otherAreas[0].id].sort((a, b) => a - b));
      const notDone: Page<SafetyAreaStatsItem> = (await get('futian.handler', `/api/safety-inspections/${inspection.id}/areas?done=false&pageSize=100`).expect(200)).body;
      expect(notDone.total).toBe(futianAreaCount - submittedCount);
      expect(notDone.items.every((x) => x.status !== SafetyTargetStatus.SUBMITTED && x.submittedAt === null)).toBe(true);
      const problems: Page<SafetyAreaStatsItem> = (await get('futian.handler', `/api/safety-inspections/${inspection.id}/areas?hasProblems=true`).expect(200)).body;
      expect(problems.items).toEqual([expect.objectContaining({ propertyAreaId: managerAreas[0].id, failCount: 1, projectManagerName: manager.name, statusLabel: '已完成' })]);

      const detail: SafetyInspectionDetail = (await get('futian.lead', `/api/safety-inspections/${inspection.id}`).expect(200)).body;
      expect(detail).toMatchObject({ targets: futianAreaCount, submitted: submittedCount, outstanding: futianAreaCount - submittedCount, problems: 1, areasWithProblems: 1 });
      const list: Page<SafetyInspectionListItem> = (await get('futian.lead', '/api/safety-inspections').expect(200)).body;
      expect(list.items.find((x) => x.id === inspection.id)).toMatchObject({ submitted: submittedCount, problems: 1 });

      const companies: Page<SafetyCompanyStatsItem> = (await get('futian.handler', `/api/safety-inspections/${inspection.id}/companies?pageSize=100`).expect(200)).body;
      expect(companies.items.reduce((n, c) => n + c.targets, 0)).toBe(futianAreaCount);
      expect(companies.items.reduce((n, c) => n + c.submitted, 0)).toBe(submittedCount);
      const managerCompany = companies.items.find((c) => c.companyId === managerAreas[0].companyId)!;
      const companyAreas = await t.dataSource.getRepository(SafetyInspectionTarget).countBy({ inspectionId: inspection.id, companyId: managerAreas[0].companyId! });
      expect(managerCompany).toMatchObject({ targets: companyAreas, problems: 1 });
      // outstanding first
      expect(companies.items[0].outstanding).toBeGreaterThanOrEqual(companies.items[companies.items.length - 1].outstanding);

      const view: SafetyTargetForm = (await get('futian.supervisor', `/api/safety-inspections/${inspection.id}/areas/${problems.items[0].targetId}`).expect(200)).body;
      expect(allItems(view).find((i) => i.result.outcome === SafetyCheckOutcome.FAIL)!.result.note).toContain('隔离桩');
    });

    it('drills down district → street → community, with facility statistics, and the city sees every district', async () => {
      const byStreet: SafetyRegionStats = (await get('futian.handler', `/api/safety-inspections/statistics/regions?inspectionId=${inspection.id}`).expect(200)).body;
      expect(byStreet.level).toBe('STREET');
      const streets = await t.dataSource.getRepository(Region).countBy({ level: RegionLevel.STREET, districtId: FUTIAN_ID });
      expect(byStreet.items).toHaveLength(streets);
      expect(byStreet.total).toMatchObject({ targets: futianAreaCount, submitted: managerAreas.length + 1, problems: 1 });
      const street = byStreet.items.find((s) => s.regionId === managerAreas[0].streetId)!;
      expect(street.areasWithProblems).toBe(1);
      const byCommunity: SafetyRegionStats = (await get('futian.handler', `/api/safety-inspections/statistics/regions?inspectionId=${inspection.id}&streetId=${street.regionId}`).expect(200)).body;
      expect(byCommunity.level).toBe('COMMUNITY');
      expect(byCommunity.total).toMatchObject({ targets: street.targets, submitted: street.submitted, problems: street.problems });
      expect(byCommunity.items.find((c) => c.regionId === managerAreas[0].communityId)!.problems).toBe(1);

      const facilities: SafetyFacilityStatsItem[] = (await get('futian.handler', `/api/safety-inspections/statistics/facilities?inspectionId=${inspection.id}`).expect(200)).body;
      const submitted = managerAreas.length + 1;
      expect(facilities.find((f) => f.facility === '消防车通道')).toEqual({ facility: '消防车通道', areas: submitted, pass: submitted - 1, fail: 1, notApplicable: 0, areasWithProblems: 1 });
      expect(facilities.find((f) => f.facility === '排水泵')).toMatchObject({ areas: submitted, notApplicable: 1, fail: 0 });
      expect(facilities[0].facility).toBe('消防车通道');

      const city: SafetyRegionStats = (await get('city.admin', '/api/safety-inspections/statistics/regions').expect(200)).body;
      expect(city.level).toBe('DISTRICT');
      const targets = t.dataSource.getRepository(SafetyInspectionTarget);
      expect(city.items.find((d) => d.regionId === FUTIAN_ID)).toMatchObject({
        regionName: '福田区',
        targets: await targets.countBy({ districtId: FUTIAN_ID }),
        submitted: await targets.countBy({ districtId: FUTIAN_ID, status: SafetyTargetStatus.SUBMITTED }),
      });
      expect(city.total.targets).toBe(await targets.count());
      expect(city.items.find((d) => d.regionId === NANSHAN_ID)!.targets).toBe(0);
      const cityDrill: SafetyRegionStats = (await get('city.admin', `/api/safety-inspections/statistics/regions?districtId=${FUTIAN_ID}&inspectionId=${inspection.id}`).expect(200)).body;
      expect(cityDrill.total).toEqual(byStreet.total);
      const cityList: Page<SafetyInspectionListItem> = (await get('city.admin', '/api/safety-inspections').expect(200)).body;
      expect(cityList.items.find((x) => x.id === inspection.id)!.districtName).toBe('福田区');

      await get('nanshan.handler', `/api/safety-inspections/statistics/regions?districtId=${FUTIAN_ID}`).expect(403);
      await get('nanshan.handler', `/api/safety-inspections/statistics/regions?streetId=${street.regionId}`).expect(403);
      await get('nanshan.handler', `/api/safety-inspections/statistics/facilities?inspectionId=${inspection.id}`).expect(403);
      const nanshanOwn: SafetyRegionStats = (await get('nanshan.handler', '/api/safety-inspections/statistics/regions').expect(200)).body;
      expect(nanshanOwn.total.targets).toBe(0);
    });

    it('urges the managers of the areas not yet submitted, once within the cooldown', async () => {
      const outstanding = await t.dataSource.getRepository(SafetyInspectionTarget).find({ where: { inspectionId: inspection.id, status: In([SafetyTargetStatus.PENDING, SafetyTargetStatus.DRAFT]) } });
      const managerIds = [...new Set(outstanding.map((x) => x.projectManagerId).filter((id): id is number => id !== null))];
      const expected = await accounts().findBy({ role: Role.PROJECT_MANAGER, unitCategory: UnitCategory.PROJECT_MANAGER, unitId: In(managerIds), status: AccountStatus.ACTIVE });
      expect(expected.length).toBeGreaterThan(0);

      const companyId = outstanding.find((x) => x.companyId !== null)!.companyId!;
      const companyManagers = new Set(outstanding.filter((x) => x.companyId === companyId).map((x) => x.projectManagerId));
      const byCompany = (await post('futian.handler', `/api/safety-inspections/${inspection.id}/urge`, { companyId }).expect(200)).body;
      expect(byCompany.urged).toBe(expected.filter((a) => companyManagers.has(a.unitId)).length);

      const all = (await post('futian.handler', `/api/safety-inspections/${inspection.id}/urge`).expect(200)).body;
      expect(all.urged + all.skippedInCooldown).toBe(expected.length);
      expect(all.skippedInCooldown).toBe(byCompany.urged);
      expect(all.outstandingWithoutAccount).toBe(outstanding.filter((x) => !expected.some((a) => a.unitId === x.projectManagerId)).length);
      const urgedIds = (await t.dataSource.getRepository(NotificationDelivery).findBy({ campaignId: all.campaignId, channel: DeliveryChannel.INBOX })).map((d) => d.recipientId);
      // everyone who submitted everything is left alone
      expect(urgedIds).not.toContain(manager.id);

      const again = (await post('futian.handler', `/api/safety-inspections/${inspection.id}/urge`).expect(200)).body;
      expect(again).toMatchObject({ campaignId: null, urged: 0, skippedInCooldown: expected.length });
      const finished = await post('futian.handler', `/api/safety-inspections/${inspection.id}/urge`, { propertyAreaIds: managerAreas.map((a) => a.id) }).expect(409);
      expect(finished.body.code).toBe('NOTIFICATIONS_NOTHING_TO_URGE');
      await post('futian.supervisor', `/api/safety-inspections/${inspection.id}/urge`).expect(403);
    });

    it('exports the overall ledger (总体情况台账) as xlsx', async () => {
      const response = await get('futian.handler', `/api/safety-inspections/${inspection.id}/ledger`)
        .buffer(true)
        .parse(binaryBody)
        .expect(200);
      expect(response.headers['content-type']).toContain('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(response.headers['content-disposition']).toContain(encodeURIComponent('总体情况台账'));
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.body as ArrayBuffer);
      const ledger = workbook.getWorksheet('总体情况台账')!;
      const header = (ledger.getRow(1).values as unknown[]).slice(1);
      expect(header).toEqual(['序号', '街道', '社区', '物业项目', '项目编号', '物业服务企业', '项目负责人', '填报状态', '是否逾期', '提交人', '提交时间', '合格项', '不合格项', '不涉及项', '发现问题']);
      expect(ledger.rowCount).toBe(futianAreaCount + 1);
      const rows = Array.from({ length: futianAreaCount }, (_, i) => ledger.getRow(i + 2));
      const column = (name: string) => header.indexOf(name) + 1;
      const areaRow = rows.find((r) => r.getCell(column('物业项目')).value === managerAreas[0].name)!;
      expect(areaRow.getCell(column('项目编号')).value).toBe(managerAreas[0].code);
      expect(areaRow.getCell(column('填报状态')).value).toBe('已完成');
      expect(areaRow.getCell(column('提交人')).value).toBe(manager.name);
      expect(areaRow.getCell(column('合格项')).value).toBe(2);
      expect(areaRow.getCell(column('不合格项')).value).toBe(1);
      expect(areaRow.getCell(column('不涉及项')).value).toBe(1);
      expect(String(areaRow.getCell(column('发现问题')).value)).toBe('消防保卫 / 消防车通道畅通：消防车通道被私家车占用，已通知车主挪车并设置隔离桩');
      const statuses = rows.map((r) => r.getCell(column('填报状态')).value);
      expect(statuses.filter((s) => s === '已完成')).toHaveLength(managerAreas.length + 1);
      expect(statuses.filter((s) => s === '未填报')).toHaveLength(futianAreaCount - managerAreas.length - 1);
      const pending = rows.find((r) => r.getCell(column('填报状态')).value === '未填报')!;
      expect(pending.getCell(column('合格项')).value).toBeNull();
      expect(rows.map((r) => r.getCell(1).value)).toEqual(Array.from({ length: futianAreaCount }, (_, i) => i + 1));

      const problems = workbook.getWorksheet('问题明细')!;
      expect(problems.rowCount).toBe(2);
      expect((problems.getRow(2).values as unknown[]).slice(1)).toEqual([
        1,
        expect.any(String),
        expect.any(String),
        managerAreas[0].name,
        expect.any(String),
        '消防保卫',
        '消防车通道畅通',
        '消防车通道',
        '消防车通道被私家车占用，已通知车主挪车并设置隔离桩',
      ]);

      await get('nanshan.handler', `/api/safety-inspections/${inspection.id}/ledger`).expect(403);
      await get('futian.handler', '/api/safety-inspections/999999/ledger').expect(404);
    });

    it('refuses other districts and unit accounts on the officers’ side', async () => {
      await get('nanshan.handler', `/api/safety-inspections/${inspection.id}`).expect(403);
      await get('nanshan.handler', `/api/safety-inspections/${inspection.id}/areas`).expect(403);
      await get('nanshan.handler', `/api/safety-inspections/${inspection.id}/companies`).expect(403);
      await post('nanshan.handler', `/api/safety-inspections/${inspection.id}/urge`).expect(403);
      const nanshanList: Page<SafetyInspectionListItem> = (await get('nanshan.handler', '/api/safety-inspections').expect(200)).body;
      expect(nanshanList.items.some((x) => x.id === inspection.id)).toBe(false);
      // launching to another district's areas, or from another district's template
      const futianArea = managerAreas[0];
      expect((await launch('nanshan.handler', { templateId: template.id, propertyAreaIds: [futianArea.id] }).expect(403)).body.code).toBe('OUT_OF_DISTRICT');
      const cityTemplate = ((await get('nanshan.handler', '/api/safety-inspections/templates').expect(200)).body as SafetyTemplateListItem[]).find((x) => x.districtId === null)!;
      expect((await launch('nanshan.handler', { templateId: cityTemplate.id, propertyAreaIds: [futianArea.id] }).expect(403)).body.code).toBe('OUT_OF_DISTRICT');
      expect((await launch('nanshan.handler', { templateId: cityTemplate.id, districtId: FUTIAN_ID }).expect(403)).body.code).toBe('OUT_OF_DISTRICT');
      // a Nanshan project manager cannot reach a Futian task
      const nanshanManager = await accounts().findOneOrFail({ where: { role: Role.PROJECT_MANAGER, districtId: NANSHAN_ID, status: AccountStatus.ACTIVE }, order: { id: 'ASC' } });
      await login(nanshanManager.username);
      const futianTarget = await t.dataSource.getRepository(SafetyInspectionTarget).findOneByOrFail({ inspectionId: inspection.id, propertyAreaId: futianArea.id });
      expect((await get(nanshanManager.username, `/api/safety-inspections/my-tasks/${futianTarget.id}`).expect(403)).body.code).toBe('OUT_OF_DISTRICT');
      // managers fill, they do not see the statistics; officers do not fill
      await get('demo.manager', `/api/safety-inspections/${inspection.id}`).expect(403);
      await get('futian.handler', '/api/safety-inspections/my-tasks').expect(403);
    });

    it('launches to chosen areas only, and the city launches for a district', async () => {
      const chosen: SafetyInspectionDetail = (await launch('futian.handler', { templateId: template.id, propertyAreaIds: managerAreas.map((a) => a.id) }).expect(201)).body;
      expect(chosen).toMatchObject({ targets: managerAreas.length, templateVersion: 2, title: '福田区汛前安全检查（修订）' });
      const nanshanAreas = await areas().countBy({ districtId: NANSHAN_ID });
      const routine = ((await get('city.admin', '/api/safety-inspections/templates?kind=ROUTINE').expect(200)).body as SafetyTemplateListItem[]).find((x) => x.districtId === null)!;
      const byCity: SafetyInspectionDetail = (await launch('city.admin', { templateId: routine.id, districtId: NANSHAN_ID }).expect(201)).body;
      expect(byCity).toMatchObject({ districtId: NANSHAN_ID, targets: nanshanAreas, kind: SafetyCheckKind.ROUTINE });
      const nanshanList: Page<SafetyInspectionListItem> = (await get('nanshan.handler', '/api/safety-inspections').expect(200)).body;
      expect(nanshanList.items.map((x) => x.id)).toContain(byCity.id);
    });

    it('lists the areas a launch may name (area-candidates): the district’s, by street, community or name', async () => {
      const futianAreas = await areas().countBy({ districtId: FUTIAN_ID });
      const all: Page<SafetyAreaCandidate> = (await get('futian.handler', '/api/safety-inspections/area-candidates?pageSize=100').expect(200)).body;
      expect(all.total).toBe(futianAreas);
      expect(all.items.every((a) => a.districtId === FUTIAN_ID)).toBe(true);
      const area = managerAreas[0];
      const street: Page<SafetyAreaCandidate> = (await get('futian.handler', `/api/safety-inspections/area-candidates?streetId=${area.streetId}&pageSize=100`).expect(200)).body;
      expect(street.total).toBe(await areas().countBy({ streetId: area.streetId }));
      const community: Page<SafetyAreaCandidate> = (await get('futian.handler', `/api/safety-inspections/area-candidates?communityId=${area.communityId}&pageSize=100`).expect(200)).body;
      expect(community.items.map((a) => a.propertyAreaId)).toContain(area.id);
      const found: Page<SafetyAreaCandidate> = (await get('futian.handler', `/api/safety-inspections/area-candidates?search=${encodeURIComponent(area.code)}`).expect(200)).body;
      expect(found.items).toEqual([expect.objectContaining({ propertyAreaId: area.id, propertyAreaName: area.name, projectManagerName: expect.any(String) })]);
      // the city names the district; a district officer only their own, and launching needs the operate grant
      const nanshan: Page<SafetyAreaCandidate> = (await get('city.admin', `/api/safety-inspections/area-candidates?districtId=${NANSHAN_ID}`).expect(200)).body;
      expect(nanshan.total).toBe(await areas().countBy({ districtId: NANSHAN_ID }));
      expect((await get('futian.handler', `/api/safety-inspections/area-candidates?districtId=${NANSHAN_ID}`).expect(403)).body.code).toBe('OUT_OF_DISTRICT');
      await get('futian.supervisor', '/api/safety-inspections/area-candidates').expect(403);
      await get('demo.manager', '/api/safety-inspections/area-candidates').expect(403);
    });

    it("lists a project manager's tasks of one inspection only when asked with inspectionId", async () => {
      const one: SafetyInspectionDetail = (await launch('futian.handler', { templateId: template.id, propertyAreaIds: [managerAreas[0].id] }).expect(201)).body;
      const all: Page<SafetyTaskItem> = (await get('demo.manager', '/api/safety-inspections/my-tasks?pageSize=100').expect(200)).body;
      expect(new Set(all.items.map((x) => x.inspectionId)).size).toBeGreaterThan(1);
      const filtered: Page<SafetyTaskItem> = (await get('demo.manager', `/api/safety-inspections/my-tasks?inspectionId=${one.id}`).expect(200)).body;
      expect(filtered.total).toBe(1);
      expect(filtered.items).toEqual([expect.objectContaining({ inspectionId: one.id, propertyAreaId: managerAreas[0].id })]);
      // another manager has no task in it
      expect(((await get(other.username, `/api/safety-inspections/my-tasks?inspectionId=${one.id}`).expect(200)).body as Page<SafetyTaskItem>).total).toBe(0);
    });
  });
});
