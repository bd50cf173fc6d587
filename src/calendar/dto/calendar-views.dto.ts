import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One national year of the working-day calendar: statutory holidays and make-up workdays (调休). */
export class CalendarYearView {
  @ApiProperty({ example: 2027 }) year: number;
  @ApiProperty({ type: [String], format: 'date', description: 'Every day off, weekend days inside a holiday span included' })
  holidays: string[];
  @ApiProperty({ type: [String], format: 'date', description: 'Weekend days that are working days (调休上班)' }) makeUpWorkdays: string[];
  @ApiPropertyOptional({ description: 'Where the data comes from, e.g. the notice number' }) source?: string;
  @ApiProperty({ enum: ['shipped', 'loaded'], description: 'shipped: built into this release; loaded: loaded by an admin (wins)' })
  origin: 'shipped' | 'loaded';
}

/** A county's own days for one year. */
export class CountyDaysView {
  @ApiProperty() year: number;
  @ApiProperty({ format: 'uuid' }) countyUnitId: string;
  @ApiProperty({ type: [String], format: 'date' }) holidays: string[];
  @ApiProperty({ type: [String], format: 'date' }) makeUpWorkdays: string[];
}
