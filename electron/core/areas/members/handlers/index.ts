/** The members area's handlers, one per operation of its contract (by topic in this folder). */
import type { HandlersOf } from '../../../kernel/ctx';
import type { membersContract } from '../contract';
import { freezeHandlers } from './freezes';
import { memberRecordHandlers } from './member';
import { photoHandlers } from './photos';
import { saleHandlers } from './sales';
import { searchHandlers } from './search';

export const membersHandlers: HandlersOf<typeof membersContract> = {
  ...searchHandlers,
  ...memberRecordHandlers,
  ...saleHandlers,
  ...freezeHandlers,
  ...photoHandlers,
};
