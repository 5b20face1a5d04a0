import type { Activity, ActivityCategory, ActivityStats, ActivitySummary, ActivityType, AttendanceStatus, EvidenceFile, VenueType } from '@xuanlian/contracts';
import type { ActivityRow, ActivityTypeRow, AttachedFile, AttendeeRow } from './activities.repo.ts';

export function presentType(r: ActivityTypeRow): ActivityType {
  return { id: r.id, code: r.code, name: r.name, category: r.category as ActivityCategory, sortOrder: r.sortOrder, active: r.active };
}

const pct = (n: number, d: number): number | null => (d > 0 ? Math.round((n / d) * 1000) / 10 : null);

/** Attendance and exam figures of one activity; 补学 counts as taking part (参学), not as 出席. */
export function statsOf(row: Pick<ActivityRow, 'outsideCount' | 'examPassMark'>, attendees: AttendeeRow[]): ActivityStats {
  const present = attendees.filter((a) => a.status === 'present').length;
  const madeUp = attendees.filter((a) => a.status === 'makeup').length;
  const scored = attendees.filter((a) => a.score !== null);
  const passed = row.examPassMark === null ? 0 : scored.filter((a) => (a.score ?? 0) >= (row.examPassMark ?? 0)).length;
  return {
    roster: attendees.length,
    present,
    absent: attendees.length - present - madeUp,
    madeUp,
    attendanceRate: pct(present + madeUp, attendees.length),
    reach: present + row.outsideCount,
    examined: scored.length,
    passed,
    passRate: row.examPassMark === null ? null : pct(passed, scored.length),
  };
}

export function presentFiles(list: AttachedFile[], meta: Map<string, { mime: string; size: number }>): EvidenceFile[] {
  return list.map((f) => {
    const m = meta.get(f.sha256) ?? { mime: 'application/octet-stream', size: 0 };
    return { sha256: f.sha256, name: f.name, caption: f.caption, mime: m.mime, size: m.size, kind: m.mime.startsWith('image/') ? 'photo' : 'file' };
  });
}

export function presentSummary(row: ActivityRow, attendees: AttendeeRow[], canEdit: boolean): ActivitySummary {
  return {
    id: row.id,
    orgId: row.orgId,
    orgName: row.orgName,
    typeId: row.typeId,
    typeName: row.typeName,
    category: row.category as ActivityCategory,
    heldOn: row.heldOn,
    place: row.place,
    venueType: row.venueType as VenueType,
    topic: row.topic,
    speaker: row.speaker,
    outsideCount: row.outsideCount,
    examPassMark: row.examPassMark,
    stats: statsOf(row, attendees),
    version: row.version,
    createdByName: row.createdByName,
    createdAt: row.createdAt.toISOString(),
    canEdit,
    fileCount: row.files.length,
  };
}

export function presentActivity(row: ActivityRow, attendees: AttendeeRow[], meta: Map<string, { mime: string; size: number }>, canEdit: boolean): Activity {
  const { fileCount: _n, ...summary } = presentSummary(row, attendees, canEdit);
  return {
    ...summary,
    minutes: row.minutes,
    attendees: attendees.map((a) => ({
      userId: a.userId,
      name: a.name,
      title: a.title,
      status: a.status as AttendanceStatus,
      absenceReason: a.absenceReason,
      makeupOn: a.makeupOn,
      score: a.score,
    })),
    files: presentFiles(row.files, meta),
  };
}
