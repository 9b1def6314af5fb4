/** Freeze a membership (停卡): from, to, reason. The frozen days extend the expiry. */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import type { MemberDetail } from '../../../../electron/core/contract';
import { FormFooter } from '../../components/FormParts';
import { Modal } from '../../components/Modal';
import { useSubmit } from '../../components/useSubmit';
import { errorText, invalidFields } from '../../errorText';
import { clubToday } from '../../format';

export function FreezeDialog(props: {
  member: MemberDetail;
  onClose(): void;
  onDone(d: MemberDetail): void;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const [from, setFrom] = useState(clubToday());
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [errs, setErrs] = useState<Record<string, string>>({});
  const { busy, error, run } = useSubmit();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const fe: Record<string, string> = {};
    if (!from) fe.from = t('members.freeze.needFrom');
    if (!to) fe.to = t('members.freeze.needTo');
    else if (from && to < from) fe.to = t('members.freeze.toBeforeFrom');
    if (!reason.trim()) fe.reason = t('members.freeze.needReason');
    setErrs(fe);
    if (Object.keys(fe).length > 0) return;
    await run(
      async () =>
        props.onDone(
          await call('members.freeze', {
            id: props.member.id,
            fromDate: from,
            toDate: to,
            reason: reason.trim(),
          }),
        ),
      (err) => {
        const bad = invalidFields(err);
        const fe2: Record<string, string> = {};
        if (bad.includes('fromDate')) fe2.from = t('members.freeze.needFrom');
        if (bad.includes('toDate')) fe2.to = t('members.freeze.needTo');
        setErrs(fe2);
        return errorText(err);
      },
    );
  };

  return (
    <Modal title={t('members.freeze.title', { name: props.member.name })} onClose={props.onClose}>
      <form onSubmit={(ev) => void submit(ev)} noValidate>
        <div className="grid-2">
          <div className="field">
            <label htmlFor={`${uid}-from`}>{t('members.freeze.from')}</label>
            <input
              id={`${uid}-from`}
              type="date"
              value={from}
              onChange={(e) => setFrom(e.target.value)}
              aria-invalid={!!errs.from || undefined}
            />
            {errs.from && <div className="field-error">{errs.from}</div>}
          </div>
          <div className="field">
            <label htmlFor={`${uid}-to`}>{t('members.freeze.to')}</label>
            <input
              id={`${uid}-to`}
              type="date"
              value={to}
              min={from}
              onChange={(e) => setTo(e.target.value)}
              aria-invalid={!!errs.to || undefined}
            />
            {errs.to && <div className="field-error">{errs.to}</div>}
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${uid}-reason`}>{t('members.freeze.reason')}</label>
          <input
            id={`${uid}-reason`}
            value={reason}
            maxLength={500}
            onChange={(e) => setReason(e.target.value)}
            aria-invalid={!!errs.reason || undefined}
          />
          {errs.reason && <div className="field-error">{errs.reason}</div>}
        </div>
        <p className="muted">{t('members.freeze.explain')}</p>
        <FormFooter
          error={error}
          disabled={busy}
          submitLabel={t('members.freeze.submit')}
          onCancel={props.onClose}
        />
      </form>
    </Modal>
  );
}
