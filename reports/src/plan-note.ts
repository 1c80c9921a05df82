// What the site and the Excel appendix say when the latest year is past a plan's target year.
export interface PlanSpan {
  plan_id: string;
  plan_name_vi: string;
  baseline_year: number;
  target_year: number;
}

/** A target of a plan, in the plan's words (ref.plan_targets): the printed report quotes the one that judges an indicator. */
export interface PlanTargetText extends PlanSpan {
  indicator_id: string;
  target_text_vi: string;
}

/** '' while the latest year is within the first plan; otherwise which plan's targets judge it. */
export function planPeriodNote(latestYear: number, plans: readonly PlanSpan[]): string {
  const ended = plans.filter((p) => p.target_year < latestYear).sort((a, b) => a.target_year - b.target_year);
  const last = ended.at(-1);
  if (!last) return '';
  const covering = plans.filter((p) => p.baseline_year < latestYear && latestYear <= p.target_year);
  const head = `Kỳ kế hoạch ${last.baseline_year + 1}–${last.target_year} (${last.plan_name_vi}) đã kết thúc năm ${last.target_year}.`;
  if (covering.length === 0) {
    return `${head} Số liệu năm ${latestYear} được so với mục tiêu năm ${last.target_year} cho đến khi có kế hoạch giai đoạn mới.`;
  }
  const names = covering.map((p) => `${p.plan_name_vi} (năm gốc ${p.baseline_year}, mục tiêu năm ${p.target_year})`).join('; ');
  return `${head} Số liệu năm ${latestYear} được đánh giá theo ${names} đối với các chỉ tiêu kế hoạch này đặt ra; các chỉ tiêu khác vẫn so với mục tiêu năm ${last.target_year}.`;
}
