/**
 * Settings → Shift & handover (managers): the default float of the very first shift, the two
 * checklists — the opening checklist ticked when a shift opens and the pre-closing checklist of the
 * day close — and the places a loss or repair is reported at (a repair keeps the place it was
 * reported with, so removing or renaming a place leaves old records as they were). Built-in items ("@music") are kept as such, worded in each counter's language, until a
 * manager rewrites one; then it becomes the club's own wording. Nothing is saved while a field is
 * wrong; the core checks again.
 */
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../electron/core/contract';
import { centsToYuan, parseCents } from '../../../../electron/shared/money';
import { call, type OpArgs } from '../../api';
import { FormError, FormFooter } from '../../components/FormParts';
import { MoneyInput } from '../../components/PaymentEditor';
import { useSubmit } from '../../components/useSubmit';
import { errorText, invalidFields } from '../../errorText';
import { moneyRefusal } from '../../format';
import { loadError, setOpData, useOp } from '../../query';
import { useSession } from '../../stores/session';
import { toast } from '../../stores/toast';
import { placeLabel } from '../notes/util';
import { checklistLabel } from './util';
import './ShiftSettingsTab.css';

/** The limits of the settings contract (SettingsPatch). */
const MAX_ITEMS = 50;
const MAX_LENGTH = 200;
const LISTS = ['openingChecklist', 'closingChecklist', 'repairPlaces'] as const;
type ListKey = (typeof LISTS)[number];
/** A repair place is at most 100 characters (the contract), a checklist item 200. */
const maxOf = (list: ListKey) => (list === 'repairPlaces' ? 100 : MAX_LENGTH);

/** One line of a checklist being edited: a built-in item (its key) or the club's own text. */
interface Row {
  id: number;
  builtin: string | null;
  text: string;
}
interface Form {
  float: string;
  openingChecklist: Row[];
  closingChecklist: Row[];
  repairPlaces: Row[];
}
type ItemProblem = 'empty' | 'tooLong' | 'at' | 'duplicate' | 'full';

let rowSeq = 0;
const toRow = (item: string): Row =>
  item.startsWith('@')
    ? { id: ++rowSeq, builtin: item, text: '' }
    : { id: ++rowSeq, builtin: null, text: item };
const toForm = (s: Settings): Form => ({
  float: centsToYuan(s.defaultFloatCents),
  openingChecklist: s.openingChecklist.map(toRow),
  closingChecklist: s.closingChecklist.map(toRow),
  repairPlaces: s.repairPlaces.map(toRow),
});
const rowValue = (r: Row) => r.builtin ?? r.text.trim();
const rowLabel = (r: Row, list: ListKey) =>
  r.builtin ? (list === 'repairPlaces' ? placeLabel(r.builtin) : checklistLabel(r.builtin)) : r.text;
const same = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/** What is wrong with an item's text (own wording) among the other items of its list, if anything. */
function itemProblem(text: string, others: readonly Row[], list: ListKey): ItemProblem | null {
  const v = text.trim();
  if (!v) return 'empty';
  if (v.length > maxOf(list)) return 'tooLong';
  if (v.startsWith('@')) return 'at';
  if (others.some((o) => same(rowLabel(o, list), v))) return 'duplicate';
  return null;
}

export function ShiftSettingsTab() {
  const { t } = useTranslation();
  const settings = useOp('settings.get', {});
  const failed = loadError(settings);
  if (!settings.data) {
    return failed ? <FormError error={failed} as="p" /> : <p className="muted">{t('common.loading')}</p>;
  }
  return <ShiftSettingsForm initial={settings.data} />;
}

/** The form, filled from the settings as loaded (and as saved): edits stay while others change things. */
function ShiftSettingsForm(props: { initial: Settings }) {
  const { t } = useTranslation();
  const uid = useId();
  const [saved, setSaved] = useState<Settings>(props.initial);
  const [f, setF] = useState<Form>(() => toForm(props.initial));
  /** Field errors: "float", a list ("openingChecklist") or one of its rows ("openingChecklist:12"). */
  const [errs, setErrs] = useState<Record<string, string>>({});
  const { busy, error, setError, run } = useSubmit();

  const fill = (s: Settings) => {
    setSaved(s);
    setF(toForm(s));
  };

  const clearErr = (...keys: string[]) =>
    setErrs((p) => {
      const n = { ...p };
      for (const k of keys) delete n[k];
      return n;
    });
  const setRows = (list: ListKey, rows: Row[]) => setF((p) => ({ ...p, [list]: rows }));
  const problemText = (p: ItemProblem, max = MAX_LENGTH) =>
    t(`settings.shift.error.${p}`, { max, count: MAX_ITEMS });

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const e: Record<string, string> = {};
    const patch: OpArgs<'settings.update'> = {};
    const cents = parseCents(f.float);
    if (cents === null) e.float = moneyRefusal(f.float) ?? t('settings.shift.error.float');
    else if (cents !== saved.defaultFloatCents) patch.defaultFloatCents = cents;
    for (const list of LISTS) {
      const rows = f[list];
      if (rows.length > MAX_ITEMS) e[list] = problemText('full');
      rows.forEach((r, i) => {
        if (r.builtin) return;
        // the earlier items, and the built-in ones after it (they cannot be flagged themselves)
        const p = itemProblem(
          r.text,
          rows.filter((o, j) => j < i || (j > i && o.builtin)),
          list,
        );
        if (p) e[`${list}:${r.id}`] = problemText(p, maxOf(list));
      });
      const items = rows.map(rowValue);
      if (JSON.stringify(items) !== JSON.stringify(saved[list])) patch[list] = items;
    }
    setErrs(e);
    setError(null);
    if (Object.keys(e).length > 0) {
      setError(t('settings.shift.fixFirst'));
      const form = ev.currentTarget;
      setTimeout(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    if (Object.keys(patch).length === 0) return toast.info(t('settings.shift.noChanges'));
    await run(
      async () => {
        const s = await call('settings.update', patch);
        fill(s);
        setOpData('settings.get', {}, s);
        useSession.getState().set({ settings: s });
        toast.ok(t('settings.shift.saved'));
      },
      (ex) => {
        const fe: Record<string, string> = {};
        for (const p of invalidFields(ex)) {
          const [k, i] = p.split('.');
          if (k === 'defaultFloatCents') fe.float = t('settings.shift.error.float');
          if (k === 'openingChecklist' || k === 'closingChecklist' || k === 'repairPlaces') {
            const row = i === undefined ? undefined : f[k][Number(i)];
            fe[row ? `${k}:${row.id}` : k] = t('settings.shift.error.server');
          }
        }
        setErrs(fe);
        return errorText(ex);
      },
    );
  };

  const floatId = `${uid}-float`;
  return (
    <form className="stack shiftset" onSubmit={(ev) => void submit(ev)} noValidate>
      <section className="card section" aria-labelledby={`${uid}-float-h`}>
        <h2 id={`${uid}-float-h`}>{t('settings.shift.floatTitle')}</h2>
        <div className="field shiftset-float">
          <label htmlFor={floatId}>{t('settings.shift.defaultFloat')}</label>
          <MoneyInput
            id={floatId}
            value={f.float}
            onChange={(v) => {
              setF({ ...f, float: v });
              clearErr('float');
            }}
            invalid={!!errs.float}
            describedBy={`${floatId}-hint`}
          />
          {errs.float ? (
            <div className="field-error" id={`${floatId}-hint`}>
              {errs.float}
            </div>
          ) : (
            <div className="field-hint" id={`${floatId}-hint`}>
              {t('settings.shift.hint.defaultFloat', { currency: saved.currency })}
            </div>
          )}
        </div>
      </section>
      {LISTS.map((list) => (
        <ChecklistEditor
          key={list}
          list={list}
          rows={f[list]}
          errs={errs}
          onRows={(rows) => setRows(list, rows)}
          clearErr={clearErr}
          problemText={problemText}
        />
      ))}
      <FormFooter
        error={error}
        errorAs="p"
        submitClassName="btn btn-primary btn-big"
        disabled={busy}
        submitLabel={t('settings.shift.save')}
        cancelLabel={t('settings.shift.reset')}
        onCancel={() => {
          setF(toForm(saved));
          setErrs({});
          setError(null);
        }}
      />
    </form>
  );
}

function ChecklistEditor(props: {
  list: ListKey;
  rows: Row[];
  errs: Record<string, string>;
  onRows(rows: Row[]): void;
  clearErr(...keys: string[]): void;
  problemText(p: ItemProblem, max?: number): string;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const { list, rows, errs } = props;
  const [draft, setDraft] = useState('');
  const [addErr, setAddErr] = useState<string | null>(null);
  const title = t(`settings.shift.${list}`);
  const full = rows.length >= MAX_ITEMS;
  const rowId = (r: Row) => `${uid}-${r.id}`;
  const focusLater = (id: string, fallback?: string) =>
    setTimeout(() => {
      const el = document.getElementById(id) as HTMLButtonElement | null;
      if (el && !el.disabled) el.focus();
      else if (fallback) document.getElementById(fallback)?.focus();
    });

  const add = () => {
    const p = full ? 'full' : itemProblem(draft, rows, list);
    if (p) {
      setAddErr(props.problemText(p, maxOf(list)));
      return;
    }
    props.onRows([...rows, { id: ++rowSeq, builtin: null, text: draft.trim() }]);
    props.clearErr(list);
    setDraft('');
    setAddErr(null);
  };
  const move = (i: number, by: -1 | 1) => {
    const j = i + by;
    const next = [...rows];
    const [r] = next.splice(i, 1);
    if (!r || j < 0 || j > rows.length - 1) return;
    next.splice(j, 0, r);
    props.onRows(next);
    const up = `${rowId(r)}-up`;
    const down = `${rowId(r)}-down`;
    focusLater(by < 0 ? up : down, by < 0 ? down : up);
  };
  const remove = (i: number) => {
    const r = rows[i];
    if (!r) return;
    props.onRows(rows.filter((x) => x.id !== r.id));
    props.clearErr(`${list}:${r.id}`, list);
    const neighbour = rows[i + 1] ?? rows[i - 1];
    focusLater(neighbour ? `${rowId(neighbour)}-remove` : `${uid}-new`);
  };
  const onDraftKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    add();
  };

  return (
    <section className="card section" aria-labelledby={`${uid}-h`}>
      <div className="toolbar">
        <h2 id={`${uid}-h`}>{title}</h2>
        <span className="spacer" />
        <span className="muted">{t('settings.shift.count', { count: rows.length, max: MAX_ITEMS })}</span>
      </div>
      <p className="muted field-hint">{t(`settings.shift.hint.${list}`)}</p>
      {errs[list] && (
        <p className="field-error" role="alert">
          {errs[list]}
        </p>
      )}
      {rows.length === 0 ? (
        <p className="empty">{t('settings.shift.none')}</p>
      ) : (
        <ol className="shiftset-list">
          {rows.map((r, i) => {
            const id = rowId(r);
            const err = errs[`${list}:${r.id}`];
            const label = rowLabel(r, list) || t('settings.shift.emptyItem', { n: i + 1 });
            return (
              <li key={r.id} className="shiftset-row">
                <span className="shiftset-num" aria-hidden="true">
                  {i + 1}.
                </span>
                <div className="field shiftset-item">
                  <input
                    id={id}
                    maxLength={maxOf(list)}
                    value={rowLabel(r, list)}
                    aria-label={t('settings.shift.item', { list: title, n: i + 1 })}
                    aria-invalid={err ? true : undefined}
                    aria-describedby={err ? `${id}-err` : undefined}
                    onChange={(e) => {
                      props.onRows(
                        rows.map((x) => (x.id === r.id ? { ...x, builtin: null, text: e.target.value } : x)),
                      );
                      props.clearErr(`${list}:${r.id}`);
                    }}
                  />
                  {err && (
                    <div className="field-error" id={`${id}-err`}>
                      {err}
                    </div>
                  )}
                </div>
                <span className="shiftset-kind">
                  {r.builtin && (
                    <span className="badge badge-muted" title={t('settings.shift.builtinHint')}>
                      {t('settings.shift.builtin')}
                    </span>
                  )}
                </span>
                <span className="shiftset-actions">
                  <button
                    id={`${id}-up`}
                    type="button"
                    className="btn btn-small"
                    disabled={i === 0}
                    aria-label={t('settings.shift.moveUp', { item: label })}
                    title={t('settings.shift.up')}
                    onClick={() => move(i, -1)}
                  >
                    ↑
                  </button>
                  <button
                    id={`${id}-down`}
                    type="button"
                    className="btn btn-small"
                    disabled={i === rows.length - 1}
                    aria-label={t('settings.shift.moveDown', { item: label })}
                    title={t('settings.shift.down')}
                    onClick={() => move(i, 1)}
                  >
                    ↓
                  </button>
                  <button
                    id={`${id}-remove`}
                    type="button"
                    className="btn btn-small btn-ghost"
                    aria-label={t('settings.shift.removeNamed', { item: label })}
                    onClick={() => remove(i)}
                  >
                    {t('settings.shift.remove')}
                  </button>
                </span>
              </li>
            );
          })}
        </ol>
      )}
      <div className="shiftset-add">
        <div className="field shiftset-item">
          <label htmlFor={`${uid}-new`}>{t('settings.shift.newItem')}</label>
          <input
            id={`${uid}-new`}
            maxLength={maxOf(list)}
            value={draft}
            disabled={full}
            placeholder={t('settings.shift.newItemPlaceholder')}
            aria-invalid={addErr ? true : undefined}
            aria-describedby={`${uid}-new-hint`}
            onChange={(e) => {
              setDraft(e.target.value);
              setAddErr(null);
            }}
            onKeyDown={onDraftKey}
          />
          {addErr ? (
            <div className="field-error" id={`${uid}-new-hint`}>
              {addErr}
            </div>
          ) : (
            <div className="field-hint" id={`${uid}-new-hint`}>
              {full
                ? props.problemText('full')
                : t('settings.shift.hint.newItem', { max: maxOf(list), count: MAX_ITEMS })}
            </div>
          )}
        </div>
        <button type="button" className="btn" disabled={full} onClick={add}>
          {t('settings.shift.add')}
        </button>
      </div>
    </section>
  );
}
