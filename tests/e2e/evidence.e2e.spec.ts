import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { FILE_STORAGE, FileStorage } from '../../src/storage/file-storage';
import { Task } from '../../src/tasks/task.entity';
import { District, givenDistrict, givenUser } from '../support/factories';
import { binaryBody, startTestApp, TestApp } from '../support/test-app';

const MAX_BYTES = 4096;
/** A small but real PDF, with the binary comment line real writers put after the header. */
const PDF = Buffer.concat([
  Buffer.from('%PDF-1.4\n%'),
  Buffer.from([0xe2, 0xe3, 0xcf, 0xd3]),
  Buffer.from(
    '\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
      '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  ),
]);
const PDF_NAME = '入户核实签字表（第1村）.pdf';
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('task evidence (佐证资料)', () => {
  let t: TestApp;
  let storageDir: string;
  let district: District;
  let managerToken: string;
  let staffToken: string;
  let otherVillageToken: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    storageDir = await mkdtemp(join(tmpdir(), 'evidence-'));
    t = await startTestApp({ env: { STORAGE_DIR: storageDir, EVIDENCE_MAX_BYTES: String(MAX_BYTES) } });
    district = await givenDistrict(t.app);
    const manager = await givenUser(t.app, 'manager', district.id.townships[0]);
    const staff = await givenUser(t.app, 'staff', district.id.clinics[0]);
    const otherVillage = await givenUser(t.app, 'staff', district.id.clinics[1]);
    [managerToken, staffToken, otherVillageToken] = await Promise.all(
      [manager, staff, otherVillage].map((u) => t.login(u.username, u.password)),
    );
  });
  afterAll(async () => {
    await t.stop();
    await rm(storageDir, { recursive: true, force: true });
  });

  async function createTask(): Promise<Task> {
    const dueAt = new Date(Date.now() + 3600_000).toISOString();
    const res = await t.http
      .post('/api/tasks')
      .set(auth(managerToken))
      .send({ title: '贫困人口家庭医生签约入户核实', unitId: district.id.clinics[0], dueAt })
      .expect(201);
    return res.body;
  }

  const upload = (taskId: string, token: string, data: Buffer, filename: string, contentType: string) =>
    t.http.post(`/api/tasks/${taskId}/evidence/files`).set(auth(token)).attach('file', data, { filename, contentType });

  const download = (taskId: string, evidenceId: string, token: string) =>
    t.http.get(`/api/tasks/${taskId}/evidence/${evidenceId}/file`).set(auth(token)).buffer(true).parse(binaryBody);

  /** Every file under the storage folder, temporary ones included. */
  async function storedFiles(): Promise<string[]> {
    const entries = await readdir(storageDir, { recursive: true, withFileTypes: true });
    return entries.filter((e) => e.isFile()).map((e) => e.name);
  }

  it('stores a PDF with a Chinese name, lists it and gives the same bytes back', async () => {
    const task = await createTask();
    const res = await upload(task.id, staffToken, PDF, PDF_NAME, 'application/pdf').expect(201);
    expect(res.body).toMatchObject({
      taskId: task.id,
      kind: 'file',
      fileName: PDF_NAME,
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
      sha256: sha256(PDF),
      note: null,
    });
    expect(res.body).not.toHaveProperty('storageKey');

    const list = await t.http.get(`/api/tasks/${task.id}/evidence`).set(auth(managerToken)).expect(200);
    expect(list.body).toEqual([res.body]);

    const file: Response = await download(task.id, res.body.id, managerToken).expect(200);
    expect(Buffer.compare(file.body, PDF)).toBe(0);
    expect(sha256(file.body)).toBe(res.body.sha256);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''[\w%.~!-]+$/);
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(file.headers['content-disposition'])![1])).toBe(PDF_NAME);

    const history = await t.http.get(`/api/tasks/${task.id}`).set(auth(staffToken)).expect(200);
    expect(history.body.history.map((e: { action: string }) => e.action)).toEqual(['created', 'evidence_added']);
    expect((await storedFiles()).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a program disguised as a PDF, naming the problem, and keeps nothing', async () => {
    const task = await createTask();
    const before = await storedFiles();
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.from([0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]), Buffer.alloc(64)]);
    const res = await upload(task.id, staffToken, exe, '年度报告.pdf', 'application/pdf').expect(400);
    expect(res.body.message).toBe('file is declared application/pdf but its content is not a PDF');
    const offList = await upload(task.id, staffToken, exe, 'setup.exe', 'application/x-msdownload').expect(400);
    expect(offList.body.message).toContain('application/x-msdownload is not allowed');
    await t.http.get(`/api/tasks/${task.id}/evidence`).set(auth(staffToken)).expect(200, []);
    expect(await storedFiles()).toEqual(before);
  });

  it('refuses a file over EVIDENCE_MAX_BYTES with 413 and keeps nothing', async () => {
    const task = await createTask();
    const before = await storedFiles();
    const big = Buffer.concat([PDF, Buffer.alloc(MAX_BYTES)]);
    await upload(task.id, staffToken, big, '大文件.pdf', 'application/pdf').expect(413);
    await t.http.get(`/api/tasks/${task.id}/evidence`).set(auth(staffToken)).expect(200, []);
    expect(await storedFiles()).toEqual(before);
  });

  it('asks for the file field', async () => {
    const task = await createTask();
    const res = await t.http.post(`/api/tasks/${task.id}/evidence/files`).set(auth(staffToken)).field('note', 'x').expect(400);
    expect(res.body.message).toContain('file is required');
  });

  it('refuses staff of another village with 403, to add, list and download', async () => {
    const task = await createTask();
    const mine = await upload(task.id, staffToken, PDF, PDF_NAME, 'application/pdf').expect(201);
    await upload(task.id, otherVillageToken, PDF, PDF_NAME, 'application/pdf').expect(403);
    await t.http.post(`/api/tasks/${task.id}/evidence/notes`).set(auth(otherVillageToken)).send({ note: '越界' }).expect(403);
    await t.http.get(`/api/tasks/${task.id}/evidence`).set(auth(otherVillageToken)).expect(403);
    await download(task.id, mine.body.id, otherVillageToken).expect(403);
  });

  it('refuses evidence once the task is approved, naming the state', async () => {
    const task = await createTask();
    await upload(task.id, staffToken, PDF, PDF_NAME, 'application/pdf').expect(201);
    await t.http.post(`/api/tasks/${task.id}/submit`).set(auth(staffToken)).expect(201);
    await t.http.post(`/api/tasks/${task.id}/evidence/notes`).set(auth(staffToken)).send({ note: '提交后补充说明' }).expect(201);
    await t.http.post(`/api/tasks/${task.id}/approve`).set(auth(managerToken)).expect(201);
    const before = await storedFiles();
    const res = await upload(task.id, staffToken, PDF, '补交.pdf', 'application/pdf').expect(409);
    expect(res.body.message).toBe('cannot add evidence to a task that is approved');
    await t.http.post(`/api/tasks/${task.id}/evidence/notes`).set(auth(staffToken)).send({ note: '太晚了' }).expect(409);
    expect(await storedFiles()).toEqual(before);
    const list = await t.http.get(`/api/tasks/${task.id}/evidence`).set(auth(staffToken)).expect(200);
    expect(list.body.map((e: { kind: string }) => e.kind)).toEqual(['file', 'note']);
  });

  it('removes the stored file again when its row cannot be written (an approval won the race)', async () => {
    const task = await createTask();
    const storage = t.app.get<FileStorage>(FILE_STORAGE);
    const put = storage.putStream.bind(storage);
    const stored = jest.spyOn(storage, 'putStream').mockImplementationOnce(async (key, data) => {
      await put(key, data);
      await t.app.get(DataSource).getRepository(Task).update(task.id, { status: 'approved', finishedAt: new Date() });
    });
    const before = await storedFiles();
    try {
      await upload(task.id, staffToken, PDF, PDF_NAME, 'application/pdf').expect(409);
      expect(stored).toHaveBeenCalledTimes(1);
    } finally {
      stored.mockRestore();
    }
    expect(await storedFiles()).toEqual(before);
    await t.http.get(`/api/tasks/${task.id}/evidence`).set(auth(staffToken)).expect(200, []);
  });

  it('adds a note, which has no file to download', async () => {
    const task = await createTask();
    const res = await t.http
      .post(`/api/tasks/${task.id}/evidence/notes`)
      .set(auth(staffToken))
      .send({ note: '已入户核实，户主签字确认' })
      .expect(201);
    expect(res.body).toMatchObject({ kind: 'note', note: '已入户核实，户主签字确认', fileName: null, sizeBytes: null });
    const list = await t.http.get(`/api/tasks/${task.id}/evidence`).set(auth(managerToken)).expect(200);
    expect(list.body).toEqual([res.body]);
    await download(task.id, res.body.id, staffToken).expect(404);
    const blank = await t.http.post(`/api/tasks/${task.id}/evidence/notes`).set(auth(staffToken)).send({ note: '   ' }).expect(400);
    expect(blank.body.message).toContain('note must not be blank');
  });
});
