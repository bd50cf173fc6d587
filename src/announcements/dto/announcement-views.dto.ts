import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AnnouncementStatus } from '../announcement.entity';

/** A notice (通知) to every user in a part of the hierarchy. */
export class AnnouncementView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty({ format: 'uuid' }) scopeUnitId: string;
  @ApiProperty({ format: 'uuid' }) authorUserId: string;
  @ApiProperty({ enum: ['sending', 'sent'] }) status: AnnouncementStatus;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Set when the fan-out has finished; null before (absent from the answer that creates it)',
  })
  recipientCount?: number | null;
  @ApiProperty({ type: Date }) createdAt: Date;
}
