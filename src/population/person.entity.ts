import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { PovertyStatus, Sex } from '../domain/register-row';

/** A registered poor person (建档立卡贫困人口). `idNumber` is sensitive: never listed unmasked. */
@Entity({ name: 'persons' })
export class Person {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'household_id', type: 'uuid' })
  householdId: string;

  /** The household's village, kept here so scope and roll-up queries need no join. */
  @Column({ name: 'village_unit_id', type: 'uuid' })
  villageUnitId: string;

  @Column({ type: 'varchar', length: 50 })
  name: string;

  /** 居民身份证号码 (18 characters, the last a checksum that may be X). */
  @Column({ name: 'id_number', type: 'varchar', length: 18, unique: true })
  idNumber: string;

  @Column({ type: 'varchar', length: 6 })
  sex: Sex;

  @Column({ name: 'birth_date', type: 'date' })
  birthDate: string;

  /** 与户主关系 */
  @Column({ name: 'relation_to_head', type: 'varchar', length: 20, default: '' })
  relationToHead: string;

  @Column({ name: 'poverty_status', type: 'varchar', length: 8 })
  povertyStatus: PovertyStatus;

  /** 主要致贫原因, e.g. 因病 */
  @Column({ name: 'poverty_cause_main', type: 'varchar', length: 40, default: '' })
  povertyCauseMain: string;

  /** 次要致贫原因 */
  @Column({ name: 'poverty_cause_secondary', type: 'varchar', length: 40, default: '' })
  povertyCauseSecondary: string;

  /** 签约家庭医生 */
  @Column({ name: 'family_doctor', type: 'varchar', length: 50, default: '' })
  familyDoctor: string;

  /** 已知疾病, as the register states them (free text). */
  @Column({ name: 'known_conditions', type: 'varchar', length: 200, default: '' })
  knownConditions: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
