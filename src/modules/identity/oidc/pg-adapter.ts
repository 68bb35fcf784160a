/**
 * oidc-provider's storage on our database (PGlite or PostgreSQL): every model in `oidc.model` as a
 * JSON payload keyed by model name and id, with the lookups the provider needs (uid, user code,
 * grant id). Clients are not stored here: the `Client` model reads the client registry (`oidc.client`).
 */
import type { Adapter, AdapterPayload } from 'oidc-provider';
import type { Db } from '../../../platform/db/index.js';
import {
  consumeModel,
  destroyModelsByGrantId,
  destroyModel,
  findModel,
  findModelByUid,
  findModelByUserCode,
  purgeExpiredModels,
  upsertModel,
  type ModelRow,
} from './oidc.repository.js';

/** Client metadata for the provider by client_id, from the registry. */
export type ClientSource = (clientId: string) => Promise<AdapterPayload | undefined>;

/** About one upsert in this many also deletes expired rows, so the table does not grow without bound. */
const PURGE_ONE_IN = 200;

function payloadOf(row: ModelRow | undefined): AdapterPayload | undefined {
  if (!row) return undefined;
  const payload = row.payload as AdapterPayload;
  return row.consumedAt ? { ...payload, consumed: Math.floor(row.consumedAt.getTime() / 1000) } : payload;
}

export function pgAdapterFactory(db: Db, clients: ClientSource): new (name: string) => Adapter {
  return class PgAdapter implements Adapter {
    readonly #model: string;

    constructor(name: string) {
      this.#model = name;
    }

    async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
      if (this.#model === 'Client') throw new Error('clients are added with `onestop oidc clients add` or the admin page');
      await upsertModel(db, {
        model: this.#model,
        id,
        payload,
        grantId: payload.grantId ?? null,
        uid: payload.uid ?? null,
        userCode: payload.userCode ?? null,
        expiresInSeconds: expiresIn ? Math.ceil(expiresIn) : null,
      });
      if (Math.random() * PURGE_ONE_IN < 1) await purgeExpiredModels(db);
    }

    async find(id: string): Promise<AdapterPayload | undefined> {
      if (this.#model === 'Client') return clients(id);
      return payloadOf(await findModel(db, this.#model, id));
    }

    async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
      return payloadOf(await findModelByUserCode(db, this.#model, userCode));
    }

    async findByUid(uid: string): Promise<AdapterPayload | undefined> {
      return payloadOf(await findModelByUid(db, this.#model, uid));
    }

    async consume(id: string): Promise<void> {
      await consumeModel(db, this.#model, id);
    }

    async destroy(id: string): Promise<void> {
      await destroyModel(db, this.#model, id);
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      await destroyModelsByGrantId(db, this.#model, grantId);
    }
  };
}
