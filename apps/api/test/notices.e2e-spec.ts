import {
  AccountStatus,
  CampaignKind,
  DeliveryChannel,
  InboxMessage,
  NoticeAudience,
  NoticeDetail,
  NoticeRecipientItem,
  NoticeRecipientStats,
  NoticeStatisticsSummary,
  NoticeTypeView,
  Page,
  ReceivedNoticeDetail,
  ReceivedNoticeItem,
  Role,
  SentNoticeMessage,
  UnitCategory,
} from '@szpm/contract';
import { In } from 'typeorm';
import { Account } from '../src/access/entities/account.entity';
import { NotificationCampaign } from '../src/modules/notifications/entities/notification-campaign.entity';
import { NotificationDelivery } from '../src/modules/notifications/entities/notification-delivery.entity';
import { NotificationUrge } from '../src/modules/notifications/entities/notification-urge.entity';
import { OwnersCommittee } from '../src/modules/regions/entities/owners-committee.entity';
import { PropertyArea } from '../src/modules/regions/entities/property-area.entity';
import { Region, RegionLevel } from '../src/modules/regions/entities/region.entity';
import { FUTIAN_ID, NANSHAN_ID } from '../src/seed/shenzhen';
import { NOTIFICATION_QUEUES } from '../src/modules/notifications/notifications.service';
import { FakeWechatServer } from './fakes/fake-wechat-server';
import { PNG_BYTES } from './support/workflow-test-forms';
import { startTestApp, TestApp } from './support/test-app';

jest.setTimeout(120_000);

const OA = { appId: 'wx-oa-notices-0001', secret: 'oa-secret-notices-0001' };
const MINI = { appId: 'wx-mini-notices-0001', secret: 'mini-secret-notices-0001' };

/** The notification pipeline with WeChat configured against the local fake WeChat server. */
const wechatEnv = (wechat: FakeWechatServer): Record<string, string> => ({
  WECHAT_API_BASE: wechat.url,
  WECHAT_OA_APPID: OA.appId,
  WECHAT_OA_SECRET: OA.secret,
  WECHAT_MINI_APPID: MINI.appId,
  WECHAT_MINI_SECRET: MINI.secret,
  WECHAT_TEMPLATE_ID_SUBSCRIBE: 'SUBSCRIBE-notices_0001-abcdefghijkl',
  WECHAT_TEMPLATE_ID_OA: 'OA-notices_0001-abcdefghijklmnopqrs',
  NOTIFY_RETRY_BASE_MS: '50',
  NOTIFY_RETRY_MAX_MS: '400',
});

const MANAGER_OPENID = 'oMP-demo-manager-notices';

describe('notices (chapter 15)', () => {
  let t: TestApp;
  let wechat: FakeWechatServer;
  const tokens: Record<string, string> = {};
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const get = (user: string, path: string) => t.http().get(path).set(auth(tokens[user]));
  const post = (user: string, path: string, body?: object) => t.http().post(path).set(auth(tokens[user])).send(body ?? {});
  const accounts = () => t.dataSource.getRepository(Account);

  let typeId: number;
  let manager: Account;
  let street: Region;

  /** The oracle: active PM and committee-chair accounts of the areas of a street, from the tables themselves. */
  async function expectedRecipientsOfStreet(streetId: number): Promise<Account[]> {
    const areas = await t.dataSource.getRepository(PropertyArea).findBy({ streetId });
    const managerIds = areas.map((a) => a.projectManagerId).filter((id): id is number => id !== null);
    const committees = await t.dataSource.getRepository(OwnersCommittee).findBy({ propertyAreaId: In(areas.map((a) => a.id)) });
    const found = [
      ...(await accounts().findBy({ role: Role.PROJECT_MANAGER, unitCategory: UnitCategory.PROJECT_MANAGER, unitId: In(managerIds), status: AccountStatus.ACTIVE })),
      ...(await accounts().findBy({ role: Role.OWNERS_COMMITTEE, unitCategory: UnitCategory.OWNERS_COMMITTEE, unitId: In(committees.map((c) => c.id)), status: AccountStatus.ACTIVE })),
    ];
    return found.sort((a, b) => a.id - b.id);
  }

  async function login(username: string): Promise<void> {
    tokens[username] = await t.login(username);
  }

  /** Until every queued WeChat message is handed to the fake WeChat server. */
  async function settle(): Promise<void> {
    for (const queue of NOTIFICATION_QUEUES) await t.queue.drained(queue, 30_000);
  }

  beforeAll(async () => {
    wechat = await FakeWechatServer.start({ oa: OA, mini: MINI });
    t = await startTestApp({ env: wechatEnv(wechat) });
    for (const user of ['futian.handler', 'futian.lead', 'futian.supervisor', 'nanshan.handler', 'city.admin', 'demo.manager', 'demo.committee']) await login(user);
    // demo.manager uses the mini-program: notices reach it as subscribe messages too
    await accounts().update({ username: 'demo.manager' }, { miniOpenId: MANAGER_OPENID, boundAt: new Date() });
    manager = await accounts().findOneByOrFail({ username: 'demo.manager' });
    await accounts().findOneByOrFail({ username: 'demo.committee' });
    const area = await t.dataSource.getRepository(PropertyArea).findOneByOrFail({ projectManagerId: manager.unitId! });
    street = await t.dataSource.getRepository(Region).findOneByOrFail({ id: area.streetId });
    const types: NoticeTypeView[] = (await get('futian.handler', '/api/notices/types').expect(200)).body;
    expect(types.map((x) => x.name)).toEqual(expect.arrayContaining(['工作通知', '安全生产', '防汛防台风']));
    typeId = types.find((x) => x.name === '防汛防台风')!.id;
  });
  afterAll(async () => {
    await t?.close();
    await wechat?.close();
  });

  const publish = (user: string, body: object) =>
    post(user, '/api/notices', { title: '关于做好2026年汛期安全防范工作的通知', noticeTypeId: typeId, content: '请各项目于本周内完成地下车库挡水板、排水泵检查。', ...body });

  describe('publishing and the read statistics', () => {
    let notice: NoticeDetail;
    let expected: Account[];

    beforeAll(async () => {
      expected = await expectedRecipientsOfStreet(street.id);
      expect(expected.length).toBeGreaterThan(3);
      notice = (await publish('futian.handler', { audiences: [NoticeAudience.PROJECT_MANAGER, NoticeAudience.COMMITTEE_CHAIR], streetIds: [street.id] }).expect(201)).body;
    });

    it('reaches exactly the managers and committee chairs of the chosen street, in their inbox', async () => {
      expect(notice).toMatchObject({ recipients: expected.length, read: 0, unread: expected.length, noticeTypeName: '防汛防台风', districtId: FUTIAN_ID, urgeCount: 0 });
      const recipients: Page<NoticeRecipientItem> = (await get('futian.handler', `/api/notices/${notice.id}/recipients?pageSize=100`).expect(200)).body;
      expect(recipients.items.map((r) => r.accountId)).toEqual(expected.map((a) => a.id));
      expect(recipients.items.find((r) => r.accountId === manager.id)).toMatchObject({ audience: NoticeAudience.PROJECT_MANAGER, audienceLabel: '项目经理', readAt: null });
      const chair = recipients.items.find((r) => r.audience === NoticeAudience.COMMITTEE_CHAIR)!;
      expect(chair.unitName).toMatch(/业主委员会|业委会/);
      const inbox: Page<InboxMessage> = (await get('demo.manager', '/api/inbox').expect(200)).body;
      expect(inbox.items[0]).toMatchObject({ kind: CampaignKind.NOTICE, title: notice.title, link: `/packages/notices/received/index?id=${notice.id}`, readAt: null });
      await settle();
      const messages = wechat.messagesTo(MANAGER_OPENID);
      expect(messages).toHaveLength(1);
      // WeChat takes the mini-program page without the leading slash
      expect(messages[0]).toMatchObject({ api: 'subscribe', link: `packages/notices/received/index?id=${notice.id}` });
      expect(messages[0].data.thing1.value).toBe(notice.title);
    });

    it('counts reads as recipients make them, whether through the notice or the inbox', async () => {
      const received: Page<ReceivedNoticeItem> = (await get('demo.manager', '/api/notices/received').expect(200)).body;
      expect(received.items[0]).toMatchObject({ id: notice.id, readAt: null, senderUnit: '福田区住房和建设局', senderName: '林晓敏' });
      const detail: ReceivedNoticeDetail = (await get('demo.manager', `/api/notices/received/${notice.id}`).expect(200)).body;
      expect(detail.content).toContain('挡水板');
      // reading the detail alone does not mark it read; the explicit call does
      expect((await get('futian.handler', `/api/notices/${notice.id}`).expect(200)).body.read).toBe(0);
      await post('demo.manager', `/api/notices/received/${notice.id}/read`).expect(204);
      await post('demo.manager', `/api/notices/received/${notice.id}/read`).expect(204);

      // a second recipient reads it in the generic inbox
      const campaign = await t.dataSource.getRepository(NotificationCampaign).findOneByOrFail({ subjectType: 'notice', subjectId: notice.id, kind: CampaignKind.NOTICE });
      const second = expected.find((a) => a.id !== manager.id)!;
      await login(second.username);
      const message = ((await get(second.username, '/api/inbox').expect(200)).body as Page<InboxMessage>).items.find((m) => m.campaignId === campaign.id)!;
      await post(second.username, `/api/inbox/${message.id}/read`).expect(204);

      const after: NoticeDetail = (await get('futian.handler', `/api/notices/${notice.id}`).expect(200)).body;
      expect(after).toMatchObject({ recipients: expected.length, read: 2, unread: expected.length - 2 });
      const read: Page<NoticeRecipientItem> = (await get('futian.handler', `/api/notices/${notice.id}/recipients?read=true`).expect(200)).body;
      expect(read.items.map((r) => r.accountId).sort((a, b) => a - b)).toEqual([manager.id, second.id].sort((a, b) => a - b));
      const unread: Page<NoticeRecipientItem> = (await get('futian.handler', `/api/notices/${notice.id}/recipients?read=false&pageSize=100`).expect(200)).body;
      expect(unread.total).toBe(expected.length - 2);
      // the database agrees: read state is the inbox message's
      const inboxRows = await t.dataSource.getRepository(NotificationDelivery).findBy({ campaignId: campaign.id, channel: DeliveryChannel.INBOX });
      expect(inboxRows.filter((d) => d.readAt !== null).map((d) => d.recipientId).sort((a, b) => a - b)).toEqual([manager.id, second.id].sort((a, b) => a - b));
    });

    it('urges only the unread, and not again within the cooldown', async () => {
      const before: NoticeDetail = (await get('futian.handler', `/api/notices/${notice.id}`).expect(200)).body;
      const first = (await post('futian.handler', `/api/notices/${notice.id}/urge`).expect(200)).body;
      expect(first).toMatchObject({ urged: before.unread, skippedInCooldown: 0 });
      expect(first.campaignId).toEqual(expect.any(Number));
      const urged = await t.dataSource.getRepository(NotificationDelivery).findBy({ campaignId: first.campaignId, channel: DeliveryChannel.INBOX });
      expect(urged).toHaveLength(before.unread);
      expect(urged.map((d) => d.recipientId)).not.toContain(manager.id);

      const again = (await post('futian.handler', `/api/notices/${notice.id}/urge`).expect(200)).body;
      expect(again).toEqual({ campaignId: null, urged: 0, skippedInCooldown: before.unread, withoutAccount: 0 });

      // a recipient urged and reading the notice clears the 催办 message too
      const urgedAccount = await accounts().findOneByOrFail({ id: urged[0].recipientId });
      await login(urgedAccount.username);
      const received: ReceivedNoticeItem = ((await get(urgedAccount.username, '/api/notices/received').expect(200)).body as Page<ReceivedNoticeItem>).items[0];
      expect(received.lastUrgedAt).not.toBeNull();
      await post(urgedAccount.username, `/api/notices/received/${notice.id}/read`).expect(204);
      expect((await get(urgedAccount.username, '/api/inbox/unread-count').expect(200)).body.unread).toBe(0);

      const detail: NoticeDetail = (await get('futian.handler', `/api/notices/${notice.id}`).expect(200)).body;
      expect(detail).toMatchObject({ read: 3, unread: expected.length - 3, urgeCount: 1 });
      expect(detail.urges).toEqual([expect.objectContaining({ campaignId: first.campaignId, recipients: before.unread, read: 1 })]);
      const perRecipient: Page<NoticeRecipientItem> = (await get('futian.handler', `/api/notices/${notice.id}/recipients?pageSize=100`).expect(200)).body;
      expect(perRecipient.items.filter((r) => r.urgeCount === 1)).toHaveLength(before.unread);
      expect(perRecipient.items.find((r) => r.accountId === manager.id)!.urgeCount).toBe(0);
    });

    it('lists sent messages, and only the 催办 with 显示催办', async () => {
      const all: Page<SentNoticeMessage> = (await get('futian.lead', '/api/notices?pageSize=100').expect(200)).body;
      const mine = all.items.filter((m) => m.noticeId === notice.id);
      expect(mine.map((m) => m.kind)).toEqual(['URGE', 'NOTICE']);
      expect(mine[1]).toMatchObject({ recipients: expected.length, read: 3, noticeTypeName: '防汛防台风' });
      const urges: Page<SentNoticeMessage> = (await get('futian.lead', '/api/notices?urgeOnly=true&pageSize=100').expect(200)).body;
      expect(urges.items.length).toBeGreaterThan(0);
      expect(urges.items.every((m) => m.kind === 'URGE')).toBe(true);
      expect(urges.items.find((m) => m.noticeId === notice.id)).toMatchObject({ title: `催办：${notice.title}`, noticeTitle: notice.title });
      // another district sees none of it
      const nanshan: Page<SentNoticeMessage> = (await get('nanshan.handler', '/api/notices?pageSize=100').expect(200)).body;
      expect(nanshan.items.some((m) => m.noticeId === notice.id)).toBe(false);
    });

    it('refuses to urge when everybody has read it', async () => {
      const small = (await publish('futian.handler', { audiences: [NoticeAudience.PROJECT_MANAGER], propertyAreaIds: [(await t.dataSource.getRepository(PropertyArea).findOneByOrFail({ projectManagerId: manager.unitId! })).id] }).expect(201)).body as NoticeDetail;
      expect(small.recipients).toBe(1);
      await post('demo.manager', `/api/notices/received/${small.id}/read`).expect(204);
      const refused = await post('futian.handler', `/api/notices/${small.id}/urge`).expect(409);
      expect(refused.body.code).toBe('NOTIFICATIONS_NOTHING_TO_URGE');
    });

    it('sums every notice of the district across recipients (查看全部统计), searchable by recipient', async () => {
      const summary: NoticeStatisticsSummary = (await get('futian.handler', '/api/notices/statistics').expect(200)).body;
      const notices = await t.dataSource.query('SELECT COUNT(*) AS n FROM notices WHERE districtId = ?', [FUTIAN_ID]);
      expect(summary.notices).toBe(Number(notices[0].n));
      expect(summary.urges).toBe(1);
      expect(summary.messages).toBe(expected.length + 1);
      expect(summary.read).toBe(4);
      expect(summary.unread).toBe(expected.length - 3);
      const managers = summary.byAudience.find((a) => a.audience === NoticeAudience.PROJECT_MANAGER)!;
      const chairs = summary.byAudience.find((a) => a.audience === NoticeAudience.COMMITTEE_CHAIR)!;
      expect(managers.recipients + chairs.recipients).toBe(summary.messages);

      const byName: Page<NoticeRecipientStats> = (await get('futian.handler', `/api/notices/statistics/recipients?search=${encodeURIComponent(manager.name)}`).expect(200)).body;
      expect(byName.items.find((r) => r.accountId === manager.id)).toMatchObject({ received: 2, read: 2, unread: 0, urged: 0 });
      const chairsOnly: Page<NoticeRecipientStats> = (await get('futian.handler', `/api/notices/statistics/recipients?audience=COMMITTEE_CHAIR&pageSize=100`).expect(200)).body;
      expect(chairsOnly.total).toBe(chairs.recipients);
      expect(chairsOnly.items.every((r) => r.audience === NoticeAudience.COMMITTEE_CHAIR && r.received === 1)).toBe(true);
      const urgedRows = await t.dataSource.getRepository(NotificationUrge).countBy({ subjectType: 'notice', subjectId: notice.id });
      const all: Page<NoticeRecipientStats> = (await get('futian.handler', `/api/notices/statistics/recipients?pageSize=100`).expect(200)).body;
      expect(all.items.reduce((n, r) => n + r.urged, 0)).toBe(urgedRows);
      expect(all.items.reduce((n, r) => n + r.unread, 0)).toBe(summary.unread);
      // nothing of Futian's in Nanshan's numbers
      const nanshan: NoticeStatisticsSummary = (await get('nanshan.handler', '/api/notices/statistics').expect(200)).body;
      expect(nanshan.messages).toBe(0);
    });
  });

  describe('the audience count before publishing', () => {
    it('counts whom the same choice would reach, per audience, without sending anything', async () => {
      const expected = await expectedRecipientsOfStreet(street.id);
      const managers = expected.filter((a) => a.role === Role.PROJECT_MANAGER).length;
      const noticesBefore = Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM notices'))[0].n);
      const count = (await post('futian.handler', '/api/notices/audience', { audiences: [NoticeAudience.PROJECT_MANAGER, NoticeAudience.COMMITTEE_CHAIR], streetIds: [street.id] }).expect(200)).body;
      expect(count).toEqual({
        total: expected.length,
        byAudience: [
          { audience: NoticeAudience.PROJECT_MANAGER, audienceLabel: '项目经理', count: managers },
          { audience: NoticeAudience.COMMITTEE_CHAIR, audienceLabel: '业委会主任', count: expected.length - managers },
        ],
      });
      expect(Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM notices'))[0].n)).toBe(noticesBefore);
      // the count is what publishing the same choice reaches
      const published: NoticeDetail = (await publish('futian.handler', { audiences: [NoticeAudience.PROJECT_MANAGER], streetIds: [street.id] }).expect(201)).body;
      expect(published.recipients).toBe(managers);
      // the same scope and validation as publishing
      expect((await post('nanshan.handler', '/api/notices/audience', { audiences: [NoticeAudience.PROJECT_MANAGER], streetIds: [street.id] }).expect(403)).body.code).toBe('OUT_OF_DISTRICT');
      expect((await post('futian.handler', '/api/notices/audience', { audiences: [] }).expect(400)).body.details).toEqual([expect.objectContaining({ field: 'audiences' })]);
      expect((await post('futian.supervisor', '/api/notices/audience', { audiences: [NoticeAudience.PROJECT_MANAGER] }).expect(403)).body.code).toBe('MODULE_NOT_GRANTED');
    });
  });

  describe('attachments', () => {
    it('carries uploads to the recipients, once', async () => {
      const upload = await t.http().post('/api/attachments').set(auth(tokens['futian.handler'])).attach('file', PNG_BYTES, '挡水板示意图.png').expect(201);
      const area = await t.dataSource.getRepository(PropertyArea).findOneByOrFail({ projectManagerId: manager.unitId! });
      const notice: NoticeDetail = (await publish('futian.handler', { audiences: [NoticeAudience.PROJECT_MANAGER], propertyAreaIds: [area.id], attachmentIds: [upload.body.id] }).expect(201)).body;
      expect(notice.attachments).toEqual([expect.objectContaining({ id: upload.body.id, fileName: '挡水板示意图.png' })]);
      const file = await get('demo.manager', `/api/notices/received/${notice.id}/attachments/${upload.body.id}`).expect(200);
      expect(Buffer.compare(file.body as Buffer, PNG_BYTES)).toBe(0);
      await get('futian.supervisor', `/api/notices/${notice.id}/attachments/${upload.body.id}`).expect(200);
      // not a recipient of this one
      await get('demo.committee', `/api/notices/received/${notice.id}/attachments/${upload.body.id}`).expect(404);
      await get('nanshan.handler', `/api/notices/${notice.id}/attachments/${upload.body.id}`).expect(403);
      const reused = await publish('futian.handler', { audiences: [NoticeAudience.PROJECT_MANAGER], propertyAreaIds: [area.id], attachmentIds: [upload.body.id] }).expect(400);
      expect(reused.body).toMatchObject({ code: 'ATTACHMENT_NOT_USABLE', details: [{ field: 'attachmentIds' }] });
      const someoneElses = await t.http().post('/api/attachments').set(auth(tokens['futian.lead'])).attach('file', PNG_BYTES, 'x.png').expect(201);
      await publish('futian.handler', { audiences: [NoticeAudience.PROJECT_MANAGER], propertyAreaIds: [area.id], attachmentIds: [someoneElses.body.id] }).expect(400);
    });
  });

  describe('the city and district officers', () => {
    it('lets the city notify district officers, who find it under 我接收的消息', async () => {
      const notice: NoticeDetail = (await publish('city.admin', { audiences: [NoticeAudience.DISTRICT_OFFICER], districtIds: [FUTIAN_ID] }).expect(201)).body;
      const officers = await accounts().findBy({ districtId: FUTIAN_ID, role: In([Role.DISTRICT_LEAD, Role.DISTRICT_SUPERVISOR, Role.DISTRICT_HANDLER]), status: AccountStatus.ACTIVE });
      expect(notice).toMatchObject({ recipients: officers.length, districtId: null });
      const received: Page<ReceivedNoticeItem> = (await get('futian.lead', '/api/notices/received?unreadOnly=true').expect(200)).body;
      expect(received.items[0]).toMatchObject({ id: notice.id, senderUnit: '深圳市住房和建设局' });
      await post('futian.lead', '/api/notices/received/read-all').expect(200);
      expect(((await get('futian.lead', '/api/notices/received?unreadOnly=true').expect(200)).body as Page<ReceivedNoticeItem>).total).toBe(0);
      expect((await get('city.admin', `/api/notices/${notice.id}`).expect(200)).body).toMatchObject({ read: 1 });
      // a city notice is not the district's to manage
      await get('futian.lead', `/api/notices/${notice.id}`).expect(403);
      // unit accounts receive; they never reach the sender's side
      await get('demo.manager', '/api/notices').expect(403);
    });

    it('keeps district officers to their own district and audiences', async () => {
      const futianArea = await t.dataSource.getRepository(PropertyArea).findOneByOrFail({ districtId: FUTIAN_ID });
      expect((await publish('nanshan.handler', { audiences: [NoticeAudience.PROJECT_MANAGER], propertyAreaIds: [futianArea.id] }).expect(403)).body.code).toBe('OUT_OF_DISTRICT');
      expect((await publish('nanshan.handler', { audiences: [NoticeAudience.PROJECT_MANAGER], streetIds: [street.id] }).expect(403)).body.code).toBe('OUT_OF_DISTRICT');
      expect((await publish('nanshan.handler', { audiences: [NoticeAudience.PROJECT_MANAGER], districtIds: [FUTIAN_ID] }).expect(403)).body.code).toBe('OUT_OF_DISTRICT');
      const officers = await publish('futian.handler', { audiences: [NoticeAudience.DISTRICT_OFFICER] }).expect(400);
      expect(officers.body).toMatchObject({ code: 'NOTICES_AUDIENCE_NOT_ALLOWED', details: [{ field: 'audiences' }] });
      const futianNotice = (await t.dataSource.query('SELECT id FROM notices WHERE districtId = ? ORDER BY id LIMIT 1', [FUTIAN_ID]))[0].id;
      await get('nanshan.handler', `/api/notices/${futianNotice}`).expect(403);
      await get('nanshan.handler', `/api/notices/${futianNotice}/recipients`).expect(403);
      await post('nanshan.handler', `/api/notices/${futianNotice}/urge`).expect(403);
      await get('demo.committee', `/api/notices/received/999999`).expect(404);
      // the supervisor reads but does not publish
      await get('futian.supervisor', '/api/notices').expect(200);
      expect((await publish('futian.supervisor', { audiences: [NoticeAudience.PROJECT_MANAGER] }).expect(403)).body.code).toBe('MODULE_NOT_GRANTED');
      // a whole district: every area of Nanshan, none of Futian's
      const nanshan: NoticeDetail = (await publish('nanshan.handler', { audiences: [NoticeAudience.COMMITTEE_CHAIR] }).expect(201)).body;
      const nanshanChairs = await t.dataSource.query(
        `SELECT COUNT(*) AS n FROM accounts a JOIN owners_committees c ON c.id = a.unitId WHERE a.role = 'OWNERS_COMMITTEE' AND a.unitCategory = 'OWNERS_COMMITTEE' AND a.status = 'ACTIVE' AND c.districtId = ?`,
        [NANSHAN_ID],
      );
      expect(nanshan.recipients).toBe(Number(nanshanChairs[0].n));
    });
  });

  describe('malformed requests', () => {
    it('answers 400 naming the field', async () => {
      const cases: Array<[object, string]> = [
        [{ title: undefined, audiences: ['PROJECT_MANAGER'] }, 'title'],
        [{ audiences: [] }, 'audiences'],
        [{ audiences: ['LANDLORD'] }, 'audiences'],
        [{ audiences: ['PROJECT_MANAGER'], noticeTypeId: 'one' }, 'noticeTypeId'],
        [{ audiences: ['PROJECT_MANAGER'], streetIds: ['x'] }, 'streetIds'],
        [{ audiences: ['PROJECT_MANAGER'], streetIds: [99999999] }, 'streetIds'],
        [{ audiences: ['PROJECT_MANAGER'], propertyAreaIds: [99999999] }, 'propertyAreaIds'],
        [{ audiences: ['PROJECT_MANAGER'], points: 3 }, 'points'],
        [{ audiences: ['PROJECT_MANAGER'], noticeTypeId: 99999 }, 'noticeTypeId'],
      ];
      for (const [body, field] of cases) {
        const response = await publish('futian.handler', body).expect(400);
        expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
      }
      const community = await t.dataSource.getRepository(Region).findOneByOrFail({ level: RegionLevel.COMMUNITY, districtId: FUTIAN_ID });
      // a community id given as a street
      expect((await publish('futian.handler', { audiences: ['PROJECT_MANAGER'], streetIds: [community.id] }).expect(400)).body.details[0].field).toBe('streetIds');
      await get('futian.handler', '/api/notices/abc').expect(400);
      await get('futian.handler', '/api/notices?urgeOnly=maybe').expect(400);
    });

    it('keeps the type list to city admins, disabled types out of new notices', async () => {
      await post('futian.handler', '/api/notices/types', { name: '临时通知' }).expect(403);
      const created: NoticeTypeView = (await post('city.admin', '/api/notices/types', { name: '临时通知' }).expect(201)).body;
      expect((await post('city.admin', '/api/notices/types', { name: '临时通知' }).expect(409)).body.code).toBe('NOTICES_TYPE_NAME_TAKEN');
      await t.http().patch(`/api/notices/types/${created.id}`).set(auth(tokens['city.admin'])).send({ enabled: false }).expect(200);
      const refused = await publish('futian.handler', { audiences: ['PROJECT_MANAGER'], noticeTypeId: created.id }).expect(400);
      expect(refused.body).toMatchObject({ code: 'NOTICES_TYPE_NOT_USABLE', details: [{ field: 'noticeTypeId' }] });
      const listed: NoticeTypeView[] = (await get('futian.handler', '/api/notices/types').expect(200)).body;
      expect(listed.some((x) => x.id === created.id)).toBe(false);
    });
  });
});
