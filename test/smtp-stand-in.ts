// A mail server for the invitation tests: a real SMTP server (the smtp-server package) on 127.0.0.1 that
// requires AUTH, as a provider does, and records each message as it came over the wire: the envelope, the
// headers and the body decoded by its Content-Transfer-Encoding. Only the wire is checked, never nodemailer's calls.
import net from 'node:net';
import { SMTPServer } from 'smtp-server';

export type WireMessage = { user: string | undefined; mailFrom: string; rcptTo: string[]; headers: Record<string, string>; body: string; raw: string };

function decodeBody(body: string, encoding: string | undefined): string {
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

/** Headers (unfolded, names lower-cased) and the decoded body of a single-part message. */
export function parseMessage(raw: string): Pick<WireMessage, 'headers' | 'body'> {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n(?=[ \t])/g, '');
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body: decodeBody(raw.slice(split + 4), headers['content-transfer-encoding']?.toLowerCase()) };
}

export async function startSmtpStandIn({ user, password }: { user: string; password: string }) {
  const messages: WireMessage[] = [];
  const server = new SMTPServer({
    authMethods: ['PLAIN', 'LOGIN'],
    // Plain SMTP on loopback: no certificate to trust, so no STARTTLS; AUTH over it is allowed here only.
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === password) callback(null, { user });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const mailFrom = session.envelope.mailFrom;
        messages.push({ user: session.user as string | undefined, mailFrom: mailFrom ? mailFrom.address : '', rcptTo: session.envelope.rcptTo.map((r) => r.address), ...parseMessage(raw), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as net.AddressInfo;
  return {
    url: `smtp://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}`,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** An SMTP URL where nothing listens (a port just freed), for a mail server that is down. */
export async function unreachableSmtpUrl(): Promise<string> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `smtp://127.0.0.1:${port}`;
}
