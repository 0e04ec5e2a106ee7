import type { Db } from '../db/database.ts';
import type { JsonObject, JsonValue } from '../jobs/job.table.ts';
import type { ChangeRecord } from './change-hooks.ts';
import { hashWithSalt, workspaceSalt } from './customer-hash.ts';

/**
 * Keys that name a customer, at any depth of a change's data. `customerId` is the internal
 * id when it is a number (services pass the row id) and the external id when it is a string.
 */
const CUSTOMER_ID_KEYS: ReadonlySet<string> = new Set([
  'customerId',
  'externalId',
  'customerExternalId',
]);
/** Keys whose values are about a customer and never enter the log, not even hashed. */
const DROPPED_KEYS: ReadonlySet<string> = new Set(['attributes']);
/** Where a customer's hash goes in place of the identifier. */
const HASH_KEY = 'customer';
/** The resource whose resource ids are customers' external ids. */
const CUSTOMER_RESOURCE = 'customer';

/** A change as the audit log may hold it. */
export interface RedactedChange {
  readonly resourceId: string;
  readonly data: JsonObject;
  /** The hash of the one customer the change is about, if it is about exactly one. */
  readonly customerHash: string | null;
}

const isObject = (value: JsonValue): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every customer identifier in `value`: internal ids and external ids. */
function collectIdentifiers(
  value: JsonValue,
  found: { internal: Set<number>; external: Set<string> },
): void {
  if (Array.isArray(value)) {
    for (const item of value) collectIdentifiers(item, found);
    return;
  }
  if (!isObject(value)) return;
  for (const [key, item] of Object.entries(value)) {
    if (CUSTOMER_ID_KEYS.has(key)) {
      if (typeof item === 'number') found.internal.add(item);
      else if (typeof item === 'string') found.external.add(item);
    } else {
      collectIdentifiers(item, found);
    }
  }
}

/** How one change's customers are named in the log: each identifier's hash. */
type HashOf = (id: number | string) => string | undefined;

/**
 * `text` with every known external id in it replaced by its hash: free text (a reason, a
 * note) may quote a customer's id. Longer ids first, so an id inside another is not cut.
 */
function redactText(text: string, externalIds: readonly string[], hashOf: HashOf): string {
  let out = text;
  for (const id of externalIds) {
    if (out.includes(id)) out = out.split(id).join(hashOf(id) ?? '');
  }
  return out;
}

/** `value` with identifiers replaced by hashes (unresolvable ones dropped) and dropped keys gone. */
function replaceIdentifiers(
  value: JsonValue,
  externalIds: readonly string[],
  hashOf: HashOf,
): JsonValue {
  if (typeof value === 'string') return redactText(value, externalIds, hashOf);
  if (Array.isArray(value))
    return value.map((item) => replaceIdentifiers(item, externalIds, hashOf));
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, item] of Object.entries(value)) {
    if (DROPPED_KEYS.has(key)) continue;
    if (CUSTOMER_ID_KEYS.has(key)) {
      const hash = typeof item === 'number' || typeof item === 'string' ? hashOf(item) : undefined;
      if (hash !== undefined) out[HASH_KEY] = hash;
    } else {
      out[key] = replaceIdentifiers(item, externalIds, hashOf);
    }
  }
  return out;
}

async function externalIdsOf(
  db: Db,
  workspaceId: string,
  internalIds: ReadonlySet<number>,
): Promise<Map<number, string>> {
  if (internalIds.size === 0) return new Map();
  const rows = await db
    .selectFrom('customers')
    .select(['id', 'external_id'])
    .where('workspace_id', '=', workspaceId)
    .where('id', 'in', [...internalIds])
    .execute();
  return new Map(rows.map((r) => [r.id, r.external_id]));
}

/**
 * Makes a change fit for the audit log, which must never hold a customer identifier in plain
 * form (an erased customer then leaves no row that names them): customer ids and external ids
 * anywhere in `data` become the customer's salted hash under `customer`, the external id
 * quoted in free text (a reason) becomes the hash too, attribute values are dropped, and a
 * `customer` resource's id (an external id) becomes its hash. A change whose events all
 * concern one customer names that customer's hash too. A change outside any workspace has
 * no salt, so its identifiers are dropped.
 *
 * @example
 * await redactCustomerIdentifiers(trx, { ...change, data: { customerId: 17, tagId } });
 * // → { data: { customer: '9f2c…', tagId }, customerHash: '9f2c…', resourceId }
 */
export async function redactCustomerIdentifiers(
  db: Db,
  change: Pick<ChangeRecord, 'workspaceId' | 'resource' | 'resourceId' | 'data' | 'events'>,
): Promise<RedactedChange> {
  const found = { internal: new Set<number>(), external: new Set<string>() };
  collectIdentifiers(change.data, found);
  // A change whose events all concern one customer is about that customer (an auto-assigned
  // tag names its holding, not its holder), so the log can still be searched by customer.
  const eventCustomers = new Set(change.events.map((event) => event.customerId));
  const eventCustomer = eventCustomers.size === 1 ? [...eventCustomers][0]! : undefined;
  if (eventCustomer !== undefined) found.internal.add(eventCustomer);
  const isCustomerResource = change.resource === CUSTOMER_RESOURCE;
  if (isCustomerResource) found.external.add(change.resourceId);

  const hashes = new Map<number | string, string>();
  const { workspaceId } = change;
  if (workspaceId !== null && (found.internal.size > 0 || found.external.size > 0)) {
    const resolved = await externalIdsOf(db, workspaceId, found.internal);
    const salt = await workspaceSalt(db, workspaceId);
    for (const externalId of found.external) hashes.set(externalId, hashWithSalt(salt, externalId));
    for (const [internalId, externalId] of resolved) {
      const hash = hashWithSalt(salt, externalId);
      hashes.set(internalId, hash);
      // Known by its external id too, so free text quoting it is redacted.
      hashes.set(externalId, hash);
    }
  }
  const distinct = new Set(hashes.values());
  const only = distinct.size === 1 ? [...distinct][0]! : null;
  const externalIds = [...hashes.keys()]
    .filter((id): id is string => typeof id === 'string')
    .sort((a, b) => b.length - a.length);
  const data = replaceIdentifiers(change.data, externalIds, (id) => hashes.get(id)) as JsonObject;
  const eventHash = eventCustomer === undefined ? undefined : hashes.get(eventCustomer);
  if (eventHash !== undefined && data[HASH_KEY] === undefined) data[HASH_KEY] = eventHash;
  return {
    resourceId: isCustomerResource
      ? (hashes.get(change.resourceId) ?? 'redacted')
      : change.resourceId,
    data,
    customerHash: only,
  };
}
