/**
 * A screen's row of tabs (role="tablist"; the look is `.tabs` / `.tab` in styles.css: the active
 * tab underlined). ←/→ move to the previous / next tab (round the ends), Home / End to the first /
 * last; only the active tab is in the Tab order. Its panel is <TabPanel>, which may stand
 * elsewhere on the screen: both take the same `id` (from useId()).
 */
import type { KeyboardEvent, ReactNode } from 'react';

const tabId = (id: string, tab: string) => `${id}-tab-${tab}`;
const panelId = (id: string) => `${id}-panel`;

interface TabsProps<K extends string> {
  id: string;
  tabs: readonly K[];
  current: K;
  onSelect: (tab: K) => void;
  /** what the row is, for a screen reader (usually the screen's title) */
  label: string;
  /** more classes for the row (`.tabs` is always there) */
  className?: string;
  /** a tab's words */
  children: (tab: K) => ReactNode;
}

export function Tabs<K extends string>({
  id,
  tabs,
  current,
  onSelect,
  label,
  className,
  children,
}: TabsProps<K>) {
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = tabs.indexOf(current);
    const n = tabs.length;
    const j =
      e.key === 'ArrowRight'
        ? (i + 1) % n
        : e.key === 'ArrowLeft'
          ? (i - 1 + n) % n
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? n - 1
              : -1;
    if (j < 0) return;
    e.preventDefault();
    onSelect(tabs[j]!);
    (e.currentTarget.children[j] as HTMLElement | undefined)?.focus();
  };
  return (
    <div
      className={className ? `tabs ${className}` : 'tabs'}
      role="tablist"
      aria-label={label}
      onKeyDown={onKeyDown}
    >
      {tabs.map((k) => (
        <button
          key={k}
          id={tabId(id, k)}
          type="button"
          role="tab"
          className="tab"
          aria-selected={current === k}
          aria-controls={panelId(id)}
          tabIndex={current === k ? 0 : -1}
          onClick={() => onSelect(k)}
        >
          {children(k)}
        </button>
      ))}
    </div>
  );
}

interface TabPanelProps {
  id: string;
  current: string;
  /** no tab row shown (one tab only): a plain container */
  plain?: boolean;
  className?: string;
  children: ReactNode;
}

/** The content of the active tab of <Tabs> with the same `id`. */
export function TabPanel({ id, current, plain = false, className, children }: TabPanelProps) {
  return (
    <div
      role={plain ? undefined : 'tabpanel'}
      id={panelId(id)}
      aria-labelledby={plain ? undefined : tabId(id, current)}
      className={className}
    >
      {children}
    </div>
  );
}
