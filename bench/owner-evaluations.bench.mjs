// Benchmark of chapters 9 (业主评价) and 10 (业主决策) at city scale, on MariaDB, on the bench harness
// (bench/harness; how to run it and what the columns mean: README.md, section Benchmarks).
// Prints numbers; not a test.
//
//   npm run build -w api && node bench/owner-evaluations.bench.mjs     (it runs the built api)
//
// Database szpm_city (BENCH_DATABASE_URL to change it): the api's city seed, whose owner part
// (seed/owner-city-seed.ts) binds about half the 1,000,000 houses, writes twelve months of
// evaluations (≈3,000,000 with their answers and the monthly per-area sums) and 1,500 votes with
// ballots and results; reused while its parameters and record counts stay the same.
//
// 1. Under BENCH_CLIENTS closed-loop clients, the API (its production build as a child process) and
//    the same answer by raw SQL on a mysql2 pool in the bench process, checked equal first:
//    评价排名 of last month (物业项目, 物业企业, 业委会; best first and, for projects, worst first);
//    评价统计 at city level (the districts) and at district level (the streets of the district with
//    the most areas), property and committee, the year and last month; 业主决策's 使用情况, 会议统计
//    and 表决议题统计 at city and district level. The raw SQL is written independently of the
//    services' (which use the query builder and the region drill-down kit). Both read the monthly
//    per-area sums (owner_evaluation_area_months), as the services do: a raw scan of 3,000,000
//    evaluations cannot answer in 100 ms (the run times one city-level scan of them to show it).
// 2. 2,000 owners cast their ballots on one vote at once through POST /api/owner/votes/:id/ballots
//    (a tenth of them twice, as a double tap), the vote is closed by the vote clock, and every
//    ballot must be counted once: the accepted casts, the ballot rows, and the stored tally against
//    a recount of the ballots (the module's tally and plain SQL sums).
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { busiestDistrict, envNumber as number, formatInt as int, isMain, loadApi, officerOf, queryString, runAsScript, runBenchmark } from './harness/index.mjs';
import { latencySummary } from './harness/stats.mjs';

process.env.BENCH_DATABASE_URL ??= 'mysql://root@127.0.0.1:3306/szpm_city';

const AREAS = number('BENCH_AREAS', 10_000);
const HOUSES = number('BENCH_HOUSES', 1_000_000);
const BALLOT_OWNERS = number('BENCH_BALLOT_OWNERS', 2_000);

const TARGETS = { p95Ms: 100, apiOverRaw: 1.5 };


// the contract's rate(): a percentage with two decimals, 0 when either side is 0
const rate = (n, d) => (!n || !d ? 0 : Math.round((n / d) * 10000) / 100);
// evaluation-score's meanScore(): the mean of hundredths, in points
const meanScore = (sum, records) => (records > 0 ? Math.round(sum / records) / 100 : 0);
const MIN_SAMPLE = 10;
const HELD = "('PUBLISHED', 'VOTING', 'PUBLICITY', 'COMPLETED')";
const COUNTED = "v.state IN ('PUBLICITY', 'COMPLETED')";

/** The UTC+8 month (YYYY-MM) of an instant, and the month before it. */
const shanghaiMonth = (at) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 7);
function monthBefore(month) {
  const [y, m] = month.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

// ---- seed ---------------------------------------------------------------------------------------

async function generate({ dataSource }) {
  // the owner part is the city seed's own (seed/owner-city-seed.ts); fresh statistics for the planner
  await dataSource.query('ANALYZE TABLE property_areas, regions, owner_house_bindings, owner_evaluation_area_months, owner_votes, owner_vote_topics, owner_vote_ballots');
}

async function counts(dataSource) {
  const one = async (sql) => Number((await dataSource.query(sql))[0].n);
  return {
    propertyAreas: await one('SELECT COUNT(*) AS n FROM property_areas'),
    houses: await one('SELECT COUNT(*) AS n FROM houses'),
    owners: await one('SELECT COUNT(*) AS n FROM owner_identities'),
    bindings: await one('SELECT COUNT(*) AS n FROM owner_house_bindings'),
    evaluations: await one('SELECT COUNT(*) AS n FROM owner_evaluations'),
    answers: await one('SELECT COUNT(*) AS n FROM owner_evaluation_answers'),
    areaMonths: await one('SELECT COUNT(*) AS n FROM owner_evaluation_area_months'),
    votes: await one('SELECT COUNT(*) AS n FROM owner_votes'),
    topics: await one('SELECT COUNT(*) AS n FROM owner_vote_topics'),
    ballots: await one('SELECT COUNT(*) AS n FROM owner_vote_ballots'),
  };
}

async function setup({ dataSource, log }) {
  const big = await busiestDistrict(dataSource);
  const lead = await officerOf(dataSource, 'DISTRICT_LEAD', big.districtId);
  const [city] = await dataSource.query("SELECT username FROM accounts WHERE role = 'CITY_OFFICER' AND status = 'ACTIVE' ORDER BY id LIMIT 1");
  if (!city) throw new Error('no CITY_OFFICER account in the city seed');
  const now = new Date();
  const lastMonth = monthBefore(shanghaiMonth(now));
  const [{ n: monthRecords }] = await dataSource.query("SELECT COALESCE(SUM(records), 0) AS n FROM owner_evaluation_area_months WHERE target = 'PROPERTY' AND month = ?", [lastMonth]);
  log(`  ${big.name} (district ${big.districtId}): ${int(big.areas)} areas, ${big.streets.length} streets; district account ${lead}, city account ${city.username}`);
  log(`  ranking month ${lastMonth}: ${int(monthRecords)} property evaluations`);
  return { districtId: big.districtId, lead, cityAccount: city.username, lastMonth, year: Number(shanghaiMonth(now).slice(0, 4)) };
}

// ---- raw SQL ------------------------------------------------------------------------------------

/** The regions a table lists (the districts of the city, or the streets of a district) and the column its rows group by. */
async function tableOf(pool, districtId, areaAlias) {
  if (districtId === null) {
    const [children] = await pool.query("SELECT id, name FROM regions WHERE level = 'DISTRICT' ORDER BY sortOrder, id");
    return { level: 'DISTRICT', group: `${areaAlias}.districtId`, where: '1 = 1', params: [], children };
  }
  const [children] = await pool.query("SELECT id, name FROM regions WHERE level = 'STREET' AND parentId = ? ORDER BY sortOrder, id", [districtId]);
  return { level: 'STREET', group: `${areaAlias}.streetId`, where: `${areaAlias}.districtId = ?`, params: [districtId], children };
}

/** A region table (paramsOf(ids): the query's parameters with the listed regions' ids): each region's counters (0 without rows), the 合计 as their sum, the rates of both. */
async function regionTable(pool, table, keys, sql, paramsOf, derive) {
  const ids = table.children.map((c) => Number(c.id));
  const [rows] = ids.length ? await pool.query(sql, paramsOf(ids)) : [[]];
  const byRegion = new Map(rows.map((r) => [Number(r.regionId), r]));
  const items = table.children.map((c) => {
    const r = byRegion.get(Number(c.id));
    const counts = Object.fromEntries(keys.map((k) => [k, Number(r?.[k] ?? 0)]));
    return { regionId: Number(c.id), regionName: c.name, level: table.level, ...counts, ...derive(counts) };
  });
  const total = Object.fromEntries(keys.map((k) => [k, items.reduce((sum, item) => sum + item[k], 0)]));
  return { level: table.level, total: { ...total, ...derive(total) }, items };
}

/** 评价排名: rank by the rounded mean (integer half-up of the hundredths), more records first, then the id. */
async function rawRanking(pool, { subject, month, order }) {
  const target = subject === 'COMMITTEE' ? 'COMMITTEE' : 'PROPERTY';
  const direction = order === 'asc' ? 'ASC' : 'DESC';
  const [[average]] = await pool.query('SELECT COALESCE(SUM(records), 0) AS records, COALESCE(SUM(scoreHundredthsSum), 0) AS score FROM owner_evaluation_area_months WHERE target = ? AND month = ?', [target, month]);
  const subjects =
    subject === 'COMPANY'
      ? `SELECT companyId AS subjectId, SUM(records) AS records, (2 * SUM(scoreHundredthsSum) + SUM(records)) DIV (2 * SUM(records)) AS score
         FROM owner_evaluation_area_months WHERE target = ? AND month = ? AND companyId IS NOT NULL AND records > 0 GROUP BY companyId HAVING SUM(records) >= ${MIN_SAMPLE}`
      : `SELECT propertyAreaId AS subjectId, records, (2 * scoreHundredthsSum + records) DIV (2 * records) AS score
         FROM owner_evaluation_area_months WHERE target = ? AND month = ? AND records >= ${MIN_SAMPLE}`;
  const names =
    subject === 'COMPANY'
      ? 'LEFT JOIN property_companies c ON c.id = s.subjectId LEFT JOIN regions d ON d.id = c.registeredDistrictId'
      : `LEFT JOIN property_areas a ON a.id = s.subjectId LEFT JOIN regions d ON d.id = a.districtId${subject === 'COMMITTEE' ? ' LEFT JOIN owners_committees oc ON oc.propertyAreaId = a.id' : ''}`;
  const name = subject === 'COMPANY' ? 'c.name' : subject === 'COMMITTEE' ? 'COALESCE(oc.name, a.name)' : 'a.name';
  const [rows] = await pool.query(
    `SELECT s.subjectId, s.records, s.score, RANK() OVER (ORDER BY s.score ${direction}) AS \`rank\`, COUNT(*) OVER () AS ranked, ${name} AS name, d.name AS districtName
     FROM (${subjects}) s ${names} ORDER BY s.score ${direction}, s.records DESC, s.subjectId LIMIT 20`,
    [target, month],
  );
  const records = Number(average.records);
  return {
    month,
    subject,
    order,
    cityAverage: records ? Math.floor((2 * Number(average.score) + records) / (2 * records)) / 100 : 0,
    minSample: MIN_SAMPLE,
    ranked: Number(rows[0]?.ranked ?? 0),
    items: rows.map((r) => ({
      rank: Number(r.rank),
      subjectId: Number(r.subjectId),
      name: r.name ?? '',
      districtName: r.districtName ?? null,
      propertyAreaId: subject === 'COMPANY' ? null : Number(r.subjectId),
      score: Number(r.score) / 100,
      records: Number(r.records),
    })),
  };
}

const EVALUATION_KEYS = ['houses', 'records', 'houseTotal', 'star5', 'star4', 'star3', 'star2', 'star1', 'lowStar', 'replied', 'lowStarUnreplied', 'scoreSum'];

/** 评价统计: the areas (committee: those with a committee) and their period's monthly sums, by region. */
async function rawEvaluationStats(pool, districtId, { target, year, month }) {
  const table = await tableOf(pool, districtId, 'pa');
  const from = month === undefined ? `${year}-01` : `${year}-${String(month).padStart(2, '0')}`;
  const to = month === undefined ? `${year}-12` : from;
  const houses = month === undefined ? 'm.firstInYear' : 'm.records';
  const committee = target === 'COMMITTEE' ? 'AND pa.ownersCommitteeId IS NOT NULL' : '';
  // the areas' house totals and their months' sums are summed apart: a join of the two would count an area's houses once a month
  const sql = `SELECT a.regionId, a.houseTotal, COALESCE(s.houses, 0) AS houses, COALESCE(s.records, 0) AS records, COALESCE(s.star5, 0) AS star5, COALESCE(s.star4, 0) AS star4,
      COALESCE(s.star3, 0) AS star3, COALESCE(s.star2, 0) AS star2, COALESCE(s.star1, 0) AS star1, COALESCE(s.lowStar, 0) AS lowStar, COALESCE(s.replied, 0) AS replied,
      COALESCE(s.lowStar, 0) - COALESCE(s.lowStarReplied, 0) AS lowStarUnreplied, COALESCE(s.scoreSum, 0) AS scoreSum
    FROM (SELECT ${table.group} AS regionId, SUM(pa.houseCount) AS houseTotal FROM property_areas pa WHERE ${table.where} ${committee} AND ${table.group} IN (?) GROUP BY ${table.group}) a
    LEFT JOIN (
      SELECT ${table.group} AS regionId, SUM(${houses}) AS houses, SUM(m.records) AS records, SUM(m.star5) AS star5, SUM(m.star4) AS star4, SUM(m.star3) AS star3, SUM(m.star2) AS star2,
        SUM(m.star1) AS star1, SUM(m.lowStar) AS lowStar, SUM(m.replied) AS replied, SUM(m.lowStarReplied) AS lowStarReplied, SUM(m.scoreHundredthsSum) AS scoreSum
      FROM owner_evaluation_area_months m JOIN property_areas pa ON pa.id = m.propertyAreaId
      WHERE m.target = ? AND m.month >= ? AND m.month <= ? AND ${table.where} ${committee} GROUP BY ${table.group}
    ) s ON s.regionId = a.regionId`;
  return regionTable(pool, table, EVALUATION_KEYS, sql, (ids) => [...table.params, ids, target, from, to, ...table.params], (c) => ({
    participationRate: rate(c.houses, c.houseTotal),
    averageScore: meanScore(c.scoreSum, c.records),
    lowStarRate: rate(c.lowStar, c.records),
    replyRate: rate(c.replied, c.records),
  }));
}

const MEETING_KEYS = ['meetings', 'voting', 'publicity', 'completed', 'delayed', 'quorumReached', 'counted', 'participationAreaBp', 'participationPersonsBp'];
const TOPIC_KEYS = ['topics', 'passed', 'failed'];
const USAGE_KEYS = ['areas', 'usedAreas', 'votesThisYear', 'houseTotal', 'boundHouses', 'boundOwners'];

async function rawMeetings(pool, districtId) {
  const table = await tableOf(pool, districtId, 'v');
  const quorate = 'NOT EXISTS (SELECT 1 FROM owner_vote_topics t WHERE t.voteId = v.id AND (t.quorumReached IS NULL OR t.quorumReached = 0))';
  const sql = `SELECT ${table.group} AS regionId, COUNT(*) AS meetings, SUM(v.state = 'VOTING') AS voting, SUM(v.state = 'PUBLICITY') AS publicity, SUM(v.state = 'COMPLETED') AS completed,
      SUM(v.delayed = 1) AS \`delayed\`, SUM(${COUNTED} AND ${quorate}) AS quorumReached, SUM(${COUNTED}) AS counted,
      SUM(CASE WHEN ${COUNTED} THEN COALESCE(v.participationAreaBp, 0) ELSE 0 END) AS participationAreaBp, SUM(CASE WHEN ${COUNTED} THEN COALESCE(v.participationPersonsBp, 0) ELSE 0 END) AS participationPersonsBp
    FROM owner_votes v WHERE v.state IN ${HELD} AND ${table.where} AND ${table.group} IN (?) GROUP BY ${table.group}`;
  return regionTable(pool, table, MEETING_KEYS, sql, (ids) => [...table.params, ids], (c) => ({
    quorumRate: rate(c.quorumReached, c.counted),
    meanParticipationArea: rate(c.participationAreaBp, c.counted * 10_000),
    meanParticipationPersons: rate(c.participationPersonsBp, c.counted * 10_000),
  }));
}

async function rawTopics(pool, districtId) {
  const table = await tableOf(pool, districtId, 'v');
  const sql = `SELECT ${table.group} AS regionId, COUNT(*) AS topics, SUM(t.passed = 1) AS passed, SUM(t.passed = 0) AS failed
    FROM owner_votes v JOIN owner_vote_topics t ON t.voteId = v.id WHERE v.state IN ${HELD} AND ${COUNTED} AND ${table.where} AND ${table.group} IN (?) GROUP BY ${table.group}`;
  return regionTable(pool, table, TOPIC_KEYS, sql, (ids) => [...table.params, ids], (c) => ({ passRate: rate(c.passed, c.topics) }));
}

async function rawUsage(pool, districtId, year) {
  const table = await tableOf(pool, districtId, 'pa');
  const from = new Date(`${year}-01-01T00:00:00+08:00`);
  const to = new Date(`${year + 1}-01-01T00:00:00+08:00`);
  const sql = `SELECT ${table.group} AS regionId, COUNT(*) AS areas, SUM(COALESCE(u.votes, 0) > 0) AS usedAreas, SUM(COALESCE(u.votesThisYear, 0)) AS votesThisYear,
      SUM(pa.houseCount) AS houseTotal, SUM(COALESCE(b.boundHouses, 0)) AS boundHouses, SUM(COALESCE(b.boundOwners, 0)) AS boundOwners
    FROM property_areas pa
    LEFT JOIN (SELECT propertyAreaId, COUNT(*) AS votes, SUM(beginAt >= ? AND beginAt < ?) AS votesThisYear FROM owner_votes WHERE state IN ${HELD} GROUP BY propertyAreaId) u ON u.propertyAreaId = pa.id
    LEFT JOIN (SELECT propertyAreaId, COUNT(DISTINCT houseId) AS boundHouses, COUNT(DISTINCT idNumberHash) AS boundOwners FROM owner_house_bindings GROUP BY propertyAreaId) b ON b.propertyAreaId = pa.id
    WHERE ${table.where} AND ${table.group} IN (?) GROUP BY ${table.group}`;
  return regionTable(pool, table, USAGE_KEYS, sql, (ids) => [from, to, ...table.params, ids], (c) => ({ usageRate: rate(c.usedAreas, c.areas), bindingRate: rate(c.boundHouses, c.houseTotal) }));
}

// ---- scenarios ----------------------------------------------------------------------------------

function scenarios(state) {
  const { districtId, lastMonth, year } = state;
  const month = Number(lastMonth.slice(5, 7));
  const monthYear = Number(lastMonth.slice(0, 4));
  const statShapes = [
    { name: 'property-year', input: () => ({ target: 'PROPERTY', year }) },
    { name: 'property-month', input: () => ({ target: 'PROPERTY', year: monthYear, month }) },
    { name: 'committee-year', input: () => ({ target: 'COMMITTEE', year }) },
  ];
  const decisionShapes = [
    { name: 'usage', input: () => ({ table: 'usage' }) },
    { name: 'meetings', input: () => ({ table: 'meetings' }) },
    { name: 'topics', input: () => ({ table: 'topics' }) },
  ];
  const rawDecisions = (pool, at, { table }) => (table === 'usage' ? rawUsage(pool, at, year) : table === 'meetings' ? rawMeetings(pool, at) : rawTopics(pool, at));
  return [
    {
      name: 'ranking',
      label: `评价排名 of ${lastMonth} (${state.cityAccount}): 物业项目, 物业企业, 业委会 best first, 物业项目 worst first; the first page`,
      account: state.cityAccount,
      shapes: [
        { name: 'project', input: () => ({ subject: 'PROJECT', month: lastMonth, order: 'desc' }) },
        { name: 'company', input: () => ({ subject: 'COMPANY', month: lastMonth, order: 'desc' }) },
        { name: 'committee', input: () => ({ subject: 'COMMITTEE', month: lastMonth, order: 'desc' }) },
        { name: 'project-asc', input: () => ({ subject: 'PROJECT', month: lastMonth, order: 'asc' }) },
      ],
      api: (input) => `/api/owner-evaluations/ranking?${queryString(input)}`,
      raw: (pool, input) => rawRanking(pool, input),
    },
    {
      name: 'eval-city',
      label: `评价统计 at city level (${state.cityAccount}): the districts, property the year and ${lastMonth}, committee the year`,
      account: state.cityAccount,
      shapes: statShapes,
      api: (input) => `/api/owner-evaluations/statistics?${queryString(input)}`,
      raw: (pool, input) => rawEvaluationStats(pool, null, input),
    },
    {
      name: 'eval-dist',
      label: `评价统计 at district level (${state.lead}): the streets of district ${districtId}, the same periods`,
      account: state.lead,
      shapes: statShapes,
      api: (input) => `/api/owner-evaluations/statistics?${queryString(input)}`,
      raw: (pool, input) => rawEvaluationStats(pool, districtId, input),
    },
    {
      name: 'votes-city',
      label: `业主决策 使用情况 (${year}), 会议统计, 表决议题统计 at city level (${state.cityAccount})`,
      account: state.cityAccount,
      shapes: decisionShapes,
      api: ({ table }) => `/api/owner-decisions/statistics/${table}`,
      raw: (pool, input) => rawDecisions(pool, null, input),
    },
    {
      name: 'votes-dist',
      label: `业主决策 使用情况 (${year}), 会议统计, 表决议题统计 at district level (${state.lead}, district ${districtId})`,
      account: state.lead,
      shapes: decisionShapes,
      api: ({ table }) => `/api/owner-decisions/statistics/${table}`,
      raw: (pool, input) => rawDecisions(pool, districtId, input),
    },
  ];
}

// ---- before the load: what a raw scan of the evaluations costs ------------------------------------

async function beforeLoad({ pool, state, log }) {
  log('');
  log('a raw scan of the evaluations instead of the monthly sums (one query, no load): 评价统计 at city level, property, the year');
  const t0 = performance.now();
  const [rows] = await pool.query(
    "SELECT e.districtId, COUNT(*) AS records, SUM(e.scoreHundredthsSum) AS score FROM (SELECT districtId, scoreHundredths AS scoreHundredthsSum FROM owner_evaluations WHERE target = 'PROPERTY' AND month >= ? AND month <= ?) e GROUP BY e.districtId",
    [`${state.year}-01`, `${state.year}-12`],
  );
  const scanMs = performance.now() - t0;
  const records = rows.reduce((n, r) => n + Number(r.records), 0);
  const [[sums]] = await pool.query("SELECT COALESCE(SUM(records), 0) AS n FROM owner_evaluation_area_months WHERE target = 'PROPERTY' AND month >= ? AND month <= ?", [`${state.year}-01`, `${state.year}-12`]);
  log(`  ${int(records)} evaluations scanned in ${scanMs.toFixed(0)} ms (the monthly sums hold ${int(sums.n)} for the same period: ${Number(sums.n) === records ? 'equal' : 'DIFFERENT'})`);
  state.rawScanMs = scanMs;
  state.rawScanEqual = Number(sums.n) === records;
}

// ---- with the api: 2,000 owners ballot on one vote -------------------------------------------------

async function withApi({ dataSource, api, log, target, inProcessApp }) {
  log('');
  log(`${int(BALLOT_OWNERS)} owners cast their ballots on one vote at once`);
  const [area] = await dataSource.query(
    'SELECT b.propertyAreaId AS id, a.districtId, a.streetId, a.communityId, COUNT(DISTINCT b.identityId) AS owners FROM owner_house_bindings b JOIN property_areas a ON a.id = b.propertyAreaId GROUP BY b.propertyAreaId, a.districtId, a.streetId, a.communityId ORDER BY owners DESC LIMIT 1',
  );
  if (Number(area.owners) < BALLOT_OWNERS) throw new Error(`the largest area has ${area.owners} bound owners, fewer than ${BALLOT_OWNERS}`);
  // one house each (an owner of two houses ballots for the first)
  const voters = (
    await dataSource.query('SELECT identityId, MIN(houseId) AS houseId FROM owner_house_bindings WHERE propertyAreaId = ? GROUP BY identityId ORDER BY identityId LIMIT ?', [area.id, BALLOT_OWNERS])
  ).map((r) => ({ identityId: Number(r.identityId), houseId: Number(r.houseId) }));
  const [{ accountId }] = await dataSource.query("SELECT id AS accountId FROM accounts WHERE status = 'ACTIVE' ORDER BY id LIMIT 1");
  const { voteNumber } = loadApi('modules/owner-decisions/vote-rules.js');
  const { VoteClockService } = loadApi('modules/owner-decisions/vote-clock.service.js');
  const { VoteUnitsService } = loadApi('modules/owner-decisions/vote-units.service.js');
  const { tallyTopic } = loadApi('modules/owner-decisions/vote-tally.js');
  const { OwnerTokens } = loadApi('modules/owners/owner-session.js');

  // a published vote that begins now; the vote clock opens it (freezing its scope's totals)
  const now = Date.now();
  const inserted = await dataSource.query(
    `INSERT INTO owner_votes (voteNo, propertyAreaId, districtId, streetId, communityId, title, meetingType, convener, scope, buildingIds, beginAt, endAt, state, \`delayed\`, createdById)
     VALUES (?, ?, ?, ?, ?, '业主大会临时会议（压力测试）', 'EXTRAORDINARY', 'STREET_OFFICE', 'AREA', '[]', ?, ?, 'PUBLISHED', 0, ?)`,
    [`BENCH-${now}`, area.id, area.districtId, area.streetId, area.communityId, new Date(now - 60_000), new Date(now + 3600_000), accountId],
  );
  const voteId = Number(inserted.insertId);
  await dataSource.query('UPDATE owner_votes SET voteNo = ? WHERE id = ?', [voteNumber(Number(area.id), voteId), voteId]);
  await dataSource.query("INSERT INTO owner_vote_topics (voteId, seq, content, category) VALUES (?, 1, '续聘现物业服务企业', 'HIRE_COMPANY'), (?, 2, '使用维修资金更换电梯', 'USE_FUND')", [voteId, voteId]);
  const topics = (await dataSource.query('SELECT id, category FROM owner_vote_topics WHERE voteId = ? ORDER BY seq', [voteId])).map((t) => ({ id: Number(t.id), category: t.category }));

  const app = await inProcessApp();
  try {
    const clock = app.get(VoteClockService);
    const tokens = app.get(OwnerTokens);
    log(`  vote ${voteId} in area ${area.id} (${int(area.owners)} bound owners): ${await clock.step(voteId)} after the clock's step`);

    // the choices: the first topic mostly agreed, the second split
    const choices = (k) => [
      { topicId: topics[0].id, choice: k % 10 < 7 ? 'AGREE' : k % 10 < 9 ? 'DISAGREE' : 'ABSTAIN' },
      { topicId: topics[1].id, choice: k % 2 === 0 ? 'AGREE' : k % 3 === 0 ? 'ABSTAIN' : 'DISAGREE' },
    ];
    const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
    const cast = (k, voter) =>
      new Promise((resolve) => {
        const body = JSON.stringify({ houseId: voter.houseId, choices: choices(k) });
        const t0 = performance.now();
        const req = http.request(
          { agent, host: '127.0.0.1', port: api.port, method: 'POST', path: `/api/owner/votes/${voteId}/ballots`, headers: { Authorization: `Bearer ${tokens.sign(voter.identityId)}`, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } },
          (res) => {
            const chunks = [];
            res.on('data', (c) => chunks.push(c));
            res.on('end', () => resolve({ k, status: res.statusCode, text: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - t0 }));
          },
        );
        req.on('error', (error) => resolve({ k, status: 0, text: String(error), ms: performance.now() - t0 }));
        req.end(body);
      });
    // a phone whose connection was refused before any answer (the listen queue overflowing under 2,200 at
    // once) sends again, as the mini-program's request does; an answer of any status is final
    let resent = 0;
    const castUntilAnswered = async (k, voter) => {
      for (let attempt = 0; ; attempt++) {
        const answer = await cast(k, voter);
        if (answer.status !== 0 || attempt === 4) return answer;
        resent += 1;
        await new Promise((done) => setTimeout(done, 200 * (attempt + 1)));
      }
    };
    // every owner once, and a tenth of them a second time at the same moment (a double tap)
    const doubles = voters.filter((_, k) => k % 10 === 0);
    const started = performance.now();
    const answers = await Promise.all([...voters.map((v, k) => castUntilAnswered(k, v)), ...doubles.map((v) => castUntilAnswered(voters.indexOf(v), v))]);
    const wallMs = performance.now() - started;
    agent.destroy();
    const ok = answers.filter((a) => a.status === 200);
    const refused = answers.filter((a) => a.status !== 200);
    const byStatus = Object.entries(refused.reduce((m, a) => ({ ...m, [`${a.status} ${(/"code":"([A-Z_]+)"/.exec(a.text) ?? [])[1] ?? a.text.slice(0, 60)}`]: (m[`${a.status} ${(/"code":"([A-Z_]+)"/.exec(a.text) ?? [])[1] ?? a.text.slice(0, 60)}`] ?? 0) + 1 }), {}));
    const latency = latencySummary(answers.map((a) => a.ms));
    log(`  ${int(answers.length)} casts (${int(voters.length)} owners + ${int(doubles.length)} double taps) in ${(wallMs / 1000).toFixed(1)} s (${int(resent)} resent after a refused connection): ${int(ok.length)} accepted, refused ${byStatus.map(([k, n]) => `${k} × ${n}`).join(', ') || 'none'}; latency p50 ${latency.p50.toFixed(0)} ms, p95 ${latency.p95.toFixed(0)} ms, max ${Math.max(...answers.map((a) => a.ms)).toFixed(0)} ms`);

    // the end comes: the clock counts it
    await dataSource.query('UPDATE owner_votes SET endAt = ? WHERE id = ?', [new Date(Date.now() - 1000), voteId]);
    const closeStarted = performance.now();
    const state = await clock.step(voteId);
    log(`  closed by the vote clock in ${(performance.now() - closeStarted).toFixed(0)} ms: ${state}`);

    const ballots = await dataSource.query('SELECT topicId, houseId, identityId, choice FROM owner_vote_ballots WHERE voteId = ?', [voteId]);
    const perTopic = topics.map((t) => ballots.filter((b) => Number(b.topicId) === t.id));
    const expectedHouses = new Set(voters.map((v) => v.houseId));
    const onceEach = perTopic.every((list) => list.length === voters.length && new Set(list.map((b) => Number(b.houseId))).size === voters.length && list.every((b) => expectedHouses.has(Number(b.houseId))));
    const identityOf = new Map(voters.map((v) => [v.houseId, v.identityId]));
    const byItsOwner = ballots.every((b) => identityOf.get(Number(b.houseId)) === Number(b.identityId));
    const choicesMatch = voters.every((v, k) => choices(k).every((c) => ballots.some((b) => Number(b.topicId) === c.topicId && Number(b.houseId) === v.houseId && b.choice === c.choice)));
    log(`  ballots stored: ${perTopic.map((list, i) => `topic ${i + 1} ${int(list.length)}`).join(', ')}; one per owner and topic: ${onceEach}, each by its owner: ${byItsOwner}, each with the owner's choice: ${choicesMatch}`);

    // the stored tally against a recount: the module's tally over the scope, and plain SQL sums of the houses' areas
    const [vote] = await dataSource.query('SELECT state, totalAreaHundredths, totalPersons, participationAreaBp, participationPersonsBp, scope, buildingIds, propertyAreaId FROM owner_votes WHERE id = ?', [voteId]);
    const scope = await new VoteUnitsService().scope(dataSource.manager, { propertyAreaId: Number(vote.propertyAreaId), scope: vote.scope, buildingIds: JSON.parse(vote.buildingIds) });
    const stored = await dataSource.query('SELECT id, quorumReached, passed, participatingAreaHundredths, participatingPersons, agreeAreaHundredths, agreePersons FROM owner_vote_topics WHERE voteId = ? ORDER BY seq', [voteId]);
    const houseArea = 'ROUND(CASE WHEN h.buildingArea IS NOT NULL AND h.buildingArea > 0 THEN h.buildingArea ELSE h.floorArea END * 100)';
    let tallyEqual = true;
    topics.forEach((t, i) => {
      const recount = tallyTopic(scope, t.category, perTopic[i].map((b) => ({ houseId: Number(b.houseId), choice: b.choice })));
      const s = stored[i];
      const same =
        Boolean(Number(s.quorumReached)) === recount.quorumReached &&
        Boolean(Number(s.passed)) === recount.passed &&
        s.participatingAreaHundredths === recount.participating.area.toString() &&
        Number(s.participatingPersons) === recount.participating.persons &&
        s.agreeAreaHundredths === recount.agree.area.toString() &&
        Number(s.agreePersons) === recount.agree.persons;
      tallyEqual &&= same;
      log(`  topic ${i + 1} (${t.category}): stored participating ${s.participatingAreaHundredths} hundredths m² / ${s.participatingPersons} persons, agree ${s.agreeAreaHundredths} / ${s.agreePersons}, quorum ${Boolean(Number(s.quorumReached))}, passed ${Boolean(Number(s.passed))}; recount ${same ? 'equal' : `DIFFERENT (${recount.participating.area} / ${recount.participating.persons}, agree ${recount.agree.area} / ${recount.agree.persons})`}`);
    });
    const sqlSums = await dataSource.query(
      `SELECT b.topicId, COUNT(*) AS n, SUM(${houseArea}) AS area, SUM(CASE WHEN b.choice = 'AGREE' THEN ${houseArea} ELSE 0 END) AS agreeArea FROM owner_vote_ballots b JOIN houses h ON h.id = b.houseId WHERE b.voteId = ? GROUP BY b.topicId ORDER BY b.topicId`,
      [voteId],
    );
    const sqlEqual = sqlSums.every((r, i) => Number(r.n) === voters.length && String(BigInt(r.area)) === stored[i].participatingAreaHundredths && String(BigInt(r.agreeArea)) === stored[i].agreeAreaHundredths);
    log(`  SQL sums of the ballots' house areas ${sqlEqual ? 'equal' : 'DIFFER from'} the stored participating and agreeing areas; vote state ${vote.state}, totals ${vote.totalAreaHundredths} / ${vote.totalPersons}, participation ${vote.participationAreaBp} / ${vote.participationPersonsBp} bp`);

    const acceptedOnce = ok.length === voters.length && refused.every((a) => a.status === 409 || a.status === 400 || a.status === 422);
    target(`ballots: every one of ${int(voters.length)} owners' casts accepted once, the ${int(doubles.length)} double taps refused`, `${int(ok.length)} accepted, ${int(refused.length)} refused`, acceptedOnce && refused.length === doubles.length);
    target('ballots: stored once per owner and topic, by the owner, with the owner’s choice', `${perTopic.map((l) => int(l.length)).join(' + ')} rows`, onceEach && byItsOwner && choicesMatch);
    target('ballots: stored tally = recount (module tally and SQL area sums)', tallyEqual && sqlEqual ? 'equal' : 'DIFFERENT', tallyEqual && sqlEqual && vote.state === 'PUBLICITY');
    target(`ballots: p95 of ${int(answers.length)} concurrent casts (reported)`, `${latency.p95.toFixed(0)} ms`, null);
  } finally {
    await app.close();
  }
}

async function afterLoad({ state, target }) {
  if (state.rawScanMs !== undefined) target('raw scan of the year’s evaluations at city level (why the monthly sums): ≤ 100 ms', `${state.rawScanMs.toFixed(0)} ms`, state.rawScanMs <= TARGETS.p95Ms && state.rawScanEqual);
}

if (isMain(import.meta.url)) {
  runAsScript(() =>
    runBenchmark({
      name: 'owner-evaluations',
      title: 'chapters 9 and 10 benchmark (评价排名, 评价统计 city and district, 业主决策 statistics; 2,000 owners balloting on one vote)',
      params: {
        seed: 7,
        city: { propertyAreas: AREAS, companies: Math.round(AREAS * 0.3), projectManagers: AREAS, developers: Math.round(AREAS * 0.15), houses: HOUSES },
        generator: 1,
      },
      generate,
      counts,
      setup,
      beforeLoad,
      withApi,
      afterLoad,
      scenarios,
      soakScenario: 'eval-city',
      targets: { p95Ms: TARGETS.p95Ms, apiOverRawP95: TARGETS.apiOverRaw, perShapeRatio: true },
    }),
  );
}

// the seed parameters and record counts of the bench database (bench_meta), for a database seeded by the CLI
export { counts, generate };
