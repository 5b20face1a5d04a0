import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { asUser, buildCategories, buildManuscript, buildTwoTrees } from '../../../../test/factories.ts';
import { uploadEvidence } from '../../../../test/ledgers.ts';
import { chinaDate } from '../../china-time/index.ts';
import { fileHolderNames } from '../readable.ts';
import { PNG } from './samples.ts';

/**
 * A file id (sha256) is no secret: it is in every image URL. Attaching a file by its id must
 * therefore need the right to read it already — uploaded by the caller, or attached to a row the
 * caller can see — on every route that takes one, or an activity becomes a window on any file.
 */
let t: TestApp;
let trees: Awaited<ReturnType<typeof buildTwoTrees>>;
let reporterA: string;
let colleagueA: string;
let reporterB: string;
let editorB: string;
let secret: { sha256: string; name: string };
let types: Record<string, string>;

const req = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, cookie: string, payload?: object) => t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

const activity = (orgId: string, files: object[] = []) => ({
  orgId,
  typeId: types.study,
  heldOn: chinaDate(),
  place: '会议室',
  venueType: 'organ',
  topic: '学习会',
  speaker: '书记',
  outsideCount: 0,
  minutes: '学习。',
  attendees: [],
  files,
});

/** A distinct PNG per call (content-addressed: the same bytes would be the same file). */
const png = (tag: string) => Buffer.concat([PNG, Buffer.from(`#${tag}`)]);

beforeAll(async () => {
  t = await createTestApp();
  trees = await buildTwoTrees(t);
  await buildCategories(t, trees.a);
  await buildCategories(t, trees.b);
  reporterA = (await asUser(t, trees.a1, 'reporter')).cookie;
  colleagueA = (await asUser(t, trees.a1, 'chief_reporter')).cookie;
  reporterB = (await asUser(t, trees.b1, 'reporter')).cookie;
  editorB = (await asUser(t, trees.b, 'editor')).cookie;
  const list = await req('GET', '/api/activity-types', reporterA);
  types = Object.fromEntries(list.json().items.map((x: { code: string; id: string }) => [x.code, x.id]));
  secret = await uploadEvidence(t, reporterA, png('secret'), '内部材料.png');
});
afterAll(async () => t.close());

async function count(table: string): Promise<number> {
  const r = await t.database.db.execute(`select count(*)::int as n from ${table}`);
  return Number((r as unknown as { rows: Array<{ n: number }> }).rows[0]?.n);
}

describe('[附件引用] a file id is attached only by someone who may already read it', () => {
  it('unit B cannot attach unit A’s upload to a new activity, nor to an edit, and cannot read it through one', async () => {
    const before = await count('activities');
    const create = await req('POST', '/api/activities', reporterB, activity(trees.b1.id, [{ sha256: secret.sha256, name: '偷看.png' }]));
    expect(create.statusCode, create.body).toBe(404);
    expect(create.json().error.message).toMatch(/附件/);
    expect(await count('activities')).toBe(before);

    const own = await req('POST', '/api/activities', reporterB, activity(trees.b1.id));
    expect(own.statusCode, own.body).toBe(201);
    const patch = await req('PATCH', `/api/activities/${own.json().id}`, reporterB, { version: 1, files: [{ sha256: secret.sha256, name: '偷看.png' }] });
    expect(patch.statusCode, patch.body).toBe(404);
    expect((await req('GET', `/api/activities/${own.json().id}/files/${secret.sha256}`, reporterB)).statusCode).toBe(404);
  });

  it('a missing file and a forbidden one get the same answer', async () => {
    const ghost = await req('POST', '/api/activities', reporterB, activity(trees.b1.id, [{ sha256: 'a'.repeat(64), name: 'x.png' }]));
    const stolen = await req('POST', '/api/activities', reporterB, activity(trees.b1.id, [{ sha256: secret.sha256, name: 'x.png' }]));
    expect(ghost.statusCode).toBe(stolen.statusCode);
    expect(ghost.json().error.message).toBe(stolen.json().error.message);
  });

  it('unit B cannot attach it to a task report or a completion report', async () => {
    const plan = await req('POST', '/api/plans', editorB, {
      orgId: trees.b.id,
      title: '乙单位宣讲工作方案',
      year: 2025,
      phases: [
        {
          name: '部署',
          tasks: [
            { title: '制定宣讲方案', leadOrgId: trees.b1.id },
            { title: '组织宣讲', leadOrgId: trees.b1.id },
          ],
        },
      ],
    });
    expect(plan.statusCode, plan.body).toBe(201);
    const [first, second] = plan.json().tasks as Array<{ id: string; version: number }>;
    const before = await count('task_reports');
    const report = await req('POST', `/api/tasks/${first?.id}/reports`, reporterB, { body: '已完成初稿。', files: [{ sha256: secret.sha256, name: 'x.png' }] });
    expect(report.statusCode, report.body).toBe(404);
    const submit = await req('POST', `/api/tasks/${second?.id}/submit`, reporterB, { version: second?.version, body: '已办结。', files: [{ sha256: secret.sha256, name: 'x.png' }] });
    expect(submit.statusCode, submit.body).toBe(404);
    expect(await count('task_reports')).toBe(before);
    expect((await req('GET', `/api/tasks/${first?.id}/files/${secret.sha256}`, reporterB)).statusCode).toBe(404);
  });

  it('unit B cannot attach it to a manuscript, nor show it in a manuscript body', async () => {
    const draft = await buildManuscript(t, reporterB);
    const attach = await req('PUT', `/api/manuscripts/${draft.id}/draft`, reporterB, {
      revision: draft.revision,
      attachments: [{ sha256: secret.sha256, name: 'x.png', size: 1, mime: 'image/png' }],
    });
    expect(attach.statusCode, attach.body).toBe(404);
    const m = await buildManuscript(t, reporterB, { bodyHtml: `<p>活动内容。</p><figure><img src="/api/files/${secret.sha256}" /></figure>` });
    expect(String(m.bodyHtml)).not.toContain(secret.sha256);
    expect((await req('GET', `/api/files/${secret.sha256}`, reporterB)).statusCode).toBe(404);
  });

  it('the uploader and a colleague who sees a row holding the file may attach it again', async () => {
    const mine = await req('POST', '/api/activities', reporterA, activity(trees.a1.id, [secret]));
    expect(mine.statusCode, mine.body).toBe(201);
    const again = await req('POST', '/api/activities', colleagueA, activity(trees.a1.id, [secret]));
    expect(again.statusCode, again.body).toBe(201);
    // A file the colleague uploaded alone, never attached, stays the colleague's.
    const draft = await uploadEvidence(t, colleagueA, png('draft'), '草稿.png');
    expect((await req('POST', '/api/activities', reporterA, activity(trees.a1.id, [draft]))).statusCode).toBe(404);
  });

  it('unit B uploading the same bytes itself owns its copy (the hash names content, not a right)', async () => {
    const same = await uploadEvidence(t, reporterB, png('secret'), '同一张.png');
    expect(same.sha256).toBe(secret.sha256);
    expect((await req('POST', '/api/activities', reporterB, activity(trees.b1.id, [same]))).statusCode).toBe(201);
  });
});

/**
 * Every table that stores a file hash is either a registered holder (its rows let their readers
 * reuse the file) or never takes a hash from a client. A new table with files fails here until
 * it is classified.
 */
const HOLDERS: Record<string, string> = { 'activities.ts': 'activities', 'task-reports.ts': 'task_reports', 'manuscript-files.ts': 'manuscripts' };
const NEVER_BY_HASH: Record<string, string> = {
  'files.ts': 'the blobs and their uploaders themselves',
  'adoptions.ts': 'evidence is uploaded to the adoption or captured by the server',
  'endorsements.ts': 'the scan is uploaded to the endorsement',
  'opinion-briefs.ts': 'the brief .docx is written by the system',
  'releases.ts': 'images come from the released manuscript body, already checked there',
};
describe('[附件引用] every table holding files is classified', () => {
  it('lists each schema file that stores a hash, and registers a holder for each attachable one', () => {
    const dir = join(import.meta.dirname, '../../../../../../packages/db/src/schema');
    const holding = readdirSync(dir).filter((f) => f.endsWith('.ts') && /sha256|AttachedFile|imageShas/i.test(readFileSync(join(dir, f), 'utf8')));
    expect(holding.sort()).toEqual([...Object.keys(HOLDERS), ...Object.keys(NEVER_BY_HASH)].sort());
    expect(fileHolderNames()).toEqual(Object.values(HOLDERS).sort());
  });
});
