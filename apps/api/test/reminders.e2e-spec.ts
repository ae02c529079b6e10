import {
  AccountStatus,
  BadRecordItemView,
  CampaignKind,
  h5Url,
  isPageLink,
  MESSAGE_LINKS,
  NoticeAudience,
  NoticeTypeView,
  NotificationErrorCode,
  ObjectionDetail,
  ObjectionKindView,
  PAGES,
  Role,
  SafetyTemplateListItem,
  UrgeResult,
  WorkflowAction as A,
  WorkflowCaseDetail,
} from '@szpm/contract';
import { In } from 'typeorm';
import { Actor } from '../src/access/actor';
import { Account } from '../src/access/entities/account.entity';
import { shanghaiDate } from '../src/common/http/shanghai-time';
import { hashPassword } from '../src/modules/auth/password';
import { NotificationCampaign } from '../src/modules/notifications/entities/notification-campaign.entity';
import { NotificationDelivery, DeliveryChannel } from '../src/modules/notifications/entities/notification-delivery.entity';
import { NotificationUrge } from '../src/modules/notifications/entities/notification-urge.entity';
import { NOTIFICATION_QUEUES } from '../src/modules/notifications/notifications.service';
import { RecipientGroup, RecipientResolver } from '../src/modules/notifications/reminders/recipient-resolver';
import { ReminderInput, RemindersService } from '../src/modules/notifications/reminders/reminders.service';
import { PropertyArea } from '../src/modules/regions/entities/property-area.entity';
import { BadRecord } from '../src/modules/service-evaluation/entities/bad-record.entity';
import { FUTIAN_ID } from '../src/seed/shenzhen';
import { FakeWechatServer } from './fakes/fake-wechat-server';
import { startTestApp, TestApp } from './support/test-app';

jest.setTimeout(120_000);

const PUBLIC_BASE_URL = 'https://szpm.example.cn';
const OA = { appId: 'wx-oa-remind-0001', secret: 'oa-secret-remind-0001' };
const MINI = { appId: 'wx-mini-remind-0001', secret: 'mini-secret-remind-0001' };
const OA_TEMPLATE = 'OA-tmpl_remind-abcdefghijklmnopqrstuv';

const inDays = (days: number) => shanghaiDate(new Date(Date.now() + days * 86400_000));

/**
 * The one reminder path (催办, 催绑, 提醒更新): RemindersService over the notification pipeline,
 * the recipient resolver, and the three urge endpoints that use them; and every link the server
 * sends names a page of the mini-program. WeChat is the official account only (no mini-program
 * configured), so its template messages carry the H5 fallback URL.
 */
describe('reminders and message links', () => {
  let t: TestApp;
  let wechat: FakeWechatServer;
  let reminders: RemindersService;
  let resolver: RecipientResolver;
  let futianHandler: Actor;
  const tokens: Record<string, string> = {};

  const auth = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  const get = (user: string, path: string) => t.http().get(path).set(auth(user));
  const post = (user: string, path: string, body: object = {}) => t.http().post(path).set(auth(user)).send(body);
  const accounts = () => t.dataSource.getRepository(Account);

  beforeAll(async () => {
    wechat = await FakeWechatServer.start({ oa: OA, mini: MINI });
    t = await startTestApp({
      env: { WECHAT_API_BASE: wechat.url, WECHAT_OA_APPID: OA.appId, WECHAT_OA_SECRET: OA.secret, WECHAT_TEMPLATE_ID_OA: OA_TEMPLATE, PUBLIC_BASE_URL },
    });
    reminders = t.app.get(RemindersService);
    resolver = t.app.get(RecipientResolver);
    for (const user of ['futian.lead', 'futian.handler', 'futian.supervisor', 'demo.company', 'demo.manager']) tokens[user] = await t.login(user);
    const handler = await accounts().findOneByOrFail({ username: 'futian.handler' });
    futianHandler = { accountId: handler.id, name: handler.name, role: handler.role, districtId: handler.districtId, streetId: null, unitCategory: null, unitId: null, grants: new Set(), onBehalfOfId: null, onBehalfOfName: null };
  });
  afterAll(async () => {
    await t?.close();
    await wechat?.close();
  });

  let phoneSequence = 0;
  /** Unbound 福田区 accounts (one password hash for all: bcrypt is slow). */
  async function makeAccounts(tag: string, count: number): Promise<Account[]> {
    const passwordHash = await hashPassword('Recipient@2026');
    const rows = Array.from({ length: count }, (_, i) => ({
      username: `remind.${tag}.${i}`,
      passwordHash,
      name: `提醒${tag}${i}`,
      phone: `146${String(++phoneSequence).padStart(8, '0')}`,
      role: Role.PROJECT_MANAGER,
      districtId: FUTIAN_ID,
      status: AccountStatus.ACTIVE,
    }));
    await accounts().insert(rows);
    return accounts().find({ where: { username: In(rows.map((r) => r.username)) }, order: { id: 'ASC' } });
  }

  describe('RemindersService', () => {
    const remind = (recipients: Account[], extra: Partial<ReminderInput> = {}) =>
      reminders.remind({
        sender: { id: futianHandler.accountId, name: futianHandler.name },
        districtId: FUTIAN_ID,
        subject: { type: 'reminder-test', id: 1 },
        recipients: { accountIds: recipients.map((r) => r.id) },
        title: '请尽快办理',
        content: '您有一项事项尚未办理。',
        link: MESSAGE_LINKS.receivedNotice(1),
        ...extra,
      });
    const inboxOf = async (campaignId: number) =>
      (await t.dataSource.getRepository(NotificationDelivery).findBy({ campaignId, channel: DeliveryChannel.INBOX })).map((d) => d.recipientId).sort((a, b) => a - b);

    it('urges the outstanding, skips those within the cooldown, and counts those without an account', async () => {
      const people = await makeAccounts('svc', 6);
      const first = await remind(people.slice(0, 4), { recipients: { accountIds: people.slice(0, 4).map((p) => p.id), withoutAccount: 2 } });
      expect(first).toEqual({ campaignId: expect.any(Number), urged: 4, skippedInCooldown: 0, withoutAccount: 2 });
      expect(await inboxOf(first.campaignId!)).toEqual(people.slice(0, 4).map((p) => p.id));
      expect(await t.dataSource.getRepository(NotificationCampaign).findOneByOrFail({ id: first.campaignId! })).toMatchObject({
        kind: CampaignKind.URGE,
        subjectType: 'reminder-test',
        subjectId: 1,
        link: MESSAGE_LINKS.receivedNotice(1),
      });

      const second = await remind(people);
      expect(second).toEqual({ campaignId: expect.any(Number), urged: 2, skippedInCooldown: 4, withoutAccount: 0 });
      expect(await inboxOf(second.campaignId!)).toEqual(people.slice(4).map((p) => p.id));
      expect(await remind(people)).toEqual({ campaignId: null, urged: 0, skippedInCooldown: 6, withoutAccount: 0 });

      // another matter, and another kind of reminder, has its own cooldown
      const update = await remind(people.slice(0, 1), { kind: CampaignKind.REMIND_UPDATE, subject: { type: 'reminder-test', id: 2 } });
      expect(update).toMatchObject({ urged: 1 });
      expect((await t.dataSource.getRepository(NotificationCampaign).findOneByOrFail({ id: update.campaignId! })).kind).toBe(CampaignKind.REMIND_UPDATE);
    });

    it('answers urged 0 when the outstanding have no account, and refuses when nothing is outstanding', async () => {
      expect(await remind([], { recipients: { accountIds: [], withoutAccount: 3 } })).toEqual({ campaignId: null, urged: 0, skippedInCooldown: 0, withoutAccount: 3 });
      await expect(remind([])).rejects.toMatchObject({ code: NotificationErrorCode.NOTHING_TO_URGE, status: 409, message: '没有需要催办的对象，无需催办' });
      await expect(remind([], { nothingToUrgeMessage: '所有接收人均已阅读，无需催办' })).rejects.toMatchObject({ code: NotificationErrorCode.NOTHING_TO_URGE, message: '所有接收人均已阅读，无需催办' });
    });

    it('urges each recipient once when two urges run at the same moment', async () => {
      const people = await makeAccounts('race', 5);
      const subject = { type: 'reminder-test', id: 3 };
      const results = await Promise.all([remind(people, { subject }), remind(people, { subject }), remind(people.slice(2), { subject })]);
      expect(results.reduce((n, r) => n + r.urged, 0)).toBe(5);
      const inboxes = (await Promise.all(results.filter((r) => r.campaignId).map((r) => inboxOf(r.campaignId!)))).flat();
      expect(inboxes.sort((a, b) => a - b)).toEqual(people.map((p) => p.id));
      const rows = await t.dataSource.getRepository(NotificationUrge).findBy({ subjectType: subject.type, subjectId: subject.id });
      expect(rows.map((r) => [r.recipientId, r.urgeCount])).toEqual(expect.arrayContaining(people.map((p) => [p.id, 1])));
    });

    it('reminds everyone a resolver query finds', async () => {
      const area = await t.dataSource.getRepository(PropertyArea).findOneByOrFail({ districtId: FUTIAN_ID, projectManagerId: (await accounts().findOneByOrFail({ username: 'demo.manager' })).unitId! });
      const query = { groups: [RecipientGroup.PROJECT_MANAGER, RecipientGroup.COMMITTEE_CHAIR], districtIds: [FUTIAN_ID], propertyAreaIds: [area.id] };
      const found = await resolver.resolve(futianHandler, query);
      const manager = await accounts().findOneByOrFail({ username: 'demo.manager' });
      expect(found.recipients).toEqual(expect.arrayContaining([expect.objectContaining({ accountId: manager.id, group: RecipientGroup.PROJECT_MANAGER, unitId: manager.unitId })]));
      // the area has a committee with or without a chair account: either it is reached or it is counted
      expect(found.recipients.filter((r) => r.group === RecipientGroup.COMMITTEE_CHAIR).length + found.withoutAccount).toBe(1);
      const result = await reminders.remind({
        sender: null,
        districtId: FUTIAN_ID,
        subject: { type: 'reminder-test', id: 4 },
        recipients: { actor: futianHandler, query },
        title: '请更新项目信息',
        content: '请核对并更新项目信息。',
        link: MESSAGE_LINKS.safetyTasks(),
      });
      expect(result).toEqual({ campaignId: expect.any(Number), urged: found.recipients.length, skippedInCooldown: 0, withoutAccount: found.withoutAccount });
    });

    it('finds district officers and unit accounts of a district, and keeps district actors to their own', async () => {
      const officers = await resolver.districtOfficers(futianHandler, null);
      const handler = await accounts().findOneByOrFail({ username: 'futian.handler' });
      const nanshan = await accounts().findOneByOrFail({ username: 'nanshan.handler' });
      expect(officers.map((o) => o.accountId)).toContain(handler.id);
      expect(officers.map((o) => o.accountId)).not.toContain(nanshan.id);
      expect(officers.find((o) => o.accountId === handler.id)).toMatchObject({ group: RecipientGroup.DISTRICT_OFFICER, unitName: '福田区住房和建设局' });
      const company = await accounts().findOneByOrFail({ username: 'demo.company' });
      const units = await resolver.units(company.unitCategory!, FUTIAN_ID);
      expect(units.map((u) => u.unitId)).toContain(company.unitId);
      expect((await resolver.unitAccounts(company.unitCategory!, units.map((u) => u.unitId))).map((a) => a.id)).toContain(company.id);
    });
  });

  describe('the urge endpoints answer one result and refuse with one code', () => {
    let typeId: number;
    let templateId: number;

    beforeAll(async () => {
      typeId = ((await get('futian.handler', '/api/notices/types').expect(200)).body as NoticeTypeView[])[0].id;
      templateId = ((await get('futian.handler', '/api/safety-inspections/templates').expect(200)).body as SafetyTemplateListItem[])[0].id;
      // demo.manager follows the official account: its messages carry the H5 link
      await accounts().update({ username: 'demo.manager' }, { wechatOpenId: 'oOA-remind-demo-manager', boundAt: new Date() });
    });

    it('notices: 催办 of the unread, then 409 once everybody has read', async () => {
      const manager = await accounts().findOneByOrFail({ username: 'demo.manager' });
      const area = await t.dataSource.getRepository(PropertyArea).findOneByOrFail({ projectManagerId: manager.unitId! });
      const notice = (
        await post('futian.handler', '/api/notices', { title: '提醒测试通知', noticeTypeId: typeId, content: '请阅读。', audiences: [NoticeAudience.PROJECT_MANAGER], propertyAreaIds: [area.id] }).expect(201)
      ).body;
      const urged: UrgeResult = (await post('futian.handler', `/api/notices/${notice.id}/urge`).expect(200)).body;
      expect(urged).toEqual({ campaignId: expect.any(Number), urged: 1, skippedInCooldown: 0, withoutAccount: 0 });
      await post('demo.manager', `/api/notices/received/${notice.id}/read`).expect(204);
      const refused = await post('futian.handler', `/api/notices/${notice.id}/urge`).expect(409);
      expect(refused.body).toMatchObject({ code: NotificationErrorCode.NOTHING_TO_URGE, message: '所有接收人均已阅读，无需催办' });
    });

    it('safety inspections: 催办 of the areas not submitted, with those whose manager has no account', async () => {
      const inspection = (await post('futian.handler', '/api/safety-inspections', { templateId, deadline: inDays(7), title: '提醒测试检查' }).expect(201)).body;
      const result = (await post('futian.handler', `/api/safety-inspections/${inspection.id}/urge`).expect(200)).body;
      expect(result.urged).toBeGreaterThan(0);
      expect(result.skippedInCooldown).toBe(0);
      expect(result.withoutAccount).toBe(result.outstandingWithoutAccount);
      const again = (await post('futian.handler', `/api/safety-inspections/${inspection.id}/urge`).expect(200)).body;
      expect(again).toMatchObject({ campaignId: null, urged: 0, skippedInCooldown: result.urged, withoutAccount: result.withoutAccount });
      const refused = await post('futian.handler', `/api/safety-inspections/${inspection.id}/urge`, { propertyAreaIds: [99999999] }).expect(409);
      expect(refused.body.code).toBe(NotificationErrorCode.NOTHING_TO_URGE);
    });

    it('催绑: the cooldown lives in notification_urges, and bound accounts only are refused', async () => {
      const [unbound] = await makeAccounts('bind', 1);
      const first = (await post('futian.lead', '/api/permissions/urge-binding', { accountIds: [unbound.id] }).expect(200)).body;
      expect(first).toEqual({ campaignId: expect.any(Number), urged: 1, skippedInCooldown: 0, withoutAccount: 0, skippedAlreadyBound: 0 });
      expect(await t.dataSource.getRepository(NotificationUrge).findOneByOrFail({ subjectType: 'binding', subjectId: 0, recipientId: unbound.id })).toMatchObject({ lastCampaignId: first.campaignId });
      expect(await t.dataSource.getRepository(NotificationCampaign).findOneByOrFail({ id: first.campaignId })).toMatchObject({ kind: CampaignKind.URGE_BINDING, link: MESSAGE_LINKS.bind() });
      expect((await post('futian.lead', '/api/permissions/urge-binding', { accountIds: [unbound.id] }).expect(200)).body).toMatchObject({ urged: 0, skippedInCooldown: 1 });
      const bound = await accounts().findOneByOrFail({ username: 'demo.manager' });
      const refused = await post('futian.lead', '/api/permissions/urge-binding', { accountIds: [bound.id] }).expect(409);
      expect(refused.body.code).toBe(NotificationErrorCode.NOTHING_TO_URGE);
    });
  });

  describe('every link the server sends names a page', () => {
    it('objections: the applicant is told with a link to the objection', async () => {
      const items: BadRecordItemView[] = (await get('futian.handler', '/api/service-evaluation/catalogue/bad-record-items').expect(200)).body;
      const kinds: ObjectionKindView[] = (await get('demo.company', '/api/service-evaluation/objections/kinds').expect(200)).body;
      const company = await accounts().findOneByOrFail({ username: 'demo.company' });
      const item = items.find((i) => i.code === 'ADMIN_PENALTY')!;
      const act = async (user: string, caseId: number, action: A, extra: object = {}) => {
        const current: WorkflowCaseDetail = (await get(user, `/api/workflow/cases/${caseId}`).expect(200)).body;
        return post(user, `/api/workflow/cases/${caseId}/actions`, { action, version: current.version, ...extra }).expect(200);
      };
      const started = await post('futian.handler', '/api/service-evaluation/bad-records/determinations', {
        subjectType: 'COMPANY',
        subjectId: company.unitId,
        itemId: item.id,
        circumstanceId: item.circumstances.find((c) => c.code === 'FINE')!.id,
        factDate: `${inDays(0).slice(0, 4)}-01-10`,
        documentNo: '深福住建罚〔提醒〕1号',
        description: '经现场检查查实',
      }).expect(201);
      await act('futian.supervisor', started.body.id, A.APPROVE, { opinion: '同意' });
      const record = await t.dataSource.getRepository(BadRecord).findOneByOrFail({ determinationCaseId: started.body.id });
      const filed: ObjectionDetail = (
        await post('demo.company', '/api/service-evaluation/objections', {
          target: 'BAD_RECORD',
          recordId: record.id,
          kindId: kinds.find((k) => k.code === 'BAD_RECORD_DETERMINATION')!.id,
          grounds: 'WRONG_FACTS',
          text: '事实有误',
        }).expect(201)
      ).body;
      await act('futian.handler', filed.caseId, A.ACCEPT);
      await act('futian.handler', filed.caseId, A.RETURN_FOR_SUPPLEMENT, { opinion: '请补充材料' });
      const told = await t.dataSource.getRepository(NotificationCampaign).findBy({ kind: In([CampaignKind.WORKFLOW_OUTCOME, CampaignKind.WORKFLOW_SUPPLEMENT]) });
      expect(told.map((c) => c.link)).toContain(MESSAGE_LINKS.objectionDetail(filed.id));
    });

    it('after the notice, inspection, objection and binding flows, every stored link opens a page', async () => {
      const campaigns = await t.dataSource.getRepository(NotificationCampaign).find();
      const kinds = new Set(campaigns.map((c) => c.kind));
      for (const kind of [CampaignKind.NOTICE, CampaignKind.URGE, CampaignKind.URGE_BINDING, CampaignKind.WORKFLOW_SUPPLEMENT]) expect(kinds).toContain(kind);
      const links = campaigns.map((c) => c.link);
      expect(links.every((link) => link !== null)).toBe(true);
      expect(links.filter((link) => !isPageLink(link!))).toEqual([]);
    });

    it('the official account’s template message opens the H5 build under /m/', async () => {
      for (const queue of NOTIFICATION_QUEUES) await t.queue.drained(queue, 30_000);
      const toManager = wechat.messagesTo('oOA-remind-demo-manager');
      expect(toManager.length).toBeGreaterThan(0);
      for (const message of toManager) {
        expect(message.api).toBe('template');
        expect(message.link!.startsWith(`${PUBLIC_BASE_URL}/m/#/`)).toBe(true);
        expect(isPageLink(message.link!.slice(`${PUBLIC_BASE_URL}/m/#`.length))).toBe(true);
      }
      expect(toManager.some((m) => m.link!.startsWith(h5Url(PUBLIC_BASE_URL, PAGES.safetyTasks)))).toBe(true);
      expect(toManager.some((m) => m.link!.startsWith(h5Url(PUBLIC_BASE_URL, PAGES.receivedNotice)))).toBe(true);
    });
  });
});
