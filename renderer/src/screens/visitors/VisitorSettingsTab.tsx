/**
 * Settings → Visitors & classes: the visitor rules (ownership days, time to come to the desk, pages,
 * automatic "call next", announcement lead times) for managers, and the class timetable
 * (weekday, time, class, room, instructor) for shift leads and managers.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClassSlot, Settings } from '../../../../electron/core/contract';
import { isValidTime } from '../../../../electron/shared/dates';
import { call, type OpArgs } from '../../api';
import { FormFooter } from '../../components/FormParts';
import { Modal } from '../../components/Modal';
import { useSubmit } from '../../components/useSubmit';
import { loadError, refresh, setOpData, useCommand, useOp } from '../../query';
import { useCan, useSession } from '../../stores/session';
import { toast } from '../../stores/toast';
import '../VisitorsScreen.css';

const INT_FIELDS = {
  leadOwnershipDays: [0, 60],
  callTimeoutSeconds: [10, 3600],
  maxPages: [1, 10],
  announceLeadMinutes: [0, 120],
  preClosingAnnounceMinutes: [0, 180],
} as const;
type IntKey = keyof typeof INT_FIELDS;
const INT_KEYS = Object.keys(INT_FIELDS) as IntKey[];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

export function VisitorSettingsTab() {
  const canRules = useCan('settings.update');
  const canClasses = useCan('classes.create');
  return (
    <div className="stack">
      {canRules && <RulesForm />}
      {canClasses && <Timetable />}
    </div>
  );
}

type RulesFields = Record<IntKey, string> & { autoProposeNext: boolean };
const toRules = (s: Settings): RulesFields => ({
  leadOwnershipDays: String(s.leadOwnershipDays),
  callTimeoutSeconds: String(s.callTimeoutSeconds),
  maxPages: String(s.maxPages),
  announceLeadMinutes: String(s.announceLeadMinutes),
  preClosingAnnounceMinutes: String(s.preClosingAnnounceMinutes),
  autoProposeNext: s.autoProposeNext,
});

function RulesForm() {
  const { t } = useTranslation();
  const settings = useOp('settings.get', {});
  const failed = loadError(settings);
  if (!settings.data)
    return failed ? <p className="field-error">{failed}</p> : <p className="muted">{t('common.loading')}</p>;
  return <RulesFormFilled initial={settings.data} />;
}

/** The rules, filled from the settings as loaded (and as saved): edits stay while others change things. */
function RulesFormFilled(props: { initial: Settings }) {
  const { t } = useTranslation();
  const uid = useId();
  const [saved, setSaved] = useState<Settings>(props.initial);
  const [f, setF] = useState<RulesFields>(() => toRules(props.initial));
  const [errs, setErrs] = useState<Partial<Record<IntKey, boolean>>>({});
  const { busy, error, setError, run } = useSubmit();

  const fill = (s: Settings) => {
    setSaved(s);
    setF(toRules(s));
  };

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const e: Partial<Record<IntKey, boolean>> = {};
    const patch: OpArgs<'settings.update'> = {};
    for (const k of INT_KEYS) {
      const [min, max] = INT_FIELDS[k];
      const v = f[k].trim();
      const n = /^\d{1,4}$/.test(v) ? Number(v) : NaN;
      if (!(n >= min && n <= max)) e[k] = true;
      else if (n !== saved[k]) patch[k] = n;
    }
    if (f.autoProposeNext !== saved.autoProposeNext) patch.autoProposeNext = f.autoProposeNext;
    setErrs(e);
    setError(null);
    if (Object.keys(e).length > 0) return;
    if (Object.keys(patch).length === 0) return toast.info(t('settings.club.noChanges'));
    await run(async () => {
      const s = await call('settings.update', patch);
      fill(s);
      setOpData('settings.get', {}, s);
      useSession.getState().set({ settings: s });
      toast.ok(t('visitors.settings.saved'));
    });
  };

  return (
    <section className="card section">
      <h2>{t('visitors.settings.rulesTitle')}</h2>
      <form onSubmit={(ev) => void submit(ev)} noValidate>
        <div className="grid-3">
          {INT_KEYS.map((k) => (
            <div className="field" key={k}>
              <label htmlFor={`${uid}-${k}`}>{t(`visitors.settings.${k}`)}</label>
              <input
                id={`${uid}-${k}`}
                type="number"
                inputMode="numeric"
                min={INT_FIELDS[k][0]}
                max={INT_FIELDS[k][1]}
                step={1}
                value={f[k]}
                aria-invalid={errs[k] || undefined}
                onChange={(e) => {
                  setF({ ...f, [k]: e.target.value });
                  setErrs((p) => ({ ...p, [k]: false }));
                }}
              />
              {errs[k] ? (
                <div className="field-error">{t(`visitors.settings.error.${k}`)}</div>
              ) : (
                <div className="field-hint">{t(`visitors.settings.hint.${k}`)}</div>
              )}
            </div>
          ))}
        </div>
        <label className="check">
          <input
            type="checkbox"
            checked={f.autoProposeNext}
            onChange={(e) => setF({ ...f, autoProposeNext: e.target.checked })}
          />
          {t('visitors.settings.autoProposeNext')}
        </label>
        <FormFooter error={error} errorAs="p" disabled={busy} submitLabel={t('visitors.settings.save')} />
      </form>
    </section>
  );
}

function Timetable() {
  const { t } = useTranslation();
  const list = useOp('classes.list', { includeInactive: true });
  const rows = list.data ?? null;
  const error = loadError(list);
  const [inactive, setInactive] = useState(false);
  const [editing, setEditing] = useState<ClassSlot | 'new' | null>(null);
  const load = () => void refresh('classes.list');

  const update = useCommand('classes.update');
  const toggle = (c: ClassSlot) =>
    update.run({ id: c.id, active: !c.active }, () =>
      toast.ok(t('visitors.settings.classSaved', { name: c.className })),
    );
  const shown = (rows ?? [])
    .filter((r) => inactive || r.active)
    .sort((a, b) => a.weekday - b.weekday || a.startTime.localeCompare(b.startTime));

  return (
    <section className="section">
      <div className="toolbar">
        <h2>{t('visitors.settings.timetable')}</h2>
        <span className="spacer" />
        <label className="check">
          <input type="checkbox" checked={inactive} onChange={(e) => setInactive(e.target.checked)} />
          {t('visitors.settings.showInactive')}
        </label>
        <button type="button" className="btn btn-primary" onClick={() => setEditing('new')}>
          {t('visitors.settings.addClass')}
        </button>
      </div>
      {error && <p className="field-error">{error}</p>}
      {rows && shown.length === 0 && <p className="empty">{t('visitors.settings.timetableEmpty')}</p>}
      {shown.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>{t('visitors.settings.weekday')}</th>
              <th>{t('visitors.settings.startTime')}</th>
              <th>{t('visitors.settings.className')}</th>
              <th>{t('visitors.settings.room')}</th>
              <th>{t('visitors.settings.instructor')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {shown.map((c) => (
              <tr key={c.id} className={c.active ? undefined : 'vis-row-muted'}>
                <td>{t(`settings.days.${DAYS[c.weekday] ?? 'sun'}`)}</td>
                <td className="vis-num">{c.startTime}</td>
                <td>
                  <strong>{c.className}</strong>
                  {!c.active && <span className="badge badge-muted">{t('visitors.settings.inactive')}</span>}
                </td>
                <td>{c.room || '—'}</td>
                <td>{c.instructor || '—'}</td>
                <td className="vis-row-actions">
                  <button type="button" className="btn btn-small" onClick={() => setEditing(c)}>
                    {t('common.edit')}
                  </button>
                  <button type="button" className="btn btn-small btn-ghost" onClick={() => void toggle(c)}>
                    {c.active ? t('visitors.settings.deactivate') : t('visitors.settings.reactivate')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing && (
        <ClassDialog
          slot={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            load();
          }}
        />
      )}
    </section>
  );
}

function ClassDialog(props: { slot?: ClassSlot; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation();
  const uid = useId();
  const s = props.slot;
  const [weekday, setWeekday] = useState(s?.weekday ?? 1);
  const [startTime, setStartTime] = useState(s?.startTime ?? '19:00');
  const [className, setClassName] = useState(s?.className ?? '');
  const [room, setRoom] = useState(s?.room ?? '');
  const [instructor, setInstructor] = useState(s?.instructor ?? '');
  const [errs, setErrs] = useState<Record<string, boolean>>({});
  const { busy, error, run } = useSubmit();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const m = { className: !className.trim(), startTime: !isValidTime(startTime) };
    setErrs(m);
    if (m.className || m.startTime) return;
    const fields = {
      weekday,
      startTime,
      className: className.trim(),
      room: room.trim(),
      instructor: instructor.trim(),
    };
    await run(async () => {
      const r = s
        ? await call('classes.update', { id: s.id, ...fields })
        : await call('classes.create', fields);
      toast.ok(t('visitors.settings.classSaved', { name: r.className }));
      props.onSaved();
    });
  };

  return (
    <Modal
      title={s ? t('visitors.settings.editClass', { name: s.className }) : t('visitors.settings.addClass')}
      onClose={props.onClose}
    >
      <form onSubmit={(ev) => void submit(ev)} noValidate>
        <div className="grid-2">
          <div className="field">
            <label htmlFor={`${uid}-wd`}>{t('visitors.settings.weekday')}</label>
            <select id={`${uid}-wd`} value={weekday} onChange={(e) => setWeekday(Number(e.target.value))}>
              {DAYS.map((d, i) => (
                <option key={d} value={i}>
                  {t(`settings.days.${d}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${uid}-time`}>{t('visitors.settings.startTime')}</label>
            <input
              id={`${uid}-time`}
              type="time"
              value={startTime}
              aria-invalid={errs.startTime || undefined}
              onChange={(e) => setStartTime(e.target.value)}
            />
            {errs.startTime && (
              <div className="field-error">{t('visitors.settings.classError.startTime')}</div>
            )}
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${uid}-name`}>{t('visitors.settings.className')}</label>
          <input
            id={`${uid}-name`}
            maxLength={100}
            value={className}
            aria-invalid={errs.className || undefined}
            onChange={(e) => setClassName(e.target.value)}
          />
          {errs.className && <div className="field-error">{t('visitors.settings.classError.className')}</div>}
        </div>
        <div className="grid-2">
          <div className="field">
            <label htmlFor={`${uid}-room`}>{t('visitors.settings.room')}</label>
            <input
              id={`${uid}-room`}
              maxLength={100}
              value={room}
              onChange={(e) => setRoom(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${uid}-ins`}>{t('visitors.settings.instructor')}</label>
            <input
              id={`${uid}-ins`}
              maxLength={100}
              value={instructor}
              onChange={(e) => setInstructor(e.target.value)}
            />
          </div>
        </div>
        <FormFooter
          error={error}
          errorAs="p"
          disabled={busy}
          submitLabel={s ? t('visitors.settings.saveClass') : t('visitors.settings.createClass')}
          onCancel={props.onClose}
        />
      </form>
    </Modal>
  );
}
