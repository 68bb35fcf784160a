/**
 * A catalogue of one agency (浙江省大数据发展管理局 in 330000), for tests that need an agency to attach staff to
 * without the demo catalogue. `usccSerial` keeps the agency's USCC apart between test suites.
 */
import { loadCatalogue } from '../../src/modules/catalog/index.js';
import type { Db } from '../../src/platform/db/index.js';
import { makeUscc } from '../../src/platform/checksums.js';

/** Loads the one-agency catalogue into `db`; the agency's id. */
export async function loadOneAgency(db: Db, usccSerial: string): Promise<number> {
  await loadCatalogue(
    db,
    {
      divisions: [{ code: '330000', name: '浙江省', level: 'province', parent: null }],
      agencies: [
        {
          key: 'dsj', name: '浙江省大数据发展管理局', uscc: makeUscc('11', '330000', usccSerial), jurisdiction: '330000', parentUscc: null,
          address: '杭州市', hours: '工作日 9:00-17:00', consultationPhone: '0571-88000001', complaintPhone: '12345', nature: '1',
        },
      ],
      basicItems: [],
      implementationItems: [],
    },
    { actor: 'test' },
  );
  return (await db.query<{ id: number }>('SELECT id::int AS id FROM catalog.agency'))[0]!.id;
}
