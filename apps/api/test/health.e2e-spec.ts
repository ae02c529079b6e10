import { startTestApp, TestApp } from './support/test-app';

describe('health and error conventions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ seed: false });
  });
  afterAll(() => t.close());

  it('answers liveness and readiness', async () => {
    await t.http().get('/health').expect(200, { status: 'ok' });
    const ready = await t.http().get('/health/ready').expect(200);
    expect(ready.body.checks.database).toBe('ok');
  });

  it('answers malformed JSON with 400 MALFORMED_BODY and a request id', async () => {
    const response = await t.http().post('/api/auth/login').set('content-type', 'application/json').send('{"username":');
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('MALFORMED_BODY');
    expect(response.body.requestId).toEqual(expect.any(String));
  });

  it('names the missing field once, in Chinese', async () => {
    const response = await t.http().post('/api/auth/login').send({ username: 'someone' }).expect(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.details).toEqual([{ field: 'password', constraint: 'isNotEmpty', message: 'password不能为空' }]);
  });

  it('refuses fields the endpoint does not take', async () => {
    const response = await t.http().post('/api/auth/login').send({ username: 'a', password: 'b', role: 'CITY_ADMIN' }).expect(400);
    expect(response.body.details).toEqual([expect.objectContaining({ field: 'role', constraint: 'whitelistValidation' })]);
  });

  it('requires a token for everything that is not public', async () => {
    const response = await t.http().get('/api/regions/tree').expect(401);
    expect(response.body.code).toBe('UNAUTHENTICATED');
    await t.http().get('/api/regions/tree').set('Authorization', 'Bearer not-a-token').expect(401);
  });

  it('serves the OpenAPI document', async () => {
    const response = await t.http().get('/docs-json').expect(200);
    expect(response.body.paths['/api/auth/login']).toBeDefined();
  });
});
