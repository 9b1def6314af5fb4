/**
 * One card per visitor being called (or waiting): the public-address text to read (and speak), a
 * live countdown to the deadline, page again, accept with the consultant's PIN, the visitor left,
 * and when the time is up, one click to call the next consultant in the rotation.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisitorDetail } from '../../../../electron/core/contract';
import { call, newOpId } from '../../api';
import { FormFooter } from '../../components/FormParts';
import { Modal } from '../../components/Modal';
import { useSubmit } from '../../components/useSubmit';
import { errorText } from '../../errorText';
import { fmtTime } from '../../format';
import { useCan } from '../../stores/session';
import { toast } from '../../stores/toast';
import { ConsultantPinDialog } from './ConsultantPinDialog';
import { refreshVisitors, setVisitor, useOpenVisitors } from './data';
import { canSpeak, speak } from './speech';
import { paText, politeTitle } from './words';

/** Now, every second (for the countdowns). */
export function useNow(ms = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(id);
  }, [ms]);
  return now;
}

function mmss(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

export function CallingCards() {
  const list = useOpenVisitors();
  if (list.length === 0) return null;
  return (
    <div className="vis-calls">
      {list.map((v) => (
        <CallingCard key={v.id} v={v} />
      ))}
    </div>
  );
}

type Dialog = 'accept' | 'left' | null;

function CallingCard({ v }: { v: VisitorDetail }) {
  const { t } = useTranslation();
  const now = useNow();
  const canDesk = useCan('visitors.page');
  const canAccept = useCan('visitors.accept');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState(false);
  const c = v.currentCall;
  const left = c ? new Date(c.deadlineAt).getTime() - now : 0;
  const overdue = c ? left <= 0 : false;

  // when the time runs out, fetch the state again (the proposal, or what autoProposeNext did)
  useEffect(() => {
    if (!c) return;
    const ms = new Date(c.deadlineAt).getTime() - Date.now();
    if (ms < 0) return;
    const id = setTimeout(() => void refreshVisitors(), ms + 300);
    return () => clearTimeout(id);
  }, [c]);

  const act = async (fn: () => Promise<VisitorDetail>, done: (d: VisitorDetail) => string) => {
    setBusy(true);
    try {
      const d = await fn();
      setVisitor(d);
      toast.ok(done(d));
    } catch (e) {
      toast.error(errorText(e));
      void refreshVisitors();
    } finally {
      setBusy(false);
    }
  };

  const pa = c ? paText(c.staffName) : '';
  const title = politeTitle(v);
  const proposal = v.proposal;
  const callNext = () =>
    act(
      () => call('visitors.proposeNext', { visitorId: v.id, opId: newOpId() }),
      (d) => t('visitors.call.callNextDone', { name: d.currentCall?.staffName ?? '' }),
    );

  return (
    <article
      className={`card vis-call${overdue ? ' overdue' : ''}${c ? '' : ' waiting'}`}
      aria-label={
        c
          ? t('visitors.call.title', { name: c.staffName })
          : t('visitors.call.waitingTitle', { visitor: v.name })
      }
      data-testid={`call-${v.name}`}
    >
      <header className="vis-call-head">
        <h3>
          {c
            ? t('visitors.call.title', { name: c.staffName })
            : t('visitors.call.waitingTitle', { visitor: v.name })}
        </h3>
        {c && (
          <div className={`vis-countdown${overdue ? ' overdue' : ''}`} role="timer" aria-live="off">
            <span className="vis-countdown-label">
              {overdue ? t('visitors.call.overdue') : t('visitors.call.timeLeft')}
            </span>
            <span className="vis-countdown-n">{overdue ? '0:00' : mmss(left)}</span>
          </div>
        )}
      </header>
      <p className="vis-call-for">
        {t('visitors.call.forVisitor', { visitor: v.name, phone: v.phone })} ·{' '}
        {t('visitors.call.introduce', { title })}
      </p>
      {c && (
        <>
          <div className="vis-pa">
            <span className="vis-pa-label">{t('visitors.call.paLabel')}</span>
            <q className="vis-pa-text">{pa}</q>
          </div>
          <p className="vis-call-meta muted">
            {t('visitors.call.calledBy', { time: fmtTime(c.calledAt), who: c.calledByName })} ·{' '}
            {t('visitors.call.pages', { pages: c.pages, max: c.maxPages })}
          </p>
        </>
      )}
      <div className="vis-call-actions">
        {c && canAccept && (
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy}
            onClick={() => setDialog('accept')}
          >
            {t('visitors.call.accept')}
          </button>
        )}
        {c && (
          <button
            type="button"
            className="btn"
            disabled={!canSpeak()}
            title={canSpeak() ? undefined : t('visitors.call.noSpeech')}
            onClick={() => {
              if (!speak(pa)) toast.warn(t('visitors.call.noSpeech'));
            }}
          >
            {t('visitors.call.speak')}
          </button>
        )}
        {c && canDesk && (
          <button
            type="button"
            className="btn"
            disabled={busy || !c.canPageAgain}
            onClick={() =>
              void act(
                () => call('visitors.page', { visitorId: v.id }),
                (d) =>
                  t('visitors.call.paged', {
                    name: d.currentCall?.staffName ?? '',
                    pages: d.currentCall?.pages ?? '',
                    max: d.currentCall?.maxPages ?? '',
                  }),
              )
            }
          >
            {c.canPageAgain
              ? t('visitors.call.pageAgainN', { next: c.pages + 1, max: c.maxPages })
              : t('visitors.call.pages', { pages: c.pages, max: c.maxPages })}
          </button>
        )}
        {canDesk && (overdue || !c) && (
          <button
            type="button"
            className="btn btn-danger"
            disabled={busy || !proposal}
            onClick={() => void callNext()}
          >
            {proposal
              ? t('visitors.call.callNext', { name: proposal.name })
              : t('visitors.call.callNextNone')}
          </button>
        )}
        {canDesk && (
          <button type="button" className="btn btn-ghost" disabled={busy} onClick={() => setDialog('left')}>
            {t('visitors.call.left')}
          </button>
        )}
      </div>

      {dialog === 'accept' && c && (
        <ConsultantPinDialog
          title={t('visitors.call.acceptTitle', { name: c.staffName, visitor: title })}
          staff={{ id: c.staffId, name: c.staffName }}
          pinLabel={(name) => t('visitors.call.acceptPin', { name })}
          submitLabel={t('visitors.call.acceptSubmit')}
          onClose={() => setDialog(null)}
          onSubmit={async (staffId, pin) => {
            const d = await call('visitors.accept', { visitorId: v.id, staffId, pin });
            setDialog(null);
            setVisitor(d);
            toast.ok(
              t('visitors.call.accepted', {
                name: d.consultantName ?? c.staffName,
                visitor: title,
                time: fmtTime(d.acceptedAt ?? new Date().toISOString()),
              }),
            );
          }}
        />
      )}
      {dialog === 'left' && <LeftDialog v={v} onClose={() => setDialog(null)} />}
    </article>
  );
}

function LeftDialog(props: { v: VisitorDetail; onClose(): void }) {
  const { t } = useTranslation();
  const uid = useId();
  const [note, setNote] = useState('');
  const { busy, error, run } = useSubmit();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      const d = await call('visitors.leave', {
        visitorId: props.v.id,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      setVisitor(d);
      toast.ok(t('visitors.call.leftDone', { visitor: props.v.name }));
      props.onClose();
    });
  };
  return (
    <Modal title={t('visitors.call.leftTitle', { visitor: props.v.name })} onClose={props.onClose}>
      <form onSubmit={(ev) => void submit(ev)} noValidate>
        <div className="field">
          <label htmlFor={`${uid}-note`}>{t('visitors.call.leftNote')}</label>
          <input id={`${uid}-note`} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
        </div>
        <FormFooter
          error={error}
          errorAs="p"
          disabled={busy}
          submitLabel={t('visitors.call.leftSubmit')}
          onCancel={props.onClose}
        />
      </form>
    </Modal>
  );
}
