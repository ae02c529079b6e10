/** The parts of the API's OpenAPI document (`/docs-json`) the generic e2e suites walk. */
export type Schema = {
  type?: string;
  $ref?: string;
  nullable?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  allOf?: Schema[];
  format?: string;
  example?: unknown;
};
export type Parameter = { in: string; name: string; required?: boolean; schema?: Schema };
export type Operation = { requestBody?: { content?: Record<string, { schema?: Schema }> }; parameters?: Parameter[]; security?: unknown[] };
export type OpenApi = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };

/** A schema with its `$ref`s followed and an `allOf` merged into one object schema (a single part keeps its own nullability). */
export function resolveSchema(document: OpenApi, schema: Schema | null): Schema | null {
  if (!schema) return null;
  if (schema.$ref) return resolveSchema(document, document.components.schemas[schema.$ref.split('/').pop() as string]);
  if (schema.allOf) {
    const parts = schema.allOf.map((part) => resolveSchema(document, part)).filter((s): s is Schema => s !== null);
    if (parts.length === 1) return { ...parts[0], nullable: schema.nullable ?? parts[0].nullable };
    return { type: 'object', properties: Object.assign({}, ...parts.map((p) => p.properties)), required: parts.flatMap((p) => p.required ?? []) };
  }
  return schema;
}
