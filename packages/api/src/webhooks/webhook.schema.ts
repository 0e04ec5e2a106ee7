import { z } from '@hono/zod-openapi';
import { DOMAIN_EVENT_TYPES } from '../audit/change-hooks.ts';
import { pageQuerySchema } from '../http/cursor.ts';
import { WorkspaceParams } from '../http/params.ts';
import { DELIVERY_STATUSES } from './webhook.table.ts';

export const WebhookEventTypeSchema = z.enum(DOMAIN_EVENT_TYPES).openapi('WebhookEventType');
export const DeliveryStatusSchema = z.enum(DELIVERY_STATUSES).openapi('WebhookDeliveryStatus');

/** Whether a URL names a user or password (`https://user:pass@host`). */
const hasCredentials = (url: string): boolean => {
  if (!URL.canParse(url)) return false;
  const { username, password } = new URL(url);
  return username !== '' || password !== '';
};

const WebhookUrlSchema = z
  .url({ protocol: /^https?$/, error: 'must be an absolute http:// or https:// URL' })
  .max(2000)
  // Subscriptions are listed to every admin and kept in the audit log: a password in the URL
  // would be shown to all of them. Receivers check the signature made with the secret instead.
  .refine((url) => !hasCredentials(url), {
    message: 'must not hold a user name or password; receivers verify the signature instead',
  })
  .openapi({ example: 'https://crm.example.com/hooks/tagwise' });

const EventTypesSchema = z
  .array(WebhookEventTypeSchema)
  .min(1)
  .refine((types) => new Set(types).size === types.length, 'list each event type once')
  .openapi({ description: 'The event types to deliver (at least one)' });

export const CreateWebhookSchema = z
  .object({
    url: WebhookUrlSchema,
    events: EventTypesSchema,
    active: z.boolean().default(true),
  })
  .strict()
  .openapi('CreateWebhook');

export type CreateWebhookInput = z.infer<typeof CreateWebhookSchema>;

export const PatchWebhookSchema = z
  .object({
    url: WebhookUrlSchema.optional(),
    events: EventTypesSchema.optional(),
    active: z.boolean().optional().openapi({
      description:
        'An inactive subscription gets no new deliveries; its queued ones wait (without spending attempts) until it is active again',
    }),
  })
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'give at least one field to change')
  .openapi('PatchWebhook');

export type PatchWebhookInput = z.infer<typeof PatchWebhookSchema>;

export const WebhookSchema = z
  .object({
    id: z.uuid(),
    url: z.string(),
    events: z.array(WebhookEventTypeSchema),
    active: z.boolean(),
    createdBy: z.uuid().nullable().openapi({ description: 'The API key that created it' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Webhook');

export type WebhookView = z.infer<typeof WebhookSchema>;

export const WebhookWithSecretSchema = WebhookSchema.extend({
  secret: z.string().openapi({
    description:
      'Signs every delivery (`X-Tagwise-Signature: sha256=<hex HMAC-SHA256 of "<X-Tagwise-Timestamp>.<body>">`). Shown only here: store it now; rotate it if lost.',
  }),
}).openapi('WebhookWithSecret');

export const WebhookDeliverySchema = z
  .object({
    id: z
      .uuid()
      .openapi({ description: 'Also the `id` of the delivered body: the same on every attempt' }),
    subscriptionId: z.uuid(),
    eventType: z.string(),
    status: DeliveryStatusSchema,
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    lastStatusCode: z.number().int().nullable(),
    nextAttemptAt: z
      .string()
      .nullable()
      .openapi({ description: 'When the next attempt is due (pending and failed deliveries)' }),
    deliveredAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('WebhookDelivery');

export type WebhookDeliveryView = z.infer<typeof WebhookDeliverySchema>;

export const WebhookParams = WorkspaceParams.extend({
  webhook: z.uuid().openapi({ param: { name: 'webhook', in: 'path' } }),
});

export const DeliveryParams = WorkspaceParams.extend({
  delivery: z.uuid().openapi({ param: { name: 'delivery', in: 'path' } }),
});

export const DeliveryQuerySchema = pageQuerySchema(500).extend({
  status: DeliveryStatusSchema.optional(),
});
