import net from 'node:net';

/** The EICAR anti-virus test string: harmless, and every scanner reports it. */
export const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';

/**
 * A fake clamd: reads `zINSTREAM\0`, then length-prefixed chunks up to a zero length, reassembles the bytes and
 * answers like clamd: `stream: Eicar-Test-Signature FOUND` when they hold the EICAR string, else `stream: OK`.
 * `received` keeps what each connection sent, to check the framing.
 */
export async function startFakeClamd(): Promise<{ port: number; received: Buffer[]; close(): Promise<void> }> {
  const received: Buffer[] = [];
  const server = net.createServer((socket) => {
    let buffer = Buffer.alloc(0);
    socket.on('data', (data) => {
      buffer = Buffer.concat([buffer, data]);
      const command = 'zINSTREAM\0';
      if (buffer.length < command.length) return;
      if (buffer.subarray(0, command.length).toString() !== command) return void socket.end('UNKNOWN COMMAND\0');
      let at = command.length;
      const content: Buffer[] = [];
      while (at + 4 <= buffer.length) {
        const length = buffer.readUInt32BE(at);
        if (length === 0) {
          const bytes = Buffer.concat(content);
          received.push(bytes);
          socket.end(bytes.includes(EICAR) ? 'stream: Eicar-Test-Signature FOUND\0' : 'stream: OK\0');
          return;
        }
        if (at + 4 + length > buffer.length) return;
        content.push(buffer.subarray(at + 4, at + 4 + length));
        at += 4 + length;
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
