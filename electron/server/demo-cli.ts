/**
 * `npm run demo -- --data-dir DIR [--language zh-CN|en]`: creates the demo club (300+ members,
 * 60 key tags, one staff member of every role, some visits today) in an empty data folder.
 */
import path from 'node:path';
import { Core } from '../core/app';
import { dataDirFrom, parseArgs } from './args';

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const dataDir = path.resolve(dataDirFrom(args));
  const language = args.language ?? 'zh-CN';
  const core = await Core.open({ dataDir });
  try {
    const r = await core.call('cli', 'system.createDemo', { language });
    if (!r.ok) {
      const why =
        r.error.code === 'ALREADY_SET_UP'
          ? `${dataDir} already holds a club. Use an empty folder: npm run demo -- --data-dir DIR`
          : `${r.error.code} ${JSON.stringify(r.error.params)}`;
      console.error(`Could not create the demo club: ${why}`);
      process.exitCode = 1;
      return;
    }
    const staff = (r.data as { staff: { name: string; role: string; pin: string }[] }).staff;
    console.log(`Demo club created in ${dataDir}`);
    console.log('Staff (name, role, PIN):');
    for (const s of staff) console.log(`  ${s.name.padEnd(12)} ${s.role.padEnd(14)} ${s.pin}`);
    console.log(
      `Start it with: npm run web -- --data-dir ${JSON.stringify(dataDir)}   (or npm start with FRONTDESK_DATA_DIR)`,
    );
  } finally {
    core.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
