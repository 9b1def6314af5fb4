/**
 * One member in full: photo (upload, made small on a canvas), all fields, state, the membership
 * history, freezes, charges, recent visits (MemberRecords), stored value (balance, top-up, ledger; refund and
 * adjustment for managers) and what is still owed (paid on the spot). Actions: edit the personal
 * details; renew / upgrade (a card sold at the desk); freeze / unfreeze; for managers a correction
 * and deactivate / reactivate, each with a reason.
 */
import { useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import type { MemberDetail } from '../../../../electron/core/contract';
import { errorText } from '../../errorText';
import { fmtDate, fmtDateTime, fmtMoney } from '../../format';
import { refresh } from '../../query';
import { useCan } from '../../stores/session';
import { toast } from '../../stores/toast';
import { DebtsDialog } from '../checkin/DebtsDialog';
import { MemberPhoto } from '../../components/MemberPhoto';
import { CardSaleDialog } from './CardSaleDialog';
import { ConfirmDialog } from './ConfirmDialog';
import { ActiveDialog, CorrectDialog } from './CorrectDialog';
import { EntitlementHistory } from './EntitlementHistory';
import { photoToJpeg } from './files';
import { FreezeDialog } from './FreezeDialog';
import { MemberRecords } from './MemberRecords';
import { MemberForm } from './MemberForm';
import { StateBadge } from './StateBadge';
import { StoredValuePanel } from './StoredValuePanel';
import { PhoneText } from '../../components/PhoneText';

type Dialog =
  | 'edit'
  | 'renew'
  | 'correct'
  | 'freeze'
  | 'unfreeze'
  | 'deactivate'
  | 'reactivate'
  | 'removePhoto'
  | 'debts';

export function MemberDetailPanel(props: {
  member: MemberDetail;
  onChanged(d: MemberDetail): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const m = props.member;
  const canUpdate = useCan('members.update');
  const canRenew = useCan('members.renew');
  const canCorrect = useCan('members.correct');
  const canFreeze = useCan('members.freeze');
  const canUnfreeze = useCan('members.unfreeze');
  const canPhoto = useCan('members.setPhoto');
  const canPayDebts = useCan('payments.payDebts');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [photoBusy, setPhotoBusy] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);

  /** The member (and their photo) fetched again after a change made here. */
  const reload = () => refresh('members.get', 'members.photo');

  const onPhoto = async (file: File | undefined) => {
    if (!file) return;
    setPhotoBusy(true);
    try {
      let dataUrl: string;
      try {
        dataUrl = await photoToJpeg(file, 480);
      } catch {
        toast.error(t('members.photo.unreadable'));
        return;
      }
      await call('members.setPhoto', { id: m.id, dataUrl });
      await reload();
      toast.ok(t('members.photo.saved'));
    } catch (e) {
      toast.error(errorText(e));
    } finally {
      setPhotoBusy(false);
      if (fileRef.current) fileRef.current.value = '';
    }
  };

  const frozenNow = m.state === 'frozen' || (m.frozenFrom !== null && m.frozenTo !== null);
  const row = (label: string, value: ReactNode) => (
    <div className="md-row">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );

  return (
    <section className="member-detail card" aria-labelledby={`${uid}-name`}>
      <div className="md-head">
        <div className="md-photo">
          <MemberPhoto memberId={m.id} hasPhoto={m.hasPhoto} name={m.name} />
          {canPhoto && (
            <div className="md-photo-actions">
              <input
                ref={fileRef}
                id={`${uid}-photo`}
                className="sr-only"
                type="file"
                accept="image/jpeg,image/png,image/webp"
                disabled={photoBusy}
                onChange={(e) => void onPhoto(e.target.files?.[0])}
              />
              <label className={`btn btn-small ${photoBusy ? 'disabled' : ''}`} htmlFor={`${uid}-photo`}>
                {m.hasPhoto ? t('members.photo.replace') : t('members.photo.upload')}
              </label>
              {m.hasPhoto && (
                <button
                  type="button"
                  className="btn btn-ghost btn-small"
                  onClick={() => setDialog('removePhoto')}
                >
                  {t('members.photo.remove')}
                </button>
              )}
            </div>
          )}
        </div>
        <div className="md-title">
          <h2 id={`${uid}-name`}>{m.name}</h2>
          <div className="md-badges">
            <StateBadge state={m.state} />
            {m.inside && <span className="badge badge-warn">{t('members.insideNow')}</span>}
          </div>
          <div className="md-card">
            {t('members.fields.cardNo')}: <strong>{m.cardNo}</strong>
          </div>
          <div className="md-card">
            {m.cardTypeName} ·{' '}
            {m.cardKind === 'visits'
              ? t('members.visitsLeftN', { count: m.visitsLeft ?? 0 })
              : t('members.expiresOn', { date: fmtDate(m.expiryDate) })}
          </div>
        </div>
        <button
          type="button"
          className="btn btn-ghost md-close"
          aria-label={t('members.closeDetail')}
          onClick={props.onClose}
        >
          ×
        </button>
      </div>

      <div className="md-actions">
        {canUpdate && (
          <button type="button" className="btn btn-primary" onClick={() => setDialog('edit')}>
            {t('members.edit')}
          </button>
        )}
        {canRenew && m.state !== 'deactivated' && (
          <button type="button" className="btn btn-primary" onClick={() => setDialog('renew')}>
            {t('members.sell.renewButton')}
          </button>
        )}
        {canFreeze && m.state !== 'deactivated' && !frozenNow && (
          <button type="button" className="btn" onClick={() => setDialog('freeze')}>
            {t('members.freeze.button')}
          </button>
        )}
        {canUnfreeze && frozenNow && (
          <button type="button" className="btn" onClick={() => setDialog('unfreeze')}>
            {t('members.unfreeze.button')}
          </button>
        )}
        {canCorrect && (
          <button type="button" className="btn" onClick={() => setDialog('correct')}>
            {t('members.correct.button')}
          </button>
        )}
        {canCorrect &&
          (m.state === 'deactivated' ? (
            <button type="button" className="btn" onClick={() => setDialog('reactivate')}>
              {t('members.reactivate.button')}
            </button>
          ) : (
            <button type="button" className="btn btn-danger" onClick={() => setDialog('deactivate')}>
              {t('members.deactivate.button')}
            </button>
          ))}
      </div>

      <div className="md-scroll">
        <dl className="md-fields">
          {row(t('members.fields.gender'), t(`common.${m.gender}`))}
          {row(t('members.fields.phone'), <PhoneText value={m.phone} />)}
          {row(t('members.fields.birthDate'), fmtDate(m.birthDate))}
          {/* kept only when a manager chose to at import; the core sends it to managers only */}
          {m.nationalId && row(t('members.fields.nationalId'), m.nationalId)}
          {row(t('members.fields.cardType'), m.cardTypeName)}
          {row(t('members.fields.startDate'), fmtDate(m.startDate))}
          {row(t('members.fields.expiryDate'), fmtDate(m.expiryDate))}
          {m.cardKind === 'visits' && row(t('members.fields.visitsLeft'), m.visitsLeft ?? '—')}
          {row(t('members.fields.state'), <StateBadge state={m.state} />)}
          {(m.frozenFrom || m.frozenTo) &&
            row(
              t('members.frozen'),
              t('members.frozenRange', {
                from: fmtDate(m.frozenFrom),
                to: fmtDate(m.frozenTo),
                reason: m.frozenReason ?? '',
              }),
            )}
          {row(t('members.fields.storedValue'), fmtMoney(m.storedValueCents))}
          {row(
            t('members.fields.unpaid'),
            m.unpaidCents > 0 ? (
              <span className="md-owed-row">
                <strong className="md-owed">{fmtMoney(m.unpaidCents)}</strong>
                {canPayDebts && (
                  <button
                    type="button"
                    className="btn btn-primary btn-small"
                    onClick={() => setDialog('debts')}
                  >
                    {t('checkin.payNow')}
                  </button>
                )}
              </span>
            ) : (
              fmtMoney(0)
            ),
          )}
          {row(t('members.fields.consultant'), m.consultantName ?? '—')}
          {row(t('members.fields.notes'), m.notes ? <span className="md-notes">{m.notes}</span> : '—')}
          {row(t('members.fields.createdAt'), fmtDateTime(m.createdAt))}
          {row(t('members.fields.updatedAt'), fmtDateTime(m.updatedAt))}
        </dl>

        <EntitlementHistory entries={m.entitlements} />

        <StoredValuePanel member={m} />

        <MemberRecords member={m} />
      </div>

      {dialog === 'edit' && (
        <MemberForm
          member={m}
          onClose={() => setDialog(null)}
          onSaved={(d) => {
            props.onChanged(d);
            setDialog(null);
            toast.ok(t('members.savedToast', { name: d.name }));
          }}
        />
      )}
      {dialog === 'freeze' && (
        <FreezeDialog
          member={m}
          onClose={() => setDialog(null)}
          onDone={(d) => {
            props.onChanged(d);
            setDialog(null);
            toast.ok(t('members.freeze.done', { expiry: fmtDate(d.expiryDate) }));
          }}
        />
      )}
      {dialog === 'unfreeze' && (
        <ConfirmDialog
          title={t('members.unfreeze.title', { name: m.name })}
          confirmLabel={t('members.unfreeze.button')}
          onClose={() => setDialog(null)}
          onConfirm={async () => {
            const d = await call('members.unfreeze', { id: m.id });
            props.onChanged(d);
            setDialog(null);
            toast.ok(t('members.unfreeze.done', { expiry: fmtDate(d.expiryDate) }));
          }}
        >
          <p>{t('members.unfreeze.explain')}</p>
        </ConfirmDialog>
      )}
      {(dialog === 'deactivate' || dialog === 'reactivate') && (
        <ActiveDialog
          member={m}
          action={dialog}
          onClose={() => setDialog(null)}
          onDone={(d) => {
            props.onChanged(d);
            setDialog(null);
            toast.ok(t(`members.${dialog}.done`, { name: d.name }));
          }}
        />
      )}
      {dialog === 'renew' && (
        <CardSaleDialog
          member={m}
          onClose={() => setDialog(null)}
          onDone={(r) => {
            props.onChanged(r.member);
            setDialog(null);
          }}
        />
      )}
      {dialog === 'correct' && (
        <CorrectDialog
          member={m}
          onClose={() => setDialog(null)}
          onDone={(d) => {
            props.onChanged(d);
            setDialog(null);
            toast.ok(t('members.correct.done', { name: d.name }));
          }}
        />
      )}
      {dialog === 'debts' && (
        <DebtsDialog
          memberId={m.id}
          name={m.name}
          onClose={() => setDialog(null)}
          onPaid={() => {
            setDialog(null);
            void reload();
          }}
        />
      )}
      {dialog === 'removePhoto' && (
        <ConfirmDialog
          title={t('members.photo.remove')}
          confirmLabel={t('members.photo.remove')}
          danger
          onClose={() => setDialog(null)}
          onConfirm={async () => {
            await call('members.setPhoto', { id: m.id, dataUrl: null });
            await reload();
            setDialog(null);
            toast.ok(t('members.photo.removed'));
          }}
        >
          <p>{t('members.photo.removeExplain', { name: m.name })}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}
