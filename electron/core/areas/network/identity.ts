/**
 * The host's identity on the club network: a TLS key and a self-signed certificate (the `selfsigned`
 * library; no hand-written crypto), made on the host's first start and kept in the data folder
 * (`network/`, the folder 0700 and the files 0600). Stations pin the certificate at pairing: they
 * trust this certificate and no other.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { generate } from 'selfsigned';

export interface HostIdentity {
  key: string;
  cert: string;
  /** SHA-256 of the certificate, as `AB:CD:…` (what the manager compares on both screens). */
  fingerprint: string;
}

const dirOf = (dataDir: string) => path.join(dataDir, 'network');
const KEY = 'host-key.pem';
const CERT = 'host-cert.pem';

export function fingerprintOf(certPem: string): string {
  return new crypto.X509Certificate(certPem).fingerprint256;
}

const ADDRESS = 'listening.txt';

/**
 * The address stations reach the host at while it listens (null: not listening), written by the
 * club network transport so that the settings screen can show it.
 */
export function writeListening(dataDir: string, url: string | null): void {
  const file = path.join(dirOf(dataDir), ADDRESS);
  if (url === null) fs.rmSync(file, { force: true });
  else fs.writeFileSync(file, url, { mode: 0o600 });
}

export function readListening(dataDir: string): string | null {
  try {
    return fs.readFileSync(path.join(dirOf(dataDir), ADDRESS), 'utf8').trim() || null;
  } catch {
    return null;
  }
}

/** The host's identity when it was made (null before the first start as a host). */
export function readIdentity(dataDir: string): HostIdentity | null {
  const dir = dirOf(dataDir);
  try {
    const key = fs.readFileSync(path.join(dir, KEY), 'utf8');
    const cert = fs.readFileSync(path.join(dir, CERT), 'utf8');
    return { key, cert, fingerprint: fingerprintOf(cert) };
  } catch {
    return null;
  }
}

/** The host's identity, made now if this is its first start (an EC P-256 key, valid 20 years). */
export async function ensureIdentity(dataDir: string): Promise<HostIdentity> {
  const existing = readIdentity(dataDir);
  if (existing) return existing;
  const dir = dirOf(dataDir);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const now = Date.now();
  const pems = await generate([{ name: 'commonName', value: 'Front Desk club host' }], {
    keyType: 'ec',
    curve: 'P-256',
    notBeforeDate: new Date(now - 86_400_000),
    notAfterDate: new Date(now + 20 * 365 * 86_400_000),
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyCertSign: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
    ],
  });
  // written beside and renamed: a crash never leaves half a key
  for (const [name, text] of [
    [KEY, pems.private],
    [CERT, pems.cert],
  ] as const) {
    const tmp = path.join(dir, `${name}.tmp`);
    fs.writeFileSync(tmp, text, { mode: 0o600 });
    fs.renameSync(tmp, path.join(dir, name));
  }
  return { key: pems.private, cert: pems.cert, fingerprint: fingerprintOf(pems.cert) };
}
