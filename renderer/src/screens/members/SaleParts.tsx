/** The parts of a card sale: what the member holds after it, a labelled field, a new member's details. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  GENDERS,
  type CardTypeInfo,
  type Gender,
  type MemberDetail,
  type MemberGender,
  type VisitorSummary,
} from '../../../../electron/core/contract';
import { addDays } from '../../../../electron/shared/dates';
import { PHONE_MAX } from '../../../../electron/shared/phone';
import { RadioRow } from '../../components/FormParts';

export type Field =
  | 'cardNo'
  | 'name'
  | 'gender'
  | 'phone'
  | 'birthDate'
  | 'cardTypeId'
  | 'quantity'
  | 'startDate'
  | 'amountCents'
  | 'soldById';

export type SaleErrors = Partial<Record<Field, string>>;

/** What the member holds after the sale, computed as the core does (shown before paying). */
export function saleOutcome(
  type: CardTypeInfo,
  quantity: number,
  member: MemberDetail | undefined,
  start: string,
  today: string,
): { expiryDate: string | null; visitsLeft: number | null } {
  const days = type.durationDays ? type.durationDays * quantity : null;
  const visits = type.kind === 'visits' && type.visitCount ? type.visitCount * quantity : null;
  if (member && member.cardTypeId === type.id) {
    const base = member.expiryDate && member.expiryDate >= today ? member.expiryDate : addDays(today, -1);
    return {
      expiryDate: days === null ? null : addDays(base, days),
      visitsLeft: type.kind === 'visits' ? (member.visitsLeft ?? 0) + (visits ?? 0) : null,
    };
  }
  const from = member ? today : start;
  return { expiryDate: days === null ? null : addDays(from, days - 1), visitsLeft: visits };
}

/** A field with its label, hint and error line, and the ids that tie them (keyed by the field). */
export function fieldParts<K extends string>(uid: string, errs: Partial<Record<K, string>>) {
  const field = (k: K, label: string, input: ReactNode, hint?: string | null) => (
    <div className="field">
      <label htmlFor={`${uid}-${k}`}>{label}</label>
      {input}
      {hint && !errs[k] && <div className="field-hint">{hint}</div>}
      {errs[k] && (
        <div className="field-error" id={`${uid}-${k}-err`}>
          {errs[k]}
        </div>
      )}
    </div>
  );
  const inv = (k: K) => ({
    id: `${uid}-${k}`,
    'aria-invalid': errs[k] ? true : undefined,
    'aria-describedby': errs[k] ? `${uid}-${k}-err` : undefined,
  });
  return { field, inv };
}

type Person = { cardNo: string; name: string; gender: MemberGender | ''; phone: string; birthDate: string };
type PersonField = keyof Person;

/**
 * A member's own details: card number, name, gender, phone and birth date (a new member's in a
 * card sale, any member's in the member form). A member imported without a gender ('unknown') has
 * none of the two chosen and a word saying so until the desk records it.
 */
export function PersonFields(props: {
  uid: string;
  errs: Partial<Record<PersonField, string>>;
  who: Person;
  setWho(patch: Partial<Person>): void;
}) {
  const { t } = useTranslation();
  const { uid, errs, who, setWho } = props;
  const { field, inv } = fieldParts<PersonField>(uid, errs);
  return (
    <>
      {field(
        'cardNo',
        t('members.fields.cardNo'),
        <input
          {...inv('cardNo')}
          value={who.cardNo}
          maxLength={32}
          autoComplete="off"
          onChange={(e) => setWho({ cardNo: e.target.value })}
        />,
      )}
      {field(
        'name',
        t('members.fields.name'),
        <input
          {...inv('name')}
          value={who.name}
          maxLength={100}
          onChange={(e) => setWho({ name: e.target.value })}
        />,
      )}
      <RadioRow
        legend={t('members.fields.gender')}
        name={`${uid}-gender`}
        options={GENDERS}
        value={who.gender === 'unknown' ? '' : who.gender}
        onChange={(g: Gender) => setWho({ gender: g })}
        label={(g) => t(`common.${g}`)}
        error={errs.gender}
      >
        {who.gender === 'unknown' && <span className="muted">{t('members.form.genderUnknown')}</span>}
      </RadioRow>
      {field(
        'phone',
        t('members.fields.phone'),
        <input
          {...inv('phone')}
          type="tel"
          value={who.phone}
          maxLength={PHONE_MAX}
          onChange={(e) => setWho({ phone: e.target.value })}
        />,
      )}
      {field(
        'birthDate',
        t('members.fields.birthDate'),
        <input
          {...inv('birthDate')}
          type="date"
          value={who.birthDate}
          onChange={(e) => setWho({ birthDate: e.target.value })}
        />,
      )}
    </>
  );
}

/** A new member's details (or a visitor who joined today, whose details fill them in). */
export interface NewMember {
  cardNo: string;
  name: string;
  gender: Gender | '';
  phone: string;
  birthDate: string;
  notes: string;
}
export const NO_MEMBER: NewMember = { cardNo: '', name: '', gender: '', phone: '', birthDate: '', notes: '' };

export function NewMemberFields(props: {
  uid: string;
  errs: SaleErrors;
  joined: readonly VisitorSummary[];
  visitorId: string;
  onPickVisitor(id: string): void;
  who: NewMember;
  setWho(patch: Partial<NewMember>): void;
}) {
  const { t } = useTranslation();
  const { uid, errs, joined, visitorId, who, setWho } = props;
  return (
    <>
      {joined.length > 0 && (
        <div className="field">
          <label htmlFor={`${uid}-visitor`}>{t('members.sell.visitor')}</label>
          <select
            id={`${uid}-visitor`}
            value={visitorId}
            onChange={(e) => props.onPickVisitor(e.target.value)}
          >
            <option value="">{t('members.sell.noVisitor')}</option>
            {joined.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name} · {v.phone}
                {v.creditConsultantName ? ` · ${v.creditConsultantName}` : ''}
              </option>
            ))}
          </select>
          <div className="field-hint">{t('members.sell.visitorHint')}</div>
        </div>
      )}
      <div className="grid-3">
        <PersonFields uid={uid} errs={errs} who={who} setWho={setWho} />
        <div className="field">
          <label htmlFor={`${uid}-notes`}>{t('members.fields.notes')}</label>
          <input
            id={`${uid}-notes`}
            value={who.notes}
            maxLength={5000}
            onChange={(e) => setWho({ notes: e.target.value })}
          />
        </div>
      </div>
    </>
  );
}
