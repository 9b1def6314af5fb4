/**
 * A card sold at the desk, in two steps: (1) the card — for a new member their details (or a visitor
 * who joined today), the card type, how many periods or visit packs, the amount paid as written on
 * the consultant's sales slip, who sold it; (2) the payment, split across methods, in the open
 * shift. The same dialog renews or upgrades a member's card. Catalogue prices are never shown to
 * the desk (the core leaves them out for reception); consultants' and managers' screens get them
 * prefilled. A card given without payment goes to a shift lead's or manager's PIN instead.
 */
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiCallError, call, newOpId } from '../../api';
import {
  isCardNo,
  type CardSaleResult,
  type CardTypeInfo,
  type Gender,
  type MemberDetail,
  type PaymentPart,
  type VisitorSummary,
  type VisitorsToday,
} from '../../../../electron/core/contract';
import { addDays } from '../../../../electron/shared/dates';
import { centsToYuan, parseCents } from '../../../../electron/shared/money';
import { plausiblePhone } from '../../../../electron/shared/phone';
import { AuthorizeDialog, type Authorization } from '../../components/AuthorizeDialog';
import { FormError, FormFooter } from '../../components/FormParts';
import { Modal } from '../../components/Modal';
import { MoneyInput, PaymentEditor } from '../../components/PaymentEditor';
import { useSubmit } from '../../components/useSubmit';
import { errorText, invalidFields } from '../../errorText';
import { clubToday, fmtDate, fmtMoney, moneyRefusal } from '../../format';
import { loadError, useOp } from '../../query';
import { useConsultants } from '../../staff';
import { useCan } from '../../stores/session';
import { toast } from '../../stores/toast';
import { offerReceipt } from '../../stores/receipt';
import {
  fieldParts,
  NewMemberFields,
  NO_MEMBER,
  saleOutcome,
  type Field,
  type NewMember,
  type SaleErrors,
} from './SaleParts';

const NOBODY: VisitorSummary[] = [];
const joinedToday = (v: VisitorsToday) => v.visitors.filter((x) => x.outcome === 'joined');

export function CardSaleDialog(props: {
  /** The member whose card is renewed or upgraded; none: a new member. */
  member?: MemberDetail;
  onClose(): void;
  onDone(r: CardSaleResult): void;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const m = props.member;
  const today = clubToday();
  const canSeeVisitors = useCan('visitors.today');
  const typesQuery = useOp('cardTypes.list', {});
  const types = typesQuery.data ?? null;
  const consultants = useConsultants();
  // visitors who joined today (a new member's details come from their registration)
  const joined =
    useOp('visitors.today', {}, { enabled: !m && canSeeVisitors, select: joinedToday }).data ?? NOBODY;
  const [step, setStep] = useState<'card' | 'payment'>('card');
  const [errs, setErrs] = useState<SaleErrors>({});
  const [freeAuth, setFreeAuth] = useState(false);
  const { busy, error: submitError, setError, run } = useSubmit();
  const error = submitError ?? loadError(typesQuery);
  // one id for this sale: a double press or a retry after a lost answer never sells twice
  const [opId] = useState(newOpId);

  const [who, setWhoState] = useState<NewMember>(NO_MEMBER);
  const setWho = (patch: Partial<NewMember>) => setWhoState((w) => ({ ...w, ...patch }));
  const [visitorId, setVisitorId] = useState('');
  const [cardTypeId, setCardTypeId] = useState(m ? String(m.cardTypeId) : '');
  const [quantity, setQuantity] = useState('1');
  const [startDate, setStartDate] = useState(today);
  const [amount, setAmount] = useState('');
  const [amountTyped, setAmountTyped] = useState(false);
  const [soldById, setSoldById] = useState('');
  const [parts, setParts] = useState<PaymentPart[]>([]);
  const [partsValid, setPartsValid] = useState(false);

  const type = (types ?? []).find((x) => String(x.id) === cardTypeId) ?? null;
  const qty = /^\d{1,2}$/.test(quantity) ? Number(quantity) : NaN;
  const qtyOk = Number.isInteger(qty) && qty >= 1 && qty <= 10;
  const listCents = type?.priceCents !== undefined && qtyOk ? type.priceCents * qty : null;
  // Consultants and managers get the catalogue price prefilled until they type an amount.
  const amountText = !amountTyped && listCents !== null ? centsToYuan(listCents) : amount;
  const amountCents = parseCents(amountText);

  const outcome = useMemo(
    () => (type && qtyOk ? saleOutcome(type, qty, m, startDate, today) : null),
    [type, qty, qtyOk, m, startDate, today],
  );
  const renewal = m !== undefined && type !== null && type.id === m.cardTypeId;

  const pickVisitor = (id: string) => {
    setVisitorId(id);
    const v = joined.find((x) => String(x.id) === id);
    if (!v) return;
    setWho({ name: v.name, phone: v.phone, gender: v.gender });
    if (v.creditConsultantId) setSoldById(String(v.creditConsultantId));
    const t2 = (types ?? []).find((x) => x.active && x.name === v.outcomeCardTypeName);
    if (t2) setCardTypeId(String(t2.id));
  };

  const validate = (): SaleErrors => {
    const e: SaleErrors = {};
    if (!m) {
      if (!isCardNo(who.cardNo.trim())) e.cardNo = t('members.fieldError.cardNo');
      if (!who.name.trim()) e.name = t('members.fieldError.name');
      if (!who.gender) e.gender = t('members.fieldError.gender');
      if (who.phone.trim() !== '' && !plausiblePhone(who.phone)) e.phone = t('members.fieldError.phone');
      if (!startDate || startDate < today || startDate > addDays(today, 90))
        e.startDate = t('members.sell.needStart');
    }
    if (!type) e.cardTypeId = t('members.fieldError.cardTypeId');
    if (!qtyOk) e.quantity = t('members.sell.needQuantity');
    if (amountCents === null) e.amountCents = moneyRefusal(amountText) ?? t('members.sell.needAmount');
    return e;
  };

  const args = (extra: { parts?: PaymentPart[]; authorization?: Authorization }) => ({
    cardTypeId: Number(cardTypeId),
    quantity: qty,
    amountCents: amountCents ?? 0,
    soldById: soldById ? Number(soldById) : null,
    opId,
    ...extra,
  });

  const send = async (extra: { parts?: PaymentPart[]; authorization?: Authorization }) => {
    const r = m
      ? await call('members.renew', { id: m.id, ...args(extra) })
      : await call('members.sell', {
          cardNo: who.cardNo.trim(),
          name: who.name.trim(),
          gender: who.gender as Gender,
          phone: who.phone.trim() || null,
          birthDate: who.birthDate || null,
          notes: who.notes,
          startDate,
          ...(visitorId ? { visitorId: Number(visitorId) } : {}),
          ...args(extra),
        });
    const change = r.receipt?.changeCents ?? 0;
    const done =
      r.entry.kind === 'sale'
        ? t('members.sell.sold', { name: r.member.name, cardNo: r.member.cardNo })
        : r.entry.kind === 'upgrade'
          ? t('members.sell.upgraded', { name: r.member.name, type: r.member.cardTypeName })
          : t('members.sell.renewed', { name: r.member.name });
    toast.ok(change > 0 ? `${done} ${t('members.sell.change', { change: fmtMoney(change) })}` : done);
    props.onDone(r);
    if (r.receipt) offerReceipt(r.receipt.settlementId);
  };

  /** A refusal about the card's details sends the desk back to the first step with the field marked. */
  const onError = (err: unknown): string => {
    const fe: SaleErrors = {};
    for (const p of invalidFields(err)) {
      const k = p.split('.')[0] as Field;
      if (k === 'startDate') fe.startDate = t('members.sell.needStart');
      else if (k === 'soldById') fe.soldById = t('members.fieldError.consultantId');
      else if (k === 'cardTypeId') fe.cardTypeId = t('members.fieldError.cardTypeId');
      else if (k === 'quantity') fe.quantity = t('members.sell.needQuantity');
      else if (k === 'cardNo' || k === 'name' || k === 'phone' || k === 'birthDate')
        fe[k] = t(`members.fieldError.${k}`);
    }
    if (err instanceof ApiCallError && err.code === 'CARD_NO_TAKEN') fe.cardNo = errorText(err);
    if (Object.keys(fe).length) {
      setErrs(fe);
      setStep('card');
    }
    return errorText(err);
  };

  const next = (ev: FormEvent) => {
    ev.preventDefault();
    const e = validate();
    setErrs(e);
    setError(null);
    if (Object.keys(e).length) return;
    if (amountCents === 0) setFreeAuth(true);
    else setStep('payment');
  };

  const pay = async (ev: FormEvent) => {
    ev.preventDefault();
    if (!partsValid || busy) return;
    await run(() => send({ parts }), onError);
  };

  const { field, inv } = fieldParts(uid, errs);
  const typeLabel = (x: CardTypeInfo) =>
    `${x.name} — ${
      x.kind === 'time'
        ? t('members.form.typeDays', { count: x.durationDays ?? 0 })
        : t('members.form.typeVisits', { count: x.visitCount ?? 0 })
    }`;
  const what = (o: { expiryDate: string | null; visitsLeft: number | null }) =>
    [
      o.visitsLeft !== null ? t('members.sell.visitsN', { count: o.visitsLeft }) : null,
      o.expiryDate
        ? t('members.sell.untilDate', { date: fmtDate(o.expiryDate) })
        : t('members.sell.noExpiry'),
    ]
      .filter(Boolean)
      .join(' · ');

  const title = m ? t('members.sell.renewTitle', { name: m.name }) : t('members.sell.title');
  return (
    <Modal title={title} onClose={props.onClose} wide>
      <ol className="import-steps" aria-label={title}>
        <li
          className={step === 'card' ? 'current' : 'done'}
          aria-current={step === 'card' ? 'step' : undefined}
        >
          {t('members.sell.stepDetails')}
        </li>
        <li
          className={step === 'payment' ? 'current' : ''}
          aria-current={step === 'payment' ? 'step' : undefined}
        >
          {t('members.sell.stepPayment')}
        </li>
      </ol>
      {step === 'card' ? (
        <form onSubmit={next} noValidate className="member-form sale-form">
          {m ? (
            <p className="muted">
              {t('members.sell.current', {
                type: m.cardTypeName,
                what: what({ expiryDate: m.expiryDate, visitsLeft: m.visitsLeft }),
              })}
            </p>
          ) : (
            <NewMemberFields
              uid={uid}
              errs={errs}
              joined={joined}
              visitorId={visitorId}
              onPickVisitor={pickVisitor}
              who={who}
              setWho={setWho}
            />
          )}
          <div className="grid-3">
            {field(
              'cardTypeId',
              t('members.sell.cardType'),
              <select
                {...inv('cardTypeId')}
                value={cardTypeId}
                onChange={(e) => setCardTypeId(e.target.value)}
              >
                <option value="">
                  {types === null ? t('common.loading') : t('members.form.chooseType')}
                </option>
                {(types ?? [])
                  .filter((x) => x.active)
                  .map((x) => (
                    <option key={x.id} value={x.id}>
                      {typeLabel(x)}
                    </option>
                  ))}
              </select>,
            )}
            {field(
              'quantity',
              t('members.sell.quantity'),
              <input
                {...inv('quantity')}
                inputMode="numeric"
                maxLength={2}
                value={quantity}
                onChange={(e) => setQuantity(e.target.value.replace(/\D/g, ''))}
              />,
              t('members.sell.quantityHint'),
            )}
            {!m &&
              field(
                'startDate',
                t('members.sell.startDate'),
                <input
                  {...inv('startDate')}
                  type="date"
                  min={today}
                  max={addDays(today, 90)}
                  value={startDate}
                  onChange={(e) => setStartDate(e.target.value)}
                />,
                t('members.sell.startHint'),
              )}
            {field(
              'amountCents',
              t('members.sell.amount'),
              <MoneyInput
                id={`${uid}-amountCents`}
                value={amountText}
                invalid={!!errs.amountCents}
                describedBy={errs.amountCents ? `${uid}-amountCents-err` : undefined}
                onChange={(v) => {
                  setAmount(v);
                  setAmountTyped(true);
                  setErrs((p) => ({ ...p, amountCents: undefined }));
                }}
              />,
              listCents !== null
                ? t('members.sell.listPrice', { amount: fmtMoney(listCents) })
                : t('members.sell.amountHint'),
            )}
            {field(
              'soldById',
              t('members.sell.soldBy'),
              <select {...inv('soldById')} value={soldById} onChange={(e) => setSoldById(e.target.value)}>
                <option value="">{t('members.sell.noSoldBy')}</option>
                {consultants.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>,
            )}
          </div>
          {m && type && (
            <p className="sale-kind" role="status">
              {renewal ? t('members.sell.renewal') : t('members.sell.upgrade')}
            </p>
          )}
          {outcome && (
            <p className="sale-preview" data-testid="sale-preview">
              {t('members.sell.preview', { what: what(outcome) })}
            </p>
          )}
          <FormFooter
            error={error}
            disabled={busy}
            submitLabel={amountCents === 0 ? t('members.sell.free') : t('members.sell.next')}
            onCancel={props.onClose}
          />
        </form>
      ) : (
        <form onSubmit={(ev) => void pay(ev)} noValidate className="sale-form">
          <p className="sale-preview">
            {type && `${t('members.history.typeQty', { type: type.name, count: qty })} · `}
            {outcome && t('members.sell.preview', { what: what(outcome) })}
          </p>
          <PaymentEditor
            dueCents={amountCents ?? 0}
            storedValueCents={m ? m.storedValueCents : null}
            autoFocus
            disabled={busy}
            onChange={(p, ok) => {
              setParts(p);
              setPartsValid(ok);
            }}
          />
          <FormError error={error} />
          <div className="dialog-buttons">
            <button type="submit" className="btn btn-primary btn-big" disabled={busy || !partsValid}>
              {m
                ? t('members.sell.submitRenew', { amount: fmtMoney(amountCents ?? 0) })
                : t('members.sell.submit', { amount: fmtMoney(amountCents ?? 0) })}
            </button>
            <button type="button" className="btn" disabled={busy} onClick={() => setStep('card')}>
              {t('members.sell.back')}
            </button>
            <button type="button" className="btn btn-ghost" onClick={props.onClose}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      {freeAuth && (
        <AuthorizeDialog
          title={t('members.sell.freeTitle')}
          confirmLabel={t('members.sell.freeConfirm')}
          action="freeCard"
          onClose={() => setFreeAuth(false)}
          onAuthorize={async (auth) => {
            try {
              await send({ authorization: auth });
            } catch (e) {
              onError(e);
              throw e;
            }
          }}
        >
          <p>{t('members.sell.freeExplain')}</p>
          {type && <p>{t('members.history.typeQty', { type: type.name, count: qty })}</p>}
        </AuthorizeDialog>
      )}
    </Modal>
  );
}
