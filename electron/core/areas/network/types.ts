/**
 * The club network (issue 15): the desk PC is the club's host; the drink bar, the consultants'
 * tablet and the manager's office join it as paired stations. Values and result types for the
 * renderer (no zod here).
 */

/** The screens a station may open; each admits a set of operations (see `opAllowedOn`). */
export const STATION_SCREENS = ['desk', 'bar', 'consultants', 'manager'] as const;
export type StationScreen = (typeof STATION_SCREENS)[number];

export const DEVICE_STATUSES = ['pending', 'active', 'refused', 'revoked'] as const;
export type DeviceStatus = (typeof DEVICE_STATUSES)[number];

/** How long a pairing code is valid. */
export const PAIRING_CODE_MINUTES = 2;
/** Wrong codes a pairing code survives (then it is spent and a new one must be shown). */
export const PAIRING_CODE_TRIES = 5;

export const NETWORK_ERROR_CODES = [
  'NETWORK_OFF',
  'PAIRING_CODE_WRONG',
  'DEVICE_NOT_PENDING',
  'DEVICE_NOT_ACTIVE',
] as const;

/**
 * The operations each screen admits besides those every station needs (log in, the club's settings,
 * the status): by the operation's group, or by its full name.
 */
const SCREEN_OPS: Record<Exclude<StationScreen, 'desk'>, readonly string[]> = {
  bar: ['bar', 'checkin.inside', 'messages', 'repairs.report'],
  consultants: [
    'rotation',
    'calls',
    'visitors',
    'appointments',
    'inquiries',
    'members',
    'cardTypes',
    'reports',
    'messages',
    'repairs.report',
  ],
  manager: [
    'calls',
    'incidents',
    'complaints',
    'review',
    'audit',
    'reports',
    'repairs',
    'messages',
    'members',
    'staff',
  ],
};
const EVERY_STATION = ['session', 'system.status', 'settings.get', 'backups.status'];

const admitsOp = (list: readonly string[], op: string) =>
  list.some((p) => p === op || (!p.includes('.') && op.startsWith(`${p}.`)));

/**
 * Whether a station with these screens may call an operation (the core's role check still applies).
 * Never the club network's own management: that is done at the host only.
 */
export function opAllowedOn(screens: readonly StationScreen[], op: string): boolean {
  // every station shows how old the standby copy is
  if (op === 'network.standbyAge') return true;
  if (op.startsWith('network.')) return false;
  if (admitsOp(EVERY_STATION, op)) return true;
  return screens.some((s) => s === 'desk' || admitsOp(SCREEN_OPS[s], op));
}

export interface DeviceInfo {
  id: number;
  name: string;
  status: DeviceStatus;
  screens: StationScreen[];
  /** The address it asked to pair from. */
  address: string;
  requestedAt: string;
  confirmedAt: string | null;
  confirmedBy: string | null;
  /** Refused or revoked. */
  endedAt: string | null;
  lastSeenAt: string | null;
}

export interface NetworkStatus {
  enabled: boolean;
  /** The host certificate's SHA-256 fingerprint (null before the host made its identity). */
  fingerprint: string | null;
  /** Where stations reach the host now (null: not listening). */
  address: string | null;
  /** When the pairing code shown now ends (null: none open). */
  codeExpiresAt: string | null;
  devices: DeviceInfo[];
  /** The station marked as the standby (null: none). */
  standby: StandbyInfo | null;
}

/** The longest interval between two standby copies a manager may set (minutes; at least 1). */
export const STANDBY_MINUTES_MAX = 60;

export interface StandbyCopyInfo {
  takenAt: string;
  verifiedAt: string;
  bytes: number;
}

export interface StandbyInfo {
  deviceId: number;
  name: string;
  minutes: number;
  /** Where the standby listens if it is promoted, as it reported it (null: not yet). */
  url: string | null;
  /** Its certificate's fingerprint, computed by the host from the certificate it reported. */
  fingerprint: string | null;
  /** The newest copy it reported checked (null: none yet). */
  newestCopy: StandbyCopyInfo | null;
}

/** How old the standby copy is, for the status on every screen of every computer. */
export interface StandbyAge {
  /** A standby is set and the club network is on. */
  configured: boolean;
  minutes: number;
  /** The newest verified copy's (null: none). */
  takenAt: string | null;
  verifiedAt: string | null;
}

export interface PairingCode {
  code: string;
  expiresAt: string;
}
