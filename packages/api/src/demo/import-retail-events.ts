import { createHash } from 'node:crypto';
import { retailEventKind } from '@tagwise/engine';
import type { ServiceContext } from '../audit/change-hooks.ts';
import type { EventInput } from '../events/event.schema.ts';
import { ingestEventBatch } from '../events/event.service.ts';
import { InputFileError, readCsvRows } from '../io/csv-file.ts';
import type { WorkspaceRow } from '../workspaces/workspace.table.ts';

const BATCH = 10_000;
const COLUMNS = ['customer_id', 'occurred_at', 'invoice', 'stock_code', 'quantity', 'amount'];

/**
 * Imports the online retail invoice lines as events. The file has no event id, so each line's
 * id is a hash of its content: re-importing is a no-op, and the 5,268 exact duplicate lines
 * of the source collapse into one event each (as `tagwise rfm` treats them). Lines without a
 * customer cannot be attributed and are skipped. Each batch is its own transaction.
 *
 * @returns events sent and lines skipped
 */
export async function importRetailEvents(
  ctx: ServiceContext,
  workspace: WorkspaceRow,
  file: string,
  onProgress: (linesRead: number) => void,
): Promise<{ sent: number; skipped: number }> {
  let batch: EventInput[] = [];
  const seen = new Set<string>();
  let sent = 0;
  let skipped = 0;
  let lines = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await ingestEventBatch(ctx, workspace, batch);
    sent += batch.length;
    batch = [];
    onProgress(lines);
  };
  for await (const { line, values } of readCsvRows(file, COLUMNS)) {
    lines++;
    const customerId = values.customer_id!.trim();
    if (customerId === '') {
      skipped++;
      continue;
    }
    const quantity = Number(values.quantity);
    const amount = Number(values.amount);
    if (!Number.isFinite(quantity) || !Number.isFinite(amount)) {
      throw new InputFileError(file, 'quantity and amount must be numbers', line);
    }
    const eventId = createHash('sha256')
      .update(Object.values(values).join('\u0000'))
      .digest('base64url')
      .slice(0, 22);
    // A batch must not repeat an id; duplicates across batches are ignored by the database.
    if (seen.has(eventId)) continue;
    seen.add(eventId);
    batch.push({
      eventId,
      customerId,
      occurredAt: `${values.occurred_at}Z`,
      kind: retailEventKind(values.invoice, quantity),
      amount,
      quantity,
      invoice: values.invoice || null,
      product: values.stock_code || null,
    });
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  return { sent, skipped };
}
