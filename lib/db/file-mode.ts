// The SQLite file, its WAL and shared-memory files and every backup hold the
// cookie secret (AppSetting.auth_secret, unless BETTER_AUTH_SECRET is set) and
// the sessions: whoever can read them can sign in as anyone. They are created
// readable by their owner only (0600), and files an older version left
// readable by others are narrowed when the app opens them.
import fs from "node:fs";

export const PRIVATE_FILE_MODE = 0o600;

/** SQLite's companions of a database file; SQLite gives new ones the main file's mode. */
export const sqliteCompanions = (file: string) => [file, `${file}-wal`, `${file}-shm`, `${file}-journal`];

/** Creates `file` empty with mode 0600 if it does not exist; narrows it (and its companions) to 0600 if it does. */
export function privateDatabaseFile(file: string): void {
  fs.closeSync(fs.openSync(file, "a", PRIVATE_FILE_MODE));
  for (const path of sqliteCompanions(file)) {
    try {
      if ((fs.statSync(path).mode & 0o777) !== PRIVATE_FILE_MODE) fs.chmodSync(path, PRIVATE_FILE_MODE);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
}

/** A new file that must not exist yet, created empty with mode 0600 (a backup, before anything is written to it). */
export function createPrivateFile(file: string): void {
  fs.closeSync(fs.openSync(file, "wx", PRIVATE_FILE_MODE));
}
