/**
 * Picks a member by card number or name (scan or type; arrows and Enter choose). Once picked it
 * shows card number, name, gender and age (from the birth date) and can be cleared.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberSummary } from '../../../../electron/core/contract';
import { call } from '../../api';
import { clubToday } from '../../format';
import { can } from '../../stores/session';
import { ageOn } from './util';

export interface PickedMember {
  id: number;
  cardNo: string;
  name: string;
  gender: MemberSummary['gender'];
  age: number | null;
}

export function MemberPicker(props: {
  label: string;
  value: PickedMember | null;
  onChange(m: PickedMember | null): void;
  autoFocus?: boolean;
  hint?: string;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const [q, setQ] = useState('');
  const [rows, setRows] = useState<MemberSummary[] | null>(null);
  const [active, setActive] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const search = (text: string) => {
    setQ(text);
    if (timer.current) clearTimeout(timer.current);
    if (!text.trim()) {
      setRows(null);
      return;
    }
    timer.current = setTimeout(() => {
      call('members.search', { q: text.trim(), limit: 8 })
        .then((r) => {
          setRows(r);
          setActive(0);
        })
        .catch(() => setRows([]));
    }, 120);
  };

  const pick = async (m: MemberSummary) => {
    let age: number | null = null;
    if (can('members.get')) {
      try {
        const d = await call('members.get', { id: m.id });
        age = ageOn(d.birthDate, clubToday());
      } catch {
        // age stays unknown; the core copies it anyway
      }
    }
    props.onChange({ id: m.id, cardNo: m.cardNo, name: m.name, gender: m.gender, age });
    setQ('');
    setRows(null);
  };

  if (props.value) {
    const v = props.value;
    return (
      <div className="field">
        <span className="label">{props.label}</span>
        <div className="inc-picked" aria-live="polite">
          <span className="mono">{v.cardNo}</span>
          <strong>{v.name}</strong>
          <span>{t(`common.${v.gender}`)}</span>
          <span>
            {v.age === null ? t('incidents.picker.ageUnknown') : t('incidents.picker.age', { count: v.age })}
          </span>
          <span className="spacer" />
          <button
            type="button"
            className="btn btn-small"
            onClick={() => {
              props.onChange(null);
              requestAnimationFrame(() => inputRef.current?.focus());
            }}
          >
            {t('incidents.picker.clear')}
          </button>
        </div>
      </div>
    );
  }

  const listId = `${uid}-list`;
  return (
    <div className="field inc-picker">
      <label htmlFor={`${uid}-q`}>{props.label}</label>
      <input
        ref={inputRef}
        id={`${uid}-q`}
        type="search"
        autoComplete="off"
        autoFocus={props.autoFocus}
        maxLength={100}
        placeholder={t('incidents.picker.placeholder')}
        value={q}
        role="combobox"
        aria-expanded={!!rows && rows.length > 0}
        aria-controls={listId}
        aria-activedescendant={rows && rows[active] ? `${uid}-o${rows[active].id}` : undefined}
        onChange={(e) => search(e.target.value)}
        onKeyDown={(e) => {
          if (!rows || rows.length === 0) return;
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setActive((a) => Math.min(rows.length - 1, a + 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(0, a - 1));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            const m = rows[active];
            if (m) void pick(m);
          } else if (e.key === 'Escape' && rows.length) {
            e.stopPropagation();
            setRows(null);
          }
        }}
      />
      {props.hint && <span className="field-hint">{props.hint}</span>}
      {rows && rows.length === 0 && <span className="field-hint">{t('incidents.picker.noMatch')}</span>}
      {rows && rows.length > 0 && (
        <ul className="inc-picker-list" role="listbox" id={listId} aria-label={t('incidents.picker.results')}>
          {rows.map((m, i) => (
            <li
              key={m.id}
              id={`${uid}-o${m.id}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'on' : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                void pick(m);
              }}
            >
              <span className="mono">{m.cardNo}</span> <strong>{m.name}</strong>{' '}
              <span className="muted">{t(`common.${m.gender}`)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
