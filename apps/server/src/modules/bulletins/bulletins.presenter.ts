import { BulletinNumbers, BulletinText, type Bulletin, type BulletinAppeal, type BulletinStatus, type BulletinSummary, type StatGrain } from '@xuanlian/contracts';
import { periodLabel } from '../statistics/index.ts';
import type { IssuingProfile } from '../document-numbers/index.ts';
import type { AppealRow, BulletinRow } from './bulletins.repo.ts';

export function defaultTitle(grain: StatGrain | string, period: string): string {
  return `关于${periodLabel(grain, period)}宣传信息报送采用情况的通报`;
}

/** What a final bulletin is: everything a reader or a download needs, frozen at 定稿. */
export interface BulletinSnapshot {
  title: string;
  text: BulletinText;
  numbers: BulletinNumbers;
  signer: string;
  issuedOn: string;
  appeals: BulletinAppeal[];
  finalizedAt: string;
  /** 发文字号 and the 版头 / 版记 settings as issued (absent on bulletins finalised before the register existed). */
  documentNumber?: string;
  issuing?: IssuingProfile;
}

export function snapshotOf(r: BulletinRow): BulletinSnapshot | null {
  return r.snapshot ? (r.snapshot as BulletinSnapshot) : null;
}

/** The content to show or render: the snapshot once final, the working row before. */
export interface BulletinContent {
  title: string;
  text: BulletinText;
  numbers: BulletinNumbers;
  signer: string;
  issuedOn: string;
  documentNumber: string | null;
  /** Frozen at 定稿; null while the office's current settings apply. */
  issuing: IssuingProfile | null;
}

export function contentOf(r: BulletinRow): BulletinContent {
  const snap = snapshotOf(r);
  if (snap)
    return { title: snap.title, text: snap.text, numbers: snap.numbers, signer: snap.signer, issuedOn: snap.issuedOn, documentNumber: snap.documentNumber ?? null, issuing: snap.issuing ?? null };
  return { title: r.title, text: r.text as BulletinText, numbers: r.numbers as BulletinNumbers, signer: r.signer, issuedOn: r.issuedOn, documentNumber: null, issuing: null };
}

export function presentAppeal(a: AppealRow): BulletinAppeal {
  return {
    id: a.id,
    bulletinId: a.bulletinId,
    orgId: a.orgId,
    orgName: a.orgName,
    reason: a.reason,
    createdByName: a.createdByName,
    createdAt: a.createdAt.toISOString(),
    answer: a.answer,
    answeredByName: a.answeredByName,
    answeredAt: a.answeredAt?.toISOString() ?? null,
  };
}

export function presentSummary(r: BulletinRow, now = new Date()): BulletinSummary {
  const c = contentOf(r);
  return {
    id: r.id,
    orgId: r.orgId,
    orgName: r.orgName,
    grain: r.grain as StatGrain,
    period: r.period,
    periodLabel: periodLabel(r.grain, r.period),
    title: c.title,
    status: r.status as BulletinStatus,
    commendTop: r.commendTop,
    appealDays: r.appealDays,
    appealUntil: r.appealUntil?.toISOString() ?? null,
    appealOpen: r.status === 'appeal' && !!r.appealUntil && r.appealUntil.getTime() > now.getTime(),
    appealCount: r.appealCount,
    unansweredCount: r.unansweredCount,
    signer: c.signer,
    issuedOn: c.issuedOn,
    documentNumber: c.documentNumber,
    version: r.version,
    createdByName: r.createdByName,
    createdAt: r.createdAt.toISOString(),
    publishedAt: r.publishedAt?.toISOString() ?? null,
    finalizedAt: r.finalizedAt?.toISOString() ?? null,
    finalizedByName: r.finalizedByName,
  };
}

export function presentBulletin(r: BulletinRow, appeals: AppealRow[]): Bulletin {
  const c = contentOf(r);
  return { ...presentSummary(r), text: c.text, numbers: c.numbers, appeals: appeals.map(presentAppeal) };
}
