// The files of a new connector package, as text. Kept next to the census connector's shape.
export interface ScaffoldNames {
  /** Folder and source id, e.g. `land-use`. */
  id: string;
  /** First table, e.g. `thua_dat`. */
  table: string;
  /** camelCase export name, e.g. `landUse`. */
  exportName: string;
  /** Warehouse table name, e.g. `land_use_thua_dat`. */
  warehouseTable: string;
}

export const packageJson = (n: ScaffoldNames) => `${JSON.stringify(
  {
    name: `@dtts/connector-${n.id}`,
    version: '0.1.0',
    private: true,
    type: 'module',
    exports: { '.': './src/index.ts' },
    scripts: {
      typecheck: 'tsc -p .',
      lint: 'tsc -p . --noUnusedLocals --noUnusedParameters',
      test: 'vitest run --passWithNoTests=false --testTimeout=300000 --hookTimeout=900000',
      fixtures: 'tsx fixtures/make.ts',
    },
    dependencies: { '@dtts/ingest-core': 'workspace:*', zod: 'catalog:' },
    devDependencies: { '@dtts/db': 'workspace:*', typescript: 'catalog:', vitest: 'catalog:', '@types/node': 'catalog:', tsx: 'catalog:' },
  },
  null,
  2,
)}\n`;

export const tsconfig = () => `{ "extends": "../../../tsconfig.base.json", "include": ["src", "fixtures"] }\n`;

export const declaration = (n: ScaffoldNames) => `// ${n.id}: describe the source in one sentence (who delivers it, what one row is).
import { communeColumns, defineConnector, v } from '@dtts/ingest-core';

// ma_xa or ten_xa, resolved to the commune in force at the reference date (loaded as commune_code).
const commune = communeColumns();

export const ${n.exportName} = defineConnector({
  id: '${n.id}',
  title: 'Tên nguồn dữ liệu (tiếng Việt)',
  owner: 'Cơ quan cung cấp',
  // The date the data describes: it decides which communes' codes are in force.
  referenceDate: (year) => \`\${year}-12-31\`,
  tables: [
    {
      name: '${n.table}',
      description: 'One row per …',
      key: ['ma'],
      requireOneOf: [commune.oneOf],
      columns: {
        ma: { aliases: ['Mã'], type: v.text(), required: true, description: 'Row id, unique within the year' },
        ...commune.columns,
        dan_toc: { aliases: ['Dân tộc'], type: v.ethnicGroup(), required: true, description: 'Ethnic group' },
        ho_ten: { aliases: ['Họ và tên'], type: v.personal('drop'), description: 'Name (personal: never loaded)' },
        so_luong: { aliases: ['Số lượng'], type: v.integer({ min: 0 }), description: 'A count' },
      },
      derived: commune.derived,
      omit: commune.omit,
    },
  ],
});

export default ${n.exportName};
`;

export const test = (n: ScaffoldNames) => `import { join } from 'node:path';
import { describeConnector } from '@dtts/ingest-core/testing';
import { ${n.exportName} } from './index.ts';

// The shared conformance suite: fixtures ingest, every file reconciles, the quarantine is exactly
// fixtures/expected.json's, and no personal value reaches the warehouse.
describeConnector(${n.exportName}, join(import.meta.dirname, '../fixtures'));
`;

export const fixturesScript = (n: ScaffoldNames) => `// Writes small real fixture files for ${n.id}; run \`pnpm --filter @dtts/connector-${n.id} fixtures\`.
// Then compute fixtures/expected.json by hand from the rows below.
import { join } from 'node:path';
import { writeCsv, writeXlsx } from '@dtts/ingest-core/fixtures';

const dir = join(import.meta.dirname, '${n.id}');

await writeXlsx(join(dir, '2024/${n.table}_xa_bao_ha.xlsx'), [
  {
    name: '${n.table}',
    merges: ['A1:F1'],
    rows: [
      ['UBND HUYỆN BẢO YÊN'],
      [],
      ['Mã', 'Mã xã', 'Dân tộc', 'Họ và tên', 'Số lượng'],
      ['A001', 2989, 'Tày', 'Hoàng Văn Sơn', '12'],
      ['A002', '02989', 'Trại', 'Lý Thị Mai', '3'],
      ['Người lập biểu'],
    ],
  },
]);

await writeCsv(join(dir, '2025/${n.table}_xa_xuan_hoa.csv'), [
  ['Mã', 'Xã', 'Dân tộc', 'Họ và tên', 'Số lượng'],
  ['B001', 'Xã Xuân Hòa', 'Mông', 'Giàng A Páo', '-1'],
], { delimiter: ';', bom: true });
`;

export const expected = (n: ScaffoldNames) => `${JSON.stringify(
  {
    files: {
      [`${n.id}/2024/${n.table}_xa_bao_ha.xlsx`]: { read: 3, loaded: 1, quarantined: 1, skipped: 1 },
      [`${n.id}/2025/${n.table}_xa_xuan_hoa.csv`]: { read: 1, loaded: 1, quarantined: 0, skipped: 0 },
    },
    quarantine: [
      { file: `${n.id}/2024/${n.table}_xa_bao_ha.xlsx`, row: 5, column: 'dan_toc', action: 'row_rejected', code: 'ethnic_group_ambiguous' },
      { file: `${n.id}/2025/${n.table}_xa_xuan_hoa.csv`, row: 2, column: 'so_luong', action: 'value_blanked', code: 'number_below' },
    ],
    ignored: [],
  },
  null,
  2,
)}\n`;
