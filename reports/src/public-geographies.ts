// The public tables about places: the communes present, and the 2025 reorganisation.
import { foldForMatch } from '@dtts/vn-text';
import type { Db } from '@dtts/db';
import type { GeographyRow } from '@dtts/warehouse';
import { GEO_LEVEL_VI } from './labels.ts';
import { hasTable, typesOf, writeTable } from './public-db.ts';
import { geoSlug } from './public-tables.ts';
import type { PublicValueRow } from './public-values.ts';

export interface Reorganised {
  code: string;
  name: string;
  /** Former units outside Bảo Yên before 01/07/2025 (short names): the 2020 baseline does not cover them. */
  outside: string[];
  note: string;
}

export async function writeGeographies(db: Db, workDir: string, rows: PublicValueRow[], geos: GeographyRow[], geoNames: Map<string, string>): Promise<Reorganised[]> {
  const present = new Set(rows.map((r) => `${r.geo_level}|${r.geo_code}`));
  const communes = [...present].filter((g) => !g.startsWith('area|')).sort().map((g) => {
    const [level, code] = g.split('|') as [string, string];
    const name = geoNames.get(g) ?? code;
    // The breadcrumb: codes are re-used, so a commune of the 2020 frame says so.
    const crumb = level === 'commune_2020' ? `${name} (trước 01/07/2025)` : name;
    return { geo_level: level, level_label: GEO_LEVEL_VI[level] ?? level, geo_code: code, slug: geoSlug(level, code), name, crumb, link: `/xa/${geoSlug(level, code)}` };
  });
  await writeTable(db, workDir, 'communes', typesOf(communes[0] ?? { a: '' }), communes);

  // The 2025 reorganisation: which former communes make each new one (ref.crosswalk_2025 where the
  // warehouse has it: it also lists the units that were outside Bảo Yên in 2020).
  const crosswalk = (await hasTable(db, 'ref', 'crosswalk_2025'))
    ? await db.all<{ old_code: string; old_name: string; new_code: string; in_bao_yen_2020: boolean }>(
        `select old_code, old_name, new_code, cast(in_bao_yen_2020 as boolean) as in_bao_yen_2020 from wh.ref.crosswalk_2025 order by old_code`)
    : geos.filter((g) => g.geo_level === 'commune_2020' && g.parent_2025_code).map((g) => ({
        old_code: g.geo_code, old_name: g.name ?? g.geo_code, new_code: String(g.parent_2025_code), in_bao_yen_2020: true }));
  const news = geos.filter((g) => g.geo_level === 'commune_2025');
  const reorg = news.map((n, i) => {
    const code = String(n.geo_code);
    const members = crosswalk.filter((o) => o.new_code === code);
    const outside = members.filter((o) => !o.in_bao_yen_2020);
    const reused = members.find((o) => o.old_code === code);
    const short = (name: string) => name.replace(/^(Xã|Thị trấn) /, '');
    const notes = [
      reused ? reusedCodeNote(code, reused.old_name, String(n.name ?? code), members.map((o) => o.old_name)) : '',
      outside.length ? `Số gốc 2020 không gồm ${outside.map((o) => short(o.old_name)).join(', ')} (thuộc huyện Văn Bàn trước 2025): so sánh với năm 2020 không cùng địa giới.` : '',
    ].filter(Boolean);
    return {
      row_order: i, new_code: code, new_name: String(n.name ?? code), link: `/xa/${geoSlug('commune_2025', code)}`,
      former: members.map((o) => `${o.old_name} (${o.old_code})`).join('; '),
      former_count: String(members.length),
      note: notes.join(' '),
      outside: outside.map((o) => short(o.old_name)),
    };
  });
  await writeTable(db, workDir, 'reorganisation', { row_order: 'INTEGER', new_code: 'VARCHAR', new_name: 'VARCHAR', link: 'VARCHAR', former: 'VARCHAR', former_count: 'VARCHAR', note: 'VARCHAR' },
    reorg.map(({ outside: _, ...r }) => r));
  return reorg.map((r) => ({ code: r.new_code, name: r.new_name, outside: r.outside, note: r.note }));
}

/**
 * The note on a code used for a former commune and for the new one it became part of. When the
 * name did not change (Nghĩa Đô → Nghĩa Đô; Xuân Hoà → Xuân Hòa is the same name in the new tone
 * placement) it says the territory grew, not "was X, is X".
 */
export function reusedCodeNote(code: string, oldName: string, newName: string, formerNames: string[]): string {
  if (foldForMatch(oldName) !== foldForMatch(newName)) return `Mã ${code} dùng lại: trước 01/07/2025 là ${oldName}, từ 01/07/2025 là ${newName}.`;
  const others = formerNames.filter((name) => foldForMatch(name) !== foldForMatch(oldName)).map((name) => name.replace(/^(Xã|Thị trấn) /, ''));
  return others.length
    ? `Mã ${code} dùng lại: ${newName} từ 01/07/2025 gồm cả ${others.join(', ')}, rộng hơn ${oldName} trước 01/07/2025.`
    : `Mã ${code} dùng lại: ${newName} trước và từ 01/07/2025.`;
}
