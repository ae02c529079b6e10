import { DecisionCategory, OwnerDecisionErrorCode, OwnerVoteView, VoteChoice, VoteConvener, VoteDetail, VoteMeetingType, VoteScope, VoteState } from '@szpm/contract';
import ExcelJS from 'exceljs';
import { OwnerVote } from '../src/modules/owner-decisions/entities';
import { VoteClockService } from '../src/modules/owner-decisions/vote-clock.service';
import { binaryBody } from './support/binary-body';
import { startTestApp, TestApp } from './support/test-app';

jest.setTimeout(180_000);

type Raw = Record<string, unknown>;
const DAY = 24 * 3600_000;
const C = OwnerDecisionErrorCode;

/** Chapter 10 业主决策情况 through HTTP: draft → street check → voting → ballots → 询异 (民法典 278) → 已完成. */
describe('owner decisions (chapter 10)', () => {
  let t: TestApp;
  let clock: VoteClockService;
  const tokens: Record<string, string> = {};
  const as = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  const sql = async <T = Raw>(query: string, params: unknown[] = []) => (await t.dataSource.query(query, params)) as T[];
  const count = async (query: string, params: unknown[] = []) => Number((await sql<{ n: number | string }>(query, params))[0].n);
  const post = (user: string, path: string, body: object) => t.http().post(path).set(as(user)).send(body);
  const setVote = (id: number, values: Partial<OwnerVote>) => t.dataSource.getRepository(OwnerVote).update({ id }, values);

  let area: { id: number; districtId: number; streetId: number; communityId: number };
  let buildingId: number;
  /** the eight houses of the test building: the first 300 ㎡, the others 100 ㎡ (1000 ㎡, eight persons) */
  let houses: number[];
  /** a house of the same area in no building: outside a BUILDINGS scope */
  let outsideHouse: number;
  const ownerTokens: string[] = [];

  /** An 18-digit ID number with its check digit (GB 11643). */
  const idNumber = (seq: number): string => {
    const body = `44030419900101${String(seq).padStart(3, '0')}`.slice(0, 17);
    const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const sum = body.split('').reduce((s, d, i) => s + Number(d) * weights[i], 0);
    return body + '10X98765432'[sum % 11];
  };
  const latestCode = async (phone: string) => ((await t.http().get(`/api/identity/dev/sms-outbox?phone=${phone}`).expect(200)).body as Array<{ code: string }>)[0].code;
  const bind = async (token: string, claim: { name: string; idNumber: string; phone: string }) => {
    const auth = { Authorization: `Bearer ${token}` };
    await t.http().post('/api/owner/bindings/sms-code').set(auth).send(claim).expect(200);
    await t.http().post('/api/owner/bindings').set(auth).send({ ...claim, code: await latestCode(claim.phone) }).expect(200);
  };
  const owner = (i: number) => ({ Authorization: `Bearer ${ownerTokens[i]}` });

  const draft = (overrides: object = {}) => ({
    propertyAreaId: area.id,
    title: '2026年第一次业主大会临时会议',
    meetingType: VoteMeetingType.EXTRAORDINARY,
    convener: VoteConvener.COMMITTEE,
    scope: VoteScope.BUILDINGS,
    buildingIds: [buildingId],
    beginAt: new Date(Date.now() + 3600_000).toISOString(),
    endAt: new Date(Date.now() + 2 * DAY).toISOString(),
    topics: [
      { content: '续聘现物业服务企业', category: DecisionCategory.HIRE_COMPANY },
      { content: '筹集维修资金用于外墙翻新', category: DecisionCategory.RAISE_FUND },
    ],
    ...overrides,
  });

  beforeAll(async () => {
    t = await startTestApp();
    clock = t.app.get(VoteClockService);
    // the demo seed's votes are taken away: every count below starts from nothing
    for (const table of ['owner_vote_ballots', 'owner_vote_topics', 'owner_votes']) await sql(`DELETE FROM ${table}`);
    const [committee] = await sql<Raw>(
      `SELECT a.id, a.districtId, a.streetId, a.communityId FROM accounts acc JOIN owners_committees oc ON oc.id = acc.unitId JOIN property_areas a ON a.id = oc.propertyAreaId WHERE acc.username = 'demo.committee'`,
    );
    area = { id: Number(committee.id), districtId: Number(committee.districtId), streetId: Number(committee.streetId), communityId: Number(committee.communityId) };
    const officerOf = async (where: string, params: unknown[]) => String((await sql<{ username: string }>(`SELECT username FROM accounts WHERE role = 'STREET_OFFICER' AND status = 'ACTIVE' AND ${where} ORDER BY id LIMIT 1`, params))[0].username);
    const users = {
      committee: 'demo.committee',
      street: await officerOf('streetId = ?', [area.streetId]),
      otherStreet: await officerOf('streetId <> ?', [area.streetId]),
      otherCommittee: String(
        (await sql<{ username: string }>(`SELECT acc.username FROM accounts acc JOIN owners_committees oc ON oc.id = acc.unitId WHERE acc.unitCategory = 'OWNERS_COMMITTEE' AND oc.propertyAreaId <> ? ORDER BY acc.id LIMIT 1`, [area.id]))[0].username,
      ),
      lead: String((await sql<{ username: string }>(`SELECT username FROM accounts WHERE role = 'DISTRICT_LEAD' AND districtId = ? ORDER BY id LIMIT 1`, [area.districtId]))[0].username),
    };
    for (const [key, username] of Object.entries(users)) tokens[key] = await t.login(username);

    // a building of the committee's area with eight registered houses whose areas and owners the test knows
    await sql(`INSERT INTO buildings (propertyAreaId, districtId, code, name, totalFloors) VALUES (?, ?, 'VOTE-T1', '表决测试楼', 8)`, [area.id, area.districtId]);
    buildingId = Number((await sql<{ id: number }>(`SELECT id FROM buildings WHERE code = 'VOTE-T1' AND propertyAreaId = ?`, [area.id]))[0].id);
    houses = [];
    for (let i = 0; i < 9; i++) {
      const floorArea = i === 0 ? 300 : 100;
      await sql(
        `INSERT INTO houses (propertyAreaId, districtId, building, unitNo, roomNo, floorArea, \`usage\`, buildingId, buildingArea, saleStatus) VALUES (?, ?, ?, '1', ?, ?, '住宅', ?, ?, '已售')`,
        [area.id, area.districtId, i < 8 ? '表决测试楼' : '无楼栋', `V${i + 1}01`, floorArea, i < 8 ? buildingId : null, floorArea],
      );
      const houseId = Number((await sql<{ id: number }>(`SELECT id FROM houses WHERE propertyAreaId = ? AND roomNo = ?`, [area.id, `V${i + 1}01`]))[0].id);
      await sql(`INSERT INTO owners (name, idNumber, phone, propertyAreaId, districtId, houseId, createdAt) VALUES (?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)`, [
        `表决业主${i + 1}`,
        idNumber(i + 1),
        `1390001${String(i + 1).padStart(4, '0')}`,
        area.id,
        area.districtId,
        houseId,
      ]);
      if (i < 8) houses.push(houseId);
      else outsideHouse = houseId;
    }
    // owners 1 and 2 and the owner of the house outside the building bind through the SMS code
    for (const i of [0, 1, 8]) {
      const token = await t.ownerToken();
      await bind(token, { name: `表决业主${i + 1}`, idNumber: idNumber(i + 1), phone: `1390001${String(i + 1).padStart(4, '0')}` });
      ownerTokens.push(token);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('drafts', () => {
    it('refuses a convener who is not the area committee or its street office, naming the problem', async () => {
      const other = await post('otherCommittee', '/api/owner-decisions/votes', draft()).expect(403);
      expect(other.body.code).toBe(C.NOT_CONVENER);
      expect(other.body.message).toContain('不是本小区的业主委员会');
      const street = await post('otherStreet', '/api/owner-decisions/votes', draft({ convener: VoteConvener.STREET_OFFICE })).expect(403);
      expect(street.body.code).toBe(C.NOT_CONVENER);
      expect(street.body.message).toContain('不在本街道');
      await post('lead', '/api/owner-decisions/votes', draft()).expect(403);
      expect(await count('SELECT COUNT(*) AS n FROM owner_votes')).toBe(0);
    });

    it('refuses an end before the start on the field endAt, no topics, and buildings not of the area', async () => {
      const begin = new Date(Date.now() + DAY).toISOString();
      const late = await post('committee', '/api/owner-decisions/votes', draft({ beginAt: begin, endAt: new Date(Date.now() + 3600_000).toISOString() })).expect(400);
      expect(late.body.code).toBe(C.END_BEFORE_BEGIN);
      expect(late.body.details).toEqual([expect.objectContaining({ field: 'endAt' })]);
      expect((await post('committee', '/api/owner-decisions/votes', draft({ topics: [] })).expect(400)).body.code).toBe(C.NO_TOPICS);
      expect((await post('committee', '/api/owner-decisions/votes', draft({ buildingIds: [] })).expect(400)).body.code).toBe(C.BUILDINGS_REQUIRED);
      const foreign = Number((await sql<{ id: number }>('SELECT id FROM buildings WHERE propertyAreaId <> ? ORDER BY id LIMIT 1', [area.id]))[0].id);
      expect((await post('committee', '/api/owner-decisions/votes', draft({ buildingIds: [foreign] })).expect(400)).body.code).toBe(C.BUILDING_NOT_OF_AREA);
      expect((await post('committee', '/api/owner-decisions/votes', draft({ convener: VoteConvener.STREET_OFFICE })).expect(400)).body.code).toBe(C.CONVENER_MISMATCH);
      expect(await count('SELECT COUNT(*) AS n FROM owner_votes')).toBe(0);
    });

    it("publishes a street office's own vote on submit", async () => {
      const created = (await post('street', '/api/owner-decisions/votes', draft({ convener: VoteConvener.STREET_OFFICE, scope: VoteScope.AREA, buildingIds: undefined })).expect(201)).body as VoteDetail;
      expect(created.state).toBe(VoteState.DRAFT);
      const submitted = (await post('street', `/api/owner-decisions/votes/${created.id}/submit`, {}).expect(200)).body as VoteDetail;
      expect(submitted.state).toBe(VoteState.PUBLISHED);
    });
  });

  describe('a committee vote from draft to 已完成', () => {
    let vote: VoteDetail;
    let topicA: number;
    let topicB: number;

    it('goes to the street office, which returns it with a note and then approves it', async () => {
      vote = (await post('committee', '/api/owner-decisions/votes', draft()).expect(201)).body;
      expect(vote.voteNo).toMatch(/^TP\d{14}$/);
      expect(vote.topics.map((x) => x.category)).toEqual([DecisionCategory.HIRE_COMPANY, DecisionCategory.RAISE_FUND]);
      expect((await post('committee', `/api/owner-decisions/votes/${vote.id}/submit`, {}).expect(200)).body.state).toBe(VoteState.SUBMITTED);
      // only the area's street office checks
      expect((await post('otherStreet', `/api/owner-decisions/votes/${vote.id}/check`, { approve: true }).expect(403)).body.code).toBe(C.NOT_CHECKER);
      expect((await post('street', `/api/owner-decisions/votes/${vote.id}/check`, { approve: false }).expect(400)).body.code).toBe(C.NOTE_REQUIRED);
      const returned = (await post('street', `/api/owner-decisions/votes/${vote.id}/check`, { approve: false, note: '请补充议题说明' }).expect(200)).body as VoteDetail;
      expect(returned).toMatchObject({ state: VoteState.DRAFT, checkNote: '请补充议题说明' });
      vote = (await t.http().patch(`/api/owner-decisions/votes/${vote.id}`).set(as('committee')).send({ ...draft(), propertyAreaId: undefined, title: '2026年第一次业主大会临时会议（补充说明）' }).expect(200)).body;
      await post('committee', `/api/owner-decisions/votes/${vote.id}/submit`, {}).expect(200);
      const approved = (await post('street', `/api/owner-decisions/votes/${vote.id}/check`, { approve: true }).expect(200)).body as VoteDetail;
      expect(approved.state).toBe(VoteState.PUBLISHED);
      // owners of the scope see it; the owner of the house outside the building does not
      expect(((await t.http().get('/api/owner/votes').set(owner(0)).expect(200)).body as Array<{ id: number }>).map((v) => v.id)).toContain(vote.id);
      expect(((await t.http().get('/api/owner/votes').set(owner(2)).expect(200)).body as Array<{ id: number }>).map((v) => v.id)).not.toContain(vote.id);
      await t.http().get(`/api/owner/votes/${vote.id}`).set(owner(2)).expect(404);
      [topicA, topicB] = approved.topics.map((x) => x.id);
    });

    it('opens voting at the begin with the scope totals frozen', async () => {
      expect(await clock.step(vote.id)).toBe(VoteState.PUBLISHED);
      expect(await clock.step(vote.id, new Date(new Date(vote.beginAt).getTime() + 1))).toBe(VoteState.VOTING);
      const [row] = await sql<Raw>('SELECT state, totalAreaHundredths, totalPersons FROM owner_votes WHERE id = ?', [vote.id]);
      expect(row).toMatchObject({ state: VoteState.VOTING, totalAreaHundredths: '100000' });
      expect(Number(row.totalPersons)).toBe(8);
    });

    it('takes paper ballots all or nothing, naming a row outside the scope', async () => {
      const rows = houses.slice(1).map((houseId, i) => ({
        houseId,
        paperNo: `P-${i + 2}`,
        // house 8 disagrees to the hire; house 2 (whose owner votes electronically later) first disagrees on paper
        choices: [
          { topicId: topicA, choice: i === 6 || i === 0 ? VoteChoice.DISAGREE : VoteChoice.AGREE },
          { topicId: topicB, choice: i === 0 ? VoteChoice.DISAGREE : VoteChoice.AGREE },
        ],
      }));
      const refused = await post('committee', `/api/owner-decisions/votes/${vote.id}/paper-ballots`, { rows: [...rows, { houseId: outsideHouse, paperNo: 'P-X', choices: [{ topicId: topicA, choice: VoteChoice.AGREE }] }] }).expect(400);
      expect(refused.body.code).toBe(C.PAPER_ROW_OUTSIDE_SCOPE);
      expect(refused.body.details).toEqual([expect.objectContaining({ field: 'rows.7.houseId', message: expect.stringContaining('第8行') })]);
      expect(await count('SELECT COUNT(*) AS n FROM owner_vote_ballots WHERE voteId = ?', [vote.id])).toBe(0);
      await post('otherCommittee', `/api/owner-decisions/votes/${vote.id}/paper-ballots`, { rows }).expect(403);
      expect((await post('committee', `/api/owner-decisions/votes/${vote.id}/paper-ballots`, { rows }).expect(200)).body).toEqual({ written: 14, skippedElectronic: 0 });
      // a second paper ballot of the same house and topic refuses the whole batch
      expect((await post('committee', `/api/owner-decisions/votes/${vote.id}/paper-ballots`, { rows: rows.slice(0, 1) }).expect(409)).body.code).toBe(C.ALREADY_VOTED);
      expect(await count('SELECT COUNT(*) AS n FROM owner_vote_ballots WHERE voteId = ?', [vote.id])).toBe(14);
    });

    it('takes one electronic ballot per house and topic, replacing a paper one, and refuses houses outside the scope', async () => {
      const cast = await t.http().post(`/api/owner/votes/${vote.id}/ballots`).set(owner(0)).send({ houseId: houses[0], choices: [{ topicId: topicA, choice: VoteChoice.AGREE }, { topicId: topicB, choice: VoteChoice.DISAGREE }] }).expect(200);
      expect((cast.body as OwnerVoteView).houses).toEqual([{ houseId: houses[0], ballots: [{ topicId: topicA, choice: VoteChoice.AGREE, source: 'ELECTRONIC' }, { topicId: topicB, choice: VoteChoice.DISAGREE, source: 'ELECTRONIC' }] }]);
      const again = await t.http().post(`/api/owner/votes/${vote.id}/ballots`).set(owner(0)).send({ houseId: houses[0], choices: [{ topicId: topicA, choice: VoteChoice.DISAGREE }] }).expect(409);
      expect(again.body.code).toBe(C.ALREADY_VOTED);
      // two at once: one lands, the other is refused
      const both = await Promise.all(
        [VoteChoice.AGREE, VoteChoice.ABSTAIN].map((choice) => t.http().post(`/api/owner/votes/${vote.id}/ballots`).set(owner(1)).send({ houseId: houses[1], choices: [{ topicId: topicA, choice }, { topicId: topicB, choice: VoteChoice.AGREE }] })),
      );
      expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
      const [paperReplaced] = await sql<Raw>('SELECT source, choice, paperNo FROM owner_vote_ballots WHERE topicId = ? AND houseId = ?', [topicA, houses[1]]);
      expect(paperReplaced).toMatchObject({ source: 'ELECTRONIC', paperNo: null });
      // make house 2's hire choice known whichever request won: the test's counts below need AGREE
      await sql('UPDATE owner_vote_ballots SET choice = ? WHERE topicId = ? AND houseId = ?', [VoteChoice.AGREE, topicA, houses[1]]);
      // a paper ballot never replaces an electronic one
      const paper = await post('committee', `/api/owner-decisions/votes/${vote.id}/paper-ballots`, { rows: [{ houseId: houses[0], paperNo: 'P-1', choices: [{ topicId: topicA, choice: VoteChoice.DISAGREE }] }] }).expect(200);
      expect(paper.body).toEqual({ written: 0, skippedElectronic: 1 });
      expect((await sql<Raw>('SELECT source, choice FROM owner_vote_ballots WHERE topicId = ? AND houseId = ?', [topicA, houses[0]]))[0]).toMatchObject({ source: 'ELECTRONIC', choice: VoteChoice.AGREE });
      // the bound house outside the building, and a house not bound to the owner
      const outside = await t.http().post(`/api/owner/votes/${vote.id}/ballots`).set(owner(2)).send({ houseId: outsideHouse, choices: [{ topicId: topicA, choice: VoteChoice.AGREE }] }).expect(400);
      expect(outside.body.code).toBe(C.HOUSE_OUTSIDE_SCOPE);
      await t.http().post(`/api/owner/votes/${vote.id}/ballots`).set(owner(0)).send({ houseId: houses[3], choices: [{ topicId: topicA, choice: VoteChoice.AGREE }] }).expect(403);
      expect(await count('SELECT COUNT(*) AS n FROM owner_vote_ballots WHERE voteId = ?', [vote.id])).toBe(16);
    });

    it('extends voting once with a reason and a later end, keeping the old end', async () => {
      const later = new Date(new Date(vote.endAt).getTime() + DAY).toISOString();
      expect((await post('committee', `/api/owner-decisions/votes/${vote.id}/extension`, { endAt: vote.beginAt, reason: '参与率不足' }).expect(400)).body.code).toBe(C.EXTENSION_NOT_LATER);
      const extended = (await post('committee', `/api/owner-decisions/votes/${vote.id}/extension`, { endAt: later, reason: '参与率不足' }).expect(200)).body as VoteDetail;
      expect(extended).toMatchObject({ delayed: true, delayReason: '参与率不足', oldEndAt: vote.endAt, endAt: later });
      const second = await post('committee', `/api/owner-decisions/votes/${vote.id}/extension`, { endAt: new Date(Date.parse(later) + DAY).toISOString(), reason: '再延期' }).expect(409);
      expect(second.body.code).toBe(C.ALREADY_EXTENDED);
      // the old end passing does not close it
      expect(await clock.step(vote.id, new Date(Date.parse(vote.endAt) + 1))).toBe(VoteState.VOTING);
    });

    it('refuses a ballot after the end, then tallies every topic at 询异 by 民法典 278', async () => {
      await setVote(vote.id, { endAt: new Date(Date.now() - 1000) });
      const late = await t.http().post(`/api/owner/votes/${vote.id}/ballots`).set(owner(1)).send({ houseId: houses[1], choices: [{ topicId: topicB, choice: VoteChoice.DISAGREE }] }).expect(409);
      expect(late.body.code).toBe(C.VOTING_CLOSED);
      const latePaper = await post('committee', `/api/owner-decisions/votes/${vote.id}/paper-ballots`, { rows: [{ houseId: houses[2], paperNo: 'P-late', choices: [{ topicId: topicA, choice: VoteChoice.DISAGREE }] }] }).expect(409);
      expect(latePaper.body.code).toBe(C.VOTING_CLOSED);
      expect((await post('committee', `/api/owner-decisions/votes/${vote.id}/extension`, { endAt: new Date(Date.now() + DAY).toISOString(), reason: '补延' }).expect(409)).body.code).toBe(C.ALREADY_EXTENDED);
      expect(await clock.step(vote.id)).toBe(VoteState.PUBLICITY);
      const detail = (await t.http().get(`/api/owner-decisions/votes/${vote.id}`).set(as('lead')).expect(200)).body as VoteDetail;
      expect(detail.state).toBe(VoteState.PUBLICITY);
      const [hire, fund] = detail.topics;
      // hire: 900 of 1000 ㎡ and 7 of 8 agree: more than half of both
      expect(hire.result).toMatchObject({
        quorumReached: true,
        passed: true,
        participatingAreaHundredths: '100000',
        participatingPersons: 8,
        agreeAreaHundredths: '90000',
        agreePersons: 7,
        agreeArea: { fraction: '9/10', percent: 90 },
        agreePersonsRatio: { fraction: '7/8', percent: 87.5 },
        participationArea: { fraction: '1/1', percent: 100 },
        passThresholdLabel: '过半数',
      });
      // raising the fund: 7 of 8 persons agree (≥ 3/4) but only 700 of 1000 ㎡ (< 3/4): it fails on the area
      expect(fund.result).toMatchObject({ quorumReached: true, passed: false, agreeAreaHundredths: '70000', agreePersons: 7, agreeArea: { fraction: '7/10', percent: 70 }, passThresholdLabel: '四分之三以上' });
      // owners see the results too
      const mine = (await t.http().get(`/api/owner/votes/${vote.id}`).set(owner(0)).expect(200)).body as OwnerVoteView;
      expect(mine.topics.map((x) => x.result?.passed)).toEqual([true, false]);
    });

    it('completes after the publicity period, through the sweep', async () => {
      expect(await clock.step(vote.id, new Date(Date.now() + 6 * DAY))).toBe(VoteState.PUBLICITY);
      expect(await clock.sweep(new Date(Date.now() + 8 * DAY))).toBeGreaterThanOrEqual(1);
      expect((await sql<Raw>('SELECT state FROM owner_votes WHERE id = ?', [vote.id]))[0].state).toBe(VoteState.COMPLETED);
    });

    it('lists votes for the district officers with the filters', async () => {
      const list = (await t.http().get(`/api/owner-decisions/votes?propertyAreaId=${area.id}&state=COMPLETED&category=RAISE_FUND`).set(as('lead')).expect(200)).body;
      expect(list.total).toBe(1);
      expect(list.items[0]).toMatchObject({ id: vote.id, voteNo: vote.voteNo, scope: VoteScope.BUILDINGS, stateLabel: '已完成', delayed: true });
      expect(list.items[0].propertyAreaName).not.toBe('');
      expect((await t.http().get(`/api/owner-decisions/votes?propertyAreaId=${area.id}&category=REBUILD`).set(as('lead')).expect(200)).body.total).toBe(0);
    });

    it("lists and opens the committee's own votes for the committee account, which holds no module grant", async () => {
      await t.http().get(`/api/owner-decisions/votes/${vote.id}`).set(as('committee')).expect(403);
      const draftOnly = (await post('committee', '/api/owner-decisions/votes', draft({ title: '尚未提交的草稿' })).expect(201)).body as VoteDetail;
      const mine = (await t.http().get('/api/owner-decisions/votes/convened').set(as('committee')).expect(200)).body;
      expect(mine.items.map((v: { id: number }) => v.id)).toEqual(expect.arrayContaining([vote.id, draftOnly.id]));
      expect(mine.items.every((v: { propertyAreaId: number }) => v.propertyAreaId === area.id)).toBe(true);
      expect((await t.http().get(`/api/owner-decisions/votes/convened?state=DRAFT`).set(as('committee')).expect(200)).body.items.map((v: { id: number }) => v.id)).toContain(draftOnly.id);
      expect((await t.http().get(`/api/owner-decisions/votes/convened/${vote.id}`).set(as('committee')).expect(200)).body).toMatchObject({ id: vote.id, state: VoteState.COMPLETED });
      expect((await t.http().get(`/api/owner-decisions/votes/convened/${vote.id}`).set(as('otherCommittee')).expect(403)).body.code).toBe(C.NOT_CONVENER);
      await t.http().get('/api/owner-decisions/votes/convened').set(as('street')).expect(403);
      await sql('DELETE FROM owner_vote_topics WHERE voteId = ?', [draftOnly.id]);
      await t.dataSource.getRepository(OwnerVote).delete({ id: draftOnly.id });
    });

    it('counts meetings, topics and usage by region (会议统计, 表决议题统计, 使用情况)', async () => {
      // the street office's own vote went through the sweep to 询异 without ballots: no quorum, nothing passed
      const meetings = (await t.http().get(`/api/owner-decisions/statistics/meetings?communityId=${area.communityId}`).set(as('lead')).expect(200)).body;
      expect(meetings.level).toBe('PROPERTY_AREA');
      // participation: the committee's vote 100 % of area and persons, the street office's 0 %: a mean of 50 %
      expect(meetings.total).toEqual({
        meetings: 2,
        voting: 0,
        publicity: 1,
        completed: 1,
        delayed: 1,
        quorumReached: 1,
        counted: 2,
        participationAreaBp: 10_000,
        participationPersonsBp: 10_000,
        quorumRate: 50,
        meanParticipationArea: 50,
        meanParticipationPersons: 50,
      });
      expect(meetings.items).toEqual(expect.arrayContaining([expect.objectContaining({ regionId: area.id, meetings: 2, completed: 1 })]));
      const topics = (await t.http().get(`/api/owner-decisions/statistics/topics?communityId=${area.communityId}`).set(as('lead')).expect(200)).body;
      expect(topics.total).toEqual({ topics: 4, passed: 1, failed: 3, passRate: 25 });
      const fund = (await t.http().get(`/api/owner-decisions/statistics/topics?communityId=${area.communityId}&category=RAISE_FUND`).set(as('lead')).expect(200)).body;
      expect(fund.total).toEqual({ topics: 2, passed: 0, failed: 2, passRate: 0 });
      const usage = (await t.http().get(`/api/owner-decisions/statistics/usage?communityId=${area.communityId}`).set(as('lead')).expect(200)).body;
      const areasOfCommunity = await count('SELECT COUNT(*) AS n FROM property_areas WHERE communityId = ?', [area.communityId]);
      expect(usage.total).toMatchObject({ areas: areasOfCommunity, usedAreas: 1, votesThisYear: 2, usageRate: Math.round((10000 / areasOfCommunity)) / 100 });
      const bound = await count('SELECT COUNT(DISTINCT houseId) AS n FROM owner_house_bindings WHERE propertyAreaId = ?', [area.id]);
      expect(bound).toBeGreaterThanOrEqual(3);
      expect(usage.items).toEqual(expect.arrayContaining([expect.objectContaining({ regionId: area.id, usedAreas: 1, votesThisYear: 2, boundHouses: bound })]));
      expect((await t.http().get(`/api/owner-decisions/statistics/usage?communityId=${area.communityId}&year=2001`).set(as('lead')).expect(200)).body.total).toMatchObject({ usedAreas: 1, votesThisYear: 0 });
      const lastYear = (await t.http().get(`/api/owner-decisions/statistics/meetings?communityId=${area.communityId}&year=2001`).set(as('lead')).expect(200)).body;
      expect(lastYear.total.meetings).toBe(0);
    });

    it('opens the rows behind a number: votes, topics, areas; and exports each table as on screen', async () => {
      const get = (path: string) => t.http().get(path).set(as('lead'));
      const delayed = (await get(`/api/owner-decisions/statistics/meetings/cells?communityId=${area.communityId}&regionId=${area.id}&counter=delayed`).expect(200)).body;
      expect(delayed).toMatchObject({ total: 1, items: [expect.objectContaining({ id: vote.id, voteNo: vote.voteNo, scopeLabel: '部分楼栋', stateLabel: '已完成' })] });
      const counted = (await get(`/api/owner-decisions/statistics/meetings/cells?communityId=${area.communityId}&counter=counted`).expect(200)).body;
      expect(counted.total).toBe(2);
      const passed = (await get(`/api/owner-decisions/statistics/topics/cells?communityId=${area.communityId}&counter=passed`).expect(200)).body;
      expect(passed).toMatchObject({ total: 1, items: [expect.objectContaining({ id: vote.id, topicContent: '续聘现物业服务企业', category: DecisionCategory.HIRE_COMPANY, passed: true })] });
      // the rows are topics: the vote with two failed topics (the street office's) counts twice
      const failed = (await get(`/api/owner-decisions/statistics/topics/cells?communityId=${area.communityId}&counter=failed&pageSize=2`).expect(200)).body;
      expect(failed.total).toBe(3);
      expect(failed.items).toHaveLength(2);
      const used = (await get(`/api/owner-decisions/statistics/usage/cells?communityId=${area.communityId}&counter=usedAreas`).expect(200)).body;
      expect(used).toMatchObject({ total: 1, items: [expect.objectContaining({ propertyAreaId: area.id, votes: 2, votesThisYear: 2 })] });
      expect(used.items[0].propertyAreaName).not.toBe('');
      const unknown = await get(`/api/owner-decisions/statistics/meetings/cells?communityId=${area.communityId}&counter=nonsense`).expect(400);
      expect(unknown.body.details).toEqual([expect.objectContaining({ field: 'counter' })]);
      for (const table of ['usage', 'meetings', 'topics']) {
        const file = await get(`/api/owner-decisions/statistics/${table}/export?communityId=${area.communityId}`).buffer(true).parse(binaryBody).expect(200);
        expect(file.headers['content-type']).toContain('spreadsheetml');
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(file.body as ArrayBuffer);
        const sheet = book.worksheets[0];
        const lastRow = sheet.getRow(sheet.rowCount);
        expect(lastRow.getCell(1).value).toBe('合计');
        if (table === 'meetings') expect(sheet.getRow(1).values).toEqual(expect.arrayContaining(['平均参与率（面积）(%)']));
      }
    });
  });
});
