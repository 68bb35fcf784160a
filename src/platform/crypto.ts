import crypto from 'node:crypto';

/**
 * Field encryption and lookup hashes for personal data (ID numbers, phones), from one 32-byte key
 * (config.dataKey, ONESTOP_DATA_KEY). Two sub-keys are derived from it, so that the encryption key
 * and the hash key are never the same bytes.
 *
 * - `encrypt` is AES-256-GCM with a random 96-bit IV: 'v1:<iv>:<tag>:<ciphertext>', each base64url.
 *   The version prefix leaves room for a key rotation or SM4 later.
 * - `lookupHash` is HMAC-SHA256 over purpose and value: equal values give equal hashes (for a UNIQUE
 *   index and a lookup), and without the key nobody can test a guessed ID number against the table.
 */
export class FieldCrypto {
  readonly #encryptionKey: Buffer;
  readonly #hashKey: Buffer;

  constructor(key: Buffer) {
    if (key.length !== 32) throw new RangeError('the data key must be 32 bytes');
    this.#encryptionKey = deriveKey(key, 'onestop field encryption v1');
    this.#hashKey = deriveKey(key, 'onestop lookup hash v1');
  }

  encrypt(text: string): string {
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', this.#encryptionKey, iv);
    const ciphertext = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join(':');
  }

  /** The plaintext; throws when the value was altered or encrypted under another key. */
  decrypt(value: string): string {
    const parts = value.split(':');
    if (parts.length !== 4 || parts[0] !== 'v1') throw new Error('not a v1 encrypted field');
    const [iv, tag, ciphertext] = parts.slice(1).map((part) => Buffer.from(part, 'base64url')) as [Buffer, Buffer, Buffer];
    const decipher = crypto.createDecipheriv('aes-256-gcm', this.#encryptionKey, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  }

  /** Hex HMAC-SHA256; `purpose` ('id_number', 'phone' …) keeps hashes of different fields apart. */
  lookupHash(purpose: string, value: string): string {
    return crypto.createHmac('sha256', this.#hashKey).update(`${purpose}\0${value}`, 'utf8').digest('hex');
  }
}

function deriveKey(key: Buffer, info: string): Buffer {
  return Buffer.from(crypto.hkdfSync('sha256', key, Buffer.alloc(0), info, 32));
}
