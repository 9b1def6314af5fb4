/**
 * Register a member whose card was sold before (managers: every field, no payment), or edit a
 * member's personal details (the desk). The entitlement is never edited here: a card is sold or
 * renewed with CardSaleDialog, frozen with FreezeDialog, corrected by a manager with CorrectDialog.
 */
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiCallError, call } from '../../api';
import {
  isCardNo,
  type Gender,
  type MemberDetail,
  type MemberGender,
  type OpArgs,
} from '../../../../electron/core/contract';
import { addDays, isValidDate } from '../../../../electron/shared/dates';
import { FormFooter } from '../../components/FormParts';
import { Modal } from '../../components/Modal';
import { fieldParts, PersonFields } from './SaleParts';
import { errorText, invalidFields } from '../../errorText';
import { plausiblePhone } from '../../../../electron/shared/phone';
import { clubToday, fmtDate } from '../../format';
import { loadError, useOp } from '../../query';
import { useConsultants } from '../../staff';
import { useCan } from '../../stores/session';

type Fields = {
  cardNo: string;
  name: string;
  /** 'unknown' only for a member imported without a gender, until the desk records it */
  gender: MemberGender | '';
  phone: string;
  birthDate: string;
  cardTypeId: string;
  startDate: string;
  expiryDate: string;
  visitsLeft: string;
  consultantId: string;
  notes: string;
};

function fromMember(m: MemberDetail | undefined): Fields {
  return {
    cardNo: m?.cardNo ?? '',
    name: m?.name ?? '',
    gender: m?.gender ?? '',
    phone: m?.phone ?? '',
    birthDate: m?.birthDate ?? '',
    cardTypeId: m ? String(m.cardTypeId) : '',
    startDate: m?.startDate ?? clubToday(),
    expiryDate: m?.expiryDate ?? '',
    visitsLeft: m?.visitsLeft != null ? String(m.visitsLeft) : '',
    consultantId: m?.consultantId != null ? String(m.consultantId) : '',
    notes: m?.notes ?? '',
  };
}

export function MemberForm(props: {
  member?: MemberDetail;
  onClose(): void;
  onSaved(d: MemberDetail): void;
}) {
  const { t } = useTranslation();
  const uid = useId();
  // the member as the form opened: only what the desk changes is sent, whatever happens meanwhile
  const [m] = useState(props.member);
  const editing = m !== undefined;
  // the member's consultant is changed by a manager only (the core refuses it to others)
  const canConsultant = useCan('members.correct');
  const initial = useMemo(() => fromMember(m), [m]);
  const [f, setF] = useState<Fields>(initial);
  const typesQuery = useOp('cardTypes.list', {});
  const types = typesQuery.data ?? null;
  const consultants = useConsultants();
  const [errs, setErrs] = useState<Partial<Record<keyof Fields, string>>>({});
  const [submitError, setError] = useState<string | null>(null);
  const error = submitError ?? loadError(typesQuery);
  const [busy, setBusy] = useState(false);

  // active card types, plus the member's own type if it is no longer sold
  const typeOptions = useMemo(() => {
    const list = (types ?? []).filter((x) => x.active);
    if (m && !list.some((x) => x.id === m.cardTypeId)) {
      const own = (types ?? []).find((x) => x.id === m.cardTypeId);
      list.push(
        own ?? {
          id: m.cardTypeId,
          name: m.cardTypeName,
          kind: m.cardKind,
          durationDays: null,
          visitCount: null,
          active: false,
          memberCount: 0,
        },
      );
    }
    return list;
  }, [types, m]);
  const type = typeOptions.find((x) => String(x.id) === f.cardTypeId) ?? null;

  const set = <K extends keyof Fields>(k: K, v: Fields[K]) => {
    setF((p) => ({ ...p, [k]: v }));
    setErrs((p) => ({ ...p, [k]: undefined }));
  };

  const expiryHint = (): string | null => {
    if (!type || f.expiryDate) return null;
    if (type.kind === 'time' && type.durationDays && isValidDate(f.startDate)) {
      return t('members.form.expiryHint', {
        date: fmtDate(addDays(f.startDate, type.durationDays)),
        days: type.durationDays,
      });
    }
    if (type.kind === 'visits') return t('members.form.expiryHintVisits');
    return null;
  };

  const validate = (): Partial<Record<keyof Fields, string>> => {
    const e: Partial<Record<keyof Fields, string>> = {};
    if (!isCardNo(f.cardNo.trim())) e.cardNo = t('members.fieldError.cardNo');
    if (!f.name.trim()) e.name = t('members.fieldError.name');
    if (!f.gender) e.gender = t('members.fieldError.gender');
    const phoneChanged = f.phone !== initial.phone;
    if (phoneChanged && f.phone.trim() !== '' && !plausiblePhone(f.phone))
      e.phone = t('members.fieldError.phone');
    if (editing) return e;
    if (!f.cardTypeId) e.cardTypeId = t('members.fieldError.cardTypeId');
    if (!f.startDate) e.startDate = t('members.fieldError.startDate');
    if (f.expiryDate && f.startDate && f.expiryDate < f.startDate)
      e.expiryDate = t('members.fieldError.expiryBeforeStart');
    if (f.visitsLeft && !/^\d{1,6}$/.test(f.visitsLeft)) e.visitsLeft = t('members.fieldError.visitsLeft');
    return e;
  };

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const e = validate();
    setErrs(e);
    if (Object.keys(e).length > 0) return;
    const all = {
      cardNo: f.cardNo.trim(),
      name: f.name.trim(),
      gender: f.gender as Gender,
      phone: f.phone.trim() || null,
      birthDate: f.birthDate || null,
      cardTypeId: Number(f.cardTypeId),
      startDate: f.startDate,
      expiryDate: f.expiryDate || null,
      visitsLeft: type?.kind === 'visits' && f.visitsLeft !== '' ? Number(f.visitsLeft) : null,
      consultantId: f.consultantId ? Number(f.consultantId) : null,
      notes: f.notes,
    };
    setBusy(true);
    setError(null);
    try {
      let d: MemberDetail;
      if (m) {
        // send only what changed (a masked phone number is never sent back)
        const patch: OpArgs<'members.update'> = { id: m.id };
        const changed = (k: keyof Fields) => f[k] !== initial[k];
        if (changed('cardNo')) patch.cardNo = all.cardNo;
        if (changed('name')) patch.name = all.name;
        if (changed('gender')) patch.gender = all.gender;
        if (changed('phone')) patch.phone = all.phone;
        if (changed('birthDate')) patch.birthDate = all.birthDate;
        if (changed('consultantId') && canConsultant) patch.consultantId = all.consultantId;
        if (changed('notes')) patch.notes = all.notes;
        d = await call('members.update', patch);
      } else {
        d = await call('members.create', all);
      }
      props.onSaved(d);
    } catch (err) {
      const fe: Partial<Record<keyof Fields, string>> = {};
      for (const p of invalidFields(err)) {
        const k = p.split('.')[0] as keyof Fields;
        if (k in f) fe[k] = t(`members.fieldError.${k}`);
      }
      if (err instanceof ApiCallError && err.code === 'CARD_NO_TAKEN') fe.cardNo = errorText(err);
      if (err instanceof ApiCallError && err.code === 'FREEZE_INVALID') fe.expiryDate = errorText(err);
      setErrs(fe);
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const { field, inv } = fieldParts<keyof Fields>(uid, errs);
  const setWho = (patch: Partial<Fields>) => {
    setF((p) => ({ ...p, ...patch }));
    setErrs((p) => ({ ...p, ...Object.fromEntries(Object.keys(patch).map((k) => [k, undefined])) }));
  };

  return (
    <Modal
      title={m ? t('members.form.editTitle', { name: m.name }) : t('members.form.newTitle')}
      onClose={props.onClose}
      wide
    >
      <form onSubmit={(ev) => void submit(ev)} noValidate className="member-form">
        <p className="muted">{editing ? t('members.form.personalOnly') : t('members.form.registerHint')}</p>
        <div className="member-form-grid">
          <PersonFields uid={uid} errs={errs} who={f} setWho={setWho} />
          {!editing && (
            <>
              {field(
                'cardTypeId',
                t('members.fields.cardType'),
                <select
                  {...inv('cardTypeId')}
                  value={f.cardTypeId}
                  onChange={(e) => set('cardTypeId', e.target.value)}
                >
                  <option value="">
                    {types === null ? t('common.loading') : t('members.form.chooseType')}
                  </option>
                  {typeOptions.map((x) => (
                    <option key={x.id} value={x.id}>
                      {x.name} —{' '}
                      {x.kind === 'time'
                        ? t('members.form.typeDays', { count: x.durationDays ?? 0 })
                        : t('members.form.typeVisits', { count: x.visitCount ?? 0 })}
                      {!x.active ? ` (${t('members.form.typeInactive')})` : ''}
                    </option>
                  ))}
                </select>,
              )}
              {field(
                'startDate',
                t('members.fields.startDate'),
                <input
                  {...inv('startDate')}
                  type="date"
                  value={f.startDate}
                  onChange={(e) => set('startDate', e.target.value)}
                />,
              )}
              {field(
                'expiryDate',
                t('members.fields.expiryDate'),
                <input
                  {...inv('expiryDate')}
                  type="date"
                  value={f.expiryDate}
                  onChange={(e) => set('expiryDate', e.target.value)}
                />,
                expiryHint(),
              )}
              {type?.kind === 'visits' &&
                field(
                  'visitsLeft',
                  t('members.fields.visitsLeft'),
                  <input
                    {...inv('visitsLeft')}
                    inputMode="numeric"
                    value={f.visitsLeft}
                    maxLength={6}
                    onChange={(e) => set('visitsLeft', e.target.value.replace(/\D/g, ''))}
                  />,
                  f.visitsLeft === '' ? t('members.form.visitsHint', { count: type.visitCount ?? 0 }) : null,
                )}
            </>
          )}
          {(!editing || canConsultant) &&
            field(
              'consultantId',
              t('members.fields.consultant'),
              <select
                {...inv('consultantId')}
                value={f.consultantId}
                onChange={(e) => set('consultantId', e.target.value)}
              >
                <option value="">{t('members.form.noConsultant')}</option>
                {consultants.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
                {m?.consultantId != null && !consultants.some((s) => s.id === m.consultantId) && (
                  <option value={m.consultantId}>{m.consultantName ?? `#${m.consultantId}`}</option>
                )}
              </select>,
            )}
        </div>
        {field(
          'notes',
          t('members.fields.notes'),
          <textarea
            {...inv('notes')}
            value={f.notes}
            maxLength={5000}
            rows={2}
            onChange={(e) => set('notes', e.target.value)}
          />,
        )}
        <FormFooter
          error={error}
          submitLabel={m ? t('common.save') : t('members.form.create')}
          disabled={busy}
          onCancel={props.onClose}
        />
      </form>
    </Modal>
  );
}
