/** Enter a trial guest or a coach: name, phone, gender, with or without a key tag. */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { GENDERS, type Gender } from '../../../../electron/core/contract';
import { FormFooter, RadioRow } from '../../components/FormParts';
import { Modal } from '../../components/Modal';
import { useSubmit } from '../../components/useSubmit';
import { errorText, invalidFields } from '../../errorText';
import { PHONE_MAX, plausiblePhone } from '../../../../electron/shared/phone';
import { useCheckin } from '../../stores/checkin';

export function GuestDialog(props: { kind: 'trial' | 'coach'; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const uid = useId();
  const guest = useCheckin((s) => s.guest);
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [gender, setGender] = useState<Gender | ''>('');
  const [withTag, setWithTag] = useState(true);
  const [tag, setTag] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { busy, error, run } = useSubmit();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!name.trim()) errs.name = t('checkin.guest.needName');
    if (phone.trim() && !plausiblePhone(phone)) errs.phone = t('checkin.guest.badPhone');
    if (!gender) errs.gender = t('checkin.guest.needGender');
    const tagNo = tag.trim() === '' ? undefined : Number(tag);
    if (withTag && tagNo !== undefined && !(Number.isInteger(tagNo) && tagNo > 0))
      errs.tag = t('checkin.badTag');
    setErrors(errs);
    if (Object.keys(errs).length > 0 || !gender) return;
    await run(
      async () => {
        await guest({
          kind: props.kind,
          name: name.trim(),
          phone: phone.trim() || null,
          gender,
          withTag,
          ...(withTag && tagNo !== undefined ? { tagNumber: tagNo } : {}),
        });
        props.onDone();
      },
      (err) => {
        const bad = invalidFields(err);
        const fe: Record<string, string> = {};
        if (bad.includes('name')) fe.name = t('checkin.guest.needName');
        if (bad.includes('phone')) fe.phone = t('checkin.guest.badPhone');
        if (bad.includes('tagNumber')) fe.tag = t('checkin.badTag');
        setErrors(fe);
        return errorText(err);
      },
    );
  };

  return (
    <Modal
      title={props.kind === 'trial' ? t('checkin.guest.titleTrial') : t('checkin.guest.titleCoach')}
      onClose={props.onClose}
    >
      <form onSubmit={(ev) => void submit(ev)} noValidate className="guest-form">
        <div className="field">
          <label htmlFor={`${uid}-name`}>{t('checkin.guest.name')}</label>
          <input
            id={`${uid}-name`}
            value={name}
            maxLength={100}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={!!errors.name || undefined}
          />
          {errors.name && <div className="field-error">{errors.name}</div>}
        </div>
        <div className="field">
          <label htmlFor={`${uid}-phone`}>{t('checkin.guest.phone')}</label>
          <input
            id={`${uid}-phone`}
            type="tel"
            inputMode="tel"
            value={phone}
            maxLength={PHONE_MAX}
            onChange={(e) => setPhone(e.target.value)}
            aria-invalid={!!errors.phone || undefined}
          />
          {errors.phone && <div className="field-error">{errors.phone}</div>}
        </div>
        <RadioRow<Gender>
          legend={t('checkin.guest.gender')}
          name={`${uid}-gender`}
          options={GENDERS}
          value={gender}
          onChange={setGender}
          label={(g) => t(`common.${g}`)}
          error={errors.gender}
        />
        <label className="checkbox">
          <input type="checkbox" checked={withTag} onChange={(e) => setWithTag(e.target.checked)} />
          {t('checkin.guest.withTag')}
        </label>
        {withTag && (
          <div className="field">
            <label htmlFor={`${uid}-tag`}>{t('checkin.guest.tagNo')}</label>
            <input
              id={`${uid}-tag`}
              inputMode="numeric"
              value={tag}
              maxLength={6}
              placeholder={t('checkin.tagAuto')}
              onChange={(e) => setTag(e.target.value.replace(/\D/g, ''))}
              aria-invalid={!!errors.tag || undefined}
            />
            {errors.tag && <div className="field-error">{errors.tag}</div>}
          </div>
        )}
        <FormFooter
          error={error}
          disabled={busy}
          submitLabel={
            props.kind === 'trial' ? t('checkin.guest.submitTrial') : t('checkin.guest.submitCoach')
          }
          onCancel={props.onClose}
        />
      </form>
    </Modal>
  );
}
