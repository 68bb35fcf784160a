/**
 * The entry names of a zip file, read from its central directory (the end of the file), without inflating
 * anything: enough to tell a DOCX (word/document.xml) from an OFD (OFD.xml) from any other zip.
 */
import fs from 'node:fs';

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const EOCD_MIN = 22;
/** The end record plus the longest comment a zip may carry. */
const TAIL_MAX = EOCD_MIN + 0xffff;
/** A central directory larger than this is not a document we accept. */
const DIRECTORY_MAX = 4 * 1024 * 1024;

/** Names in the central directory of the zip at `file`; null when it is not a readable zip. */
export async function zipEntryNames(file: string): Promise<string[] | null> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size < EOCD_MIN) return null;
    const tailLength = Math.min(size, TAIL_MAX);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    let eocd = -1;
    for (let i = tailLength - EOCD_MIN; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) return null;
    const entries = tail.readUInt16LE(eocd + 10);
    const directorySize = tail.readUInt32LE(eocd + 12);
    const directoryOffset = tail.readUInt32LE(eocd + 16);
    if (directorySize > DIRECTORY_MAX || directoryOffset + directorySize > size) return null;
    const directory = Buffer.alloc(directorySize);
    await handle.read(directory, 0, directorySize, directoryOffset);
    return parseCentralDirectory(directory, entries);
  } finally {
    await handle.close();
  }
}

export function parseCentralDirectory(directory: Buffer, entries: number): string[] | null {
  const names: string[] = [];
  let at = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL_SIGNATURE) return null;
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    if (at + 46 + nameLength > directory.length) return null;
    names.push(directory.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}
