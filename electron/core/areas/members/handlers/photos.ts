/** A member's photo: stored in the database (JPEG, PNG or WebP, checked by its first bytes, at most 1.5 MB). */
import type { HandlersOf } from '../../../kernel/ctx';
import { AppError } from '../../../kernel/errors';
import type { membersContract } from '../contract';
import * as q from '../queries';
import { getMemberRow } from './common';

const PHOTO_MAX_BYTES = 1_500_000;
const MAGIC: Record<string, (b: Buffer) => boolean> = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/webp': (b) =>
    b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
};

export const photoHandlers: Pick<HandlersOf<typeof membersContract>, 'members.setPhoto' | 'members.photo'> = {
  'members.setPhoto': (ctx, { id, dataUrl }) => {
    getMemberRow(ctx.db, id);
    if (dataUrl === null) {
      q.deletePhoto(ctx.db, id);
      ctx.audit({ op: 'members.setPhoto', entity: 'member', entityId: id, detail: 'removed' });
      return { ok: true as const };
    }
    const m = /^data:(image\/(?:jpeg|png|webp));base64,(.+)$/.exec(dataUrl)!;
    const mime = m[1]!;
    const bytes = Buffer.from(m[2]!, 'base64');
    if (bytes.length > PHOTO_MAX_BYTES || !MAGIC[mime]!(bytes)) {
      throw new AppError('VALIDATION', { issues: [{ path: 'dataUrl', code: 'photo' }] });
    }
    q.savePhoto(ctx.db, id, mime, bytes);
    ctx.audit({
      op: 'members.setPhoto',
      entity: 'member',
      entityId: id,
      detail: `${mime}, ${bytes.length} bytes`,
    });
    return { ok: true as const };
  },

  'members.photo': (ctx, { id }) => {
    const p = q.photoOf(ctx.db, id);
    return { dataUrl: p ? `data:${p.mime};base64,${p.data.toString('base64')}` : null };
  },
};
