/** Opens (and so migrates) one database, for the migration kill trials: prints "ready", then "done MS". */
import { openDatabase } from '../../../main/core/store/open.ts';

const [dbPath = '', migrationsDir = ''] = process.argv.slice(2);
process.stdout.write('ready\n');
const started = performance.now();
const db = openDatabase(dbPath, migrationsDir);
db.close();
process.stdout.write(`done ${Math.round(performance.now() - started)}\n`);
