import type { Db } from '@tagwise/api';
import { createRng, type Rng } from '@tagwise/engine';
import { insertChurnModel, insertScoring } from './churn-rows.ts';
import type { TestServer } from './harness.ts';

/** A generated customer and everything a segment can read about them. */
export interface SegmentCustomer {
  readonly externalId: string;
  readonly features: Record<string, number | string | null> | null;
  readonly attributes: Record<string, number | string | null>;
  /** Slugs held now. */
  readonly tags: readonly string[];
  /** In the current scoring; null when not scored. */
  readonly probability: number | null;
  readonly riskBand: string | null;
}

export const SEGMENT_TAGS = ['loyal', 'bargain-hunter', 'new-joiner', 'vip', 'lapsed'] as const;
export const RISK_BANDS = { thresholds: [0.3, 0.6], labels: ['low', 'medium', 'high'] };
export const PLANS = ['gold', 'silver', 'bronze'] as const;
export const REGIONS = ['north', 'south', 'east'] as const;

const pick = <T>(rng: Rng, items: readonly T[]): T => items[rng.nextInt(items.length)]!;

export function bandOf(probability: number): string {
  let i = 0;
  while (i < RISK_BANDS.thresholds.length && probability >= RISK_BANDS.thresholds[i]!) i++;
  return RISK_BANDS.labels[i]!;
}

/**
 * `n` customers with seeded random tags, features (some missing, null or text where a
 * number is expected), attributes (a `score` attribute stands in where the feature is not a
 * number) and churn predictions (about a quarter unscored). One external id needs CSV quoting.
 */
export function generateSegmentCustomers(seed: number, n: number): SegmentCustomer[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, (_, i) => {
    const features: Record<string, number | string | null> = {};
    const roll = rng.nextFloat();
    if (roll < 0.7) features.score = Math.round(rng.nextFloat() * 1000) / 100;
    else if (roll < 0.8) features.score = null;
    else if (roll < 0.87) features.score = 'n/a';
    if (rng.nextFloat() < 0.9) features.visits = rng.nextInt(21);
    if (rng.nextFloat() < 0.8) features.plan = pick(rng, PLANS);
    const attributes: Record<string, number | string | null> = { region: pick(rng, REGIONS) };
    if (rng.nextFloat() < 0.9) attributes.age = 18 + rng.nextInt(63);
    if (rng.nextFloat() < 0.5) attributes.score = rng.nextInt(10);
    const probability = rng.nextFloat() < 0.75 ? Math.round(rng.nextFloat() * 1000) / 1000 : null;
    return {
      externalId: i === 7 ? 'c-007, "quoted"\nline' : `c-${String(i).padStart(4, '0')}`,
      features: rng.nextFloat() < 0.08 ? null : features,
      attributes,
      tags: SEGMENT_TAGS.filter(() => rng.nextFloat() < 0.3),
      probability,
      riskBand: probability === null ? null : bandOf(probability),
    };
  });
}

/** Creates the segment tags through the API. */
export async function createSegmentTags(t: TestServer, workspace: string, key: string) {
  for (const slug of SEGMENT_TAGS) {
    const res = await t.request(`/v1/workspaces/${workspace}/tags`, {
      key,
      json: { slug, displayName: slug, category: 'behaviour' },
    });
    if (res.status !== 201) throw new Error(`creating tag ${slug}: ${await res.text()}`);
  }
}

/**
 * Stores the customers of a workspace with their tag holdings (plus closed holdings that no
 * longer count), a churn model and a current scoring (plus a superseded one whose
 * predictions must be ignored). Returns internal ids by external id.
 */
export async function storeSegmentCustomers(
  db: Db,
  workspaceId: string,
  customers: readonly SegmentCustomer[],
): Promise<Map<string, number>> {
  const rows = await db
    .insertInto('customers')
    .values(
      customers.map((c) => ({
        workspace_id: workspaceId,
        external_id: c.externalId,
        attributes: JSON.stringify(c.attributes),
        features: c.features === null ? null : JSON.stringify(c.features),
      })),
    )
    .returning(['id', 'external_id'])
    .execute();
  const ids = new Map(rows.map((row) => [row.external_id, row.id]));
  const tags = await db
    .selectFrom('tags')
    .select(['id', 'slug'])
    .where('workspace_id', '=', workspaceId)
    .execute();
  const tagId = new Map(tags.map((tag) => [tag.slug, tag.id]));
  const past = new Date('2024-01-01T00:00:00Z');
  const holdings = customers.flatMap((c, i) => {
    const customerId = ids.get(c.externalId)!;
    const current = c.tags.map((slug) => ({ slug, removed: false }));
    // Every third customer once held a tag they no longer hold.
    const closed = SEGMENT_TAGS.filter((slug) => !c.tags.includes(slug) && i % 3 === 0)
      .slice(0, 1)
      .map((slug) => ({ slug, removed: true }));
    return [...current, ...closed].map(({ slug, removed }) => ({
      workspace_id: workspaceId,
      customer_id: customerId,
      tag_id: tagId.get(slug)!,
      source: 'manual' as const,
      assigned_at: past,
      removed_at: removed ? new Date('2024-02-01T00:00:00Z') : null,
    }));
  });
  if (holdings.length > 0) await db.insertInto('customer_tags').values(holdings).execute();
  const modelId = await insertChurnModel(db, workspaceId, {
    label: { kind: 'column', column: 'churn' },
    riskBands: RISK_BANDS,
  });
  const prediction = (customerId: number, probability: number) => ({
    customerId,
    probability,
    riskBand: bandOf(probability),
  });
  // A superseded scoring that says the opposite: reading it would flip every comparison.
  await insertScoring(db, workspaceId, modelId, {
    asOf: new Date(),
    current: false,
    predictions: customers.map((c) =>
      prediction(ids.get(c.externalId)!, 1 - (c.probability ?? 0.5)),
    ),
  });
  await insertScoring(db, workspaceId, modelId, {
    asOf: new Date(),
    current: true,
    predictions: customers
      .filter((c) => c.probability !== null)
      .map((c) => prediction(ids.get(c.externalId)!, c.probability!)),
  });
  return ids;
}

/** A segment member as the API returns it. */
export interface MemberJson {
  externalId: string;
  churnProbability: number | null;
  riskBand: string | null;
  tags: string[];
}

/** The member the API should return for a generated customer. */
export function expectedMember(c: SegmentCustomer): MemberJson {
  return {
    externalId: c.externalId,
    churnProbability: c.probability,
    riskBand: c.riskBand,
    tags: [...c.tags].sort(),
  };
}

/** Every page of `path` (a keyset-paged list), following `nextCursor`. */
export async function allPages<T>(
  t: TestServer,
  path: string,
  key: string,
  limit: number,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const url = `${path}${separator}limit=${limit}${cursor === null ? '' : `&cursor=${cursor}`}`;
    const res = await t.request(url, { key });
    if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${await res.text()}`);
    const page = (await res.json()) as { items: T[]; nextCursor: string | null };
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return items;
}
