/**
 * The message book (留言本): taking a message for a member of staff (from a caller or a visitor:
 * who, a phone number if they left one, what) and the book itself, open or all; the addressee (or a
 * manager) marks a message done. The core decides who sees which message and which number in full.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  MANAGERS,
  MESSAGE_SOURCES,
  type MessageSource,
  type StaffMessage,
} from '../../../../electron/core/contract';
import { isValidPhone } from '../../../../electron/shared/phone';
import { newOpId } from '../../api';
import { FormFooter, RadioRow } from '../../components/FormParts';
import { useSubmit } from '../../components/useSubmit';
import { fmtDateTime } from '../../format';
import { command, loadError, useCommand, useOp } from '../../query';
import { useCan, useSession } from '../../stores/session';
import { toast } from '../../stores/toast';
import { NotesList } from './NotesList';

function NewMessage() {
  const { t } = useTranslation();
  const uid = useId();
  const me = useSession((s) => s.info!.staff);
  const staff = useOp('session.staffList', {}).data ?? [];
  const [toId, setToId] = useState('');
  const [source, setSource] = useState<MessageSource>('caller');
  const [fromName, setFromName] = useState('');
  const [phone, setPhone] = useState('');
  const [text, setText] = useState('');
  const [opId, setOpId] = useState(newOpId);
  const { busy, error, run, tried, setTried } = useSubmit();
  const missing = {
    to: toId === '',
    fromName: fromName.trim() === '',
    phone: phone.trim() !== '' && !isValidPhone(phone),
    text: text.trim() === '',
  };

  const save = async () => {
    setTried(true);
    if (Object.values(missing).some(Boolean)) return;
    await run(async () => {
      const m = await command('messages.create', {
        toStaffId: Number(toId),
        source,
        fromName: fromName.trim(),
        phone: phone.trim(),
        text: text.trim(),
        opId,
      });
      toast.ok(t('notes.messages.saved', { name: m.to.name }));
      setToId('');
      setFromName('');
      setPhone('');
      setText('');
      setTried(false);
      setOpId(newOpId());
    });
  };

  return (
    <form
      className="card notes-form"
      aria-labelledby={`${uid}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2 id={`${uid}-h`}>{t('notes.messages.newTitle')}</h2>
      <div className="grid-2">
        <div className="field">
          <label htmlFor={`${uid}-to`}>{t('notes.messages.to')}</label>
          <select
            id={`${uid}-to`}
            value={toId}
            aria-invalid={(tried && missing.to) || undefined}
            onChange={(e) => setToId(e.target.value)}
          >
            <option value="">{t('notes.messages.pickStaff')}</option>
            {staff
              .filter((s) => s.id !== me.id)
              .map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name} · {t(`common.roles.${s.role}`)}
                </option>
              ))}
          </select>
        </div>
        <RadioRow
          legend={t('notes.messages.source')}
          name={`${uid}-src`}
          options={MESSAGE_SOURCES}
          value={source}
          onChange={(k) => setSource(k)}
          label={(k) => t(`notes.messages.sources.${k}`)}
        />
        <div className="field">
          <label htmlFor={`${uid}-from`}>{t('notes.messages.fromName')}</label>
          <input
            id={`${uid}-from`}
            value={fromName}
            maxLength={100}
            aria-invalid={(tried && missing.fromName) || undefined}
            onChange={(e) => setFromName(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${uid}-ph`}>{t('notes.messages.phone')}</label>
          <input
            id={`${uid}-ph`}
            value={phone}
            inputMode="tel"
            maxLength={40}
            aria-invalid={(tried && missing.phone) || undefined}
            aria-describedby={`${uid}-ph-h`}
            onChange={(e) => setPhone(e.target.value)}
          />
          <span id={`${uid}-ph-h`} className={tried && missing.phone ? 'field-error' : 'field-hint'}>
            {tried && missing.phone ? t('notes.messages.badPhone') : t('notes.messages.phoneHint')}
          </span>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${uid}-text`}>{t('notes.messages.text')}</label>
        <textarea
          id={`${uid}-text`}
          value={text}
          maxLength={2000}
          rows={3}
          aria-invalid={(tried && missing.text) || undefined}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <FormFooter error={error} submitLabel={t('notes.messages.save')} busy={busy} disabled={busy} />
    </form>
  );
}

/** One message in the book, with "Mark done" for the addressee and managers. */
export function MessageCard({ m, canClose }: { m: StaffMessage; canClose: boolean }) {
  const { t } = useTranslation();
  const uid = useId();
  const [note, setNote] = useState('');
  const done = useCommand('messages.markDone');
  return (
    <li className={m.doneAt ? 'notes-item notes-done' : 'notes-item'} data-testid="message">
      <div className="notes-item-head">
        <strong>
          {t('notes.messages.to')} {m.to.name}
        </strong>
        <span className={m.doneAt ? 'badge badge-ok' : 'badge badge-warn'}>
          {m.doneAt ? t('notes.messages.done') : t('notes.messages.open')}
        </span>
        <span className="muted">
          {t(`notes.messages.sources.${m.source}`)}: {m.fromName}
          {m.phone && (
            <>
              {' · '}
              <span className="mono">{m.phone}</span>
            </>
          )}
        </span>
      </div>
      <p className="notes-text">{m.text}</p>
      <p className="muted notes-meta">
        {t('notes.messages.takenBy', { name: m.takenBy.name, at: fmtDateTime(m.takenAt) })}
        {m.doneAt && m.doneBy && (
          <>
            {' · '}
            {t('notes.messages.doneBy', { name: m.doneBy.name, at: fmtDateTime(m.doneAt) })}
            {m.doneNote ? `: ${m.doneNote}` : ''}
          </>
        )}
      </p>
      {!m.doneAt && canClose && (
        <div className="toolbar">
          <label className="sr-only" htmlFor={`${uid}-n`}>
            {t('notes.messages.doneNote')}
          </label>
          <input
            id={`${uid}-n`}
            className="input"
            placeholder={t('notes.messages.doneNote')}
            value={note}
            maxLength={500}
            onChange={(e) => setNote(e.target.value)}
          />
          <button
            type="button"
            className="btn btn-primary"
            disabled={done.busy}
            onClick={() =>
              void done.run({ id: m.id, ...(note.trim() ? { note: note.trim() } : {}) }, () =>
                toast.ok(t('notes.messages.marked')),
              )
            }
          >
            {t('notes.messages.markDone')}
          </button>
        </div>
      )}
    </li>
  );
}

export function MessagesPanel() {
  const { t } = useTranslation();
  const me = useSession((s) => s.info!.staff.id);
  const canTake = useCan('messages.create');
  // managers may close anyone's message (the core decides; this only offers the button)
  const isManager = MANAGERS.includes(useSession((s) => s.info!.staff.role));
  const [filter, setFilter] = useState<'open' | 'all'>('open');
  const list = useOp('messages.list', { filter });
  const error = loadError(list);
  return (
    <div className="notes-panel">
      {canTake && <NewMessage />}
      <NotesList
        title={t('notes.messages.listTitle')}
        show={filter}
        onShow={setFilter}
        error={error}
        count={list.data?.length}
        none={t('notes.messages.none')}
      >
        {list.data?.map((m) => (
          <MessageCard key={m.id} m={m} canClose={m.to.id === me || isManager} />
        ))}
      </NotesList>
    </div>
  );
}
