/**
 * Staff: everyone who can log in at the counter, with their role; managers add staff, change
 * roles, deactivate and set a new PIN, and lift a PIN lock at once (too many wrong PINs, from this
 * computer or another). The core refuses to leave the club without a manager.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PIN_PATTERN, ROLES, STAFF_GENDERS, type StaffGender } from '../../../electron/core/contract';
import { call, type OpArgs, type OpResult } from '../api';
import { ListHead, ListTable } from '../components/ListTable';
import { FormFooter } from '../components/FormParts';
import { Modal } from '../components/Modal';
import { errorText, invalidFields } from '../errorText';
import { refresh, useOp } from '../query';
import { useCan, useSession } from '../stores/session';
import { toast } from '../stores/toast';

type StaffInfo = OpResult<'staff.update'>;
type StaffItem = OpResult<'staff.list'>[number];
type Role = StaffInfo['role'];

export default function StaffScreen() {
  const { t } = useTranslation();
  const canCreate = useCan('staff.create');
  const canUpdate = useCan('staff.update');
  const canUnlock = useCan('staff.unlock');
  const [unlocking, setUnlocking] = useState<number | null>(null);
  const unlock = async (s: StaffItem) => {
    setUnlocking(s.id);
    try {
      await call('staff.unlock', { id: s.id });
      toast.ok(t('staff.unlocked', { name: s.name }));
      void refresh('staff.list');
    } catch (e) {
      toast.error(errorText(e));
    } finally {
      setUnlocking(null);
    }
  };
  const meId = useSession((s) => s.info?.staff.id ?? null);
  const list = useOp('staff.list', { includeInactive: true });
  const rows = list.data ?? null;
  const error = list.isError ? errorText(list.error) : null;
  const [editing, setEditing] = useState<StaffInfo | 'new' | null>(null);

  return (
    <div className="page">
      <ListHead
        level={1}
        title={t('staff.title')}
        addLabel={t('staff.add')}
        {...(canCreate ? { onAdd: () => setEditing('new') } : {})}
      />
      <ListTable
        rows={rows}
        error={error}
        empty={t('staff.none')}
        head={
          <>
            <th scope="col">{t('staff.fields.name')}</th>
            <th scope="col">{t('staff.fields.role')}</th>
            <th scope="col">{t('staff.fields.gender')}</th>
            <th scope="col">{t('staff.fields.status')}</th>
            {canUpdate && <th scope="col">{t('staff.actions')}</th>}
          </>
        }
        row={(s) => (
          <tr key={s.id}>
            <td>
              {s.name} {s.id === meId && <span className="badge badge-muted">{t('staff.you')}</span>}
            </td>
            <td>{t(`common.roles.${s.role}`)}</td>
            <td>{t(`common.${s.gender}`)}</td>
            <td>
              <span className={s.active ? 'badge badge-ok' : 'badge badge-muted'}>
                {t(s.active ? 'staff.active' : 'staff.inactive')}
              </span>{' '}
              {s.locked && <span className="badge badge-warn">{t('staff.pinLocked')}</span>}
            </td>
            {canUpdate && (
              <td>
                {s.locked && canUnlock && (
                  <button
                    type="button"
                    className="btn btn-small btn-primary"
                    aria-label={t('staff.unlockNamed', { name: s.name })}
                    disabled={unlocking === s.id}
                    onClick={() => void unlock(s)}
                  >
                    {t('staff.unlock')}
                  </button>
                )}{' '}
                <button
                  type="button"
                  className="btn btn-small"
                  aria-label={t('staff.editNamed', { name: s.name })}
                  onClick={() => setEditing(s)}
                >
                  {t('common.edit')}
                </button>
              </td>
            )}
          </tr>
        )}
      />
      {editing && (
        <StaffDialog
          staff={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={(s, created) => {
            setEditing(null);
            toast.ok(t(created ? 'staff.created' : 'staff.saved', { name: s.name }));
            void refresh('staff.list', 'session.staffList');
          }}
        />
      )}
    </div>
  );
}

type Fields = {
  name: string;
  role: Role | '';
  gender: StaffGender;
  active: boolean;
  pin: string;
  repeat: string;
};
type FieldKey = keyof Fields;

function StaffDialog(props: {
  staff?: StaffInfo;
  onClose(): void;
  onSaved(s: StaffInfo, created: boolean): void;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const st = props.staff;
  const [f, setF] = useState<Fields>({
    name: st?.name ?? '',
    role: st?.role ?? '',
    gender: st?.gender ?? 'unspecified',
    active: st?.active ?? true,
    pin: '',
    repeat: '',
  });
  const [errs, setErrs] = useState<Partial<Record<FieldKey, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const set = <K extends FieldKey>(k: K, v: Fields[K]) => {
    setF((p) => ({ ...p, [k]: v }));
    setErrs((p) => ({ ...p, [k]: undefined }));
  };

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const e: Partial<Record<FieldKey, string>> = {};
    const name = f.name.trim();
    if (!name) e.name = t('staff.error.name');
    if (!f.role) e.role = t('staff.error.role');
    if ((!st || f.pin) && !PIN_PATTERN.test(f.pin)) e.pin = t('staff.error.pin');
    else if (f.pin !== f.repeat) e.repeat = t('staff.error.repeat');
    setErrs(e);
    setError(null);
    if (Object.keys(e).length > 0 || !f.role) return;
    setBusy(true);
    try {
      if (st) {
        const patch: OpArgs<'staff.update'> = { id: st.id };
        if (name !== st.name) patch.name = name;
        if (f.role !== st.role) patch.role = f.role;
        if (f.gender !== st.gender) patch.gender = f.gender;
        if (f.active !== st.active) patch.active = f.active;
        if (f.pin) patch.newPin = f.pin;
        const saved = Object.keys(patch).length > 1 ? await call('staff.update', patch) : st;
        props.onSaved(saved, false);
      } else {
        props.onSaved(await call('staff.create', { name, role: f.role, gender: f.gender, pin: f.pin }), true);
      }
    } catch (ex) {
      const fe: Partial<Record<FieldKey, string>> = {};
      for (const p of invalidFields(ex)) {
        if (p === 'name' || p === 'role') fe[p] = t(`staff.error.${p}`);
        if (p === 'pin' || p === 'newPin') fe.pin = t('staff.error.pin');
      }
      setErrs(fe);
      setError(errorText(ex));
    } finally {
      setBusy(false);
    }
  };

  const inv = (k: FieldKey) => ({
    id: `${uid}-${k}`,
    'aria-invalid': errs[k] ? true : undefined,
    'aria-describedby': errs[k] ? `${uid}-${k}-err` : undefined,
  });
  const errLine = (k: FieldKey) =>
    errs[k] && (
      <div className="field-error" id={`${uid}-${k}-err`}>
        {errs[k]}
      </div>
    );
  const pinField = (k: 'pin' | 'repeat', label: string, hint?: string) => (
    <div className="field">
      <label htmlFor={`${uid}-${k}`}>{label}</label>
      <input
        {...inv(k)}
        type="password"
        inputMode="numeric"
        autoComplete="new-password"
        maxLength={8}
        value={f[k]}
        onChange={(e) => set(k, e.target.value.replace(/\D/g, ''))}
      />
      {hint && !errs[k] && <div className="muted field-hint">{hint}</div>}
      {errLine(k)}
    </div>
  );

  return (
    <Modal title={st ? t('staff.editTitle', { name: st.name }) : t('staff.newTitle')} onClose={props.onClose}>
      <form onSubmit={(ev) => void submit(ev)} noValidate>
        <div className="field">
          <label htmlFor={`${uid}-name`}>{t('staff.fields.name')}</label>
          <input
            {...inv('name')}
            value={f.name}
            maxLength={100}
            onChange={(e) => set('name', e.target.value)}
          />
          {errLine('name')}
        </div>
        <div className="field">
          <label htmlFor={`${uid}-role`}>{t('staff.fields.role')}</label>
          <select {...inv('role')} value={f.role} onChange={(e) => set('role', e.target.value as Role)}>
            <option value="">{t('staff.chooseRole')}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`common.roles.${r}`)}
              </option>
            ))}
          </select>
          {errLine('role')}
        </div>
        <fieldset className="field radio-row">
          <legend>{t('staff.fields.gender')}</legend>
          {STAFF_GENDERS.map((g) => (
            <label key={g} className="radio">
              <input
                type="radio"
                name={`${uid}-gender`}
                checked={f.gender === g}
                onChange={() => set('gender', g)}
              />
              {t(`common.${g}`)}
            </label>
          ))}
        </fieldset>
        {st && (
          <label className="check">
            <input type="checkbox" checked={f.active} onChange={(e) => set('active', e.target.checked)} />
            {t('staff.fields.active')}
          </label>
        )}
        <div className="grid-2">
          {pinField(
            'pin',
            t(st ? 'staff.fields.newPin' : 'staff.fields.pin'),
            t(st ? 'staff.newPinHint' : 'staff.pinHint'),
          )}
          {pinField('repeat', t('staff.fields.repeat'))}
        </div>
        <FormFooter
          error={error}
          errorAs="p"
          submitLabel={st ? t('common.save') : t('staff.create')}
          disabled={busy}
          onCancel={props.onClose}
        />
      </form>
    </Modal>
  );
}
