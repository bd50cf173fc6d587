import { Column, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** One year of statutory holidays and make-up workdays, national or a county's own additions. */
@Entity({ name: 'holiday_calendars' })
export class HolidayCalendar {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'int' })
  year: number;

  /** NULL: the national schedule; otherwise the county whose own days these are. */
  @Column({ name: 'county_unit_id', type: 'uuid', nullable: true })
  countyUnitId: string | null;

  @Column({ type: 'varchar', length: 10, array: true, default: () => "'{}'" })
  holidays: string[];

  @Column({ name: 'make_up_workdays', type: 'varchar', length: 10, array: true, default: () => "'{}'" })
  makeUpWorkdays: string[];

  @Column({ type: 'text', nullable: true })
  source: string | null;

  @Column({ name: 'updated_by_user_id', type: 'uuid', nullable: true })
  updatedByUserId: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
