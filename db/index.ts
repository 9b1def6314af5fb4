import type { Migration } from './types';
import { migration0001 } from './migrations/0001-foundation';
import { migration0002 } from './migrations/0002-bar';
import { migration0003 } from './migrations/0003-visitors';
import { migration0004 } from './migrations/0004-incidents';
import { migration0005 } from './migrations/0005-shifts';
import { migration0006 } from './migrations/0006-indexes';
import { migration0007 } from './migrations/0007-bar-voids';
import { migration0008 } from './migrations/0008-memberships';
import { migration0009 } from './migrations/0009-incidents-complaints';
import { migration0010 } from './migrations/0010-phones';
import { migration0011 } from './migrations/0011-import';
import { migration0012 } from './migrations/0012-cash';
import { migration0013 } from './migrations/0013-messages-repairs';
import { migration0014 } from './migrations/0014-bar-favourites';
import { migration0015 } from './migrations/0015-cash-drops';
import { migration0016 } from './migrations/0016-calls';
import { migration0017 } from './migrations/0017-shop';
import { migration0018 } from './migrations/0018-network';
import { migration0019 } from './migrations/0019-standby';

export type { Migration } from './types';

/** Every migration in order. A new one is appended here with the next version number. */
export const migrations: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
  migration0011,
  migration0012,
  migration0013,
  migration0014,
  migration0015,
  migration0016,
  migration0017,
  migration0018,
  migration0019,
];

/** The schema version this build of the app writes. */
export const SCHEMA_VERSION = migrations.length;
