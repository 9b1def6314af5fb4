import type { Migration } from '../types';

/**
 * The standby copy (issue 15): a paired station marked as the standby keeps a verified copy of the
 * club's database, refreshed every few minutes, to be promoted to host if the desk PC dies.
 * - `network_config` gains which device is the standby (`standby_device_id`, null: none), how often
 *   it copies (`standby_minutes`, 1..60, default 5), and the standby's own identity as it reported it
 *   (`standby_url`, `standby_cert_pem`, the `standby_fingerprint` the host computed, `standby_reported_at`),
 *   cleared whenever another device (or none) becomes the standby.
 * - `network_standby_copies`: each copy the host sent (device, when taken, its size, SHA-256 and
 *   schema version); `verified_at` is set once, when the standby reported the copy checked. Nothing
 *   else ever changes and no row is deleted.
 */
export const migration0019: Migration = {
  version: 19,
  name: 'standby',
  up(db) {
    db.exec(`
      ALTER TABLE network_config ADD COLUMN standby_device_id INTEGER REFERENCES network_devices(id);
      ALTER TABLE network_config ADD COLUMN standby_minutes INTEGER NOT NULL DEFAULT 5
        CHECK (standby_minutes BETWEEN 1 AND 60);
      ALTER TABLE network_config ADD COLUMN standby_url TEXT CHECK (length(standby_url) <= 200);
      ALTER TABLE network_config ADD COLUMN standby_cert_pem TEXT CHECK (length(standby_cert_pem) <= 8000);
      ALTER TABLE network_config ADD COLUMN standby_fingerprint TEXT;
      ALTER TABLE network_config ADD COLUMN standby_reported_at TEXT;
      CREATE TRIGGER network_config_standby_identity BEFORE UPDATE ON network_config
        WHEN NEW.standby_url IS NOT NULL AND (NEW.standby_device_id IS NULL
          OR NEW.standby_cert_pem IS NULL OR NEW.standby_fingerprint IS NULL OR NEW.standby_reported_at IS NULL)
        BEGIN SELECT RAISE(ABORT, 'a standby identity belongs to the standby device, whole'); END;

      CREATE TABLE network_standby_copies (
        id INTEGER PRIMARY KEY,
        device_id INTEGER NOT NULL REFERENCES network_devices(id),
        taken_at TEXT NOT NULL,
        bytes INTEGER NOT NULL CHECK (bytes > 0),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
        user_version INTEGER NOT NULL CHECK (user_version >= 0),
        verified_at TEXT CHECK (verified_at IS NULL OR verified_at >= taken_at)
      ) STRICT;
      CREATE INDEX network_standby_copies_device ON network_standby_copies(device_id, sha256);
      CREATE INDEX network_standby_copies_verified ON network_standby_copies(verified_at)
        WHERE verified_at IS NOT NULL;
      CREATE TRIGGER network_standby_copies_once BEFORE UPDATE ON network_standby_copies
        WHEN OLD.verified_at IS NOT NULL OR NEW.verified_at IS NULL
          OR NEW.id IS NOT OLD.id OR NEW.device_id IS NOT OLD.device_id OR NEW.taken_at IS NOT OLD.taken_at
          OR NEW.bytes IS NOT OLD.bytes OR NEW.sha256 IS NOT OLD.sha256 OR NEW.user_version IS NOT OLD.user_version
        BEGIN SELECT RAISE(ABORT, 'a standby copy is only ever marked verified, once'); END;
      CREATE TRIGGER network_standby_copies_no_delete BEFORE DELETE ON network_standby_copies
        BEGIN SELECT RAISE(ABORT, 'standby copies are never deleted'); END;
    `);
  },
};
