import type { EntityManager } from '@mikro-orm/postgresql';
import { levelOfCode, PREFIX_LENGTH } from '../area/division-code.js';
import { RuleViolationError } from '../kernel/errors.js';

/** Poor people (households POOR or RETURNED) and the rural population of an area's villages. */
export interface Incidence {
  poorPeople: number;
  ruralPopulation: number;
}

/** The area's poverty incidence parts, read in the caller's transaction (so a step sees what it writes against). */
export async function incidenceOf(em: EntityManager, areaCode: string): Promise<Incidence> {
  const prefix = `${areaCode.slice(0, PREFIX_LENGTH[levelOfCode(areaCode)])}%`;
  const [row] = await em.execute<{ poor: string; rural: string }[]>(
    `select (select coalesce(sum(member_count), 0) from household where village_code like ? and status in ('POOR', 'RETURNED')) as poor,
            (select coalesce(sum(rural_population), 0) from area where level = 'VILLAGE' and code like ?) as rural`,
    [prefix, prefix],
  );
  return { poorPeople: Number(row.poor), ruralPopulation: Number(row.rural) };
}

/** '1.23' of 1.234…: incidence in percent to two decimals, for messages. */
export const percentText = ({ poorPeople, ruralPopulation }: Incidence) => ((poorPeople * 100) / ruralPopulation).toFixed(2);

/**
 * Refuses an exit whose incidence is not under the threshold (percent), naming both; compared in
 * whole numbers (poor × 10,000 < threshold × 100 × rural), so 2 % of 1,000 people is exactly 20.
 */
export function assertIncidenceUnder(incidence: Incidence, threshold: number, field: string): void {
  if (incidence.ruralPopulation <= 0) {
    throw new RuleViolationError(field, '未登记农村户籍人口，无法计算贫困发生率', 'No rural population is recorded: poverty incidence cannot be computed');
  }
  if (incidence.poorPeople * 10_000 >= Math.round(threshold * 100) * incidence.ruralPopulation) {
    const percent = percentText(incidence);
    throw new RuleViolationError(
      field,
      `贫困发生率${percent}%（${incidence.poorPeople}÷${incidence.ruralPopulation}）未低于退出标准${threshold}%`,
      `Poverty incidence ${percent} % (${incidence.poorPeople} ÷ ${incidence.ruralPopulation}) is not under the exit threshold of ${threshold} %`,
    );
  }
}
