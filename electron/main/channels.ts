/** The IPC channels between the preload and the main process (the only ones there are). */
export const CALL_CHANNEL = 'fd:call';
export const PRINT_CHANNEL = 'fd:print';
/** Main → renderer: an operation changed something (payload: { op, at }). */
export const CHANGE_CHANNEL = 'fd:changed';
/** The club network's station, for the join screen and the link banner (issue 15). */
export const STATION_STATE_CHANNEL = 'fd:station-state';
export const STATION_PAIR_CHANNEL = 'fd:station-pair';
export const STATION_DISCOVER_CHANNEL = 'fd:station-discover';
/** The standby station: a copy now; promotion to the club's front desk with a manager's PIN. */
export const STATION_COPY_CHANNEL = 'fd:station-copy';
export const STATION_PROMOTE_CHANNEL = 'fd:station-promote';
/** Main → renderer: the station's stage or link changed (payload: its StationState). */
export const STATION_CHANGED_CHANNEL = 'fd:station-changed';
