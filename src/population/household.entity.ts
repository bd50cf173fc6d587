import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** 户: a registered poor household of one village. */
@Entity({ name: 'households' })
export class Household {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** 户编号, as the poverty office numbers it. */
  @Column({ name: 'household_number', type: 'varchar', length: 40, unique: true })
  householdNumber: string;

  @Column({ name: 'village_unit_id', type: 'uuid' })
  villageUnitId: string;

  /** 户主姓名 */
  @Column({ name: 'head_name', type: 'varchar', length: 50 })
  headName: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
