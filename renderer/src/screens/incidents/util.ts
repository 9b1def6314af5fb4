/** Incidents and complaints: club-local date-time fields, badges for statuses, small helpers. */
import type {
  ComplaintStatus,
  FollowUpInfo,
  IncidentSeverity,
  IncidentStatus,
} from '../../../../electron/core/contract';
import { clubTz } from '../../format';

export const KINDS = ['injury', 'illness', 'property', 'conflict', 'other'] as const;
export const SEVERITIES = ['minor', 'moderate', 'serious'] as const;
export const STATUSES = ['open', 'follow_up', 'closed'] as const;
export const GENDERS = ['male', 'female'] as const;
export const FOLLOW_UP_KINDS = ['consultant_call', 'manager_call', 'visit'] as const;
export const DEPARTMENTS = [
  'front_desk',
  'fitness',
  'group_exercise',
  'bar',
  'shop',
  'sales',
  'facilities',
  'other',
] as const;
export const CHANNELS = ['in_person', 'phone', 'written', 'online', 'other'] as const;
export const COMPLAINT_STATUSES = [
  'registered',
  'assigned',
  'investigated',
  'resolved',
  'escalated',
  'closed',
] as const;

/** A UTC instant as the value of a datetime-local input in the club's time zone: "2026-11-18T14:30". */
export function isoToLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: clubTz(),
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const p = (type: string) => parts.find((x) => x.type === type)?.value ?? '00';
  return `${p('year')}-${p('month')}-${p('day')}T${p('hour')}:${p('minute')}`;
}

/** Now, club-local, for a datetime-local input. */
export function nowLocalInput(): string {
  return isoToLocalInput(new Date().toISOString());
}

export const LOCAL_DT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** Whole years between a birth date "YYYY-MM-DD" and a club-local date. */
export function ageOn(birthDate: string | null, today: string): number | null {
  if (!birthDate) return null;
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  let age = ty - by;
  if (tm < bm || (tm === bm && td < bd)) age -= 1;
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
