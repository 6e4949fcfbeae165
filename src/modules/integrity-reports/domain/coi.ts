/** Conflict-of-interest figures: the yearly declaration rate the LKE asks for. */

export interface CoiEvaluation {
  year: number;
  employees: number;
  declared: number;
  /** Declarations with a potential conflict. */
  withConflict: number;
  /** Declared / employees in percent, rounded down to two decimals; 0 with no employees. */
  percent: number;
}

/**
 * Only annual declarations by current employees count: a person who declared twice counts once,
 * and a declaration by someone no longer at the unit does not raise the rate above 100%.
 */
export function coiEvaluation(
  year: number,
  employeeIds: readonly string[],
  annual: ReadonlyArray<{ userId: string; hasConflict: boolean }>,
): CoiEvaluation {
  const staff = new Set(employeeIds);
  const declared = new Set<string>();
  const conflicted = new Set<string>();
  for (const d of annual) {
    if (!staff.has(d.userId)) continue;
    declared.add(d.userId);
    if (d.hasConflict) conflicted.add(d.userId);
  }
  const percent = staff.size === 0 ? 0 : Math.floor((declared.size * 10000) / staff.size) / 100;
  return { year, employees: staff.size, declared: declared.size, withConflict: conflicted.size, percent };
}
