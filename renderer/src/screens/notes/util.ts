/** Small helpers of the repair log that the shift screens use too. */
import type { RepairUrgency } from '../../../../electron/core/contract';
import { wordIn } from '../../i18n/keys';

/** A place of the club's list: a built-in one ("@showers") in the user's language, or the club's words. */
export function placeLabel(item: string): string {
  return item.startsWith('@') ? wordIn('notes.places', item, item.slice(1)) : item;
}

export function urgencyBadge(u: RepairUrgency): string {
  return u === 'urgent' ? 'badge badge-block' : u === 'normal' ? 'badge badge-warn' : 'badge badge-muted';
}
