/**
 * The list half of the messages and repairs panels: its heading, the open / all switch (and any
 * other filters the panel adds), the load error, the sentence for an empty list, then the cards.
 */
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type Show = 'open' | 'all';

export function NotesList(props: {
  title: string;
  show: Show;
  onShow(show: Show): void;
  /** more filters and actions after the switch */
  tools?: ReactNode;
  toolbarClass?: string;
  error: string | null;
  /** the rows once loaded (the empty sentence shows for none) */
  count: number | undefined;
  none: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const uid = useId();
  return (
    <section className="card" aria-labelledby={`${uid}-l`}>
      <div className={props.toolbarClass ? `toolbar ${props.toolbarClass}` : 'toolbar'}>
        <h2 id={`${uid}-l`}>{props.title}</h2>
        <span className="spacer" />
        <div className="notes-seg" role="group" aria-label={props.title}>
          {(['open', 'all'] as const).map((k) => (
            <button
              key={k}
              type="button"
              className="btn"
              aria-pressed={props.show === k}
              onClick={() => props.onShow(k)}
            >
              {t(`notes.show.${k}`)}
            </button>
          ))}
        </div>
        {props.tools}
      </div>
      {props.error && <p className="field-error">{props.error}</p>}
      {props.count === 0 && <p className="muted">{props.none}</p>}
      <ul className="notes-list">{props.children}</ul>
    </section>
  );
}
