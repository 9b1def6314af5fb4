/**
 * A manager's correction of a membership (card type, start, expiry, visits left, active) with the
 * reason, and the deactivate / reactivate confirmations (a correction of "active" with a reason).
 * Only what was changed is sent; the core records before and after in the membership history.
 */
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import type { MemberDetail, OpArgs } from '../../../../electron/core/contract';
import { FormFooter } from '../../components/FormParts';
import { Modal } from '../../components/Modal';
import { useSubmit } from '../../components/useSubmit';
import { errorText, invalidFields } from '../../errorText';
import { loadError, useOp } from '../../query';

type Field = 'cardTypeId' | 'startDate' | 'expiryDate' | 'visitsLeft' | 'reason';

export function CorrectDialog(props: {
  member: MemberDetail;
  onClose(): void;
  onDone(d: MemberDetail): void;
}) {
  const { t } = useTranslation();
  const uid = useId();
  // the member as the dialog opened: only what the manager changes is sent, whatever happens meanwhile
  const [m] = useState(props.member);
  const typesQuery = useOp('cardTypes.list', { includeInactive: true });
  const types = useMemo(
    () => typesQuery.data?.filter((x) => x.active || x.id === m.cardTypeId) ?? null,
    [typesQuery.data, m.cardTypeId],
  );
  const [cardTypeId, setCardTypeId] = useState(String(m.cardTypeId));
  const [startDate, setStartDate] = useState(m.startDate);
  const [expiryDate, setExpiryDate] = useState(m.expiryDate ?? '');
  const [visitsLeft, setVisitsLeft] = useState(m.visitsLeft === null ? '' : String(m.visitsLeft));
  const [active, setActive] = useState(m.state !== 'deactivated');
  const [reason, setReason] = useState('');
  const [errs, setErrs] = useState<Partial<Record<Field, string>>>({});
  const { busy, error: submitError, setError, run } = useSubmit();
  const error = submitError ?? loadError(typesQuery);
  const type = (types ?? []).find((x) => String(x.id) === cardTypeId);
  const visitsKind = (type?.kind ?? m.cardKind) === 'visits';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const fe: Partial<Record<Field, string>> = {};
    if (!startDate) fe.startDate = t('members.fieldError.startDate');
    if (!visitsKind && !expiryDate) fe.expiryDate = t('members.fieldError.expiryDate');
    if (expiryDate && startDate && expiryDate < startDate)
      fe.expiryDate = t('members.fieldError.expiryBeforeStart');
    if (visitsKind && !/^\d{1,6}$/.test(visitsLeft)) fe.visitsLeft = t('members.fieldError.visitsLeft');
    if (!reason.trim()) fe.reason = t('members.correct.needReason');
    setErrs(fe);
    if (Object.keys(fe).length) return;
    const patch: OpArgs<'members.correct'> = { id: m.id, reason: reason.trim() };
    if (cardTypeId !== String(m.cardTypeId)) patch.cardTypeId = Number(cardTypeId);
    if (startDate !== m.startDate) patch.startDate = startDate;
    if ((expiryDate || null) !== m.expiryDate) patch.expiryDate = expiryDate || null;
    const visits = visitsKind ? Number(visitsLeft) : null;
    if (visits !== m.visitsLeft) patch.visitsLeft = visits;
    if (active !== (m.state !== 'deactivated')) patch.active = active;
    if (Object.keys(patch).length === 2) {
      setError(t('members.correct.noChange'));
      return;
    }
    await run(
      async () => props.onDone(await call('members.correct', patch)),
      (err) => {
        const bad: Partial<Record<Field, string>> = {};
        for (const p of invalidFields(err))
          if (p === 'cardTypeId' || p === 'startDate' || p === 'expiryDate' || p === 'visitsLeft')
            bad[p] = t(`members.fieldError.${p}`);
        setErrs(bad);
        return errorText(err);
      },
    );
  };

  const err = (k: Field) =>
    errs[k] ? (
      <div className="field-error" id={`${uid}-${k}-err`}>
        {errs[k]}
      </div>
    ) : null;
  const inv = (k: Field) => ({
    id: `${uid}-${k}`,
    'aria-invalid': errs[k] ? true : undefined,
    'aria-describedby': errs[k] ? `${uid}-${k}-err` : undefined,
  });

  return (
    <Modal title={t('members.correct.title', { name: m.name })} onClose={props.onClose}>
      <form onSubmit={(ev) => void submit(ev)} noValidate className="member-form">
        <p className="muted">{t('members.correct.explain')}</p>
        <div className="field">
          <label htmlFor={`${uid}-cardTypeId`}>{t('members.fields.cardType')}</label>
          <select {...inv('cardTypeId')} value={cardTypeId} onChange={(e) => setCardTypeId(e.target.value)}>
            {(types ?? []).map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
                {!x.active ? ` (${t('members.form.typeInactive')})` : ''}
              </option>
            ))}
            {types === null && <option value={m.cardTypeId}>{m.cardTypeName}</option>}
          </select>
          {err('cardTypeId')}
        </div>
        <div className="grid-2">
          <div className="field">
            <label htmlFor={`${uid}-startDate`}>{t('members.fields.startDate')}</label>
            <input
              {...inv('startDate')}
              type="date"
              value={startDate}
              onChange={(e) => setStartDate(e.target.value)}
            />
            {err('startDate')}
          </div>
          <div className="field">
            <label htmlFor={`${uid}-expiryDate`}>{t('members.fields.expiryDate')}</label>
            <input
              {...inv('expiryDate')}
              type="date"
              value={expiryDate}
              onChange={(e) => setExpiryDate(e.target.value)}
            />
            {err('expiryDate')}
          </div>
        </div>
        {visitsKind && (
          <div className="field">
            <label htmlFor={`${uid}-visitsLeft`}>{t('members.fields.visitsLeft')}</label>
            <input
              {...inv('visitsLeft')}
              inputMode="numeric"
              maxLength={6}
              value={visitsLeft}
              onChange={(e) => setVisitsLeft(e.target.value.replace(/\D/g, ''))}
            />
            {err('visitsLeft')}
          </div>
        )}
        <label className="check">
          <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />
          {t('members.correct.active')}
        </label>
        <div className="field">
          <label htmlFor={`${uid}-reason`}>{t('members.correct.reason')}</label>
          <input
            {...inv('reason')}
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          {err('reason')}
        </div>
        <FormFooter
          error={error}
          disabled={busy}
          submitLabel={t('members.correct.submit')}
          onCancel={props.onClose}
        />
      </form>
    </Modal>
  );
}

/** Deactivate or reactivate a card: a manager's correction of "active", with the reason. */
export function ActiveDialog(props: {
  member: MemberDetail;
  action: 'deactivate' | 'reactivate';
  onClose(): void;
  onDone(d: MemberDetail): void;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const { busy, error, run } = useSubmit();
  const a = props.action;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) {
      setMissing(true);
      return;
    }
    await run(async () =>
      props.onDone(
        await call('members.correct', {
          id: props.member.id,
          active: a === 'reactivate',
          reason: reason.trim(),
        }),
      ),
    );
  };
  return (
    <Modal title={t(`members.${a}.title`, { name: props.member.name })} onClose={props.onClose}>
      <form onSubmit={(ev) => void submit(ev)} noValidate>
        <p>{t(`members.${a}.explain`)}</p>
        <div className="field">
          <label htmlFor={`${uid}-reason`}>{t('members.correct.reason')}</label>
          <input
            id={`${uid}-reason`}
            maxLength={500}
            value={reason}
            aria-invalid={missing || undefined}
            onChange={(e) => setReason(e.target.value)}
          />
          {missing && <div className="field-error">{t('members.correct.needReason')}</div>}
        </div>
        <FormFooter
          error={error}
          disabled={busy}
          submitClassName={a === 'deactivate' ? 'btn btn-danger' : 'btn btn-primary'}
          submitLabel={t(`members.${a}.confirm`)}
          onCancel={props.onClose}
        />
      </form>
    </Modal>
  );
}
