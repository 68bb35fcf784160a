import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('mail settings', () => {
  it('default to the log adapter with a local From', () => {
    expect(loadConfig({ NODE_ENV: 'test' })).toMatchObject({ mailAdapter: 'log', smtpUrl: undefined, mailFrom: 'onestop <no-reply@localhost>' });
  });

  it('take an SMTP URL and a From', () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      ONESTOP_MAIL_ADAPTER: 'smtp',
      ONESTOP_SMTP_URL: 'smtp://mailer:secret@mail.example:587',
      ONESTOP_MAIL_FROM: '一站通 <no-reply@onestop.example>',
    });
    expect(config).toMatchObject({ mailAdapter: 'smtp', smtpUrl: 'smtp://mailer:secret@mail.example:587', mailFrom: '一站通 <no-reply@onestop.example>' });
  });

  it('refuse the smtp adapter without a URL, a URL that is not smtp(s)://, and an unknown adapter', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', ONESTOP_MAIL_ADAPTER: 'smtp' })).toThrow(/ONESTOP_SMTP_URL: required/);
    expect(() => loadConfig({ NODE_ENV: 'test', ONESTOP_MAIL_ADAPTER: 'smtp', ONESTOP_SMTP_URL: 'http://mail.example' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'test', ONESTOP_MAIL_ADAPTER: 'sms' })).toThrow(/ONESTOP_MAIL_ADAPTER/);
  });
});
