import { TestApp } from './support/test-app';
import { bodySchema, fill, openApi, type OpenApiDocument, type Operation, operations, resolve, type Schema } from './support/openapi';

/** A value of the wrong type for a property of this schema. */
function wrongValue(schema: Schema): unknown {
  switch (schema.type) {
    case 'string':
      return 12345;
    case 'integer':
    case 'number':
      return 'not-a-number';
    case 'boolean':
      return 'yes';
    case 'array':
      return 'not-an-array';
    case 'object':
      return 'not-an-object';
    default:
      return { unexpected: true };
  }
}

/** A minimal valid body: each required property with a plausible value, so that only the tested field is wrong. */
function validBody(doc: OpenApiDocument, schema: Schema): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const name of schema.required ?? []) {
    const p = resolve(doc, schema.properties![name]);
    body[name] = p.type === 'string' ? 'valid-value-1' : p.type === 'integer' || p.type === 'number' ? 1 : p.type === 'boolean' ? true : p.type === 'array' ? [1] : {};
  }
  return body;
}

describe('bad input on every route gets a 4xx with the reason, never a 500', () => {
  let app: TestApp;
  let admin: ReturnType<TestApp['as']>;
  let doc: OpenApiDocument;
  let ops: Operation[];
  const params = { id: 1, key: 'user.enable', authorizationId: 1, number: 1, uploadId: '00000000-0000-4000-8000-000000000000', offset: 0, sha512: 'a'.repeat(128), c1: 'a', c12: 'aa' };

  beforeAll(async () => {
    app = await TestApp.start({ env: { JSON_BODY_LIMIT_BYTES: '65536' } });
    admin = app.as(await app.loginAdmin());
    doc = await openApi(app);
    ops = operations(doc);
  });
  afterAll(() => app.close());

  it('refuses unknown fields in every body', async () => {
    const failures: string[] = [];
    for (const op of ops) {
      const schema = bodySchema(doc, op);
      if (!schema) continue;
      const res = await admin[op.method](fill(op.path, params)).send({ ...validBody(doc, schema), notAField: 1 });
      if (res.status !== 400 || !JSON.stringify(res.body.details).includes('notAField')) failures.push(`${op.key} → ${res.status} ${JSON.stringify(res.body)}`);
    }
    expect(failures).toEqual([]);
  });

  it('refuses a wrong type in each field of every body, naming the field', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const op of ops) {
      const schema = bodySchema(doc, op);
      if (!schema?.properties) continue;
      for (const [name, prop] of Object.entries(schema.properties)) {
        const res = await admin[op.method](fill(op.path, params)).send({ ...validBody(doc, schema), [name]: wrongValue(resolve(doc, prop)) });
        checked++;
        const named = JSON.stringify(res.body.details ?? res.body.message).includes(name);
        if (res.status !== 400 || !named) failures.push(`${op.key} ${name} → ${res.status} ${JSON.stringify(res.body)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(25);
  });

  it('refuses bodies that are not JSON objects, malformed JSON and oversized bodies', async () => {
    const failures: string[] = [];
    const big = JSON.stringify({ name: 'x'.repeat(70_000) });
    for (const op of ops.filter((o) => bodySchema(doc, o))) {
      const url = fill(op.path, params);
      const arr = await admin[op.method](url).send([1, 2]);
      if (arr.status !== 400) failures.push(`${op.key} array → ${arr.status}`);
      const malformed = await admin[op.method](url).set('Content-Type', 'application/json').send('{"name": ');
      if (malformed.status !== 400 || !/not valid JSON/.test(malformed.body.message)) failures.push(`${op.key} malformed → ${malformed.status}`);
      const oversize = await admin[op.method](url).set('Content-Type', 'application/json').send(big);
      if (oversize.status !== 413 || !/exceeds the limit of 65536 bytes/.test(oversize.body.message)) failures.push(`${op.key} oversize → ${oversize.status}`);
    }
    expect(failures).toEqual([]);
  });

  it('refuses malformed path ids and query parameters', async () => {
    const failures: string[] = [];
    for (const op of ops.filter((o) => o.path.includes('{id}'))) {
      for (const bad of ['abc', '-1', '0', '1.5', '99999999999']) {
        const res = await admin[op.method](fill(op.path, { ...params, id: bad })).send({});
        if (res.status !== 400 || !/positive integer/.test(res.body.message)) failures.push(`${op.key} id=${bad} → ${res.status}`);
      }
    }
    for (const op of ops.filter((o) => o.method === 'get' && o.operation.parameters?.some((p) => p.name === 'limit'))) {
      for (const query of ['limit=abc', 'limit=0', 'offset=-1', 'sort=1;drop', 'unknownParam=1', `q=${'x'.repeat(300)}`]) {
        const res = await admin.get(`${fill(op.path, params)}?${query}`);
        if (res.status !== 400) failures.push(`${op.key}?${query.slice(0, 20)} → ${res.status}`);
      }
    }
    const entityHeader = await admin.get('/api/users').set('X-Entity-Id', 'abc');
    if (entityHeader.status !== 400) failures.push(`X-Entity-Id=abc → ${entityHeader.status}`);
    expect(failures).toEqual([]);
  });

  it('answers unknown API routes with the JSON error shape', async () => {
    const res = await admin.get('/api/does-not-exist').expect(404);
    expect(res.body).toEqual({ statusCode: 404, error: 'Not Found', message: expect.any(String) });
  });

  it('is still serving after all of that', async () => {
    await app.http().get('/api/health').expect(200);
  });
});
