/** A delivery received into stock: which item, how many, and an optional note (delivery note no.). */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BarItem } from '../../../../electron/core/contract';
import { call } from '../../api';
import { FormFooter } from '../../components/FormParts';
import { Modal } from '../../components/Modal';
import { useSubmit } from '../../components/useSubmit';
import { MAX_QTY, useSalesPoint } from '../../stores/bar';

export function ReceiveDialog(props: {
  items: BarItem[];
  itemId: number | null;
  onClose(): void;
  onDone(item: BarItem, quantity: number): void;
}) {
  const { t } = useTranslation();
  const { point } = useSalesPoint();
  const uid = useId();
  const [itemId, setItemId] = useState<number | ''>(props.itemId ?? '');
  const [qty, setQty] = useState('');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState<{ item?: boolean; qty?: boolean }>({});
  const { busy, error, run } = useSubmit();
  const sorted = [...props.items].sort(
    (a, b) =>
      a.category.localeCompare(b.category, 'zh-CN') ||
      a.sort - b.sort ||
      a.name.localeCompare(b.name, 'zh-CN'),
  );
  const current = props.items.find((i) => i.id === itemId);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const n = Number(qty);
    const miss = { item: itemId === '', qty: !(qty !== '' && Number.isInteger(n) && n >= 1 && n <= MAX_QTY) };
    setMissing(miss);
    if (miss.item || miss.qty) return;
    await run(async () => {
      const item = await call('bar.receive', {
        itemId: Number(itemId),
        quantity: n,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      props.onDone(item, n);
    });
  };

  return (
    <Modal title={t('bar.receiveDialog.title')} onClose={props.onClose}>
      <form onSubmit={(ev) => void submit(ev)} noValidate>
        <div className="field">
          <label htmlFor={`${uid}-item`}>{t('bar.receiveDialog.item', { context: point })}</label>
          <select
            id={`${uid}-item`}
            value={itemId}
            onChange={(e) => setItemId(e.target.value === '' ? '' : Number(e.target.value))}
            aria-invalid={missing.item || undefined}
          >
            <option value="">{t('bar.receiveDialog.choose', { context: point })}</option>
            {sorted.map((i) => (
              <option key={i.id} value={i.id}>
                {i.category} — {i.name}
              </option>
            ))}
          </select>
          {missing.item && (
            <div className="field-error">{t('bar.receiveDialog.needItem', { context: point })}</div>
          )}
          {current && (
            <div className="muted field-hint">
              {t('bar.receiveDialog.stockNow', { stock: current.stock })}
            </div>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${uid}-qty`}>{t('bar.receiveDialog.quantity')}</label>
          <input
            id={`${uid}-qty`}
            type="number"
            inputMode="numeric"
            min={1}
            max={MAX_QTY}
            value={qty}
            onChange={(e) => setQty(e.target.value.replace(/[^\d]/g, ''))}
            aria-invalid={missing.qty || undefined}
          />
          {missing.qty && <div className="field-error">{t('bar.receiveDialog.needQuantity')}</div>}
        </div>
        <div className="field">
          <label htmlFor={`${uid}-note`}>{t('bar.receiveDialog.note')}</label>
          <input
            id={`${uid}-note`}
            type="text"
            maxLength={500}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
        <FormFooter
          error={error}
          disabled={busy}
          submitLabel={t('bar.receiveDialog.submit')}
          onCancel={props.onClose}
        />
      </form>
    </Modal>
  );
}
