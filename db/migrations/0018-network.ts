import type { Migration } from '../types';

/**
 * The club network (issue 15): the desk PC is the host, other computers join it as paired stations.
 * - `network_config`: one row; whether the club network is on (off until a manager turns it on).
 * - `network_pairing_codes`: the short codes the host shows (only a SHA-256 of each is kept), each
 *   valid until `expires_at`, used once; `ended_at` is set when it was used, replaced by a newer one
 *   or spent by too many wrong tries.
 * - `network_devices`: a station that asked to pair with a code (pending), then confirmed by a
 *   manager's PIN (active) or refused, and later revoked. Only a SHA-256 of its credential (a random
 *   32-byte secret) is kept; `screens` is the JSON list of screens it may open. A refused or revoked
 *   device never becomes active again (it pairs anew), and no device row is ever deleted.
 */
export const migration0018: Migration = {
  version: 18,
  name: 'network',
  up(db) {
    db.exec(`
      CREATE TABLE network_config (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        enabled INTEGER NOT NULL DEFAULT 0 CHECK (enabled IN (0, 1)),
        changed_at TEXT,
        changed_by INTEGER REFERENCES staff(id)
      ) STRICT;
      INSERT INTO network_config (id, enabled) VALUES (1, 0);

      CREATE TABLE network_pairing_codes (
        id INTEGER PRIMARY KEY,
        code_hash TEXT NOT NULL CHECK (length(code_hash) = 64),
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL CHECK (expires_at > created_at),
        created_by INTEGER NOT NULL REFERENCES staff(id),
        wrong_tries INTEGER NOT NULL DEFAULT 0 CHECK (wrong_tries >= 0),
        ended_at TEXT
      ) STRICT;
      CREATE INDEX network_pairing_codes_open ON network_pairing_codes(expires_at) WHERE ended_at IS NULL;

      CREATE TABLE network_devices (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
        secret_hash TEXT NOT NULL UNIQUE CHECK (length(secret_hash) = 64),
        status TEXT NOT NULL CHECK (status IN ('pending', 'active', 'refused', 'revoked')),
        screens TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(screens) AND json_type(screens) = 'array'),
        address TEXT NOT NULL DEFAULT '' CHECK (length(address) <= 64),
        code_id INTEGER NOT NULL REFERENCES network_pairing_codes(id),
        requested_at TEXT NOT NULL,
        confirmed_at TEXT,
        confirmed_by INTEGER REFERENCES staff(id),
        ended_at TEXT,
        ended_by INTEGER REFERENCES staff(id),
        last_seen_at TEXT,
        CHECK ((status = 'active') = (confirmed_at IS NOT NULL AND ended_at IS NULL) OR status = 'revoked'),
        CHECK ((status IN ('refused', 'revoked')) = (ended_at IS NOT NULL))
      ) STRICT;
      CREATE UNIQUE INDEX network_devices_one_per_code ON network_devices(code_id);
      CREATE TRIGGER network_devices_final BEFORE UPDATE ON network_devices
        WHEN OLD.status IN ('refused', 'revoked')
          OR NEW.secret_hash IS NOT OLD.secret_hash OR NEW.code_id IS NOT OLD.code_id
          OR NEW.requested_at IS NOT OLD.requested_at
          OR (NEW.status = 'pending' AND OLD.status <> 'pending')
        BEGIN SELECT RAISE(ABORT, 'a refused or revoked device stays so; a credential never changes'); END;
      CREATE TRIGGER network_devices_no_delete BEFORE DELETE ON network_devices
        BEGIN SELECT RAISE(ABORT, 'paired devices are never deleted'); END;
    `);
  },
};
