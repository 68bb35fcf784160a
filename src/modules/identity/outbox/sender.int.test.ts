/**
 * The outbox sender on a real database (PGlite, or PostgreSQL with DATABASE_URL): claiming, exactly
 * one delivery per row with two senders at once, retries with backoff, giving up, a clean stop; and
 * the whole app sending e-mail to an SMTP server in this process.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { openTestDb, type TestDb } from '../../../../test/support/db.js';
import { loadConfig } from '../../../platform/config.js';
import { FieldCrypto } from '../../../platform/crypto.js';
import { openDb, type Db } from '../../../platform/db/index.js';
import { createLogger } from '../../../platform/log.js';
import type { IdentityDeps } from '../deps.js';
import { identityDeps } from '../index.js';
import { queueEmail, queueSms } from '../notify.js';
import type { ChannelAdapters, DeliveryAdapter, OutboxMessage } from './adapters.js';
import { MAX_ATTEMPTS, startOutboxSender, type OutboxSender } from './sender.js';
import { header, startSmtpReceiver, textBody, type SmtpReceiver } from './testing/smtp-receiver.js';

/** Resolves once `check` holds, polling; fails after 30 s (a hang, not a measurement). */
async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** An adapter that records what it is given, and fails or waits when told to. */
function recorder() {
  const delivered: OutboxMessage[] = [];
  const state = { failWith: null as string | null, gate: null as Promise<void> | null, entered: 0 };
  const adapter: DeliveryAdapter = {
    name: 'recorder',
    async deliver(m) {
      state.entered++;
      if (state.gate) await state.gate;
      if (state.failWith) throw new Error(state.failWith.replace('{to}', m.recipient));
      delivered.push(m);
    },
    close() {},
  };
  const adapters: ChannelAdapters = { sms: adapter, email: adapter };
  return { delivered, state, adapters };
}

const NEVER = 3_600_000;

interface OutboxState {
  id: number;
  sent: boolean;
  failed: boolean;
  attempts: number;
  last_error: string | null;
  due_in_seconds: number;
}

describe('the outbox sender', () => {
  let t: TestDb;
  let deps: IdentityDeps;
  const senders: OutboxSender[] = [];
  const start = (adapters: ChannelAdapters, options: Parameters<typeof startOutboxSender>[2], db: Db = t.db) => {
    const sender = startOutboxSender({ db, fields: deps.fields, logger: deps.logger }, adapters, { housekeepingEveryMs: NEVER, ...options });
    senders.push(sender);
    return sender;
  };
  const rows = (ids: number[]) =>
    t.db.query<OutboxState>(
      `SELECT id, sent_at IS NOT NULL AS sent, failed_at IS NOT NULL AS failed, attempts, last_error,
              extract(epoch FROM next_attempt_at - now())::float8 AS due_in_seconds
         FROM identity.notification_outbox WHERE id = ANY($1::bigint[]) ORDER BY id`,
      [ids],
    );
  const queue = async (count: number): Promise<number[]> => {
    await t.db.transaction(async (tx) => {
      for (let i = 0; i < count; i++) {
        if (i % 2) await queueEmail(tx, deps, `user${i}@example.com`, `主题 ${i}`, `正文 ${i}`);
        else await queueSms(tx, deps, `1380000${String(i).padStart(4, '0')}`, `验证码 ${i}`);
      }
    });
    const latest = await t.db.query<{ id: number }>('SELECT id FROM identity.notification_outbox ORDER BY id DESC LIMIT $1', [count]);
    return latest.map((r) => Number(r.id)).sort((a, b) => a - b);
  };

  beforeAll(async () => {
    t = await openTestDb('empty');
    deps = { db: t.db, fields: new FieldCrypto(crypto.randomBytes(32)), logger: createLogger('silent'), config: loadConfig({ NODE_ENV: 'test' }) };
  });
  afterAll(async () => {
    for (const s of senders) await s.stop();
    await t?.close();
  });

  it('queues without sending: a row stays unsent until a sender delivers it, and a rolled-back queue leaves nothing', async () => {
    const [id] = await queue(1);
    expect(await rows([id!])).toMatchObject([{ sent: false, attempts: 0 }]);
    await t.db
      .transaction(async (tx) => {
        await queueSms(tx, deps, '13800009999', 'never');
        throw new Error('roll back');
      })
      .catch(() => {});
    expect(await t.db.query(`SELECT 1 FROM identity.notification_outbox WHERE body = 'never'`)).toEqual([]);
    const { adapters, delivered } = recorder();
    const sender = start(adapters, { intervalMs: NEVER });
    expect(await sender.deliverDue()).toBe(1);
    expect(delivered.map((m) => m.id)).toEqual([id]);
    expect(await rows([id!])).toMatchObject([{ sent: true, attempts: 1, last_error: null }]);
    expect(await sender.deliverDue()).toBe(0);
  });

  it('two senders at once deliver every message exactly once, in small batches, recipients decrypted', async () => {
    const ids = await queue(25);
    const { adapters, delivered } = recorder();
    // On PostgreSQL the second sender has its own pool: SKIP LOCKED is what keeps them apart.
    const other = t.databaseUrl ? await openDb({ databaseUrl: t.databaseUrl, poolSize: 2 }) : t.db;
    try {
      const a = start(adapters, { intervalMs: 10, batchSize: 4 });
      const b = start(adapters, { intervalMs: 10, batchSize: 4 }, other);
      await until(() => delivered.length >= 25, '25 deliveries');
      await Promise.all([a.stop(), b.stop()]);
    } finally {
      if (other !== t.db) await other.close();
    }
    expect(delivered.map((m) => m.id).sort((x, y) => x - y)).toEqual(ids);
    expect((await rows(ids)).every((r) => r.sent && r.attempts === 1)).toBe(true);
    const email = delivered.find((m) => m.channel === 'email')!;
    expect(email.recipient).toMatch(/^user\d+@example\.com$/);
    expect(email.recipientMasked).toBe('u***@example.com');
    expect(email.subject).toMatch(/^主题 \d+$/);
    expect(delivered.find((m) => m.channel === 'sms')!.recipient).toMatch(/^1380000\d{4}$/);
  });

  it('a failure is kept with the recipient masked and retried after a backoff; the retry that succeeds marks it sent', async () => {
    const [id] = await queue(1);
    const { adapters, delivered, state } = recorder();
    const sender = start(adapters, { intervalMs: NEVER });
    state.failWith = '550 <{to}> mailbox unavailable';
    expect(await sender.deliverDue()).toBe(1);
    const [failed] = await rows([id!]);
    expect(failed).toMatchObject({ sent: false, failed: false, attempts: 1, last_error: '550 <138****0000> mailbox unavailable' });
    expect(failed!.due_in_seconds).toBeGreaterThan(20);
    expect(await sender.deliverDue()).toBe(0); // not due yet
    await t.db.query('UPDATE identity.notification_outbox SET next_attempt_at = now() WHERE id = $1', [id]);
    state.failWith = null;
    expect(await sender.deliverDue()).toBe(1);
    expect(delivered.map((m) => m.id)).toEqual([id]);
    expect(await rows([id!])).toMatchObject([{ sent: true, attempts: 2, last_error: null }]);
  });

  it(`gives up after ${MAX_ATTEMPTS} attempts`, async () => {
    const [id] = await queue(1);
    const { adapters, state } = recorder();
    const sender = start(adapters, { intervalMs: NEVER });
    state.failWith = 'gateway down';
    await t.db.query('UPDATE identity.notification_outbox SET attempts = $2 WHERE id = $1', [id, MAX_ATTEMPTS - 2]);
    await sender.deliverDue();
    expect(await rows([id!])).toMatchObject([{ failed: false, attempts: MAX_ATTEMPTS - 1 }]);
    await t.db.query('UPDATE identity.notification_outbox SET next_attempt_at = now() WHERE id = $1', [id]);
    await sender.deliverDue();
    expect(await rows([id!])).toMatchObject([{ sent: false, failed: true, attempts: MAX_ATTEMPTS, last_error: 'gateway down' }]);
    await t.db.query('UPDATE identity.notification_outbox SET next_attempt_at = now() WHERE id = $1', [id]);
    expect(await sender.deliverDue()).toBe(0);
  });

  it('stop waits for the delivery in flight and commits it', async () => {
    const [id] = await queue(1);
    const { adapters, delivered, state } = recorder();
    let release!: () => void;
    state.gate = new Promise<void>((resolve) => (release = resolve));
    const sender = start(adapters, { intervalMs: 10 });
    await until(() => state.entered > 0, 'the delivery to start');
    let stopped = false;
    const stopping = sender.stop().then(() => (stopped = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(delivered.map((m) => m.id)).toEqual([id]);
    expect(await rows([id!])).toMatchObject([{ sent: true }]);
  });
});

describe('the app sends e-mail through SMTP (ONESTOP_MAIL_ADAPTER=smtp)', () => {
  let smtp: SmtpReceiver;
  let t: TestApp;
  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    t = await createTestApp({
      seed: 'empty',
      env: { ONESTOP_MAIL_ADAPTER: 'smtp', ONESTOP_SMTP_URL: smtp.url('onestop', 's3cret'), ONESTOP_MAIL_FROM: '一站通 <no-reply@onestop.example>' },
    });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('delivers a queued e-mail to the SMTP server, the SMS to the log, and the dev outbox shows both sent', async () => {
    const deps = identityDeps(t.app.context);
    await t.db.transaction(async (tx) => {
      await queueEmail(tx, deps, 'li.si@example.com', '邮箱验证 Verify your e-mail', '验证码 654321');
      await queueSms(tx, deps, '13900001111', '验证码 112233');
    });
    const mail = await smtp.next();
    expect(mail).toMatchObject({ from: 'no-reply@onestop.example', to: ['li.si@example.com'], user: 'onestop', password: 's3cret' });
    expect(header(mail.data, 'Subject')).toBe('邮箱验证 Verify your e-mail');
    expect(textBody(mail.data).trim()).toBe('验证码 654321');
    type Item = { channel: string; recipient: string; body: string; sentAt: string | null };
    const outbox = async () => (await t.inject({ url: '/api/v1/dev/outbox' })).json().items as Item[];
    await until(async () => (await outbox()).slice(0, 2).every((m) => m.sentAt !== null), 'both messages marked sent');
    const [sms, email] = await outbox();
    expect(email).toMatchObject({ channel: 'email', recipient: 'l***@example.com', body: '验证码 654321' });
    expect(sms).toMatchObject({ channel: 'sms', recipient: '139****1111', body: '验证码 112233' });
    expect(smtp.received).toHaveLength(1);
  });
});
