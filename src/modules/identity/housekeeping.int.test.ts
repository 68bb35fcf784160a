/** purgeExpiredIdentityData (数据清理) on a real database, and `onestop identity purge`. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../../test/support/db.js';
import { blankDatabase, resultOf, runOnestop, withOpenDb, type BlankDatabase } from '../../../test/cli/run.js';
import { purgeExpiredIdentityData, type PurgeResult } from './index.js';

const NOTHING: PurgeResult = { sessions: 0, signInEvents: 0, oneTimeCodes: 0, mfaChallenges: 0, outboxMessages: 0 };

describe('purgeExpiredIdentityData', () => {
  let t: TestDb;
  let personId: string;
  let staffId: string;
  const ids = async (sql: string) => (await t.db.query<{ id: string }>(sql)).map((r) => String(r.id)).sort();

  beforeAll(async () => {
    t = await openTestDb('demo');
    const q = t.db.query.bind(t.db);
    [{ id: personId }] = (await q(
      `INSERT INTO identity.person (name, id_number_enc, id_number_hash, id_number_masked, phone_enc, phone_hash, phone_masked, password_hash)
       VALUES ('清理测试', 'enc', 'housekeeping-test-hash', '3301**********0000', 'enc', 'phone-hash', '138****0000', 'x') RETURNING id`,
    )) as [{ id: string }];
    [{ id: staffId }] = (await q(
      `INSERT INTO identity.staff (login_name, name, agency_id, password_hash, totp_secret_enc)
       VALUES ('housekeeping.test', '清理测试', (SELECT min(id) FROM catalog.agency), 'x', 'enc') RETURNING id`,
    )) as [{ id: string }];
    const day = (n: number) => `now() + make_interval(days => ${n})`;
    const hour = (n: number) => `now() + make_interval(mins => ${Math.round(n * 60)})`;
    for (const [id, expires, revoked] of [
      ['old-expired', day(-31), null],
      ['recent-expired', day(-29), null],
      ['old-revoked', day(1), day(-31)],
      ['recent-revoked', day(1), day(-1)],
      ['live', day(1), null],
    ] as const) {
      await q(`INSERT INTO identity.session (id, person_id, created_at, expires_at, revoked_at) VALUES ($1, $2, ${day(-60)}, ${expires}, ${revoked ?? 'NULL'})`, [
        id,
        personId,
      ]);
    }
    for (const [key, at] of [['old', day(-181)], ['kept', day(-179)]] as const) {
      await q(`INSERT INTO identity.sign_in_event (account_key, at, ip, outcome) VALUES ($1, ${at}, '127.0.0.1', 'success')`, [`housekeeping-${key}`]);
    }
    for (const [hash, created, expires, used] of [
      ['used-yesterday', hour(-25), hour(-24.8), hour(-24.9)],
      ['expired-days-ago', day(-2), day(-2), null],
      ['used-an-hour-ago', hour(-1), hour(-0.9), hour(-0.95)],
      ['live', 'now()', hour(0.1), null],
    ] as const) {
      await q(
        `INSERT INTO identity.one_time_code (person_id, purpose, code_hash, created_at, expires_at, used_at)
         VALUES ($1, 'verify_phone', $2, ${created}, ${expires}, ${used ?? 'NULL'})`,
        [personId, hash],
      );
    }
    for (const [id, expires, used] of [
      ['used-days-ago', day(-2), day(-2)],
      ['expired-days-ago', day(-2), null],
      ['expired-an-hour-ago', hour(-1), null],
      ['live', hour(0.1), null],
    ] as const) {
      await q(`INSERT INTO identity.mfa_challenge (id, staff_id, account_key, expires_at, used_at) VALUES ($1, $2, 'k', ${expires}, ${used ?? 'NULL'})`, [id, staffId]);
    }
    for (const [body, created, sent, failed] of [
      ['sent-91-days-ago', day(-91), day(-91), null],
      ['sent-89-days-ago', day(-89), day(-89), null],
      ['never-sent', day(-100), null, null],
      ['gave-up', day(-100), null, day(-100)],
    ] as const) {
      await q(
        `INSERT INTO identity.notification_outbox (channel, recipient_enc, recipient_masked, body, created_at, sent_at, failed_at)
         VALUES ('sms', 'enc', '138****0000', $1, ${created}, ${sent ?? 'NULL'}, ${failed ?? 'NULL'})`,
        [body],
      );
    }
  });
  afterAll(() => t?.close());

  it('deletes exactly what is past its retention, keeps the rest, and audits what it deleted', async () => {
    expect(await purgeExpiredIdentityData(t.db)).toEqual({ sessions: 2, signInEvents: 1, oneTimeCodes: 2, mfaChallenges: 2, outboxMessages: 1 });
    expect(await ids(`SELECT id FROM identity.session WHERE person_id = '${personId}'`)).toEqual(['live', 'recent-expired', 'recent-revoked']);
    expect(await ids(`SELECT account_key AS id FROM identity.sign_in_event WHERE account_key LIKE 'housekeeping-%'`)).toEqual(['housekeeping-kept']);
    expect(await ids(`SELECT code_hash AS id FROM identity.one_time_code WHERE person_id = '${personId}'`)).toEqual(['live', 'used-an-hour-ago']);
    expect(await ids(`SELECT id FROM identity.mfa_challenge WHERE staff_id = '${staffId}'`)).toEqual(['expired-an-hour-ago', 'live']);
    expect(await ids(`SELECT body AS id FROM identity.notification_outbox WHERE recipient_enc = 'enc'`)).toEqual(['gave-up', 'never-sent', 'sent-89-days-ago']);
    const audit = await t.db.query<{ actor: string; detail: unknown }>(`SELECT actor, detail FROM platform.audit_log WHERE action = 'identity.data.purged'`);
    expect(audit).toEqual([{ actor: 'system:housekeeping', detail: { sessions: 2, signInEvents: 1, oneTimeCodes: 2, mfaChallenges: 2, outboxMessages: 1 } }]);
  });

  it('a second run finds nothing and leaves no audit record', async () => {
    expect(await purgeExpiredIdentityData(t.db)).toEqual(NOTHING);
    const [row] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM platform.audit_log WHERE action = 'identity.data.purged'`);
    expect(row!.n).toBe(1);
  });
});

describe('onestop identity purge', () => {
  let blank: BlankDatabase;
  beforeAll(async () => {
    blank = await blankDatabase();
  });
  afterAll(() => blank?.drop());

  it('purges the configured database and prints the counts as JSON', { timeout: 180_000 }, async () => {
    expect((await runOnestop(['migrate'], blank.env)).code).toBe(0);
    await withOpenDb(blank, (db) =>
      db.query(`INSERT INTO identity.sign_in_event (account_key, at, ip, outcome) VALUES ('k', now() - interval '200 days', '127.0.0.1', 'success')`),
    );
    const run = await runOnestop(['identity', 'purge'], blank.env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(resultOf<PurgeResult>(run)).toEqual({ ...NOTHING, signInEvents: 1 });
  });
});
