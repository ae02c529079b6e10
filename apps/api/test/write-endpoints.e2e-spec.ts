import { OpenApi, resolveSchema, Schema } from './support/openapi';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Walks the OpenAPI document, so every write endpoint any module adds is covered without being
 * listed here: a malformed body never causes a 500, and a wrong value is a 400 naming the field.
 */

const WRITE_METHODS = ['post', 'put', 'patch'] as const;
/** accounts tried in turn until one passes the access guard, so the body reaches validation */
const ACTORS = ['city.admin', 'futian.lead', 'futian.supervisor', 'futian.handler', 'demo.company', 'demo.manager', 'demo.committee', 'futian.street.yuanling'];

/** A value no declared type of the property accepts. */
function wrongValueFor(schema: Schema): unknown {
  if (schema.type === 'object' || schema.$ref || schema.allOf) return 'not-an-object';
  if (schema.type === 'array') return 'not-a-list';
  return { unexpected: { nested: true } };
}

describe('every write endpoint validates its body', () => {
  let t: TestApp;
  let document: OpenApi;
  const tokens: string[] = [];
  const endpoints: Array<{ method: (typeof WRITE_METHODS)[number]; path: string; schema: Schema | null }> = [];

  beforeAll(async () => {
    t = await startTestApp();
    document = (await t.http().get('/docs-json').expect(200)).body;
    for (const username of ACTORS) tokens.push(await t.login(username));
    // the owners' side (/api/owner) takes an owner's token
    tokens.push(await t.ownerToken());
    for (const [path, item] of Object.entries(document.paths)) {
      for (const method of WRITE_METHODS) {
        const operation = item[method];
        if (!operation) continue;
        const content = operation.requestBody?.content ?? {};
        if (content['multipart/form-data']) continue; // uploads: no JSON body
        endpoints.push({ method, path, schema: resolve(content['application/json']?.schema ?? null) });
      }
    }
  });
  afterAll(() => t.close());

  const resolve = (schema: Schema | null) => resolveSchema(document, schema);

  const concrete = (path: string) => path.replace(/\{[^}]+\}/g, '1');

  /** Sends the request as each actor until one gets past authentication and grants. */
  async function send(method: string, path: string, body: string | object) {
    let last: { status: number; body: { code?: string; details?: Array<{ field: string }> } } | undefined;
    for (const token of ['', ...tokens]) {
      const request = t.http()[method as 'post'](concrete(path)).set('content-type', 'application/json');
      if (token) request.set('Authorization', `Bearer ${token}`);
      const response = await request.send(body as object);
      last = response;
      if (response.status !== 401 && response.status !== 403) return response;
      if (response.body.code === 'OUT_OF_DISTRICT') return response;
    }
    return last!;
  }

  it('finds the write endpoints in the OpenAPI document', () => {
    expect(endpoints.length).toBeGreaterThan(10);
    expect(endpoints.map((e) => e.path)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/admin/accounts']));
  });

  it('answers broken JSON with 400 MALFORMED_BODY, never 500', async () => {
    const failures: string[] = [];
    for (const { method, path } of endpoints) {
      const response = await send(method, path, '{"broken":');
      if (response.status !== 400 || response.body.code !== 'MALFORMED_BODY') failures.push(`${method} ${path} → ${response.status} ${response.body.code}`);
    }
    expect(failures).toEqual([]);
  });

  it('answers a wrong value with 400 naming the field', async () => {
    const failures: string[] = [];
    for (const { method, path, schema } of endpoints) {
      const properties = Object.entries(schema?.properties ?? {});
      for (const [field, property] of properties) {
        const response = await send(method, path, { [field]: wrongValueFor(resolve(property) ?? property) });
        const named = (response.body.details ?? []).some((d: { field: string }) => d.field === field || d.field.startsWith(`${field}.`));
        if (response.status !== 400 || !named) failures.push(`${method} ${path} ${field} → ${response.status} ${JSON.stringify(response.body).slice(0, 160)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('refuses fields an endpoint does not declare', async () => {
    const failures: string[] = [];
    for (const { method, path, schema } of endpoints) {
      if (!schema?.properties) continue;
      const response = await send(method, path, { notADeclaredField: 1 });
      const named = (response.body.details ?? []).some((d: { field: string }) => d.field === 'notADeclaredField');
      if (response.status !== 400 || !named) failures.push(`${method} ${path} → ${response.status}`);
    }
    expect(failures).toEqual([]);
  });

  it('never answers an array or a bare value with a 500', async () => {
    const failures: string[] = [];
    for (const { method, path } of endpoints) {
      for (const body of ['[1,2]', '"text"', '42', 'null']) {
        const response = await send(method, path, body);
        if (response.status >= 500) failures.push(`${method} ${path} ${body} → ${response.status}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
