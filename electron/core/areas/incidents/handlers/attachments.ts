/**
 * Attachments of an incident (photos, PDF scans): files in the data folder (attachments/<sha256>),
 * never changed or removed. The hash recorded at upload is checked every time one is opened; a
 * mismatch is refused with ATTACHMENT_TAMPERED (and audited). Every opening is audited.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../kernel/errors';
import * as q from '../queries';
import { ATTACHMENT_MAX_BYTES, type AttachmentType } from '../types';
import { getIncident, type IncidentHandlers, isManager, notClosed } from './shared';
import { toAttachment } from './views';

/** The folder of the attachments, in the data folder. */
const ATTACHMENT_DIR = 'attachments';

/** What each type's content starts with: a file is refused unless it is what it says. */
const MAGIC: Record<AttachmentType, (b: Buffer) => boolean> = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/webp': (b) =>
    b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  'application/pdf': (b) => b.subarray(0, 5).toString('latin1') === '%PDF-',
};

const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

function attachmentPath(dataDir: string, hash: string): string {
  if (!/^[0-9a-f]{64}$/.test(hash)) throw new AppError('ATTACHMENT_MISSING');
  return path.join(dataDir, ATTACHMENT_DIR, hash);
}

/** Writes the content under its hash (atomically: a temporary file renamed into place). */
function storeFile(dataDir: string, hash: string, bytes: Buffer): void {
  const file = attachmentPath(dataDir, hash);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  const fd = fs.openSync(tmp, 'wx');
  try {
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

/**
 * Checks and stores a file's content under its hash (for other areas too: a repair's photo): too
 * large → ATTACHMENT_TOO_LARGE, not what its type says → ATTACHMENT_TYPE_INVALID.
 */
export function storeAttachment(
  dataDir: string,
  mime: AttachmentType,
  contentBase64: string,
): { sha256: string; sizeBytes: number } {
  const bytes = Buffer.from(contentBase64, 'base64');
  if (bytes.length > ATTACHMENT_MAX_BYTES)
    throw new AppError('ATTACHMENT_TOO_LARGE', { maxBytes: ATTACHMENT_MAX_BYTES });
  if (bytes.length === 0 || !MAGIC[mime](bytes)) throw new AppError('ATTACHMENT_TYPE_INVALID', { mime });
  const hash = sha256(bytes);
  storeFile(dataDir, hash, bytes);
  return { sha256: hash, sizeBytes: bytes.length };
}

/** A stored file's content, checked against its hash (ATTACHMENT_MISSING / ATTACHMENT_TAMPERED). */
export function readAttachment(dataDir: string, hash: string): Buffer {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(attachmentPath(dataDir, hash));
  } catch {
    throw new AppError('ATTACHMENT_MISSING');
  }
  const actual = sha256(bytes);
  if (actual !== hash) throw new AppError('ATTACHMENT_TAMPERED', { expected: hash, actual });
  return bytes;
}

export const attachmentHandlers: Pick<IncidentHandlers, 'incidents.attach' | 'incidents.attachment'> = {
  /**
   * Non-managers attach only to an incident they opened that is not closed; managers also after
   * closing (dated additions, like addenda). Attachments are never changed or removed.
   */
  'incidents.attach': (ctx, a) => {
    const r = getIncident(ctx.db, a.id);
    const me = ctx.requireActor();
    if (!isManager(ctx)) {
      if (r.opened_by !== me.id) throw new AppError('FORBIDDEN', { op: 'incidents.attach' });
      notClosed(r);
    }
    const bytes = Buffer.from(a.contentBase64, 'base64');
    if (bytes.length > ATTACHMENT_MAX_BYTES)
      throw new AppError('ATTACHMENT_TOO_LARGE', { maxBytes: ATTACHMENT_MAX_BYTES });
    if (bytes.length === 0 || !MAGIC[a.mime](bytes))
      throw new AppError('ATTACHMENT_TYPE_INVALID', { mime: a.mime });
    const hash = sha256(bytes);
    storeFile(ctx.dataDir, hash, bytes);
    const name = path.basename(a.name.replace(/\\/g, '/')).trim() || 'attachment';
    const id = q.insertAttachment(ctx.db, {
      incidentId: r.id,
      name,
      mime: a.mime,
      sizeBytes: bytes.length,
      sha256: hash,
      note: a.note ?? '',
      createdAt: ctx.nowIso(),
      createdBy: me.id,
    });
    ctx.audit({
      op: 'incidents.attach',
      entity: 'incident',
      entityId: r.id,
      after: { attachmentId: id, name, mime: a.mime, sizeBytes: bytes.length, sha256: hash },
    });
    return toAttachment(ctx.db, q.attachmentById(ctx.db, id)!);
  },

  /** Managers open any attachment, others only their own; the content is checked against its hash. */
  'incidents.attachment': (ctx, a) => {
    const at = q.attachmentById(ctx.db, a.attachmentId);
    if (!at) throw new AppError('NOT_FOUND', { entity: 'attachment' });
    if (!isManager(ctx) && at.created_by !== ctx.requireActor().id)
      throw new AppError('FORBIDDEN', { op: 'incidents.attachment' });
    const file = attachmentPath(ctx.dataDir, at.sha256);
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      throw new AppError('ATTACHMENT_MISSING', { attachmentId: at.id });
    }
    const actual = sha256(bytes);
    if (actual !== at.sha256) {
      const err = new AppError('ATTACHMENT_TAMPERED', {
        attachmentId: at.id,
        incidentId: at.incident_id,
        expected: at.sha256,
        actual,
      });
      // Recorded even though the operation fails.
      err.afterRollback = () =>
        ctx.audit({
          op: 'incidents.attachment',
          entity: 'incident',
          entityId: at.incident_id,
          detail: `ATTACHMENT_TAMPERED attachment ${at.id}: expected ${at.sha256}, found ${actual}`,
        });
      throw err;
    }
    ctx.audit({
      op: 'incidents.attachment',
      entity: 'incident',
      entityId: at.incident_id,
      detail: `opened attachment ${at.id}`,
    });
    return { ...toAttachment(ctx.db, at), dataUrl: `data:${at.mime};base64,${bytes.toString('base64')}` };
  },
};
