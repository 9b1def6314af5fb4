/**
 * An incident's attachments (photos, scans of the signed statement): the list, uploading a
 * JPEG/PNG/WebP/PDF of at most 5 MB, and opening one in a dialog after the core checked its hash.
 */
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_TYPES, type AttachmentInfo } from '../../../../electron/core/contract';
import { call, newOpId } from '../../api';
import { Modal } from '../../components/Modal';
import { errorText } from '../../errorText';
import { fmtDateTime } from '../../format';
import { toast } from '../../stores/toast';
import { bytesToBase64, readFileBytes } from '../members/files';

const MAX_BYTES = 5 * 1024 * 1024;

function size(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** A blob URL for an attachment's data URL: PDFs show in the browser's viewer, images at any size. */
function blobUrl(att: AttachmentInfo & { dataUrl: string }): string {
  const bin = atob(att.dataUrl.slice(att.dataUrl.indexOf(',') + 1));
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return URL.createObjectURL(new Blob([bytes], { type: att.mime }));
}

function Viewer(props: { att: AttachmentInfo; url: string; onClose(): void }) {
  const { t } = useTranslation();
  const url = props.url;
  return (
    <Modal title={props.att.name} onClose={props.onClose} wide>
      <div className="inc-viewer">
        {url &&
          (props.att.mime === 'application/pdf' ? (
            // an iframe from the page's own blob: URL (the CSP allows frames from blob: only)
            <iframe src={url} className="inc-viewer-pdf" title={props.att.name} />
          ) : (
            <img src={url} alt={props.att.name} className="inc-viewer-img" />
          ))}
      </div>
      <p className="muted inc-hash">
        {t('incidents.att.verified')} <span className="mono">SHA-256 {props.att.sha256.slice(0, 16)}…</span>
      </p>
      <div className="dialog-buttons">
        {url && (
          <a className="btn" href={url} download={props.att.name}>
            {t('incidents.att.download')}
          </a>
        )}
        <button type="button" className="btn btn-primary" onClick={props.onClose}>
          {t('common.close')}
        </button>
      </div>
    </Modal>
  );
}

export function Attachments(props: {
  incidentId: number;
  items: AttachmentInfo[];
  canAttach: boolean;
  onAdded(): void;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [openError, setOpenError] = useState<{ id: number; text: string; tampered: boolean } | null>(null);
  const [viewing, setViewing] = useState<{ att: AttachmentInfo; url: string } | null>(null);

  const upload = async (file: File) => {
    setUploadError(null);
    const mime = ATTACHMENT_TYPES.find((m) => m === file.type);
    if (!mime) {
      setUploadError(t('errors.ATTACHMENT_TYPE_INVALID'));
      return;
    }
    if (file.size > MAX_BYTES) {
      setUploadError(t('incidents.att.tooLarge'));
      return;
    }
    setBusy(true);
    try {
      const bytes = await readFileBytes(file, () => undefined);
      await call('incidents.attach', {
        id: props.incidentId,
        name: file.name || 'attachment',
        mime,
        contentBase64: bytesToBase64(bytes),
        ...(note.trim() ? { note: note.trim() } : {}),
        opId: newOpId(),
      });
      setNote('');
      toast.ok(t('incidents.att.added', { name: file.name }));
      props.onAdded();
    } catch (e) {
      setUploadError(errorText(e));
    } finally {
      setBusy(false);
      if (fileRef.current) fileRef.current.value = '';
    }
  };

  const open = async (a: AttachmentInfo) => {
    setOpenError(null);
    try {
      const att = await call('incidents.attachment', { attachmentId: a.id });
      setViewing({ att, url: blobUrl(att) });
    } catch (e) {
      const text = errorText(e);
      setOpenError({ id: a.id, text, tampered: (e as { code?: string }).code === 'ATTACHMENT_TAMPERED' });
    }
  };

  return (
    <div className="inc-attachments">
      {props.items.length === 0 ? (
        <p className="muted">{t('incidents.att.none')}</p>
      ) : (
        <ul className="inc-att-list">
          {props.items.map((a) => (
            <li key={a.id} className={openError?.id === a.id ? 'inc-att bad' : 'inc-att'}>
              <span className="inc-att-icon" aria-hidden="true">
                {a.mime === 'application/pdf' ? 'PDF' : 'IMG'}
              </span>
              <span className="inc-att-main">
                <strong>{a.name}</strong>
                <span className="muted">
                  {size(a.sizeBytes)} · {fmtDateTime(a.createdAt)} · {a.createdBy.name}
                  {a.note ? ` · ${a.note}` : ''}
                </span>
                {openError?.id === a.id && (
                  <span className="inc-att-error" role="alert">
                    {openError.tampered && (
                      <span className="badge badge-block">{t('incidents.att.tampered')}</span>
                    )}{' '}
                    {openError.text}
                  </span>
                )}
              </span>
              <button
                type="button"
                className="btn btn-small"
                aria-label={t('incidents.att.openNamed', { name: a.name })}
                onClick={() => void open(a)}
              >
                {t('incidents.att.open')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {props.canAttach && (
        <div className="inc-att-add">
          <div className="field">
            <label htmlFor={`${uid}-note`}>{t('incidents.att.note')}</label>
            <input
              id={`${uid}-note`}
              value={note}
              maxLength={200}
              onChange={(e) => setNote(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${uid}-file`}>{t('incidents.att.file')}</label>
            <input
              ref={fileRef}
              id={`${uid}-file`}
              type="file"
              accept={ATTACHMENT_TYPES.join(',')}
              disabled={busy}
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void upload(file);
              }}
            />
            <span className="field-hint">{t('incidents.att.hint')}</span>
          </div>
        </div>
      )}
      {uploadError && (
        <div className="field-error" role="alert">
          {uploadError}
        </div>
      )}
      {viewing && (
        <Viewer
          att={viewing.att}
          url={viewing.url}
          onClose={() => {
            URL.revokeObjectURL(viewing.url);
            setViewing(null);
          }}
        />
      )}
    </div>
  );
}
