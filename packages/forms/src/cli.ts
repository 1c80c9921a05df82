// `pnpm forms`: the year's data-entry workbooks for the agencies. Errors are printed here, once.
import { relative } from 'node:path';
import { connectors } from '@dtts/pipeline/connectors';
import { readConfig, UsageError, USAGE } from './config.ts';
import { writeForms } from './write.ts';

async function main(): Promise<number> {
  const config = readConfig(process.argv.slice(2));
  if (config === 'help') {
    console.log(USAGE);
    return 0;
  }
  const { forms, previous } = await writeForms({ ...config, connectors });
  const where = relative(process.cwd(), config.outDir) || '.';
  console.log(`Biểu mẫu năm ${config.year}: ${forms.length} tệp trong ${where}/`);
  if (previous) console.log(`Danh sách điền sẵn lấy từ ${previous.files} tệp năm ${previous.year}.`);
  else console.log('Không có --sources: danh sách thôn, trường không được điền sẵn.');
  for (const f of forms) {
    console.log(`  ${f.file}  (${f.columns} cột, ${f.validations} vùng kiểm tra${f.prefilled > 0 ? `, ${f.prefilled} dòng điền sẵn` : ''})`);
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(error.message);
      process.exit(2);
    }
    console.error('Không tạo được biểu mẫu (forms failed):');
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
