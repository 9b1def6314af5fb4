/** Settings → card types (managers): the list with members per type, add, edit, take off / put on sale. */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CARD_KINDS, type CardKind } from '../../../../electron/core/contract';
import { centsToYuan, parseCents } from '../../../../electron/shared/money';
import { ApiCallError, call, type OpArgs, type OpResult } from '../../api';
import { ListHead, ListTable } from '../../components/ListTable';
import { FormFooter } from '../../components/FormParts';
import { Modal } from '../../components/Modal';
import { errorText, invalidFields } from '../../errorText';
import { fmtMoney, moneyRefusal } from '../../format';
import { refresh, useCommand, useOp } from '../../query';
import { useCan } from '../../stores/session';
import { toast } from '../../stores/toast';
import { Field, inv, type Errs } from './fields';

type CardTypeInfo = OpResult<'cardTypes.list'>[number];

export function CardTypesTab() {
  const { t } = useTranslation();
  const canCreate = useCan('cardTypes.create');
  const canUpdate = useCan('cardTypes.update');
  const list = useOp('cardTypes.list', { includeInactive: true });
  const rows = list.data ?? null;
  const error = list.isError ? errorText(list.error) : null;
  const [editing, setEditing] = useState<CardTypeInfo | 'new' | null>(null);
  const load = () => void refresh('cardTypes.list');

  const update = useCommand('cardTypes.update');
  const toggle = (ct: CardTypeInfo) =>
    update.run({ id: ct.id, active: !ct.active }, () =>
      toast.ok(
        t(ct.active ? 'settings.cardTypes.deactivated' : 'settings.cardTypes.activated', { name: ct.name }),
      ),
    );
  const showPrice = rows?.some((r) => r.priceCents !== undefined) ?? false;

  return (
    <section className="section">
      <ListHead
        level={2}
        title={t('settings.cardTypes.title')}
        addLabel={t('settings.cardTypes.add')}
        {...(canCreate ? { onAdd: () => setEditing('new') } : {})}
      />
      <ListTable
        rows={rows}
        error={error}
        empty={t('settings.cardTypes.none')}
        head={
          <>
            <th scope="col">{t('settings.cardTypes.name')}</th>
            <th scope="col">{t('settings.cardTypes.kind')}</th>
            <th scope="col">{t('settings.cardTypes.length')}</th>
            {showPrice && (
              <th scope="col" className="num">
                {t('settings.cardTypes.price')}
              </th>
            )}
            <th scope="col">{t('settings.cardTypes.status')}</th>
            <th scope="col" className="num">
              {t('settings.cardTypes.members')}
            </th>
            {canUpdate && <th scope="col">{t('settings.cardTypes.actions')}</th>}
          </>
        }
        row={(ct) => (
          <tr key={ct.id}>
            <td>{ct.name}</td>
            <td>{t(`settings.cardTypes.kinds.${ct.kind}`)}</td>
            <td>
              {ct.kind === 'time'
                ? t('settings.cardTypes.days', { count: ct.durationDays ?? 0 })
                : t('settings.cardTypes.visits', { count: ct.visitCount ?? 0 })}
            </td>
            {showPrice && (
              <td className="num">{ct.priceCents !== undefined ? fmtMoney(ct.priceCents) : '—'}</td>
            )}
            <td>
              <span className={ct.active ? 'badge badge-ok' : 'badge badge-muted'}>
                {t(ct.active ? 'settings.cardTypes.active' : 'settings.cardTypes.inactive')}
              </span>
            </td>
            <td className="num">{ct.memberCount}</td>
            {canUpdate && (
              <td className="toolbar">
                <button
                  type="button"
                  className="btn btn-small"
                  aria-label={t('settings.cardTypes.editNamed', { name: ct.name })}
                  onClick={() => setEditing(ct)}
                >
                  {t('common.edit')}
                </button>
                <button
                  type="button"
                  className="btn btn-small btn-ghost"
                  aria-label={t(
                    ct.active ? 'settings.cardTypes.deactivateNamed' : 'settings.cardTypes.activateNamed',
                    {
                      name: ct.name,
                    },
                  )}
                  onClick={() => void toggle(ct)}
                >
                  {t(ct.active ? 'settings.cardTypes.deactivate' : 'settings.cardTypes.activate')}
                </button>
              </td>
            )}
          </tr>
        )}
      />
      {editing && (
        <CardTypeDialog
          type={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={(ct) => {
            setEditing(null);
            toast.ok(t('settings.cardTypes.saved', { name: ct.name }));
            load();
          }}
        />
      )}
    </section>
  );
}

function CardTypeDialog(props: { type?: CardTypeInfo; onClose(): void; onSaved(ct: CardTypeInfo): void }) {
  const { t } = useTranslation();
  const uid = useId();
  const ct = props.type;
  const withPrice = !ct || ct.priceCents !== undefined;
  const [name, setName] = useState(ct?.name ?? '');
  const [kind, setKind] = useState<CardKind>(ct?.kind ?? 'time');
  const [amount, setAmount] = useState(
    String((ct?.kind === 'visits' ? ct.visitCount : ct?.durationDays) ?? ''),
  );
  const [price, setPrice] = useState(ct?.priceCents !== undefined ? centsToYuan(ct.priceCents) : '');
  const [errs, setErrs] = useState<Errs<'name' | 'amount' | 'price'>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const e: typeof errs = {};
    const max = kind === 'time' ? 36_600 : 100_000;
    const n = /^\d{1,6}$/.test(amount.trim()) ? Number(amount.trim()) : NaN;
    const cents = parseCents(price);
    if (!name.trim()) e.name = t('settings.cardTypes.error.name');
    if (!(n >= 1 && n <= max)) e.amount = t(`settings.cardTypes.error.${kind}`, { max });
    if (withPrice && cents === null) e.price = moneyRefusal(price) ?? t('settings.cardTypes.error.price');
    setErrs(e);
    setError(null);
    if (Object.keys(e).length > 0) return;
    setBusy(true);
    try {
      let saved: CardTypeInfo;
      if (ct) {
        const patch: OpArgs<'cardTypes.update'> = { id: ct.id };
        if (name.trim() !== ct.name) patch.name = name.trim();
        if (kind === 'time' && n !== ct.durationDays) patch.durationDays = n;
        if (kind === 'visits' && n !== ct.visitCount) patch.visitCount = n;
        if (withPrice && cents !== null && cents !== ct.priceCents) patch.priceCents = cents;
        saved = Object.keys(patch).length > 1 ? await call('cardTypes.update', patch) : ct;
      } else {
        saved = await call('cardTypes.create', {
          name: name.trim(),
          kind,
          durationDays: kind === 'time' ? n : null,
          visitCount: kind === 'visits' ? n : null,
          priceCents: cents ?? 0,
        });
      }
      props.onSaved(saved);
    } catch (ex) {
      const fe: typeof errs = {};
      for (const p of invalidFields(ex)) {
        if (p === 'name') fe.name = t('settings.cardTypes.error.name');
        if (p === 'durationDays' || p === 'visitCount')
          fe.amount = t(`settings.cardTypes.error.${kind}`, { max: kind === 'time' ? 36_600 : 100_000 });
        if (p === 'priceCents') fe.price = t('settings.cardTypes.error.price');
      }
      if (ex instanceof ApiCallError && ex.code === 'CARD_TYPE_NAME_TAKEN') fe.name = errorText(ex);
      setErrs(fe);
      setError(errorText(ex));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title={ct ? t('settings.cardTypes.editTitle', { name: ct.name }) : t('settings.cardTypes.newTitle')}
      onClose={props.onClose}
    >
      <form onSubmit={(ev) => void submit(ev)} noValidate>
        <Field id={`${uid}-name`} label={t('settings.cardTypes.name')} error={errs.name}>
          <input
            {...inv(`${uid}-name`, errs.name)}
            value={name}
            maxLength={100}
            onChange={(e) => setName(e.target.value)}
          />
        </Field>
        <fieldset className="field radio-row">
          <legend>{t('settings.cardTypes.kind')}</legend>
          {CARD_KINDS.map((k) => (
            <label key={k} className="radio">
              <input
                type="radio"
                name={`${uid}-kind`}
                checked={kind === k}
                disabled={!!ct}
                onChange={() => setKind(k)}
              />
              {t(`settings.cardTypes.kinds.${k}`)}
            </label>
          ))}
          {ct && <div className="muted field-hint">{t('settings.cardTypes.kindFixed')}</div>}
        </fieldset>
        <Field
          id={`${uid}-amount`}
          label={t(kind === 'time' ? 'settings.cardTypes.durationDays' : 'settings.cardTypes.visitCount')}
          error={errs.amount}
        >
          <input
            {...inv(`${uid}-amount`, errs.amount)}
            inputMode="numeric"
            maxLength={6}
            value={amount}
            onChange={(e) => setAmount(e.target.value.replace(/\D/g, ''))}
          />
        </Field>
        {withPrice && (
          <Field id={`${uid}-price`} label={t('settings.cardTypes.price')} error={errs.price}>
            <input
              {...inv(`${uid}-price`, errs.price)}
              inputMode="decimal"
              maxLength={20}
              value={price}
              onChange={(e) => setPrice(e.target.value)}
            />
          </Field>
        )}
        <FormFooter
          error={error}
          errorAs="p"
          submitLabel={ct ? t('common.save') : t('settings.cardTypes.create')}
          disabled={busy}
          onCancel={props.onClose}
        />
      </form>
    </Modal>
  );
}
