/**
 * The standby copy on a station (issue 15): the computer the host names as standby keeps a verified
 * copy of the club's database in `standby/` inside its data folder, so that a manager can make it
 * the front desk when the desk PC dies.
 *
 * - A copy is downloaded from the host (`GET /standby/snapshot`, made there with SQLite's online
 *   backup API) into `standby/incoming.sqlite3`, then checked (`verifyIncoming`): its SHA-256 must
 *   be the one the host stated, `PRAGMA quick_check` must say ok, and its `user_version` must be one
 *   this app knows. The attachments it refers to that are missing here are fetched, each checked
 *   against its hash. Only then does it replace `standby/club.sqlite3` (the previous verified copy
 *   stays until that moment) and `standby/copy.json` say when it was taken and verified; then the
 *   host is told (`POST /standby/verified`, with this computer's LAN address and certificate, which
 *   the other stations learn so that they can follow it). Any failure keeps the previous copy.
 * - `installPromotion` puts the verified copy in place as the data folder's club database (with its
 *   attachments) when a manager promotes this computer.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SCHEMA_VERSION } from '../../db';
import { DB_FILE, nativeBindingOption } from '../core/db/database';
import { ATTACHMENT_DIR, attachmentHashes, fileHash } from '../core/db/backups';

const STANDBY_DIR = 'standby';
const COPY_FILE = 'club.sqlite3';
const INCOMING_FILE = 'incoming.sqlite3';
const INFO_FILE = 'copy.json';
/** The largest copy accepted (a club's database is tens of megabytes). */
const MAX_COPY_BYTES = 4 * 1024 ** 3;
/** The largest attachment accepted (the host caps uploads far below this). */
const MAX_ATTACHMENT_BYTES = 64 * 1024 ** 2;
const HASH_RE = /^[0-9a-f]{64}$/;

export interface CopyInfo {
  /** When the host took it (its `x-fd-taken-at`). */
  takenAt: string;
  /** When this computer had checked it. */
  verifiedAt: string;
  sha256: string;
  bytes: number;
  userVersion: number;
}

/** Why an arrived copy was not accepted. */
export class CopyRefused extends Error {
  constructor(
    readonly reason: 'HASH_MISMATCH' | 'DAMAGED' | 'TOO_NEW' | 'HOST_REFUSED' | 'ATTACHMENT',
    /** The host's refusal (NOT_STANDBY, BUSY, RATE_LIMITED) when it refused. */
    readonly hostCode?: string,
  ) {
    super(hostCode ?? reason);
  }
}

/** What a caller needs of the link to the host (station.ts's Station). */
export interface StandbyLink {
  /** Streams a GET's body into `file` (its folder made when the answer is 200). */
  download(
    pathname: string,
    file: string,
    maxBytes: number,
  ): Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    bytes: number;
    body?: unknown;
  }>;
  postJson(pathname: string, data: unknown): Promise<{ status: number; body: unknown }>;
}

const dirOf = (dataDir: string) => path.join(dataDir, STANDBY_DIR);

/** The verified copy's file (null: none yet). */
export function copyFile(dataDir: string): string | null {
  const f = path.join(dirOf(dataDir), COPY_FILE);
  return fs.existsSync(f) && readCopyInfo(dataDir) ? f : null;
}

export function readCopyInfo(dataDir: string): CopyInfo | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(dirOf(dataDir), INFO_FILE), 'utf8')) as CopyInfo;
  } catch {
    return null;
  }
}

function writeAtomic(file: string, text: string): void {
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, text, { mode: 0o600 });
  fs.renameSync(tmp, file);
}

/**
 * Checks an arrived copy: its SHA-256 must be `expectedSha256`, SQLite's quick_check must pass and
 * its schema must be one this app knows (`user_version` from 1 to `maxVersion`). Gives what it
 * found, with the attachment hashes the copy refers to; throws CopyRefused otherwise.
 */
export async function verifyIncoming(
  file: string,
  expectedSha256: string,
  maxVersion: number = SCHEMA_VERSION,
): Promise<{ sha256: string; bytes: number; userVersion: number; attachments: string[] }> {
  const sha256 = await fileHash(file);
  if (sha256 !== expectedSha256.toLowerCase()) throw new CopyRefused('HASH_MISMATCH');
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...nativeBindingOption() });
    if (db.pragma('quick_check', { simple: true }) !== 'ok') throw new CopyRefused('DAMAGED');
    const userVersion = db.pragma('user_version', { simple: true }) as number;
    if (userVersion > maxVersion) throw new CopyRefused('TOO_NEW');
    if (userVersion < 1) throw new CopyRefused('DAMAGED');
    return { sha256, bytes: fs.statSync(file).size, userVersion, attachments: attachmentHashes(db) };
  } catch (e) {
    if (e instanceof CopyRefused) throw e;
    throw new CopyRefused('DAMAGED');
  } finally {
    db?.close();
  }
}

const header = (h: Record<string, string | string[] | undefined>, name: string): string =>
  typeof h[name] === 'string' ? h[name] : '';

/**
 * Takes one copy from the host, checks it and keeps it (see the file's comment). Gives the new
 * copy's record; throws (CopyRefused, or the link's error) leaving the previous copy as it was.
 */
export async function takeCopy(
  dataDir: string,
  link: StandbyLink,
  /** This computer's LAN address and certificate as a host (made when first needed). */
  me: () => Promise<{ url: string; certPem: string }>,
  now: () => Date = () => new Date(),
): Promise<CopyInfo> {
  const dir = dirOf(dataDir);
  // the folder is made by the download once the host sends a copy (a station that is not the
  // standby is refused first and keeps no folder)
  const incoming = path.join(dir, INCOMING_FILE);
  try {
    const got = await link.download('/standby/snapshot', incoming, MAX_COPY_BYTES);
    if (got.status !== 200) {
      const refusal = got.body as { error?: { code?: unknown } } | null;
      const code = typeof refusal?.error?.code === 'string' ? refusal.error.code : `HTTP ${got.status}`;
      throw new CopyRefused('HOST_REFUSED', code);
    }
    const checked = await verifyIncoming(incoming, header(got.headers, 'x-fd-sha256'));
    fs.mkdirSync(path.join(dir, ATTACHMENT_DIR), { recursive: true, mode: 0o700 });
    for (const hash of checked.attachments) await fetchAttachment(dir, link, hash);
    const info: CopyInfo = {
      takenAt: header(got.headers, 'x-fd-taken-at') || now().toISOString(),
      verifiedAt: now().toISOString(),
      sha256: checked.sha256,
      bytes: checked.bytes,
      userVersion: checked.userVersion,
    };
    // the copy gets its name only now; copy.json follows (a crash between leaves the old record,
    // whose hash no longer matches: the next round replaces both)
    fs.renameSync(incoming, path.join(dir, COPY_FILE));
    writeAtomic(path.join(dir, INFO_FILE), JSON.stringify(info));
    const { url, certPem } = await me();
    await link.postJson('/standby/verified', { sha256: info.sha256, url, certPem });
    return info;
  } finally {
    fs.rmSync(incoming, { force: true });
    // a station the host refused (not the standby) keeps no standby folder
    if (!readCopyInfo(dataDir)) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Fetches one attachment the copy refers to unless a checked one is here already. */
async function fetchAttachment(dir: string, link: StandbyLink, hash: string): Promise<void> {
  if (!HASH_RE.test(hash)) return;
  const target = path.join(dir, ATTACHMENT_DIR, hash);
  if (fs.existsSync(target)) return;
  const tmp = `${target}.partial`;
  try {
    const got = await link.download(`/standby/attachments/${hash}`, tmp, MAX_ATTACHMENT_BYTES);
    // one the host lost is missing there too: the copy is still the best there is
    if (got.status === 404) return;
    if (got.status !== 200 || (await fileHash(tmp)) !== hash) throw new CopyRefused('ATTACHMENT');
    fs.renameSync(tmp, target);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/**
 * Puts the verified copy in place as the data folder's club database (a file copy given its name
 * once whole; any WAL of an earlier file goes) and its attachments beside it.
 */
export function installPromotion(dataDir: string): void {
  const src = copyFile(dataDir);
  if (!src) throw new Error('no verified copy');
  const target = path.join(dataDir, DB_FILE);
  const tmp = `${target}.promoting`;
  fs.copyFileSync(src, tmp);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(target + suffix, { force: true });
  fs.renameSync(tmp, target);
  const from = path.join(dirOf(dataDir), ATTACHMENT_DIR);
  const to = path.join(dataDir, ATTACHMENT_DIR);
  fs.mkdirSync(to, { recursive: true, mode: 0o700 });
  for (const f of fs.existsSync(from) ? fs.readdirSync(from) : [])
    if (HASH_RE.test(f) && !fs.existsSync(path.join(to, f)))
      fs.copyFileSync(path.join(from, f), path.join(to, f));
}
