import { describe, expect, it } from 'vitest';
import { planPeriodNote } from './plan-note.ts';

const old = { plan_id: 'KH-2021-2025', plan_name_vi: 'Kế hoạch 2021–2025', baseline_year: 2020, target_year: 2025 };
const next = { plan_id: 'KH-2026-2030', plan_name_vi: 'Kế hoạch 2026–2030', baseline_year: 2025, target_year: 2030 };

describe('the plan-period note', () => {
  it('says nothing within the plan period', () => {
    expect(planPeriodNote(2025, [old])).toBe('');
    expect(planPeriodNote(2023, [old, next])).toBe('');
  });

  it('says the plan ended in 2025 and what judges 2026', () => {
    expect(planPeriodNote(2026, [old])).toBe('Kỳ kế hoạch 2021–2025 (Kế hoạch 2021–2025) đã kết thúc năm 2025. Số liệu năm 2026 được so với mục tiêu năm 2025 cho đến khi có kế hoạch giai đoạn mới.');
    expect(planPeriodNote(2026, [old, next])).toBe('Kỳ kế hoạch 2021–2025 (Kế hoạch 2021–2025) đã kết thúc năm 2025. Số liệu năm 2026 được đánh giá theo '
      + 'Kế hoạch 2026–2030 (năm gốc 2025, mục tiêu năm 2030) đối với các chỉ tiêu kế hoạch này đặt ra; các chỉ tiêu khác vẫn so với mục tiêu năm 2025.');
  });
});
