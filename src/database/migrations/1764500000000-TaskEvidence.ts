import { MigrationInterface, QueryRunner } from 'typeorm';

export class TaskEvidence1764500000000 implements MigrationInterface {
  name = 'TaskEvidence1764500000000';

  async up(q: QueryRunner): Promise<void> {
    // 佐证资料: a note, or a file whose bytes live in the file storage under storage_key.
    await q.query(`
      CREATE TABLE task_evidence (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
        kind varchar(8) NOT NULL CHECK (kind IN ('note','file')),
        note text,
        file_name varchar(255),
        content_type varchar(100),
        size_bytes bigint CHECK (size_bytes >= 0),
        storage_key varchar(300) UNIQUE,
        sha256 char(64),
        uploaded_by_user_id uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (CASE kind
          WHEN 'note' THEN note IS NOT NULL AND storage_key IS NULL
          ELSE file_name IS NOT NULL AND content_type IS NOT NULL AND size_bytes IS NOT NULL AND storage_key IS NOT NULL AND sha256 IS NOT NULL
        END)
      )`);
    await q.query(`CREATE INDEX task_evidence_task_idx ON task_evidence (task_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE task_evidence`);
  }
}
