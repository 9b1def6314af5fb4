/**
 * The rotation board: consultants in sign-in order with their state (colour and words), who is next
 * for visitors and for phone calls and why, sign-in with the consultant's PIN, away / back, sign-out.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AWAY_KINDS,
  type AwayKind,
  type RotationConsultant,
  type RotationNext,
} from '../../../../electron/core/contract';
import { isValidTime } from '../../../../electron/shared/dates';
import { call } from '../../api';
import { FormFooter, RadioRow } from '../../components/FormParts';
import { Modal } from '../../components/Modal';
import { useSubmit } from '../../components/useSubmit';
import { fmtTime } from '../../format';
import { useCommand } from '../../query';
import { useCan, useSession } from '../../stores/session';
import { toast } from '../../stores/toast';
import { useConsultants } from '../../staff';
import { ConfirmDialog } from '../members/ConfirmDialog';
import { ConsultantPinDialog } from './ConsultantPinDialog';
import { setBoard, useBoard, useVisitorsToday } from './data';
import { boardState, nextWhyWords, passOverLines } from './words';

type Dialog =
  { kind: 'signIn' } | { kind: 'away'; c: RotationConsultant } | { kind: 'signOut'; c: RotationConsultant };

function NextBlock(props: { label: string; next: RotationNext; testId: string }) {
  const { t } = useTranslation();
  const { next } = props;
  return (
    <div className="vis-next" data-testid={props.testId}>
      <div className="vis-next-head">
        <span className="vis-next-label">{props.label}</span>
        <strong className={next.name ? 'vis-next-name' : 'vis-next-name none'}>
          {next.name ?? t('visitors.rotation.nobody')}
        </strong>
      </div>
      <p className="vis-next-why">{nextWhyWords(next)}</p>
      {passOverLines(next).map((l) => (
        <p key={l} className="vis-next-pass">
          {l}
        </p>
      ))}
    </div>
  );
}

export function RotationPanel() {
  const { t } = useTranslation();
  const boardQuery = useBoard();
  const todayQuery = useVisitorsToday();
  const board = boardQuery.data;
  const consultants = useConsultants();
  // the last refresh failed (shown quietly; the next change or poll tries again)
  const stale = boardQuery.isError || todayQuery.isError;
  const me = useSession((s) => s.info?.staff);
  const canSignIn = useCan('rotation.signIn');
  const canState = useCan('rotation.setState');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const isConsultant = me?.role === 'consultant';
  const mayAct = (c: RotationConsultant) => !isConsultant || c.staffId === me?.id;

  const signedIn = new Set(
    (board?.consultants ?? []).filter((c) => c.state !== 'signed_out').map((c) => c.staffId),
  );
  const choices = consultants.filter((c) => !signedIn.has(c.id) && (!isConsultant || c.id === me?.id));

  const setState = useCommand('rotation.setState');
  const back = (c: RotationConsultant) =>
    setState.run({ staffId: c.staffId, state: 'available' }, (b) => {
      setBoard(b);
      toast.ok(t('visitors.rotation.backDone', { name: c.name }));
    });

  return (
    <section className="card vis-rotation" aria-labelledby="vis-rotation-title">
      <div className="vis-rotation-head">
        <h2 id="vis-rotation-title">{t('visitors.rotation.title')}</h2>
        {canSignIn && (
          <button type="button" className="btn btn-primary" onClick={() => setDialog({ kind: 'signIn' })}>
            {t('visitors.rotation.signIn')}
          </button>
        )}
      </div>
      {stale && <p className="muted vis-stale">{t('visitors.stale')}</p>}
      {board && (
        <>
          <NextBlock
            label={t('visitors.rotation.nextVisitor')}
            next={board.next.visitor}
            testId="next-visitor"
          />
          <NextBlock label={t('visitors.rotation.nextPhone')} next={board.next.phone} testId="next-phone" />
          <h3 className="vis-rotation-sub">{t('visitors.rotation.day')}</h3>
          {board.consultants.length === 0 ? (
            <p className="muted">{t('visitors.rotation.empty')}</p>
          ) : (
            <ol className="vis-consultants" aria-label={t('visitors.rotation.day')}>
              {board.consultants.map((c) => {
                const st = boardState(c);
                const out = c.state === 'signed_out';
                return (
                  <li
                    key={c.staffId}
                    className={`vis-consultant state-${st.key}`}
                    data-testid={`consultant-${c.name}`}
                  >
                    <span className="vis-seq" aria-hidden="true">
                      {out ? '–' : c.seq}
                    </span>
                    <div className="vis-c-main">
                      <div className="vis-c-line">
                        <strong className="vis-c-name">{c.name}</strong>
                        <span className={`vis-state vis-state-${st.key}`}>{st.words}</span>
                      </div>
                      <div className="vis-c-detail muted">
                        {!out && (
                          <span className="sr-only">{t('visitors.rotation.seq', { seq: c.seq })} · </span>
                        )}
                        {c.state === 'away' && c.expectedBackAt && (
                          <span>{t('visitors.rotation.backAt', { time: fmtTime(c.expectedBackAt) })} · </span>
                        )}
                        {c.state === 'away' && c.awayNote && <span>{c.awayNote} · </span>}
                        <span>{t('visitors.rotation.since', { time: fmtTime(c.stateSince) })}</span>
                        {' · '}
                        <span>{t('visitors.rotation.receivedToday', { count: c.receivedToday })}</span>
                      </div>
                    </div>
                    {canState && mayAct(c) && (
                      <div
                        className="vis-c-actions"
                        role="group"
                        aria-label={t('visitors.rotation.actionsFor', { name: c.name })}
                      >
                        {c.state === 'available' && c.beingCalledFor === null && (
                          <button
                            type="button"
                            className="btn btn-small"
                            onClick={() => setDialog({ kind: 'away', c })}
                          >
                            {t('visitors.rotation.away')}
                          </button>
                        )}
                        {c.state === 'away' && (
                          <button type="button" className="btn btn-small" onClick={() => void back(c)}>
                            {t('visitors.rotation.back')}
                          </button>
                        )}
                        {(c.state === 'available' || c.state === 'away') && c.beingCalledFor === null && (
                          <button
                            type="button"
                            className="btn btn-small btn-ghost"
                            onClick={() => setDialog({ kind: 'signOut', c })}
                          >
                            {t('visitors.rotation.signOut')}
                          </button>
                        )}
                      </div>
                    )}
                  </li>
                );
              })}
            </ol>
          )}
        </>
      )}

      {dialog?.kind === 'signIn' && (
        <ConsultantPinDialog
          title={t('visitors.rotation.signInTitle')}
          choices={choices}
          pinLabel={(name) => t('visitors.rotation.signInPin', { name })}
          submitLabel={t('visitors.rotation.signInSubmit')}
          onClose={() => setDialog(null)}
          onSubmit={async (staffId, pin) => {
            const b = await call('rotation.signIn', { staffId, pin });
            setBoard(b);
            const c = b.consultants.find((x) => x.staffId === staffId);
            toast.ok(t('visitors.rotation.signedIn', { name: c?.name ?? '', seq: c?.seq ?? '' }));
            setDialog(null);
          }}
        >
          <p className="muted">{t('visitors.rotation.signInHint')}</p>
        </ConsultantPinDialog>
      )}
      {dialog?.kind === 'away' && <AwayDialog c={dialog.c} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'signOut' && (
        <ConfirmDialog
          title={t('visitors.rotation.signOut')}
          confirmLabel={t('visitors.rotation.signOut')}
          onClose={() => setDialog(null)}
          onConfirm={async () => {
            setBoard(await call('rotation.signOut', { staffId: dialog.c.staffId }));
            toast.ok(t('visitors.rotation.signedOut', { name: dialog.c.name }));
            setDialog(null);
          }}
        >
          <p>{t('visitors.rotation.confirmSignOut', { name: dialog.c.name })}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}

function AwayDialog(props: { c: RotationConsultant; onClose(): void }) {
  const { t } = useTranslation();
  const uid = useId();
  const [kind, setKind] = useState<AwayKind>('meal');
  const [back, setBack] = useState('');
  const [note, setNote] = useState('');
  const [badTime, setBadTime] = useState(false);
  const { busy, error, run } = useSubmit();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const v = back.trim();
    if (v && !isValidTime(v)) {
      setBadTime(true);
      return;
    }
    await run(async () => {
      const b = await call('rotation.setState', {
        staffId: props.c.staffId,
        state: 'away',
        awayKind: kind,
        ...(v ? { expectedBack: v } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      setBoard(b);
      toast.ok(t('visitors.rotation.awayDone', { name: props.c.name }));
      props.onClose();
    });
  };

  return (
    <Modal title={t('visitors.rotation.awayTitle', { name: props.c.name })} onClose={props.onClose}>
      <form onSubmit={(ev) => void submit(ev)} noValidate>
        <RadioRow<AwayKind>
          legend={t('visitors.rotation.awayKind')}
          name={`${uid}-kind`}
          options={AWAY_KINDS}
          value={kind}
          onChange={setKind}
          label={(k) => t(`visitors.awayKind.${k}`)}
        />
        <div className="field">
          <label htmlFor={`${uid}-back`}>{t('visitors.rotation.expectedBack')}</label>
          <input
            id={`${uid}-back`}
            type="time"
            value={back}
            aria-invalid={badTime || undefined}
            onChange={(e) => {
              setBack(e.target.value);
              setBadTime(false);
            }}
          />
          {badTime && <div className="field-error">{t('visitors.rotation.badTime')}</div>}
        </div>
        <div className="field">
          <label htmlFor={`${uid}-note`}>{t('visitors.rotation.awayNote')}</label>
          <input id={`${uid}-note`} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
        </div>
        <FormFooter
          error={error}
          errorAs="p"
          disabled={busy}
          submitLabel={t('visitors.rotation.awaySubmit')}
          onCancel={props.onClose}
        />
      </form>
    </Modal>
  );
}
