/**
 * A tiny SMTP server for tests (node:net, loopback only): enough of RFC 5321 for nodemailer to hand
 * over a message (EHLO, AUTH PLAIN, MAIL, RCPT, DATA, RSET, NOOP, QUIT). It keeps what it received
 * and can refuse every recipient (550), to exercise the failure path.
 */
import net from 'node:net';

export interface ReceivedMail {
  from: string;
  to: string[];
  /** Who authenticated (AUTH PLAIN), if anyone. */
  user: string | null;
  password: string | null;
  /** The raw message: headers, blank line, encoded body. */
  data: string;
}

export interface SmtpReceiver {
  port: number;
  /** smtp://user:pass@127.0.0.1:port */
  url(user?: string, password?: string): string;
  received: ReceivedMail[];
  /** The next message not yet taken (waits for it). */
  next(): Promise<ReceivedMail>;
  /** Answer 550 to every RCPT from now on (or stop doing so). */
  rejectRecipients: boolean;
  close(): Promise<void>;
}

export async function startSmtpReceiver(): Promise<SmtpReceiver> {
  const received: ReceivedMail[] = [];
  const waiting: ((mail: ReceivedMail) => void)[] = [];
  let taken = 0;
  const sockets = new Set<net.Socket>();
  const receiver = { rejectRecipients: false } as SmtpReceiver;

  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    socket.setEncoding('utf8');
    const reply = (line: string) => socket.write(`${line}\r\n`);
    let mail: ReceivedMail = blank();
    let user: string | null = null;
    let password: string | null = null;
    let inData = false;
    let dataLines: string[] = [];
    let buffer = '';
    reply('220 localhost onestop test SMTP');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            const done = { ...mail, user, password, data: dataLines.join('\r\n') };
            received.push(done);
            waiting.shift()?.(done);
            mail = blank();
            reply('250 2.0.0 queued');
          } else {
            dataLines.push(line.startsWith('..') ? line.slice(1) : line);
          }
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') reply('250-localhost\r\n250-AUTH PLAIN\r\n250 8BITMIME');
        else if (verb === 'HELO') reply('250 localhost');
        else if (verb === 'AUTH') {
          const [, , encoded = ''] = line.split(' ');
          const [, u = '', p = ''] = Buffer.from(encoded, 'base64').toString('utf8').split('\0');
          user = u;
          password = p;
          reply('235 2.7.0 authenticated');
        } else if (verb === 'MAIL') {
          mail.from = address(line);
          reply('250 2.1.0 ok');
        } else if (verb === 'RCPT') {
          if (receiver.rejectRecipients) reply(`550 5.1.1 <${address(line)}> mailbox unavailable`);
          else {
            mail.to.push(address(line));
            reply('250 2.1.5 ok');
          }
        } else if (verb === 'DATA') {
          inData = true;
          dataLines = [];
          reply('354 end with <CRLF>.<CRLF>');
        } else if (verb === 'RSET') {
          mail = blank();
          reply('250 2.0.0 ok');
        } else if (verb === 'NOOP') reply('250 2.0.0 ok');
        else if (verb === 'QUIT') {
          reply('221 2.0.0 bye');
          socket.end();
        } else reply('502 5.5.2 not implemented');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;

  return Object.assign(receiver, {
    port,
    received,
    url: (user = 'onestop', password = 'secret') => `smtp://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}`,
    next: () =>
      new Promise<ReceivedMail>((resolve) => {
        const ready = received[taken];
        taken++;
        if (ready) resolve(ready);
        else waiting.push(resolve);
      }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  });
}

const blank = (): ReceivedMail => ({ from: '', to: [], user: null, password: null, data: '' });
const address = (line: string) => /<([^>]*)>/.exec(line)?.[1] ?? '';

/** A header's value, unfolded, with RFC 2047 encoded words (=?UTF-8?B|Q?…?=) decoded. */
export function header(data: string, name: string): string | undefined {
  const head = data.split('\r\n\r\n')[0]!.replace(/\r\n[ \t]+/g, ' ');
  const line = head.split('\r\n').find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  if (line === undefined) return undefined;
  const value = line.slice(name.length + 1).trim();
  return value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_, kind: string, text: string) =>
    kind.toLowerCase() === 'b' ? Buffer.from(text, 'base64').toString('utf8') : decodeQuotedPrintable(text.replace(/_/g, ' ')),
  );
}

/** The text body, decoded from its Content-Transfer-Encoding (7bit, 8bit, quoted-printable, base64). */
export function textBody(data: string): string {
  const body = data.slice(data.indexOf('\r\n\r\n') + 4);
  const encoding = (header(data, 'Content-Transfer-Encoding') ?? '7bit').toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body.replace(/=\r\n/g, ''));
  return body;
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(text[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}
