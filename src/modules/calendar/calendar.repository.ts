/** All SQL of the calendar module (schema `calendar`, migration 0012). */
import type { Queryable } from '../../platform/db/index.js';
import type { IsoDate } from './dates.js';
import type { CalendarOverride, OverrideKind } from './working-days.js';

/** An override as stored, with who set it and when. */
export interface StoredOverride extends CalendarOverride {
  createdBy: string;
  createdAt: string;
}

interface OverrideRow {
  jurisdiction_code: string;
  day: IsoDate;
  kind: OverrideKind;
  reason: string;
  created_by: string;
  created_at: Date | string;
}

const COLUMNS = 'jurisdiction_code, day, kind, reason, created_by, created_at';

const toOverride = (r: OverrideRow): StoredOverride => ({
  jurisdictionCode: r.jurisdiction_code,
  day: r.day,
  kind: r.kind,
  reason: r.reason,
  createdBy: r.created_by,
  createdAt: new Date(r.created_at).toISOString(),
});

/** The overrides of these jurisdictions, optionally only those from `from` to `to` (both included), by day. */
export async function listOverrides(
  q: Queryable,
  jurisdictionCodes: readonly string[],
  range: { from?: IsoDate; to?: IsoDate } = {},
): Promise<StoredOverride[]> {
  const rows = await q.query<OverrideRow>(
    `SELECT ${COLUMNS} FROM calendar.override
      WHERE jurisdiction_code IN (SELECT jsonb_array_elements_text($1::jsonb))
        AND ($2::date IS NULL OR day >= $2::date) AND ($3::date IS NULL OR day <= $3::date)
      ORDER BY day, jurisdiction_code`,
    [JSON.stringify(jurisdictionCodes), range.from ?? null, range.to ?? null],
  );
  return rows.map(toOverride);
}

export async function findOverride(q: Queryable, jurisdictionCode: string, day: IsoDate): Promise<StoredOverride | null> {
  const rows = await q.query<OverrideRow>(`SELECT ${COLUMNS} FROM calendar.override WHERE jurisdiction_code = $1 AND day = $2`, [jurisdictionCode, day]);
  return rows[0] ? toOverride(rows[0]) : null;
}

/** Insert or replace the override of one day of one jurisdiction. */
export async function upsertOverride(q: Queryable, override: CalendarOverride, createdBy: string): Promise<StoredOverride> {
  const rows = await q.query<OverrideRow>(
    `INSERT INTO calendar.override (jurisdiction_code, day, kind, reason, created_by) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (jurisdiction_code, day)
       DO UPDATE SET kind = EXCLUDED.kind, reason = EXCLUDED.reason, created_by = EXCLUDED.created_by, created_at = now()
     RETURNING ${COLUMNS}`,
    [override.jurisdictionCode, override.day, override.kind, override.reason, createdBy],
  );
  return toOverride(rows[0]!);
}

/** Delete the override of one day; the deleted row, or null when there was none. */
export async function deleteOverride(q: Queryable, jurisdictionCode: string, day: IsoDate): Promise<StoredOverride | null> {
  const rows = await q.query<OverrideRow>(
    `DELETE FROM calendar.override WHERE jurisdiction_code = $1 AND day = $2 RETURNING ${COLUMNS}`,
    [jurisdictionCode, day],
  );
  return rows[0] ? toOverride(rows[0]) : null;
}
