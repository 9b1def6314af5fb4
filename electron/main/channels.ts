/** The IPC channels between the preload and the main process (the only ones there are). */
export const CALL_CHANNEL = 'fd:call';
export const PRINT_CHANNEL = 'fd:print';
/** Main → renderer: an operation changed something (payload: { op, at }). */
export const CHANGE_CHANNEL = 'fd:changed';
