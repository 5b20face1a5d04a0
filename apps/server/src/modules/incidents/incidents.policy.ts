import { INCIDENT_TRANSITIONS, type Grade, type IncidentStage, type IncidentTransition } from '@xuanlian/contracts';

/** Hours allowed per stage at grade 一般; graver incidents get less (特别重大 a quarter). */
const STAGE_HOURS: Record<Exclude<IncidentStage, 'closed'>, number> = { discovered: 2, assessing: 4, handling: 24, responding: 12 };
const GRADE_FACTOR: Record<Grade, number> = { general: 1, serious: 0.75, major: 0.5, critical: 0.25 };

export function defaultDeadline(stage: IncidentStage, grade: Grade, from: Date): Date | null {
  if (stage === 'closed') return null;
  return new Date(from.getTime() + STAGE_HOURS[stage] * GRADE_FACTOR[grade] * 3_600_000);
}

export function findTransition(from: IncidentStage, to: IncidentStage): IncidentTransition | undefined {
  return INCIDENT_TRANSITIONS.find((t) => t.from === from && t.to === to);
}

export function transitionsFrom(stage: IncidentStage): IncidentTransition[] {
  return INCIDENT_TRANSITIONS.filter((t) => t.from === stage);
}
