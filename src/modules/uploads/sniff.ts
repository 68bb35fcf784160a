/** What a file is, from its bytes (magic numbers and zip entries), never from its name or declared type. */
import { fileTypeFromFile } from 'file-type';
import { zipEntryNames } from './zip-entries.js';

export const ALLOWED_MEDIA_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  /** 版式文档 OFD (GB/T 33190): a zip with OFD.xml at its root. */
  'application/ofd',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
] as const;
export type AllowedMediaType = (typeof ALLOWED_MEDIA_TYPES)[number];

const BY_MAGIC: Record<string, AllowedMediaType> = {
  'application/pdf': 'application/pdf',
  'image/jpeg': 'image/jpeg',
  'image/png': 'image/png',
};

/** The media type of the file at `file` when it is one we accept; null otherwise. */
export async function sniffMediaType(file: string): Promise<AllowedMediaType | null> {
  const found = await fileTypeFromFile(file);
  if (!found) return null;
  const direct = BY_MAGIC[found.mime];
  if (direct) return direct;
  // file-type recognises zips (and reads some Office containers); which zip it is, the central directory says.
  if (found.ext === 'zip' || found.ext === 'docx') {
    const names = await zipEntryNames(file);
    if (!names) return null;
    if (names.includes('OFD.xml')) return 'application/ofd';
    if (names.includes('word/document.xml') && names.includes('[Content_Types].xml')) {
      return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    }
  }
  return null;
}
