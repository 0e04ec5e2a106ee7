import type { ClaimedDelivery } from './webhook-delivery.repository.ts';
import { deliveryHeaders } from './webhook-signature.ts';
import { webhookTargetRefusal, type WebhookTargets } from './webhook-target.ts';

/**
 * The JSON body a receiver gets. `id` is the delivery id: the same on every attempt and on
 * manual redelivery, so a receiver drops repeats by it (delivery is at least once).
 */
export function deliveryBody(delivery: ClaimedDelivery): string {
  return JSON.stringify({
    id: delivery.id,
    type: delivery.event_type,
    occurredAt: delivery.created_at.toISOString(),
    workspace: delivery.workspace_slug,
    data: delivery.payload,
  });
}

/** What the receiver made of one attempt. */
export type SendResult =
  | { readonly ok: true; readonly statusCode: number }
  | { readonly ok: false; readonly statusCode: number | null; readonly error: string };

/** How much of a failing response body is kept as `last_error`. */
const ERROR_BODY_CHARS = 300;

async function bodySnippet(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (reader === undefined) return '';
  // Read only the start: a receiver's error page may be large.
  const { value } = await reader.read();
  await reader.cancel();
  return value === undefined
    ? ''
    : new TextDecoder().decode(value).slice(0, ERROR_BODY_CHARS).trim();
}

/**
 * POSTs one signed delivery. A 2xx answer is success; any other status (redirects are not
 * followed), a network error, no answer within `timeoutMs` or a host `targets` does not allow
 * is a failure. `signal`
 * aborts the request when the deliverer stops.
 */
export async function sendDelivery(
  delivery: ClaimedDelivery,
  options: { timeoutMs: number; signal: AbortSignal; targets: WebhookTargets },
): Promise<SendResult> {
  // Checked again on every attempt: the host's addresses may have changed since it was saved.
  const refusal = await webhookTargetRefusal(delivery.url, options.targets);
  if (refusal !== undefined) return { ok: false, statusCode: null, error: `not sent: ${refusal}` };
  const body = deliveryBody(delivery);
  const headers = deliveryHeaders({
    secret: delivery.secret,
    timestampSeconds: Math.floor(Date.now() / 1000),
    body,
    eventType: delivery.event_type,
    deliveryId: delivery.id,
  });
  let response: Response;
  try {
    response = await fetch(delivery.url, {
      method: 'POST',
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.any([options.signal, AbortSignal.timeout(options.timeoutMs)]),
    });
  } catch (error) {
    if (options.signal.aborted) throw error;
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    const message =
      error instanceof Error && error.name === 'TimeoutError'
        ? `no answer within ${options.timeoutMs} ms`
        : cause instanceof Error
          ? cause.message
          : String(cause);
    return { ok: false, statusCode: null, error: message };
  }
  if (response.status >= 200 && response.status < 300) {
    await response.body?.cancel();
    return { ok: true, statusCode: response.status };
  }
  const snippet = await bodySnippet(response).catch(() => '');
  return {
    ok: false,
    statusCode: response.status,
    error: `HTTP ${response.status}${snippet === '' ? '' : `: ${snippet}`}`,
  };
}
