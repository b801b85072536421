// Runs in: vitest (node). A newsroom's receiver on 127.0.0.1 checks every delivery's signature and
// records idempotency keys, the way a real integration would; Dateline publishes to it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../../common/app-error';
import type { WebhookTargetConfig } from '../../../../common/publish/publish-target-config';
import { figure, makeArticle, paragraph, text } from '../../../../tests/fixtures/sample-article';
import { ninjsErrors } from '../../../../tests/fixtures/ninjs/ninjs-validator';
import { makePng } from '../../../../tests/support/test-photos';
import { sent, testJob, testPhoto, type TestPhoto } from '../../../../tests/support/test-publish-context';
import { signWebhookBody, verifyWebhookSignature } from './webhook-signature';
import { retryAfterMs, WebhookTarget, type WebhookPayload } from './webhook-target';

const SECRET = 'whsec_test_0123456789';
const PHOTOS = [testPhoto(makePng(40, 30), 'one.png'), testPhoto(makePng(50, 30), 'two.png'), testPhoto(makePng(60, 30), 'three.png')];
const [P1, P2, P3] = PHOTOS as [TestPhoto, TestPhoto, TestPhoto];

const article = makeArticle({
  id: '01jc0000000000000000000009',
  headline: '上海车展开幕',
  summary: '今年车展规模创新高。',
  meta: { slug: 'shanghai-auto-show', section: '汽车', tags: ['车展', '新能源'], bylines: [{ name: '王五', role: '' }], language: 'zh-CN' },
  body: {
    type: 'doc',
    content: [
      figure(P1.id, { alt: '展馆', credit: '王五 摄', caption: '展馆外景。', lead: true }),
      paragraph(text('上海车展今天开幕。')),
      figure(P2.id, { alt: '新车', credit: '王五 摄', caption: '新车发布。' }),
      figure(P3.id, { alt: '观众', credit: '王五 摄', caption: '观众参观。' }),
    ],
  },
});

interface Delivery {
  headers: IncomingMessage['headers'];
  body: string;
  verified: boolean;
}

/** A receiver that verifies signatures with the receiver's copy of the key, then answers as `respond` says. */
class Receiver {
  readonly deliveries: Delivery[] = [];
  readonly seenKeys = new Set<string>();
  respond: (delivery: Delivery, res: ServerResponse, index: number) => void = (delivery, res) => {
    if (!delivery.verified) {
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"bad signature"}');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"url":"https://news.example.com/a/1"}');
  };
  private server: Server;
  url = '';

  constructor(private readonly key: string) {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        const delivery = { headers: req.headers, body: body.toString('utf8'), verified: verifyWebhookSignature(body, req.headers, this.key).ok };
        this.deliveries.push(delivery);
        const key = req.headers['idempotency-key'];
        if (typeof key === 'string') this.seenKeys.add(key);
        this.respond(delivery, res, this.deliveries.length - 1);
      });
    });
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks/dateline`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

let receiver: Receiver;
beforeEach(async () => {
  receiver = new Receiver(SECRET);
  await receiver.start();
});
afterEach(async () => receiver.stop());

function config(overrides: Partial<WebhookTargetConfig> = {}): WebhookTargetConfig {
  return { kind: 'webhook', id: 'hook-1', name: 'Newsroom CMS', url: receiver.url, mediaMode: 'inline', mediaBaseUrl: '', timeoutMs: 5_000, ...overrides };
}

function target(overrides: Partial<WebhookTargetConfig> = {}, secret: string | null = SECRET): WebhookTarget {
  return new WebhookTarget({ config: config(overrides), secret, retryBaseMs: 5 });
}

describe('webhook target', () => {
  it('delivers a signed ninjs article with its photos inline; the receiver verifies it', async () => {
    const job = testJob('job0000000a1', article, PHOTOS);
    const record = sent(await target().publish(job.attempt()));

    expect(receiver.deliveries).toHaveLength(1);
    const delivery = receiver.deliveries[0] as Delivery;
    expect(delivery.verified).toBe(true);
    expect(delivery.headers['content-type']).toBe('application/json');
    expect(delivery.headers['idempotency-key']).toBe('job0000000a1');
    expect(delivery.headers['x-dateline-event']).toBe('publish');
    expect(delivery.headers['x-dateline-signature']).toBe(signWebhookBody(delivery.body, SECRET, Number(delivery.headers['x-dateline-timestamp'])));

    const payload = JSON.parse(delivery.body) as WebhookPayload;
    expect(ninjsErrors(payload.ninjs)).toEqual([]);
    expect(payload.ninjs.headlines?.[0]?.value).toBe('上海车展开幕');
    expect(payload.media?.map((m) => [m.name, m.fileName])).toEqual([
      ['featureimage', P1.id],
      ['picture1', P2.id],
      ['picture2', P3.id],
    ]);
    expect(Buffer.from(payload.media?.[1]?.base64 ?? '', 'base64')).toEqual(Buffer.from(P2.bytes));
    expect(payload.ninjs.bodies?.[0]?.value).toContain(`<img src="${P2.id}"`);

    expect(record).toMatchObject({ targetKind: 'webhook', remoteId: 'job0000000a1', url: 'https://news.example.com/a/1', status: 'published' });
    expect(job.progress.filter((p) => p.step === 'upload-media').map((p) => p.mediaDone)).toEqual([1, 2, 3]);
  });

  it('in "urls" mode sends no photo bytes: renditions point at the media address', async () => {
    await target({ mediaMode: 'urls', mediaBaseUrl: 'https://cdn.example.com/media/' }).publish(testJob('job0000000a2', article, PHOTOS).attempt());
    const payload = JSON.parse(receiver.deliveries[0]?.body ?? '{}') as WebhookPayload;
    expect(payload.media).toBeUndefined();
    expect(payload.ninjs.associations?.[0]?.renditions?.[0]?.href).toBe(`https://cdn.example.com/media/${P1.id}`);
    expect(ninjsErrors(payload.ninjs)).toEqual([]);
  });

  it('"urls" mode without a media address is refused before anything is sent', async () => {
    await expect(target({ mediaMode: 'urls', mediaBaseUrl: '' }).publish(testJob('job0000000a3', article, PHOTOS).attempt())).rejects.toMatchObject({
      code: 'invalid-input',
    });
    expect(receiver.deliveries).toHaveLength(0);
  });

  it('a replayed job sends the same Idempotency-Key and the same document', async () => {
    const job = testJob('job0000000b1', article, PHOTOS);
    await target().publish(job.attempt());
    await target().publish(job.attempt());
    expect(receiver.deliveries.map((d) => d.headers['idempotency-key'])).toEqual(['job0000000b1', 'job0000000b1']);
    expect([...receiver.seenKeys]).toEqual(['job0000000b1']);
    const [first, second] = receiver.deliveries.map((d) => JSON.parse(d.body) as WebhookPayload);
    expect(second?.ninjs).toEqual(first?.ninjs);
  });

  it('what the receiver already has is not sent again; a new schedule or a new address is', async () => {
    const first = sent(await target().publish(testJob('job0000000b2', article, PHOTOS).attempt()));
    const again = await target().publish(testJob('job0000000b3', article, PHOTOS, { previous: first }).attempt());
    expect(again).toEqual({ unchanged: first });
    expect(receiver.deliveries).toHaveLength(1);

    const scheduled = { status: 'scheduled' as const, scheduledAt: '2026-12-01T08:00:00+08:00' };
    const future = sent(await target().publish(testJob('job0000000b4', article, PHOTOS, { previous: first, options: scheduled }).attempt()));
    const later = await target().publish(testJob('job0000000b5', article, PHOTOS, { previous: future, options: { ...scheduled, scheduledAt: '2026-12-02T08:00:00+08:00' } }).attempt());
    expect(later).not.toHaveProperty('unchanged');
    expect(receiver.deliveries).toHaveLength(3);

    // The newsroom moved its receiver: the new one has never seen the story.
    const moved = new Receiver(SECRET);
    await moved.start();
    try {
      const hook = new WebhookTarget({ config: config({ url: moved.url }), secret: SECRET, retryBaseMs: 5 });
      expect(await hook.publish(testJob('job0000000b6', article, PHOTOS, { previous: first }).attempt())).not.toHaveProperty('unchanged');
      expect(moved.deliveries).toHaveLength(1);
    } finally {
      await moved.stop();
    }
  });

  it('a wrong signing key is refused by the receiver: remote-auth, not retried', async () => {
    const error = await target({}, 'not-the-key').publish(testJob('job0000000c1', article, PHOTOS).attempt()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'remote-auth' });
    expect((error as AppError).message).toContain('refused the signature');
    expect(receiver.deliveries).toHaveLength(1);
  });

  it('no signing key stored: says where to set it, sends nothing', async () => {
    await expect(target({}, null).publish(testJob('job0000000c2', article, PHOTOS).attempt())).rejects.toMatchObject({
      code: 'secrets-unavailable',
      message: expect.stringContaining('in Settings'),
    });
    expect(receiver.deliveries).toHaveLength(0);
  });

  it('a receiver failing with 503 twice then accepting: published after retries, one key throughout', async () => {
    const accept = receiver.respond;
    receiver.respond = (delivery, res, index) => (index < 2 ? res.writeHead(503, { 'retry-after': '0' }).end('down for maintenance') : accept(delivery, res, index));
    const record = sent(await target().publish(testJob('job0000000d1', article, PHOTOS).attempt()));
    expect(record.url).toBe('https://news.example.com/a/1');
    expect(receiver.deliveries).toHaveLength(3);
    expect(receiver.deliveries.every((d) => d.verified && d.headers['idempotency-key'] === 'job0000000d1')).toBe(true);
  });

  it('a receiver that stays down: remote-server-error after four tries, for the outbox to retry later', async () => {
    receiver.respond = (_delivery, res) => res.writeHead(500).end('boom');
    await expect(target().publish(testJob('job0000000d2', article, PHOTOS).attempt())).rejects.toMatchObject({ code: 'remote-server-error' });
    expect(receiver.deliveries).toHaveLength(4);
  });

  it('a receiver that never answers: remote-timeout', async () => {
    receiver.respond = () => undefined;
    const hook = new WebhookTarget({ config: config({ timeoutMs: 1_000 }), secret: SECRET, maxAttempts: 2, retryBaseMs: 5 });
    await expect(hook.publish(testJob('job0000000e1', article, PHOTOS).attempt())).rejects.toMatchObject({ code: 'remote-timeout' });
    expect(receiver.deliveries).toHaveLength(2);
  });

  it('a message too large for the receiver: remote-too-large, not retried', async () => {
    receiver.respond = (_delivery, res) => res.writeHead(413).end('Payload Too Large');
    await expect(target().publish(testJob('job0000000f1', article, PHOTOS).attempt())).rejects.toMatchObject({ code: 'remote-too-large' });
    expect(receiver.deliveries).toHaveLength(1);
  });

  it('no webhook at that path: remote-not-found naming the address', async () => {
    receiver.respond = (_delivery, res) => res.writeHead(404).end('Not Found');
    await expect(target().publish(testJob('job0000000f2', article, PHOTOS).attempt())).rejects.toMatchObject({
      code: 'remote-not-found',
      message: expect.stringContaining(receiver.url),
    });
  });

  it('nothing listening: remote-unreachable', async () => {
    const url = receiver.url;
    await receiver.stop();
    receiver = new Receiver(SECRET);
    await receiver.start();
    const hook = new WebhookTarget({ config: { ...config(), url }, secret: SECRET, maxAttempts: 2, retryBaseMs: 5 });
    await expect(hook.publish(testJob('job0000000g1', article, PHOTOS).attempt())).rejects.toMatchObject({ code: 'remote-unreachable' });
  });

  it('cancelling the job stops it without a remote error', async () => {
    const controller = new AbortController();
    // The person cancels while the receiver holds the delivery without answering.
    receiver.respond = () => controller.abort();
    const pending = target().publish(testJob('job0000000h1', article, PHOTOS).attempt({ signal: controller.signal }));
    const error = await pending.catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(AppError);
    expect((error as Error).name).toBe('AbortError');
  });

  it('test connection sends a signed ping and reports ok', async () => {
    const report = await target().testConnection();
    expect(report.ok).toBe(true);
    const ping = receiver.deliveries[0] as Delivery;
    expect(ping.verified).toBe(true);
    expect(ping.headers['x-dateline-event']).toBe('ping');
    expect(JSON.parse(ping.body)).toEqual({ ping: true });
  });

  it('test connection with the wrong key fails with remote-auth', async () => {
    await expect(target({}, 'wrong').testConnection()).rejects.toMatchObject({ code: 'remote-auth' });
  });
});

describe('webhook signature', () => {
  const body = '{"ninjs":{"uri":"urn:x"}}';
  const now = 1_800_000_000_000;
  const headers = (signature: string, timestamp: number) => ({ 'x-dateline-signature': signature, 'x-dateline-timestamp': String(timestamp) });

  it('accepts the exact body and rejects any change, another key, or an old timestamp', () => {
    const ts = now / 1000;
    const sig = signWebhookBody(body, SECRET, ts);
    expect(sig).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(body, headers(sig, ts), SECRET, 300, now)).toEqual({ ok: true });
    expect(verifyWebhookSignature(`${body} `, headers(sig, ts), SECRET, 300, now).ok).toBe(false);
    expect(verifyWebhookSignature(body, headers(sig, ts), 'other', 300, now).ok).toBe(false);
    expect(verifyWebhookSignature(body, headers(signWebhookBody(body, SECRET, ts - 301), ts - 301), SECRET, 300, now)).toMatchObject({ ok: false, reason: expect.stringContaining('tolerance') });
    expect(verifyWebhookSignature(body, {}, SECRET, 300, now).ok).toBe(false);
  });

  it('reads Retry-After as seconds or a date, capped at 30 s', () => {
    expect(retryAfterMs('2', now)).toBe(2000);
    expect(retryAfterMs(new Date(now + 5000).toUTCString(), now)).toBe(5000);
    expect(retryAfterMs('3600', now)).toBe(30_000);
    expect(retryAfterMs('soon', now)).toBeNull();
  });
});
