import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sniffMediaType } from './sniff.js';
import { docxSample, jpegSample, ofdSample, pdfSample, pngSample, textSample, zipOf } from './testing/samples.js';
import { zipEntryNames } from './zip-entries.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onestop-sniff-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;
const fileOf = (bytes: Buffer) => {
  const file = path.join(dir, `sample-${n++}.pdf`); // every name says .pdf: only the content counts
  fs.writeFileSync(file, bytes);
  return file;
};

describe('sniffMediaType', () => {
  it.each([
    ['PDF', pdfSample(), 'application/pdf'],
    ['PNG', pngSample(), 'image/png'],
    ['JPEG', jpegSample(), 'image/jpeg'],
    ['DOCX', docxSample(), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['OFD', ofdSample(), 'application/ofd'],
  ])('recognises %s by its content', async (_kind, bytes, expected) => {
    expect(await sniffMediaType(fileOf(bytes))).toBe(expected);
  });

  it.each([
    ['text named .pdf', textSample()],
    ['an empty file', Buffer.alloc(0)],
    ['a zip that is neither DOCX nor OFD', zipOf({ 'readme.txt': 'hello', 'data/OFD.xml.bak': 'x' })],
    ['a GIF', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1')],
    ['a zip whose end record is cut off', docxSample().subarray(0, docxSample().length - 10)],
  ])('refuses %s', async (_kind, bytes) => {
    expect(await sniffMediaType(fileOf(bytes))).toBeNull();
  });
});

describe('zipEntryNames', () => {
  it('lists the entries from the central directory, past a trailing comment', async () => {
    const file = fileOf(zipOf({ 'OFD.xml': '<x/>', 'Doc_0/Document.xml': '<y/>' }, '注释 comment'));
    expect(await zipEntryNames(file)).toEqual(['OFD.xml', 'Doc_0/Document.xml']);
  });

  it('gives null for what is not a zip', async () => {
    expect(await zipEntryNames(fileOf(pdfSample()))).toBeNull();
  });
});
