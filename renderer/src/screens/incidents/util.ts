/** Incidents and complaints: club-local date-time fields, badges for statuses, small helpers. */
import type {
  ComplaintStatus,
  FollowUpInfo,
  IncidentSeverity,
  IncidentStatus,
} from '../../../../electron/core/contract';
import { ageOn as yearsOn, localInputValue } from '../../../../electron/shared/dates';
import { clubTz } from '../../format';

/** A UTC instant as the value of a datetime-local input in the club's time zone: "2026-11-18T14:30". */
export function isoToLocalInput(iso: string | null | undefined): string {
  return iso ? localInputValue(iso, clubTz()) : '';
}

/** Now, club-local, for a datetime-local input. */
export function nowLocalInput(): string {
  return localInputValue(new Date(), clubTz());
}

/** Whole years between a birth date "YYYY-MM-DD" and a club-local date; null when unknown. */
export function ageOn(birthDate: string | null, today: string): number | null {
  if (!birthDate) return null;
  const age = yearsOn(birthDate, today);
  return age >= 0 ? age : null;
}

export function statusBadge(s: IncidentStatus): string {
  return s === 'open' ? 'badge badge-block' : s === 'follow_up' ? 'badge badge-warn' : 'badge badge-ok';
}

export function severityBadge(s: IncidentSeverity | null): string {
  return s === 'serious'
    ? 'badge badge-block'
    : s === 'moderate'
      ? 'badge badge-warn'
      : s === 'minor'
        ? 'badge badge-ok'
        : 'badge badge-muted';
}

export function followUpBadge(s: FollowUpInfo['state']): string {
  return s === 'overdue'
    ? 'badge badge-block'
    : s === 'due_today'
      ? 'badge badge-warn'
      : s === 'done'
        ? 'badge badge-ok'
        : 'badge badge-muted';
}

export function complaintBadge(s: ComplaintStatus): string {
  return s === 'closed'
    ? 'badge badge-ok'
    : s === 'resolved'
      ? 'badge badge-ok'
      : s === 'escalated'
        ? 'badge badge-block'
        : s === 'registered'
          ? 'badge badge-block'
          : 'badge badge-warn';
}

/** Offers a text as a CSV download (with a byte-order mark for spreadsheet programs). */
export { csvBlob, downloadBlob } from '../members/files';

/**
 * The change events that refresh incidents and complaints on screen (not every check-in: reading an
 * incident records who looked, so it is fetched again only when incidents or complaints change).
 */
export const INCIDENT_EVENTS = ['incidents.', 'complaints.'] as const;
