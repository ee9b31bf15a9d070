import type { TestApp } from './test-app';

export interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI path, e.g. /api/users/{id} */
  path: string;
  key: string;
  operation: { summary?: string; tags?: string[]; security?: unknown[]; parameters?: { name: string; in: string; required?: boolean; schema?: Schema }[]; requestBody?: { content: Record<string, { schema: Schema }> } };
}

export interface Schema {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  nullable?: boolean;
  allOf?: Schema[];
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation['operation']>>;
  components: { schemas: Record<string, Schema> };
}

export async function openApi(app: TestApp): Promise<OpenApiDocument> {
  return (await app.http().get('/api/docs-json').expect(200)).body;
}

export function operations(doc: OpenApiDocument): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ method: method as Operation['method'], path, key: `${method.toUpperCase()} ${path}`, operation })),
  );
}

export function resolve(doc: OpenApiDocument, schema: Schema): Schema {
  if (schema.$ref) return resolve(doc, doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')]);
  if (schema.allOf) {
    const parts = schema.allOf.map((s) => resolve(doc, s));
    return { type: 'object', properties: Object.assign({}, ...parts.map((p) => p.properties ?? {})), required: parts.flatMap((p) => p.required ?? []) };
  }
  return schema;
}

export function bodySchema(doc: OpenApiDocument, op: Operation): Schema | undefined {
  const schema = op.operation.requestBody?.content['application/json']?.schema;
  return schema ? resolve(doc, schema) : undefined;
}

/** Fills the path parameters of an OpenAPI path. */
export function fill(path: string, params: Record<string, string | number>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in params)) throw new Error(`No value for {${name}} in ${path}`);
    return String(params[name]);
  });
}
