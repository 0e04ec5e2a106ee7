import { auditChangeHook } from './audit-hook.ts';
import type { ChangeHook } from './change-hooks.ts';
import { webhookOutboxHook } from '../webhooks/webhook-outbox.ts';

/** The hooks every write runs in a real deployment: the audit log and the webhook outbox. */
export function defaultChangeHooks(): readonly ChangeHook[] {
  return [auditChangeHook, webhookOutboxHook];
}
