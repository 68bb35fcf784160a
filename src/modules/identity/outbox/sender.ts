/**
 * The outbox sender (发件程序): a loop in every server that delivers the notification outbox.
 *
 * Each round claims up to `batchSize` due messages with FOR UPDATE SKIP LOCKED, hands each to its
 * channel's adapter and, in the same transaction, marks it sent (or counts the failure and sets the
 * next attempt, with exponential backoff, until it gives up). So a message is sent once as far as the
 * database can tell: two servers never claim the same row, and a sent row is never claimed again.
 * (A crash between the adapter's success and the commit sends that message again on the next round.)
 *
 * The loop wakes every `intervalMs`, drains full batches at once, and runs the identity housekeeping
 * (purgeExpiredIdentityData) once per `housekeepingEveryMs`. `stop()` lets the round in flight finish.
 */
import type { Db, Tx } from '../../../platform/db/index.js';
import type { FieldCrypto } from '../../../platform/crypto.js';
import type { Logger } from '../../../platform/log.js';
import { purgeExpiredIdentityData } from '../actions/purge-expired.js';
import type { ChannelAdapters } from './adapters.js';
import { claimDueMessages, markMessageFailed, markMessageSent, type DueMessageRow } from './outbox.repository.js';

/** Attempts before a message gives up (failed_at): about an hour and a half of retries. */
export const MAX_ATTEMPTS = 8;
const FIRST_RETRY_SECONDS = 30;
const MAX_RETRY_SECONDS = 60 * 60;

/** Seconds to wait after the `attempts`-th failure: 30 s, 1 min, 2 min … at most an hour. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(FIRST_RETRY_SECONDS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_SECONDS);
}

export interface OutboxSenderOptions {
  intervalMs?: number;
  batchSize?: number;
  housekeepingEveryMs?: number;
}

export interface OutboxSender {
  /** One round now: claim and deliver up to a batch. Returns the number of messages claimed. */
  deliverDue(): Promise<number>;
  /** Stop the loop; resolves once the round in flight (if any) has committed. Closes the adapters. */
  stop(): Promise<void>;
}

export interface SenderDeps {
  db: Db;
  fields: FieldCrypto;
  logger: Logger;
}

export function startOutboxSender(deps: SenderDeps, adapters: ChannelAdapters, options: OutboxSenderOptions = {}): OutboxSender {
  const intervalMs = options.intervalMs ?? 1000;
  const batchSize = options.batchSize ?? 10;
  const housekeepingEveryMs = options.housekeepingEveryMs ?? 60 * 60 * 1000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> = Promise.resolve();
  let nextHousekeepingAt = Date.now();

  const deliver = async (row: DueMessageRow, tx: Tx) => {
    let recipient: string | undefined;
    try {
      recipient = deps.fields.decrypt(row.recipientEnc);
      await adapters[row.channel].deliver({ ...row, recipient });
      await markMessageSent(tx, row.id);
    } catch (e) {
      const attempts = row.attempts + 1;
      const giveUp = attempts >= MAX_ATTEMPTS;
      // Server replies often quote the address: keep only the masked form.
      const raw = e instanceof Error ? e.message : String(e);
      const error = (recipient ? raw.split(recipient).join(row.recipientMasked) : raw).slice(0, 500);
      await markMessageFailed(tx, row.id, { error, retryInSeconds: retryDelaySeconds(attempts), giveUp });
      deps.logger.warn({ outboxId: row.id, channel: row.channel, recipient: row.recipientMasked, attempts, giveUp, error }, 'notification not delivered');
    }
  };

  const deliverDue = () =>
    deps.db.transaction(async (tx) => {
      const rows = await claimDueMessages(tx, batchSize);
      for (const row of rows) await deliver(row, tx);
      return rows.length;
    });

  const round = async () => {
    while (!stopped && (await deliverDue()) === batchSize);
    if (!stopped && Date.now() >= nextHousekeepingAt) {
      nextHousekeepingAt = Date.now() + housekeepingEveryMs;
      const purged = await purgeExpiredIdentityData(deps.db);
      deps.logger.debug({ purged }, 'identity housekeeping');
    }
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      inFlight = round()
        .catch((e: unknown) => deps.logger.error({ err: e }, 'outbox sender round failed'))
        .then(schedule);
    }, intervalMs);
    timer.unref();
  };
  schedule();

  return {
    deliverDue,
    async stop() {
      if (stopped) return;
      stopped = true;
      clearTimeout(timer);
      await inFlight;
      adapters.sms.close();
      if (adapters.email !== adapters.sms) adapters.email.close();
    },
  };
}
