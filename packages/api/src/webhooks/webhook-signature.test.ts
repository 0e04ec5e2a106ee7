import { describe, expect, it } from 'vitest';
import { deliveryHeaders, signDelivery } from './webhook-signature.ts';

describe('signDelivery', () => {
  it('is the hex HMAC-SHA256 of "<timestamp>.<body>" keyed with the secret', () => {
    // Computed independently: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac Jefe
    expect(signDelivery('Jefe', 1_700_000_000, '{"a":1}')).toBe(
      'sha256=fa5f6481efc59da48b19c9dc10196c9953e5651f8304b3a318b6b87d70272e0a',
    );
  });

  it('changes with the secret, the timestamp and the body', () => {
    const base = signDelivery('s1', 1, 'body');
    expect(signDelivery('s2', 1, 'body')).not.toBe(base);
    expect(signDelivery('s1', 2, 'body')).not.toBe(base);
    expect(signDelivery('s1', 1, 'body!')).not.toBe(base);
  });

  it('puts signature, timestamp, event and delivery id in the headers', () => {
    const headers = deliveryHeaders({
      secret: 'k',
      timestampSeconds: 42,
      body: '{}',
      eventType: 'tag.assigned',
      deliveryId: 'd-1',
    });
    expect(headers).toMatchObject({
      'content-type': 'application/json',
      'X-Tagwise-Signature': signDelivery('k', 42, '{}'),
      'X-Tagwise-Timestamp': '42',
      'X-Tagwise-Event': 'tag.assigned',
      'X-Tagwise-Delivery': 'd-1',
    });
  });
});
