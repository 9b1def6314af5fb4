/** The key-tag actions that need more than a click: retire, restore (with a reason), locker, renumber, add. */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import type { TagBoard, KeyTag } from '../../../../electron/core/contract';
import { Modal } from '../../components/Modal';
import { errorText } from '../../errorText';

export type TagAction =
  | { kind: 'retire'; numbers: number[] }
  | { kind: 'restore'; numbers: number[] }
  | { kind: 'locker'; tag: KeyTag }
  | { kind: 'renumber'; tag: KeyTag }
  | { kind: 'add'; next: number };

const posInt = (s: string): number | null => {
  const n = Number(s);
  return s.trim() !== '' && Number.isInteger(n) && n > 0 && n <= 100_000 ? n : null;
};

export function TagActionDialog(props: {
  action: TagAction;
  onClose(): void;
  onDone(board: TagBoard, message: string): void;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const a = props.action;
  const [reason, setReason] = useState('');
  const [locker, setLocker] = useState(a.kind === 'locker' ? (a.tag.locker ?? '') : '');
  const [num, setNum] = useState('');
  const [from, setFrom] = useState(a.kind === 'add' ? String(a.next) : '');
  const [to, setTo] = useState(a.kind === 'add' ? String(a.next + 9) : '');
  const [fieldError, setFieldError] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const title = {
    retire: t('tags.retireTitle', { count: a.kind === 'retire' ? a.numbers.length : 0 }),
    restore: t('tags.restoreTitle', { count: a.kind === 'restore' ? a.numbers.length : 0 }),
    locker: t('tags.lockerTitle', { number: a.kind === 'locker' ? a.tag.number : '' }),
    renumber: t('tags.renumberTitle', { number: a.kind === 'renumber' ? a.tag.number : '' }),
    add: t('tags.addTitle'),
  }[a.kind];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const fe: Record<string, string> = {};
    if ((a.kind === 'retire' || a.kind === 'restore') && !reason.trim()) fe.reason = t('tags.needReason');
    if (a.kind === 'renumber' && posInt(num) === null) fe.num = t('tags.needNumber');
    if (a.kind === 'add') {
      const f = posInt(from);
      const tt = posInt(to);
      if (f === null) fe.from = t('tags.needNumber');
      if (tt === null) fe.to = t('tags.needNumber');
      else if (f !== null && tt < f) fe.to = t('tags.toBeforeFrom');
    }
    setFieldError(fe);
    if (Object.keys(fe).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      if (a.kind === 'retire') {
        const b = await call('tags.retire', { numbers: a.numbers, reason: reason.trim() });
        props.onDone(b, t('tags.retiredDone', { count: a.numbers.length }));
      } else if (a.kind === 'restore') {
        // one call per tag: each is its own recorded action
        let b: TagBoard | null = null;
        let done = 0;
        for (const n of a.numbers) {
          try {
            b = await call('tags.restore', { number: n, reason: reason.trim() });
            done++;
          } catch (err) {
            setError(`${t('tags.restorePartial', { done, count: a.numbers.length })} ${errorText(err)}`);
            return;
          }
        }
        if (b) props.onDone(b, t('tags.restoredDone', { count: done }));
      } else if (a.kind === 'locker') {
        const b = await call('tags.setLocker', {
          number: a.tag.number,
          locker: locker.trim() === '' ? null : locker.trim(),
        });
        props.onDone(b, t('tags.lockerDone', { number: a.tag.number }));
      } else if (a.kind === 'renumber') {
        const n = posInt(num) as number;
        const b = await call('tags.renumber', { from: a.tag.number, to: n });
        props.onDone(b, t('tags.renumberDone', { from: a.tag.number, to: n }));
      } else {
        const f = posInt(from) as number;
        const tt = posInt(to) as number;
        const b = await call('tags.add', { from: f, to: tt });
        props.onDone(b, t('tags.addDone', { from: f, to: tt, count: tt - f + 1 }));
      }
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const list = a.kind === 'retire' || a.kind === 'restore' ? a.numbers.join(', ') : '';

  return (
    <Modal title={title} onClose={props.onClose}>
      <form onSubmit={(ev) => void submit(ev)} noValidate>
        {list && <p className="tags-dialog-list">{t('tags.theseTags', { list })}</p>}
        {(a.kind === 'retire' || a.kind === 'restore') && (
          <div className="field">
            <label htmlFor={`${uid}-reason`}>{t('tags.reason')}</label>
            <input
              id={`${uid}-reason`}
              value={reason}
              maxLength={500}
              onChange={(e) => setReason(e.target.value)}
              aria-invalid={!!fieldError.reason || undefined}
            />
            {fieldError.reason && <div className="field-error">{fieldError.reason}</div>}
          </div>
        )}
        {a.kind === 'locker' && (
          <div className="field">
            <label htmlFor={`${uid}-locker`}>{t('tags.locker')}</label>
            <input
              id={`${uid}-locker`}
              value={locker}
              maxLength={50}
              onChange={(e) => setLocker(e.target.value)}
            />
            <div className="muted">{t('tags.lockerHint')}</div>
          </div>
        )}
        {a.kind === 'renumber' && (
          <div className="field">
            <label htmlFor={`${uid}-num`}>{t('tags.newNumber')}</label>
            <input
              id={`${uid}-num`}
              inputMode="numeric"
              value={num}
              maxLength={6}
              onChange={(e) => setNum(e.target.value.replace(/\D/g, ''))}
              aria-invalid={!!fieldError.num || undefined}
            />
            {fieldError.num && <div className="field-error">{fieldError.num}</div>}
          </div>
        )}
        {a.kind === 'add' && (
          <div className="grid-2">
            <div className="field">
              <label htmlFor={`${uid}-from`}>{t('tags.addFrom')}</label>
              <input
                id={`${uid}-from`}
                inputMode="numeric"
                value={from}
                maxLength={6}
                onChange={(e) => setFrom(e.target.value.replace(/\D/g, ''))}
                aria-invalid={!!fieldError.from || undefined}
              />
              {fieldError.from && <div className="field-error">{fieldError.from}</div>}
            </div>
            <div className="field">
              <label htmlFor={`${uid}-to`}>{t('tags.addTo')}</label>
              <input
                id={`${uid}-to`}
                inputMode="numeric"
                value={to}
                maxLength={6}
                onChange={(e) => setTo(e.target.value.replace(/\D/g, ''))}
                aria-invalid={!!fieldError.to || undefined}
              />
              {fieldError.to && <div className="field-error">{fieldError.to}</div>}
            </div>
          </div>
        )}
        {error && (
          <div className="field-error" role="alert">
            {error}
          </div>
        )}
        <div className="dialog-buttons">
          <button
            type="submit"
            className={a.kind === 'retire' ? 'btn btn-danger' : 'btn btn-primary'}
            disabled={busy}
          >
            {t(`tags.submit.${a.kind}`)}
          </button>
          <button type="button" className="btn btn-ghost" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
