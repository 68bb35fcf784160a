/**
 * Delivery adapters of the notification outbox (通知发件箱): how a message leaves onestop. The sender
 * (sender.ts) picks one per channel; an adapter either resolves (delivered) or throws (retry later).
 *
 * - `log` writes one line with the channel and the masked recipient, never the body (it holds codes).
 * - `smtp` sends e-mail through an SMTP server (nodemailer), ONESTOP_SMTP_URL.
 *
 * SMS always goes through `log`: there is no SMS gateway to talk to yet (a later issue adds one).
 */
import nodemailer from 'nodemailer';
import type { Config } from '../../../platform/config.js';
import type { Logger } from '../../../platform/log.js';

/** One outbox row as the adapter sees it, the recipient decrypted. */
export interface OutboxMessage {
  id: number;
  channel: 'sms' | 'email';
  /** Phone number or e-mail address, in clear: for the adapter only, never for a log line. */
  recipient: string;
  recipientMasked: string;
  /** E-mail only. */
  subject: string | null;
  body: string;
}

export interface DeliveryAdapter {
  readonly name: string;
  /** Resolves once the message has been handed over; throws when it was not. */
  deliver(message: OutboxMessage): Promise<void>;
  close(): void;
}

export interface ChannelAdapters {
  sms: DeliveryAdapter;
  email: DeliveryAdapter;
}

export function logAdapter(logger: Logger): DeliveryAdapter {
  return {
    name: 'log',
    async deliver(m) {
      logger.info({ outboxId: m.id, channel: m.channel, recipient: m.recipientMasked }, 'notification sent (log adapter)');
    },
    close() {},
  };
}

/** Waits on an SMTP server, in milliseconds: the sender holds its claim while it waits. */
const SMTP_TIMEOUT_MS = 15_000;

/** E-mail through the SMTP server at `url` (smtp://user:pass@host:port, smtps:// for implicit TLS). */
export function smtpAdapter(options: { url: string; from: string }): DeliveryAdapter {
  const transport = nodemailer.createTransport({
    url: options.url,
    connectionTimeout: SMTP_TIMEOUT_MS,
    greetingTimeout: SMTP_TIMEOUT_MS,
    socketTimeout: SMTP_TIMEOUT_MS,
  });
  return {
    name: 'smtp',
    async deliver(m) {
      if (m.channel !== 'email') throw new Error(`the smtp adapter sends e-mail, not ${m.channel}`);
      const info = await transport.sendMail({ from: options.from, to: m.recipient, subject: m.subject ?? '', text: m.body });
      if (info.rejected.length > 0) throw new Error(`the SMTP server rejected the recipient (${info.response})`);
    },
    close() {
      transport.close();
    },
  };
}

/** The adapters the configuration asks for: e-mail by ONESTOP_MAIL_ADAPTER, SMS by log. */
export function outboxAdapters(config: Pick<Config, 'mailAdapter' | 'smtpUrl' | 'mailFrom'>, logger: Logger): ChannelAdapters {
  const log = logAdapter(logger);
  const email = config.mailAdapter === 'smtp' ? smtpAdapter({ url: config.smtpUrl!, from: config.mailFrom }) : log;
  return { sms: log, email };
}
