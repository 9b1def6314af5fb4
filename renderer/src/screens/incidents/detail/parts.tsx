/** The incident page's frame: the checklist of the rulebook's steps and a numbered section. */
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentReportField, IncidentStepCheck } from '../../../../../electron/core/contract';

/**
 * The steps that apply to this incident (decided by the core from the rulebook's table), each done
 * (✓) or with what it misses (✗, a click goes to the first missing field).
 */
export function StepChecklist(props: { steps: IncidentStepCheck[]; onGo(f: IncidentReportField): void }) {
  const { t } = useTranslation();
  const uid = useId();
  return (
    <section className="card inc-steps" aria-labelledby={`${uid}-h`}>
      <h2 id={`${uid}-h`}>{t('incidents.checklist.title')}</h2>
      <ol className="inc-steps-list">
        {props.steps.map((s) => {
          const done = s.missing.length === 0;
          const label = t(`incidents.steps.${s.step}`);
          return (
            <li key={s.step} className={done ? 'ok' : 'missing'}>
              {done ? (
                <span className="badge badge-ok">
                  <span aria-hidden="true">✓ </span>
                  {label}
                  <span className="sr-only"> — {t('incidents.checklist.done')}</span>
                </span>
              ) : (
                <button
                  type="button"
                  className="badge badge-block inc-step-go"
                  title={t('incidents.checklist.goTo', {
                    step: label,
                    field: s.missing
                      .map((f) => t(`incidents.reportFields.${f}`))
                      .join(t('incidents.listSep')),
                  })}
                  onClick={() => props.onGo(s.missing[0]!)}
                >
                  <span aria-hidden="true">✗ </span>
                  {label} · {t('incidents.checklist.missingN', { count: s.missing.length })}
                </button>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

export function Section(props: {
  n: number;
  title: string;
  children: ReactNode;
  wide?: boolean;
  id?: string;
}) {
  return (
    <section
      className={props.wide ? 'card inc-section wide' : 'card inc-section'}
      aria-labelledby={`${props.id}-h`}
      id={props.id}
    >
      <h2 id={`${props.id}-h`}>
        <span className="inc-step" aria-hidden="true">
          {props.n}
        </span>
        {props.title}
      </h2>
      {props.children}
    </section>
  );
}
