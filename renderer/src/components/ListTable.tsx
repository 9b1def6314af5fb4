/**
 * A managed list as the staff screen and the card types tab show it: a heading with the add button
 * (only for who may add), then the load error, "loading…" until the rows come, the empty sentence
 * when there are none, else a table with a row each.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function ListHead(props: { level: 1 | 2; title: string; addLabel: string; onAdd?: () => void }) {
  const Heading = props.level === 1 ? 'h1' : 'h2';
  return (
    <div className={props.level === 1 ? 'page-header' : 'toolbar'}>
      <Heading>{props.title}</Heading>
      <span className="spacer" />
      {props.onAdd && (
        <button type="button" className="btn btn-primary" onClick={props.onAdd}>
          {props.addLabel}
        </button>
      )}
    </div>
  );
}

export function ListTable<R>(props: {
  rows: readonly R[] | null;
  error: string | null;
  empty: string;
  /** the header cells */
  head: ReactNode;
  /** a <tr> with its key */
  row(r: R): ReactNode;
}) {
  const { t } = useTranslation();
  const { rows, error } = props;
  return (
    <>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {rows === null && !error && <p className="muted">{t('common.loading')}</p>}
      {rows && rows.length === 0 && <p className="empty">{props.empty}</p>}
      {rows && rows.length > 0 && (
        <table className="table">
          <thead>
            <tr>{props.head}</tr>
          </thead>
          <tbody>{rows.map((r) => props.row(r))}</tbody>
        </table>
      )}
    </>
  );
}
