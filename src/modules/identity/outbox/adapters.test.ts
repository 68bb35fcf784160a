import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../platform/log.js';
import { logAdapter, outboxAdapters, smtpAdapter, type OutboxMessage } from './adapters.js';
import { header, startSmtpReceiver, textBody, type SmtpReceiver } from './testing/smtp-receiver.js';

const email: OutboxMessage = {
  id: 7,
  channel: 'email',
  recipient: 'zhang.san@example.com',
  recipientMasked: 'z***@example.com',
  subject: '一站通验证码 Your onestop code',
  body: '您的验证码是 123456，10 分钟内有效。\nYour code is 123456, valid for 10 minutes.',
};

describe('the smtp adapter, against an SMTP server in this process', () => {
  let smtp: SmtpReceiver;
  beforeAll(async () => {
    smtp = await startSmtpReceiver();
  });
  afterAll(() => smtp?.close());

  it('hands the message over with the configured From, authenticating with the URL credentials', async () => {
    const adapter = smtpAdapter({ url: smtp.url('mailer', 'p@ss word'), from: '一站通 <no-reply@onestop.example>' });
    try {
      await adapter.deliver(email);
    } finally {
      adapter.close();
    }
    const mail = await smtp.next();
    expect(mail).toMatchObject({ from: 'no-reply@onestop.example', to: ['zhang.san@example.com'], user: 'mailer', password: 'p@ss word' });
    expect(header(mail.data, 'Subject')).toBe(email.subject);
    expect(header(mail.data, 'To')).toBe('zhang.san@example.com');
    expect(header(mail.data, 'From')).toContain('no-reply@onestop.example');
    expect(textBody(mail.data).replace(/\r\n/g, '\n').trim()).toBe(email.body);
  });

  it('throws when the server refuses the recipient, and refuses SMS', async () => {
    const adapter = smtpAdapter({ url: smtp.url(), from: 'no-reply@onestop.example' });
    smtp.rejectRecipients = true;
    try {
      await expect(adapter.deliver(email)).rejects.toThrow(/550|recipient/i);
      await expect(adapter.deliver({ ...email, channel: 'sms', recipient: '13800001234' })).rejects.toThrow(/not sms/);
    } finally {
      smtp.rejectRecipients = false;
      adapter.close();
    }
  });

  it('fails (does not hang) when nothing listens', async () => {
    const closed = await startSmtpReceiver();
    const url = closed.url();
    await closed.close();
    const adapter = smtpAdapter({ url, from: 'no-reply@onestop.example' });
    try {
      await expect(adapter.deliver(email)).rejects.toThrow(/ECONNREFUSED|connect/i);
    } finally {
      adapter.close();
    }
  });
});

describe('outboxAdapters', () => {
  const logger = createLogger('silent');
  it('sends SMS through the log adapter whatever the mail adapter, and e-mail as configured', () => {
    const log = outboxAdapters({ mailAdapter: 'log', smtpUrl: undefined, mailFrom: 'x@y.z' }, logger);
    expect([log.sms.name, log.email.name]).toEqual(['log', 'log']);
    const smtp = outboxAdapters({ mailAdapter: 'smtp', smtpUrl: 'smtp://127.0.0.1:25', mailFrom: 'x@y.z' }, logger);
    expect([smtp.sms.name, smtp.email.name]).toEqual(['log', 'smtp']);
    smtp.email.close();
  });

  it('the log adapter logs the masked recipient and never the body or the address', async () => {
    const lines: string[] = [];
    const adapter = logAdapter(createLogger('info', { write: (line: string) => void lines.push(line) }));
    await adapter.deliver(email);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ outboxId: 7, channel: 'email', recipient: 'z***@example.com' });
    expect(lines[0]).not.toContain('123456');
    expect(lines[0]).not.toContain('zhang.san');
  });
});
