import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { repositoryRoot } from './tagwise-cli.ts';

interface OpenApiDocument {
  readonly paths: Record<
    string,
    Record<string, { responses?: Record<string, DocumentedResponse> }>
  >;
}

interface DocumentedResponse {
  readonly content?: Record<string, { schema?: unknown }>;
}

/** A documented path as a pattern; the more literal segments, the more specific. */
interface DocumentedPath {
  readonly template: string;
  readonly pattern: RegExp;
  readonly literalSegments: number;
}

const DOCUMENT_ID = 'tagwise-openapi';
const document = JSON.parse(
  readFileSync(join(repositoryRoot, 'packages', 'api', 'openapi.json'), 'utf8'),
) as OpenApiDocument;

// OpenAPI 3.1 schemas are JSON Schema 2020-12; `strict: false` lets the document's own
// keywords (`paths`, `example`, `x-tagwise-roles`) pass through.
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema(withClosedObjects(document), DOCUMENT_ID);

/**
 * The document with every object schema closed (`unevaluatedProperties: false`), so an
 * answer carrying a field the document does not name fails too; the generator leaves them
 * open. A component that another schema extends through `allOf` stays open itself (it
 * would refuse the extension's fields) and is closed where it is referenced directly.
 */
function withClosedObjects(source: OpenApiDocument): OpenApiDocument {
  const copy = structuredClone(source) as unknown;
  const extended = new Set<string>();
  visit(copy, (schema) => {
    for (const part of (schema.allOf as Schema[] | undefined) ?? []) {
      if (typeof part.$ref === 'string') extended.add(part.$ref);
    }
  });
  const components = (copy as { components?: { schemas?: Record<string, Schema> } }).components;
  const extendedComponents = new Set(
    Object.entries(components?.schemas ?? {})
      .filter(([name]) => extended.has(`#/components/schemas/${name}`))
      .map(([, schema]) => schema),
  );
  visit(copy, (schema, inAllOf) => {
    // A part of an `allOf` is closed by the schema that combines the parts.
    if (inAllOf || extendedComponents.has(schema) || 'additionalProperties' in schema) return;
    const combinesParts = schema.allOf !== undefined;
    const refersToExtended = typeof schema.$ref === 'string' && extended.has(schema.$ref);
    if (schema.properties !== undefined || combinesParts || refersToExtended) {
      schema.unevaluatedProperties = false;
    }
  });
  return copy as OpenApiDocument;
}

type Schema = Record<string, unknown>;

/** Calls `action` on every object in `value`, saying whether it is a part of an `allOf`. */
function visit(
  value: unknown,
  action: (schema: Schema, inAllOf: boolean) => void,
  inAllOf = false,
): void {
  if (Array.isArray(value)) {
    for (const item of value) visit(item, action, inAllOf);
  } else if (typeof value === 'object' && value !== null) {
    const schema = value as Schema;
    action(schema, inAllOf);
    for (const [key, child] of Object.entries(schema)) visit(child, action, key === 'allOf');
  }
}

const documentedPaths: DocumentedPath[] = Object.keys(document.paths).map((template) => {
  const segments = template.split('/');
  const pattern = segments
    .map((segment) => (segment.startsWith('{') ? '[^/]+' : escapeRegExp(segment)))
    .join('/');
  return {
    template,
    pattern: new RegExp(`^${pattern}$`),
    literalSegments: segments.filter((segment) => !segment.startsWith('{')).length,
  };
});

const validators = new Map<string, ValidateFunction>();

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function pointerSegment(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}

/** The documented path a request path falls under; a literal segment beats a parameter. */
function documentedPathOf(path: string): string | undefined {
  let best: DocumentedPath | undefined;
  for (const candidate of documentedPaths) {
    if (!candidate.pattern.test(path)) continue;
    if (best === undefined || candidate.literalSegments > best.literalSegments) best = candidate;
  }
  return best?.template;
}

/** Whether a body of this content type is JSON (plain or an RFC 9457 problem). */
export function isJsonMediaType(contentType: string | null): boolean {
  return contentType !== null && /^application\/(problem\+)?json\b/.test(contentType);
}

/**
 * What is wrong with an answer of the API against the committed OpenAPI document, or an
 * empty list when it matches: the status must be documented for the operation, and a JSON
 * body must match the schema documented for that status and media type. An answer under
 * `/v1/` other than 404 must come from a documented path; other paths (the workbench's
 * files) are not checked.
 */
export function openApiViolations(
  method: string,
  url: string,
  status: number,
  contentType: string | null,
  /** The parsed body when it is JSON; other bodies are not checked beyond their media type. */
  body?: unknown,
): string[] {
  const path = new URL(url).pathname;
  const template = documentedPathOf(path);
  if (template === undefined) {
    // Every API route is documented; a 404 is the answer to a path no route serves.
    return path.startsWith('/v1/') && status !== 404
      ? [`${method} ${path} → ${status}: no documented path matches`]
      : [];
  }
  const operation = document.paths[template]?.[method.toLowerCase()];
  const where = `${method} ${template} → ${status}`;
  if (operation === undefined) return [`${method} ${template} is not documented`];
  const response = operation.responses?.[String(status)];
  if (response === undefined) return [`${where}: status not documented`];
  const mediaType = contentType?.split(';')[0]?.trim();
  if (mediaType === undefined || response.content?.[mediaType] === undefined) {
    return response.content === undefined || status === 204
      ? []
      : [`${where}: content type ${mediaType ?? 'none'} not documented`];
  }
  if (body === undefined) return [];
  const pointer = [
    'paths',
    template,
    method.toLowerCase(),
    'responses',
    String(status),
    'content',
    mediaType,
    'schema',
  ]
    .map(pointerSegment)
    .join('/');
  let validate = validators.get(pointer);
  if (validate === undefined) {
    validate = ajv.compile({ $ref: `${DOCUMENT_ID}#/${pointer}` });
    validators.set(pointer, validate);
  }
  if (validate(body)) return [];
  return (validate.errors ?? []).map(
    (error) => `${where}: ${error.instancePath || '(body)'} ${error.message ?? 'is invalid'}`,
  );
}

/**
 * Throws when a response does not match the OpenAPI document (see `openApiViolations`).
 * Reads a clone, so the caller can still read the body; streams are not read.
 */
export async function assertMatchesOpenApi(method: string, response: Response): Promise<void> {
  const contentType = response.headers.get('content-type');
  const text = isJsonMediaType(contentType) ? await response.clone().text() : '';
  const body: unknown = text === '' ? undefined : JSON.parse(text);
  const violations = openApiViolations(method, response.url, response.status, contentType, body);
  if (violations.length > 0) {
    throw new Error(`the answer does not match the OpenAPI document:\n${violations.join('\n')}`);
  }
}
