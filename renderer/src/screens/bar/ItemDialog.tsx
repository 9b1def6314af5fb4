/**
 * Adding or editing a bar item: name, category, price (typed in currency units, sent in cents),
 * notes / ingredients, sort order, whether it is a favourite (first page of the menu) and whether
 * it is on sale. A price change never alters slips
 * already written.
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SALES_POINTS, type BarItem, type SalesPoint } from '../../../../electron/core/contract';
import { centsToYuan, parseCents } from '../../../../electron/shared/money';
import { ApiCallError, call } from '../../api';
import { FormFooter, RadioRow } from '../../components/FormParts';
import { Modal } from '../../components/Modal';
import { useSubmit } from '../../components/useSubmit';
import { errorText, invalidFields } from '../../errorText';
import { moneyRefusal } from '../../format';

type Key = 'name' | 'category' | 'price' | 'sort' | 'notes';

export function ItemDialog(props: {
  item: BarItem | null;
  categories: string[];
  /** The sales point on screen: a new item's point unless changed here. */
  point: SalesPoint;
  onClose(): void;
  onDone(item: BarItem): void;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const it = props.item;
  const [name, setName] = useState(it?.name ?? '');
  const [category, setCategory] = useState(it?.category ?? '');
  const [price, setPrice] = useState(it ? centsToYuan(it.priceCents) : '');
  const [sort, setSort] = useState(it ? String(it.sort) : '');
  const [notes, setNotes] = useState(it?.notes ?? '');
  const [active, setActive] = useState(it?.active ?? true);
  const [favourite, setFavourite] = useState(it?.favourite ?? false);
  const [point, setPoint] = useState<SalesPoint>(it?.point ?? props.point);
  const [errs, setErrs] = useState<Partial<Record<Key, string>>>({});
  const { busy, error, run } = useSubmit();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const priceCents = parseCents(price);
    const sortN = sort.trim() === '' ? undefined : Number(sort);
    const next: Partial<Record<Key, string>> = {};
    if (!name.trim()) next.name = t('bar.itemDialog.needName');
    if (!category.trim()) next.category = t('bar.itemDialog.needCategory', { context: point });
    if (priceCents === null) next.price = moneyRefusal(price) ?? t('bar.itemDialog.badPrice');
    if (sortN !== undefined && !(Number.isInteger(sortN) && sortN >= 0 && sortN <= 10_000))
      next.sort = t('bar.itemDialog.badSort');
    setErrs(next);
    if (Object.keys(next).length > 0 || priceCents === null) return;
    await run(
      async () => {
        let saved: BarItem;
        if (!it) {
          saved = await call('bar.itemCreate', {
            name: name.trim(),
            category: category.trim(),
            priceCents,
            notes,
            ...(sortN !== undefined ? { sort: sortN } : {}),
            ...(favourite ? { favourite } : {}),
            point,
          });
        } else {
          // only what changed (a price change is audited)
          saved = await call('bar.itemUpdate', {
            id: it.id,
            ...(name.trim() !== it.name ? { name: name.trim() } : {}),
            ...(category.trim() !== it.category ? { category: category.trim() } : {}),
            ...(priceCents !== it.priceCents ? { priceCents } : {}),
            ...(notes !== it.notes ? { notes } : {}),
            ...(sortN !== undefined && sortN !== it.sort ? { sort: sortN } : {}),
            ...(active !== it.active ? { active } : {}),
            ...(favourite !== it.favourite ? { favourite } : {}),
            ...(point !== it.point ? { point } : {}),
          });
        }
        props.onDone(saved);
      },
      (err) => {
        // a name already taken is said at the name field only
        if (err instanceof ApiCallError && err.code === 'BAR_ITEM_NAME_TAKEN') {
          setErrs({ name: errorText(err) });
          return null;
        }
        const bad = invalidFields(err);
        const fe: Partial<Record<Key, string>> = {};
        for (const f of bad) {
          if (f.startsWith('name')) fe.name = t('bar.itemDialog.needName');
          else if (f.startsWith('category'))
            fe.category = t('bar.itemDialog.needCategory', { context: point });
          else if (f.startsWith('priceCents')) fe.price = t('bar.itemDialog.badPrice');
          else if (f.startsWith('sort')) fe.sort = t('bar.itemDialog.badSort');
        }
        setErrs(fe);
        return errorText(err);
      },
    );
  };

  const field = (k: Key, label: string, input: ReactNode, hint?: string) => (
    <div className="field">
      <label htmlFor={`${uid}-${k}`}>{label}</label>
      {input}
      {hint && !errs[k] && <div className="muted field-hint">{hint}</div>}
      {errs[k] && (
        <div className="field-error" id={`${uid}-${k}-err`}>
          {errs[k]}
        </div>
      )}
    </div>
  );
  const inv = (k: Key) => ({
    id: `${uid}-${k}`,
    'aria-invalid': errs[k] ? true : undefined,
    'aria-describedby': errs[k] ? `${uid}-${k}-err` : undefined,
  });

  return (
    <Modal
      title={
        it
          ? t('bar.itemDialog.editTitle', { name: it.name })
          : t('bar.itemDialog.addTitle', { context: point })
      }
      onClose={props.onClose}
    >
      <form onSubmit={(ev) => void submit(ev)} noValidate>
        {field(
          'name',
          t('bar.itemDialog.name'),
          <input
            {...inv('name')}
            type="text"
            maxLength={100}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />,
        )}
        <div className="grid-2">
          {field(
            'category',
            t('bar.itemDialog.category'),
            <>
              <input
                {...inv('category')}
                type="text"
                maxLength={50}
                list={`${uid}-cats`}
                value={category}
                onChange={(e) => setCategory(e.target.value)}
              />
              <datalist id={`${uid}-cats`}>
                {props.categories.map((c) => (
                  <option key={c} value={c} />
                ))}
              </datalist>
            </>,
          )}
          {field(
            'price',
            t('bar.itemDialog.price'),
            <input
              {...inv('price')}
              type="text"
              inputMode="decimal"
              maxLength={20}
              value={price}
              onChange={(e) => setPrice(e.target.value)}
            />,
            it ? t('bar.itemDialog.priceHint', { context: point }) : undefined,
          )}
        </div>
        {field(
          'notes',
          t('bar.itemDialog.notes', { context: point }),
          <textarea
            {...inv('notes')}
            maxLength={5000}
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
          />,
        )}
        <RadioRow<SalesPoint>
          legend={t('bar.itemDialog.point')}
          name={`${uid}-point`}
          options={SALES_POINTS}
          value={point}
          onChange={setPoint}
          label={(k) => t(`bar.points.${k}`)}
        />
        <div className="grid-2">
          {field(
            'sort',
            t('bar.itemDialog.sort', { context: point }),
            <input
              {...inv('sort')}
              type="number"
              inputMode="numeric"
              min={0}
              max={10000}
              value={sort}
              onChange={(e) => setSort(e.target.value.replace(/[^\d]/g, ''))}
            />,
            t('bar.itemDialog.sortHint'),
          )}
          <div className="field bar-active-field">
            <label className="check">
              <input type="checkbox" checked={favourite} onChange={(e) => setFavourite(e.target.checked)} />
              {t('bar.itemDialog.favourite', { context: point })}
            </label>
            {it && (
              <label className="check">
                <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />
                {t('bar.itemDialog.active')}
              </label>
            )}
          </div>
        </div>
        <FormFooter
          error={error}
          disabled={busy}
          submitLabel={
            it ? t('bar.itemDialog.save', { context: point }) : t('bar.itemDialog.create', { context: point })
          }
          onCancel={props.onClose}
        />
      </form>
    </Modal>
  );
}
