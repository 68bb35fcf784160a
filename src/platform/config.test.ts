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

describe('upload and blob store settings', () => {
  it('default to local blobs, 20 MB per file, 100 MB per case, and no virus scanner', () => {
    expect(loadConfig({ NODE_ENV: 'test' })).toMatchObject({
      blobStore: 'local',
      s3: undefined,
      uploadMaxFileBytes: 20 * 1024 * 1024,
      uploadMaxCaseBytes: 100 * 1024 * 1024,
      clamav: undefined,
    });
  });

  it('take an S3 bucket, endpoint and region, limits in MB, and clamd as host:port', () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      ONESTOP_BLOB_STORE: 's3',
      ONESTOP_S3_BUCKET: 'materials',
      ONESTOP_S3_ENDPOINT: 'http://minio.internal:9000',
      ONESTOP_S3_REGION: 'cn-east-1',
      ONESTOP_UPLOAD_MAX_FILE_MB: '5',
      ONESTOP_UPLOAD_MAX_CASE_MB: '0.5',
      ONESTOP_CLAMAV: 'clamd.internal:3310',
    });
    expect(config).toMatchObject({
      blobStore: 's3',
      s3: { bucket: 'materials', endpoint: 'http://minio.internal:9000', region: 'cn-east-1' },
      uploadMaxFileBytes: 5 * 1024 * 1024,
      uploadMaxCaseBytes: 512 * 1024,
      clamav: { host: 'clamd.internal', port: 3310 },
    });
  });

  it('refuse s3 without a bucket, a limit that is not a positive number, and clamd without a port', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', ONESTOP_BLOB_STORE: 's3' })).toThrow(/ONESTOP_S3_BUCKET: required/);
    expect(() => loadConfig({ NODE_ENV: 'test', ONESTOP_UPLOAD_MAX_FILE_MB: '0' })).toThrow(/ONESTOP_UPLOAD_MAX_FILE_MB/);
    expect(() => loadConfig({ NODE_ENV: 'test', ONESTOP_UPLOAD_MAX_CASE_MB: 'lots' })).toThrow(/ONESTOP_UPLOAD_MAX_CASE_MB/);
    expect(() => loadConfig({ NODE_ENV: 'test', ONESTOP_CLAMAV: 'clamd.internal' })).toThrow(/ONESTOP_CLAMAV/);
  });
});
