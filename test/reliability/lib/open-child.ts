/** Opens a database, writes one row, and prints the modes of the file, its -wal and -shm while open. */
import { statSync } from 'node:fs';
import { openDatabase } from '../../../main/core/store/open.ts';

const [dbPath = '', migrationsDir = ''] = process.argv.slice(2);
const db = openDatabase(dbPath, migrationsDir);
db.exec("INSERT INTO engagements (id, client, created_at) VALUES ('mode-check', 'x', '2024-01-01T00:00:00Z')");
const mode = (p: string) => (statSync(p).mode & 0o777).toString(8).padStart(3, '0');
process.stdout.write(JSON.stringify({ db: mode(dbPath), wal: mode(`${dbPath}-wal`), shm: mode(`${dbPath}-shm`) }));
db.close();
